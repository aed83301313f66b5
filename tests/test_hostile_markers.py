"""Issue 14, item 14: runs of thousands of digits or superscript digits are text, not footnote
markers, and never reach Python's limit on integer conversion."""

from __future__ import annotations

import random

import pytest

from drafting.errors import ImportFailed
from drafting.importers.markers import MarkerBinder
from drafting.importers.text_import import import_text
from drafting.model import NoteRef, Text

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def test_a_long_superscript_run_is_kept_as_text():
    binder = MarkerBinder({"1": "fn-1", "2": "fn-2"})
    out = binder.bind([Text("x" + "¹" * 4302)], "paragraph 1")
    assert not any(isinstance(node, NoteRef) for node in out)
    assert "".join(n.text for n in out if isinstance(n, Text)) == "x" + "¹" * 4302


def test_markers_side_by_side_still_bind():
    binder = MarkerBinder({"10": "fn-10", "11": "fn-11"})
    out = binder.bind([Text("Recalling¹⁰¹¹ its")], "paragraph 1")
    assert [n.footnote_id for n in out if isinstance(n, NoteRef)] == ["fn-10", "fn-11"]


def test_a_long_superscript_run_in_running_text():
    import_text("The General Assembly,\n\nRecalling x" + "¹" * 4302 + " its resolutions,\n", "x.txt")


TEXT_PREFIXES = ["x", "Strategy;", "2023", "1. Recalling ", "The General Assembly,\n\nNoting ", "(a) ", "[^"]
TEXT_SUFFIXES = ["", " text", ";1 x", "]", " and\n\n2. Decides"]
FOOTNOTES = ["", "\n¹ A footnote.\n", "\n1 Footnote\n", "\n\n[^1]: A note.\n", "]: A note.\n", "\n"]


def _run(rng: random.Random) -> str:
    alphabet = rng.choice(["0123456789", SUPERSCRIPTS, SUPERSCRIPTS + "0123456789", "¹", "1"])
    return "".join(rng.choice(alphabet) for _ in range(rng.choice([4, 20, 4300, 4302, 5000, 12_000])))


def _fuzz(seed: int, footnotes: list[str]) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        text = rng.choice(TEXT_PREFIXES) + _run(rng) + rng.choice(TEXT_SUFFIXES)
        text += (
            " " + rng.choice(TEXT_PREFIXES) + _run(rng) + rng.choice(TEXT_SUFFIXES) + rng.choice(footnotes)
        )
        if footnotes != [""] and rng.random() < 0.5:  # a run where a footnote line starts
            text += "\n" + _run(rng) + " A note.\n"
        try:
            import_text(text, "digits.txt")
        except ImportFailed as exc:  # a clear refusal is fine, any other exception is not
            assert "\n" not in str(exc)  # noqa: PT017 - the message of the refusal


@pytest.mark.parametrize("seed", range(4))
def test_long_digit_runs_in_running_text_through_the_text_importer(seed):
    """The footnote binder (markers.py) with runs of every kind in paragraphs."""
    _fuzz(1400 + seed, [""])


@pytest.mark.parametrize("seed", range(4))
def test_long_digit_runs_with_footnotes_through_the_text_importer(seed):
    _fuzz(1500 + seed, FOOTNOTES)
