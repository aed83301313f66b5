"""Importer rules on small, hand-made inputs: each case a shape seen in extracted UN text."""

from __future__ import annotations

import pytest

from drafting.errors import ImportFailed
from drafting.importers.decoding import decode_text
from drafting.importers.text_import import import_text
from drafting.model import BlockKind, Mark, NoteRef, Text, plain_text
from drafting.numbering import block_labels, footnote_numbers


def resolution(body: str, notes: str = "") -> str:
    return f"The General Assembly,\n\n{body}\n\n{notes}"


def numbers_in(document, block) -> list[int]:
    numbers = footnote_numbers(document)
    return [numbers[n.footnote_id] for n in block.content if isinstance(n, NoteRef)]


def test_markdown_footnote_references():
    text = resolution(
        "Recalling its resolution 66/183,[^1] and the Convention,[^2]\n\n1. *Decides* to act.[^1]",
        "[^1]: Resolution 66/183.\n[^2]: United Nations, *Treaty Series*, vol. 976, No. 14152.",
    )
    result = import_text(text)
    doc = result.document
    assert numbers_in(doc, doc.preambular[0]) == [1, 2]
    assert numbers_in(doc, doc.operative[0]) == [1]
    assert result.report.warnings == []


def test_digits_glued_to_a_year_are_decided_with_the_footnote_list():
    text = resolution(
        "Recalling the Strategy for 2020–2023,1 and the review of 20232\n\n"
        "1. *Notes* that 20235 delegations and the year 2024 matter;",
        "1 Resolution 75/291.\n2 See A/78/1.",
    )
    doc = import_text(text).document
    pp = doc.preambular[0]
    assert numbers_in(doc, pp) == [1, 2]
    assert plain_text(pp.content) == "Recalling the Strategy for 2020–2023, and the review of 2023"
    # 20235: footnote 5 does not exist, so nothing is split off
    assert "20235" in plain_text(doc.operative[0].content)
    assert numbers_in(doc, doc.operative[0]) == []


def test_plain_digit_footnote_lines_need_a_matching_marker():
    # "2 Member States" is a paragraph, not footnote 2: no marker 2 anywhere in the text
    text = resolution("Recalling the Strategy;1\n\n2 Member States agree,", "1 Resolution 60/288.")
    doc = import_text(text).document
    assert len(doc.footnotes) == 1
    assert any(plain_text(b.content) == "2 Member States agree," for b in doc.blocks)


def test_unbound_superscript_is_kept_and_reported():
    result = import_text(resolution("Recalling the Convention,⁷ and", "¹ Something."))
    doc = result.document
    assert "⁷" in plain_text(doc.preambular[0].content)
    assert any("marker 7 has no footnote" in w for w in result.report.warnings)
    assert any("never referenced" in w for w in result.report.warnings)


def test_footnote_continued_on_the_next_page():
    text = (
        "The General Assembly,\n\n"
        "Recalling the Declaration¹ and the\n\n"
        "¹ See Official Records of the General Assembly, Sixty-seventh Session, Supplement\n\n"
        "2\n\n"
        "Programme of Action,² and\n\n"
        "Noting the report,\n\n"
        "No. 49 (A/67/49), chap. I.\n\n"
        "² Resolution 60/1.\n"
    )
    result = import_text(text)
    doc = result.document
    texts = {footnote_numbers(doc)[f.id]: plain_text(f.content) for f in doc.footnotes.values()}
    assert texts[1] == (
        "See Official Records of the General Assembly, Sixty-seventh Session,"
        " Supplement No. 49 (A/67/49), chap. I."
    )
    assert [plain_text(b.content) for b in doc.preambular] == [
        "Recalling the Declaration and the Programme of Action, and",
        "Noting the report,",
    ]


def test_subparagraph_levels_and_roman_numerals():
    text = resolution(
        "1. *Decides* that:\n\n(a) First;\n\n(i) first point;\n\n(ii) second point;\n\n(b) Second;\n\n"
        "(c) Third;\n\n(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) h;\n\n(i) i as a letter;"
    )
    doc = import_text(text).document
    op = doc.operative[0]
    labels = block_labels(doc)
    assert [labels[c.id].label for c in op.children] == [
        "(a)",
        "(b)",
        "(c)",
        "(d)",
        "(e)",
        "(f)",
        "(g)",
        "(h)",
        "(i)",
    ]
    assert [labels[c.id].label for c in op.children[0].children] == ["(i)", "(ii)"]
    assert labels[op.children[0].children[1].id].reference == "OP 1 (a) (ii)"


def test_operative_numbers_are_derived_not_stored():
    doc = import_text(resolution("1. *Decides* one;\n\n3. *Decides* two;\n\n7. *Decides* three.")).document
    labels = block_labels(doc)
    assert [labels[b.id].label for b in doc.operative] == ["1.", "2.", "3."]
    assert all(not plain_text(b.content)[0].isdigit() for b in doc.operative)


def test_replacement_with_attribution_tag():
    text = resolution("1. *Urges* States to ~~consider~~ **implement** (European Union) the measures;")
    doc = import_text(text).document
    (proposal,) = doc.proposals.values()
    assert proposal.kind.value == "replace"
    assert proposal.author == "European Union"
    assert (
        plain_text(doc.operative[0].content, proposals="accepted")
        == "Urges States to implement the measures;"
    )
    assert plain_text(doc.operative[0].content) == "Urges States to consider the measures;"


def test_bold_without_attribution_is_formatting():
    doc = import_text(resolution("1. **Decides** to act;")).document
    assert doc.proposals == {}
    first = doc.operative[0].content[0]
    assert isinstance(first, Text)
    assert Mark.BOLD in first.marks


def test_page_number_and_job_number_lines_reported():
    text = resolution("Recalling x,\n\n12\n\n07-47409 (E) 240805\n\n1. *Decides* y.")
    result = import_text(text)
    reasons = [(d.text, d.reason) for d in result.report.discarded]
    assert ("12", "page number") in reasons
    assert ("07-47409 (E) 240805", "job number") in reasons
    assert [b.kind for b in result.document.blocks] == [BlockKind.PREAMBULAR, BlockKind.OPERATIVE]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Décide".encode("latin-1"), "not UTF-8"),
        (b"\xef\xbb\xbfThe General Assembly,", None),
        ("The General Assembly,".encode("utf-16"), None),
    ],
)
def test_decoding(data, message):
    if message is None:
        assert decode_text(data).startswith("The General Assembly,")
    else:
        with pytest.raises(ImportFailed, match=message):
            decode_text(data)


def test_adjacent_runs_render_as_one_span():
    from drafting.exporters.text_export import export_text

    doc = import_text("**0²**").document  # a bold run split by an unbound superscript
    assert export_text(doc) == "**0²**\n"


def test_empty_footnote_survives_a_round_trip():
    from drafting.exporters.text_export import export_text

    doc = import_text(resolution("Recalling x,[^1]", "[^1]: ")).document
    again = import_text(export_text(doc)).document
    assert len(again.footnotes) == 1
    assert numbers_in(again, again.preambular[0]) == [1]


def test_markup_around_nothing_is_reported_not_kept():
    result = import_text("Text.\n\n~~~~")
    assert [plain_text(b.content) for b in result.document.blocks] == ["Text."]
    assert [(d.line, d.reason) for d in result.report.discarded] == [(3, "emphasis markup around no text")]
