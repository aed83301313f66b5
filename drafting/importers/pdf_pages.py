"""PDF pages as the text form the text importer reads.

Each page is sorted into running headers and footers (dropped, found by position), body
text and the footnote area under the rule. The output has one paragraph per line with a
blank line between, footnote markers as superscript digits glued to the text they follow
(``Outcome,¹``), italic opening phrases as ``*Recalling*``, each page's footnotes after its
body text below a ``____`` rule (a footnote carried over to the next page's foot joined to
its start), and a form feed at each page break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from drafting.importers.pdf_layout import Line, join_lines, render


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    """Horizontal strokes (x0, x1, y): footnote separators among them."""


_FURNITURE_TOKEN = re.compile(
    r"^(?:\d{1,4}/\d{1,4}|\d{2}-\d{5}X?|\([A-Z]\)|\d{6}|\*\d{5,9}\*|\d{1,4}|"
    r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+\*?|\(\d{4}\)|Page|of|-)$"
)
_JOB_TOKEN = re.compile(r"^(?:\d{2}-\d{5}X?|\([A-Z]\)|\d{6}|\*\d{5,9}\*)$")
_RULE_TEXT = re.compile(r"^\s*[_\-‐–—.·]{3,}\s*$")
_DIGITS = re.compile(r"\d+")


@dataclass
class _PageText:
    paragraphs: list[str]
    footnotes: list[list[tuple[str, bool, bool]]]
    continuation: list[tuple[str, bool, bool]] | None = None
    """Footnote text at the top of the footnote area that continues the previous page's last note."""


def pages_to_text(pages: list[Page]) -> tuple[str, list[tuple[int, str]]]:
    """The text form of ``pages`` and the furniture lines dropped (page number, text)."""
    body_size, pitch = _body_metrics(pages)
    dropped: list[tuple[int, str]] = []
    furniture = _furniture(pages, body_size)
    out_pages: list[_PageText] = []
    for page in pages:
        lines = []
        for line in page.lines:
            if id(line) in furniture:
                dropped.append((page.number, line.text.strip()))
            else:
                lines.append(line)
        body, notes = _split_footnote_area(page, lines, body_size)
        paragraphs = [render(join_lines(group)) for group in _paragraphs(body, body_size, pitch)]
        footnotes, continuation = _footnotes(notes)
        out_pages.append(_PageText([p for p in paragraphs if p], footnotes, continuation))
    # A footnote running on to the next page's foot belongs to the note it continues.
    last_note: list[tuple[str, bool, bool]] | None = None
    for page_text in out_pages:
        if page_text.continuation:
            if last_note is not None:
                last_note.append((" ", False, False))
                last_note.extend(page_text.continuation)
            else:
                page_text.paragraphs.append(render(page_text.continuation))
        if page_text.footnotes:
            last_note = page_text.footnotes[-1]
    chunks: list[str] = []
    for index, page_text in enumerate(out_pages):
        if index:
            chunks.append("\f")  # a page break closes the page's footnote area
        chunks.extend(p + "\n" for p in page_text.paragraphs)
        if page_text.footnotes:
            chunks.append("____\n")
            chunks.extend(render(note) + "\n" for note in page_text.footnotes)
    return "\n".join(chunks), dropped


def _body_metrics(pages: list[Page]) -> tuple[float, float]:
    """The size of the body text (the most common) and its line pitch."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.glyphs)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    pitches: Counter[float] = Counter()
    for page in pages:
        body = [line for line in page.lines if abs(line.size - body_size) < 0.6]
        for a, b in pairwise(body):
            distance = a.base - b.base
            if 0.8 * body_size < distance < 2.5 * body_size:
                pitches[round(distance * 2) / 2] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else 1.2 * body_size
    return body_size, pitch


def _mask(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()))


def _is_furniture_text(text: str, first_page: bool) -> bool:
    tokens = text.replace("*", " * ").split() if not re.search(r"\*\d", text) else text.split()
    tokens = [t for t in tokens if t != "*"]
    if not tokens:
        return False
    pattern = _JOB_TOKEN if first_page else _FURNITURE_TOKEN
    return all(pattern.match(token) for token in tokens)


def _furniture(pages: list[Page], body_size: float) -> set[int]:
    """Lines of running headers and footers, found by position.

    A header or footer sits in the top or bottom band of the page and is either furniture by
    its form (document symbol, ``2/10``, job number, barcode) or repeated at the same height
    on another page; the lines beyond it towards the page edge go with it, and so do the lines
    of a running title printed in a smaller size just below a header. On the first page only
    the job number and barcode go: the masthead stays for the structure classifier.
    """
    seen: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for line in page.lines:
            seen.setdefault(_mask(line.text), []).append((page.number, line.base))

    def repeated(page: Page, line: Line) -> bool:
        key = _mask(line.text)
        return len(key) > 2 and any(
            number != page.number and abs(base - line.base) < 2.0 for number, base in seen.get(key, ())
        )

    out: set[int] = set()
    for page in pages:
        top_band = page.height * 0.86
        bottom_band = page.height * 0.09
        first = page.number == 1
        if first:
            for line in page.lines:
                in_band = line.base > top_band or line.base < bottom_band
                if _is_furniture_text(line.text, True) or (
                    in_band and line.base < bottom_band and _is_furniture_text(line.text, False)
                ):
                    out.add(id(line))
            continue
        top = [line for line in page.lines if line.base > top_band]
        marks = [line.base for line in top if _is_furniture_text(line.text, False) or repeated(page, line)]
        if marks:
            lowest = min(marks)
            chosen = [line for line in top if line.base >= lowest - 0.5]
            out.update(id(line) for line in chosen)
            previous = lowest
            for line in sorted(top, key=lambda item: -item.base):
                if line.base >= lowest - 0.5:
                    continue
                if line.size < 0.93 * body_size and previous - line.base < 1.6 * line.size:
                    out.add(id(line))
                    previous = line.base
        bottom = [line for line in page.lines if line.base < bottom_band]
        marks = [line.base for line in bottom if _is_furniture_text(line.text, False) or repeated(page, line)]
        if marks:
            highest = max(marks)
            out.update(id(line) for line in bottom if line.base <= highest + 0.5)
    return out


def _split_footnote_area(page: Page, lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """Body lines and footnote-area lines (below the footnote rule, in the smaller size)."""
    if not lines:
        return [], []

    def small(line: Line) -> bool:
        return line.size < 0.95 * body_size

    rule_y = None
    text_rules = [line for line in lines if _RULE_TEXT.match(line.text)]
    candidates = sorted(
        [line.base for line in text_rules] + [y for _, _, y in page.rules if y < page.height * 0.7],
        reverse=True,
    )
    for y in candidates:
        below = [line for line in lines if line.base < y - 0.5 and not _RULE_TEXT.match(line.text)]
        if below and all(small(line) for line in below) and below[0].starts_with_superscript():
            rule_y = y
            break
    rule_ids = {id(line) for line in text_rules}
    body = [line for line in lines if id(line) not in rule_ids]
    if rule_y is None:
        # No rule: trailing small lines that start with a superscript number.
        index = len(body)
        while index > 0 and small(body[index - 1]):
            index -= 1
        if index < len(body) and any(line.starts_with_superscript() for line in body[index:]):
            while index < len(body) and not body[index].starts_with_superscript():
                index += 1
            return body[:index], body[index:]
        return body, []
    return (
        [line for line in body if line.base > rule_y],
        [line for line in body if line.base < rule_y - 0.5],
    )


def _footnotes(
    lines: list[Line],
) -> tuple[list[list[tuple[str, bool, bool]]], list[tuple[str, bool, bool]] | None]:
    notes: list[list[Line]] = []
    head: list[Line] = []
    for line in lines:
        if line.starts_with_superscript():
            notes.append([line])
        elif notes:
            notes[-1].append(line)
        else:
            head.append(line)
    rendered = []
    for note in notes:
        tokens = join_lines(note)
        # "¹ Resolution 60/1.": the number, one space, the text.
        count = 0
        while count < len(tokens) and tokens[count][2]:
            count += 1
        rest = tokens[count:]
        while rest and rest[0][0] == " ":
            rest = rest[1:]
        rendered.append([*tokens[:count], (" ", False, False), *rest])
    return rendered, (join_lines(head) if head else None)


def _paragraphs(lines: list[Line], body_size: float, pitch: float) -> list[list[Line]]:
    """Group body lines into paragraphs by vertical gaps, size changes and indents."""
    if not lines:
        return []
    right = max(line.x1 for line in lines)
    groups: list[list[Line]] = [[lines[0]]]
    for a, b in pairwise(lines):
        if _starts_paragraph(a, b, len(groups[-1]), right, body_size, pitch):
            groups.append([b])
        else:
            groups[-1].append(b)
    return groups


_SENTENCE_END = (".", ";", ":", "。", "；", "：")


def _starts_paragraph(
    a: Line, b: Line, lines_so_far: int, right: float, body_size: float, pitch: float
) -> bool:
    """Whether line ``b`` starts a new paragraph after line ``a``."""
    em = max(a.size, b.size)
    distance = a.base - b.base
    if distance > 1.3 * pitch * em / body_size or distance < -0.5 * em:
        return True  # the space between paragraphs, or a new column
    if abs(a.size - b.size) > 0.15 * body_size:
        return True
    if lines_so_far > 1 and b.x0 > a.x0 + 0.6 * em:
        return True  # a first-line indent after a paragraph's continuation lines
    # The previous line stopped short at the end of a sentence.
    return a.x1 < right - 4 * em and a.text.rstrip().endswith(_SENTENCE_END)
