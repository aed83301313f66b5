"""Numbers and labels derived from order."""

from __future__ import annotations

import pytest

from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text
from drafting.numbering import block_labels, footnote_numbers, from_roman, letters, roman, subparagraph_label


@pytest.mark.parametrize(
    ("n", "text"), [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (40, "xl"), (1994, "mcmxciv")]
)
def test_roman(n, text):
    assert roman(n) == text
    assert from_roman(text) == n
    assert from_roman(text.upper()) == n


def test_not_roman():
    assert from_roman("iiii") is None
    assert from_roman("a") is None
    assert from_roman("") is None


def test_letters_continue_after_z():
    assert [letters(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "ab"]


def test_subparagraph_label_degrees_and_languages():
    assert [subparagraph_label(d, 2) for d in (1, 2, 3, 4)] == ["(b)", "(ii)", "b.", "ii."]
    assert subparagraph_label(1, 1, "fr") == "a)"
    assert subparagraph_label(2, 3, "es") == "iii)"


def block(kind, text, *children, block_id):
    return Block(block_id, kind, [Text(text)], list(children))


def test_every_block_is_labelled_even_children_of_plain_paragraphs():
    doc = Document(
        blocks=[
            block(BlockKind.PREAMBULAR, "Recalling", block_id="p1"),
            block(
                BlockKind.PARAGRAPH,
                "Whereas:",
                block(BlockKind.SUBPARAGRAPH, "x", block_id="s1"),
                block_id="g1",
            ),
            block(
                BlockKind.OPERATIVE,
                "Decides",
                block(BlockKind.SUBPARAGRAPH, "y", block_id="s2"),
                block_id="o1",
            ),
            block(BlockKind.OPERATIVE, "Requests", block_id="o2"),
        ]
    )
    labels = block_labels(doc)
    assert {b.id for b in doc.iter_blocks()} == set(labels)
    assert labels["s1"].reference == "paragraph 1 (a)"
    assert labels["s2"].reference == "OP 1 (a)"
    assert labels["o2"].label == "2."


def test_moving_a_paragraph_renumbers_everything():
    first = Block("a", BlockKind.OPERATIVE, [Text("A"), NoteRef("f2")])
    second = Block("b", BlockKind.OPERATIVE, [Text("B"), NoteRef("f1")])
    doc = Document(blocks=[first, second], footnotes={"f1": Footnote("f1"), "f2": Footnote("f2")})
    assert footnote_numbers(doc) == {"f2": 1, "f1": 2}
    doc.blocks.reverse()
    assert footnote_numbers(doc) == {"f1": 1, "f2": 2}
    assert block_labels(doc)["b"].label == "1."
