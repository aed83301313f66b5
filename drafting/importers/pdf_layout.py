"""Page geometry for PDF import: glyphs with positions, fonts and sizes, grouped into lines.

:mod:`pdf_import` reads the glyphs with pypdfium2; this module only does arithmetic on them,
so it never touches the PDF library. Coordinates are PDF points, y growing upwards; a
glyph's ``base`` is its baseline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.importers.text_lines import SUPERSCRIPT_DIGITS

_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")

SOFT_HYPHEN = "\xad"
LINE_END_HYPHEN = "\x02"
"""What pdfium reports for a hyphen it saw at the end of a line."""


@dataclass(slots=True)
class Glyph:
    char: str
    x0: float
    x1: float
    base: float
    size: float
    italic: bool = False
    bold: bool = False
    space_after: bool = False
    """A real space character followed this glyph in the content stream."""
    sup: bool = False
    """Set when lines are built: raised and smaller than the line's text."""


@dataclass
class Line:
    glyphs: list[Glyph]
    base: float
    size: float
    """The size of the line's text, superscripts left out."""
    x0: float = 0.0
    x1: float = 0.0
    tokens: list[tuple[str, bool, bool]] = field(default_factory=list)
    """(text, italic, superscript) pieces, spaces included."""

    @property
    def text(self) -> str:
        return "".join(t for t, _, _ in self.tokens)

    @property
    def bold(self) -> bool:
        body = [g for g in self.glyphs if not g.sup]
        return bool(body) and sum(g.bold for g in body) * 2 > len(body)

    def starts_with_superscript(self) -> bool:
        return bool(self.tokens) and self.tokens[0][2]


def build_lines(glyphs: list[Glyph]) -> list[Line]:
    """Group a page's glyphs into lines, top to bottom; superscripts join the line they sit on."""
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: -g.base)
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and abs(rows[-1][0].base - glyph.base) <= max(0.6, 0.08 * glyph.size):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    rows = _attach_superscripts(rows)
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        for segment in _segments(row):
            lines.append(_make_line(segment))
    lines.sort(key=lambda line: (-round(line.base, 0), line.x0))
    return lines


def _row_size(row: list[Glyph]) -> float:
    return max(g.size for g in row)


def _attach_superscripts(rows: list[list[Glyph]]) -> list[list[Glyph]]:
    """A row of small glyphs just above a row of larger text holds that row's superscripts."""
    out: list[list[Glyph]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None:
            size_below = _row_size(below)
            rise = row[0].base - below[0].base
            above_gap = out[-1][0].base - row[0].base if out else float("inf")
            if (
                _row_size(row) < 0.85 * size_below
                and 0 < rise <= 0.7 * size_below
                and above_gap > rise
                and _overlaps(row, below, size_below)
            ):
                for glyph in row:
                    glyph.sup = True
                below.extend(row)
                index += 1
                continue
        out.append(row)
        index += 1
    return out


def _overlaps(row: list[Glyph], below: list[Glyph], size: float) -> bool:
    lo = min(g.x0 for g in below) - 6 * size
    hi = max(g.x1 for g in below) + 6 * size
    return all(lo <= g.x0 <= hi for g in row)


def _segments(row: list[Glyph]) -> list[list[Glyph]]:
    """Split a row at gaps wider than any word space (a masthead's left and right columns)."""
    segments = [[row[0]]]
    for glyph in row[1:]:
        previous = segments[-1][-1]
        gap = glyph.x0 - previous.x1
        if gap > 6 * max(previous.size, glyph.size) and not _is_label(segments[-1]):
            segments.append([glyph])
        else:
            segments[-1].append(glyph)
    return segments


_LABEL = re.compile(r"^\(?[0-9A-Za-z]{1,4}[.)]$")


def _is_label(glyphs: list[Glyph]) -> bool:
    """An operative number or subparagraph label, which a tab may separate from its text."""
    return bool(_LABEL.match("".join(g.char for g in glyphs)))


def _make_line(glyphs: list[Glyph]) -> Line:
    body = [g for g in glyphs if not g.sup] or glyphs
    size = max(body, key=lambda g: g.size).size
    base = min(body, key=lambda g: g.base).base
    line = Line(glyphs, base, size, glyphs[0].x0, max(g.x1 for g in glyphs))
    tokens: list[tuple[str, bool, bool]] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        sup = glyph.sup and glyph.char.isdigit()
        if previous is not None and _space_between(previous, glyph, size, sup):
            tokens.append((" ", previous.italic and glyph.italic, False))
        char = glyph.char.translate(_TO_SUPERSCRIPT) if sup else glyph.char
        tokens.append((char, glyph.italic and not sup, sup))
        previous = glyph
    line.tokens = tokens
    return line


def _space_between(a: Glyph, b: Glyph, size: float, b_sup: bool) -> bool:
    if b_sup and not a.sup:
        return False  # a footnote marker is glued to what it follows: "Outcome,¹"
    if a.space_after:
        return True
    if _CJK.match(a.char) or _CJK.match(b.char):
        return b.x0 - a.x1 > 0.6 * size
    return b.x0 - a.x1 > 0.2 * size


def join_lines(lines: list[Line]) -> list[tuple[str, bool, bool]]:
    """The tokens of lines that make one paragraph, rejoined.

    A line ending in a soft hyphen is rejoined without it; a line ending in a hyphen or dash
    printed next to the word before it ("high-" / "level") is rejoined keeping it; otherwise
    lines join with a space (none between Chinese or Japanese characters).
    """
    out: list[tuple[str, bool, bool]] = []
    for line in lines:
        tokens = list(line.tokens)
        if not tokens:
            continue
        if out:
            last = out[-1][0]
            first = tokens[0]
            if last == SOFT_HYPHEN:
                out.pop()
            elif last in (LINE_END_HYPHEN, "-", "‐", "–", "—") and len(out) > 1 and out[-2][0] != " ":
                out[-1] = ("-" if last == LINE_END_HYPHEN else last, out[-1][1], False)
            elif first[2] or (_CJK.match(last) and _CJK.match(first[0])):
                pass
            else:
                out.append((" ", out[-1][1] and first[1], False))
        out.extend(tokens)
    return [("-" if t == LINE_END_HYPHEN else t, italic, sup) for t, italic, sup in out if t != SOFT_HYPHEN]


def render(tokens: list[tuple[str, bool, bool]], emphasis: bool = True) -> str:
    """Tokens as text, italic runs (with at least one letter) as ``*markup*``."""
    letters = [italic for text, italic, _ in tokens if text.isalpha()]
    if not emphasis or not any(letters) or all(letters):
        # All in italics: a heading, the organ line or the meeting line, not an opening phrase.
        return "".join(t for t, _, _ in tokens).strip()
    out: list[str] = []
    index = 0
    while index < len(tokens):
        text, italic, _ = tokens[index]
        if not italic:
            out.append(text)
            index += 1
            continue
        end = index
        while end < len(tokens) and tokens[end][1]:
            end += 1
        run = "".join(t for t, _, _ in tokens[index:end])
        core = run.strip()
        if any(ch.isalpha() for ch in core) and "*" not in core:
            lead = run[: len(run) - len(run.lstrip())]
            trail = run[len(run.rstrip()) :]
            out.append(f"{lead}*{core}*{trail}")
        else:
            out.append(run)
        index = end
    return "".join(out).strip()
