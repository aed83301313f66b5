"""Line-level reading of extracted text: page furniture, footnote lines, content lines.

Text copied out of a UN PDF or Word file carries page numbers, job numbers, ODS tags,
comment anchors and footnote rules between the lines of the text. This module sorts every
line into one of a few kinds and records every piece it throws away in the import report,
so that nothing disappears silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from drafting.importers.report import ImportReport

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


class LineKind(Enum):
    BLANK = "blank"
    FURNITURE = "furniture"
    CONTENT = "content"
    FOOTNOTE = "footnote"
    """The first line of a footnote: ``number`` and ``text`` are set."""
    PLAIN_FOOTNOTE_CANDIDATE = "plain_footnote_candidate"
    """``3 Resolution 60/288.``: a footnote only if the body has a matching plain marker."""
    STAR_NOTE = "star_note"
    FOOTNOTE_CONTINUATION = "footnote_continuation"
    """A line in a footnote area that goes on with the footnote before it."""


@dataclass
class Line:
    number: int
    text: str
    kind: LineKind
    footnote_label: str | None = None
    footnote_style: str | None = None
    """"superscript", "markdown" or "plain"."""
    page_break: bool = False
    footnote_text: str = ""
    """For footnote lines: the text after the number or mark."""


_ODS_MARK = re.compile(r"<<ODS ([A-Z0-9 ]+)>>")
_COMMENT_ANCHOR = re.compile(r"\[(?:[A-Z]{1,4}\d{1,3})\]")
RULE = re.compile(r"^\s*(?:[_\-‐‑–—=*·.]\s*){3,}$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|[Pp]age \d{1,4}(?: of \d{1,4})?)\s*$"
)
_BARCODE = re.compile(r"^\s*\*\d{6,9}\*\s*$")
_JOB_NUMBER = re.compile(r"^\s*(?:V\.)?\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}(?:\s+\*\d{7}\*)?\s*$")
_SUPERSCRIPT_FOOTNOTE = re.compile(rf"^\s*([{SUPERSCRIPT_DIGITS}]+)(?:\s+|(?=\S)|$)(.*)$")
_MARKDOWN_FOOTNOTE = re.compile(r"^\s*\[\^([^\]\s]+)\]:\s*(.*)$")
_PLAIN_FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")
_STAR_NOTE = re.compile(r"^\s*\*\s+(\S.*)$")


def split_lines(text: str, report: ImportReport) -> tuple[list[Line], dict[str, str]]:
    """Classify every line; return the lines and hints (e.g. a symbol found in an ODS tag,
    the symbol, title and date of a front-matter block)."""
    from drafting.importers.front_matter import clean_title, split_front_matter
    from drafting.importers.page_furniture import mark_running_headers, masthead_title

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    metadata = split_front_matter(raw_lines, report)
    hints: dict[str, str] = {
        key: value for key, value in metadata.items() if key in ("symbol", "title", "date") and value
    }
    if "title" in hints:
        hints["title"] = clean_title(hints["title"])
    lines: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        page_break = "\f" in raw
        if page_break:
            raw = raw.replace("\f", " ")
        cleaned = _strip_inline_furniture(number, raw, report, hints)
        lines.append(_classify(number, cleaned, page_break))
    for line in lines:
        if line.kind is LineKind.FURNITURE:
            report.discard(line.number, line.text.strip(), _furniture_reason(line.text))
    body_start = _organ_line_index(lines)
    if job := _first_job_number(lines, body_start):
        hints["job_number"] = job
    if body_start is not None:
        titles = [t for t in (hints.get("title"), masthead_title(lines, body_start)) if t]
        mark_running_headers(lines, body_start, titles, report)
    _mark_repeated_headers(lines, report)
    _mark_footnote_areas(lines, report)
    return lines, hints


def _first_job_number(lines: list[Line], body_start: int | None) -> str | None:
    """The job number printed on the first page ("25-18947 (E)" -> "25-18947"): in the masthead,
    else the first one anywhere (a flattened masthead after the text)."""
    job_lines = [line for line in lines if line.kind is LineKind.FURNITURE and _JOB_NUMBER.match(line.text)]
    masthead = [line for line in job_lines if body_start is None or line.number <= lines[body_start].number]
    for line in masthead or job_lines:
        if m := _JOB_DIGITS.search(line.text):
            return m.group()
    return None


_JOB_DIGITS = re.compile(r"\d{2}-\d{5}")


def _organ_line_index(lines: list[Line]) -> int | None:
    return next(
        (i for i, line in enumerate(lines) if line.kind is LineKind.CONTENT and _is_organ_line(line.text)),
        None,
    )


_MONTH_AFTER = re.compile(
    r"^\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_GLUED_FOOTNOTE = re.compile(r"^\s*(\d{1,3})([A-Z][a-z]+\b.*)$")
_AREA_END = re.compile(r"^\s*\d{1,3}\.(?:\s*$|\s+[A-Z])")


def _mark_footnote_areas(lines: list[Line], report: ImportReport) -> None:
    """Footnotes printed under a footnote rule, up to the next page furniture.

    Under the rule a line that starts with the next footnote number opens a footnote; any
    other line goes on with the footnote before it (a wrapped line, a footnote carried over
    from the previous page, a line that starts with a year). Numbers must follow in order,
    so "1994 (United Nations publication…" or a stray "3" is never a new footnote.
    """
    expected = 1
    in_area = False
    open_note = False
    for line in lines:
        kind = line.kind
        if line.page_break and kind is not LineKind.FURNITURE:
            in_area = False  # a new page starts with body text
        if kind is LineKind.FURNITURE:
            in_area = bool(RULE.match(line.text))
            continue
        if kind in (LineKind.FOOTNOTE,) and line.footnote_style == "superscript":
            expected = max(expected, _as_int(line.footnote_label) + 1)
            open_note = True
            continue
        if not in_area or kind is LineKind.BLANK:
            continue
        text = line.text
        if kind is LineKind.STAR_NOTE:
            open_note = True
            continue
        if _AREA_END.match(text) or _is_organ_line(text):
            in_area = False
            continue
        label = line.footnote_label if kind is LineKind.PLAIN_FOOTNOTE_CANDIDATE else None
        if label is None and (glued := _GLUED_FOOTNOTE.match(text)) and int(glued.group(1)) == expected:
            # "3See resolution 70/1.": the space after the number lost in the extraction
            line.footnote_label, line.footnote_style, line.footnote_text = (
                glued.group(1),
                "plain",
                glued.group(2),
            )
            label = glued.group(1)
        if label is not None and label.isdigit() and expected <= int(label) <= expected + 2:
            if not _MONTH_AFTER.match(text):
                if int(label) != expected:
                    report.warnings.append(
                        f"line {line.number}: footnote {label} follows footnote {expected - 1}; "
                        f"no footnote {expected} was found"
                    )
                line.kind = LineKind.FOOTNOTE
                expected = int(label) + 1
                open_note = True
                continue
        if label is not None and label.isdigit() and int(label) < 1000 and not _MONTH_AFTER.match(text):
            report.warnings.append(
                f"line {line.number}: '{text.strip()[:40]}' starts with {label} under the footnote rule, "
                f"but the next footnote is {expected}; read as text of the footnote before it"
            )
        if open_note:
            line.kind = LineKind.FOOTNOTE_CONTINUATION
        elif kind is LineKind.PLAIN_FOOTNOTE_CANDIDATE:
            line.kind = LineKind.CONTENT


def _is_organ_line(text: str) -> bool:
    """ "The General Assembly," (emphasis markup aside). Imported here, not at the top: the
    structure module imports the importers package, which imports this module."""
    from drafting.structure import is_organ_line

    return is_organ_line(text.strip().strip("*_").strip())


def _as_int(label: str | None) -> int:
    number = footnote_number(label)
    return number if number is not None else 0


def footnote_number(label: str | None) -> int | None:
    """The number a footnote label is, or None. Only a label of at most
    ``markers.MAX_MARKER_DIGITS`` decimal digits is a number: ``int()`` refuses more than 4,300
    digits (a line opening with a run of superscripts made the import fail, issue 14), is
    quadratic in the digits below that, and refuses digits that are not decimal ("²")."""
    from drafting.importers.markers import MAX_MARKER_DIGITS  # markers imports this module

    if label and len(label) <= MAX_MARKER_DIGITS and label.isdecimal():
        return int(label)
    return None


def _strip_inline_furniture(number: int, raw: str, report: ImportReport, hints: dict[str, str]) -> str:
    if "<<ODS" in raw:
        tags = _ods_tags(raw)
        for start, end, name, value in tags:
            if name.startswith("DOC SYMBOL") and value.strip():
                hints.setdefault("symbol", value.strip())
            report.discard(number, raw[start:end], f"ODS tag ({name.lower()})")
        starts, ends = [0, *(end for _, end, _, _ in tags)], [*(start for start, _, _, _ in tags), len(raw)]
        raw = "".join(raw[a:b] for a, b in zip(starts, ends, strict=True))
    if "[" in raw:
        for match in _COMMENT_ANCHOR.finditer(raw):
            report.discard(number, match.group(), "Word comment anchor")
        raw = _COMMENT_ANCHOR.sub("", raw)
    return raw


def _ods_tags(raw: str) -> list[tuple[int, int, str, str]]:
    """``<<ODS NAME>>value<<ODS NAME>>`` pairs as (start, end, name, value), what
    ``re.finditer(r"<<ODS ([A-Z0-9 ]+)>>(.*?)<<ODS \\1>>", raw)`` finds: each mark is closed by the
    next mark of the same name, and a mark never closed is text. The regex searched from every
    unclosed mark to the end of the line, quadratic in a line of many (issue 14); here each mark
    is looked at once."""
    marks = [(m.start(), m.end(), m.group(1)) for m in _ODS_MARK.finditer(raw)]
    following: list[int | None] = [None] * len(marks)  # index of the next mark of the same name
    last: dict[str, int] = {}
    for index in range(len(marks) - 1, -1, -1):
        following[index] = last.get(marks[index][2])
        last[marks[index][2]] = index
    tags: list[tuple[int, int, str, str]] = []
    resume = 0
    for index, (start, end, name) in enumerate(marks):
        closing = following[index]
        if start < resume or closing is None:
            continue
        close_start, close_end, _ = marks[closing]
        tags.append((start, close_end, name, raw[end:close_start]))
        resume = close_end
    return tags


def _classify(number: int, text: str, page_break: bool) -> Line:
    if not text.strip():
        return Line(number, text, LineKind.BLANK, page_break=page_break)
    if RULE.match(text) or _PAGE_NUMBER.match(text) or _JOB_NUMBER.match(text) or _BARCODE.match(text):
        return Line(number, text, LineKind.FURNITURE, page_break=page_break)
    if m := _SUPERSCRIPT_FOOTNOTE.match(text):
        label = m.group(1).translate(FROM_SUPERSCRIPT)
        return Line(number, text, LineKind.FOOTNOTE, label, "superscript", page_break, m.group(2))
    if m := _MARKDOWN_FOOTNOTE.match(text):
        return Line(number, text, LineKind.FOOTNOTE, m.group(1), "markdown", page_break, m.group(2))
    if m := _PLAIN_FOOTNOTE.match(text):
        return Line(
            number, text, LineKind.PLAIN_FOOTNOTE_CANDIDATE, m.group(1), "plain", page_break, m.group(2)
        )
    if m := _STAR_NOTE.match(text):
        return Line(number, text, LineKind.STAR_NOTE, "*", "star", page_break, m.group(1))
    return Line(number, text, LineKind.CONTENT, page_break=page_break)


def _furniture_reason(text: str) -> str:
    if RULE.match(text):
        return "footnote rule or separator line"
    if _PAGE_NUMBER.match(text):
        return "page number"
    if _JOB_NUMBER.match(text):
        return "job number"
    if _BARCODE.match(text):
        return "barcode"
    return "page furniture"


_LABEL_ONLY = re.compile(r"^(?:\(?[a-z]{1,4}\)|\(?[ivxlc]{1,6}\)|\d{1,3}\.?|[IVXLC]{1,6}\.)$")
"""A paragraph label on a line of its own ("(c)", "12."): repeated on many pages, never furniture."""


def _mark_repeated_headers(lines: list[Line], report: ImportReport) -> None:
    """Short lines repeated on three or more pages, each time beside a page number, job
    number, footnote rule or page break, are running headers or footers. Repetition alone
    is not enough: a compilation text repeats "[Agreed]" or "Alt 1" as content."""
    near_break: set[int] = set()
    for index, line in enumerate(lines):
        if line.kind is LineKind.FURNITURE or line.page_break:
            near_break.update(range(index - 3, index + 4))
    candidates = [
        index
        for index in sorted(near_break)
        if 0 <= index < len(lines)
        and lines[index].kind is LineKind.CONTENT
        and len(lines[index].text.strip()) <= 80
    ]
    counts = Counter(lines[i].text.strip() for i in candidates)
    repeated = {
        text
        for text, n in counts.items()
        if n >= 3 and not text.endswith((".", ",", ";", ":")) and not _LABEL_ONLY.match(text)
    }
    for index in candidates:
        line = lines[index]
        if line.text.strip() in repeated:
            line.kind = LineKind.FURNITURE
            report.discard(
                line.number, line.text.strip(), "running header or footer (repeated on every page)"
            )
