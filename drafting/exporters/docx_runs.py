"""WordprocessingML runs for the DOCX writers (``docx_body``, ``docx_footnotes``): elements in
the ``w:`` namespace, run properties from marks, and text runs (tabs as ``w:tab``, spaces kept
with ``xml:space``, deleted text as ``w:delText``, characters XML cannot hold replaced)."""

from __future__ import annotations

import re

from lxml import etree

from drafting.model import Mark
from drafting.ooxml import XML_NS, w


def el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A ``w:tag`` child of ``parent`` with ``w:`` attributes."""
    element = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def run_properties(
    run: etree._Element, marks: frozenset[Mark], style: str | None = None, rtl: bool = False
) -> None:
    """``w:rPr`` for a character style and marks; nothing when there are neither. A right-to-left
    run (Arabic script) is marked ``w:rtl`` and takes its bold and italics from the complex-script
    properties (``w:bCs``, ``w:iCs``), which is what Word and LibreOffice read for such text."""
    if not marks and not style and not rtl:
        return
    rpr = el(run, "rPr")
    if style:
        el(rpr, "rStyle", val=style)
    if Mark.BOLD in marks:
        el(rpr, "b")
        if rtl:
            el(rpr, "bCs")
    if Mark.ITALIC in marks:
        el(rpr, "i")
        if rtl:
            el(rpr, "iCs")
    if Mark.STRIKE in marks:
        el(rpr, "strike")
    if Mark.UNDERLINE in marks:
        el(rpr, "u", val="single")
    if Mark.SUPERSCRIPT in marks:
        el(rpr, "vertAlign", val="superscript")
    if rtl:
        el(rpr, "rtl")


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew and Arabic script (with their presentation forms): a run holding any is right to left."""


def is_right_to_left(text: str) -> bool:
    return _RIGHT_TO_LEFT.search(text) is not None


def text_run(
    parent: etree._Element,
    text: str,
    marks: frozenset[Mark],
    style: str | None = None,
    deleted: bool = False,
) -> None:
    """A run of ``text`` (none when empty): tabs and line breaks become ``w:tab``."""
    if not text:
        return
    r = el(parent, "r")
    run_properties(r, marks, style, rtl=is_right_to_left(text))
    text_tag = "delText" if deleted else "t"
    for index, piece in enumerate(re.split(r"[\t\n]", text)):
        if index:
            el(r, "tab")
        if piece:
            t = el(r, text_tag)
            t.text = xml_safe(piece)
            if piece != piece.strip() or "  " in piece:
                t.set(f"{{{XML_NS}}}space", "preserve")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """XML 1.0 cannot hold control characters or lone surrogates; they become U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)
