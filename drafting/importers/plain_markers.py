"""Plain-digit footnote markers, decided for the whole document at once.

Once superscript formatting is lost, a footnote marker is a bare number in the text:
``Strategy;1``, ``Treaty4``, ``20233`` (footnote 3 after 2023), ``Outcome, 1  sports`` or
``Declaration 2 of an appeal``. Read one at a time, such numbers cannot be told from
"article 31" or "resolution 2 (2015)", and a reader that accepts a marker only when the
previous one was found loses every footnote after the first odd shape.

So every number that *could* be a marker is scored by its shape, and the markers are chosen
for all footnotes together: footnote *k* is first cited after footnote *k − 1* (UN footnotes
are numbered in order of first citation), and where the extraction kept page breaks its
first citation stands on the page whose foot holds its text. The highest-scoring consistent
choice wins (a small dynamic programme); a footnote with no consistent marker is reported.
Chosen markers are rewritten as ``[^k]`` references, which the binder then binds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass

from drafting.importers.markers import MAX_MARKER_DIGITS
from drafting.importers.text_lines import FROM_SUPERSCRIPT, SUPERSCRIPT_DIGITS

_NUMBER = re.compile(r"(?<![\d/\-‐‑])(\d{1,3})(?![\d/%])")
_GLUED_YEAR = re.compile(r"(?<![\d/.,\-‐‑])((?:1[89]|20)\d\d)(\d{1,2})(?![\d/])")
_CERTAIN = re.compile(rf"\[\^(\d{{1,3}})\]|([{SUPERSCRIPT_DIGITS}]+)")
_CLOSING_PUNCT = set(";,.:)]”’\"'»》」")
_NOT_BEFORE = re.compile(
    r"(?:resolutions?|paragraphs?|paras?\.|articles?|annex(?:es)?|goal|targets?|No\.|Nos\.|vol\.|"
    r"chapters?|chap\.|sections?|sect\.|rules?|decisions?|principles?|items?|pages?|pp?\.|and|or|to|"
    r"from|between|of|in|on|at|by|for|with|than|the|a|an|some|over|about|least|nearly|"
    r"recommendations?|Add\.|Rev\.|Corr\.|Part|phase|level|category|"
    r"schedules?|appendix|table|figure|session|meeting|Committee|Group|Commission|[A-Z])",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(
    r"^\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"per\s?cent|percent|years?|months?|days?|weeks?|hours?|times|million|billion|"
    r"members?|States|countries|persons|people|of\s+the\s+\d|\(|[-–—]\s?\d)",
)
_YEAR_END = re.compile(r"(?<!\d)(?:1[89]|20)\d\d\.$")
_DECIMAL_UNIT = re.compile(
    r"\s?(?:%|pour\s?cent|por\s?ciento|процент|million|milliard|mill[oó]n|миллион|миллиард|млн|млрд)",
    re.IGNORECASE,
)
"""What follows a number written with a decimal comma: a percentage or a number of millions."""
_SYMBOL_PART_END = re.compile(
    r"(?:[/\-][A-Za-z]{1,8}|\b(?:Rev|Add|Corr|Amend|No|Nos|vol|para|paras|art|chap|sect))\.$"
)
_LONE_CAPITAL = re.compile(r"(?:^|[\s(])[A-Z]$")
STRONG = 2.5
"""Shapes strong enough for a footnote cited a second time."""


@dataclass(frozen=True)
class Candidate:
    paragraph: int
    start: int
    end: int
    label: int
    score: float
    certain: bool = False
    page: int | None = None
    name_like: bool = False
    """A reference glued to a lone capital letter ("P[^5]" for the P5): maybe a name."""

    @property
    def key(self) -> tuple[int, int]:
        return (self.paragraph, self.start)


def certain_candidates(paragraph: int, text: str) -> list[Candidate]:
    """Superscript and ``[^k]`` markers in ``text``."""
    out: list[Candidate] = []
    for m in _CERTAIN.finditer(text):
        label = m.group(1) or m.group(2).translate(FROM_SUPERSCRIPT)
        if label.isdigit() and len(label) <= MAX_MARKER_DIGITS:  # a longer run is no marker (issue 14)
            name_like = bool(_LONE_CAPITAL.search(text, max(0, m.start() - 2), m.start()))
            out.append(
                Candidate(paragraph, m.start(), m.end(), int(label), 10.0, certain=True, name_like=name_like)
            )
    return out


def find_candidates(paragraph: int, text: str, labels: Container[int] | None = None) -> list[Candidate]:
    """Every number in ``text`` that may be a footnote marker (of one of ``labels``), with a
    score for its shape."""
    out = certain_candidates(paragraph, text)
    taken = [(c.start, c.end) for c in out]
    for m in _GLUED_YEAR.finditer(text):
        if m.group(2).startswith("0") or (labels is not None and int(m.group(2)) not in labels):
            continue
        if not _overlaps(m.start(2), m.end(), taken):
            out.append(Candidate(paragraph, m.start(2), m.end(), int(m.group(2)), 2.0))
    lead = len(text) - len(text.lstrip())
    for m in _NUMBER.finditer(text):
        number = m.group(1)
        if number.startswith("0") or (labels is not None and int(number) not in labels):
            continue
        if m.start() <= lead or _overlaps(m.start(), m.end(), taken):
            continue  # a number that opens the paragraph is its label, not a marker
        score = _shape_score(text, m.start(), m.end())
        if score > 0:
            out.append(Candidate(paragraph, m.start(), m.end(), int(number), score))
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``-``end`` overlaps one of ``spans``, which are in order and do not overlap
    each other (the matches of one ``finditer``): only the last span that starts before ``end``
    can, found by bisection. Asking every span was the square of the markers in a paragraph
    (25,000 ``[^1]`` in one line took 77 s; issue 14)."""
    index = bisect.bisect_left(spans, (end,))
    return index > 0 and spans[index - 1][1] > start


def _shape_score(text: str, start: int, end: int) -> float:
    # a window of text on each side is enough, and keeps a long paragraph linear
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    nxt = after[:1]
    prev = before[-1]
    if prev in _CLOSING_PUNCT:
        ahead = before[-2:-1]
        if ahead.isdigit() and (
            (prev == "," and (end - start == 3 or _DECIMAL_UNIT.match(after)))
            or (prev == "." and not _YEAR_END.search(before))
        ):
            # a thousands separator ("1,500") or a decimal ("target 16.4", "1.5°C", and the
            # decimal comma of French, Spanish and Russian before a unit: "12,5 %", "3,2
            # millions"); "resolution 60/1,5 and" is a marker after a resolution number
            return 0.0
        if prev == "." and _SYMBOL_PART_END.search(before):
            return 0.0  # a symbol's numbered part: "EC-94/DEC.1", "Rev.1", "No.5"
        if nxt and not (nxt.isspace() or nxt in ")];,.:"):
            return 0.0
        return 3.0
    if prev.isalpha():
        if not prev.islower() or (nxt and (nxt.isalnum() or nxt in "-‐‑")):
            return 0.0  # "G20", "H5N1", "COVID-19"
        return 3.0
    if not prev.isspace():
        return 0.0
    word_before = before.rstrip()
    if not word_before:
        return 0.0
    last = word_before[-1]
    if nxt and not nxt.isspace():
        # "Parties, 8and welcomes": the space after a superscript lost in the extraction
        if nxt.islower() and after[1:2].isalpha():
            if last in _CLOSING_PUNCT:
                return 1.5
            if last.isalpha() and not _NOT_BEFORE.fullmatch(word_before.split()[-1]):
                return 1.0
        return 0.0
    if _NOT_AFTER.match(after):
        return 0.0
    wide = after.startswith("  ") or before.endswith("  ")
    if last in _CLOSING_PUNCT:
        if last in ".," and word_before[-2:-1].isdigit() and not _YEAR_END.search(word_before[:-1] + "."):
            return 0.0  # "paragraphs 1, 2 and 3"
        return 2.5 if wide else 1.5
    if last.isalpha():
        if _NOT_BEFORE.fullmatch(word_before.split()[-1]):
            return 0.0
        return 2.0 if wide else 0.6
    if _YEAR_END.search(word_before + "."):
        return 1.5 if wide else 0.8  # "Action Plan 2021–2026 3  to support"
    return 0.0


@dataclass
class Resolution:
    chosen: list[Candidate]
    unplaced: list[int]
    """Footnote numbers for which no consistent marker was found."""
    demoted: list[Candidate]
    """References that are text after all ("P[^5]" where footnote 5 was cited before: the P5)."""


def resolve(candidates: list[Candidate], labels: dict[int, int | None]) -> Resolution:
    """Choose the markers: ``labels`` maps each numeric footnote label to its page (or None)."""
    by_label: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.label in labels:
            by_label.setdefault(candidate.label, []).append(candidate)
    for options in by_label.values():
        options.sort(key=lambda c: c.key)
    first_choices: dict[int, list[tuple[Candidate, float]]] = {}
    for label in sorted(labels):
        options = by_label.get(label, [])
        certain = [c for c in options if c.certain]
        if certain:
            # A certain marker ([^k], superscript) is the first citation unless a plain one
            # before it keeps the order of the others (an extraction may mark a wrong spot).
            options = [c for c in options if c.certain or c.key < certain[0].key]
            options = [certain[0], *(c for c in options if not c.certain)]
        page = labels[label]
        scored = []
        for c in options:
            bonus = 2.0 if page is not None and c.page == page else 0.0
            penalty = 1.5 if page is not None and c.page is not None and c.page != page else 0.0
            if c.score + bonus - penalty > 0:
                scored.append((c, c.score + bonus - penalty))
        first_choices[label] = scored
    first = _best_increasing(first_choices)
    chosen = list(first.values())
    placed = {c.label: c for c in chosen}
    demoted: list[Candidate] = []
    # Footnotes cited again later (the legacy regime): only strong shapes.
    for label, options in by_label.items():
        head = placed.get(label)
        if head is None:
            continue
        for c in options:
            if c.key > head.key and c.name_like:
                demoted.append(c)
            elif c.key > head.key and (c.certain or c.score >= STRONG):
                chosen.append(c)
    chosen.sort(key=lambda c: c.key)
    kept: list[Candidate] = []
    for c in chosen:  # overlapping picks: the earlier wins
        if kept and kept[-1].paragraph == c.paragraph and c.start < kept[-1].end:
            continue
        kept.append(c)
    unplaced = [label for label in sorted(labels) if label not in placed]
    return Resolution(kept, unplaced, demoted)


def _best_increasing(choices: dict[int, list[tuple[Candidate, float]]]) -> dict[int, Candidate]:
    """For labels in order, pick at most one candidate each so that positions increase with the
    label and the total score is highest (labels may be skipped).

    Candidates are taken in position order; the best chain ending at a candidate is its score
    plus the best chain ending, earlier, at a smaller label: a prefix maximum over labels kept
    in a Fenwick tree, so the whole choice costs O(candidates · log labels) however long the
    text (an earlier version rebuilt a front of states per label and took seconds on 30,000
    footnotes).
    """
    labels = sorted(choices)
    rank = {label: index for index, label in enumerate(labels, start=1)}
    size = len(labels)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)  # (best score, node) per prefix

    def best_below(position: int) -> tuple[float, int]:
        best = (0.0, -1)
        while position > 0:
            if tree[position][0] > best[0]:
                best = tree[position]
            position -= position & -position
        return best

    def improve(position: int, value: tuple[float, int]) -> None:
        while position <= size:
            if value[0] > tree[position][0]:
                tree[position] = value
            position += position & -position

    events = sorted(
        ((c.key, rank[label], c, score) for label, options in choices.items() for c, score in options),
        key=lambda e: (e[0], e[1]),
    )
    nodes: list[tuple[Candidate, int, int]] = []  # candidate, label, previous node
    start = 0
    while start < len(events):
        stop = start
        while stop < len(events) and events[stop][0] == events[start][0]:
            stop += 1
        pending = []
        for _key, label_rank, candidate, score in events[start:stop]:  # one position: no chaining
            base_score, base_node = best_below(label_rank - 1)
            nodes.append((candidate, labels[label_rank - 1], base_node))
            pending.append((label_rank, (base_score + score, len(nodes) - 1)))
        for label_rank, value in pending:
            improve(label_rank, value)
        start = stop
    picks: dict[int, Candidate] = {}
    node = best_below(size)[1]
    while node != -1:
        candidate, label, node = nodes[node]
        picks[label] = candidate
    return picks


def rewrite(text: str, picks: list[Candidate], demoted: list[Candidate] = ()) -> str:
    """``text`` with the chosen plain markers written as ``[^k]`` references, and demoted
    references written back as the plain number they were.

    The space an extraction put before a marker that was a superscript ("Outcome, 1  sports")
    goes with it, and the run of spaces after it shrinks to one.
    """
    parts: list[str] = []
    pos = 0
    for c in sorted([*picks, *demoted], key=lambda c: c.start):
        if c in demoted and c.start >= pos:
            parts.extend((text[pos : c.start], str(c.label)))
            pos = c.end
            continue
        if c.certain or c.start < pos:
            continue
        start = c.start
        if start - 1 > pos and text[start - 1] == " " and text[start - 2] != " ":
            start -= 1
        parts.append(text[pos:start])
        parts.append(f"[^{c.label}]")
        pos = c.end
        if text[pos : pos + 1].isalpha():
            parts.append(" ")
        while pos + 1 < len(text) and text[pos] == " " and text[pos + 1] == " ":
            pos += 1
    parts.append(text[pos:])
    return "".join(parts)
