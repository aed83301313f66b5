"""Headers and footers in UN style (issue 12, point 10), read back by python-docx.

Pages 2+ carry the document symbol in the header and the page number "n/m" (PAGE / NUMPAGES
fields) in the footer, both on the outer side: left on even pages, right on odd ones. The
title page has its own footer with the job-number line and the barcode line; a job number is
written only when one is known, never invented.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.docx_headers import barcode, header_footer_parts, issue_date
from drafting.ooxml import R_NS, w
from tests.helpers import load

docx = pytest.importorskip("docx")
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402


@pytest.fixture(scope="module")
def res_67_193() -> bytes:
    return export_docx(load("ga-res-67-193-en.txt").document, DocxOptions(proposals="tracked")).data


def _fields(paragraph) -> list[str]:
    return [f.get(w("instr")).strip() for f in paragraph._p.iter(w("fldSimple"))]


def test_pages_after_the_first_carry_symbol_and_page_number_on_the_outer_side(res_67_193):
    document = docx.Document(io.BytesIO(res_67_193))
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    assert section.different_first_page_header_footer
    odd, even = section.header.paragraphs[0], section.even_page_header.paragraphs[0]
    assert odd.text == even.text == "A/RES/67/193"
    assert odd.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    odd_footer, even_footer = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert _fields(odd_footer) == _fields(even_footer) == ["PAGE", "NUMPAGES"]
    # Outer side: the page number after a tab on odd pages (right tab stop), first on even pages.
    assert odd_footer._p.xpath("string(.)").endswith("2/2")
    assert odd_footer._p.find(f".//{w('tab')}") is not None
    assert even_footer._p.xpath("string(.)").startswith("2/2")


def test_the_first_page_has_no_header_and_a_footer_without_an_invented_job_number(res_67_193):
    section = docx.Document(io.BytesIO(res_67_193)).sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    footer = [p.text for p in section.first_page_footer.paragraphs]
    # The masthead gives the date (23 April 2013) and no job number: no job line (a date of
    # issue alone would read as a stray number) and no barcode line either.
    assert footer == [""]


def test_a_known_job_number_gives_the_job_line_and_the_barcode():
    document = load("ga-res-67-193-en.txt").document
    parts = header_footer_parts(document, job_number="12-48962")
    first = etree.fromstring(parts["word/footer3.xml"])
    lines = ["".join(p.itertext()) for p in first.iter(w("p"))]
    assert lines == ["12-48962 (E)  230413", "*1248962*"]
    odd = "".join(etree.fromstring(parts["word/footer1.xml"]).itertext())
    even = "".join(etree.fromstring(parts["word/footer2.xml"]).itertext())
    assert odd.startswith("12-48962")  # job number on the inner side
    assert even.endswith("12-48962")


def test_section_references_every_header_and_footer_part(res_67_193):
    with zipfile.ZipFile(io.BytesIO(res_67_193)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        names = set(archive.namelist())
        settings = archive.read("word/settings.xml")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sect = body.find(f"{w('body')}/{w('sectPr')}")
    references = [(etree.QName(e).localname, e.get(w("type"))) for e in sect if "Reference" in e.tag]
    assert sorted(references) == sorted(
        (kind, t) for kind in ("headerReference", "footerReference") for t in ("default", "even", "first")
    )
    for element in sect:
        if "Reference" in element.tag:
            assert f"word/{targets[element.get(f'{{{R_NS}}}id')]}" in names
    assert sect.find(w("titlePg")) is not None
    assert b"<w:evenAndOddHeaders/>" in settings
    assert {"word/fontTable.xml", "word/theme/theme1.xml"} <= names


def test_a_document_without_symbol_still_numbers_its_pages():
    data = export_docx(load("sco-un-event-2017-en.txt").document).data
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.header.paragraphs[0].text == ""
    assert _fields(section.footer.paragraphs[0]) == ["PAGE", "NUMPAGES"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 April 2013", "230413"),
        ("2024-06-05", "050624"),
        ("2023年10月9日", "091023"),
        ("June 2024", None),
        ("31 February 2020", None),
        (None, None),
    ],
)
def test_issue_date(text, expected):
    assert issue_date(text) == expected


def test_barcode():
    assert barcode("12-48962 (E)") == "*1248962*"
    assert barcode("N0747409E") == "*0747409*"
    assert re.fullmatch(r"\*\d+\*", barcode("07-47409") or "")


def test_the_job_number_read_from_a_real_first_page_reaches_the_first_page_footer(tmp_path):
    from drafting.importers import load_document
    from tests.helpers import shared_corpus

    source = shared_corpus() / "real-ga80" / "texts" / "A_RES_80_8.raw.txt"
    if not source.exists():
        pytest.skip("shared/corpus/real-ga80 is not beside the repository")
    document = load_document(source).document
    assert document.masthead.job_number == "25-18947"
    data = export_docx(document).data
    footer = [p.text for p in docx.Document(io.BytesIO(data)).sections[0].first_page_footer.paragraphs]
    assert footer == ["25-18947 (E)  201125", "*2518947*"]
