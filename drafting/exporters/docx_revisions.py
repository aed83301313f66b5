"""Tracked changes in the Word export: their dates, the space that goes with a phrase deleted or
inserted in full, and where the paragraph mark of a whole-paragraph change goes."""

from __future__ import annotations

import copy
import itertools
import re
from datetime import datetime

from lxml import etree

from drafting.model import Document, Inline, ProposalSpan, Text
from drafting.ooxml import W_NS, w
from drafting.proposal_ops import leaves_stray_space

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_NS = {"w": W_NS}
_NOT_FORMATTING = {w("rPr"), w("sectPr"), w("pPrChange")}
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

    Undoing the change removes the run's text and paragraph marks and joins what is left to
    the next paragraph. Word keeps the surviving mark's formatting; LibreOffice, rejecting an
    insertion, the first removed paragraph's. So a run is cut where the formatting changes (an
    inserted preambular paragraph followed by an inserted operative one are two runs), and each
    keeps its own marks where both readers then agree (``_keeps_own_marks``). Otherwise:

    - after a paragraph whose mark is not changed, the mark inserted (deleted) is that one's,
      as Word records a paragraph typed after it, and what remains joins that paragraph,
      whose formatting LibreOffice keeps;
    - after a paragraph deleted (inserted) in full, the two share one mark, which is then not
      changed: "~~old text~~ __new text__ ¶", as Word records a paragraph typed over another.

    Where the formatting differs between the old and the new text of the surviving mark, the
    paragraph records it (``w:pPrChange``), so that Word restores it. Runs are settled in
    document order, so each sees the mark before it as it ends up. The document's last mark
    never changes: the export ends every document with the UN's closing rule.
    """
    paragraphs = [p for p in body if p.tag == w("p")]
    if not any(_mark_change(p) for p in paragraphs):
        return
    _deletions_first(body)
    paragraphs = [p for p in body if p.tag == w("p")]
    ids = _free_ids(body)
    first_note = next((p for p in paragraphs if p.find(f".//{w('footnoteReference')}") is not None), None)
    index = 0
    while index < len(paragraphs):
        direction = _direction(paragraphs[index])
        if direction is None:
            index += 1
            continue
        end = index
        while (
            end + 1 < len(paragraphs)
            and _direction(paragraphs[end + 1]) == direction
            and _formatting(paragraphs[end + 1]) == _formatting(paragraphs[index])
        ):
            end += 1
        run = paragraphs[index : end + 1]
        before = paragraphs[index - 1] if index else None
        after = paragraphs[end + 1] if end + 1 < len(paragraphs) else None
        if before is None or _keeps_own_marks(run, after, direction, first_note):
            pass
        elif _direction(before) is None:
            if _formatting(before) != _formatting(run[-1]):
                _record_formatting_change(run[-1], before, direction, next(ids))
            _move_mark(run[-1], before)
        elif _direction(before) != direction and _formatting(before) == _formatting(run[-1]):
            _share_mark(before, run)
            paragraphs.remove(before)
            index -= 1
            end -= 1
        index = end + 1


def _deletions_first(body: etree._Element) -> None:
    """Among neighbouring paragraphs deleted or inserted in full and formatted alike, the deleted
    ones first, as Word shows a paragraph typed over another: "~~old~~ __new__". Each text keeps
    its paragraphs in their order, so accepting and rejecting give the same, and a deleted and an
    inserted paragraph can then share a paragraph mark (see ``settle_paragraph_marks``).
    Paragraphs formatted differently stay where they are: the mark before is what they need."""
    paragraphs = [p for p in body if p.tag == w("p")]
    index = 0
    while index < len(paragraphs):
        if not _wholly_changed(paragraphs[index]):
            index += 1
            continue
        end = index + 1
        formatting = _formatting(paragraphs[index])
        while (
            end < len(paragraphs)
            and paragraphs[end] is paragraphs[end - 1].getnext()
            and _wholly_changed(paragraphs[end])
            and _formatting(paragraphs[end]) == formatting
        ):
            end += 1
        stretch = paragraphs[index:end]
        ordered = sorted(stretch, key=lambda p: _direction(p) == "in")  # stable: each text's order kept
        if ordered != stretch:
            anchor = stretch[-1].getnext()
            for p in ordered:
                if anchor is None:
                    body.append(p)
                else:
                    anchor.addprevious(p)
        index = end


def _wholly_changed(p: etree._Element) -> bool:
    """The paragraph's mark and all its content are inserted (moved here), or all deleted (moved
    away): it belongs to one text only."""
    direction = _direction(p)
    if direction is None:
        return False
    wrappers = {w("ins"), w("moveTo")} if direction == "in" else {w("del"), w("moveFrom")}
    neutral = {
        w("pPr"),
        w("bookmarkStart"),
        w("bookmarkEnd"),
        *(w(f"{m}Range{e}") for m in ("moveFrom", "moveTo") for e in ("Start", "End")),
    }
    return all(child.tag in wrappers or child.tag in neutral for child in p)


def _keeps_own_marks(
    run: list[etree._Element], after: etree._Element | None, direction: str, first_note: etree._Element | None
) -> bool:
    """Whether the run can keep its own paragraph marks, as Word records paragraphs deleted or
    typed in full. Deleted, it can (the paragraph after, which has text, keeps its formatting in
    both readers), except when it holds the document's first footnote reference: LibreOffice
    (7.4) then leaves an empty paragraph behind on accepting, which it does not with the mark
    before. Inserted, it can when the paragraph after is formatted like it: rejecting, LibreOffice
    gives that paragraph the run's formatting. The document's last mark can never go."""
    if after is None:
        return False
    if direction == "out":
        return not any(p is first_note for p in run)
    return _formatting(after) == _formatting(run[-1])


def _share_mark(before: etree._Element, run: list[etree._Element]) -> None:
    """ "~~old text~~ __new text__ ¶": the paragraph before, changed the other way, goes into the
    run's first paragraph, and the run's last mark, now both theirs, is no longer changed."""
    last_ppr = run[-1].find(w("pPr"))
    last_ppr.remove(last_ppr.find(w("rPr")))
    anchor = run[0].find(w("pPr"))
    for child in reversed([c for c in before if c.tag != w("pPr")]):
        anchor.addnext(child)
    before.getparent().remove(before)


def _free_ids(body: etree._Element):
    """Annotation ids not yet used in the body, worked out only when one is needed."""
    used = 1 + max((int(v) for v in body.xpath("//@w:id", namespaces=_NS) if v.isdigit()), default=0)
    yield from itertools.count(used)


def _move_mark(paragraph: etree._Element, before: etree._Element) -> None:
    """The paragraph's changed mark becomes the one of the paragraph before it."""
    kind = _mark_change(paragraph)
    mark = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    mark.getparent().remove(mark)
    _insert_mark(before.find(w("pPr")), mark)
    if kind in ("moveFrom", "moveTo"):  # that mark is no part of the moved text
        mark[0].tag = w("del" if kind == "moveFrom" else "ins")


def _record_formatting_change(last: etree._Element, before: etree._Element, direction: str, rid: int) -> None:
    """``last`` ends up holding the mark of ``before``: the formatting it has in the new text
    goes in its ``w:pPr`` and the one in the old text in a ``w:pPrChange``. Inserted, the new
    formatting is its own and the old one ``before``'s; deleted, the other way round."""
    ppr = last.find(w("pPr"))
    change = ppr.find(f"{w('rPr')}/*")
    own = [copy.deepcopy(c) for c in ppr if c.tag not in _NOT_FORMATTING]
    theirs = [copy.deepcopy(c) for c in before.find(w("pPr")) if c.tag not in _NOT_FORMATTING]
    new, old = (own, theirs) if direction == "in" else (theirs, own)
    for child in list(ppr):
        if child.tag not in _NOT_FORMATTING:
            ppr.remove(child)
    for child in reversed(new):
        ppr.insert(0, child)
    record = etree.SubElement(ppr, w("pPrChange"))
    record.set(w("id"), str(rid))
    for name in ("author", "date"):
        if change.get(w(name)) is not None:
            record.set(w(name), change.get(w(name)))
    old_ppr = etree.SubElement(record, w("pPr"))
    old_ppr.extend(old)


def _insert_mark(ppr: etree._Element, mark: etree._Element) -> None:
    """The mark's ``w:rPr`` before any ``w:sectPr`` or ``w:pPrChange``, as the schema orders them."""
    for position, child in enumerate(ppr):
        if child.tag in (w("sectPr"), w("pPrChange")):
            ppr.insert(position, mark)
            return
    ppr.append(mark)


def _direction(p: etree._Element) -> str | None:
    """ "in" when the paragraph's mark is inserted or moved here, "out" when deleted or moved away."""
    kind = _mark_change(p)
    if kind is None:
        return None
    return "in" if kind in ("ins", "moveTo") else "out"


def _mark_change(p: etree._Element) -> str | None:
    """ "ins", "del", "moveFrom" or "moveTo" when the paragraph's mark is a tracked change."""
    mark = p.find(f"{w('pPr')}/{w('rPr')}")
    return etree.QName(mark[0]).localname if mark is not None and len(mark) else None


def _formatting(p: etree._Element) -> bytes:
    """A paragraph's own properties (style, numbering), without its mark's change."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        return b""
    return b"".join(etree.tostring(child) for child in ppr if child.tag not in _NOT_FORMATTING)
