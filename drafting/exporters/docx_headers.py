"""Headers and footers of an exported DOCX, laid out as the United Nations prints them.

From page 2 on, the document symbol sits in the header on the outer side of the page (left on
even pages, right on odd ones, ``w:evenAndOddHeaders`` in the settings) above a rule, and the
page number "n/m" (``PAGE`` / ``NUMPAGES`` fields) sits in the footer on the same outer side,
with the job number, when there is one, on the inner side. The first page (``w:titlePg``) has no
header (the masthead is there) and a footer with the job-number line — job number, language
letter, date of issue as ddmmyy — and the barcode line ``*1248962*``. A job number is never
invented: without one the footer holds only the date the masthead gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lxml import etree

from drafting.exporters import xml_tree
from drafting.model import Document
from drafting.ooxml import CT_FOOTER, CT_HEADER, RT_FOOTER, RT_HEADER, XML_NS, w, word_root


@dataclass(frozen=True)
class HeaderFooterPart:
    kind: Literal["header", "footer"]
    type: Literal["default", "even", "first"]
    """default: odd pages; even: even pages; first: the title page."""
    name: str
    """Part name inside ``word/``."""
    rel_id: str
    """Relationship id from document.xml; named so it cannot collide with numbered ids."""

    @property
    def content_type(self) -> str:
        return CT_HEADER if self.kind == "header" else CT_FOOTER

    @property
    def relationship_type(self) -> str:
        return RT_HEADER if self.kind == "header" else RT_FOOTER


PARTS = (
    HeaderFooterPart("header", "default", "header1.xml", "rIdHeaderOdd"),
    HeaderFooterPart("header", "even", "header2.xml", "rIdHeaderEven"),
    HeaderFooterPart("header", "first", "header3.xml", "rIdHeaderFirst"),
    HeaderFooterPart("footer", "default", "footer1.xml", "rIdFooterOdd"),
    HeaderFooterPart("footer", "even", "footer2.xml", "rIdFooterEven"),
    HeaderFooterPart("footer", "first", "footer3.xml", "rIdFooterFirst"),
)
HEADER_STYLE = "PHHeader"
FOOTER_STYLE = "PHFooter"
FIRST_HEADER_STYLE = "Normal"
"""The title page's header is empty and has no rule: the masthead draws its own."""
FIRST_FOOTER_STYLE = "PHFooterFirst"
LANGUAGE_LETTERS = {"en": "E", "fr": "F", "es": "S", "ru": "R", "zh": "C", "ar": "A"}
_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_CJK = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")


def add_references(sect: xml_tree.Element) -> None:
    """The header and footer references, first children of ``w:sectPr`` as CT_SectPr wants."""
    for index, part in enumerate(PARTS):
        reference = xml_tree.Element(f"w:{part.kind}Reference", {"w:type": part.type, "r:id": part.rel_id})
        sect.insert(index, reference)


def header_footer_parts(document: Document, job_number: str | None = None) -> dict[str, bytes]:
    """``word/headerN.xml`` and ``word/footerN.xml`` by package path."""
    head = document.masthead
    job = _job_line(job_number, document.language)
    builders = {
        ("header", "default"): lambda root: _header(root, head.symbol, "right"),
        ("header", "even"): lambda root: _header(root, head.symbol, "left"),
        ("header", "first"): lambda root: _empty(root, FIRST_HEADER_STYLE),
        ("footer", "default"): lambda root: _footer(root, job_number, odd=True),
        ("footer", "even"): lambda root: _footer(root, job_number, odd=False),
        ("footer", "first"): lambda root: _first_footer(root, job, job_number, issue_date(head.date)),
    }
    out = {}
    for part in PARTS:
        root = word_root("hdr" if part.kind == "header" else "ftr")
        builders[(part.kind, part.type)](root)
        out[f"word/{part.name}"] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    return out


def issue_date(text: str | None) -> str | None:
    """The masthead date as the ddmmyy of the first-page footer, or None when it is not a date."""
    text = (text or "").strip()
    day = month = year = None
    if m := _DAY_MONTH_YEAR.match(text):
        day, month, year = int(m.group(1)), _MONTHS.get(m.group(2).lower()), int(m.group(3))
    elif m := _ISO.match(text) or _CJK.match(text):
        year, month, day = (int(g) for g in m.groups())
    if not (day and month and year):
        return None
    try:
        return date(year, month, day).strftime("%d%m%y")
    except ValueError:
        return None


def barcode(job_number: str) -> str | None:
    """ "12-48962" -> "*1248962*", the text a barcode font draws; None without digits."""
    digits = "".join(ch for ch in job_number.split("(")[0] if ch.isdigit())
    return f"*{digits}*" if digits else None


def _job_line(job_number: str | None, language: str) -> str | None:
    if not job_number or not job_number.strip():
        return None
    job = job_number.strip()
    letter = LANGUAGE_LETTERS.get(language)
    return job if "(" in job or not letter else f"{job} ({letter})"


def _paragraph(root: etree._Element, style: str, jc: str | None = None) -> etree._Element:
    p = etree.SubElement(root, w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
    if jc:
        etree.SubElement(ppr, w("jc")).set(w("val"), jc)
    return p


def _text(p: etree._Element, text: str) -> None:
    r = etree.SubElement(p, w("r"))
    for index, piece in enumerate(text.split("\t")):
        if index:
            etree.SubElement(r, w("tab"))
        if piece:
            t = etree.SubElement(r, w("t"))
            t.text = piece
            if piece != piece.strip() or "  " in piece:
                t.set(f"{{{XML_NS}}}space", "preserve")


def _field(p: etree._Element, instruction: str, cached: str) -> None:
    field = etree.SubElement(p, w("fldSimple"))
    field.set(w("instr"), f" {instruction} ")
    etree.SubElement(etree.SubElement(field, w("r")), w("t")).text = cached


def _empty(root: etree._Element, style: str) -> None:
    _paragraph(root, style)


def _header(root: etree._Element, symbol: str | None, side: str) -> None:
    p = _paragraph(root, HEADER_STYLE, side)
    if symbol:
        _text(p, symbol)


def _page_number(p: etree._Element) -> None:
    _field(p, "PAGE", "2")
    _text(p, "/")
    _field(p, "NUMPAGES", "2")


def _footer(root: etree._Element, job_number: str | None, *, odd: bool) -> None:
    """Odd pages: job number left, page number right; even pages the mirror image."""
    p = _paragraph(root, FOOTER_STYLE)
    job = (job_number or "").strip()
    if odd:
        _text(p, f"{job}\t")
        _page_number(p)
    else:
        _page_number(p)
        if job:
            _text(p, f"\t{job}")


def _first_footer(
    root: etree._Element, job_line: str | None, job_number: str | None, issued: str | None
) -> None:
    # the date of issue belongs to the job-number line: alone it would read as a stray number
    line = f"{job_line}  {issued}" if job_line and issued else job_line or ""
    p = _paragraph(root, FIRST_FOOTER_STYLE)
    if line:
        _text(p, line)
    code = barcode(job_number) if job_number else None
    if code:
        _text(_paragraph(root, FIRST_FOOTER_STYLE), code)
