"""Accepting or rejecting one proposal: just that one is settled, the rest of the text is untouched."""

from __future__ import annotations

import copy
import itertools

import pytest

from drafting import storage
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Footnote,
    Mark,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.numbering import block_labels, footnote_numbers
from drafting.proposal_ops import accept_all, accept_proposal, reject_all, reject_proposal
from tests.helpers import load

CICA = "cica-concept-paper-rev1-en-ru-kk.txt"
AREA_5 = "Enhancing cooperation in the field of combating illicit drugs production and trafficking"
ARENA = " in regional and international arena"


@pytest.fixture(scope="module")
def cica() -> Document:
    return load(CICA).document


def item_5(document: Document) -> Block:
    [block] = [b for b in document.blocks if plain_text(b.content).startswith(AREA_5)]
    return block


def others(document: Document, skip: Block) -> list[Block]:
    return [b for b in document.iter_blocks() if b.id != skip.id]


def test_the_cica_text_has_one_proposal_with_its_rationale_right_after_it(cica: Document) -> None:
    [proposal] = cica.proposals.values()
    content = item_5(cica).content
    assert isinstance(content[1], ProposalSpan)
    assert content[2] == NoteRef(proposal.rationale_footnote_id)
    assert list(cica.footnotes) == [proposal.rationale_footnote_id]


def test_accepting_the_cica_deletion(cica: Document) -> None:
    before = copy.deepcopy(cica)
    [proposal_id] = cica.proposals
    accepted = accept_proposal(cica, proposal_id)
    assert cica == before  # the input is not changed
    block = item_5(accepted)
    assert block.id == item_5(cica).id
    assert block.content == [Text(f"{AREA_5}{ARENA};")]  # no space left before the semicolon
    assert "intelligence sharing" not in plain_text(block.content)
    assert accepted.proposals == {}
    assert accepted.footnotes == {}  # the rationale went with the proposal
    assert footnote_numbers(accepted) == {}
    assert others(accepted, block) == others(cica, block)
    assert (accepted.masthead, accepted.front, accepted.kind) == (cica.masthead, cica.front, cica.kind)
    assert block_labels(accepted) == block_labels(cica)
    storage.loads(storage.dumps(storage.PenholderFile(accepted)))  # consistent enough to save


def test_rejecting_the_cica_deletion(cica: Document) -> None:
    before = copy.deepcopy(cica)
    [proposal_id] = cica.proposals
    rejected = reject_proposal(cica, proposal_id)
    assert cica == before
    block = item_5(rejected)
    assert block.content == [Text(f"{AREA_5}{ARENA} through regular intelligence sharing;")]
    assert rejected.proposals == {}
    assert rejected.footnotes == {}
    assert others(rejected, block) == others(cica, block)
    assert rejected.masthead == cica.masthead
    storage.loads(storage.dumps(storage.PenholderFile(rejected)))


def test_settling_the_only_proposal_reads_like_accept_all_or_reject_all(cica: Document) -> None:
    [proposal_id] = cica.proposals
    for one, everything in ((accept_proposal, accept_all), (reject_proposal, reject_all)):
        settled, whole = one(cica, proposal_id), everything(cica)
        assert [plain_text(b.content) for b in settled.iter_blocks()] == [
            plain_text(b.content) for b in whole.iter_blocks()
        ]


def test_unknown_proposal(cica: Document) -> None:
    with pytest.raises(KeyError):
        accept_proposal(cica, "pr-none")
    with pytest.raises(KeyError):
        reject_proposal(cica, "pr-none")


# --- several proposals -----------------------------------------------------------------------


def negotiated() -> Document:
    """One operative paragraph with three proposals, one proposed paragraph, one struck paragraph."""
    italic = frozenset({Mark.ITALIC})
    op1 = Block(
        "op-1",
        BlockKind.OPERATIVE,
        [
            Text("Calls upon", italic),
            ProposalSpan("pr-all", inserted=[Text(" all")]),
            Text(" States"),
            ProposalSpan("pr-urgently", deleted=[Text(" urgently")], inserted=[Text(" promptly")]),
            NoteRef("fn-why"),
            Text(" to ratify the Convention"),
            NoteRef("fn-convention"),
            ProposalSpan("pr-protocol", inserted=[Text(" and its Protocol"), NoteRef("fn-protocol")]),
            Text(";"),
        ],
    )
    op2 = Block("op-2", BlockKind.OPERATIVE, [ProposalSpan("pr-new", inserted=[Text("Decides to act;")])])
    op3 = Block(
        "op-3", BlockKind.OPERATIVE, [ProposalSpan("pr-strike", deleted=[Text("Requests a report;")])]
    )
    op4 = Block("op-4", BlockKind.OPERATIVE, [Text("Decides to remain seized of the matter.")])
    return Document(
        blocks=[op1, op2, op3, op4],
        footnotes={
            "fn-why": Footnote("fn-why", [Text("Stronger language (EU).")]),
            "fn-convention": Footnote("fn-convention", [Text("United Nations, Treaty Series, vol. 1.")]),
            "fn-protocol": Footnote("fn-protocol", [Text("Ibid., vol. 2.")]),
        },
        proposals={
            "pr-all": Proposal("pr-all", ProposalKind.INSERT, author="Mexico"),
            "pr-urgently": Proposal(
                "pr-urgently", ProposalKind.REPLACE, author="EU", rationale_footnote_id="fn-why"
            ),
            "pr-protocol": Proposal("pr-protocol", ProposalKind.INSERT),
            "pr-new": Proposal("pr-new", ProposalKind.INSERT),
            "pr-strike": Proposal("pr-strike", ProposalKind.DELETE),
        },
    )


def test_only_the_chosen_proposal_is_settled() -> None:
    document = negotiated()
    accepted = accept_proposal(document, "pr-all")
    assert list(accepted.proposals) == ["pr-urgently", "pr-protocol", "pr-new", "pr-strike"]
    op1 = accepted.blocks[0]
    assert op1.content[:2] == [Text("Calls upon", frozenset({Mark.ITALIC})), Text(" all States")]
    assert op1.content[2:] == document.blocks[0].content[3:]
    assert accepted.blocks[1:] == document.blocks[1:]
    assert accepted.footnotes == document.footnotes
    rejected = reject_proposal(document, "pr-all")
    assert rejected.blocks[0].content[1] == Text(" States")


@pytest.mark.parametrize(
    ("settle", "expected"),
    [
        (accept_proposal, "Calls upon States promptly to ratify"),
        (reject_proposal, "Calls upon States urgently to ratify"),
    ],
)
def test_a_replacement_and_its_rationale(settle, expected: str) -> None:
    document = negotiated()
    settled = settle(document, "pr-urgently")
    assert plain_text(settled.blocks[0].content).startswith(expected)
    assert "fn-why" not in settled.footnotes
    assert NoteRef("fn-why") not in settled.blocks[0].content
    assert list(settled.footnotes) == ["fn-convention", "fn-protocol"]
    assert footnote_numbers(settled) == {"fn-convention": 1, "fn-protocol": 2}


def test_a_rationale_cited_elsewhere_stays() -> None:
    document = negotiated()
    document.blocks[3].content.append(NoteRef("fn-why"))
    settled = accept_proposal(document, "pr-urgently")
    assert settled.footnotes["fn-why"] == document.footnotes["fn-why"]
    assert NoteRef("fn-why") in settled.blocks[0].content
    assert settled.blocks[3] == document.blocks[3]


def test_a_rationale_shared_with_another_proposal_stays() -> None:
    document = negotiated()
    document.proposals["pr-all"].rationale_footnote_id = "fn-why"
    settled = reject_proposal(document, "pr-urgently")
    assert "fn-why" in settled.footnotes
    assert settled.proposals["pr-all"].rationale_footnote_id == "fn-why"


def test_a_rationale_inside_the_span_goes() -> None:
    document = negotiated()
    span = document.blocks[0].content[3]
    span.inserted.append(NoteRef("fn-why"))
    del document.blocks[0].content[4]
    accepted = accept_proposal(document, "pr-urgently")
    assert "fn-why" not in accepted.footnotes
    assert plain_text(accepted.blocks[0].content).startswith("Calls upon States promptly to ratify")


def test_a_footnote_cited_only_by_dropped_text_goes() -> None:
    document = negotiated()
    rejected = reject_proposal(document, "pr-protocol")
    assert "fn-protocol" not in rejected.footnotes
    assert plain_text(rejected.blocks[0].content).endswith("the Convention;")
    accepted = accept_proposal(document, "pr-protocol")
    assert accepted.footnotes == document.footnotes
    assert accepted.blocks[0].content[-3:] == [Text(" and its Protocol"), NoteRef("fn-protocol"), Text(";")]


def test_whole_paragraphs_proposed_or_struck() -> None:
    document = negotiated()
    assert [b.id for b in reject_proposal(document, "pr-new").blocks] == ["op-1", "op-3", "op-4"]
    assert plain_text(accept_proposal(document, "pr-new").blocks[1].content) == "Decides to act;"
    assert [b.id for b in accept_proposal(document, "pr-strike").blocks] == ["op-1", "op-2", "op-4"]
    assert plain_text(reject_proposal(document, "pr-strike").blocks[2].content) == "Requests a report;"


def test_a_struck_subparagraph_goes_and_its_parent_stays() -> None:
    document = negotiated()
    document.blocks[3].children = [
        Block("sub-a", BlockKind.SUBPARAGRAPH, [ProposalSpan("pr-strike", deleted=[Text("to report;")])])
    ]
    document.blocks[2].content = [Text("Requests a report;")]
    accepted = accept_proposal(document, "pr-strike")
    assert accepted.blocks[3].children == []
    assert accepted.blocks[3].content == document.blocks[3].content


def test_a_proposal_nested_in_dropped_text_goes_with_it() -> None:
    document = negotiated()
    document.blocks[1].content[0].inserted.append(ProposalSpan("pr-all", inserted=[Text(" now")]))
    del document.blocks[0].content[1]
    rejected = reject_proposal(document, "pr-new")
    assert "pr-all" not in rejected.proposals
    accepted = accept_proposal(document, "pr-new")
    assert "pr-all" in accepted.proposals
    assert accepted.blocks[1].content[-1] == ProposalSpan("pr-all", inserted=[Text(" now")])
    storage.loads(storage.dumps(storage.PenholderFile(rejected)))


@pytest.mark.parametrize(
    "order", list(itertools.permutations(["pr-all", "pr-protocol", "pr-new", "pr-strike"]))
)
def test_one_by_one_in_any_order_equals_all_at_once(order: tuple[str, ...]) -> None:
    document = negotiated()
    del document.proposals["pr-urgently"]
    document.blocks[0].content[3:5] = [Text(" urgently")]
    del document.footnotes["fn-why"]
    for settle, everything in ((accept_proposal, accept_all), (reject_proposal, reject_all)):
        result = document
        for proposal_id in order:
            result = settle(result, proposal_id)
        whole = everything(document)
        # accept_all / reject_all keep footnotes nothing cites any more; one by one they go.
        cited = {n.footnote_id for b in whole.iter_blocks() for n in b.content if isinstance(n, NoteRef)}
        assert set(result.footnotes) == cited
        whole.footnotes = {k: v for k, v in whole.footnotes.items() if k in cited}
        assert result == whole
