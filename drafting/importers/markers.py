"""Footnote markers in extracted text, bound to the footnotes they call.

The binder binds the two shapes that say themselves what they are: superscript digits
(``¹⁰``) and markdown references (``[^4]``). Plain-digit markers (``Strategy;1``, ``20233``,
``Outcome, 1  sports``) are ambiguous on their own; :mod:`plain_markers` decides them for the
whole document and rewrites the chosen ones as ``[^k]`` before binding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.importers.text_lines import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS
from drafting.model import Inline, Mark, NoteRef, Text

MAX_MARKER_DIGITS = 4
"""A footnote number has at most this many digits: a resolution has tens of footnotes, a
report a few hundred. Longer runs of superscript digits are text (a table of exponents, a
damaged extraction), and must not reach ``int()``: Python refuses to convert more than 4,300
digits, and trying every cut of a long run would take quadratic time."""

_SUPERSCRIPT = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
_MARKDOWN = re.compile(r"\[\^([^\]\s]+)\]")
_PUNCT_THEN_DIGITS = re.compile(r"([;,.:)\]”’\"'》」])(\d{1,3})(?=\s|$|[)\]])")
_YEAR_THEN_DIGITS = re.compile(r"((?:1[89]|20)\d\d)(\d{1,2})(?![\d/])")


def _may_hold_superscript(text: str) -> bool:
    """Whether ``text`` holds a superscript digit: none in ASCII text (``isascii`` is a flag
    Python keeps), else ten searches at memory speed, where the character class was tried at
    every character of every run."""
    return not text.isascii() and any(digit in text for digit in SUPERSCRIPT_DIGITS)


def plain_marker_candidates(text: str) -> set[str]:
    """Numbers that might be plain-digit markers in ``text`` (used to accept footnote lines):
    digits right after punctuation that follows a word ("Strategy;1") or a number ("2024,1"),
    and one or two digits glued to a year ("20233")."""
    found: set[str] = set()
    for m in _PUNCT_THEN_DIGITS.finditer(text):
        at = m.start()
        before = text[at - 1] if at else ""
        if before.isalpha() or (before.isdigit() and m.group(1) in ";,:)]"):
            found.add(m.group(2))
    for m in _YEAR_THEN_DIGITS.finditer(text):
        at = m.start()
        if not at or text[at - 1] not in "0123456789/.,-":
            found.add(m.group(2))
    return found


@dataclass
class MarkerBinder:
    """Binds markers paragraph by paragraph, in reading order."""

    footnote_ids: dict[str, str]
    """Footnote label as printed ("10", "4", "note") -> footnote id."""
    warnings: list[str] = field(default_factory=list)
    referenced: set[str] = field(default_factory=set)
    first_references: list[str] = field(default_factory=list)
    """Labels in the order of their first reference."""

    def bind(self, runs: list[Text], where: str) -> list[Inline]:
        out: list[Inline] = []
        for run in runs:
            out.extend(self._bind_run(run, where))
        return out

    def _bind_run(self, run: Text, where: str) -> list[Inline]:
        if "[^" not in run.text and not _may_hold_superscript(run.text):
            return [run]  # no marker of either shape: what _find would find, without its searches
        spans = self._find(run.text, where)
        if not spans:
            return [run]
        out: list[Inline] = []
        pos = 0
        for start, end, labels in spans:
            if start > pos:
                out.append(Text(run.text[pos:start], run.marks))
            if labels is None:  # an unbound superscript: keep it as text
                out.append(Text(run.text[start:end], run.marks | {Mark.SUPERSCRIPT}))
            else:
                out.extend(NoteRef(self.footnote_ids[label]) for label in labels)
            pos = end
        if pos < len(run.text):
            out.append(Text(run.text[pos:], run.marks))
        return out

    def _find(self, text: str, where: str) -> list[tuple[int, int, list[str] | None]]:
        candidates: list[tuple[int, int, str, str]] = []  # start, end, label, shape
        if _may_hold_superscript(text):
            for m in _SUPERSCRIPT.finditer(text):
                candidates.append((m.start(), m.end(), m.group().translate(FROM_SUPERSCRIPT), "sup"))
        for m in _MARKDOWN.finditer(text):
            candidates.append((m.start(), m.end(), m.group(1), "md"))
        candidates.sort()
        kept: list[tuple[int, int, list[str] | None]] = []
        for start, end, label, shape in candidates:
            if kept and start < kept[-1][1]:
                continue  # overlapping candidates: the earliest wins
            labels: list[str] | None
            if shape == "sup":
                labels = self._split_known(label)
                if labels is None:
                    self.warnings.append(f"{where}: marker {label} has no footnote; kept as text")
            else:
                if label not in self.footnote_ids:
                    self.warnings.append(f"{where}: reference [^{label}] has no footnote; kept as text")
                    continue
                labels = [label]
            kept.append((start, end, labels))
            for bound in labels or ():
                self._note_reference(bound)
        return kept

    def _split_known(self, label: str) -> list[str] | None:
        if label in self.footnote_ids:
            return [label]
        if len(label) > 2 * MAX_MARKER_DIGITS:  # not two markers side by side either
            return None
        for cut in range(1, len(label)):  # "¹⁰¹¹": markers 10 and 11 printed side by side
            head, tail = label[:cut], label[cut:]
            consecutive = head.isdigit() and tail.isdigit() and int(tail) == int(head) + 1
            if (
                consecutive
                and head in self.footnote_ids
                and tail in self.footnote_ids
                and not tail.startswith("0")
            ):
                return [head, tail]
        return None

    def _note_reference(self, label: str) -> None:
        if label not in self.referenced:
            self.first_references.append(label)
        self.referenced.add(label)
