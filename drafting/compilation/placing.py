"""Building the compiled document: the base with every merged change as a proposal.

Changes in place become proposal spans in their paragraph or footnote; each alternative is the
base paragraph again, right after it (``Block.alternative_to``), with its changes as spans; an
added paragraph is one span that only inserts, after the base paragraph it follows in its
return, and a moved one names the deletion it pairs with (``Proposal.move_of``). A proposal's
author lists everyone who made it, its date is the earliest."""

from __future__ import annotations

import copy

from drafting.compilation.atoms import atom_slice
from drafting.compilation.blocks import unique, walk
from drafting.compilation.edits import Alternative, Edit, NewBlock, Placed
from drafting.compilation.state import CompileState
from drafting.inline_ops import normalize
from drafting.model import Block, Document, Inline, Proposal, ProposalSpan, ProposalStatus
from drafting.proposals import new_proposal_id, proposal_kind


def build_document(state: CompileState) -> tuple[Document, dict[str, str]]:
    """The compiled document and its moves (proposal id -> move name); sets the report's count
    of proposals and its delegations."""
    builder = _Builder(state)
    builder.build()
    state.report.proposals = len(builder.document.proposals) - len(state.base.proposals)
    state.report.delegations = builder.delegations
    return builder.document, builder.moves


class _Builder:
    """The document being built, with the ids, names and moves its proposals take."""

    def __init__(self, state: CompileState) -> None:
        self.state = state
        self.document = copy.deepcopy(state.base)
        self.suffixes: dict[str, int] = {}
        self.delegations: list[str] = []
        self.moves: dict[str, str] = {}
        self.used_ids = {b.id for b in state.base.iter_blocks()}

    def build(self) -> None:
        state, document = self.state, self.document
        blocks = {b.id: b for b in document.iter_blocks()}
        for target, placed in state.placed.items():
            content = self._apply(target, placed)
            if target.startswith("fn:"):
                document.footnotes[target[3:]].content = content
            else:
                blocks[target].content = content
        for top, alternatives in state.alternatives.items():
            made = [self._alternative(top, number, alt) for number, alt in enumerate(alternatives, start=1)]
            siblings = document.blocks
            at = _after(siblings, top)
            siblings[at:at] = made
        document.footnotes.update(state.new_footnotes)
        containing = _lists(document)
        for (parent, after), items in state.new_blocks.items():
            if after is not None and after in containing:
                siblings = containing[after]
                at = _after(siblings, after)
            else:
                siblings = blocks[parent].children if parent in blocks else document.blocks
                at = 0
            siblings[at:at] = [self._added(item) for item in items]

    def _apply(self, target: str, placed: list[Placed]) -> list[Inline]:
        """The base content of ``target`` with ``placed`` as proposal spans."""
        content = self.state.text[target]
        out: list[Inline] = []
        position = 0
        for item in sorted(placed, key=lambda p: (p.edit.start, p.edit.end)):
            edit = item.edit
            out.extend(atom_slice(content, position, edit.start))
            deleted = atom_slice(content, edit.start, edit.end)
            inserted = copy.deepcopy(edit.inserted)
            item.proposal_id = self._proposal(deleted, inserted, item.authors, item.dates, edit)
            out.append(ProposalSpan(item.proposal_id, deleted, inserted))
            position = max(position, edit.end)
        out.extend(atom_slice(content, position, len(self.state.atoms[target])))
        return normalize(out)

    def _proposal(
        self,
        deleted: list[Inline],
        inserted: list[Inline],
        authors: list[str],
        dates: list[str],
        edit: Edit | None = None,
        move_of: str | None = None,
    ) -> str:
        author = ", ".join(authors)
        for name in authors:
            if name not in self.delegations:
                self.delegations.append(name)
        proposal_id = new_proposal_id(deleted, inserted, self.document.proposals, author, self.suffixes)
        self.document.proposals[proposal_id] = Proposal(
            proposal_id,
            proposal_kind(deleted, inserted),
            author=author,
            rationale=edit.rationale if edit else None,
            status=edit.status if edit else ProposalStatus.PROPOSED,
            date=min(dates) if dates else None,
            move_of=move_of,
        )
        return proposal_id

    def _alternative(self, top: str, number: int, alternative: Alternative) -> Block:
        """The base paragraph ``top`` again, with the colliding changes of one return in it."""
        original_top = self.state.base.block(top)
        block = copy.deepcopy(original_top)
        for original, made in zip(walk([original_top]), walk([block]), strict=True):
            made.id = self._fresh(f"{original.id}-alt{number}")
            if original.id in alternative.edits:
                made.content = self._apply(original.id, alternative.edits[original.id])
        block.alternative_to = top
        return block

    def _added(self, item: NewBlock) -> Block:
        """A paragraph a return added, each of its paragraphs one span that only inserts."""
        block = copy.deepcopy(item.block)
        first = True
        for made in walk([block]):
            made.id = self._fresh(made.id)
            if not made.content:
                continue
            move_of = None
            if first and item.move_from is not None and item.move_from.placed is not None:
                move_of = item.move_from.placed.proposal_id
            proposal_id = self._proposal([], made.content, item.authors, item.dates, move_of=move_of)
            if move_of is not None:
                name = f"move{len(self.moves) // 2 + 1}"
                self.moves[move_of] = self.moves[proposal_id] = name
            made.content = [ProposalSpan(proposal_id, [], made.content)]
            first = False
        return block

    def _fresh(self, wanted: str) -> str:
        made = unique(wanted, self.used_ids)
        self.used_ids.add(made)
        return made


def _lists(document: Document) -> dict[str, list[Block]]:
    """Block id -> the list that holds it (the text, or its parent's subparagraphs)."""
    out: dict[str, list[Block]] = {}

    def visit(blocks: list[Block]) -> None:
        for block in blocks:
            out[block.id] = blocks
            visit(block.children)

    visit(document.blocks)
    return out


def _after(siblings: list[Block], block_id: str) -> int:
    """The index just after ``block_id`` and the alternatives that follow it."""
    at = next(i for i, b in enumerate(siblings) if b.id == block_id) + 1
    while at < len(siblings) and siblings[at].alternative_to == block_id:
        at += 1
    return at
