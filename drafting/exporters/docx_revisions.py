"""Tracked changes in the Word export: their dates, the space that goes with a phrase deleted or
inserted in full, and where the paragraph mark of a whole-paragraph change goes."""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from drafting.model import Document, Inline, ProposalSpan, Text
from drafting.ooxml import w
from drafting.proposal_ops import leaves_stray_space

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_REVISION = re.compile(rb"<w:(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange)[ />]")


def has_revisions(*xml_parts: bytes) -> bool:
    """Whether any part holds a tracked revision: only then is change recording switched on."""
    return any(_REVISION.search(data) for data in xml_parts)


def spaces_into_changes(content: list[Inline]) -> list[Inline]:
    """ "arena ~~through regular intelligence sharing~~¹;": the space before words proposed for
    deletion (or insertion) goes into the change, so that accepting (rejecting) it leaves
    "arena¹;", as :mod:`drafting.proposal_ops` does (``leaves_stray_space``)."""
    out = list(content)
    for index, node in enumerate(out):
        if not isinstance(node, ProposalSpan) or bool(node.deleted) == bool(node.inserted):
            continue
        before = index - 1
        while before >= 0 and isinstance(out[before], Text) and not out[before].text:
            before -= 1
        after = index + 1
        while after < len(out) and isinstance(out[after], Text) and not out[after].text:
            after += 1
        previous = out[before] if before >= 0 else None
        following = out[after] if after < len(out) else None
        if not (isinstance(previous, Text) and leaves_stray_space(previous, following)):
            continue
        kept = previous.text.rstrip(" ")
        out[before] = Text(kept, previous.marks)
        space = Text(previous.text[len(kept) :])
        if node.deleted:
            out[index] = ProposalSpan(node.proposal_id, [space, *node.deleted], [])
        else:
            out[index] = ProposalSpan(node.proposal_id, [], [space, *node.inserted])
    return out


def document_date(document: Document) -> str | None:
    """The document's own date ("20 December 2012") as an ISO time, for tracked changes."""
    head = document.masthead
    for value in (head.date, head.adoption_date):
        for pattern in ("%d %B %Y", "%Y-%m-%d"):
            try:
                return datetime.strptime((value or "").strip(), pattern).strftime("%Y-%m-%dT00:00:00Z")
            except ValueError:
                continue
    return None


def revision_date(value: str | None) -> str | None:
    if not value:
        return None
    if _ISO_DATETIME.match(value):
        return value
    if _ISO_DATE.match(value):
        return f"{value}T00:00:00Z"
    return None


def settle_paragraph_marks(body: etree._Element) -> None:
    """Where a run of paragraphs inserted (deleted) in full puts its last paragraph mark.

    Undoing the change removes the run's text and paragraph marks and joins what is left
    to the next paragraph. Word keeps the surviving mark's formatting, LibreOffice the first
    paragraph's; with the run's own marks both agree only when the next paragraph is formatted
    like the run. Otherwise, if the paragraph before the run is formatted like it, the mark
    inserted (deleted) is that one's, as Word records it, and both agree again. A document's
    last paragraph mark cannot go at all, so there the mark before is always the one.
    """
    paragraphs = [p for p in body if p.tag == w("p")]
    index = 0
    while index < len(paragraphs):
        kind = _mark_change(paragraphs[index])
        if kind is None:
            index += 1
            continue
        end = index
        while end + 1 < len(paragraphs) and _mark_change(paragraphs[end + 1]) == kind:
            end += 1
        before = paragraphs[index - 1] if index else None
        after = paragraphs[end + 1] if end + 1 < len(paragraphs) else None
        last = paragraphs[end]
        if before is not None and (
            after is None
            or (_formatting(after) != _formatting(last) and _formatting(before) == _formatting(last))
        ):
            mark = last.find(f"{w('pPr')}/{w('rPr')}")
            mark.getparent().remove(mark)
            before.find(w("pPr")).append(mark)
            if kind in ("moveFrom", "moveTo"):  # that mark is no part of the moved text
                mark[0].tag = w("del" if kind == "moveFrom" else "ins")
        index = end + 1


def _mark_change(p: etree._Element) -> str | None:
    """ "ins", "del", "moveFrom" or "moveTo" when the paragraph's mark is a tracked change."""
    mark = p.find(f"{w('pPr')}/{w('rPr')}")
    return etree.QName(mark[0]).localname if mark is not None and len(mark) else None


def _formatting(p: etree._Element) -> bytes:
    """A paragraph's own properties (style, numbering), without its mark's change."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        return b""
    return b"".join(etree.tostring(child) for child in ppr if child.tag != w("rPr"))
