"""Issue 14, items 5 and 13: the DOCX pre-checks match what they claim (DTDs in any encoding
and anywhere before the root, macros however they are declared), and a damaged zip layer is a
clear "damaged" error, never an internal error."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import pytest

from drafting.errors import DraftingError, ImportFailed
from drafting.exporters import export_docx
from drafting.importers import load_document
from drafting.importers.docx_import import import_docx_file
from tests.helpers import load
from tests.test_docx_hostile import refused, rezip

CT_VBA = "application/vnd.ms-office.vbaProject"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Text</w:t></w:r></w:p></w:body></w:document>'


@pytest.fixture(scope="module")
def good() -> bytes:
    return export_docx(load("ga-res-62-172-en.txt").document).data


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


# --- item 5: DTDs -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_dtd_in_utf16_xml_is_refused(good, encoding):
    xml = (
        f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY x "lol">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    data = xml.encode(encoding)
    if encoding != "utf-16":  # a byte order mark, as Word would write one
        data = ("\ufeff" + xml).encode(encoding)
    refused(rezip(good, {"word/document.xml": data}), "DTD")


def test_a_dtd_after_a_long_comment_is_refused(good):
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><!--' + "x" * 5000 + "-->"
        '<!DOCTYPE w:document SYSTEM "http://203.0.113.9/word.dtd">' + BODY
    )
    refused(rezip(good, {"word/document.xml": xml.encode()}), "DTD")


def test_a_dtd_in_the_content_types_is_refused(good):
    types = _part(good, "[Content_Types].xml").decode()
    head, _, rest = types.partition("?>")
    hostile = head + "?><!--" + " " * 8000 + '--><!DOCTYPE Types SYSTEM "http://203.0.113.9/t.dtd">' + rest
    refused(rezip(good, {"[Content_Types].xml": hostile.encode()}), "DTD")


def test_the_parser_refuses_a_dtd_the_prolog_check_missed(good, monkeypatch):
    """The refusal does not rest on the prolog reader alone: what the parser saw decides too."""
    from drafting.ooxml import package

    monkeypatch.setattr(package, "_declares_dtd", lambda data: False)
    xml = '<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://203.0.113.9/word.dtd">' + BODY
    refused(rezip(good, {"word/document.xml": xml.encode()}), "DTD")


def test_entity_text_in_a_comment_of_the_body_is_not_a_dtd(good):
    """Only a DOCTYPE before the root element declares anything; the words elsewhere are text."""
    xml = _part(good, "word/document.xml").replace(b"<w:body>", b"<w:body><!-- <!ENTITY x 'y'> <!DOCTYPE -->")
    result = import_docx_file(rezip(good, {"word/document.xml": xml}), "fine.docx")
    assert len(result.document.operative) == 10


# --- item 5: macros ----------------------------------------------------------------------------


def _types(good: bytes, old: str, new: str) -> bytes:
    types = _part(good, "[Content_Types].xml").decode()
    assert old in types
    return types.replace(old, new).encode()


def test_a_macro_main_content_type_as_a_default_entry_is_refused(good):
    types = _types(
        good,
        f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}"/>',
        "",
    ).replace(b'ContentType="application/xml"', f'ContentType="{CT_MACRO_MAIN}"'.encode())
    refused(rezip(good, {"[Content_Types].xml": types}), "macro")


def test_a_vba_project_content_type_as_a_default_entry_is_refused(good):
    types = _types(
        good,
        '<Default Extension="xml"',
        f'<Default Extension="dat" ContentType="{CT_VBA}"/><Default Extension="xml"',
    )
    data = rezip(
        good, {"[Content_Types].xml": types}, {"word/payload.dat": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"}
    )
    refused(data, "macro")


def test_a_macro_content_type_in_lower_case_is_refused(good):
    types = _types(good, CT_MAIN, CT_MACRO_MAIN.lower())
    refused(rezip(good, {"[Content_Types].xml": types}), "macro")


def test_a_renamed_vba_project_found_by_its_content_type_is_refused(good):
    types = _types(
        good,
        "</Types>",
        f'<Override PartName="/word/Picture1.PNG" ContentType="{CT_VBA.upper()}"/></Types>',
    )
    data = rezip(
        good, {"[Content_Types].xml": types}, {"word/Picture1.PNG": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"}
    )
    refused(data, "macro")


def test_a_renamed_vba_project_found_by_its_relationship_is_refused(good):
    rels = _part(good, "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{RT_VBA}" Target="media/image7.png"/></Relationships>'.encode(),
    )
    data = rezip(
        good,
        {"word/_rels/document.xml.rels": rels},
        {"word/media/image7.png": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"},
    )
    refused(data, "macro")


def test_a_vba_project_under_an_upper_case_name_is_refused(good):
    refused(rezip(good, add={"WORD/VBAPROJECT.BIN": b"\xd0\xcf\x11\xe0"}), "macro")


# --- item 13: damaged zip layers ----------------------------------------------------------------


def _local_headers(data: bytes) -> list[int]:
    found, at = [], data.find(b"PK\x03\x04")
    while at >= 0:
        found.append(at)
        at = data.find(b"PK\x03\x04", at + 4)
    return found


def _central_headers(data: bytes) -> list[int]:
    found, at = [], data.find(b"PK\x01\x02")
    while at >= 0:
        found.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return found


def damaged(data: bytes, message: str = "damaged") -> None:
    with pytest.raises(ImportFailed, match=message) as info:
        import_docx_file(data, "damaged.docx")
    assert "\n" not in str(info.value)
    assert "internal error" not in str(info.value)


def test_a_bad_crc_is_a_damaged_file(good):
    at = _central_headers(good)[2] + 16  # word/document.xml's CRC in the central directory
    data = good[:at] + bytes(b ^ 0xFF for b in good[at : at + 4]) + good[at + 4 :]
    damaged(data)


def test_a_bad_local_header_magic_is_a_damaged_file(good):
    at = _local_headers(good)[2]
    damaged(good[:at] + b"XX\x03\x04" + good[at + 4 :])


def test_a_corrupt_deflate_stream_is_a_damaged_file(good):
    at = _local_headers(good)[2]
    name_len, extra_len = struct.unpack("<HH", good[at + 26 : at + 30])
    start = at + 30 + name_len + extra_len
    damaged(good[:start] + b"\xff" * 16 + good[start + 16 :])


def test_an_unknown_compression_method_is_a_damaged_file(good):
    at = _central_headers(good)[2] + 10
    damaged(good[:at] + struct.pack("<H", 99) + good[at + 2 :])


def test_a_name_mismatch_is_a_damaged_file(good):
    at = _local_headers(good)[2] + 30
    damaged(good[:at] + b"X" + good[at + 1 :])


def test_damaged_docx_through_load_document(good, tmp_path):
    at = _central_headers(good)[2] + 10
    path = tmp_path / "damaged.docx"
    path.write_bytes(good[:at] + struct.pack("<H", 99) + good[at + 2 :])
    with pytest.raises(ImportFailed, match="damaged"):
        load_document(path)


def _mutations(good: bytes, rng: random.Random) -> bytes:
    data = bytearray(good)
    kind = rng.randrange(5)
    if kind == 0:  # random byte flips anywhere
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # truncation
        del data[rng.randrange(1, len(data)) :]
    elif kind == 2:  # a field of a local or central header
        at = rng.choice(_local_headers(good) + _central_headers(good))
        offset = rng.randrange(4, 46)
        data[at + offset] = rng.randrange(256)
    elif kind == 3:  # a 16-bit field of a header set to an extreme value
        at = rng.choice(_local_headers(good) + _central_headers(good))
        offset = rng.randrange(4, 44, 2)
        data[at + offset : at + offset + 2] = struct.pack("<H", rng.choice([0, 1, 0x41, 99, 0xFFFF]))
    else:  # bytes of a compressed stream
        at = rng.choice(_local_headers(good))
        for _ in range(rng.randint(1, 4)):
            data[min(len(data) - 1, at + 30 + rng.randrange(200))] = rng.randrange(256)
    return bytes(data)


def test_mutated_docx_give_a_clear_error_or_a_document(good):
    rng = random.Random(1413)
    messages, documents = [], 0
    for _ in range(400):
        data = _mutations(good, rng)
        try:
            import_docx_file(data, "mutated.docx")
        except DraftingError as exc:  # anything else fails the test with its traceback
            messages.append(str(exc))
        else:
            documents += 1
    assert len(messages) > 100  # the mutations did damage files
    assert [m for m in messages if "\n" in m or "internal error" in m] == []


def test_a_damaged_docx_is_one_clear_line_in_the_command_line_and_the_window(good, tmp_path, capsys):
    from app.cli import main
    from ui.file_io import FileProblem, open_file

    at = _central_headers(good)[2] + 16
    path = tmp_path / "damaged.docx"
    path.write_bytes(good[:at] + bytes(b ^ 0xFF for b in good[at : at + 4]) + good[at + 4 :])
    assert main(["outline", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "this Word file is damaged" in error
    assert "internal error" not in error
    with pytest.raises(FileProblem, match=r"^damaged\.docx: this Word file is damaged"):
        open_file(path)
