"""The editing surface against the core: what it shows and reads back is the model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from drafting.edit_positions import length
from drafting.edits import DeleteText, EditRefused, InsertText
from drafting.importers import load_document
from drafting.inline_ops import normalize
from drafting.model import Block, BlockKind, Document, DocumentKind, Inline, ProposalSpan, Text, plain_text
from drafting.numbering import block_labels
from drafting.proposal_ops import accept_all, accept_proposal, reject_all, reject_proposal
from tests.helpers import structure
from ui.editor import formats, structure_ops
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


# -- proposals nested in proposals -------------------------------------------------------------------

_AUTHORS = ("EU", "Mexico", "Japan")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_proposals_nested_by_recorded_edits_survive_the_surface(qapp, data):
    """Random typing and deleting by three delegations, recorded by the core (deletions and
    insertions nested in other delegations' insertions among them): the surface shows it and
    reads back the same content, proposals and all."""
    document = Document(
        DocumentKind.PLAIN,
        blocks=[
            Block("b-1", BlockKind.OPERATIVE, [Text("Calls upon all States to act, ")]),
            Block("b-2", BlockKind.OPERATIVE, [Text("Decides to remain seized.")]),
        ],
    )
    for _ in range(data.draw(st.integers(1, 8))):
        block = document.blocks[data.draw(st.integers(0, 1))]
        size = length(block.content)
        author = data.draw(st.sampled_from(_AUTHORS))
        start = data.draw(st.integers(0, size))
        if data.draw(st.booleans()):
            edit = InsertText(block.id, start, data.draw(st.text(alphabet="xy ", min_size=1, max_size=3)))
        else:
            edit = DeleteText(block.id, start, data.draw(st.integers(start, size)))
        try:
            edit.record(document, author, "2026-12-01")
        except EditRefused:
            continue
    qdoc = QTextDocument()
    load_into(qdoc, document)
    again = SurfaceReader(qdoc).read(document).document
    assert [_joined(b.content) for b in again.blocks] == [_joined(b.content) for b in document.blocks]
    assert again.proposals == document.proposals
    for settle in (accept_all, reject_all):
        assert _texts(settle(again)) == _texts(settle(document))
    for proposal_id in document.proposals:
        for settle_one in (accept_proposal, reject_proposal):
            assert _texts(settle_one(again, proposal_id)) == _texts(settle_one(document, proposal_id))


def _texts(document: Document) -> list[str]:
    return [plain_text(b.content, proposals="both") for b in document.blocks]


def _joined(content: list[Inline]) -> list[Inline]:
    """``content`` with adjacent spans of one proposal joined where the first only deletes: the
    surface shows them as one run of that proposal (the core may keep them apart at a seam)."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, ProposalSpan):
            node = ProposalSpan(node.proposal_id, _joined(node.deleted), _joined(node.inserted))
            last = out[-1] if out else None
            if isinstance(last, ProposalSpan) and last.proposal_id == node.proposal_id and not last.inserted:
                out[-1] = ProposalSpan(
                    node.proposal_id, normalize([*last.deleted, *node.deleted]), node.inserted
                )
                continue
        out.append(node)
    return out


def test_a_deletion_nested_in_an_insertion_is_struck_and_underlined_in_the_deleters_colour(qapp):
    document = Document(
        DocumentKind.PLAIN, blocks=[Block("b-1", BlockKind.OPERATIVE, [Text("Calls upon States.")])]
    )
    at = len("Calls upon ")
    [theirs] = InsertText("b-1", at, "all Member ").record(document, "EU", "2026-12-01").created
    [mine] = DeleteText("b-1", at, at + len("all ")).record(document, "Mexico", "2026-12-01").created
    qdoc = QTextDocument()
    load_into(qdoc, document)
    block = structure_ops.find_block(qdoc, "b-1")
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + at + 1)
    fmt = cursor.charFormat()
    assert formats.proposal_path(fmt) == ((theirs, "inserted"), (mine, "deleted"))
    assert fmt.fontStrikeOut()
    assert fmt.fontUnderline()
    assert fmt.foreground().color() == formats.delegation_colour("Mexico")
    assert formats.marks_of(fmt) == frozenset()  # the strike and the underline are roles, not marks
