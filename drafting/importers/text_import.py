"""Importer for text extracted from PDF or Word files, and for Penholder's own text export.

The steps, each small:

1. sort lines into content, footnote lines and page furniture (:mod:`text_lines`);
2. group content lines into paragraphs, and footnote lines into footnotes, noting where a
   page break (a footnote block or furniture) came between two paragraphs;
3. rejoin a paragraph that a page break cut mid-sentence, and a footnote that continues
   at the foot of the next page;
4. parse emphasis markup and bind footnote markers (:mod:`markers`);
5. hand the paragraphs to the shared structure classifier (:mod:`drafting.structure`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace

from drafting import markup
from drafting import masthead as mh
from drafting.gc_pause import cyclic_gc_paused
from drafting.ids import IdMaker
from drafting.importers import plain_markers
from drafting.importers.decoding import decode_text
from drafting.importers.markers import MarkerBinder, plain_marker_candidates
from drafting.importers.page_breaks import continue_footnotes, dangles, opens_paragraph, rejoin
from drafting.importers.pieces import NEW_PARAGRAPH, Note, Para
from drafting.importers.report import ImportReport, ImportResult
from drafting.importers.text_lines import RULE, Line, LineKind, footnote_number, split_lines
from drafting.model import Document, DocumentKind, Footnote, NoteRef, iter_inlines, plain_text
from drafting.structure import (
    RawInput,
    RawParagraph,
    build_document,
    detect_language,
)


def import_text_file(data: bytes, name: str = "input") -> ImportResult:
    """Import the bytes of a ``.txt`` or ``.md`` file."""
    return import_text(decode_text(data, name), name)


@cyclic_gc_paused()  # a long text makes many objects and few cycles
def import_text(text: str, name: str = "input") -> ImportResult:
    report = ImportReport(source=name)
    lines, hints = split_lines(text, report)
    _settle_candidates(lines, report)
    items = _group(lines, report)
    items = continue_footnotes(items)
    body = [i for i in items if isinstance(i, Para)]
    language = detect_language([p.text for p in body])
    paragraphs = rejoin(body, language)
    notes = [i for i in items if isinstance(i, Note)]
    footnotes, label_to_id, star_notes = _build_footnotes(notes, report)
    texts = [paragraph.text for paragraph in paragraphs]
    binder, raw_paragraphs = _bind(paragraphs, texts, label_to_id)
    if not _placed_in_order(binder, label_to_id):
        # some footnote has no superscript or [^k] marker, or they are out of order: decide
        # the plain-digit markers for the whole document, then bind again
        texts = _place_plain_markers(paragraphs, texts, notes, lines, label_to_id, report)
        binder, raw_paragraphs = _bind(paragraphs, texts, label_to_id)
    report.warnings.extend(binder.warnings)
    _report_kept_furniture(paragraphs, texts, report)
    where_defined = {note.label: note.lines[0].number for note in reversed(notes)}
    for label in label_to_id:
        if label not in binder.referenced:
            report.warnings.append(
                f"line {where_defined.get(label, 0)}: footnote {label} is never referenced in the text "
                "(no marker for it was found)"
            )
    raw = RawInput(raw_paragraphs, footnotes, hints.get("symbol"), star_notes, language=language)
    document = build_document(raw, report)
    _use_metadata(document, hints, report)
    _compare_printed_numbers(document, report, where_defined)
    return ImportResult(document, report)


_KEPT_FURNITURE = re.compile(r"(?<![\w/-])\d{2}-\d{5}(?:\s*\([A-Z]\))?(?![\w/-])|\*\d{7,9}\*")
"""A job number ("25-18947 (E)") or barcode ("*2518947*") that stayed inside a paragraph."""


def kept_furniture(text: str) -> Iterator[re.Match[str]]:
    """``_KEPT_FURNITURE.finditer(text)``, tried only where a match can start: two characters
    before a hyphen, or at an asterisk. The pattern has no literal prefix, so ``finditer`` tried
    it (its look-behind first) at every character: 30 ms on a 1 MB text, where finding the
    hyphens and asterisks takes a few. Matches of the two alternatives never overlap (neither
    holds the other's characters where they could meet), nor do two of one alternative, so the
    matches are finditer's: the leftmost at each place, the search going on after it."""
    starts = [m.start() - 2 for m in _HYPHEN.finditer(text) if m.start() >= 2]
    if "*" in text:
        starts = sorted([*starts, *(m.start() for m in _ASTERISK.finditer(text))])
    end = 0
    for start in starts:
        if start < end:
            continue
        if m := _KEPT_FURNITURE.match(text, start):
            end = m.end()
            yield m


_HYPHEN = re.compile("-")
_ASTERISK = re.compile(r"\*")


def _report_kept_furniture(paragraphs: list[Para], texts: list[str], report: ImportReport) -> None:
    for paragraph, text in zip(paragraphs, texts, strict=True):
        for m in kept_furniture(text):
            report.warnings.append(
                f"line {paragraph.lines[0].number}: '{m.group()}' inside a paragraph looks like a job number "
                "or barcode from a page header; kept as text"
            )


def _compare_printed_numbers(document: Document, report: ImportReport, where: dict[str, int]) -> None:
    """A footnote printed as 5 that Penholder numbers 6 (by first citation) is worth a look."""
    if not report.literal_footnote_numbers:
        return
    numbers: dict[str, int] = {}  # cited footnotes by first citation, as drafting.numbering counts
    for block in document.iter_blocks():
        for node in iter_inlines(block.content):
            if isinstance(node, NoteRef) and node.footnote_id in document.footnotes:
                numbers.setdefault(node.footnote_id, len(numbers) + 1)
    for footnote_id, printed in report.literal_footnote_numbers.items():
        derived = numbers.get(footnote_id)
        if derived is not None and derived != printed:
            report.warnings.append(
                f"line {where.get(str(printed), 0)}: footnote printed as {printed} is footnote {derived} "
                "by the order of first citation"
            )


def _use_metadata(document: Document, hints: dict[str, str], report: ImportReport) -> None:
    """Fill the masthead from front-matter metadata where the text lost it or cut it short."""
    head = document.masthead
    if head.job_number is None and document.kind is not DocumentKind.PLAIN:
        head.job_number = hints.get("job_number")
    title = hints.get("title")
    if title and document.kind is not DocumentKind.PLAIN:
        shown = " ".join((head.title or "").split())
        if not shown or (title.startswith(shown) and len(title) > len(shown)):
            head.title = title
            report.notes.append("title completed from the file's metadata")
    if head.date is None and (m := _ISO_DATE.match(hints.get("date", ""))):
        year, month, day = (int(g) for g in m.groups())
        if 1 <= month <= 12:
            head.date = f"{day} {mh.MONTHS.split('|')[month - 1]} {year}"


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _bind(
    paragraphs: list[Para], texts: list[str], label_to_id: dict[str, str]
) -> tuple[MarkerBinder, list[RawParagraph]]:
    binder = MarkerBinder(label_to_id)
    raw_paragraphs = []
    for paragraph, text in zip(paragraphs, texts, strict=True):
        where = f"line {paragraph.lines[0].number}"
        content = binder.bind(markup.parse(text), where)
        raw_paragraphs.append(RawParagraph(content, [line.number for line in paragraph.lines]))
    return binder, raw_paragraphs


def _placed_in_order(binder: MarkerBinder, label_to_id: dict[str, str]) -> bool:
    """Every numbered footnote cited, first citations in number order."""
    numeric = [label for label in label_to_id if label.isdigit()]
    if any(label not in binder.referenced for label in numeric):
        return False
    order = [n for label in binder.first_references if (n := footnote_number(label)) is not None]
    return order == sorted(order)


def _place_plain_markers(
    paragraphs: list[Para],
    texts: list[str],
    notes: list[Note],
    lines: list[Line],
    label_to_id: dict[str, str],
    report: ImportReport,
) -> list[str]:
    """Paragraph texts with plain-digit markers decided for the whole document (:mod:`plain_markers`)."""
    rules_before: dict[int, int] = {}
    rules = 0
    for line in lines:
        if line.kind is LineKind.FURNITURE and RULE.match(line.text):
            rules += 1
        rules_before[line.number] = rules
    labels: dict[int, int | None] = {}
    for note in notes:
        number = footnote_number(note.label) if note.style != "star" else None
        if number is not None and note.label in label_to_id:
            labels.setdefault(number, rules_before[note.lines[0].number] - 1)
    if not labels:
        return texts
    texts = list(texts)
    candidates: list[plain_markers.Candidate] = []
    for index, (paragraph, text) in enumerate(zip(paragraphs, texts, strict=True)):
        for candidate in plain_markers.find_candidates(index, text, labels):
            at = bisect_right(paragraph.offsets, candidate.start) - 1
            page = rules_before[paragraph.lines[max(at, 0)].number]
            candidates.append(replace(candidate, page=page))
    resolution = plain_markers.resolve(candidates, labels)
    by_paragraph: dict[int, list[plain_markers.Candidate]] = {}
    for candidate in resolution.chosen:
        by_paragraph.setdefault(candidate.paragraph, []).append(candidate)
    demoted: dict[int, list[plain_markers.Candidate]] = {}
    for candidate in resolution.demoted:
        demoted.setdefault(candidate.paragraph, []).append(candidate)
        line = paragraphs[candidate.paragraph].lines[0].number
        before = texts[candidate.paragraph][max(0, candidate.start - 12) : candidate.start]
        report.warnings.append(
            f"line {line}: reference [^{candidate.label}] after a lone capital letter read as text "
            f"('…{before}{candidate.label}')"
        )
    for index in by_paragraph.keys() | demoted.keys():
        texts[index] = plain_markers.rewrite(
            texts[index], by_paragraph.get(index, []), demoted.get(index, [])
        )
    return texts


def _settle_candidates(lines: list[Line], report: ImportReport) -> None:
    """Decide plain-digit footnote lines and ``*`` notes with the rest of the text.

    Outside a footnote area (see :func:`text_lines.split_lines`) a line "3 Resolution 60/288."
    is a footnote only when it carries the next footnote number and the body has a plain
    marker with that number; "1 November 2018, …" (a date) never is.
    """
    markers: set[str] = set()
    if any(line.kind is LineKind.PLAIN_FOOTNOTE_CANDIDATE for line in lines):
        markers = plain_marker_candidates(
            "\n".join(line.text for line in lines if line.kind is LineKind.CONTENT)
        )
    expected = 1
    previous = LineKind.BLANK
    for line in lines:
        label = line.footnote_label or ""
        if line.kind is LineKind.FOOTNOTE and (number := footnote_number(label)) is not None:
            expected = max(expected, number + 1)
        elif line.kind is LineKind.PLAIN_FOOTNOTE_CANDIDATE:
            if int(label) == expected and label in markers and not _STARTS_WITH_DATE.match(line.text):
                line.kind = LineKind.FOOTNOTE
                expected += 1
            else:
                line.kind = LineKind.CONTENT
                standalone = previous in (LineKind.BLANK, LineKind.FURNITURE)
                if standalone and int(label) == expected and not _STARTS_WITH_DATE.match(line.text):
                    report.warnings.append(
                        f"line {line.number}: '{line.text.strip()[:40]}' looks like footnote {label}, but the "
                        f"text has no marker {label}; kept as text"
                    )
        previous = line.kind
    starred = any(
        line.kind is LineKind.CONTENT and "*" in line.text and _NOTE_STAR.search(line.text) for line in lines
    )  # ("*" in: a search for the character class would try it at every character of the text)
    for line in lines:
        if line.kind is LineKind.STAR_NOTE and not starred:
            line.kind = LineKind.CONTENT


_NOTE_STAR = re.compile(r"[^\s*]\*(?:\s|$)")
"""A note mark: "draft resolution*", "State of Palestine:* draft resolution"."""
_STARTS_WITH_DATE = re.compile(rf"^\s*\d{{1,2}}\s+(?:{mh.MONTHS})\b")


def _group(lines: list[Line], report: ImportReport) -> list[Para | Note]:
    items: list[Para | Note] = []
    current: Para | Note | None = None
    pending_break = False
    for line in lines:
        kind = line.kind
        if line.page_break:
            pending_break = True
        if kind is LineKind.BLANK:
            current = None
        elif kind is LineKind.FURNITURE:
            current = None
            pending_break = True
        elif isinstance(current, Note) and _phantom_definition(current, line):
            # "[^2]: … as from" / "[^7]: February 1984.": a wrapped line that starts with a
            # number, read as a footnote of its own by the extraction
            report.warnings.append(
                f"line {line.number}: footnote {line.footnote_label} out of sequence right after footnote "
                f"{current.label}, which stops mid-phrase; read as its continuation"
            )
            current.add([Line(line.number, f"{line.footnote_label} {line.footnote_text}", LineKind.CONTENT)])
        elif kind in (LineKind.FOOTNOTE, LineKind.STAR_NOTE):
            current = Note(line.footnote_label or "*", line.footnote_style or "star", [line])
            items.append(current)
            pending_break = True
        elif kind is LineKind.FOOTNOTE_CONTINUATION:
            note = next((i for i in reversed(items) if isinstance(i, Note)), None)
            if note is not None:
                note.add([line])
                current = note
            else:
                current = Para([line], break_before=pending_break)
                items.append(current)
        elif isinstance(current, Note):
            current.add([line])  # a footnote running on to a second line
        elif (
            isinstance(current, Para)
            and not NEW_PARAGRAPH.match(line.text)
            and not _opens_after_line_end(current, line)
        ):
            current.add([line])
        else:
            current = Para([line], break_before=pending_break)
            items.append(current)
            pending_break = False
    return items


def _phantom_definition(current: Note, line: Line) -> bool:
    label = line.footnote_label or ""
    return (
        line.kind is LineKind.FOOTNOTE
        and line.footnote_style in ("markdown", "plain")
        and (previous := footnote_number(current.label)) is not None
        and (number := footnote_number(label)) is not None
        and number != previous + 1
        and dangles(current.tail())
    )


def _opens_after_line_end(current: Para, line: Line) -> bool:
    """A line that starts with an opening phrase right after a line that closed a paragraph
    ("…multilateralism," / "Convinced that…"): two paragraphs with no blank line between."""
    tail = current.tail(4).rstrip()
    if not tail.endswith((",", ";", ":")):
        return False
    start = line.text.lstrip()
    if not start[:1].isupper():
        return False
    return opens_paragraph(start, "en")


def _build_footnotes(
    notes: list[Note], report: ImportReport
) -> tuple[dict[str, Footnote], dict[str, str], list[str]]:
    ids = IdMaker()
    footnotes: dict[str, Footnote] = {}
    label_to_id: dict[str, str] = {}
    star_notes: list[str] = []
    for note in notes:
        if note.style == "star":
            star_notes.append(note.text)
            continue
        if note.label in label_to_id:
            report.warnings.append(
                f"line {note.lines[0].number}: a second footnote numbered {note.label}; kept as footnote text"
            )
            existing = footnotes[label_to_id[note.label]]
            existing.content.extend(markup.parse(" " + note.text))
            continue
        content = list(markup.parse(note.text))
        footnote_id = ids.from_content("fn", plain_text(content))
        footnotes[footnote_id] = Footnote(footnote_id, content)
        label_to_id[note.label] = footnote_id
        if (number := footnote_number(note.label)) is not None:
            report.literal_footnote_numbers[footnote_id] = number
    return footnotes, label_to_id, star_notes
