"""Mutations of A/RES/67/193, each an error a drafter or a moved paragraph really makes: every one
is caught by the rule meant for it, and the unmutated text stays clean."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckSettings, run_checks
from drafting.importers.text_import import import_text
from drafting.model import Document, Mark, NoteRef, Text
from drafting.numbering import footnote_numbers
from tests.helpers import CORPUS

SOURCE = (CORPUS / "ga-res-67-193-en.txt").read_text(encoding="utf-8")


Mutated = tuple[Document, dict[str, int]]
"""The document, and the footnote numbers its text printed (from the import report)."""


def text_mutation(old: str, new: str, *more: tuple[str, str]) -> Callable[[], Mutated]:
    def mutate() -> Mutated:
        text = SOURCE
        for before, after in [(old, new), *more]:
            assert before in text, before
            text = text.replace(before, after, 1)
        result = import_text(text)
        return result.document, result.report.literal_footnote_numbers

    return mutate


def model_mutation(change: Callable[[Document], None]) -> Callable[[], Mutated]:
    def mutate() -> Mutated:
        result = import_text(SOURCE)
        change(result.document)
        return result.document, result.report.literal_footnote_numbers

    return mutate


def footnote(document: Document, number: int) -> str:
    return next(fid for fid, n in footnote_numbers(document).items() if n == number)


def swap_first_two_paragraphs(document: Document) -> None:
    document.blocks[0], document.blocks[1] = document.blocks[1], document.blocks[0]


def cite_league_between_10_and_11(document: Document) -> None:
    league, fn10 = footnote(document, 13), footnote(document, 10)
    pp7 = document.preambular[6]
    at = next(i for i, n in enumerate(pp7.content) if isinstance(n, NoteRef) and n.footnote_id == fn10)
    pp7.content.insert(at + 1, NoteRef(league))


def swap_footnote_texts_10_and_11(document: Document) -> None:
    a, b = document.footnotes[footnote(document, 10)], document.footnotes[footnote(document, 11)]
    a.content, b.content = b.content, a.content


def delete_footnote_7(document: Document) -> None:
    del document.footnotes[footnote(document, 7)]


def drop_reference_to_25(document: Document) -> None:
    fn25 = footnote(document, 25)
    op47 = document.operative[46]
    op47.content = [n for n in op47.content if not (isinstance(n, NoteRef) and n.footnote_id == fn25)]


def roman_opener(document: Document) -> None:
    op8 = document.operative[7]
    op8.content = [Text(n.text, n.marks - {Mark.ITALIC}) if isinstance(n, Text) else n for n in op8.content]


MUTATIONS: list[tuple[str, Callable[[], Mutated], str, str | None]] = [
    (
        "GA resolution dated in the wrong session",
        text_mutation("53/115 of 9 December 1998", "53/115 of 9 December 1988"),
        "citation.ga-session-year",
        "PP 3",
    ),
    (
        "ECOSOC resolution dated in another year",
        text_mutation("2012/12 of 26 July 2012", "2012/12 of 26 July 2011"),
        "citation.ecosoc-year",
        "PP 5",
    ),
    (
        "CND resolution dated in another year",
        text_mutation("53/10 of 12 March 2010", "53/10 of 12 March 2011"),
        "citation.cnd-session-year",
        "PP 13",
    ),
    (
        "CND resolution dated in June",
        text_mutation("54/10 of 25 March 2011", "54/10 of 25 June 2011"),
        "citation.cnd-session-year",
        "OP 32",
    ),
    (
        "Security Council year in brackets and date disagree",
        text_mutation(
            "at its fifty-fifth session,¹⁴",
            "at its fifty-fifth session and Security Council resolution 1373 (2001) of 28 September 2002,¹⁴",
        ),
        "citation.sc-year",
        "PP 11",
    ),
    (
        "impossible date",
        text_mutation("64/182 of 18 December 2009", "64/182 of 31 June 2009"),
        "date.impossible",
        "PP 26",
    ),
    (
        "US date form",
        text_mutation("66/183 of 19 December 2011", "66/183 of December 19, 2011"),
        "date.format",
        "PP 4",
    ),
    ("year range with a hyphen", text_mutation("2012–2015", "2012-2015"), "date.year-range", "PP 5"),
    (
        "malformed symbol",
        text_mutation("(E/2003/28/Rev.1)", "(E/2003/28/Rev1)"),
        "citation.symbol",
        "footnote 5",
    ),
    (
        "wrong treaty volume in a footnote",
        text_mutation("*Ibid.*, vol. 1019, No. 14956.", "*Ibid.*, vol. 1582, No. 27627."),
        "treaty.footnote-mismatch",
        "PP 7",
    ),
    (
        "treaty year mistyped",
        text_mutation("Psychotropic Substances of 1971¹¹", "Psychotropic Substances of 1972¹¹"),
        "treaty.wrong-year",
        "PP 7",
    ),
    (
        "treaty title without 'United Nations'",
        text_mutation(
            "and the United Nations Convention against Illicit Traffic",
            "and the Convention against Illicit Traffic",
        ),
        "treaty.title-form",
        "PP 7",
    ),
    (
        "another instrument given two years",
        text_mutation(
            "the first-ever multilateral drug convention,",
            "the first-ever multilateral drug convention, and the Convention on Cluster Munitions of 2008,",
            (
                "of the three international drug control conventions against",
                "of the three international drug control conventions and of the Convention on Cluster"
                " Munitions of 2010 against",
            ),
        ),
        "treaty.year-inconsistent",
        "PP 9",
    ),
    (
        "'also' before any plain opener",
        text_mutation("Recalling its resolution 53/115", "Noting its resolution 53/115"),
        "grammar.also-sequence",
        "PP 4",
    ),
    (
        "'further' before 'also'",
        text_mutation("45. *Also decides*", "45. *Decides*"),
        "grammar.also-sequence",
        "OP 46",
    ),
    (
        "Model UN 'Further recalling'",
        text_mutation("Recalling further the adoption", "Further recalling the adoption"),
        "grammar.also-sequence",
        "PP 5",
    ),
    (
        "preambular paragraph without its comma",
        text_mutation(
            "crucial role of Member States in this regard,", "crucial role of Member States in this regard"
        ),
        "grammar.preambular-end",
        "PP 6",
    ),
    (
        "operative paragraph ending with a full stop",
        text_mutation(
            "principle of common and shared responsibility;", "principle of common and shared responsibility."
        ),
        "grammar.operative-end",
        "OP 3",
    ),
    (
        "last operative paragraph ending with a semicolon",
        text_mutation(
            "implementation of the present resolution.", "implementation of the present resolution;"
        ),
        "grammar.operative-end",
        "OP 47",
    ),
    (
        "paragraph introducing subparagraphs without a colon",
        text_mutation("*Recognizes* that:", "*Recognizes* that;"),
        "grammar.operative-end",
        "OP 17",
    ),
    (
        "preambular paragraph not opening with a participle",
        text_mutation("Conscious of the need to raise", "There is a need to raise"),
        "grammar.preambular-opening",
        "PP 25",
    ),
    (
        "operative paragraph not opening with a verb",
        text_mutation("13. *Stresses* that", "13. *Stress* that"),
        "grammar.operative-opening",
        "OP 13",
    ),
    ("opening phrase not in italics", model_mutation(roman_opener), "grammar.opening-italic", "OP 8"),
    (
        "-ise spelling",
        text_mutation("transnational organized criminal groups", "transnational organised criminal groups"),
        "spelling.house-style",
        "PP 16",
    ),
    (
        "US 'program'",
        text_mutation("regional programme approach", "regional program approach"),
        "spelling.house-style",
        "PP 10",
    ),
    (
        "typo",
        text_mutation(
            "effective cooperation and practical action", "effective cooperaton and practical action"
        ),
        "spelling.unknown-word",
        "OP 3",
    ),
    (
        "'UN' in running text",
        text_mutation("the relevant United Nations bodies", "the relevant UN bodies"),
        "style.un-abbreviation",
        "PP 3",
    ),
    (
        "Ibid. stranded first by a move",
        model_mutation(swap_first_two_paragraphs),
        "footnote.ibid-source",
        "footnote 1",
    ),
    (
        "Ibid. stranded after a League of Nations footnote",
        model_mutation(cite_league_between_10_and_11),
        "footnote.ibid-source",
        "footnote 12",
    ),
    (
        "footnote texts swapped",
        model_mutation(swap_footnote_texts_10_and_11),
        "footnote.ibid-source",
        "footnote 10",
    ),
    ("footnote deleted", model_mutation(delete_footnote_7), "footnote.missing", "PP 4"),
    (
        "marker pointing nowhere",
        text_mutation("its fifty-fifth session,¹⁴\n", "its fifty-fifth session,²⁶\n"),
        "footnote.missing",
        "PP 11",
    ),
    (
        "footnote left without a reference",
        model_mutation(drop_reference_to_25),
        "footnote.unreferenced",
        "footnote 25",
    ),
    (
        "marker before the comma",
        text_mutation("1972 Protocol,¹⁰ the", "1972 Protocol¹⁰, the"),
        "footnote.marker-placement",
        "PP 7",
    ),
    (
        "footnote without a full stop",
        text_mutation("²⁵ A/67/157.", "²⁵ A/67/157"),
        "footnote.final-stop",
        "footnote 25",
    ),
    (
        "printed footnote numbers out of order",
        text_mutation(
            "Reduction,² the Action Plan on International Cooperation on the Eradication of Illicit Drug Crops and on"
            " Alternative Development,³",
            "Reduction,³ the Action Plan on International Cooperation on the"
            " Eradication of Illicit Drug Crops and on Alternative Development,²",
        ),
        "footnote.numbering",
        None,
    ),
]


def test_there_are_at_least_thirty_mutations():
    assert len(MUTATIONS) >= 30


def findings_for(document: Document, literal: dict[str, int]):
    return run_checks(document, CheckSettings(literal_footnote_numbers=literal))


@pytest.mark.parametrize(("name", "mutate", "rule", "label"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_mutation_is_caught_by_its_rule(name, mutate, rule, label):
    document, literal = mutate()
    hits = [f for f in findings_for(document, literal) if f.rule == rule]
    assert hits, f"{name}: {rule} did not fire"
    if label is not None:
        assert label in {f.label for f in hits}, f"{name}: {rule} fired at {[f.label for f in hits]}"


def test_unmutated_text_gives_only_the_known_error():
    result = import_text(SOURCE)
    findings = findings_for(result.document, result.report.literal_footnote_numbers)
    assert [(f.rule, f.severity.value, f.label) for f in findings] == [("treaty.wrong-year", "error", "PP 7")]
