"""Page furniture found by position and repetition: running headers around page breaks.

A UN document repeats on every page after the first a header block: the document symbol,
the running title (the resolution's title, often cut over two lines), the job number and
the page number ``n/m``. Extracted text keeps that block between two halves of the body
text. Page numbers and job numbers are recognised by shape (:mod:`text_lines`); they anchor
a *zone*, and the lines around them that are the symbol, a piece of the document's title or
a line repeated in several zones belong to the zone too. A running title with no anchor
(an extraction that dropped page numbers) is recognised when it stands alone and is a piece
of the title.
"""

from __future__ import annotations

import re
from collections import Counter

from drafting import masthead as mh
from drafting.annex import ANNEX_LINE
from drafting.importers.report import ImportReport
from drafting.importers.text_lines import RULE, Line, LineKind

_WORD = re.compile(r"[^\W_]+")
_ZONE_REACH = 4
"""How many non-blank lines a zone reaches beyond its last member."""


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


class TitleMatcher:
    """Is a line a piece of the document's title (as a running header prints it)?"""

    def __init__(self, titles: list[str]) -> None:
        self._titles = [" ".join(words(t)) for t in titles if len(words(t)) >= 2]

    def piece(self, text: str, *, whole_line_min_words: int = 2) -> bool:
        stripped = text.strip()
        if not stripped or stripped.endswith((".", ",", ";")):
            return False
        line_words = words(stripped)
        if len(line_words) < whole_line_min_words:
            return False
        joined = " ".join(line_words)
        return any(f" {joined} " in f" {title} " for title in self._titles)

    def __bool__(self) -> bool:
        return bool(self._titles)


def masthead_title(lines: list[Line], body_start: int) -> str | None:
    """The title printed under the masthead ("80/8. Building a peaceful … ideal"), all its lines."""
    for index in range(body_start - 1, -1, -1):
        m = mh.TITLE_WITH_NUMBER.match(lines[index].text.strip())
        if m:
            parts = [m.group(2)]
            for line in lines[index + 1 : body_start]:
                if not line.text.strip() or line.kind is not LineKind.CONTENT:
                    break
                parts.append(line.text.strip())
            return " ".join(parts)
    return None


def mark_running_headers(lines: list[Line], body_start: int, titles: list[str], report: ImportReport) -> None:
    """Mark the header zones after ``body_start`` (the organ line) as furniture."""
    matcher = TitleMatcher(titles)
    anchors = [
        i
        for i in range(body_start, len(lines))
        if (lines[i].kind is LineKind.FURNITURE and not RULE.match(lines[i].text)) or _is_symbol(lines[i])
    ]
    zones: list[list[int]] = []
    seen: set[int] = set()
    for anchor in anchors:
        if anchor in seen:
            continue
        zone = _grow_zone(lines, anchor, body_start, matcher)
        seen.update(zone)
        zones.append(zone)
    # Lines beside an anchor that repeat in two or more zones are running headers too,
    # even when they are no piece of the known title (a shortened running title).
    beside = Counter()
    for zone in zones:
        for index in _neighbours(lines, zone, body_start):
            beside[_key(lines[index])] += 1
    repeated = {k for k, n in beside.items() if n >= 2 and k and not k.endswith((".", ",", ";", ":"))}
    for zone in zones:
        members = set(zone)
        for index in _neighbours(lines, zone, body_start):
            if _key(lines[index]) in repeated:
                members.add(index)
        for index in sorted(members):
            line = lines[index]
            if line.kind is LineKind.CONTENT:
                reason = "running header (document symbol)" if _is_symbol(line) else "running header (title)"
                line.kind = LineKind.FURNITURE
                report.discard(line.number, line.text.strip(), reason)
        last = max(members)
        after = next((i for i in range(last + 1, len(lines)) if lines[i].kind is not LineKind.BLANK), None)
        if after is not None:
            lines[after].page_break = True
    if matcher:
        _mark_lone_titles(lines, body_start, matcher, report)


def _grow_zone(lines: list[Line], anchor: int, body_start: int, matcher: TitleMatcher) -> list[int]:
    zone = [anchor]
    for step in (-1, 1):
        index, gap = anchor + step, 0
        while body_start <= index < len(lines) and gap <= 1:
            line = lines[index]
            if line.kind is LineKind.BLANK:
                gap += 1 if not line.text else 0  # whitespace-only lines sit inside zones
            elif (
                line.kind is LineKind.FURNITURE
                or _is_symbol(line)
                or (line.kind is LineKind.CONTENT and matcher.piece(line.text))
            ):
                zone.append(index)
                gap = 0
            else:
                break
            index += step
    return sorted(zone)


def _neighbours(lines: list[Line], zone: list[int], body_start: int) -> list[int]:
    """Short content lines right next to a zone (no blank line between)."""
    out = []
    for index in (zone[0] - 1, zone[-1] + 1):
        if body_start <= index < len(lines):
            line = lines[index]
            if line.kind is LineKind.CONTENT and len(line.text.strip()) <= 90:
                out.append(index)
    return out


def _key(line: Line) -> str:
    return " ".join(line.text.split())


def _is_symbol(line: Line) -> bool:
    return line.kind is LineKind.CONTENT and bool(mh.SYMBOL_LINE.match(line.text))


def _mark_lone_titles(
    lines: list[Line], body_start: int, matcher: TitleMatcher, report: ImportReport
) -> None:
    """A piece of the title standing alone between blank lines in the body: a running title
    that an extraction kept without its page number. The title under "Annex" is the annex's
    own, even when it repeats the resolution's."""

    previous_text = ""
    for index in range(body_start + 1, len(lines)):
        line = lines[index]
        if line.kind is not LineKind.CONTENT:
            continue
        after_annex = bool(ANNEX_LINE.match(previous_text.strip("*_ ")))
        previous_text = line.text.strip()
        if after_annex:
            continue
        before = lines[index - 1].kind if index else LineKind.BLANK
        after = lines[index + 1].kind if index + 1 < len(lines) else LineKind.BLANK
        if (
            before in (LineKind.BLANK, LineKind.FURNITURE)
            and after in (LineKind.BLANK, LineKind.FURNITURE)
            and matcher.piece(line.text, whole_line_min_words=2)
        ):
            line.kind = LineKind.FURNITURE
            report.discard(line.number, line.text.strip(), "running header (title)")
            following = next(
                (i for i in range(index + 1, len(lines)) if lines[i].kind is not LineKind.BLANK), None
            )
            if following is not None:
                lines[following].page_break = True
