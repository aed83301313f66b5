"""Opening-phrase completion with the also/further rule, and the standard paragraphs.

A/RES/67/193 (corpus) opens preambular paragraphs with Recalling (x3), Recalling also and
Recalling further; Recognizing (x4) and Recognizing also (x2); operative ones with Decides,
Also decides and Further decides; Requests (x3); Urges (x9). Its masthead says "Sixty-seventh
session" and its last paragraph asks for a report "at its sixty-eighth session".
"""

from __future__ import annotations

import pytest

from drafting.completion import (
    Boilerplate,
    Suggestion,
    boilerplate_paragraphs,
    next_session_name,
    opener_suggestions,
    session_number,
)
from drafting.model import Block, BlockKind, Document, DocumentKind, Masthead, Text, plain_text
from tests.helpers import load

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"]


@pytest.fixture(scope="module")
def res_67_193() -> Document:
    return load("ga-res-67-193-en.txt").document


def texts(suggestions: list[Suggestion]) -> list[str]:
    return [s.text for s in suggestions]


def resolution(preambular: list[str], operative: list[str], *, language: str = "en", **masthead) -> Document:
    blocks = [Block(f"pp{i}", BlockKind.PREAMBULAR, [Text(t)]) for i, t in enumerate(preambular)]
    blocks += [Block(f"op{i}", BlockKind.OPERATIVE, [Text(t)]) for i, t in enumerate(operative)]
    return Document(DocumentKind.RESOLUTION, language, Masthead(**masthead), blocks=blocks)


def test_the_corpus_text_has_the_uses_the_asserts_rely_on(res_67_193):
    preambular = [plain_text(b.content) for b in res_67_193.preambular]
    assert sum(t.startswith("Recalling also ") for t in preambular) == 1
    assert sum(t.startswith("Recalling further ") for t in preambular) == 1
    operative = [plain_text(b.content) for b in res_67_193.operative]
    assert [t for t in operative if t.startswith(("Decides ", "Also decides ", "Further decides "))] == [
        operative[43],
        operative[44],
        operative[45],
    ]
    assert [operative[i].split(" ")[0] for i in (43, 44, 45)] == ["Decides", "Also", "Further"]
    assert sum(t.startswith("Requests ") for t in operative) == 3
    assert res_67_193.masthead.session == "Sixty-seventh session"


def test_a_used_preambular_opener_is_offered_in_its_further_form(res_67_193):
    offered = texts(opener_suggestions(res_67_193, "preambular", "Rec"))
    assert "Recalling further" in offered
    assert "Recognizing further" in offered
    assert "Recalling" not in offered
    assert "Recalling also" not in offered
    assert offered[0] != "Recalling"


def test_the_detail_says_which_use_it_is(res_67_193):
    recalling = next(s for s in opener_suggestions(res_67_193, "preambular", "Recall"))
    assert recalling == Suggestion("Recalling further", "sixth 'Recalling'")


def test_used_openers_come_before_unused_ones(res_67_193):
    offered = opener_suggestions(res_67_193, "preambular", "", limit=None)
    used = [i for i, s in enumerate(offered) if s.detail]
    unused = [i for i, s in enumerate(offered) if not s.detail]
    assert used
    assert unused
    assert max(used) < min(unused)
    # Most used first: Recognizing (6 uses) before Welcoming (3) before Stressing (1).
    order = texts(offered)
    assert (
        order.index("Recognizing further") < order.index("Welcoming further") < order.index("Stressing also")
    )


def test_operative_adverb_goes_before_the_verb(res_67_193):
    assert texts(opener_suggestions(res_67_193, "operative", "Dec"))[0] == "Further decides"
    assert "Decides" not in texts(opener_suggestions(res_67_193, "operative", "Dec"))
    assert texts(opener_suggestions(res_67_193, "operative", "Req")) == ["Further requests"]


def test_a_second_use_is_offered_with_also():
    document = resolution(["Recalling its resolution 66/183,"], ["Decides to convene a meeting;"])
    assert texts(opener_suggestions(document, "preambular", "Rec")) == ["Recalling also", "Recognizing"]
    decides = opener_suggestions(document, "operative", "dec")
    assert decides[0] == Suggestion("Also decides", "second 'Decides'")


def test_typing_the_adverb_matches_the_adverb_form(res_67_193):
    assert texts(opener_suggestions(res_67_193, "operative", "Also d"))[0] == "Also decides"
    assert texts(opener_suggestions(res_67_193, "operative", "Further d"))[0] == "Further decides"
    assert texts(opener_suggestions(res_67_193, "preambular", "Recalling a")) == ["Recalling also"]
    assert opener_suggestions(res_67_193, "operative", "Also zz") == []


def test_the_paragraph_being_typed_does_not_count():
    document = resolution(["Recalling its resolution 66/183,", "Recalling"], [])
    assert texts(opener_suggestions(document, "preambular", "Recall", exclude_block="pp1")) == [
        "Recalling also"
    ]
    assert texts(opener_suggestions(document, "preambular", "Recall")) == ["Recalling further"]


def test_an_empty_document_offers_plain_forms_common_ones_first():
    document = Document()
    preambular = opener_suggestions(document, "preambular", "")
    assert len(preambular) == 12
    assert texts(preambular)[:3] == ["Recalling", "Reaffirming", "Recognizing"]
    assert all(s.detail == "" for s in preambular)
    assert texts(opener_suggestions(document, "operative", "dec")) == ["Decides", "Declares"]
    assert texts(opener_suggestions(document, "operative", "", limit=2)) == ["Requests", "Decides"]


def test_no_duplicates_and_the_limit(res_67_193):
    for kind in ("preambular", "operative"):
        offered = texts(opener_suggestions(res_67_193, kind, "", limit=None))
        assert len(offered) == len(set(offered)) > 40
        assert len(opener_suggestions(res_67_193, kind, "", limit=5)) == 5


def test_a_wrong_kind_is_refused():
    with pytest.raises(ValueError, match="preambular"):
        opener_suggestions(Document(), "heading", "")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["preambular", "operative"])
def test_every_language_offers_something(res_67_193, language, kind):
    offered = opener_suggestions(res_67_193, kind, "", language=language)
    assert 0 < len(offered) <= 12
    assert all(s.text for s in offered)


def test_other_languages_use_their_adverbs():
    french = resolution(["Rappelant sa résolution,"], ["Décide x ;"], language="fr")
    assert texts(opener_suggestions(french, "preambular", "Rap", language="fr")) == ["Rappelant également"]
    russian = resolution(["ссылаясь на резолюцию,"], [], language="ru")
    assert texts(opener_suggestions(russian, "preambular", "ссыл", language="ru")) == ["ссылаясь также на"]
    arabic = resolution(["إذ تشير إلى القرار،"], [], language="ar")
    assert texts(opener_suggestions(arabic, "preambular", "", language="ar"))[0] == "وإذ تشير أيضا إلى"
    chinese = resolution(["回顾x，", "又回顾y，"], ["决定x；"], language="zh")
    assert texts(opener_suggestions(chinese, "preambular", "", language="zh"))[0] == "进一步回顾"
    assert texts(opener_suggestions(chinese, "operative", "", language="zh"))[0] == "又决定"


def test_an_unknown_language_gives_nothing():
    assert opener_suggestions(Document(), "preambular", "", language="kk") == []


@pytest.mark.parametrize(
    ("session", "number"),
    [
        ("Eighty-first session", 81),
        ("Sixty-seventh session", 67),
        ("One hundredth session", 100),
        ("81st session", 81),
        ("Soixante et onzième session", 71),
        ("Quatre-vingt-unième session", 81),
        ("Octogésimo primer período de sesiones", 81),
        ("第七十八届会议", 78),
        ("2026 session", None),
        ("Tenth emergency special session", None),
        (None, None),
    ],
)
def test_session_number(session, number):
    assert session_number(session) == number


def test_next_session_name():
    assert next_session_name("Eighty-first session") == "eighty-second"
    assert next_session_name("Seventieth session") == "seventy-first"
    assert next_session_name("Eighty-first session", "fr") == "quatre-vingt-deuxième"
    assert next_session_name("Soixante-neuvième session", "fr") == "soixante-dixième"
    assert next_session_name("Eighty-first session", "es") == "octogésimo segundo"
    assert next_session_name("2026 session") == "2027"
    assert next_session_name(None) is None


def test_boilerplate_fills_the_next_session():
    document = resolution([], [], organ="General Assembly", session="Eighty-first session")
    paragraphs = boilerplate_paragraphs(document)
    report = next(p for p in paragraphs if p.title == "Report on implementation")
    assert report == Boilerplate(
        "Report on implementation",
        "operative",
        "Requests the Secretary-General to submit to the General Assembly at its eighty-second session "
        "a report on the implementation of the present resolution;",
    )
    agenda = next(p for p in paragraphs if p.title == "Item in the provisional agenda")
    assert agenda.text.startswith("Decides to include in the provisional agenda of its eighty-second session")
    assert "[next]" not in " ".join(p.text for p in paragraphs)


def test_boilerplate_covers_both_parts_and_the_standard_paragraphs():
    paragraphs = boilerplate_paragraphs(resolution([], []))
    assert len(paragraphs) >= 8
    assert {p.kind for p in paragraphs} == {"preambular", "operative"}
    by_text = {p.text for p in paragraphs}
    assert "Recalling its resolution [number] of [date]," in by_text
    assert "Reaffirming the purposes and principles of the Charter of the United Nations," in by_text
    assert any(
        t.startswith("Invites Member States and other donors to provide extrabudgetary") for t in by_text
    )
    assert any(
        t.startswith("Requests the Secretary-General to transmit the present resolution") for t in by_text
    )


def test_unknown_session_keeps_a_visible_placeholder():
    paragraphs = boilerplate_paragraphs(resolution([], []))
    report = next(p for p in paragraphs if p.title == "Report on implementation")
    assert "at its [next] session" in report.text


def test_boilerplate_follows_the_also_further_rule(res_67_193):
    paragraphs = {p.title: p.text for p in boilerplate_paragraphs(res_67_193)}
    assert paragraphs["Earlier resolution"].startswith("Recalling further its resolution")
    assert paragraphs["Report on implementation"] == (
        "Further requests the Secretary-General to submit to the General Assembly at its sixty-eighth "
        "session a report on the implementation of the present resolution;"
    )
    assert paragraphs["Report considered"].startswith("Having considered")


def test_security_council_formula_only_for_council_texts(res_67_193):
    assert not any("remain seized" in p.text for p in boilerplate_paragraphs(res_67_193))
    council = resolution(
        ["Recalling x,"], ["Decides x;"], organ="Security Council", symbol="S/RES/2719 (2023)"
    )
    texts_ = [p.text for p in boilerplate_paragraphs(council)]
    assert "Decides to remain seized of the matter." in texts_  # never "Also decides to remain seized"
    assert not any("session" in t for t in texts_)


@pytest.mark.parametrize("language", LANGUAGES)
def test_boilerplate_in_every_language(language):
    document = resolution([], [], language=language, session="Eighty-first session")
    paragraphs = boilerplate_paragraphs(document, language)
    assert len(paragraphs) >= 8
    assert all(p.kind in ("preambular", "operative") and p.text and p.title for p in paragraphs)
    assert all("{" not in p.text for p in paragraphs)


def test_french_and_spanish_boilerplate():
    french = boilerplate_paragraphs(
        resolution([], [], language="fr", session="Quatre-vingt-unième session"), "fr"
    )
    assert any("à sa quatre-vingt-deuxième session" in p.text for p in french)
    spanish = boilerplate_paragraphs(
        resolution([], [], language="es", session="Octogésimo primer período de sesiones"), "es"
    )
    assert any("en su octogésimo segundo período de sesiones" in p.text for p in spanish)
