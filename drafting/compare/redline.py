"""A comparison as a document with proposals: the new text, with every change against the old
text as an attributed insertion or deletion. Exported with tracked changes it is the redline
a delegation sends round: accept all gives the new text, reject all the old one.

Moved paragraphs are shown as deleted where they were and inserted where they are now; the
two spans are paired in :attr:`Redline.moves`, which the DOCX export writes as Word move
markup (``w:moveFrom``/``w:moveTo``). A paragraph deleted in full is listed with its old
printed number (:attr:`Redline.deleted_labels`): with automatic numbering its paragraph mark
is deleted too, so it takes no number in the new text; with typed numbers its number is
typed inside the deletion.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from drafting.compare import Comparison
from drafting.compare.diff import Segment
from drafting.inline_ops import normalize
from drafting.model import Block, Document, Inline, Proposal, ProposalSpan
from drafting.numbering import block_labels
from drafting.proposals import proposal_kind


@dataclass
class Redline:
    document: Document
    deleted_labels: dict[str, str | None] = field(default_factory=dict)
    """Block id -> the printed label ("5.", "(a)") of a paragraph deleted in full."""
    moves: dict[str, str] = field(default_factory=dict)
    """Proposal id -> move name: the deletion where a moved paragraph stood and the insertion
    where it stands now share a name."""


def redline_document(comparison: Comparison, author: str = "Comparison", date: str | None = None) -> Redline:
    """The new document with the changes as proposals authored by ``author``."""
    result = copy.deepcopy(comparison.new)
    result.proposals = {}
    builder = _Builder(result, author, date, block_labels(comparison.old))
    new_blocks = {b.id: b for b in result.iter_blocks()}
    old_blocks = {b.id: b for b in comparison.old.iter_blocks()}
    parents = _parents(result)
    old_parents = _parents(comparison.old)
    gone = {c.old_id for c in comparison.blocks if c.change in ("deleted", "moved")}
    in_place = {
        c.old_id: c.new_id for c in comparison.blocks if c.change in ("unchanged", "modified", "formatting")
    }
    old_order = [b.id for b in comparison.old.iter_blocks()]
    moved_to = {c.old_id: c.new_id for c in comparison.blocks if c.change == "moved"}
    moves: dict[str, str] = {}
    moved_from: dict[str | None, str] = {}  # new block id -> proposal id of its deleted old place
    before: dict[str | None, list[Block]] = {}
    for position, old_id in enumerate(old_order):
        if old_id not in gone or _inside(old_id, gone, old_parents):
            continue
        # Shown deleted where it stood: just before the next of its old siblings that stayed
        # put, else at the end of its old parent's subparagraphs (or of the text).
        parent = old_parents.get(old_id)
        anchor = next(
            (
                in_place[i]
                for i in old_order[position + 1 :]
                if i in in_place and old_parents.get(i) is parent
            ),
            None,
        )
        deleted = builder.deleted_copy(old_blocks[old_id])
        if anchor is None and parent is not None and parent.id in in_place:
            new_blocks[in_place[parent.id]].children.append(deleted)
            parents[deleted.id] = new_blocks[in_place[parent.id]]
        else:
            before.setdefault(anchor, []).append(deleted)
        if old_id in moved_to and deleted.content and isinstance(deleted.content[0], ProposalSpan):
            moved_from[moved_to[old_id]] = deleted.content[0].proposal_id
    for change in comparison.blocks:
        target = new_blocks.get(change.new_id or "")
        if target is None:
            continue
        if change.change in ("inserted", "moved"):
            target.content = [builder.span([], target.content)] if target.content else []
            if change.change == "moved" and target.content and change.new_id in moved_from:
                name = f"move{len(moves) // 2 + 1}"
                moves[moved_from[change.new_id]] = name
                moves[target.content[0].proposal_id] = name
        elif change.change == "modified":
            target.content = builder.merge(change.segments)
    for anchor, blocks in before.items():
        if anchor is None:
            result.blocks.extend(blocks)
        else:
            _insert_before(result, parents, new_blocks[anchor], blocks)
    for footnote_change in comparison.footnotes:
        if footnote_change.change == "modified" and footnote_change.new_id in result.footnotes:
            result.footnotes[footnote_change.new_id].content = builder.merge(footnote_change.segments)
    for footnote_id, footnote in comparison.old.footnotes.items():
        result.footnotes.setdefault(footnote_id, copy.deepcopy(footnote))  # cited by deleted text only
    return Redline(result, builder.deleted_labels, moves)


class _Builder:
    def __init__(self, document: Document, author: str, date: str | None, old_labels) -> None:
        self.document = document
        self.author = author
        self.date = date
        self.old_labels = old_labels
        self.deleted_labels: dict[str, str | None] = {}
        self.count = 0

    def span(self, deleted: list[Inline], inserted: list[Inline]) -> ProposalSpan:
        self.count += 1
        proposal_id = f"rl-{self.count}"
        kind = proposal_kind(deleted, inserted)
        self.document.proposals[proposal_id] = Proposal(proposal_id, kind, author=self.author, date=self.date)
        return ProposalSpan(proposal_id, normalize(deleted), normalize(inserted))

    def merge(self, segments: list[Segment]) -> list[Inline]:
        """New content with the deleted and inserted words as proposals."""
        out: list[Inline] = []
        index = 0
        while index < len(segments):
            segment = segments[index]
            if segment.op == "equal":
                out.extend(token.node for token in segment.new)
            elif segment.op == "delete" and index + 1 < len(segments) and segments[index + 1].op == "insert":
                out.append(
                    self.span([t.node for t in segment.old], [t.node for t in segments[index + 1].new])
                )
                index += 1
            elif segment.op == "delete":
                out.append(self.span([t.node for t in segment.old], []))
            else:
                out.append(self.span([], [t.node for t in segment.new]))
            index += 1
        return normalize(out)

    def deleted_copy(self, block: Block) -> Block:
        """``block`` (and its subparagraphs) as text proposed for deletion."""
        self.count += 1
        copy_id = f"deleted-{self.count}-{block.id}"
        content = [self.span(copy.deepcopy(block.content), [])] if block.content else []
        children = [self.deleted_copy(child) for child in block.children]
        self.deleted_labels[copy_id] = self.old_labels[block.id].label
        return Block(copy_id, block.kind, content, children, block.numbered)


def _inside(old_id: str, gone: set[str | None], parents: dict[str, Block | None]) -> bool:
    """Whether a paragraph deleted or moved in full contains this one (it is copied with it)."""
    parent = parents.get(old_id)
    while parent is not None:
        if parent.id in gone:
            return True
        parent = parents.get(parent.id)
    return False


def _parents(document: Document) -> dict[str, Block | None]:
    parents: dict[str, Block | None] = {}

    def walk(blocks: list[Block], parent: Block | None) -> None:
        for block in blocks:
            parents[block.id] = parent
            walk(block.children, block)

    walk(document.front, None)
    walk(document.blocks, None)
    return parents


def _insert_before(
    document: Document, parents: dict[str, Block | None], target: Block, pending: list[Block]
) -> None:
    """Put deleted blocks just before ``target`` in its list (top level or its parent's children)."""
    parent = parents.get(target.id)
    if parent is not None:
        siblings = parent.children
    else:
        siblings = document.front if any(b is target for b in document.front) else document.blocks
    at = next(i for i, b in enumerate(siblings) if b is target)
    siblings[at:at] = pending
    for block in pending:
        parents[block.id] = parent
