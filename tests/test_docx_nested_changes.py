"""Changes nested in another delegation's insertion (a deletion, or typing, inside it) survive
Word export and import: written as ``w:del``/``w:ins`` inside the ``w:ins``, schema-valid, and
read back as proposals nested in the same way, so that accepting or rejecting all of them gives
the same text before and after the round trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.edits import DeleteText, EditRefused, InsertText
from drafting.exporters import DocxOptions, export_docx
from drafting.importers.docx_import import import_docx_file
from drafting.model import Document, ProposalSpan, plain_text
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import load
from tests.test_docx_schema import violations

_AUTHORS = ("EU", "Mexico", "Japan")


@pytest.fixture(scope="module")
def resolution() -> Document:
    return load("ga-res-62-172-en.txt").document


def _texts(document: Document) -> list[str]:
    return [plain_text(b.content) for b in document.iter_blocks()]


def _round_trip(document: Document) -> Document:
    data = export_docx(document, DocxOptions(proposals="tracked")).data
    assert violations("nested", data)[0] == []
    return import_docx_file(data).document


def test_a_deletion_inside_another_delegations_insertion_is_read_back_nested(resolution):
    document = load("ga-res-62-172-en.txt").document
    op = document.operative[0]
    at = plain_text(op.content).index(" ")
    InsertText(op.id, at, " most warmly").record(document, "EU", "2026-12-01")
    DeleteText(op.id, at + len(" most"), at + len(" most warmly")).record(document, "Mexico", "2026-12-02")
    again = _round_trip(document)
    [outer] = [n for n in again.operative[0].content if isinstance(n, ProposalSpan)]
    assert again.proposals[outer.proposal_id].author == "EU"
    assert plain_text(outer.inserted, proposals="both").startswith(" most")
    [inner] = [n for n in outer.inserted if isinstance(n, ProposalSpan)]
    assert again.proposals[inner.proposal_id].author == "Mexico"
    assert plain_text(inner.deleted) == " warmly"
    first = plain_text(resolution.operative[0].content)
    assert plain_text(accept_all(again).operative[0].content) == first.replace(" ", " most ", 1)
    assert plain_text(reject_all(again).operative[0].content) == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_nested_edits_by_three_delegations_survive_word(resolution, data):
    document = load("ga-res-62-172-en.txt").document
    blocks = document.operative[:2]
    for minute in range(data.draw(st.integers(1, 8))):
        block = blocks[data.draw(st.integers(0, 1))]
        size = len(plain_text(block.content, proposals="both"))
        start = data.draw(st.integers(0, size))
        if data.draw(st.booleans()):
            edit = InsertText(block.id, start, data.draw(st.text(alphabet="xy ", min_size=1, max_size=3)))
        else:
            edit = DeleteText(block.id, start, data.draw(st.integers(start, min(size, start + 12))))
        try:
            edit.record(document, data.draw(st.sampled_from(_AUTHORS)), f"2026-12-01T10:0{minute}:00Z")
        except EditRefused:
            continue
    again = _round_trip(document)
    assert _texts(accept_all(again)) == _texts(accept_all(document))
    assert _texts(reject_all(again)) == _texts(reject_all(resolution))
    # Counts may differ where Word's reading is coarser than the model: a deletion followed by an
    # insertion of the same delegation is read as one replacement, as Word shows it.
    assert {p.author for p in again.proposals.values()} == {p.author for p in document.proposals.values()}
