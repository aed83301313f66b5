"""The editing surface against the core: what it shows and reads back is the model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from drafting.importers import load_document
from drafting.model import plain_text
from drafting.numbering import block_labels
from tests.helpers import structure
from ui.editor import formats
from ui.editor.labels import surface_labels
from ui.editor.reader import SurfaceReader
from ui.editor.writer import flatten, load_into

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXTS = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_surface_round_trip_and_labels_agree_with_the_core(qapp, path):
    document = load_document(path).document
    qdoc = QTextDocument()
    load_into(qdoc, document)
    reader = SurfaceReader(qdoc)
    again = reader.read(document).document
    assert structure(again) == structure(document)
    assert again.footnotes == document.footnotes
    assert again.proposals == document.proposals
    # The labels painted in the margin are the core's labels.
    core = block_labels(document)
    labels, references = surface_labels(qdoc, document.language)
    for index, para in enumerate(flatten(document)):
        if para.block_id in core:
            assert labels[index] == core[para.block_id].label, para.block_id
            if not references[index].startswith(("front", "covering")):
                assert references[index] == core[para.block_id].reference


def test_reading_again_converts_only_changed_paragraphs(qapp):
    document = load_document(CORPUS / "ga-res-67-193-en.txt").document
    qdoc = QTextDocument()
    load_into(qdoc, document)
    reader = SurfaceReader(qdoc)
    reader.read(document)
    first = reader.conversions
    assert first == qdoc.blockCount()
    cursor = QTextCursor(qdoc.findBlockByNumber(40))
    cursor.insertText("Also ")
    snapshot = reader.read(document)
    assert reader.conversions == first + 1
    block_id = formats.id_of(qdoc.findBlockByNumber(40).blockFormat())
    assert plain_text(snapshot.document.block(block_id).content).startswith("Also ")


def test_alternatives_and_agreed_paragraphs_survive_the_surface_and_are_labelled_alike(qapp):
    from tests.test_negotiation_model import negotiated

    document = negotiated()
    qdoc = QTextDocument()
    load_into(qdoc, document)
    again = SurfaceReader(qdoc).read(document).document
    assert [(b.id, b.alternative_to, b.agreed_ad_ref) for b in again.iter_blocks()] == [
        (b.id, b.alternative_to, b.agreed_ad_ref) for b in document.iter_blocks()
    ]
    core = block_labels(document)
    labels, references = surface_labels(qdoc, document.language)
    painted = dict(
        zip([p.block_id for p in flatten(document)], zip(labels, references, strict=True), strict=True)
    )
    for block in document.iter_blocks():
        assert painted[block.id] == (core[block.id].label, core[block.id].reference)


def test_paragraphs_proposed_in_full_are_labelled_bis_on_the_surface_as_in_the_core(qapp):
    from tests.test_negotiation_model import _with_new_paragraphs

    document = _with_new_paragraphs()
    qdoc = QTextDocument()
    load_into(qdoc, document)
    core = block_labels(document)
    labels, references = surface_labels(qdoc, document.language)
    painted = dict(
        zip([p.block_id for p in flatten(document)], zip(labels, references, strict=True), strict=True)
    )
    assert {painted[b.id][1] for b in document.blocks} >= {"OP 0 bis", "OP 1 bis", "OP 2 ter", "PP 1 bis"}
    for block in document.iter_blocks():
        assert painted[block.id] == (core[block.id].label, core[block.id].reference)
