"""The import report: what an importer did with every line it did not put in the document."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.model import Document


@dataclass(frozen=True)
class Discarded:
    """A line, or part of a line, that the importer treated as page furniture."""

    line: int
    text: str
    reason: str


@dataclass
class ImportReport:
    source: str = ""
    discarded: list[Discarded] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Facts about the input a user should know ("not a resolution: …")."""
    warnings: list[str] = field(default_factory=list)
    """Things the importer could not resolve (an unbound marker, an unreferenced footnote)."""
    literal_footnote_numbers: dict[str, int] = field(default_factory=dict)
    """Footnote id -> the number the input printed, for checks on imported numbering."""

    def discard(self, line: int, text: str, reason: str) -> None:
        self.discarded.append(Discarded(line, text, reason))


@dataclass
class ImportResult:
    document: Document
    report: ImportReport
