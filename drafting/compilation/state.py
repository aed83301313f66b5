"""The compilation in progress: the base indexed by paragraph and footnote, and what the returns
read so far have made of it. Each step (reading a return's changes, merging them, placing them)
is a function over this one plain object."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.compilation.atoms import atoms
from drafting.compilation.edits import Alternative, NewBlock, Placed
from drafting.compilation.report import CompileReport, count
from drafting.model import Block, Document, Footnote, Inline
from drafting.numbering import footnote_numbers


@dataclass(eq=False)
class CompileState:
    base: Document
    text: dict[str, list[Inline]] = field(default_factory=dict)
    """Base paragraph or footnote ("fn:" + id) -> its content."""
    top: dict[str, str] = field(default_factory=dict)
    """Base block id -> id of its top-level paragraph."""
    atoms: dict[str, str] = field(default_factory=dict)
    """Base paragraph or footnote -> its content as atoms."""
    footnote_numbers: dict[str, int] = field(default_factory=dict)
    """Base footnote id -> its number, for the report."""
    placed: dict[str, list[Placed]] = field(default_factory=dict)
    """Target -> the changes that stand in it."""
    alternatives: dict[str, list[Alternative]] = field(default_factory=dict)
    """Base top-level paragraph id -> its alternatives, in the order they were made."""
    new_blocks: dict[tuple[str | None, str | None], list[NewBlock]] = field(default_factory=dict)
    """(base parent, base paragraph followed) -> the paragraphs added there."""
    new_footnotes: dict[str, Footnote] = field(default_factory=dict)
    """Footnotes the returns add (cited from their inserted text), by their id in the compilation."""
    report: CompileReport = field(default_factory=CompileReport)


def start(base: Document) -> CompileState:
    """The state before any return: the base indexed, and a note if it carries proposals."""
    state = CompileState(base)
    for block in base.blocks:
        _index(state, block, block.id)
    for footnote_id, footnote in base.footnotes.items():
        state.text["fn:" + footnote_id] = footnote.content
    state.atoms = {target: atoms(content) for target, content in state.text.items()}
    state.footnote_numbers = footnote_numbers(base)
    if base.proposals:
        state.report.notes.append(
            f"the base carries {count(len(base.proposals), 'proposal')} of its own: they are kept as they"
            " stand; a return is compared with the base text they leave"
        )
    return state


def _index(state: CompileState, block: Block, top: str) -> None:
    state.text[block.id] = block.content
    state.top[block.id] = top
    for child in block.children:
        _index(state, child, top)
