"""Spelling: the speller, the unknown-word and house-style rules, the user dictionary, the data folder."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app import paths
from drafting.checks import CheckSettings, check_block
from drafting.checks.context import CheckContext
from drafting.checks.finding import Finding, Severity
from drafting.checks.fixes import apply_fix
from drafting.checks.spelling_rules import (
    house_style,
    house_style_corrections,
    house_style_data,
    unknown_word,
)
from drafting.errors import StorageError
from drafting.model import Block, BlockKind, Document, Footnote, NoteRef, Text, plain_text
from drafting.spelling import Speller, add_user_word, load_user_words, tokenize, un_terms
from tests.helpers import load


def document(*paragraphs: str, language: str = "en", footnotes: tuple[str, ...] = ()) -> Document:
    blocks = [Block(f"b{i}", BlockKind.PARAGRAPH, [Text(text)]) for i, text in enumerate(paragraphs)]
    notes = {f"n{i}": Footnote(f"n{i}", [Text(text)]) for i, text in enumerate(footnotes)}
    for note_id in notes:
        blocks[-1].content.append(NoteRef(note_id))
    return Document(language=language, blocks=blocks, footnotes=notes)


def check(doc: Document, rule=None, **settings) -> list[Finding]:
    """The spelling rules run straight on a check context, over blocks and footnotes."""
    ctx = CheckContext(doc, CheckSettings(**settings))
    rules = [rule] if rule else [unknown_word, house_style]
    return [f for r in rules for block in ctx.blocks + ctx.footnote_blocks for f in r(ctx, block)]


def flagged(*paragraphs: str, language: str = "en", **settings) -> list[str]:
    return [
        f.extra["word"] for f in check(document(*paragraphs, language=language), unknown_word, **settings)
    ]


# --- unknown words ---------------------------------------------------------------------------


def test_unknown_word_is_flagged_with_a_suggestion_and_no_fix():
    text = "Requests the Secretary-General to recieve the report;"
    (finding,) = check(document(text), unknown_word)
    assert finding.rule == "spelling.unknown-word"
    assert finding.severity is Severity.WARNING
    assert text[finding.start : finding.end] == "recieve"
    assert finding.message.startswith("'recieve' is not in the dictionary; did you mean 'receive'")
    assert finding.extra["suggestions"][0] == "receive"
    assert finding.fix is None
    assert finding.target == "b0"
    assert "recieve" in finding.excerpt


def test_unknown_word_in_a_footnote_names_the_footnote():
    doc = document("Recalling its resolution 53/115,", footnotes=("See the comitee report.",))
    (finding,) = check(doc, unknown_word)
    assert (finding.target, finding.label, finding.extra["word"]) == ("n0", "footnote 1", "comitee")


def test_un_terms_are_known():
    for word in ("unodc", "interpol", "psychotropic", "policymaking", "socioeconomic", "cannabinoid",
                 "multisectoral", "money-laundering"):  # fmt: skip
        assert word in un_terms() or Speller("en").is_known(word), word
    text = (
        "Encourages multisectoral and socioeconomic policymaking against money-laundering, psychotropic "
        "substances and synthetic cannabinoids, inter alia through intelligence-sharing and the "
        "subregional and extrabudgetary programmes of UNODC;"
    )
    assert flagged(text) == []


def test_names_and_acronyms_defined_in_the_document_are_known():
    first = (
        "Welcomes the International Criminal Police Organization (INTERPOL) and Mr. Kuznetsovsky of Zyxland;"
    )
    second = "Kuznetsovsky reported to the Commission;"
    third = "Zyxland and INTERPOL were thanked;"
    assert flagged(first, second, third) == []
    # A paragraph's first word is checked: it may be capitalised only because it opens the paragraph.
    assert flagged(second) == ["Kuznetsovsky"]
    assert flagged(first, "Recieves the report;") == ["Recieves"]
    assert flagged("Interpol and Fedotov are in the UN word list;") == []


def test_capitalised_and_all_caps_words_inside_a_sentence_are_names():
    assert flagged("Notes the work of Zhongjun and XYZQW, and of the iFOO project;") == []


def test_british_spellings_and_hyphenated_compounds():
    text = (
        "Notes the programme of the centre to analyse labour, defence and behaviour in neighbouring States;"
    )
    assert flagged(text) == []
    assert flagged("Notes the drug-dependent and the well-knwon cases;") == ["knwon"]


def test_numbers_ordinals_urls_and_roman_numerals_are_not_words():
    assert (
        flagged("See the 60th session, A/RES/67/193, www.unodc.org, info@unodc.org and section (iii);") == []
    )
    words = tokenize("The 60th session's co-operation, l'Assemblée, CO2 and vis-à-vis.")
    assert [w.text for w in words] == ["The", "session's", "co-operation", "l'Assemblée", "and", "vis-à-vis"]
    text = "The 60th session"
    assert [text[w.start : w.end] for w in tokenize(text)] == ["The", "session"]


def test_user_words_are_honoured(tmp_path: Path):
    path = tmp_path / "sub" / "user-dictionary.txt"
    assert load_user_words(path) == frozenset()
    assert flagged("Invites the penholdership to act;") == ["penholdership"]
    add_user_word(path, "penholdership")
    add_user_word(path, "Ашхабадский")
    add_user_word(path, "penholdership")  # a second time changes nothing
    assert path.read_text(encoding="utf-8").splitlines() == ["penholdership", "Ашхабадский"]
    words = load_user_words(path)
    assert words == {"penholdership", "Ашхабадский"}
    assert flagged("Invites the penholdership to act;", user_words=words) == []
    with pytest.raises(ValueError, match="single word"):
        add_user_word(path, "two words")


def test_unreadable_user_dictionary_is_one_clear_error(tmp_path: Path):
    bad = tmp_path / "user-dictionary.txt"
    bad.write_bytes(b"caf\xe9\n")
    with pytest.raises(StorageError, match="not UTF-8"):
        load_user_words(bad)
    with pytest.raises(StorageError, match="cannot be read"):
        load_user_words(tmp_path)  # a folder


def test_spelling_off_means_no_findings():
    doc = document("Requests the recieve and the organisation;")
    assert check(doc, spelling=False) == []


def test_check_block_reruns_spelling_on_the_paragraph_and_its_footnote():
    doc = document("Requests the recieve;", footnotes=("See the comitee report.",))
    assert [f.extra["word"] for f in check_block(doc, "b0") if f.rule == "spelling.unknown-word"] == [
        "recieve"
    ]
    assert [f.extra["word"] for f in check_block(doc, "n0") if f.rule == "spelling.unknown-word"] == [
        "comitee"
    ]


def test_thorough_suggestions_look_two_edits_away():
    speller = Speller("en")
    assert speller.suggest("comitee") == []
    assert speller.suggest("comitee", thorough=True)[0] == "committee"
    assert speller.suggest("Recieve")[0] == "Receive"
    assert speller.suggest("legislations") == ["legislation"]  # not the possessive "legislation's"


def test_speller_is_safe_to_share_between_threads():
    speller = Speller("en")
    text = "Requests the recieve of the goverment report and the seperate reply;"
    expected = [w.text for w in speller.unknown(text)]
    results: list[list[str]] = []

    def work() -> None:
        for _ in range(20):
            results.append([w.text for w in speller.unknown(text)] + speller.suggest("goverment"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert expected == ["recieve", "goverment", "seperate"]
    assert all(r == [*expected, "government"] for r in results)


# --- other languages --------------------------------------------------------------------------


def test_french_is_checked_with_the_french_dictionary():
    good = (
        "Prie l'Office des Nations Unies contre la drogue et le crime de continuer à fournir une assistance "
        "technique aux États Membres qui en font la demande, sous réserve de la disponibilité de ressources "
        "extrabudgétaires, et souligne qu'il importe d'assurer un accès suffisant aux substances "
        "placées sous contrôle;"
    )
    assert flagged(good, language="fr") == []
    (finding,) = check(document("Le gouvernment a adopté la résolution;", language="fr"), unknown_word)
    assert finding.extra["word"] == "gouvernment"
    assert "'gouvernement'" in finding.message


def test_russian_is_checked_with_the_russian_dictionary():
    good = (
        "Просит Управление Организации Объединенных Наций по наркотикам и преступности продолжать оказывать "
        "техническую помощь государствам-членам, обращающимся с такой просьбой, при условии наличия "
        "внебюджетных ресурсов;"
    )
    assert flagged(good, language="ru") == []
    assert flagged("Правительство приняло резолюцию, а правительсво её отклонило;", language="ru") == [
        "правительсво"
    ]


def test_english_house_style_is_not_applied_to_other_languages():
    assert check(document("L'organisation a organisé la réunion;", language="fr"), house_style) == []


def test_chinese_is_not_spell_checked():
    assert not Speller("zh").enabled
    assert Speller("zh").is_known("recieve")
    assert check(document("大会，recieve organisation", language="zh")) == []
    doc = load("ga-draft-central-asia-drugs-zh.txt").document
    assert check(doc) == []


def test_english_text_ignores_words_in_other_scripts():
    assert flagged("Notes the Секретариат and its сотрудничествоо with the Secretariat;") == []


# --- house style -------------------------------------------------------------------------------


def house(text: str) -> list[tuple[str, str]]:
    return [(c.wrong, c.right) for c in house_style_corrections(text)]


def test_ise_becomes_ize_with_a_fix_that_keeps_the_capitals():
    doc = document("The Organisation and regional organisations will prioritise and ORGANISE the work;")
    found = check(doc, house_style)
    assert [(f.rule, f.severity) for f in found] == [("spelling.house-style", Severity.WARNING)] * 4
    assert [f.fix.text for f in found] == ["Organization", "organizations", "prioritize", "ORGANIZE"]
    assert (
        found[0].message
        == "UN spelling is 'Organization', not 'Organisation' (-ize, as in the Concise Oxford)"
    )
    for finding in reversed(found):
        apply_fix(doc, finding.fix)
    assert plain_text(doc.blocks[0].content) == (
        "The Organization and regional organizations will prioritize and ORGANIZE the work;"
    )
    assert check(doc) == []


PAIRS = (
    "organisation=organization recognise=recognize emphasised=emphasized mobilising=mobilizing "
    "criminalisation=criminalization realise=realize utilise=utilize minimise=minimize "
    "harmonisation=harmonization specialised=specialized analyze=analyse paralyzed=paralysed "
    "catalyzes=catalyses program=programme programs=programmes center=centre labor=labour defense=defence "
    "behavior=behaviour color=colour favor=favour honor=honour neighboring=neighbouring endeavors=endeavours "
    "catalog=catalogue dialog=dialogue fulfill=fulfil enrollment=enrolment co-operation=cooperation"
)


@pytest.mark.parametrize(("word", "right"), [pair.split("=") for pair in PAIRS.split()])
def test_house_style_pairs(word, right):
    assert house(f"Notes the {word} here;") == [(word, right)]


@pytest.mark.parametrize(
    "word",
    ["advise", "comprise", "surprise", "exercise", "enterprises", "compromise", "otherwise", "expertise",
     "franchise", "revised", "supervise", "devise", "televise", "premises", "precise", "concise", "raised",
     "praise", "promise", "disguise", "merchandise", "rise", "wise", "noise", "cruise", "analyse", "paralyse",
     "judgment", "judgement", "license", "licence", "crises", "Louise", "programme", "organization"],
)  # fmt: skip
def test_house_style_leaves_these_alone(word):
    assert house(f"Notes the {word} here;") == []


def test_house_style_exceptions_and_compounds():
    assert house("the Shanghai Cooperation Organisation and the World Health Organisation") == [
        ("Organisation", "Organization")
    ]
    assert house("a computer program and a program") == [("program", "programme")]
    assert house("see www.organisation.org and organise") == [("organise", "organize")]
    assert house("well-organised, non-co-operation and the Organisation's work") == [
        ("organised", "organized"), ("co-operation", "cooperation"), ("Organisation", "Organization")
    ]  # fmt: skip


def test_every_house_style_form_is_known_to_the_speller():
    speller = Speller("en")
    style = house_style_data()
    for right in style.pairs.values():
        assert all(speller.is_known(part) for part in right.split()), right
        assert house(right) == [], right


# --- the corpus ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ga-res-67-193-en.txt", "ga-res-62-172-en.txt"])
def test_un_resolutions_give_no_spelling_findings(name):
    doc = load(name).document
    assert [(f.rule, f.label, f.excerpt) for f in check(doc)] == []


def test_sco_press_release_gets_house_style_findings_but_not_for_its_own_name():
    doc = load("sco-un-event-2017-en.txt").document
    assert check(doc, unknown_word) == []
    found = check(doc, house_style)
    wrong = sorted({_word(doc, f) for f in found})
    assert wrong == ["combatting", "organisation", "organisations", "organised", "summarising"]
    assert all(_word(doc, f) != "Organisation" for f in found)
    assert "Shanghai Cooperation Organisation" in plain_text(doc.blocks[1].content)


def _word(doc: Document, finding: Finding) -> str:
    ctx = CheckContext(doc)
    block = next(b for b in ctx.blocks if b.id == finding.target)
    return ctx.text(block)[finding.start : finding.end]


# --- the data folder -------------------------------------------------------------------------


def test_data_dir_honours_the_environment(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path / "data"))
    assert paths.user_data_dir() == tmp_path / "data"
    assert paths.user_dictionary_path() == tmp_path / "data" / "user-dictionary.txt"
    monkeypatch.delenv("PENHOLDER_DATA_DIR")
    assert paths.user_data_dir().name == "Penholder"
    assert paths.user_dictionary_path().name == "user-dictionary.txt"
