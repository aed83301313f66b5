"""Masthead words in the six official languages (drafting.masthead_words)."""

from __future__ import annotations

import datetime

import pytest

from drafting import masthead_words as mw
from drafting.sessions import CND, ECOSOC, GENERAL_ASSEMBLY, SECURITY_COUNCIL

D = datetime.date

# --- verified examples (see mw.SOURCES) --------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "language", "expected"),
    [
        (67, "en", "Sixty-seventh session"),
        (76, "fr", "Soixante-seizième session"),
        (63, "fr", "Soixante-troisième session"),
        (59, "es", "Quincuagésimo noveno período de sesiones"),
        (57, "es", "Quincuagésimo séptimo período de sesiones"),
        (53, "es", "Quincuagésimo tercer período de sesiones"),
        (31, "es", "Trigésimo primer período de sesiones"),
        (69, "ru", "Шестьдесят девятая сессия"),
        (78, "zh", "第七十八届会议"),
        (74, "ar", "الدورة الرابعة والسبعون"),
        (75, "ar", "الدورة الخامسة والسبعون"),
        (41, "ar", "الدورة الحادية والأربعون"),
    ],
)
def test_verified_session_lines(number, language, expected):
    assert mw.session_line(number, language) == expected


@pytest.mark.parametrize(
    ("item", "language", "expected"),
    [
        ("104", "en", "Agenda item 104"),
        ("126", "fr", "Point 126 de l’ordre du jour"),
        ("104", "es", "Tema 104 del programa"),
        ("118", "ru", "Пункт 118 повестки дня"),
        ("64", "zh", "议程项目 64"),
        ("7", "ar", "البند 7 من جدول الأعمال"),
        ("18 (b)", "en", "Agenda item 18 (b)"),
        ("18 (b)", "fr", "Point 18 (b) de l’ordre du jour"),
    ],
)
def test_agenda_item_line(item, language, expected):
    assert mw.agenda_item_line(item, language) == expected


@pytest.mark.parametrize(
    ("distribution", "language", "expected"),
    [
        ("General", "en", "Distr.: General"),
        ("General", "ru", "Distr.: General"),
        ("Limited", "ru", "Distr.: Limited"),
        ("Limited", "zh", "Distr.: Limited"),
        ("Limited", "ar", "Distr.: Limited"),
        ("General", "fr", "Distr. générale"),
        ("Limited", "fr", "Distr. limitée"),
        ("Restricted", "fr", "Distr. restreinte"),
        ("General", "es", "Distr. general"),
        ("Limited", "es", "Distr. limitada"),
        ("Restricted", "es", "Distr. reservada"),
    ],
)
def test_distribution_line(distribution, language, expected):
    assert mw.distribution_line(distribution, language) == expected


@pytest.mark.parametrize(
    ("date", "language", "expected"),
    [
        (D(2015, 7, 6), "en", "6 July 2015"),
        (D(2015, 7, 6), "ru", "6 July 2015"),
        (D(2022, 3, 1), "zh", "1 March 2022"),
        (D(2020, 7, 16), "ar", "16 July 2020"),
        (D(2022, 6, 21), "fr", "21 juin 2022"),
        (D(2022, 6, 1), "fr", "1er juin 2022"),
        (D(2009, 9, 22), "fr", "22 septembre 2009"),
        (D(2002, 12, 4), "es", "4 de diciembre de 2002"),
        (D(1999, 12, 1), "es", "1 de diciembre de 1999"),
    ],
)
def test_masthead_date(date, language, expected):
    assert mw.masthead_date(date, language) == expected


def test_version_language_line():
    assert mw.version_language_line("en") is None
    assert mw.version_language_line("es") == "Español"
    assert mw.version_language_line("fr") == "Français"
    assert mw.version_language_line("ru") == "Russian"
    assert mw.version_language_line("zh") == "Chinese"
    assert mw.version_language_line("ar") == "Arabic"


@pytest.mark.parametrize(
    ("original", "language", "expected"),
    [
        ("English", "en", "Original: English"),
        ("English", "ru", "Original: English"),
        ("English", "zh", "Original: English"),
        ("English", "ar", "Original: English"),
        ("English", "es", "Original: inglés"),
        ("Arabic", "es", "Original: árabe"),
        ("English", "fr", "Original : anglais"),
        ("Russian", "fr", "Original : russe"),
        ("English/French", "es", "Original: inglés/francés"),
        ("Kazakh", "fr", "Original : Kazakh"),
    ],
)
def test_original_language_line(original, language, expected):
    assert mw.original_language_line(original, language) == expected


def test_organization_name():
    assert [mw.organization_name(lang) for lang in mw.LANGUAGES] == [
        "United Nations",
        "Nations Unies",
        "Naciones Unidas",
        "Организация Объединенных Наций",
        "联合国",
        "الأمم المتحدة",
    ]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "fr",
            [
                "Assemblée générale",
                "Conseil économique et social",
                "Conseil de sécurité",
                "Commission des stupéfiants",
            ],
        ),
        (
            "es",
            [
                "Asamblea General",
                "Consejo Económico y Social",
                "Consejo de Seguridad",
                "Comisión de Estupefacientes",
            ],
        ),
        (
            "ru",
            [
                "Генеральная Ассамблея",
                "Экономический и Социальный Совет",
                "Совет Безопасности",
                "Комиссия по наркотическим средствам",
            ],
        ),
        ("zh", ["大会", "经济及社会理事会", "安全理事会", "麻醉药品委员会"]),
        ("ar", ["الجمعية العامة", "المجلس الاقتصادي والاجتماعي", "مجلس الأمن", "لجنة المخدرات"]),
        ("en", [GENERAL_ASSEMBLY, ECOSOC, SECURITY_COUNCIL, CND]),
    ],
)
def test_organ_name(language, names):
    assert [mw.organ_name(o, language) for o in (GENERAL_ASSEMBLY, ECOSOC, SECURITY_COUNCIL, CND)] == names


def test_unknown_organ_is_returned_unchanged():
    assert mw.organ_name("Human Rights Council", "fr") == "Human Rights Council"


@pytest.mark.parametrize(
    ("organ", "language", "expected"),
    [
        (GENERAL_ASSEMBLY, "en", "The General Assembly,"),
        (GENERAL_ASSEMBLY, "fr", "L’Assemblée générale,"),
        (GENERAL_ASSEMBLY, "es", "La Asamblea General,"),
        (GENERAL_ASSEMBLY, "ru", "Генеральная Ассамблея,"),
        (GENERAL_ASSEMBLY, "zh", "大会，"),
        (GENERAL_ASSEMBLY, "ar", "إن الجمعية العامة،"),
        (SECURITY_COUNCIL, "en", "The Security Council,"),
        (SECURITY_COUNCIL, "fr", "Le Conseil de sécurité,"),
        (ECOSOC, "es", "El Consejo Económico y Social,"),
        (CND, "fr", "La Commission des stupéfiants,"),
        (CND, "zh", "麻醉药品委员会，"),
        (SECURITY_COUNCIL, "ar", "إن مجلس الأمن،"),
    ],
)
def test_organ_line(organ, language, expected):
    assert mw.organ_line(organ, language) == expected


def test_draft_designation():
    assert [mw.draft_designation(lang) for lang in mw.LANGUAGES] == [
        "draft resolution",
        "projet de résolution",
        "proyecto de resolución",
        "проект резолюции",
        "决议草案",
        "مشروع قرار",
    ]


def test_join_names():
    five_zh = ["哈萨克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "乌兹别克斯坦"]
    assert mw.join_names(five_zh, "zh") == "哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦、土库曼斯坦和乌兹别克斯坦"
    assert mw.join_names(["A", "B", "C"], "en") == "A, B and C"
    assert mw.join_names(["A", "B", "C"], "fr") == "A, B et C"
    assert mw.join_names(["A", "B", "C"], "es") == "A, B y C"
    assert mw.join_names(["Эквадор", "Эритрея"], "ru") == "Эквадор и Эритрея"
    assert mw.join_names(["كازاخستان", "قيرغيزستان"], "ar") == "كازاخستان وقيرغيزستان"
    assert mw.join_names(["A", "B", "C"], "ar") == "A وB وC"
    assert mw.join_names(["Kazakhstan"], "en") == "Kazakhstan"
    assert mw.join_names(["哈萨克斯坦"], "zh") == "哈萨克斯坦"
    assert mw.join_names([], "fr") == ""


@pytest.mark.parametrize(
    ("organ", "date", "language", "expected"),
    [
        (
            GENERAL_ASSEMBLY,
            D(2012, 12, 20),
            "en",
            "Resolution adopted by the General Assembly on 20 December 2012",
        ),
        (
            GENERAL_ASSEMBLY,
            D(2022, 6, 10),
            "fr",
            "Résolution adoptée par l’Assemblée générale le 10 juin 2022",
        ),
        (
            GENERAL_ASSEMBLY,
            D(2011, 12, 2),
            "es",
            "Resolución aprobada por la Asamblea General el 2 de diciembre de 2011",
        ),
        (
            GENERAL_ASSEMBLY,
            D(2015, 9, 11),
            "ru",
            "Резолюция, принятая Генеральной Ассамблеей 11 сентября 2015 года",
        ),
        # unverified forms (SOURCES says so), pinned so a change is deliberate:
        (GENERAL_ASSEMBLY, D(2015, 9, 25), "zh", "2015年9月25日大会决议"),
        (GENERAL_ASSEMBLY, D(2015, 9, 25), "ar", "قرار اتخذته الجمعية العامة في 25 أيلول/سبتمبر 2015"),
        (SECURITY_COUNCIL, D(2015, 9, 25), "ar", "قرار اتخذه مجلس الأمن في 25 أيلول/سبتمبر 2015"),
        (
            SECURITY_COUNCIL,
            D(2020, 1, 1),
            "fr",
            "Résolution adoptée par le Conseil de sécurité le 1er janvier 2020",
        ),
        (
            ECOSOC,
            D(2020, 7, 22),
            "ru",
            "Резолюция, принятая Экономическим и Социальным Советом 22 июля 2020 года",
        ),
    ],
)
def test_adoption_heading(organ, date, language, expected):
    assert mw.adoption_heading(organ, date, language) == expected


# --- ordinals over the range ------------------------------------------------------------------


@pytest.mark.parametrize("language", mw.LANGUAGES)
def test_ordinals_1_to_120_are_distinct(language):
    lines = [mw.session_line(n, language) for n in range(1, 121)]
    assert len(set(lines)) == 120
    ordinals = [mw.session_ordinal(n, language) for n in range(1, 121)]
    assert len(set(ordinals)) == 120


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru"])
def test_ordinals_start_with_a_capital(language):
    for n in range(1, 121):
        line = mw.session_line(n, language)
        assert line[0].isupper(), line


HAND_CHECKED = {
    "en": {
        1: "First",
        2: "Second",
        3: "Third",
        11: "Eleventh",
        20: "Twentieth",
        21: "Twenty-first",
        71: "Seventy-first",
        80: "Eightieth",
        81: "Eighty-first",
        99: "Ninety-ninth",
        100: "One hundredth",
        101: "One hundred and first",
    },
    "fr": {
        1: "Première",
        2: "Deuxième",
        3: "Troisième",
        5: "Cinquième",
        9: "Neuvième",
        11: "Onzième",
        20: "Vingtième",
        21: "Vingt et unième",
        71: "Soixante et onzième",
        77: "Soixante-dix-septième",
        80: "Quatre-vingtième",
        81: "Quatre-vingt-unième",
        91: "Quatre-vingt-onzième",
        99: "Quatre-vingt-dix-neuvième",
        100: "Centième",
        101: "Cent unième",
        121: "Cent vingt et unième",
        180: "Cent quatre-vingtième",
    },
    "es": {
        1: "Primer",
        2: "Segundo",
        3: "Tercer",
        11: "Undécimo",
        13: "Decimotercer",
        20: "Vigésimo",
        21: "Vigésimo primer",
        23: "Vigésimo tercer",
        71: "Septuagésimo primer",
        80: "Octogésimo",
        81: "Octogésimo primer",
        99: "Nonagésimo noveno",
        100: "Centésimo",
        101: "Centésimo primer",
    },
    "ru": {
        1: "Первая",
        2: "Вторая",
        3: "Третья",
        4: "Четвертая",
        11: "Одиннадцатая",
        20: "Двадцатая",
        21: "Двадцать первая",
        40: "Сороковая",
        71: "Семьдесят первая",
        80: "Восьмидесятая",
        81: "Восемьдесят первая",
        90: "Девяностая",
        99: "Девяносто девятая",
        100: "Сотая",
        101: "Сто первая",
    },
    "zh": {
        1: "第一届",
        2: "第二届",
        3: "第三届",
        10: "第十届",
        11: "第十一届",
        20: "第二十届",
        21: "第二十一届",
        67: "第六十七届",
        71: "第七十一届",
        80: "第八十届",
        81: "第八十一届",
        99: "第九十九届",
        100: "第一百届",
        101: "第一百零一届",
        110: "第一百一十届",
    },
    "ar": {
        1: "الأولى",
        2: "الثانية",
        3: "الثالثة",
        10: "العاشرة",
        11: "الحادية عشرة",
        12: "الثانية عشرة",
        19: "التاسعة عشرة",
        20: "العشرون",
        21: "الحادية والعشرون",
        22: "الثانية والعشرون",
        71: "الحادية والسبعون",
        80: "الثمانون",
        81: "الحادية والثمانون",
        99: "التاسعة والتسعون",
        100: "المائة",
        101: "الحادية بعد المائة",
    },
}


@pytest.mark.parametrize(
    ("language", "number", "expected"),
    [(lang, n, word) for lang, table in HAND_CHECKED.items() for n, word in table.items()],
)
def test_hand_checked_ordinals(language, number, expected):
    assert mw.session_ordinal(number, language) == expected


def test_session_line_wraps_the_ordinal():
    assert mw.session_line(1, "fr") == "Première session"
    assert mw.session_line(1, "es") == "Primer período de sesiones"
    assert mw.session_line(81, "ru") == "Восемьдесят первая сессия"
    assert mw.session_line(101, "zh") == "第一百零一届会议"
    assert mw.session_line(1, "ar") == "الدورة الأولى"


# --- fallback and range ------------------------------------------------------------------------


def test_unknown_language_falls_back_to_english():
    assert mw.session_line(67, "de") == "Sixty-seventh session"
    assert mw.agenda_item_line("104", "kk") == "Agenda item 104"
    assert mw.distribution_line("General", "pt") == "Distr.: General"
    assert mw.masthead_date(D(2015, 7, 6), "xx") == "6 July 2015"
    assert mw.version_language_line("de") is None
    assert mw.original_language_line("English", "de") == "Original: English"
    assert mw.organization_name("de") == "United Nations"
    assert mw.organ_line(GENERAL_ASSEMBLY, "de") == "The General Assembly,"
    assert mw.draft_designation("de") == "draft resolution"
    assert mw.join_names(["A", "B"], "de") == "A and B"
    assert (
        mw.adoption_heading(GENERAL_ASSEMBLY, D(2012, 12, 20), "de")
        == "Resolution adopted by the General Assembly on 20 December 2012"
    )


@pytest.mark.parametrize("language", [*mw.LANGUAGES, "de"])
@pytest.mark.parametrize("number", [0, -1, 200, 1000])
def test_out_of_range_raises(language, number):
    with pytest.raises(ValueError, match="outside 1 to 199"):
        mw.session_ordinal(number, language)
    with pytest.raises(ValueError, match="outside 1 to 199"):
        mw.session_line(number, language)


@pytest.mark.parametrize("language", mw.LANGUAGES)
def test_range_edges_are_accepted(language):
    assert mw.session_line(1, language)
    assert mw.session_line(199, language)


def test_every_language_has_a_source_for_each_convention():
    conventions = (
        "session", "agenda_item", "distribution", "date", "original_language", "organization",
        "organ_line", "draft_designation", "join_names", "adoption_heading",
    )  # fmt: skip
    missing = [f"{lang}.{c}" for lang in mw.LANGUAGES for c in conventions if f"{lang}.{c}" not in mw.SOURCES]
    assert missing == []
    assert all(text.strip() for text in mw.SOURCES.values())
