"""One return's changes to the base: edits inside base paragraphs and footnotes, and paragraphs
it adds.

The return comes as proposals over the base (:mod:`drafting.compilation.marking`): each proposal
span in a paragraph or footnote the comparison pairs with the base is an :class:`Edit` of that
base paragraph, its position mapped from the return's rejected text onto the base's atoms (the
two differ only in typography); a paragraph with no counterpart in the base is a
:class:`NewBlock`. Footnotes cited from inserted text are the base's, or new ones the return
adds."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from drafting.compare.tokens import content_key
from drafting.compilation.atoms import atom_slice, atoms, position_map
from drafting.compilation.blocks import unique, walk
from drafting.compilation.edits import Edit, NewBlock
from drafting.compilation.marking import Marked
from drafting.compilation.report import Unplaced, describe_change
from drafting.compilation.returns import Return
from drafting.compilation.state import CompileState
from drafting.inline_ops import normalize
from drafting.model import (
    Block,
    Document,
    Footnote,
    Inline,
    NoteRef,
    Proposal,
    ProposalSpan,
    Text,
    iter_inlines,
    plain_text,
)
from drafting.proposal_ops import resolve_content

Remap = Callable[[list[Inline]], list[Inline]]


@dataclass
class _Source:
    """The return being read, with what its edits need to name and place their content."""

    state: CompileState
    index: int
    ret: Return
    marked: Document
    refs: Remap


def changes_of(
    state: CompileState, index: int, ret: Return, marked: Marked
) -> tuple[list[Edit], list[NewBlock]]:
    """The edits and added paragraphs of the return ``ret`` (the ``index``-th), read as ``marked``;
    a proposal before the title is reported as not placed."""
    comparison = marked.comparison
    block_pairs = {c.new_id: c.old_id for c in comparison.blocks if c.old_id and c.new_id}
    note_pairs = {f.new_id: f.old_id for f in comparison.footnotes if f.old_id and f.new_id}
    source = _Source(state, index, ret, marked.marked, _footnote_remap(state, marked.marked, note_pairs))
    edits: list[Edit] = []
    new_blocks: list[NewBlock] = []

    def visit(blocks: list[Block], parent: str | None) -> None:
        after: str | None = None
        for block in blocks:
            base_id = block_pairs.get(block.id)
            if base_id is not None and base_id in state.text:
                edits.extend(_content_edits(source, base_id, block.content))
                visit(block.children, base_id)
                after = base_id
                continue
            new_blocks.append(_new_block(source, block, (parent, after)))

    visit(marked.marked.blocks, None)
    for footnote_id, footnote in marked.marked.footnotes.items():
        base_id = note_pairs.get(footnote_id)
        if base_id is not None:
            edits.extend(_content_edits(source, "fn:" + base_id, footnote.content))
    _report_front(state, ret, marked.marked)
    return _coalesce(state, edits), new_blocks


def _content_edits(source: _Source, target: str, content: list[Inline]) -> list[Edit]:
    """The proposal spans of ``content`` (a return's version of ``target``) as edits of the base."""
    rejected: list[str] = []
    raw: list[tuple[int, int, list[Inline], str]] = []
    position = 0
    for node in content:
        if isinstance(node, ProposalSpan) and node.proposal_id in source.marked.proposals:
            deleted = atoms(resolve_content(node.deleted, accept=False))
            inserted = source.refs(resolve_content(node.inserted, accept=True))
            raw.append((position, position + len(deleted), inserted, node.proposal_id))
            rejected.append(deleted)
            position += len(deleted)
        else:
            piece = atoms([node])
            rejected.append(piece)
            position += len(piece)
    if not raw:
        return []
    edits: list[Edit] = []
    mapping = position_map("".join(rejected), source.state.atoms[target])
    for start, end, inserted, proposal_id in raw:
        a, b = mapping[start], mapping[end]
        if a == b and not inserted:
            continue
        proposal = source.marked.proposals[proposal_id]  # ``raw`` holds only the return's proposals
        author = _author(source.ret, proposal)
        edits.append(
            Edit(
                target,
                a,
                b,
                inserted,
                author,
                proposal.date,
                source.index,
                proposal.status,
                proposal.rationale,
                proposal_id,
            )
        )
    return edits


def _author(ret: Return, proposal: Proposal) -> str:
    """A named return is the author of all its changes; else a proposal keeps its own author."""
    return ret.delegation if (ret.named or not proposal.author) else proposal.author


def _new_block(source: _Source, block: Block, anchor: tuple[str | None, str | None]) -> NewBlock:
    """A paragraph of the return with no counterpart in the base: its text as it would stand."""
    ret, marked = source.ret, source.marked
    authors: list[str] = []
    dates: list[str] = []
    source_id = ""
    for node in (n for b in walk([block]) for n in iter_inlines(b.content)):
        if isinstance(node, ProposalSpan) and node.proposal_id in marked.proposals:
            proposal = marked.proposals[node.proposal_id]
            source_id = source_id or node.proposal_id
            author = _author(ret, proposal)
            if author not in authors:
                authors.append(author)
            if proposal.date:
                dates.append(proposal.date)
    copied = _accepted_block(block, source.refs)
    key = "\n".join(content_key(b.content, {}) for b in walk([copied]))
    return NewBlock(copied, anchor, key, authors or [ret.delegation], dates, source.index, source_id)


def _accepted_block(block: Block, refs: Remap) -> Block:
    return Block(
        block.id,
        block.kind,
        refs(resolve_content(block.content, accept=True)),
        [_accepted_block(child, refs) for child in block.children],
        block.numbered,
    )


def _footnote_remap(state: CompileState, marked: Document, note_pairs: dict[str, str]) -> Remap:
    """A function giving inserted content with its footnote references pointing at the
    compilation's footnotes: the base's, or new ones the return adds (to ``state.new_footnotes``;
    the same text added by several returns is one footnote)."""

    def footnote_id(old: str) -> str:
        if old in note_pairs:
            return note_pairs[old]
        note = marked.footnotes.get(old)
        if note is None:
            return old
        content = resolve_content(note.content, accept=True)
        key = content_key(content, {})
        for existing_id, existing in state.new_footnotes.items():
            if content_key(existing.content, {}) == key:
                return existing_id
        new = unique(old, set(state.base.footnotes) | set(state.new_footnotes))
        state.new_footnotes[new] = Footnote(new, content)
        return new

    def remap(content: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for node in content:
            if isinstance(node, NoteRef):
                out.append(NoteRef(footnote_id(node.footnote_id)))
            elif isinstance(node, Text):
                out.append(Text(node.text, node.marks))
            else:
                out.append(copy.deepcopy(node))
        return normalize(out)

    return remap


def _coalesce(state: CompileState, edits: list[Edit]) -> list[Edit]:
    """One author's changes with nothing but spaces between them are one change ("~~Further
    decides~~ ~~to conduct …~~" is the paragraph deleted): so they meet another delegation's
    same change cut in one piece."""
    out: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.target, e.start, e.end)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.target == edit.target
            and last.author == edit.author
            and last.end <= edit.start
            and not state.atoms[edit.target][last.end : edit.start].strip(" \u00a0")
        ):
            gap = atom_slice(state.text[edit.target], last.end, edit.start)
            last.inserted = (
                normalize(last.inserted + gap + edit.inserted) if last.inserted or edit.inserted else []
            )
            last.end = edit.end
            continue
        out.append(edit)
    return out


def _report_front(state: CompileState, ret: Return, marked: Document) -> None:
    """A proposal in the material before the title has no place in the compilation: reported."""
    for block in marked.front:
        for node in iter_inlines(block.content):
            if isinstance(node, ProposalSpan) and node.proposal_id in marked.proposals:
                state.report.unplaced.append(
                    Unplaced(
                        ret.source_name,
                        ret.delegation,
                        "the material before the title",
                        describe_change(plain_text(node.deleted), plain_text(node.inserted)),
                        "the compilation carries changes to paragraphs and footnotes only",
                    )
                )
