"""Regexes on user text in linear time (issue 14, item 7).

A paragraph of 100,000 spaces made ``penholder check`` run 40 s: ``grammar.end-punctuation``
searched for ``[\\s…]*$`` from every position of the run. Every regex run on the text of a
paragraph or footnote was audited; the quadratic ones were rewritten to match exactly what they
matched before (the old patterns are kept here and compared on seeded random text), and the
text importer and the full check are run on paragraphs made of long runs of each kind of
character the rules look at. Nothing is timed: ``hang_guard`` only stops a run that would
otherwise take minutes (the limit is far above what a linear run needs on a busy machine).
"""

from __future__ import annotations

import random
import re
import signal
from contextlib import contextmanager

import pytest

from drafting.checks import citations, grammar, run_checks, sources
from drafting.checks.context import Spans
from drafting.checks.treaties import GENERIC_PATTERN, generic_mentions
from drafting.importers import front_matter, text_lines
from drafting.importers.report import ImportReport
from drafting.importers.text_import import import_text
from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text
from drafting.structure import ORGAN_LINES, is_organ_line
from drafting.symbols import split_double

HANG_SECONDS = 20
RUN = 50_000


@contextmanager
def hang_guard(seconds: int = HANG_SECONDS):
    """Fail instead of hanging; not a timing assertion (linear runs take a small fraction of it)."""

    def stop(_signum, _frame):
        raise TimeoutError(f"still running after {seconds} s: not linear")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- whole import and check on long runs ------------------------------------------------------

CLASSES = {
    "spaces": " ",
    "no-break spaces": "\u00a0",
    "tabs": "\t",
    "digits": "1",
    "letters": "a",
    "capitals": "A",
    "cyrillic": "Я",
    "cjk": "大",
    "full stops": ".",
    "commas": ",",
    "semicolons": ";",
    "colons": ":",
    "cjk commas": "，",
    "slashes": "/",
    "backslashes": "\\",
    "hyphens": "-",
    "dashes": "–",
    "opening brackets": "[",
    "closing brackets": "]",
    "opening parentheses": "(",
    "closing parentheses": ")",
    "opening quotes": "“",
    "closing quotes": "”",
    "apostrophes": "'",
    "right single quotes": "’",
    "double quotes": '"',
    "guillemets": "»",
    "stars": "*",
    "tildes": "~",
    "carets": "^",
    "at signs": "@",
    "underscores": "_",
    "spaced superscripts": "¹ ",
}
TOKENS = {
    "words": "Aa ",
    "lower words": "aa ",
    "word-space-comma": "ab, ",
    "digit-space": "1 ",
    "digit-dot": "1.",
    "treaty words": "Treaty ",
    "treaty of the": "Treaty of the ",
    "convention of": "Convention of ",
    "hyphenated capitals": "A-",
    "symbols": "A/67/L.1 ",
    "double symbol dashes": " - A/",
    "resolution numbers": "67/193 ",
    "resolution then spaces": "1/1   ",
    "ibid": "Ibid., ",
    "entitled": "entitled “",
    "un": "UN ",
    "un women": "UN Women ",
    "ods marks": "<<ODS A1>>",
    "markdown notes": "[^1] ",
    "emphasis": "** ",
    # "www.a.org " is left out: drafting/spelling.py's tokenize() asks every address span about
    # every word, quadratic in a paragraph of many addresses (reported; not this change's file).
    "also decides": "Also  ",
    "mixed": None,
}
MIXED_ALPHABET = "".join(v for v in CLASSES.values()) + "aA1 ,.;:/()[]“”'\"-–*~^"


def _run(unit: str | None, length: int = RUN) -> str:
    if unit is None:
        rng = random.Random(14)
        return "".join(rng.choice(MIXED_ALPHABET) for _ in range(length))
    return (unit * (length // len(unit) + 1))[:length]


def _document_text(run: str) -> str:
    """Preamble, operative paragraphs and a footnote, each holding the run (and one made of it)."""
    return (
        "The General Assembly,\n\n"
        f"Recalling {run} its resolution 67/193,[^1]\n\n"
        f"1. Decides {run};\n\n"
        f"2. {run}\n\n"
        f"[^1]: See {run}.\n"
    )


@pytest.mark.parametrize("unit", list(CLASSES.values()) + list(TOKENS.values()), ids=[*CLASSES, *TOKENS])
def test_import_and_check_of_long_runs(unit: str | None) -> None:
    run = _run(unit)
    with hang_guard():
        result = import_text(_document_text(run))
        run_checks(result.document)
    assert result.document.blocks


def test_check_of_a_superscript_run() -> None:
    """Superscript digits in the model (the text importer reads a run of them as a marker)."""
    run = "¹" * RUN
    document = Document(
        blocks=[
            Block("b-1", BlockKind.PREAMBULAR, [Text(f"Recalling {run},")]),
            Block("b-2", BlockKind.OPERATIVE, [Text(f"Decides {run}"), NoteRef("fn-1"), Text(";")]),
        ],
        footnotes={"fn-1": Footnote("fn-1", [Text(run)])},
    )
    with hang_guard():
        run_checks(document)


def test_import_of_a_superscript_run() -> None:
    with hang_guard():
        result = import_text(_document_text("¹" * RUN))
        run_checks(result.document)


def test_import_of_a_superscript_marker_run() -> None:
    """A run of superscript digits where footnotes are numbered: no marker, and no ``int()`` of it."""
    long_label = "9" * 5_000  # int() refuses more than 4,300 digits
    texts = [
        f"The General Assembly,\n\n1. Decides {'¹' * RUN};\n\n[^1]: A note.\n",
        f"The General Assembly,\n\n1. Decides{'¹' * 2};\n\n________________\n{'¹' * RUN} A note.\n",
        f"The General Assembly,\n\n1. Decides[^{long_label}];\n\n[^{long_label}]: A note.\n",
    ]
    with hang_guard():
        for text in texts:
            run_checks(import_text(text).document)


# --- the rewritten patterns match what the old ones matched -------------------------------------

FUZZ_ALPHABET = [
    " ", " ", "  ", "\t", "\n", "\u00a0", ",", "，", ":", "：", ";", ".", "-", "–", "”", "’", '"', "'", "»", ")",
    "]", "(", "a", "A", "1", "1999", "of", "to", "on", "for", "Ibid.", "同上", "A/67/1", "E/", "S/1",
    "Commission on X", "The ", "Conference of the Parties", "General Assembly", "Council", "draft",
    "67/193", "20 December 2012", "<<ODS A>>", "<<ODS B>>", "x",
]  # fmt: skip


def _fuzz(seed: int, count: int = 3000, longest: int = 12):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(FUZZ_ALPHABET) for _ in range(rng.randint(0, longest)))


def test_end_of_text_is_the_old_trailing_sub() -> None:
    old = re.compile(r"[\s”’\"'»)\]]*$")
    for text in _fuzz(1):
        assert grammar._end_of_text(text) == len(old.sub("", text)), repr(text)


def test_trailing_preposition_is_the_old_pattern() -> None:
    old = re.compile(r"\s+(?:of|to|with|by|upon|on|for)$")
    for text in _fuzz(2):
        assert grammar._TRAILING_PREPOSITION.sub("", text) == old.sub("", text), repr(text)


def test_double_symbol_split_is_the_old_pattern() -> None:
    old = re.compile(r"\s*[-–—]\s*(?=[A-Z]{1,8}/)|\s+(?=[A-Z]{1,8}/)")
    for text in _fuzz(3):
        assert split_double(text) == [p for p in old.split(text.strip()) if p], repr(text)


def test_front_matter_patterns_are_the_old_ones() -> None:
    old_key = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
    for text in _fuzz(4):
        line = "key" + text.replace("\n", " ")
        new, before = front_matter._KEY_VALUE.match(line), old_key.match(line)
        assert (new and new.groups()) == (before and before.groups()), repr(line)
        assert front_matter.clean_title(text) == re.sub(r"\s*:\s*$", "", text).strip(), repr(text)


def test_resolution_and_ibid_patterns_are_the_old_ones() -> None:
    old_resolution = re.compile(
        rf"(?<![\w/.\-])(\d{{1,4}})/(\d{{1,4}})(?: [A-Z])?(?:\s*[,]?\s*)of {citations.DATE}\b"
    )
    old_ibid = re.compile(r"^\s*(?:Ibid\.|同上)\s*[,，]?\s*(.*)$")

    def spans(pattern, text):
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    for text in _fuzz(5, longest=16):
        assert spans(citations._RESOLUTION, text) == spans(old_resolution, text), repr(text)
        for candidate in (text, "Ibid." + text):
            new, before = sources._IBID.match(candidate), old_ibid.match(candidate)
            assert (new and new.groups()) == (before and before.groups()), repr(candidate)


def test_organ_lines_are_the_old_patterns() -> None:
    old = re.compile(
        r"^The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
        r"Trusteeship Council|Commission on [A-Z][\w ,-]+|Conference of the Parties[\w ,-]*|"
        r"[A-Z][\w-]+(?: [A-Z][\w-]+)* (?:Commission|Council|Committee|Board))\s*,?$"
    )
    for text in _fuzz(6):
        line = "The " + text
        assert bool(ORGAN_LINES[0].match(line)) == bool(old.match(line)), repr(line)


def test_ods_tags_are_the_old_pattern() -> None:
    old = re.compile(r"<<ODS ([A-Z0-9 ]+)>>(.*?)<<ODS \1>>")
    for text in _fuzz(7, longest=20):
        line = text.replace("\n", " ")
        expected = [(m.start(), m.end(), m.group(1), m.group(2)) for m in old.finditer(line)]
        assert text_lines._ods_tags(line) == expected, repr(line)


def test_generic_treaty_mentions_are_the_old_regex() -> None:
    """The instrument-and-year finder against ``re.finditer`` of its pattern, on seeded word soup."""
    pattern = re.compile(GENERIC_PATTERN)
    pieces = [
        "Convention", "Treaty", "Protocol", "Covenant", "Agreement", "of", "1999", "2000", "19999", "1999,",
        "Aa", "A", "Bb-Cc", "-", "(", "'", "’", "relating", "to", "the", "on", "and", "x", "Conventions",
        "aConvention", "(Treaty", "Anti-Treaty", "٢٠٢٠", "\n", ",", "O'Neil", "Sea", "of1999", "_", "É", "A1",
    ]  # fmt: skip
    separators = [" ", " ", " ", "  ", "", "-", ",", "\n"]
    rng = random.Random(20261205)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 14)))
        expected = [(m.start(), m.end(), m.group(1), m.group(2), m.start(2)) for m in pattern.finditer(text)]
        found = [(g.start, g.end, g.name, g.year, g.year_start) for g in generic_mentions(text)]
        assert found == expected, repr(text)


def test_spans_cover_what_any_did() -> None:
    rng = random.Random(8)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 6)))]
        covered = Spans(spans)
        for position in range(-1, 50):
            assert covered.covers(position) == any(a <= position < b for a, b in spans)


# --- each rewritten pattern alone, on the input that was quadratic (or worse) ---------------------

QUADRATIC_BEFORE = {
    "grammar end of text": lambda: grammar._end_of_text("a" + " " * 100_000 + "b"),
    "grammar trailing preposition": lambda: grammar._TRAILING_PREPOSITION.sub("", "a" + " " * 100_000 + "b"),
    "double symbol separator": lambda: split_double("A/1" + "\n" * 100_000 + "x"),
    "front matter value": lambda: front_matter._KEY_VALUE.match("key: a" + " " * 100_000 + "b"),
    "front matter title": lambda: front_matter.clean_title("a" + " " * 100_000 + "b"),
    "resolution number": lambda: list(citations._RESOLUTION.finditer("1/1" + " " * 100_000 + "x")),
    "ibid": lambda: sources._IBID.match("Ibid." + " " * 100_000 + "\nx\ny"),
    "organ line": lambda: is_organ_line("The Commission on X" + " " * 100_000 + "."),
    "ods marks": lambda: text_lines._ods_tags("".join(f"<<ODS A{i}>>" for i in range(20_000))),
    "treaty words": lambda: generic_mentions("Treaty " * 20_000 + "of 1999"),
    "capitalised words": lambda: generic_mentions("Aa " * 30_000 + "Treaty of x"),
}


@pytest.mark.parametrize("name", sorted(QUADRATIC_BEFORE))
def test_rewritten_pattern_on_its_worst_input(name: str) -> None:
    with hang_guard():
        QUADRATIC_BEFORE[name]()


def test_ods_marks_are_discarded_as_before() -> None:
    report = ImportReport()
    hints: dict[str, str] = {}
    line = "a<<ODS DOC SYMBOL1>>A/80/L.1<<ODS DOC SYMBOL1>>b<<ODS X>>c"
    assert text_lines._strip_inline_furniture(1, line, report, hints) == "ab<<ODS X>>c"
    assert hints == {"symbol": "A/80/L.1"}
    assert [d.text for d in report.discarded] == ["<<ODS DOC SYMBOL1>>A/80/L.1<<ODS DOC SYMBOL1>>"]
