"""Edit operations on a :class:`~drafting.model.Document`: applied to the text, or recorded as a
delegation's proposals (Word's Track Changes), each returning the :class:`Change` it made.

Every operation is a small frozen dataclass: ``op.apply(document)`` edits the text itself,
``op.record(document, author, date)`` proposes the same edit on behalf of ``author``. Both change
``document`` in place. Recording an edit and then accepting every proposal gives the text that
applying it gives; rejecting every proposal gives back the text before it, exactly (the seams
:mod:`drafting.proposal_ops` closes are held, see :mod:`drafting.edit_inline`). Positions are
offsets into the text as the editor shows it (:mod:`drafting.edit_positions`): deleted text
before inserted text, a footnote reference one character, spans nested in spans the same way.
``target`` is a block id, or a footnote id to edit a footnote's text. The bookkeeping shared by
all operations (and :class:`Change`, :class:`Place`, :class:`Recording`) is in
:mod:`drafting.edit_run`.

How recorded edits are represented (text-level rules in :mod:`drafting.edit_inline`):

* Typed text is an insertion proposal; typing at or inside one's own pending insertion extends
  it, right after one's own deletion makes it a replacement; a replacement is one REPLACE
  proposal. Deleting one's own pending text shrinks that proposal, and a proposal left with
  no text goes, span and record. Deleting plain text makes a deletion span (one proposal per
  edit, joined with one's own deletion it touches); deleting struck text does nothing; deleting
  another delegation's pending insertion nests a deletion span in their inserted text: accepting
  both drops the text, rejecting theirs drops it (and the nested proposal) too, rejecting only
  the nested one leaves their insertion pending, accepting only theirs leaves a plain deletion.
  Typing strictly inside their insertion likewise nests an insertion in it.
* A paragraph inserted is a block whose content is one span that only inserts (an empty new
  paragraph needs none: settling drops an empty paragraph either way). A paragraph deleted gets
  its whole content, subparagraphs' too, wrapped in one span that only deletes (one proposal);
  one's own pending paragraph is simply taken out. A move is the deletion where the paragraph
  was plus a copy (new block ids) inserted in full where it goes, ``move_of`` naming the deletion.
* Splitting moves the tail into a new paragraph after it, recorded as a move of that text (the
  tail deleted in the first paragraph, inserted in full in the new one, ``move_of`` linking them).
  A paragraph with subparagraphs keeps them and the tail: the head moves to a new paragraph
  before it, as it does when splitting at the very start. Splitting where nothing shows on one
  side (the start, the end, or struck text only) moves nothing and so proposes nothing: the new
  paragraph is empty until typed in. Merging moves the next paragraph's text to the end of this
  one the same way, or this one's text to the start of the next when only the next has
  subparagraphs (recording refuses when both have). One's own pending text (or none) just moves.

Every proposal created has its kind (from what its spans delete and insert), the author and date
given, and status PROPOSED. Ids: ``p-…`` for new blocks (:func:`drafting.ids.new_id`), proposals
from :func:`drafting.proposals.new_proposal_id` (salted with author and date). Recording refuses
(:class:`EditRefused`) what it cannot represent; a position outside the text is a ValueError.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import ClassVar

from drafting.edit_positions import length, split_at, visible
from drafting.edit_run import (
    Change,
    EditRefused,
    EditRun,
    Place,
    Recording,
    shown_text,
    subtree,
    walk,
)
from drafting.ids import new_id
from drafting.inline_ops import normalize
from drafting.model import Block, BlockKind, Document, Inline, Mark, ProposalKind, ProposalSpan, Text

__all__ = [
    "Change",
    "DeleteParagraph",
    "DeleteText",
    "Edit",
    "EditRefused",
    "InsertParagraph",
    "InsertText",
    "MergeParagraphs",
    "MoveParagraph",
    "Place",
    "Recording",
    "ReplaceText",
    "SplitParagraph",
]


class Edit:
    """Base of the operations: ``apply`` or ``record`` (both through ``run``)."""

    label: ClassVar[str] = "Edit"

    def apply(self, document: Document) -> Change:
        return self.run(document, None)

    def record(self, document: Document, author: str, date: str | None = None) -> Change:
        return self.run(document, Recording(author, date))

    def run(self, document: Document, recording: Recording | None) -> Change:
        edit = EditRun(document, recording)
        self._run(edit)
        return edit.finish(self.label)

    def _run(self, edit: EditRun) -> None:
        raise NotImplementedError


# --- text --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InsertText(Edit):
    label: ClassVar[str] = "Typing"
    target: str
    offset: int
    text: str
    marks: frozenset[Mark] = frozenset()

    def _run(self, edit: EditRun) -> None:
        holder = edit.holder(self.target, self.offset, self.offset)
        if self.text:
            edit.touch(holder)
            nodes: list[Inline] = [Text(self.text, self.marks)]
            edit.put(
                holder, edit.at(holder, self.offset), nodes, edit.proposer(ProposalKind.INSERT, [], nodes)
            )


@dataclass(frozen=True)
class DeleteText(Edit):
    label: ClassVar[str] = "Delete"
    target: str
    start: int
    end: int

    def _run(self, edit: EditRun) -> None:
        holder = edit.holder(self.target, self.start, self.end)
        if self.start < self.end:
            edit.touch(holder)
            start, end = edit.at(holder, self.start), edit.at(holder, self.end)
            edit.delete(
                holder, start, end, edit.proposer(ProposalKind.DELETE, shown_text(holder, start, end), [])
            )


@dataclass(frozen=True)
class ReplaceText(Edit):
    label: ClassVar[str] = "Replace"
    target: str
    start: int
    end: int
    text: str
    marks: frozenset[Mark] = frozenset()

    def _run(self, edit: EditRun) -> None:
        holder = edit.holder(self.target, self.start, self.end)
        if self.start == self.end and not self.text:
            return
        edit.touch(holder)
        start, end = edit.at(holder, self.start), edit.at(holder, self.end)
        nodes: list[Inline] = [Text(self.text, self.marks)] if self.text else []
        proposal = edit.proposer(ProposalKind.REPLACE, shown_text(holder, start, end), nodes)
        dropped = edit.delete(holder, start, end, proposal)
        if nodes:
            edit.put(holder, end - dropped, nodes, proposal)


# --- paragraphs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class InsertParagraph(Edit):
    label: ClassVar[str] = "Insert paragraph"
    kind: BlockKind
    content: tuple[Inline, ...]
    place: Place

    def _run(self, edit: EditRun) -> None:
        siblings, index = edit.place(self.place)
        content = copy.deepcopy(list(self.content))
        block = Block(new_id("p"), self.kind, content)
        if edit.recording is not None and length(content):
            proposal = edit.proposer(ProposalKind.INSERT, [], content)()
            block.content = [ProposalSpan(proposal, [], content)]
        siblings.insert(index, block)
        edit.added(block)


@dataclass(frozen=True)
class DeleteParagraph(Edit):
    """Delete a paragraph with its subparagraphs."""

    label: ClassVar[str] = "Delete paragraph"
    block_id: str

    def _run(self, edit: EditRun) -> None:
        block = edit.document.block(self.block_id)
        if edit.recording is None or edit.own_pending(block):
            edit.remove(block)
            return
        edit.strike(block, edit.proposer(ProposalKind.DELETE, block.content, []))


@dataclass(frozen=True)
class MoveParagraph(Edit):
    """Move a paragraph with its subparagraphs to ``place``."""

    label: ClassVar[str] = "Move paragraph"
    block_id: str
    place: Place

    def _run(self, edit: EditRun) -> None:
        block = edit.document.block(self.block_id)
        if self.place.anchor is not None and self.place.anchor in {b.id for b in subtree(block)}:
            raise EditRefused("A paragraph cannot be moved into itself.")
        siblings, index = edit.locate(block)
        target, at = edit.place(self.place)
        if target is siblings and at in (index, index + 1):
            return  # already there
        if edit.recording is None or edit.own_pending(block):
            del siblings[index]
            target.insert(at - (target is siblings and at > index), block)
            edit.moved.append(block.id)
            return
        if not any(visible(b.content) for b in subtree(block)):
            raise EditRefused("This paragraph is already proposed for deletion; it cannot be moved.")
        for part in subtree(block):
            edit.touch(part)
        twin = copy.deepcopy(block)
        deletion = edit.proposer(ProposalKind.DELETE, [], [])()
        insertion = edit.proposer(ProposalKind.INSERT, [], [], move_of=deletion)()
        edit.strike(block, lambda: deletion)
        for part in subtree(twin):
            part.id = new_id("p")
            if length(part.content):
                part.content = [ProposalSpan(insertion, [], part.content)]
        target.insert(at, twin)
        edit.added(twin)


@dataclass(frozen=True)
class SplitParagraph(Edit):
    """Split a paragraph at a position: what follows goes to a new paragraph after it (what
    precedes to a new paragraph before it, when it has subparagraphs or nothing of it shows)."""

    label: ClassVar[str] = "Split paragraph"
    block_id: str
    offset: int

    def _run(self, edit: EditRun) -> None:
        block = edit.holder(self.block_id, self.offset, self.offset)
        assert isinstance(block, Block)
        edit.touch(block)
        head, tail = split_at(block.content, edit.at(block, self.offset))
        # the head goes when the subparagraphs must stay with the tail, or when nothing of it shows
        first = bool(block.children) or not visible(head)
        piece, rest = (head, tail) if first else (tail, head)
        if not visible(piece):  # struck text, or none: it stays, the new paragraph is empty
            piece, rest = [], [*head, *tail]
        new = Block(new_id("p"), block.kind, [], numbered=block.numbered)
        moved = edit.move_text(piece)
        block.content = [*moved.left_behind, *rest] if first else [*rest, *moved.left_behind]
        new.content = moved.arriving
        siblings, index = edit.locate(block)
        siblings.insert(index if first else index + 1, new)
        edit.added(new)


@dataclass(frozen=True)
class MergeParagraphs(Edit):
    """Merge a paragraph with the paragraph that follows it in reading order."""

    label: ClassVar[str] = "Merge paragraphs"
    block_id: str

    def _run(self, edit: EditRun) -> None:
        block = edit.document.block(self.block_id)
        body = edit.document.front if any(b is block for b in walk(edit.document.front)) else None
        order = list(walk(edit.document.blocks if body is None else body))
        index = next(i for i, b in enumerate(order) if b is block)
        if index + 1 == len(order):
            raise EditRefused("There is no paragraph after this one to merge with.")
        following = order[index + 1]
        recording = edit.recording is not None
        if recording and any(length(b.content) and not visible(b.content) for b in (block, following)):
            raise EditRefused("A paragraph proposed for deletion cannot be merged.")
        into_next = bool(following.children) and not block.children
        if following.children and not into_next:  # the first subparagraph, with its own
            if recording:
                raise EditRefused("Recording cannot merge a paragraph into a subparagraph that has its own.")
            edit.touch(block)
            edit.touch(following)
            block.content = normalize([*block.content, *following.content])
            block.children[0:1] = following.children
            edit.gone(following)
            return
        receiver, giver = (following, block) if into_next else (block, following)
        edit.touch(receiver)
        edit.touch(giver)
        moved = edit.move_text(giver.content)
        if moved.direct:
            edit.remove(giver)
        else:
            giver.content = moved.left_behind
        both = [*moved.arriving, *receiver.content] if into_next else [*receiver.content, *moved.arriving]
        receiver.content = normalize(both)
