"""What a compilation tells the facilitator: a line per return, the notes, what was not placed.

Also the few words the report is written in (counts, short quotes, a change in one line), used
wherever the compilation explains itself."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ReturnLine:
    """The report's line for one return."""

    source_name: str
    delegation: str
    changes: int
    read_as: str
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        source = f" ({self.source_name})" if self.source_name else ""
        return f"{self.delegation}{source}: {count(self.changes, 'change')}, {self.read_as}"


@dataclass
class Unplaced:
    """A change the compilation could not put in the text, and why."""

    source_name: str
    delegation: str
    where: str
    change: str
    why: str

    def __str__(self) -> str:
        return f"not placed: {self.delegation}'s change in {self.where} ({self.change}): {self.why}"


@dataclass
class CompileReport:
    proposals: int = 0
    delegations: list[str] = field(default_factory=list)
    collisions: int = 0
    """Alternative paragraphs made for changes that collided with another delegation's."""
    returns: list[ReturnLine] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """ "12 proposals from 4 delegations, 1 collision (kept as alternatives)"."""
        return (
            f"{count(self.proposals, 'proposal')} from {count(len(self.delegations), 'delegation')}, "
            f"{count(self.collisions, 'collision')} (kept as alternatives)"
        )

    def details(self) -> list[str]:
        """One line per return (and its notes), then the notes, then what was not placed."""
        lines: list[str] = []
        for line in self.returns:
            lines.append(str(line))
            lines.extend(f"  {note}" for note in line.notes)
        lines.extend(self.notes)
        lines.extend(str(item) for item in self.unplaced)
        return lines


def describe_change(deleted: str, inserted: str) -> str:
    """A change in one line: “old” → “new”, deletes “old” or inserts “new”."""
    if deleted and inserted:
        return f"“{short(deleted)}” → “{short(inserted)}”"
    return f"deletes “{short(deleted)}”" if deleted else f"inserts “{short(inserted)}”"


def short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
