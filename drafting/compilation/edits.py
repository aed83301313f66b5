"""The changes the returns make, as the compilation collects them before building the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.compilation.atoms import atoms
from drafting.model import Block, Inline, ProposalStatus


@dataclass(eq=False)
class Edit:
    """One change of one return to one paragraph or footnote of the base: atoms ``start`` to
    ``end`` of ``target`` (a base block id, or "fn:" + a base footnote id) become ``inserted``."""

    target: str
    start: int
    end: int
    inserted: list[Inline]
    author: str
    date: str | None
    ret: int
    status: ProposalStatus = ProposalStatus.PROPOSED
    rationale: str | None = None
    source_id: str | None = None
    placed: Placed | None = None

    @property
    def size(self) -> int:
        return len(atoms(self.inserted))


@dataclass(eq=False)
class Placed:
    """A change as it will stand in the compilation, with everyone who made it."""

    edit: Edit
    authors: list[str]
    dates: list[str]
    proposal_id: str | None = None
    rets: set[int] = field(default_factory=set)

    def add(self, edit: Edit) -> None:
        self.rets.add(edit.ret)
        if edit.author not in self.authors:
            self.authors.append(edit.author)
        if edit.date:
            self.dates.append(edit.date)
        edit.placed = self


@dataclass(eq=False)
class NewBlock:
    """A paragraph (with its subparagraphs) added by a return."""

    block: Block
    anchor: tuple[str | None, str | None]
    """(base parent id or None, base paragraph it follows or None)."""
    key: str
    authors: list[str]
    dates: list[str]
    ret: int
    source_id: str
    move_from: Edit | None = None


@dataclass(eq=False)
class Alternative:
    """The colliding changes of one return to the base paragraph ``top`` (and its subparagraphs),
    by target: they make one alternative paragraph."""

    top: str
    ret: int
    edits: dict[str, list[Placed]] = field(default_factory=dict)
