"""What a check reports: a finding with rule, severity, place, message and maybe a safe fix."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    """Certainly wrong."""
    WARNING = "warning"
    """Probably wrong."""
    INFO = "info"
    """Style."""


@dataclass(frozen=True)
class Fix:
    """A safe correction, applied through the model by :func:`drafting.checks.fixes.apply_fix`.

    ``operation`` is one of:

    * ``"replace"``: replace characters ``start``..``end`` of the target's text with ``text``;
    * ``"marker-after-punctuation"`` / ``"marker-before-punctuation"``: move the footnote
      marker at text offset ``start`` to the other side of the punctuation mark beside it;
    * ``"italic"``: italicize characters ``start``..``end``;
    * ``"new-footnote"``: give the repeated reference at text offset ``start`` a footnote of
      its own with the same text (current Editorial Manual).
    """

    description: str
    operation: str
    target: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    target: str
    """Block id, or footnote id for findings inside a footnote."""
    label: str
    """How an editor names the place: "OP 5", "PP 3", "footnote 11"."""
    start: int
    end: int
    """Character range in the target's text (footnote markers are not characters)."""
    message: str
    excerpt: str = ""
    fix: Fix | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "label": self.label,
            "block": self.target,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "excerpt": self.excerpt,
            "fix": asdict(self.fix) if self.fix else None,
        }
