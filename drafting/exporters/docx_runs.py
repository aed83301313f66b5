"""WordprocessingML runs for the DOCX writers (``docx_body``, ``docx_footnotes``): elements in
the ``w:`` namespace, run properties from marks, and text runs (tabs as ``w:tab``, spaces kept
with ``xml:space``, deleted text as ``w:delText``, characters XML cannot hold replaced).

The writers build their parts as :mod:`~drafting.exporters.xml_tree` elements, which
serialise as lxml does, at a third of lxml's cost per element."""

from __future__ import annotations

import re

from drafting.exporters.xml_tree import Element, Written, escaped_text, serialize, sub_element
from drafting.model import Mark


class _PrefixedNames(dict):
    """``w:`` names by local name, each made once (an export names some 50,000 elements)."""

    def __missing__(self, tag: str) -> str:
        name = self[tag] = f"w:{tag}"
        return name


_W = _PrefixedNames()


def el(parent: Element, tag: str, **attrs: str) -> Element:
    """A ``w:tag`` child of ``parent`` with ``w:`` attributes."""
    if not attrs:
        return sub_element(parent, _W[tag])
    return sub_element(parent, _W[tag], {_W[key]: value for key, value in attrs.items()})


def run_properties(run: Element, marks: frozenset[Mark], style: str | None = None, rtl: bool = False) -> None:
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
    return not text.isascii() and _RIGHT_TO_LEFT.search(text) is not None


def text_run(
    parent: Element,
    text: str,
    marks: frozenset[Mark],
    style: str | None = None,
    deleted: bool = False,
) -> None:
    """A run of ``text`` (none when empty): tabs and line breaks become ``w:tab``."""
    if not text:
        return
    # Written out at once (nothing changes a text run once made): the same XML as the run's
    # elements made one by one, ``w:r`` > ``w:rPr`` (run_properties), ``w:t``/``w:tab``.
    parts = ["<w:r>", _properties_xml(marks, style, is_right_to_left(text))]
    text_tag = "w:delText" if deleted else "w:t"
    pieces = _TAB_OR_NEWLINE.split(text) if "\t" in text or "\n" in text else (text,)
    for index, piece in enumerate(pieces):
        if index:
            parts.append("<w:tab/>")
        if piece:
            space = ' xml:space="preserve"' if piece != piece.strip() or "  " in piece else ""
            parts.append(f"<{text_tag}{space}>{escaped_text(xml_safe(piece))}</{text_tag}>")
    parts.append("</w:r>")
    parent.children.append(Written("w:r", "".join(parts)))


_PROPERTIES_XML: dict[tuple[frozenset[Mark], str | None, bool], str] = {}


def _properties_xml(marks: frozenset[Mark], style: str | None, rtl: bool) -> str:
    """:func:`run_properties` written out, once for each (marks, style, direction)."""
    key = (marks, style, rtl)
    xml = _PROPERTIES_XML.get(key)
    if xml is None:
        holder = Element("w:r")
        run_properties(holder, marks, style, rtl)
        xml = "".join(serialize(child) for child in holder)
        if len(_PROPERTIES_XML) < 1024:
            _PROPERTIES_XML[key] = xml
    return xml


_TAB_OR_NEWLINE = re.compile(r"[\t\n]")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """XML 1.0 cannot hold control characters or lone surrogates; they become U+FFFD. (None of
    them is printable: printable text, most text, is returned without the search.)"""
    if text.isprintable():
        return text
    return _XML_ILLEGAL.sub("\ufffd", text)
