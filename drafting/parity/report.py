"""What parity reports and how: the discrepancies and the report (with their JSON), the
label of each version, and the report for a terminal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafting.model import Document, plain_text


@dataclass(frozen=True)
class Discrepancy:
    """One difference between the reference version and another version at one place."""

    kind: str
    """``count``, ``footnote_marker`` or ``tokens``."""
    versions: tuple[str, str]
    """(reference, other): the labels of the two versions compared."""
    place: str
    """The place in the reference version ("OP 5 (b)", "PP 3", "footnote 2", "OP")."""
    detail: str
    """What differs, in one sentence."""
    other_place: str | None = None
    """The place in the other version when it differs (after a missing paragraph)."""
    only_in_reference: tuple[str, ...] = ()
    only_in_other: tuple[str, ...] = ()
    excerpts: tuple[tuple[str, str], ...] = ()
    """(version label, short excerpt) pairs."""

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "versions": list(self.versions),
            "place": self.place,
            "other_place": self.other_place,
            "detail": self.detail,
            "only_in_reference": list(self.only_in_reference),
            "only_in_other": list(self.only_in_other),
            "excerpts": dict(self.excerpts),
        }


@dataclass
class ParityReport:
    versions: list[str]
    discrepancies: list[Discrepancy] = field(default_factory=list)

    @property
    def reference(self) -> str:
        return self.versions[0]

    def to_json(self) -> dict:
        kinds = Counter(d.kind for d in self.discrepancies)
        return {
            "reference": self.reference,
            "versions": list(self.versions),
            "discrepancies": [d.to_json() for d in self.discrepancies],
            "summary": {"total": len(self.discrepancies), **dict(sorted(kinds.items()))},
        }


_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def version_language(document: Document) -> str:
    """The language of a version: the document's own, except that a Cyrillic text with the
    letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і) is Kazakh rather than Russian."""
    if document.language == "ru":
        text = " ".join(plain_text(b.content) for b in document.iter_blocks())
        if sum(ch in _KAZAKH_LETTERS for ch in text) >= 5:
            return "kk"
    return document.language


def version_labels(documents: Sequence[tuple[str, Document]]) -> list[str]:
    """A label for each (file name, document): its language when that is unique among the
    versions, else the file name."""
    languages = [version_language(d) for _, d in documents]
    if len(set(languages)) == len(languages):
        return languages
    return [name for name, _ in documents]


def format_report(report: ParityReport) -> str:
    """The report for a terminal: one block per discrepancy, then a count."""
    lines = [f"Reference: {report.reference}; compared: {', '.join(report.versions[1:])}"]
    for d in report.discrepancies:
        where = d.place + (f" ({d.versions[1]}: {d.other_place})" if d.other_place else "")
        lines.append(f"{where} — {d.versions[0]} / {d.versions[1]}: {d.detail}")
        for label, text in d.excerpts:
            lines.append(f"    {label}: {text}")
    count = len(report.discrepancies)
    lines.append("No discrepancy." if not count else f"{count} discrepanc{'y' if count == 1 else 'ies'}.")
    return "\n".join(lines) + "\n"
