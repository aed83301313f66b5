"""What the negotiation workflow adds to the model: alternative paragraphs ("OP 5 alt"), paragraphs
agreed ad ref, the "bracketed" status and moves as linked proposals; stored, labelled, refused
when they point at nothing."""

from __future__ import annotations

import json

import pytest

from drafting import storage
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
)
from drafting.numbering import block_labels


def op(block_id: str, text: str, **kwargs) -> Block:
    return Block(block_id, BlockKind.OPERATIVE, [Text(text)], **kwargs)


def negotiated() -> Document:
    return Document(
        blocks=[
            Block("pp", BlockKind.PREAMBULAR, [Text("Recalling its resolution 66/1,")]),
            op("a", "Decides to act;", agreed_ad_ref=True),
            op("b", "Urges States to act;"),
            op("b-alt", "Calls upon States to act;", alternative_to="b"),
            op("b-alt2", "Invites States to act;", alternative_to="b"),
            op("c", "Requests a report:", children=[Block("c1", BlockKind.SUBPARAGRAPH, [Text("on x.")])]),
            Block("d", BlockKind.OPERATIVE, [ProposalSpan("p2", [], [Text("Decides to remain seized.")])]),
            Block("e", BlockKind.OPERATIVE, [ProposalSpan("p1", [Text("Decides to remain seized.")], [])]),
        ],
        proposals={
            "p1": Proposal("p1", ProposalKind.DELETE, author="EU", status=ProposalStatus.BRACKETED),
            "p2": Proposal("p2", ProposalKind.INSERT, author="EU", move_of="p1"),
        },
    )


def test_alternatives_take_no_number_and_are_called_alt():
    labels = block_labels(negotiated())
    assert [
        (labels[i].label, labels[i].reference) for i in ("a", "b", "b-alt", "b-alt2", "c", "c1", "d")
    ] == [
        ("1.", "OP 1"),
        ("2.", "OP 2"),
        ("2 alt.", "OP 2 alt"),
        ("2 alt 2.", "OP 2 alt 2"),
        ("3.", "OP 3"),
        ("(a)", "OP 3 (a)"),
        ("3 bis.", "OP 3 bis"),  # the new place of a paragraph proposed to move (see below)
    ]


def test_the_new_fields_are_stored_and_read_back():
    document = negotiated()
    again = storage.loads(storage.dumps(storage.PenholderFile(document, []))).document
    assert again == document
    blocks = json.loads(storage.dumps(storage.PenholderFile(document, [])))["document"]["blocks"]
    assert "alternative_to" not in blocks[0]  # written only where set: older files look the same
    assert "agreed_ad_ref" not in blocks[0]


def test_an_old_file_without_the_new_fields_reads_as_before():
    document = negotiated()
    data = json.loads(storage.dumps(storage.PenholderFile(document, [])))
    for block in data["document"]["blocks"]:
        block.pop("alternative_to", None)
        block.pop("agreed_ad_ref", None)
    again = storage.loads(json.dumps(data)).document
    assert all(b.alternative_to is None and not b.agreed_ad_ref for b in again.iter_blocks())


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("blocks", 3, "alternative_to"), "nowhere", "alternative to a missing paragraph"),
        (("proposals", 1, "move_of"), "nowhere", "move_of refers to a missing proposal"),
        (("blocks", 1, "agreed_ad_ref"), "yes", "agreed_ad_ref"),
    ],
)
def test_dangling_or_malformed_fields_are_refused_in_one_line(path, value, message):
    data = json.loads(storage.dumps(storage.PenholderFile(negotiated(), [])))
    data["document"][path[0]][path[1]][path[2]] = value
    with pytest.raises(storage.StorageError, match=message):
        storage.loads(json.dumps(data))


def test_word_export_types_alt_labels_and_numbers_the_rest_automatically(tmp_path):
    import docx

    from drafting.exporters.docx_export import export_docx

    target = tmp_path / "negotiated.docx"
    result = export_docx(negotiated())
    assert result.warnings == []  # automatic numbering kept for the numbered paragraphs
    target.write_bytes(result.data)
    paragraphs = {p.text.split("\t")[-1].strip(): p for p in docx.Document(str(target)).paragraphs}

    def numbered(text: str) -> bool:
        ppr = paragraphs[text]._p.pPr
        return ppr is not None and ppr.numPr is not None

    assert numbered("Urges States to act;")  # Word numbers it: 2.
    assert not numbered("Calls upon States to act;")
    assert paragraphs["Calls upon States to act;"].text.startswith("2 alt.\t")
    assert paragraphs["Invites States to act;"].text.startswith("2 alt 2.\t")
    assert numbered("Requests a report:")
    assert "Decides to act; (agreed ad ref)" in paragraphs


def test_the_agreed_tag_survives_text_export_and_import(tmp_path):
    from drafting.exporters.text_export import export_text
    from drafting.importers import load_document

    source = load_document_text()
    source.blocks[3].agreed_ad_ref = True
    path = tmp_path / "agreed.txt"
    path.write_text(export_text(source), encoding="utf-8")
    again = load_document(path).document
    assert [b.agreed_ad_ref for b in again.blocks] == [b.agreed_ad_ref for b in source.blocks]
    assert [b.content for b in again.blocks] == [b.content for b in source.blocks]


def load_document_text():
    from pathlib import Path

    from drafting.importers import load_document

    return load_document(Path(__file__).parent / "corpus" / "ga-res-62-172-en.txt").document


def test_a_deletion_ending_in_a_space_keeps_its_author_through_text(tmp_path):
    from drafting.exporters.text_export import export_text
    from drafting.importers import load_document
    from drafting.inline_ops import split_content
    from drafting.model import plain_text

    document = load_document_text()
    block = document.operative[1]
    start = plain_text(block.content).index("without delay ")
    head, rest = split_content(block.content, start)
    middle, tail = split_content(rest, len("without delay "))
    block.content = [*head, ProposalSpan("p1", middle, []), *tail]
    document.proposals["p1"] = Proposal("p1", ProposalKind.DELETE, author="Japan")
    path = tmp_path / "proposal.txt"
    path.write_text(export_text(document), encoding="utf-8")
    again = load_document(path).document
    assert [(p.kind, p.author) for p in again.proposals.values()] == [(ProposalKind.DELETE, "Japan")]
    assert plain_text(again.operative[1].content) == plain_text(block.content)


@pytest.mark.parametrize("form", ["docx", "txt"])
def test_alternatives_come_back_from_word_and_text_exports(tmp_path, form):
    from drafting.exporters.docx_export import export_docx
    from drafting.exporters.text_export import export_text
    from drafting.importers import load_document
    from drafting.model import plain_text

    document = load_document_text()
    target = document.operative[2]
    alternative = Block(
        "alt", BlockKind.OPERATIVE, [Text("Calls upon Member States to act;")], alternative_to=target.id
    )
    document.blocks.insert(document.blocks.index(target) + 1, alternative)
    path = tmp_path / f"alternatives.{form}"
    if form == "docx":
        path.write_bytes(export_docx(document).data)
    else:
        path.write_text(export_text(document), encoding="utf-8")
    again = load_document(path).document
    alternatives = [b for b in again.blocks if b.alternative_to is not None]
    assert [plain_text(b.content) for b in alternatives] == ["Calls upon Member States to act;"]
    assert again.block(alternatives[0].alternative_to).content == target.content
    assert len(again.operative) == len(document.operative)
    labels = block_labels(again)
    assert labels[alternatives[0].id].reference == "OP 3 alt"


def test_alt_labels_survive_a_paragraph_deleted_in_full_beside_them():
    import io
    import zipfile

    from drafting.exporters.docx_export import export_docx

    document = negotiated()  # OP "e" is deleted in full: its labels are worked out without it
    data = export_docx(document).data
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "<w:t>2 alt.</w:t><w:tab/>" in xml
    assert "<w:t>2 alt 2.</w:t><w:tab/>" in xml


@pytest.mark.parametrize("proposals", ["markup", "tracked"])
def test_word_exports_of_the_negotiation_model_are_schema_valid(proposals):
    """Undated moves too: a move's range marks need a date, so an undated move is written as
    the deletion and insertion it also is."""
    from drafting.exporters import DocxOptions
    from drafting.exporters.docx_export import export_docx
    from tests.test_docx_schema import violations

    problems, parts = violations(
        "negotiated", export_docx(negotiated(), DocxOptions(proposals=proposals)).data
    )
    assert parts > 10
    assert problems == []


def _with_new_paragraphs():
    """A. RES 62/172 with two operative paragraphs proposed after OP 2, one before OP 1, a
    preambular one after PP 1, and OP 5 proposed to move above OP 2."""
    from drafting.edits import InsertParagraph, MoveParagraph, Place

    document = load_document_text()
    ops, pps = document.operative, document.preambular
    InsertParagraph(BlockKind.OPERATIVE, (Text("Welcomes the report;"),), Place.after(ops[1].id)).record(
        document, "Japan", "2026-12-01"
    )
    InsertParagraph(BlockKind.OPERATIVE, (Text("Notes the work;"),), Place.after(ops[1].id)).record(
        document, "EU", "2026-12-01"
    )
    InsertParagraph(BlockKind.OPERATIVE, (Text("Affirms its support;"),), Place.before(ops[0].id)).record(
        document, "EU", "2026-12-01"
    )
    InsertParagraph(BlockKind.PREAMBULAR, (Text("Noting the report,"),), Place.after(pps[0].id)).record(
        document, "Japan", "2026-12-01"
    )
    MoveParagraph(ops[4].id, Place.before(ops[1].id)).record(document, "Mexico", "2026-12-01")
    return document


def _references(document, blocks, **options):
    from drafting.model import plain_text

    labels = block_labels(document, **options)
    return [(labels[b.id].reference, plain_text(b.content, proposals="both")[:18]) for b in blocks]


def test_paragraphs_proposed_in_full_are_bis_and_ter_until_adopted():
    from drafting.proposal_ops import accept_all

    document = _with_new_paragraphs()
    ops = [b for b in document.blocks if b.kind is BlockKind.OPERATIVE]
    assert _references(document, ops[:9]) == [
        ("OP 0 bis", "Affirms its suppor"),
        ("OP 1", "Commends the Unite"),
        ("OP 1 bis", "Recognizes the imp"),  # the new place of OP 5, proposed to move
        ("OP 2", "Urges Member State"),
        ("OP 2 bis", "Notes the work;"),
        ("OP 2 ter", "Welcomes the repor"),
        ("OP 3", "Urges Member State"),
        ("OP 4", "Requests the Unite"),
        ("OP 5", "Recognizes the imp"),  # where it was: struck, and still OP 5
    ]
    labels = block_labels(document)
    assert [labels[b.id].label for b in ops[:3]] == ["0 bis.", "1.", "1 bis."]
    assert _references(document, document.preambular[:3])[1] == ("PP 1 bis", "Noting the report,")
    # Word numbers a tracked insertion as if adopted, and so does provisional=False
    assert [r for r, _ in _references(document, ops[:5], provisional=False)] == [
        "OP 1",
        "OP 2",
        "OP 3",
        "OP 4",
        "OP 5",
    ]
    adopted = accept_all(document)
    assert [r for r, _ in _references(adopted, adopted.operative[:6])] == [f"OP {n}" for n in range(1, 7)]


@pytest.mark.parametrize(
    ("count", "name"), [(1, "bis"), (2, "ter"), (3, "quater"), (10, "undecies"), (21, "vicies 3")]
)
def test_latin_ordinals(count, name):
    from drafting.numbering import latin_ordinal

    assert latin_ordinal(count) == name


@pytest.mark.parametrize("form", ["docx", "txt"])
def test_bis_paragraphs_come_back_from_word_and_text_exports(tmp_path, form):
    from drafting.exporters.docx_export import export_docx
    from drafting.exporters.text_export import export_text
    from drafting.importers import load_document

    document = _with_new_paragraphs()
    path = tmp_path / f"bis.{form}"
    if form == "docx":
        path.write_bytes(export_docx(document).data)
    else:
        path.write_text(export_text(document), encoding="utf-8")
    again = load_document(path).document
    assert _references(again, again.operative) == _references(document, document.operative)
    assert sorted(p.author for p in again.proposals.values()) == sorted(
        p.author for p in document.proposals.values()
    )


def test_a_typed_bis_label_makes_the_paragraph_a_proposal_in_full(tmp_path):
    from drafting.importers import load_document
    from drafting.model import plain_text
    from drafting.numbering import proposed_in_full

    path = tmp_path / "compilation.txt"
    path.write_text(
        "The General Assembly,\n\nRecalling its resolution 66/1,\n\n1. Decides to act;\n\n"
        "1 bis. Welcomes the report;\n\nOP1ter Notes the work;\n\n2. Requests a report.\n",
        encoding="utf-8",
    )
    document = load_document(path).document
    assert _references(document, document.operative) == [
        ("OP 1", "Decides to act;"),
        ("OP 1 bis", "Welcomes the repor"),
        ("OP 1 ter", "Notes the work;"),
        ("OP 2", "Requests a report."),
    ]
    new = document.operative[1:3]
    assert all(proposed_in_full(b) for b in new)
    assert [document.proposals[b.content[0].proposal_id].author for b in new] == [None, None]
    assert plain_text(document.operative[1].content, proposals="accepted") == "Welcomes the report;"


def test_word_export_types_bis_labels_in_markup_and_numbers_them_when_tracked(tmp_path):
    import docx

    from drafting.exporters import DocxOptions
    from drafting.exporters.docx_export import export_docx

    document = _with_new_paragraphs()
    for proposals, typed in (("markup", True), ("tracked", False)):
        target = tmp_path / f"{proposals}.docx"
        result = export_docx(document, DocxOptions(proposals=proposals))
        assert result.warnings == []
        target.write_bytes(result.data)
        # the words of a tracked insertion are not in python-docx's paragraph.text: read them all
        paragraphs = [p for p in docx.Document(str(target)).paragraphs if "Notes the work;" in _all_text(p)]
        assert len(paragraphs) == 1
        ppr = paragraphs[0]._p.pPr
        assert _all_text(paragraphs[0]).startswith("2 bis.\t") is typed
        assert (ppr is not None and ppr.numPr is not None) is not typed


def _all_text(paragraph) -> str:
    from drafting.ooxml import w

    return "".join(
        "\t" if node.tag == w("tab") else node.text or "" for node in paragraph._p.iter(w("t"), w("tab"))
    )
