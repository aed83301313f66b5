"""Templates and session names: what a new document says, and that it survives export and checks."""

from __future__ import annotations

import datetime

import pytest

from drafting.checks import run_checks
from drafting.checks.finding import Severity
from drafting.exporters import export_document
from drafting.exporters.text_export import export_text
from drafting.importers import load_document
from drafting.languages import LANGUAGE_NAMES
from drafting.model import BlockKind, DocumentKind, Mark, Text, plain_text
from drafting.sessions import (
    cnd_session_number,
    ga_session_number,
    ga_session_opening,
    ordinal_words,
    session_name,
)
from drafting.templates import TEMPLATES, new_document, template_info, template_session, un_date
from tests.test_docx_schema import violations

ON = datetime.date(2026, 11, 23)
RESOLUTION_KEYS = ["ga-resolution", "ga-draft", "ecosoc-resolution", "sc-resolution", "cnd-resolution"]
ALL_KEYS = [*RESOLUTION_KEYS, "concept-paper", "empty"]


# --- ordinals and sessions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "First"),
        (2, "Second"),
        (3, "Third"),
        (5, "Fifth"),
        (9, "Ninth"),
        (12, "Twelfth"),
        (13, "Thirteenth"),
        (20, "Twentieth"),
        (40, "Fortieth"),
        (59, "Fifty-ninth"),
        (67, "Sixty-seventh"),
        (80, "Eightieth"),
        (81, "Eighty-first"),
        (100, "One hundredth"),
        (101, "One hundred and first"),
        (112, "One hundred and twelfth"),
    ],
)
def test_ordinal_words(n, words):
    assert ordinal_words(n) == words


@pytest.mark.parametrize("n", [0, -3, 1000])
def test_ordinal_words_out_of_range(n):
    with pytest.raises(ValueError, match="outside"):
        ordinal_words(n)


@pytest.mark.parametrize(
    ("date", "session"),
    [
        (datetime.date(2026, 11, 23), 81),
        (datetime.date(2026, 6, 1), 80),
        (datetime.date(2012, 12, 20), 67),  # 67/193
        (datetime.date(2007, 12, 18), 62),  # 62/172
        (datetime.date(2006, 9, 8), 60),  # 60/288, adopted at the end of the 60th session
        (datetime.date(2005, 9, 13), 60),  # the 60th session opened that day
        (datetime.date(2005, 9, 12), 59),
        (datetime.date(2023, 9, 5), 78),  # opened a week earlier than before 2023
        (datetime.date(2023, 9, 4), 77),
        (datetime.date(1946, 2, 1), 1),
    ],
)
def test_ga_session_number(date, session):
    assert ga_session_number(date) == session


def test_ga_sessions_open_on_a_tuesday_in_september():
    for session in range(2, 120):
        opening = ga_session_opening(session)
        assert (opening.year, opening.month, opening.weekday()) == (1945 + session, 9, 1)


def test_ga_session_before_the_first_one():
    with pytest.raises(ValueError, match="1946"):
        ga_session_number(datetime.date(1945, 12, 31))


def test_cnd_session_numbers():
    assert cnd_session_number(datetime.date(2016, 3, 14)) == 59
    assert cnd_session_number(datetime.date(2011, 12, 13)) == 54  # reconvened session, same number


@pytest.mark.parametrize(
    ("organ", "date", "name"),
    [
        ("General Assembly", datetime.date(2026, 11, 23), "Eighty-first session"),
        ("General Assembly", datetime.date(2012, 12, 20), "Sixty-seventh session"),
        ("Economic and Social Council", datetime.date(2026, 7, 1), "2026 session"),
        ("Commission on Narcotic Drugs", datetime.date(2016, 3, 22), "Fifty-ninth session"),
        ("Commission on Narcotic Drugs", datetime.date(2026, 3, 10), "Sixty-ninth session"),
        ("Security Council", datetime.date(2026, 11, 23), ""),
    ],
)
def test_session_name(organ, date, name):
    assert session_name(organ, date) == name


def test_session_name_unknown_organ():
    with pytest.raises(ValueError, match="unknown organ 'Trusteeship Council'"):
        session_name("Trusteeship Council", ON)


# --- the template list ------------------------------------------------------------------------


def test_template_keys_and_texts():
    assert [t.key for t in TEMPLATES] == ALL_KEYS
    for info in TEMPLATES:
        assert info.name
        assert info.description
    assert template_info("ga-draft").name == "General Assembly draft resolution"
    assert template_info("ga-draft").takes_sponsors
    assert not template_info("ga-resolution").takes_sponsors


def test_unknown_template_is_refused_clearly():
    with pytest.raises(ValueError, match=r"unknown template 'ga-decision'; choose one of: ga-resolution"):
        new_document("ga-decision", on=ON)


def test_template_session():
    assert template_session("ga-draft", ON) == "Eighty-first session"
    assert template_session("cnd-resolution", ON) == "Sixty-ninth session"
    assert template_session("sc-resolution", ON) == ""
    assert template_session("concept-paper", ON) == ""


def test_un_date():
    assert un_date(datetime.date(2026, 11, 23)) == "23 November 2026"
    assert un_date(datetime.date(2013, 4, 3)) == "3 April 2013"


# --- mastheads --------------------------------------------------------------------------------


def test_ga_resolution_masthead():
    doc = new_document("ga-resolution", on=ON, agenda_item="104")
    head = doc.masthead
    assert doc.kind is DocumentKind.RESOLUTION
    assert doc.language == "en"
    assert head.organization == "United Nations"
    assert head.organ == "General Assembly"
    assert head.symbol == "A/RES/81/__"
    assert head.distribution == "General"
    assert head.date == "23 November 2026"
    assert head.session == "Eighty-first session"
    assert head.agenda_item == "104"
    assert head.title == "[Title]"
    assert head.organ_line == "The General Assembly,"
    assert head.sponsors == []
    assert head.adoption_heading == "Resolution adopted by the General Assembly on 23 November 2026"


def test_ga_draft_masthead_with_sponsors_and_symbol():
    doc = new_document(
        "ga-draft",
        on=ON,
        agenda_item="Agenda item 64",
        symbol=" A/81/L.12 ",
        sponsors=[" Kazakhstan", "Kyrgyzstan", "", "Tajikistan", "Kyrgyzstan"],
    )
    head = doc.masthead
    assert doc.kind is DocumentKind.DRAFT_RESOLUTION
    assert head.symbol == "A/81/L.12"
    assert head.distribution == "Limited"
    assert head.original_language == "English"
    assert head.agenda_item == "64"
    assert head.sponsors == ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]
    assert head.designation == "draft resolution"


def test_draft_without_sponsors_gets_a_placeholder_sponsor():
    head = new_document("ga-draft", on=datetime.date(2026, 6, 1)).masthead
    assert head.symbol == "A/80/L.__"
    assert head.session == "Eightieth session"
    assert head.sponsors == ["[Member State]"]
    assert head.agenda_item is None


@pytest.mark.parametrize(
    ("key", "symbol", "session", "organ_line"),
    [
        ("ecosoc-resolution", "E/RES/2026/__", "2026 session", "The Economic and Social Council,"),
        ("sc-resolution", "S/RES/____ (2026)", None, "The Security Council,"),
        ("cnd-resolution", "E/CN.7/2026/L.__", "Sixty-ninth session", "The Commission on Narcotic Drugs,"),
    ],
)
def test_other_organs(key, symbol, session, organ_line):
    head = new_document(key, on=ON).masthead
    assert (head.symbol, head.session, head.organ_line) == (symbol, session, organ_line)


def test_security_council_has_no_title_and_no_agenda_item():
    head = new_document("sc-resolution", on=ON, agenda_item="12").masthead
    assert head.title is None
    assert head.agenda_item is None
    assert head.distribution == "General"


def test_commission_draft_is_limited_with_sponsors():
    doc = new_document("cnd-resolution", on=ON, sponsors=["Canada", "Mexico"])
    assert doc.kind is DocumentKind.DRAFT_RESOLUTION
    assert doc.masthead.distribution == "Limited"
    assert doc.masthead.sponsors == ["Canada", "Mexico"]


def test_sponsors_for_a_template_without_a_sponsors_line_are_refused():
    with pytest.raises(ValueError, match="no sponsors line"):
        new_document("ga-resolution", on=ON, sponsors=["France"])


def test_an_unknown_language_is_refused_clearly():
    with pytest.raises(ValueError, match="'de'"):
        new_document("ga-resolution", on=ON, language="de")


LANGUAGE_VERSIONS = {
    # language: (session line on ON, organ line, agenda item line as printed)
    "fr": ("Quatre-vingt-unième session", "L’Assemblée générale,", "Point 104 de l’ordre du jour"),
    "es": ("Octogésimo primer período de sesiones", "La Asamblea General,", "Tema 104 del programa"),
    "ru": ("Восемьдесят первая сессия", "Генеральная Ассамблея,", "Пункт 104 повестки дня"),
    "zh": ("第八十一届会议", "大会，", "议程项目 104"),
    "ar": ("الدورة الحادية والثمانون", "إن الجمعية العامة،", "البند 104 من جدول الأعمال"),
}


@pytest.mark.parametrize("language", sorted(LANGUAGE_VERSIONS))
def test_templates_in_every_language_print_that_language_s_masthead(language):
    session, organ_line, agenda = LANGUAGE_VERSIONS[language]
    doc = new_document("ga-draft", on=ON, agenda_item="104", language=language, sponsors=["A", "B"])
    assert doc.language == language
    assert doc.masthead.session == session
    assert doc.masthead.organ_line == organ_line
    assert doc.masthead.original_language == LANGUAGE_NAMES[language]
    text = export_text(doc)
    assert agenda in text
    assert session in text
    assert "Agenda item" not in text
    assert [f for f in run_checks(doc) if f.severity is Severity.ERROR] == []


# --- bodies -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", RESOLUTION_KEYS)
def test_resolution_body_is_one_pp_and_one_op_with_italic_openers(key):
    doc = new_document(key, on=ON)
    assert [b.kind for b in doc.blocks] == [BlockKind.PREAMBULAR, BlockKind.OPERATIVE]
    pp, op = doc.blocks
    assert plain_text(pp.content).endswith(",")
    assert plain_text(op.content).endswith(".")
    assert pp.content[0] == Text("Recalling", frozenset({Mark.ITALIC}))
    assert op.content[0] == Text("Decides", frozenset({Mark.ITALIC}))
    assert not any(Mark.ITALIC in n.marks for n in pp.content[1:] + op.content[1:])


def test_concept_paper_and_empty():
    paper = new_document("concept-paper", on=ON)
    assert paper.kind is DocumentKind.CONCEPT_PAPER
    assert [b.kind for b in paper.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert "concept paper" in paper.masthead.title.lower()
    assert [plain_text(b.content) for b in paper.front] == ["23 November 2026"]
    empty = new_document("empty", on=ON)
    assert empty.kind is DocumentKind.PLAIN
    assert [(b.kind, b.content) for b in empty.blocks] == [(BlockKind.PARAGRAPH, [])]


@pytest.mark.parametrize("key", ALL_KEYS)
def test_block_ids_are_fresh_and_unique(key):
    first = [b.id for b in new_document(key, on=ON).iter_blocks()]
    second = [b.id for b in new_document(key, on=ON).iter_blocks()]
    assert all(first)
    assert len(set(first + second)) == len(first) + len(second)


# --- export, re-import, checks -----------------------------------------------------------------


@pytest.mark.parametrize("key", ALL_KEYS)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_template_exports_and_imports_back(key, suffix, tmp_path):
    doc = new_document(key, on=ON, agenda_item="104")
    path = tmp_path / f"{key}{suffix}"
    assert export_document(doc, path) == []
    assert path.stat().st_size > 0 or key == "empty"
    if key == "empty":
        return  # one empty paragraph: nothing to read back
    back = load_document(path).document
    assert back.kind is doc.kind
    assert len(back.preambular) == len(doc.preambular)
    assert len(back.operative) == len(doc.operative)
    assert [b.kind for b in back.blocks] == [b.kind for b in doc.blocks]
    assert back.masthead.organ_line == doc.masthead.organ_line
    if key != "concept-paper":
        assert back.masthead.date == "23 November 2026"
        assert back.masthead.sponsors == doc.masthead.sponsors


@pytest.mark.parametrize("key", RESOLUTION_KEYS)
def test_resolution_templates_pass_the_checks_without_errors(key):
    findings = run_checks(new_document(key, on=ON, agenda_item="104"))
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_sponsors_read_from_a_sponsors_line_keep_names_with_and():
    from drafting.masthead import split_sponsors

    assert split_sponsors("Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan", "en") == [
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    ]
    assert split_sponsors("Jamaica, Trinidad and Tobago and Bosnia and Herzegovina", "en") == [
        "Jamaica",
        "Trinidad and Tobago",
        "Bosnia and Herzegovina",
    ]
    assert split_sponsors("哈萨克斯坦、中非共和国和特立尼达和多巴哥", "zh") == [
        "哈萨克斯坦",
        "中非共和国",
        "特立尼达和多巴哥",
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("language", ["en", *sorted(LANGUAGE_VERSIONS)])
def test_a_draft_in_every_language_is_read_back_with_its_masthead(language, suffix, tmp_path):
    """The importers read each language version's masthead words back into the same fields:
    the Russian organ name that is also the organ line's wording, the Arabic comma after the
    organ line, "Distr. general", "Original: inglés", "Tema 104 del programa", sponsors joined
    with "y", "и" or "و"."""
    doc = new_document(
        "ga-draft", on=ON, agenda_item="104", language=language, sponsors=["Cuba", "Mexico", "Peru"]
    )
    path = tmp_path / f"draft-{language}{suffix}"
    assert export_document(doc, path) == []
    if suffix == ".docx":
        assert violations(path.name, path.read_bytes())[0] == []  # ECMA-376
    back = load_document(path).document
    head, expected = back.masthead, doc.masthead
    assert back.language == language
    assert back.kind is DocumentKind.DRAFT_RESOLUTION
    assert (head.session, head.agenda_item, head.date) == (expected.session, "104", expected.date)
    assert (head.distribution, head.original_language) == ("Limited", LANGUAGE_NAMES[language])
    assert head.organ == expected.organ
    assert head.sponsors == ["Cuba", "Mexico", "Peru"]
    assert head.organ_line == expected.organ_line
    assert [plain_text(b.content) for b in back.blocks] == [plain_text(b.content) for b in doc.blocks]
    assert [b.kind for b in back.blocks] == [BlockKind.PREAMBULAR, BlockKind.OPERATIVE]


@pytest.mark.parametrize("language", sorted(LANGUAGE_VERSIONS))
def test_a_concept_paper_in_every_language_has_its_own_words_and_date(language):
    doc = new_document("concept-paper", on=ON, language=language)
    english = new_document("concept-paper", on=ON)
    assert doc.language == language
    assert doc.masthead.title != english.masthead.title
    assert plain_text(doc.blocks[0].content) != plain_text(english.blocks[0].content)
    date = plain_text(doc.front[0].content)
    assert "2026" in date
    assert "November" not in date
