"""``align.pair_similarity`` (two versions of one paragraph, their shared text split once) equals
``similarity`` of the two word bags, on random texts and on edited corpus paragraphs."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.compare.align import Unit, pair_similarity
from drafting.compare.diff import similarity
from drafting.compare.tokens import content_key
from drafting.importers import load_document
from tests.helpers import CORPUS


def _unit(key: str) -> Unit:
    return Unit(0, "p", "OP 1", "operative", key, None, [], {})


def _assert_equal(x: str, y: str) -> None:
    expected = similarity(_unit(x).bag, _unit(y).bag)
    assert pair_similarity(_unit(x), _unit(y)) == expected, (x, y)


_KEY = st.text(alphabet="ab c\u00a0\u2003,", max_size=30)


@settings(max_examples=1500, deadline=None)
@given(_KEY, _KEY, _KEY, _KEY)
def test_random_versions_of_a_text(before, old_middle, new_middle, after):
    _assert_equal(before + old_middle + after, before + new_middle + after)


@settings(max_examples=500, deadline=None)
@given(_KEY, _KEY)
def test_unrelated_texts(x, y):
    _assert_equal(x, y)


def test_edited_corpus_paragraphs():
    rng = random.Random(3)
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        for block in load_document(path).document.iter_blocks():
            key = content_key(block.content, {})
            if len(key) < 10:
                continue
            for _ in range(3):
                at = rng.randrange(len(key))
                edited = key[:at] + rng.choice(["", "new words ", " x", "y "]) + key[at + rng.randrange(6) :]
                _assert_equal(key, edited)
                checked += 1
    assert checked > 500
