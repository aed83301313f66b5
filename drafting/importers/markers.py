"""Footnote markers in extracted text, bound to the footnotes they call.

Markers come in four shapes: superscript digits (``¹⁰``), markdown references (``[^4]``),
plain digits after punctuation once superscript formatting is lost (``Strategy;1``) and
plain digits glued to a year (``20233`` for footnote 3 after 2023). The last two are
ambiguous on their own, so they are decided with the footnote list and the order of first
reference (a new footnote must be the next number), never by guessing from the shape alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.importers.text_lines import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS
from drafting.model import Inline, Mark, NoteRef, Text

_SUPERSCRIPT = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
_MARKDOWN = re.compile(r"\[\^([^\]\s]+)\]")
_PLAIN_AFTER_PUNCT = re.compile(r"(?:(?<=[^\W\d_][;,.:)\]”’\"'》」])|(?<=\d[;,:)\]]))(\d{1,3})(?=\s|$|[)\]])")
_GLUED_YEAR = re.compile(r"(?<![\d/.,-])((?:1[89]|20)\d\d)(\d{1,2})(?![\d/])")
_PLAIN_CANDIDATES = (_PLAIN_AFTER_PUNCT, _GLUED_YEAR)


def plain_marker_candidates(text: str) -> set[str]:
    """Numbers that might be plain-digit markers in ``text`` (used to accept footnote lines)."""
    found = {m.group(1) for m in _PLAIN_AFTER_PUNCT.finditer(text)}
    found |= {m.group(2) for m in _GLUED_YEAR.finditer(text)}
    return found


@dataclass
class MarkerBinder:
    """Binds markers paragraph by paragraph, in reading order."""

    footnote_ids: dict[str, str]
    """Footnote label as printed ("10", "4", "note") -> footnote id."""
    plain_labels: set[str] = field(default_factory=set)
    """Labels of footnotes whose lines were plain digits: only these bind plain markers."""
    warnings: list[str] = field(default_factory=list)
    referenced: set[str] = field(default_factory=set)
    first_references: list[str] = field(default_factory=list)
    """Labels in the order of their first reference."""
    _highest: int = 0

    def bind(self, runs: list[Text], where: str) -> list[Inline]:
        out: list[Inline] = []
        for run in runs:
            out.extend(self._bind_run(run, where))
        return out

    def _bind_run(self, run: Text, where: str) -> list[Inline]:
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
        for m in _SUPERSCRIPT.finditer(text):
            candidates.append((m.start(), m.end(), m.group().translate(FROM_SUPERSCRIPT), "sup"))
        for m in _MARKDOWN.finditer(text):
            candidates.append((m.start(), m.end(), m.group(1), "md"))
        if self.plain_labels:
            for pattern in _PLAIN_CANDIDATES:
                for m in pattern.finditer(text):
                    group = len(m.groups())
                    candidates.append((m.start(group), m.end(), m.group(group), "plain"))
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
            elif shape == "md":
                if label not in self.footnote_ids:
                    self.warnings.append(f"{where}: reference [^{label}] has no footnote; kept as text")
                    continue
                labels = [label]
            else:
                if not self._accept_plain(label):
                    continue
                labels = [label]
            kept.append((start, end, labels))
            for bound in labels or ():
                self._note_reference(bound)
        return kept

    def _split_known(self, label: str) -> list[str] | None:
        if label in self.footnote_ids:
            return [label]
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

    def _accept_plain(self, label: str) -> bool:
        if label not in self.plain_labels or label.startswith("0"):
            return False
        if label in self.referenced:
            return True
        return label.isdigit() and int(label) == self._highest + 1

    def _note_reference(self, label: str) -> None:
        if label not in self.referenced:
            self.first_references.append(label)
        self.referenced.add(label)
        if label.isdigit():
            self._highest = max(self._highest, int(label))
