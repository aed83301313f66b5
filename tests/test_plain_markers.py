"""Plain-digit footnote markers and page furniture in extracted text, shape by shape."""

from __future__ import annotations

from drafting.importers import import_text
from drafting.model import NoteRef, plain_text
from drafting.numbering import footnote_numbers


def _resolution(body: str, notes: str, front: str = "") -> str:
    head = f"{front}United Nations\nA/RES/99/1\n\n99/1. A test resolution\n\nThe General Assembly,\n\n"
    return f"{head}{body}\n_______________\n\n{notes}\n"


def _cited(document) -> list[str]:
    """Footnote texts in order of their references in the body."""
    out = []
    for block in document.iter_blocks():
        for node in block.content:
            if isinstance(node, NoteRef):
                out.append(plain_text(document.footnotes[node.footnote_id].content))
    return out


def test_markers_of_every_shape_bind_and_one_odd_shape_does_not_break_the_chain() -> None:
    body = (
        "Recalling the 2005 World Summit Outcome, 1  sports can contribute,\n\n"
        "Recalling also the Millennium Declaration 2 of an appeal,\n\n"
        "Noting the Treaty3 and the Convention”;4 in this regard,\n\n"
        "1. Decides to remain seized of the matter, as set out in 20235."
    )
    notes = "1 Resolution 60/1.\n\n2 Resolution 55/2.\n\n3 Resolution 3/3.\n\n4 Resolution 4/4.\n\n5 Resolution 5/5."
    result = import_text(_resolution(body, notes))
    document = result.document
    assert len(document.footnotes) == 5
    assert _cited(document) == [f"Resolution {n}." for n in ("60/1", "55/2", "3/3", "4/4", "5/5")]
    assert not [w for w in result.report.warnings if "never referenced" in w]
    first = plain_text(document.preambular[0].content)
    assert "Outcome, sports" in first or "Outcome,  sports" not in first


def test_numbers_that_are_not_markers_stay_text() -> None:
    body = (
        "Recalling article 31 of the Convention, 1 and resolution 2 (2015),\n\n"
        "1. Decides to meet from 2 to 13 July 2026 and on 1 November 2026."
    )
    document = import_text(_resolution(body, "1 Resolution 60/1.")).document
    assert _cited(document) == ["Resolution 60/1."]
    text = plain_text(document.operative[0].content)
    assert "from 2 to 13 July 2026 and on 1 November 2026" in text
    assert "article 31" in plain_text(document.preambular[0].content)


def test_a_decimal_comma_is_not_a_footnote_marker() -> None:
    """French, Spanish and Russian write "3,2 millions": the 2 is no marker, even with a footnote 2
    waiting for its reference; after a year, a comma may still precede one."""
    body = (
        "Notant que 12,5 % seulement des 3,2 millions de personnes sont aidées,\n\n"
        "Rappelant la Déclaration adoptée en 2015,1 et le Programme,\n\n"
        "1. Décide de poursuivre."
    )
    document = import_text(_resolution(body, "1 Résolution 70/1.\n\n2 Résolution 2/2.")).document
    assert "12,5 % seulement des 3,2 millions" in plain_text(document.preambular[0].content)
    assert _cited(document) == ["Résolution 70/1."]


def test_a_year_at_the_start_of_a_wrapped_footnote_line_is_not_a_footnote() -> None:
    body = "Recalling the Summit,1\n\nNoting the Conference,2\n\n1. Decides to continue."
    notes = (
        "1 Report of the Conference, Cairo, 5–13 September\n"
        "1994 (United Nations publication, Sales No. E.95.XIII.18).\n\n2 Resolution 70/1."
    )
    document = import_text(_resolution(body, notes)).document
    assert len(document.footnotes) == 2
    assert "1994 (United Nations publication" in _cited(document)[0]


def test_page_header_zone_and_n_of_m_are_furniture_and_the_split_paragraph_is_rejoined() -> None:
    body = (
        "Recalling the importance of the engagement of local communities in the Olympic and\n"
        "Paralympic Winter\n\nA/RES/99/1\nA test resolution\n\n99-12345\n2/3\n\n"
        "Games, as a defining feature of the event,\n\n1. Decides to continue."
    )
    result = import_text(_resolution(body, "1 Resolution 1/1."))
    document = result.document
    assert len(document.preambular) == 1
    assert "Winter Games, as a defining" in plain_text(document.preambular[0].content)
    reasons = {d.text: d.reason for d in result.report.discarded}
    assert reasons["2/3"] == "page number"
    assert "running header" in reasons["A test resolution"]


def test_front_matter_is_metadata_not_text() -> None:
    front = '---\nsymbol: A/RES/99/1\ntitle: "A test resolution with a longer title :"\ndate: "2025-11-20"\n---\n\n'
    result = import_text(_resolution("Recalling its resolutions,\n\n1. Decides to continue.", "", front))
    document = result.document
    assert document.masthead.title == "A test resolution with a longer title"
    assert all("symbol:" not in plain_text(b.content) for b in document.iter_blocks())
    assert any(d.reason == "front matter (metadata)" for d in result.report.discarded)


def test_annex_after_an_unnumbered_operative_paragraph() -> None:
    text = (
        "United Nations\nA/RES/99/2\n\n99/2. Political declaration\n\nThe General Assembly\n\n"
        "Adopts the political declaration annexed to the present resolution.\n\n"
        "20th plenary meeting\n4 November 2025\n\nAnnex\n\nPolitical declaration\n\n"
        "1. We, Heads of State, commit ourselves.\n\nPartnerships\n\n2. We also commit ourselves."
    )
    result = import_text(text)
    document = result.document
    assert len(document.operative) == 1
    assert not document.preambular
    kinds = [(b.kind.value, plain_text(b.content)) for b in document.blocks]
    assert kinds[1] == ("heading", "Annex")
    assert kinds[2] == ("heading", "Political declaration")
    assert [k for k, _ in kinds[3:]] == ["list_item", "heading", "list_item"]
    assert footnote_numbers(document) == {}


def test_the_report_names_lines_for_what_it_could_not_place() -> None:
    body = "Recalling the Summit,1\n\n1. Decides to continue.\n\n3 Resolution 3/3 standing alone."
    notes = "1 Resolution 1/1.\n\n2 Resolution 2/2."
    result = import_text(_resolution(body, notes))
    warnings = "\n".join(result.report.warnings)
    assert "footnote 2 is never referenced" in warnings
    assert any(
        w.startswith("line ") and "footnote 2 is never referenced" in w for w in result.report.warnings
    )


def test_a_number_under_the_rule_out_of_sequence_is_reported_and_kept_with_its_footnote() -> None:
    body = "Recalling the Summit,1\n\nNoting the Conference,2\n\n1. Decides to continue."
    notes = "1 Report of the Summit, held in\n\n7 places (A/1/1).\n\n2 Resolution 2/2."
    result = import_text(_resolution(body, notes))
    assert len(result.document.footnotes) == 2
    assert any("starts with 7 under the footnote rule" in w for w in result.report.warnings)
    assert "7 places (A/1/1)." in _cited(result.document)[0]


def test_a_footnote_printed_with_another_number_than_its_place_gives_is_reported() -> None:
    text = (
        "The General Assembly,\n\nRecalling the Summit,[^2]\n\nNoting the Conference,[^1]\n\n"
        "1. Decides to continue.\n\n[^1]: Resolution 1/1.\n\n[^2]: Resolution 2/2.\n"
    )
    warnings = import_text(text).report.warnings
    assert any("footnote printed as 2 is footnote 1 by the order of first citation" in w for w in warnings)


def test_subparagraph_labels_on_their_own_line_are_never_page_furniture() -> None:
    parts = []
    for page in range(1, 5):
        header = f"A/RES/99/1\nA test resolution\n99-12345\n{page}/5\n\n"
        parts.append(f"{page}. Decides:\n\n{header}(a)\nFirst item of list {page};\n\n(b)\nSecond item;\n\n")
    result = import_text(_resolution("".join(parts), ""))
    document = result.document
    assert not [d for d in result.report.discarded if d.text in ("(a)", "(b)")]
    assert not [w for w in result.report.warnings if "unlabelled" in w]
    assert len(document.operative) == 4
    for number, operative in enumerate(document.operative, start=1):
        texts = [plain_text(c.content) for c in operative.children]
        assert texts == [f"First item of list {number};", "Second item;"]


def test_a_footnote_number_glued_to_its_text_under_the_rule() -> None:
    body = "Recalling the Summit,1\n\nNoting the Conference,2\n\n1. Decides to continue."
    document = import_text(_resolution(body, "1Resolution 1/1.\n\n2See resolution 2/2.")).document
    assert _cited(document) == ["Resolution 1/1.", "See resolution 2/2."]


def test_a_job_number_left_inside_a_paragraph_is_reported() -> None:
    body = "Recalling its resolution 70/1, 25-18947 (E) and its other resolutions,\n\n1. Decides to continue."
    warnings = import_text(_resolution(body, "")).report.warnings
    assert any("'25-18947 (E)' inside a paragraph looks like a job number" in w for w in warnings)


def test_a_centred_heading_before_the_operative_part_is_a_heading() -> None:
    body = "Recalling its resolution 70/1,\n\nPeacebuilding Commission\n\n1. Decides to continue."
    document = import_text(_resolution(body, "")).document
    assert len(document.preambular) == 1
    headings = [plain_text(b.content) for b in document.blocks if b.kind.value == "heading"]
    assert headings == ["Peacebuilding Commission"]
