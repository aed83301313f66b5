"""The byte counts of :mod:`drafting.importers.script_counts` are the character classes'
counts, for every code point (language detection must read every text as it did)."""

from __future__ import annotations

import re

import pytest

from drafting.importers.script_counts import SCRIPT_RANGES, script_counts
from tests.helpers import CORPUS, CORPUS_FILES

REFERENCE = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "latin": re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"),
}
"""The classes language detection counted with before (one regular-expression pass each)."""


def reference_counts(text: str) -> dict[str, int]:
    return {script: pattern.subn("", text)[1] for script, pattern in REFERENCE.items()}


def test_the_ranges_are_the_reference_classes():
    assert list(SCRIPT_RANGES) == list(REFERENCE)
    for script, ranges in SCRIPT_RANGES.items():
        inside = {c for low, high in ranges for c in range(low, high + 1)}
        assert inside == {c for c in range(0x110000) if REFERENCE[script].match(chr(c))}


@pytest.mark.parametrize("stride", [1, 61, 4096])
def test_every_code_point_counts_as_its_class(stride):
    """Each code point alone (stride 1 on the ranges' edges), and every code point in runs."""
    if stride == 1:
        edges = {c + d for ranges in SCRIPT_RANGES.values() for r in ranges for c in r for d in (-1, 0, 1)}
        samples = [chr(c) * 3 for c in sorted(edges)] + [chr(c) for c in range(0x800)]
    else:
        samples = ["".join(map(chr, range(c, min(c + stride, 0x110000)))) for c in range(0, 0x110000, stride)]
    for text in samples:
        assert script_counts(text) == reference_counts(text), [hex(ord(ch)) for ch in text[:3]]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_texts_count_as_before(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert script_counts(text) == reference_counts(text)


def test_lone_surrogates_and_mixed_text():
    text = "Résolution \ud800 大会 Генеральная إن ǅ\x00\t" * 5
    assert script_counts(text) == reference_counts(text)
