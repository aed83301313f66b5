"""Importing DOCX files shaped the way Word writes them: automatic numbering, moves,
formatting changes, changes inside footnotes, simple fields, tables and content controls."""

from __future__ import annotations

from pathlib import Path

from app.cli import format_outline
from drafting.importers.docx_import import import_docx_file
from drafting.model import BlockKind, DocumentKind, Mark, ProposalKind, ProposalSpan, Text, plain_text
from drafting.numbering import block_labels, footnote_numbers
from drafting.outline import outline
from drafting.proposal_ops import accept_all, reject_all
from tests.docx_builder import build_docx, footnote, note_ref, p, r

NUMBERING = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
)
ITALIC = "<w:i/>"


def resolution(*operative: str, preamble: str = "", footnotes: str = "", styles: str = "") -> bytes:
    body = (
        p(r("The General Assembly,"))
        + (preamble or p(r("Recalling", ITALIC), r(" its resolution 66/183,")))
        + "".join(operative)
    )
    return build_docx(body, footnotes=footnotes, numbering=NUMBERING, styles=styles)


def test_word_automatic_numbering_gives_operative_paragraphs_and_subparagraphs():
    data = resolution(
        p(r("Decides", ITALIC), r(" that:"), num=(3, 0)),
        p(r("First;"), num=(3, 1)),
        p(r("Point one;"), num=(3, 2)),
        p(r("Second;"), num=(3, 1)),
        p(r("Requests", ITALIC), r(" a report."), num=(3, 0)),
    )
    doc = import_docx_file(data).document
    assert doc.kind is DocumentKind.RESOLUTION
    assert len(doc.preambular) == 1
    assert [plain_text(b.content) for b in doc.operative] == ["Decides that:", "Requests a report."]
    labels = block_labels(doc)
    assert [labels[c.id].label for c in doc.operative[0].children] == ["(a)", "(b)"]
    assert labels[doc.operative[0].children[0].children[0].id].reference == "OP 1 (a) (i)"


def test_numbering_from_the_paragraph_style():
    styles = (
        '<w:style w:type="paragraph" w:styleId="OpPara"><w:name w:val="Operative"/>'
        '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    )
    data = resolution(
        p(r("Decides", ITALIC), r(" one;"), style="OpPara"),
        p(r("Decides two."), style="OpPara"),
        styles=styles,
    )
    doc = import_docx_file(data).document
    assert len(doc.operative) == 2


def test_move_from_and_move_to_are_proposals():
    body = (
        '<w:moveFrom w:id="1" w:author="European Union" w:date="2026-05-01T10:00:00Z">'
        + r(" urgently", tag="delText")
        + "</w:moveFrom>"
        + r(" to act")
        + '<w:moveTo w:id="2" w:author="European Union" w:date="2026-05-01T10:00:00Z">'
        + r(" urgently")
        + "</w:moveTo>"
    )
    data = resolution(f"<w:p>{r('1.	Calls upon')}{r(' States')}{body}{r(';')}</w:p>")
    doc = import_docx_file(data).document
    kinds = sorted(p.kind for p in doc.proposals.values())
    assert kinds == [ProposalKind.DELETE, ProposalKind.INSERT]
    assert {p.author for p in doc.proposals.values()} == {"European Union"}
    assert plain_text(accept_all(doc).operative[0].content) == "Calls upon States to act urgently;"
    assert plain_text(reject_all(doc).operative[0].content) == "Calls upon States urgently to act;"


def test_formatting_change_is_a_proposal_of_the_same_text():
    run = (
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="Japan" w:date="2026-01-01T00:00:00Z"><w:rPr/>'
        "</w:rPrChange></w:rPr><w:t>all</w:t></w:r>"
    )
    data = resolution(f"<w:p>{r('1.	Urges')}{r(' ')}{run}{r(' States;')}</w:p>")
    doc = import_docx_file(data).document
    (proposal,) = doc.proposals.values()
    assert (proposal.kind, proposal.author) == (ProposalKind.REPLACE, "Japan")
    span = next(n for n in doc.operative[0].content if isinstance(n, ProposalSpan))
    assert span.deleted == [Text("all")]
    assert span.inserted == [Text("all", frozenset({Mark.BOLD}))]


def test_tracked_change_inside_a_footnote():
    fn = footnote(
        1,
        r(" Resolution"),
        '<w:del w:id="9" w:author="Mexico" w:date="2026-02-02T00:00:00Z">'
        + r(" 66/183", tag="delText")
        + "</w:del>",
        '<w:ins w:id="10" w:author="Mexico" w:date="2026-02-02T00:00:00Z">' + r(" 67/193") + "</w:ins>",
        r("."),
    )
    preamble = p(r("Recalling", ITALIC), r(" its resolution,"), note_ref(1))
    doc = import_docx_file(resolution(p(r("1.	Decides.")), preamble=preamble, footnotes=fn)).document
    (proposal,) = doc.proposals.values()
    assert (proposal.kind, proposal.author) == (ProposalKind.REPLACE, "Mexico")
    (note,) = doc.footnotes.values()
    assert plain_text(note.content) == "Resolution 66/183."
    assert plain_text(note.content, proposals="accepted") == "Resolution 67/193."


def test_simple_noteref_field_and_bare_superscript_repeat():
    fns = footnote(1, r(" Resolution 60/288.")) + footnote(2, r(" Resolution 54/132."))
    preamble = (
        p(
            r("Recalling", ITALIC),
            r(" the Strategy,"),
            '<w:bookmarkStart w:id="0" w:name="_Ref123"/>',
            note_ref(1),
            '<w:bookmarkEnd w:id="0"/>',
            r(" and the Plan,"),
            note_ref(2),
        )
        + p(
            r("Recalling also", ITALIC),
            r(" the Strategy,"),
            '<w:fldSimple w:instr=" NOTEREF _Ref123 \\f \\h "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
        )
        + p(r("Noting", ITALIC), r(" the Plan,"), r("2", '<w:vertAlign w:val="superscript"/>'))
    )
    doc = import_docx_file(resolution(p(r("1.	Decides.")), preamble=preamble, footnotes=fns)).document
    numbers = footnote_numbers(doc)
    refs = [[numbers[n.footnote_id] for n in b.content if hasattr(n, "footnote_id")] for b in doc.preambular]
    assert refs == [[1, 2], [1], [2]]


def test_libreoffice_style_ids_and_separators_by_type():
    fns = (
        '<w:footnote w:id="2"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteCharacters"/></w:rPr><w:footnoteRef/>'
        "</w:r>" + r(" Resolution 55/2.") + "</w:p></w:footnote>"
    )
    data = build_docx(
        p(r("The General Assembly,"))
        + p(r("Recalling the Declaration,"), note_ref(2, "FootnoteAnchor"))
        + p(r("1. Decides.")),
        footnotes=fns,
        footnote_style_ids=("Footnote", "FootnoteAnchor"),
    )
    doc = import_docx_file(data).document
    (note,) = doc.footnotes.values()
    assert plain_text(note.content) == "Resolution 55/2."
    assert footnote_numbers(doc)[note.id] == 1


def test_masthead_in_a_table_and_content_controls():
    table = (
        "<w:tbl><w:tr><w:tc>"
        + p(r("General Assembly"))
        + "</w:tc><w:tc>"
        + p(r("A/78/L.12"))
        + "</w:tc></w:tr>"
        "</w:tbl>"
    )
    control = "<w:sdt><w:sdtContent>" + p(r("Distr.: Limited")) + "</w:sdtContent></w:sdt>"
    hyperlink = '<w:hyperlink w:anchor="x">' + r(" resolution 70/1,") + "</w:hyperlink>"
    body = (
        table
        + control
        + p(r("The General Assembly,"))
        + f"<w:p>{r('Recalling')}{hyperlink}</w:p>"
        + p(r("1. Decides."))
    )
    doc = import_docx_file(build_docx(body)).document
    assert doc.masthead.symbol == "A/78/L.12"
    assert doc.masthead.distribution == "Limited"
    assert doc.kind is DocumentKind.DRAFT_RESOLUTION
    assert plain_text(doc.preambular[0].content) == "Recalling resolution 70/1,"


def test_heading_style_without_numeral():
    styles = '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
    body = (
        p(r("The General Assembly,"))
        + p(r("Recalling x,"))
        + p(r("1. Decides."))
        + p(r("Follow-up"), style="H1")
    )
    doc = import_docx_file(build_docx(body, styles=styles)).document
    heading = doc.blocks[-1]
    assert (heading.kind, heading.numbered, plain_text(heading.content)) == (
        BlockKind.HEADING,
        False,
        "Follow-up",
    )


LIBREOFFICE_FOOTNOTE_CHANGES = Path(__file__).parent / "fixtures" / "libreoffice-footnote-changes.docx"
"""A/RES/67/193 with three footnotes edited in LibreOffice 7.4 with change recording on
(``fixtures/make_libreoffice_footnote_changes.py``)."""


def test_libreoffice_tracked_changes_inside_footnotes_are_proposals_there():
    """Issue 12, point 9: they were listed as "replace '' in None", with empty texts."""
    result = import_docx_file(LIBREOFFICE_FOOTNOTE_CHANGES.read_bytes(), LIBREOFFICE_FOOTNOTE_CHANGES.name)
    doc = result.document
    numbers = footnote_numbers(doc)
    notes = {numbers[f.id]: f for f in doc.footnotes.values()}
    assert len(notes) == 25
    assert [plain_text(notes[n].content, proposals="accepted") for n in (1, 2, 3)] == [
        "Resolution S-20/2, annex. (as amended)",
        "Resolution S-20/3.",
        "Resolution S-20/5 E.",
    ]
    assert [plain_text(notes[n].content) for n in (1, 2, 3)] == [
        "Resolution S-20/2, annex.",
        "Resolution S-20/3, annex.",
        "Resolution S-20/4 E.",
    ]
    data = outline(doc, result.report)
    listed = [
        (p["kind"], p["deleted"], p["inserted"], p["block_reference"], p["footnote"]["number"], p["author"])
        for p in data["proposals"]
    ]
    assert listed == [
        ("insert", "", " (as amended)", "footnote 1", 1, "Unknown Author"),
        ("delete", ", annex", "", "footnote 2", 2, "Unknown Author"),
        ("replace", "S-20/4", "S-20/5", "footnote 3", 3, "Unknown Author"),
    ]
    assert all(doc.proposals[p["id"]].date == "2026-12-04T17:36:17Z" for p in data["proposals"])
    assert result.report.warnings == []
    text = format_outline(data)
    assert "proposal: replace 'S-20/4' in footnote 3 by Unknown Author" in text
    assert "in None" not in text
    accepted, rejected = accept_all(doc), reject_all(doc)
    assert plain_text(footnote_by_number(accepted, 1).content) == "Resolution S-20/2, annex. (as amended)"
    assert plain_text(footnote_by_number(rejected, 3).content) == "Resolution S-20/4 E."


def footnote_by_number(document, number):
    numbers = footnote_numbers(document)
    return next(f for f in document.footnotes.values() if numbers[f.id] == number)


def test_libreoffice_shaped_insertion_inside_a_footnote_is_listed_on_the_footnote():
    """The same, built by hand the way LibreOffice writes it (FootnoteCharacters, w:ins with
    author and date after the footnote's text)."""
    fns = (
        '<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="Footnote"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteCharacters"/></w:rPr><w:footnoteRef/></w:r>'
        + r("\tResolution 55/2")
        + '<w:ins w:id="0" w:author="Unknown Author" w:date="2026-12-04T17:36:17Z">'
        + r(", annex")
        + "</w:ins>"
        + r(".")
        + "</w:p></w:footnote>"
    )
    data = build_docx(
        p(r("The General Assembly,"))
        + p(r("Recalling the Declaration,"), note_ref(2, "FootnoteAnchor"))
        + p(r("1. Decides.")),
        footnotes=fns,
        footnote_style_ids=("Footnote", "FootnoteAnchor"),
    )
    result = import_docx_file(data)
    (entry,) = outline(result.document, result.report)["proposals"]
    assert (entry["kind"], entry["text"], entry["block_reference"]) == ("insert", ", annex", "footnote 1")
    (note,) = result.document.footnotes.values()
    assert plain_text(note.content, proposals="accepted") == "Resolution 55/2, annex."


def test_tracked_change_in_the_sponsors_note_is_kept_as_text_with_a_warning():
    """The sponsors' note (*) is plain text in the model: no proposal without a place."""
    star = (
        '<w:footnote w:id="3"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        "<w:t>*</w:t></w:r>"
        + r(" Reissued for technical reasons")
        + '<w:ins w:id="4" w:author="Mexico" w:date="2026-02-02T00:00:00Z">'
        + r(" on 2 May")
        + "</w:ins>"
        + r(".")
        + "</w:p></w:footnote>"
    )
    body = (
        p(
            r("Mexico: draft resolution"),
            '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r>',
        )
        + p(r("The General Assembly,"))
        + p(r("Recalling", ITALIC), r(" its resolution 66/183,"))
        + p(r("1.\tDecides."))
    )
    result = import_docx_file(build_docx(body, footnotes=star))
    assert result.document.proposals == {}
    assert result.document.masthead.sponsors_note == "Reissued for technical reasons."
    (warning,) = result.report.warnings
    assert "sponsors' note (*) carries 1 tracked change" in warning
    assert "proposal:" not in format_outline(outline(result.document, result.report))
