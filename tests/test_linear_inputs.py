"""Large and hostile inputs cost what their size says (issue 14, item 8).

The size caps are set from measured cost (``bench/large_inputs.py``); what is tested here is
that they hold together and that inputs inside them that used to take minutes, or memory without
end, do not: a ``basedOn`` chain thousands of styles deep, a field whose instruction arrives in
tens of thousands of pieces, unclosed fields, a list starting at a 4,000-digit number, a footnote
printed as number 999999999. ``hang_guard`` stops a run that would otherwise take minutes; it
is not a timing assertion.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from drafting.checks import CheckSettings, run_checks
from drafting.errors import ImportFailed
from drafting.exporters.docx_export import export_docx
from drafting.importers.decoding import MAX_TEXT_BYTES
from drafting.importers.docx_import import import_docx_file
from drafting.importers.text_import import import_text
from drafting.ooxml import package
from tests.docx_builder import build_docx
from tests.helpers import CORPUS, load
from tests.test_linear_regexes import hang_guard

HEAD = "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"


def _operative(inner: str) -> str:
    return f"<w:p><w:r><w:t>1. Decides </w:t></w:r>{inner}<w:r><w:t>;</w:t></w:r></w:p>"


def test_the_docx_of_any_accepted_text_can_be_read_back() -> None:
    """The caps agree: the DOCX export of a text at the text cap stays under the part caps
    (measured on A/RES/67/193: bytes of document.xml per byte of text, with a margin)."""
    source = load("ga-res-67-193-en.txt")
    text_bytes = len((CORPUS / "ga-res-67-193-en.txt").read_bytes())
    data = export_docx(source.document).data
    archive = zipfile.ZipFile(io.BytesIO(data))
    sizes = {name: archive.getinfo(name).file_size for name in archive.namelist()}
    text_parts = sizes.pop("word/document.xml") + sizes.pop("word/footnotes.xml")  # grow with the text
    per_text_byte = text_parts / text_bytes
    assert per_text_byte * MAX_TEXT_BYTES * 1.1 <= package.MAX_ENTRY_BYTES
    assert per_text_byte * MAX_TEXT_BYTES * 1.1 + sum(sizes.values()) <= package.MAX_TOTAL_BYTES


def test_a_docx_inflating_over_the_part_cap_is_refused_unread() -> None:
    """The issue's 4.9 MB file inflated to 120 MB (ratio 25, within the old caps) and ran > 300 s."""
    run = '<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">Recalling its resolution, </w:t></w:r>'
    paragraph = f"<w:p>{run * 8}</w:p>"
    count = package.MAX_ENTRY_BYTES // len(paragraph) + 10
    data = build_docx(HEAD + paragraph * count)
    with hang_guard(), pytest.raises(ImportFailed, match="zip bomb"):
        import_docx_file(data)


def test_a_deep_style_chain_is_walked_once() -> None:
    styles = "".join(
        f'<w:style w:type="character" w:styleId="s{i}"><w:name w:val="s{i}"/><w:basedOn w:val="s{i + 1}"/>'
        + ("<w:rPr><w:b/></w:rPr>" if i == 19_999 else "")
        + "</w:style>"
        for i in range(20_000)
    )
    runs = '<w:r><w:rPr><w:rStyle w:val="s0"/></w:rPr><w:t>urgently </w:t></w:r>' * 20_000
    with hang_guard():
        document = import_docx_file(build_docx(HEAD + _operative(runs), styles=styles)).document
    assert document.operative


def test_a_field_instruction_in_many_pieces_is_joined_once() -> None:
    pieces = "".join(
        f'<w:r><w:instrText xml:space="preserve">NOTEREF _Ref1 \\h {i * 7919 % 100_003:x} {i:x}</w:instrText></w:r>'
        for i in range(60_000)
    )  # varied, so that the zip's ratio is a document's, not a bomb's
    body = _operative(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + pieces
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    with hang_guard():
        import_docx_file(build_docx(HEAD + body))


def test_unclosed_fields_do_not_make_each_run_search_them_all() -> None:
    fields = "".join(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{i * 7919 % 100_003:x} {i:x}</w:t></w:r>'
        for i in range(40_000)
    )
    with hang_guard():
        import_docx_file(build_docx(HEAD + _operative(fields)))


def test_a_list_starting_at_a_huge_number_is_read() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="' + "9" * 4_000 + '"/>'
        '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    item = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>item;</w:t></w:r></w:p>"
    )
    with hang_guard():
        document = import_docx_file(
            build_docx(HEAD + _operative("") + item * 3, numbering=numbering)
        ).document
    assert document.operative


def test_a_footnote_printed_as_a_billion_lists_its_gaps_briefly() -> None:
    """``footnote.numbering`` built the set of every number below the highest printed one."""
    document = import_text(
        "The General Assembly,\n\n1. Decides[^1][^2];\n\n[^1]: One.\n[^2]: Two.\n"
    ).document
    first, second = document.footnotes
    settings = CheckSettings(literal_footnote_numbers={first: 1, second: 999_999_999})
    with hang_guard():
        findings = [f for f in run_checks(document, settings) if f.rule == "footnote.numbering"]
    (gaps,) = [f for f in findings if "skip" in f.message]
    assert gaps.message.startswith("the printed footnote numbers skip 2, 3, 4,")
    assert gaps.message.endswith("and 999,999,897 more")
    assert len(gaps.message) < 1000
