"""A DOCX is someone else's zip of XML: hostile files are refused cleanly and quickly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.errors import ImportFailed
from drafting.exporters import export_docx
from drafting.importers import load_document
from drafting.importers.docx_import import import_docx_file
from tests.helpers import load


@pytest.fixture(scope="module")
def good() -> bytes:
    return export_docx(load("ga-res-62-172-en.txt").document).data


def rezip(
    data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
                continue
            target.writestr(info, source.read(info))
        for name, payload in (add or {}).items():
            target.writestr(name, payload)
    return out.getvalue()


def refused(data: bytes, expected: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ImportFailed, match=expected) as info:
        import_docx_file(data, "hostile.docx")
    assert time.perf_counter() - start < 5  # generous bound against hangs, not a benchmark
    assert "\n" not in str(info.value)


def test_zip_bomb_is_refused(good):
    bomb = rezip(good, add={"word/media/bomb.bin": b"\0" * (64 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    refused(bomb, "zip bomb")


def test_billion_laughs_is_refused(good):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    refused(rezip(good, {"word/document.xml": laughs}), "DTD")


def test_external_entity_is_refused(good):
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    refused(rezip(good, {"word/document.xml": xxe}), "DTD")


def test_external_template_is_not_followed(good):
    settings_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/attachedTemplate" Target="http://203.0.113.9/template.dotm" TargetMode="External"/>'
        b"</Relationships>"
    )
    doc_rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdNumbering" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
        b'Target="numbering.xml"/><Relationship Id="rId7" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="http://203.0.113.9/tracker.png" TargetMode="External"/></Relationships>'
    )
    data = rezip(
        good, {"word/_rels/document.xml.rels": doc_rels}, {"word/_rels/settings.xml.rels": settings_rels}
    )
    result = import_docx_file(data, "template.docx")
    assert len(result.document.operative) == 10
    assert any(
        "external reference not followed: http://203.0.113.9/tracker.png" in n for n in result.report.notes
    )


def test_macro_enabled_is_refused(good, tmp_path):
    types = (
        zipfile.ZipFile(io.BytesIO(good))
        .read("[Content_Types].xml")
        .replace(b"wordprocessingml.document.main+xml", b"x")
        .replace(
            b'ContentType="application/vnd.openxmlformats-officedocument.x"',
            b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"',
        )
    )
    refused(rezip(good, {"[Content_Types].xml": types}), "macro")
    refused(rezip(good, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "macro")
    path = tmp_path / "draft.docm"
    path.write_bytes(good)
    with pytest.raises(ImportFailed, match="macro"):
        load_document(path)


def test_encrypted_and_legacy_files_are_refused():
    refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted")


def test_truncated_and_not_zip(good):
    refused(good[: len(good) // 2], "damaged or truncated")
    refused(b"This is not a zip", "not a Word file")
    refused(b"PK\x03\x04garbage", "damaged or truncated")


def test_zip_without_word_document(good):
    refused(rezip(good, {"word/document.xml": None}), "missing")
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("hello.txt", "hi")
    refused(empty.getvalue(), "not a Word document")


def test_malformed_xml(good):
    refused(rezip(good, {"word/document.xml": b"<w:document"}), "not well-formed")


def test_input_file_is_never_modified(good, tmp_path):
    path = Path(tmp_path / "in.docx")
    path.write_bytes(good)
    before = path.stat().st_mtime_ns, path.read_bytes()
    load_document(path)
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_clear_error(data):
    with pytest.raises(ImportFailed):
        import_docx_file(data, "random.docx")


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_damaged_zip_members_give_a_clear_error_or_a_document(good, data):
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        names = archive.namelist()
    victim = data.draw(st.sampled_from(names))
    payload = data.draw(st.binary(max_size=300))
    try:
        import_docx_file(rezip(good, {victim: payload}), "damaged.docx")
    except ImportFailed as exc:
        message = str(exc)
    else:
        return
    assert "\n" not in message


def test_a_parser_message_with_a_line_break_is_one_line(good):
    """Found by the fuzz test above: lxml's message for a NUL character ends in a line break."""
    with pytest.raises(ImportFailed) as caught:
        import_docx_file(rezip(good, {"[Content_Types].xml": b"<\x00"}), "damaged.docx")
    assert "\n" not in str(caught.value)
    assert "not well-formed XML" in str(caught.value)
