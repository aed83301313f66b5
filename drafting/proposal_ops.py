"""Accepting and rejecting proposals: the text as it would read with them applied or dropped.

Accepting keeps a proposal's inserted text and drops its deleted text; rejecting does the
opposite. Either way the proposal is settled: its :class:`Proposal` record goes, and so does
its rationale footnote when nothing else refers to it (see :func:`accept_proposal`).
"""

from __future__ import annotations

import copy

from drafting.inline_ops import normalize
from drafting.model import Block, Document, Inline, NoteRef, ProposalSpan, Text, iter_inlines


def accept_all(document: Document) -> Document:
    """A copy of ``document`` with every proposal applied (Word's "Accept All Changes")."""
    return _resolve(document, accept=True)


def reject_all(document: Document) -> Document:
    """A copy of ``document`` with every proposal dropped (Word's "Reject All Changes")."""
    return _resolve(document, accept=False)


def resolve_content(content: list[Inline], *, accept: bool) -> list[Inline]:
    """``content`` with every proposal in it applied (``accept``) or dropped."""
    return _content(content, accept)


def _resolve(document: Document, *, accept: bool) -> Document:
    result = copy.deepcopy(document)
    for block in result.iter_blocks():
        block.content = _content(block.content, accept)
    for footnote in result.footnotes.values():
        footnote.content = _content(footnote.content, accept)
    result.proposals = {}
    result.front = _prune(result.front)
    result.blocks = _prune(result.blocks)
    for footnote_id in _cited_by_text(document) - _cited_by_text(result):
        result.footnotes.pop(footnote_id, None)  # cited only by text that was dropped, as in Word
    return result


def _prune(blocks: list[Block]) -> list[Block]:
    """Drop paragraphs left empty (subparagraphs first, then their parents)."""
    for block in blocks:
        block.children = _prune(block.children)
    return [b for b in blocks if not _emptied(b)]


def _content(content: list[Inline], accept: bool) -> list[Inline]:
    out: list[Inline] = []
    seam = False
    for node in content:
        if isinstance(node, ProposalSpan):
            kept = _content(node.inserted if accept else node.deleted, accept)
            out.extend(kept)
            seam = not kept
            continue
        if seam:
            _close_seam(out, node)
        seam = seam and isinstance(node, Text) and not node.text
        out.append(node)
    return normalize(out)


def _emptied(block: Block) -> bool:
    """A paragraph that consisted only of a proposal and has nothing left."""
    return not block.content and not block.children


# --- one proposal ----------------------------------------------------------------------------


def accept_proposal(document: Document, proposal_id: str) -> Document:
    """A copy of ``document`` with the one proposal ``proposal_id`` applied ("Accept Change").

    Its span is replaced by its inserted text, its record leaves ``document.proposals``, and
    a paragraph that consisted only of the span and is left empty goes. Its rationale
    footnote goes too when every reference to it belongs to the proposal: inside the span, or
    right after it, where compilation texts put the rationale ("arena ~~through regular
    intelligence sharing~~¹;"). A footnote cited only from the text the proposal drops goes as
    well, and so does a proposal nested in that text. Other proposals are left as they are.
    Raises KeyError for an id that is not a proposal of ``document``.
    """
    return _settle(document, proposal_id, accept=True)


def reject_proposal(document: Document, proposal_id: str) -> Document:
    """A copy of ``document`` with the one proposal ``proposal_id`` dropped ("Reject Change"):
    its span is replaced by its deleted text; otherwise as :func:`accept_proposal`."""
    return _settle(document, proposal_id, accept=False)


def _settle(document: Document, proposal_id: str, *, accept: bool) -> Document:
    if proposal_id not in document.proposals:
        raise KeyError(proposal_id)
    result = copy.deepcopy(document)
    proposal = result.proposals.pop(proposal_id)
    note = proposal.rationale_footnote_id
    if note is not None and not _rationale_only_attached(result, proposal_id, note):
        note = None  # cited elsewhere too, or another proposal's rationale: it stays, references and all
    settle = _Settle(proposal_id, accept, note)
    touched: set[int] = set()
    for block in result.iter_blocks():
        content = settle.content(block.content)
        if content is not None:
            block.content = content
            touched.add(id(block))
    for footnote in result.footnotes.values():
        content = settle.content(footnote.content)
        if content is not None:
            footnote.content = content
    result.front = _prune_touched(result.front, touched)
    result.blocks = _prune_touched(result.blocks, touched)
    for other in _spanned(document) - _spanned(result):  # nested in the text that was dropped
        result.proposals.pop(other, None)
    for footnote_id in _cited(document) - _cited(result):  # no longer cited by anything
        result.footnotes.pop(footnote_id, None)
    return result


class _Settle:
    """Replaces the spans of one proposal by the side that stays; drops the rationale's references."""

    def __init__(self, proposal_id: str, accept: bool, note: str | None) -> None:
        self.proposal_id, self.accept, self.note = proposal_id, accept, note

    def content(self, content: list[Inline]) -> list[Inline] | None:
        """The settled content, or None when it holds no span of the proposal."""
        out: list[Inline] = []
        changed = after_span = seam = False
        for node in content:
            if after_span and isinstance(node, NoteRef) and node.footnote_id == self.note:
                after_span = False
                continue
            after_span = False
            if isinstance(node, ProposalSpan) and node.proposal_id == self.proposal_id:
                kept = self._without_note(
                    _first(self.content(kept := node.inserted if self.accept else node.deleted), kept)
                )
                out.extend(kept)
                changed = after_span = True
                seam = not kept
                continue
            if seam:
                _close_seam(out, node)
            seam = seam and isinstance(node, Text) and not node.text
            if isinstance(node, ProposalSpan):
                deleted, inserted = self.content(node.deleted), self.content(node.inserted)
                if deleted is not None or inserted is not None:
                    node = ProposalSpan(
                        node.proposal_id, _first(deleted, node.deleted), _first(inserted, node.inserted)
                    )
                    changed = True
            out.append(node)
        return normalize(out) if changed else None

    def _without_note(self, content: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for node in content:
            if isinstance(node, NoteRef) and node.footnote_id == self.note:
                continue
            if isinstance(node, ProposalSpan):
                node = ProposalSpan(
                    node.proposal_id, self._without_note(node.deleted), self._without_note(node.inserted)
                )
            out.append(node)
        return out


def _close_seam(out: list[Inline], following: Inline) -> None:
    """Where dropped words leave "arena ;", "arena  and" or "arena ¹", take out the space left
    over, as Word does when a selection of whole words is deleted."""
    if isinstance(following, Text) and not following.text:
        return  # decided at the next real node
    last = len(out) - 1
    while last >= 0 and isinstance(out[last], Text) and not out[last].text:
        last -= 1
    if last >= 0 and leaves_stray_space(out[last], following):
        out[last] = Text(out[last].text.rstrip(" "), out[last].marks)


def leaves_stray_space(before: Inline | None, following: Inline | None) -> bool:
    """Whether dropping the words between ``before`` and ``following`` leaves a space that
    must go with them ("arena ;", "arena  and", "arena ¹"): the space ending ``before``."""
    if not (isinstance(before, Text) and before.text.endswith(" ")):
        return False
    return isinstance(following, NoteRef) or (
        isinstance(following, Text) and following.text[:1] in (";", ",", ".", ":", ")", " ")
    )


def _first(changed: list[Inline] | None, unchanged: list[Inline]) -> list[Inline]:
    return unchanged if changed is None else changed


def _places(document: Document) -> list[list[Inline]]:
    return [b.content for b in document.iter_blocks()] + [n.content for n in document.footnotes.values()]


def _rationale_only_attached(document: Document, proposal_id: str, note: str) -> bool:
    """Whether every reference to footnote ``note`` is inside a span of the proposal or right
    after one, and no other proposal has it as rationale. ``document`` no longer lists the
    proposal itself."""
    if any(p.rationale_footnote_id == note for p in document.proposals.values()):
        return False
    total = sum(
        isinstance(n, NoteRef) and n.footnote_id == note for c in _places(document) for n in iter_inlines(c)
    )
    attached = sum(_attached(c, proposal_id, note) for c in _places(document))
    return total == attached


def _attached(content: list[Inline], proposal_id: str, note: str) -> int:
    """References to ``note`` inside the proposal's spans in ``content`` or right after them."""
    count = 0
    for i, node in enumerate(content):
        if not isinstance(node, ProposalSpan):
            continue
        if node.proposal_id == proposal_id:
            inside = iter_inlines(node.deleted + node.inserted)
            count += sum(isinstance(n, NoteRef) and n.footnote_id == note for n in inside)
            following = content[i + 1] if i + 1 < len(content) else None
            count += isinstance(following, NoteRef) and following.footnote_id == note
        else:
            count += _attached(node.deleted, proposal_id, note) + _attached(node.inserted, proposal_id, note)
    return count


def _spanned(document: Document) -> set[str]:
    return {n.proposal_id for c in _places(document) for n in iter_inlines(c) if isinstance(n, ProposalSpan)}


def _cited_by_text(document: Document) -> set[str]:
    return {n.footnote_id for c in _places(document) for n in iter_inlines(c) if isinstance(n, NoteRef)}


def _cited(document: Document) -> set[str]:
    """Footnotes referred to from the text, from other footnotes or as a proposal's rationale."""
    cited = {n.footnote_id for c in _places(document) for n in iter_inlines(c) if isinstance(n, NoteRef)}
    return cited | {p.rationale_footnote_id for p in document.proposals.values() if p.rationale_footnote_id}


def _prune_touched(blocks: list[Block], touched: set[int]) -> list[Block]:
    """Drop paragraphs the settlement left empty (a subparagraph, then a parent left with nothing)."""
    kept = []
    for block in blocks:
        had_children = bool(block.children)
        block.children = _prune_touched(block.children, touched)
        emptied = id(block) in touched or (had_children and not block.children)
        if not (emptied and _emptied(block)):
            kept.append(block)
    return kept
