"""Checks follow the document's language (issue 17): Arabic paragraphs end with the Arabic comma
and semicolon, French takes a no-break space inside « », French and Russian quote with « »; none
of these fire on an English text, and no English rule fires on them."""

from __future__ import annotations

import copy

from drafting.checks import CheckSettings, run_checks
from drafting.checks.fixes import apply_fix
from drafting.importers.text_import import import_text
from drafting.model import Document, Text, plain_text
from tests.arabic_fixture import arabic_resolution

SETTINGS = CheckSettings(spelling=False)
NBSP = "\u00a0"


def rules(document: Document) -> list[tuple[str, str]]:
    return [(f.label, f.rule) for f in run_checks(document, SETTINGS)]


def test_the_arabic_fixture_has_no_punctuation_findings_and_no_english_ones():
    assert rules(arabic_resolution()) == []


def test_an_arabic_preambular_paragraph_ending_with_a_latin_comma_is_told_the_arabic_one():
    document = arabic_resolution()
    pp1 = document.preambular[0]
    pp1.content[-1] = Text(pp1.content[-1].text.replace("،", ","))
    [finding] = run_checks(document, SETTINGS)
    assert (finding.rule, finding.label) == ("grammar.preambular-end", "PP 1")
    assert "('،'), not ','" in finding.message
    apply_fix(document, finding.fix)
    assert plain_text(pp1.content).endswith("2012،")
    assert rules(document) == []


def test_an_arabic_operative_paragraph_ending_with_a_latin_semicolon_is_told_the_arabic_one():
    document = arabic_resolution()
    sub = document.operative[0].children[0]
    sub.content = [Text(plain_text(sub.content).replace("؛", ";"))]
    [finding] = run_checks(document, SETTINGS)
    assert finding.rule == "grammar.operative-end"
    assert finding.fix.text == "؛"


FRENCH = (
    "L'Assemblée générale,\n\n"
    "Rappelant sa résolution 67/193{sp}:\n\n"
    "1. *Invite* les États Membres à renforcer la coopération{sp};\n\n"
    "2. *Prie* le Secrétaire général de lui présenter un rapport intitulé {q}\n"
)


def french(space: str, quoted: str) -> Document:
    text = FRENCH.format(sp=space, q=quoted)
    return import_text(text, "fr.txt").document


def test_french_quotes_become_guillemets_and_glued_marks_are_left_as_un_texts_print_them():
    document = french("", "“Coopération internationale”.")
    assert document.language == "fr"
    found = [f for f in run_checks(document, SETTINGS) if f.rule.startswith("style.")]
    assert [(f.label, f.rule) for f in found] == [("OP 2", "style.guillemets")]  # not the glued ';' and ':'
    fixed = copy.deepcopy(document)
    apply_fix(fixed, found[0].fix)
    assert plain_text(fixed.operative[1].content).endswith(f"«{NBSP}Coopération internationale{NBSP}».")
    assert [f for f in run_checks(fixed, SETTINGS) if f.rule.startswith("style.")] == []


def test_guillemets_glued_to_their_words_in_french_are_found():
    document = french(NBSP, "«Coopération internationale».")
    found = [f for f in run_checks(document, SETTINGS) if f.rule == "style.fr-spacing"]
    assert [f.message for f in found] == [
        "French puts a no-break space after '«'",
        "French puts a no-break space before '»'",
    ]


def test_well_spaced_french_has_no_style_findings():
    document = french(NBSP, f"«{NBSP}Coopération internationale{NBSP}», à 10:30.")
    assert [f for f in run_checks(document, SETTINGS) if f.rule.startswith("style.")] == []


def test_russian_quotes_with_guillemets_without_spaces():
    text = (
        "Генеральная Ассамблея,\n\n"
        "1. *просит* Генерального секретаря представить доклад “Международное сотрудничество”.\n"
    )
    document = import_text(text, "ru.txt").document
    assert document.language == "ru"
    [finding] = [f for f in run_checks(document, SETTINGS) if f.rule.startswith("style.")]
    assert finding.rule == "style.guillemets"
    assert finding.fix.text == "«Международное сотрудничество»"


def test_english_punctuation_is_not_held_to_french_rules():
    text = 'The General Assembly,\n\n1. *Requests* a report entitled "Cooperation";\n\n2. *Decides* to act.\n'
    document = import_text(text, "en.txt").document
    assert not [
        f for f in run_checks(document, SETTINGS) if f.rule in ("style.fr-spacing", "style.guillemets")
    ]
