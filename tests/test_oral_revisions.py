"""Oral revisions without the window: the Proposals panel's rows name them, and
``penholder revise --orally-revised`` writes the text as orally revised (a real subprocess)."""

from __future__ import annotations

from drafting import storage
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.next_revision import oral_revisions, oral_summary
from drafting.numbering import block_labels, footnote_numbers
from drafting.proposal_status import proposal_rows
from tests.test_cli import one_line_error, penholder

MEETING = "52nd plenary meeting"
OP = BlockKind.OPERATIVE


def adopted_draft(*, oral: bool = True) -> Document:
    """Two operative paragraphs: an oral revision read out by the sponsor (an insertion in OP 1)
    and Japan's written replacement in OP 2, still pending."""
    blocks = [
        Block(
            "op1",
            OP,
            [
                Text("Decides to convene a high-level meeting"),
                ProposalSpan("p-oral", [], [Text(" in 2027")]),
                Text(";"),
            ],
        ),
        Block("op2", OP, [Text("Requests "), ProposalSpan("p-jp", [Text("a report")], [Text("an update")])]),
    ]
    proposals = {
        "p-oral": Proposal("p-oral", ProposalKind.INSERT, author="Mexico", oral=MEETING if oral else None),
        "p-jp": Proposal("p-jp", ProposalKind.REPLACE, author="Japan"),
    }
    return Document(kind=DocumentKind.DRAFT_RESOLUTION, blocks=blocks, proposals=proposals)


def rows_of(document: Document):
    return {
        row.proposal_id: row
        for row in proposal_rows(document, block_labels(document), footnote_numbers(document))
    }


# -- the Proposals panel's rows ------------------------------------------------------------------------


def test_an_oral_revision_row_names_its_kind_as_oral_and_its_meeting():
    rows = rows_of(adopted_draft())
    assert rows["p-oral"].kind == "insertion"
    assert rows["p-oral"].kind_label == "insertion (oral)"
    assert rows["p-oral"].oral == MEETING
    assert rows["p-jp"].kind_label == "replacement"
    assert rows["p-jp"].oral is None


def test_an_oral_move_is_one_row_and_one_oral_revision():
    document = adopted_draft()
    document.blocks.append(Block("op3", OP, [ProposalSpan("p-del", [Text("Decides to remain seized;")])]))
    document.blocks.insert(
        0, Block("op0", OP, [ProposalSpan("p-ins", [], [Text("Decides to remain seized;")])])
    )
    document.proposals["p-del"] = Proposal("p-del", ProposalKind.DELETE, oral=MEETING)
    document.proposals["p-ins"] = Proposal("p-ins", ProposalKind.INSERT, move_of="p-del", oral=MEETING)
    rows = rows_of(document)
    assert rows["p-ins"].ids == ("p-ins", "p-del")
    assert rows["p-ins"].kind_label == "move (oral)"
    assert [p.id for p in oral_revisions(document)] == ["p-oral", "p-ins"]
    assert oral_summary(document) == f"2 oral revisions applied ({MEETING})"


def test_the_summary_names_every_meeting_once_and_none_without_oral_revisions():
    document = adopted_draft()
    assert oral_summary(document) == f"1 oral revision applied ({MEETING})"
    document.proposals["p-jp"].oral = "53rd plenary meeting"
    assert oral_summary(document) == f"2 oral revisions applied ({MEETING}; 53rd plenary meeting)"
    assert oral_summary(adopted_draft(oral=False)) is None


# -- penholder revise --orally-revised --------------------------------------------------------------


def test_penholder_revise_orally_revised_applies_the_oral_revision_and_keeps_the_others(tmp_path):
    import docx

    source = tmp_path / "adopted.penholder"
    storage.save(storage.PenholderFile(adopted_draft(), []), source)
    out, redline = tmp_path / "as-orally-revised.penholder", tmp_path / "oral.docx"
    run = penholder("revise", str(source), "-o", str(out), "--orally-revised", "--redline", str(redline))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"as orally revised: 1 oral revision applied ({MEETING})"
    saved = storage.load(out)
    assert saved.revisions == []  # no Rev.N made
    assert (
        plain_text(saved.document.block("op1").content) == "Decides to convene a high-level meeting in 2027;"
    )
    assert set(saved.document.proposals) == {"p-jp"}  # the written proposal still a proposal
    assert saved.document.block("op2").content == adopted_draft().block("op2").content
    ins = docx.Document(str(redline)).element.body.findall(".//" + docx.oxml.ns.qn("w:ins"))
    assert ["".join(t.text for t in i.iter(docx.oxml.ns.qn("w:t"))) for i in ins] == [" in 2027"]
    assert storage.load(source).document == adopted_draft()  # SRC untouched


def test_penholder_revise_orally_revised_without_oral_revisions_is_a_usage_error(tmp_path):
    source = tmp_path / "draft.penholder"
    storage.save(storage.PenholderFile(adopted_draft(oral=False), []), source)
    out = tmp_path / "out.penholder"
    error = one_line_error(penholder("revise", str(source), "-o", str(out), "--orally-revised"))
    assert "has no oral revisions" in error
    assert not out.exists()
    mixed = penholder("revise", str(source), "-o", str(out), "--orally-revised", "--name", "Rev.2")
    assert "--orally-revised makes no revision" in one_line_error(mixed)
    assert "must be a .penholder file" in one_line_error(
        penholder("revise", str(source), "-o", str(tmp_path / "x.docx"), "--orally-revised")
    )


def test_revise_help_describes_orally_revised():
    run = penholder("revise", "--help")
    assert run.returncode == 0
    assert "--orally-revised" in run.stdout
    assert "as orally revised" in run.stdout


def test_an_oral_revision_rejected_from_the_floor_is_not_applied():
    from drafting.model import ProposalStatus, plain_text
    from drafting.next_revision import as_orally_revised, oral_summary

    document = adopted_draft()
    document.proposals["p-oral"].status = ProposalStatus.REJECTED
    assert oral_summary(document) is None
    revised = as_orally_revised(document)
    assert plain_text(revised.block("op1").content) == "Decides to convene a high-level meeting;"
