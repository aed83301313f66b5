"""Bracket pairs: found in the text as the editor shows it, counted, added and removed through the
core edit operations, applied or recorded as a delegation's proposals."""

from __future__ import annotations

import copy

import pytest

from drafting.brackets import (
    BracketPair,
    add_brackets,
    bracket_pairs,
    count_brackets,
    delete_bracketed,
    pairs_in,
    remove_brackets,
    stray_brackets,
)
from drafting.edits import Recording
from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text, plain_text
from drafting.proposal_ops import accept_all, reject_all


def document() -> Document:
    return Document(
        blocks=[
            Block("pp", BlockKind.PREAMBULAR, [Text("Recalling its resolution 66/1,")]),
            Block(
                "op",
                BlockKind.OPERATIVE,
                [
                    Text("Urges States [to ratify"),
                    NoteRef("f1"),
                    Text(" [and implement]] the Convention;"),
                ],
            ),
            Block("op2", BlockKind.OPERATIVE, [Text("Decides to [remain seized.")]),
        ],
        footnotes={"f1": Footnote("f1", [Text("[United Nations,] Treaty Series.")])},
    )


def test_pairs_nest_and_strays_are_found():
    assert pairs_in("a [b [c] d] [e") == ([(2, 10, 0), (5, 7, 1)], [12])
    assert pairs_in("x] y") == ([], [1])


def test_pairs_with_a_footnote_reference_inside_count_it_as_one_character():
    pairs = bracket_pairs(document())
    outer, inner, note = pairs
    # "Urges States [to ratify" is 23 characters, the reference the 24th, " [and implement]]" follows
    assert (outer.start, outer.end, outer.depth) == (13, 40, 0)
    assert outer.text == "to ratify [and implement]"
    assert (inner.start, inner.end, inner.depth, inner.text) == (25, 39, 1, "and implement")
    assert (note.target, note.start, note.end, note.text, note.in_footnote) == (
        "f1",
        0,
        16,
        "United Nations,",
        True,
    )
    assert count_brackets(document()) == 3
    assert [(s.target, s.offset, s.char) for s in stray_brackets(document())] == [("op2", 11, "[")]


def _text(doc: Document, block_id: str) -> str:
    return plain_text(doc.block(block_id).content)


def test_adding_removing_and_deleting_applied():
    doc = document()
    add_brackets(doc, "pp", 10, 29)  # "its resolution 66/1"
    assert _text(doc, "pp") == "Recalling [its resolution 66/1],"
    assert count_brackets(doc) == 4
    inner = next(p for p in bracket_pairs(doc) if p.text == "and implement")
    remove_brackets(doc, inner)
    assert _text(doc, "op") == "Urges States [to ratify and implement] the Convention;"
    outer = next(p for p in bracket_pairs(doc) if p.target == "op")
    delete_bracketed(doc, outer)
    assert _text(doc, "op") == "Urges States  the Convention;"
    assert "f1" not in {n.footnote_id for n in doc.block("op").content if isinstance(n, NoteRef)}


@pytest.mark.parametrize("gesture", ["add", "remove", "delete"])
def test_recorded_then_accepted_is_applied_and_rejected_is_the_original(gesture):
    original = document()
    applied, recorded = copy.deepcopy(original), copy.deepcopy(original)
    recording = Recording("Japan", "2026-12-06")
    for doc, rec in ((applied, None), (recorded, recording)):
        if gesture == "add":
            add_brackets(doc, "op", 6, 12, rec)  # "States"
        else:
            pair = next(p for p in bracket_pairs(doc) if p.text == "and implement")
            (remove_brackets if gesture == "remove" else delete_bracketed)(doc, pair, rec)
    assert {p.author for p in recorded.proposals.values()} == {"Japan"}
    for block in original.iter_blocks():
        assert _text(accept_all(recorded), block.id) == _text(applied, block.id)
        assert _text(reject_all(recorded), block.id) == _text(original, block.id)


def test_a_pair_from_an_older_text_is_refused():
    doc = document()
    pair = bracket_pairs(doc)[1]
    add_brackets(doc, "op", 0, 5)
    with pytest.raises(ValueError, match="the text has changed"):
        remove_brackets(doc, pair)
    with pytest.raises(ValueError, match="no bracket pair"):
        remove_brackets(doc, BracketPair("nowhere", 0, 1, "", 0))
    with pytest.raises(ValueError, match="around some text"):
        add_brackets(doc, "op", 4, 4)
