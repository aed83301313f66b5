"""Spelling's address finder and the annex's sentence ends in linear time, with the results of
the patterns they replaced (kept here and compared on seeded random text)."""

from __future__ import annotations

import random
import re

import pytest

from drafting import annex, spelling
from tests.test_linear_regexes import RUN, hang_guard

OLD_SKIP = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|int|com|net|gov|edu)\b")
OLD_BARE = re.compile(r"\[\^\d+\]|[\s*”’\"'\d]+$")
PIECES = ["a", "B", "-", ".", "@", "www.", "http://", ".org", ".int", " ", "\n", "1", "[^2]", "*", "”", "’",
          "'", '"', "x.y", "un.org", "é", "٣", "\u00a0", "[", "]", "^"]  # fmt: skip


def old_addresses(text: str) -> list[tuple[int, int]]:
    if "@" in text or "://" in text or "www." in text or spelling._DOMAIN_HINT.search(text):
        return [m.span() for m in OLD_SKIP.finditer(text)]
    return []


def old_tokenize(text: str) -> list:
    words = [
        spelling.Word(m.group(), m.start(), m.end())
        for m in spelling._WORD.finditer(text)
        if not spelling._NOT_WORD.search(m.group())
    ]
    skipped = old_addresses(text)
    return [w for w in words if not any(a <= w.start < b for a, b in skipped)]


def test_the_same_addresses_words_and_sentence_ends_as_before():
    rng = random.Random(14)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        assert spelling.addresses(text) == old_addresses(text), text
        assert spelling.tokenize(text) == old_tokenize(text), text
        assert annex._bare(text) == OLD_BARE.sub("", text).rstrip(), text


@pytest.mark.parametrize(
    "run", ["a" * RUN, "a-" * (RUN // 2), "www.a.org " * (RUN // 10), "1 " * RUN, "@" + "a" * RUN]
)
def test_long_runs_are_read_in_linear_time(run):
    with hang_guard():
        spelling.tokenize(run + " www.un.org")
        annex._bare("Decides:" + run.replace("a", " ") + "x")


def test_marker_overlap_answers_as_before():
    from drafting.importers import plain_markers

    rng = random.Random(5)
    for _ in range(2000):
        spans, at = [], 0
        for _ in range(rng.randint(0, 8)):
            at += rng.randint(0, 5)
            length = rng.randint(1, 4)
            spans.append((at, at + length))
            at += length
        start = rng.randint(0, at + 3)
        end = start + rng.randint(1, 5)
        expected = any(s < end and start < e for s, e in spans)
        assert plain_markers._overlaps(start, end, spans) is expected, (start, end, spans)


def test_a_paragraph_of_many_markers_is_read_in_linear_time():
    """Found by ``bench/fuzz.py``: 25,000 ``[^1]`` in one line took 77 s."""
    from drafting.importers.text_import import import_text

    text = "The General Assembly,\n\n1. Decides" + "[^1]" * 25_000 + " to act.\n\n[^1]: A/RES/67/193.\n"
    with hang_guard():
        document = import_text(text).document
    assert len(document.operative) == 1
