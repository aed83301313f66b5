"""Making Rev.N: agreed proposals applied, turned-down ones dropped, open ones kept or bracketed, the
revision kept in the file, and the Word redline against the previous draft as LibreOffice reads it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from drafting.importers import load_document
from drafting.inline_ops import split_content
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    plain_text,
)
from drafting.next_revision import make_next_revision, next_revision_text, redline_docx
from drafting.numbering import block_labels
from drafting.proposal_ops import reject_all
from drafting.storage import PenholderFile

CORPUS = Path(__file__).parent / "corpus"


def zero_draft() -> Document:
    return load_document(CORPUS / "ga-res-62-172-en.txt").document


def propose(
    document: Document, block: Block, old: str, new: str, author: str, status: ProposalStatus
) -> None:
    """Propose replacing the first ``old`` in ``block`` by ``new`` (a deletion when ``new`` is empty)."""
    start = plain_text(block.content).index(old)
    head, rest = split_content(block.content, start)
    middle, tail = split_content(rest, len(old))
    proposal_id = f"p{len(document.proposals) + 1}"
    kind = ProposalKind.REPLACE if new else ProposalKind.DELETE
    block.content = [*head, ProposalSpan(proposal_id, middle, [Text(new)] if new else []), *tail]
    document.proposals[proposal_id] = Proposal(proposal_id, kind, author=author, status=status)


def negotiated() -> Document:
    document = zero_draft()
    ops = document.operative
    propose(document, ops[0], "Commends", "Strongly commends", "EU", ProposalStatus.ACCEPTED)
    propose(document, ops[1], "without delay ", "", "Japan", ProposalStatus.REJECTED)
    propose(document, ops[2], "Urges", "Calls upon", "Mexico", ProposalStatus.PROPOSED)
    propose(document, ops[3], "Requests", "Invites", "Mexico", ProposalStatus.WITHDRAWN)
    propose(document, ops[4], "fair and effective", "effective", "EU", ProposalStatus.AGREED_AD_REF)
    propose(document, ops[5], "Requests", "Also requests", "Japan", ProposalStatus.BRACKETED)
    return document


def operative_texts(document: Document) -> list[str]:
    return [plain_text(b.content) for b in document.operative]


def test_agreed_proposals_go_in_turned_down_ones_out_open_ones_stay():
    document = negotiated()
    before = operative_texts(zero_draft())
    text, applied, dropped, still_open = next_revision_text(document)
    assert (applied, dropped, still_open) == (2, 2, 2)
    after = operative_texts(text)
    assert after[0] == before[0].replace("Commends", "Strongly commends", 1)
    assert after[1] == before[1]
    assert after[3] == before[3]
    assert after[4] == before[4].replace("fair and effective", "effective", 1)
    assert [(p.author, p.status) for p in text.proposals.values()] == [
        ("Mexico", ProposalStatus.PROPOSED),
        ("Japan", ProposalStatus.BRACKETED),
    ]
    assert plain_text(text.operative[2].content, proposals="accepted") == before[2].replace(
        "Urges", "Calls upon", 1
    )
    assert operative_texts(document)[0] == before[0]  # the negotiated text itself is untouched


def test_open_proposals_can_be_written_in_square_brackets():
    before = operative_texts(zero_draft())
    text, *_ = next_revision_text(negotiated(), pending="brackets")
    assert text.proposals == {}
    after = operative_texts(text)
    assert after[2] == before[2].replace("Urges", "[Urges] [Calls upon]", 1)
    assert after[5] == before[5].replace("Requests", "[Requests] [Also requests]", 1)


def test_a_moved_paragraph_is_settled_as_one():
    document = zero_draft()
    moved = document.operative[1]
    content = copy.deepcopy(moved.content)
    moved.content = [ProposalSpan("del", moved.content, [])]
    document.blocks.append(Block("moved-copy", BlockKind.OPERATIVE, [ProposalSpan("ins", [], content)]))
    document.proposals["del"] = Proposal("del", ProposalKind.DELETE, author="EU")
    document.proposals["ins"] = Proposal(
        "ins", ProposalKind.INSERT, author="EU", move_of="del", status=ProposalStatus.ACCEPTED
    )
    text, applied, _dropped, still_open = next_revision_text(document)
    assert (applied, still_open) == (1, 0)
    texts = operative_texts(text)
    assert texts[-1] == plain_text(content)
    assert plain_text(content) not in texts[:-1]


def test_the_revision_is_kept_in_the_file_and_named_after_the_last():
    pf = PenholderFile(negotiated(), [])
    first = make_next_revision(pf, date="2026-12-06")
    assert first.name == "Rev.1"
    assert [r.name for r in pf.revisions] == ["Rev.1 (as negotiated)", "Rev.1"]
    assert pf.document == first.document == pf.revisions[-1].document
    assert operative_texts(first.previous) == operative_texts(zero_draft())
    second = make_next_revision(pf, date="2026-12-07")
    assert second.name == "Rev.2"
    assert [r.name for r in pf.revisions][-1] == "Rev.2"
    assert second.previous == reject_all(first.document)


def test_the_redline_against_the_previous_draft_reads_right_in_libreoffice(tmp_path):
    from tests.uno_redline_helpers import require_uno, run_uno, seen_in_libreoffice, seen_in_model

    require_uno()
    pf = PenholderFile(negotiated(), [])
    made = make_next_revision(pf, pending="brackets", date="2026-12-06")
    path = tmp_path / "rev1-redline.docx"
    path.write_bytes(redline_docx(made.previous, made.document, "Penholder", "2026-12-06T10:00:00Z"))
    accepted, rejected = run_uno([(path, "accept"), (path, "reject")], tmp_path)
    assert seen_in_libreoffice(accepted) == seen_in_model(made.document), seen_in_libreoffice(accepted).diff(
        seen_in_model(made.document)
    )
    assert seen_in_libreoffice(rejected) == seen_in_model(made.previous)
    labels = block_labels(made.document)
    assert labels[made.document.operative[2].id].label == "3."


@pytest.mark.parametrize("name", ["Rev.5", "  "])
def test_a_name_can_be_given(name):
    pf = PenholderFile(negotiated(), [])
    made = make_next_revision(pf, name=name, date="2026-12-06")
    assert made.name == (name.strip() or "Rev.1")


def test_oral_revisions_give_the_text_as_orally_revised_and_are_stored():
    from drafting import storage
    from drafting.next_revision import as_orally_revised

    document = negotiated()
    oral = document.proposals["p3"]
    oral.oral = "45th meeting"
    revised = as_orally_revised(document)
    assert operative_texts(revised)[2] == operative_texts(zero_draft())[2].replace("Urges", "Calls upon", 1)
    assert "p3" not in revised.proposals
    assert set(revised.proposals) == set(document.proposals) - {"p3"}
    again = storage.loads(storage.dumps(storage.PenholderFile(document, []))).document
    assert again.proposals["p3"].oral == "45th meeting"
    assert again.proposals["p1"].oral is None


def test_penholder_revise_writes_rev1_and_its_redline(tmp_path):
    import docx

    from drafting import storage
    from tests.test_cli import one_line_error, penholder

    source = tmp_path / "negotiated.penholder"
    storage.save(PenholderFile(negotiated(), []), source)
    out, redline = tmp_path / "rev1.penholder", tmp_path / "rev1.docx"
    run = penholder("revise", str(source), "-o", str(out), "--pending", "brackets", "--redline", str(redline))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Rev.1: 2 proposals applied, 2 dropped, 2 open (in brackets)"
    saved = storage.load(out)
    assert [r.name for r in saved.revisions] == ["Rev.1 (as negotiated)", "Rev.1"]
    assert "[Urges] [Calls upon]" in operative_texts(saved.document)[2]
    body = docx.Document(str(redline)).element.body
    assert body.findall(".//" + docx.oxml.ns.qn("w:ins"))  # tracked changes against the previous draft
    again = penholder("revise", str(out), "-o", str(tmp_path / "rev2.penholder"))
    assert again.stdout.startswith("Rev.2: ")
    assert "must be a .penholder file" in one_line_error(
        penholder("revise", str(source), "-o", str(tmp_path / "x.docx"))
    )
    assert "--redline must name a .docx" in one_line_error(
        penholder("revise", str(source), "-o", str(out), "--redline", str(tmp_path / "x.pdf"))
    )
