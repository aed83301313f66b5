"""Session numbers in words, as the masthead's session line of each language version writes
them: "Sixty-seventh", "Soixante-septième", "Quincuagésimo séptimo", "Шестьдесят девятая",
"第七十八届", "الرابعة والسبعون" (sources in :data:`drafting.masthead_words.SOURCES`).

Pure Python: no Qt, no I/O.
"""

from __future__ import annotations

from drafting.sessions import ordinal_words

MIN_SESSION = 1
MAX_SESSION = 199
LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _check_session(number: int) -> None:
    if not MIN_SESSION <= number <= MAX_SESSION:
        raise ValueError(f"session {number} is outside {MIN_SESSION} to {MAX_SESSION}")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- French ------------------------------------------------------------------------------------

_FR_UNITS = (
    "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip
_FR_TENS = ("", "", "vingt", "trente", "quarante", "cinquante", "soixante")


def _fr_cardinal(n: int) -> str:
    """Traditional spelling (hyphens under 100 except around "et"), as UN French writes it."""
    if n < 20:
        return _FR_UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…
            head = "soixante" if tens == 7 else "quatre-vingt"
            rest = 10 + units
            joiner = " et " if n == 71 else "-"
            return head + joiner + _FR_UNITS[rest]
        if tens == 8:
            return "quatre-vingt-" + _FR_UNITS[units] if units else "quatre-vingts"
        if units == 0:
            return _FR_TENS[tens]
        if units == 1:
            return _FR_TENS[tens] + " et un"
        return _FR_TENS[tens] + "-" + _FR_UNITS[units]
    rest = n - 100  # sessions stop at 199
    return f"cent {_fr_cardinal(rest)}" if rest else "cent"


def _fr_ordinal(n: int) -> str:
    if n == 1:
        return "première"  # "session" is feminine
    cardinal = _fr_cardinal(n)
    if cardinal.endswith("quatre-vingts"):
        return cardinal[:-1] + "ième"
    if cardinal.endswith("cinq"):
        return cardinal + "uième"
    if cardinal.endswith("neuf"):
        return cardinal[:-1] + "vième"
    if cardinal.endswith("e"):
        return cardinal[:-1] + "ième"
    return cardinal + "ième"


# --- Spanish -----------------------------------------------------------------------------------

_ES_UNITS = ("", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno")
"""Before a masculine noun ("período"): primer, tercer (apocope)."""
_ES_TEENS = (
    "décimo", "undécimo", "duodécimo", "decimotercer", "decimocuarto", "decimoquinto",
    "decimosexto", "decimoséptimo", "decimoctavo", "decimonoveno",
)  # fmt: skip
_ES_TENS = (
    "", "", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo",
    "septuagésimo", "octogésimo", "nonagésimo",
)  # fmt: skip


def _es_ordinal_below_100(n: int) -> str:
    if n < 10:
        return _ES_UNITS[n]
    if n < 20:
        return _ES_TEENS[n - 10]
    tens, units = divmod(n, 10)
    return _ES_TENS[tens] + (f" {_ES_UNITS[units]}" if units else "")


def _es_ordinal(n: int) -> str:
    if n < 100:
        return _es_ordinal_below_100(n)
    rest = n - 100
    return "centésimo" + (f" {_es_ordinal_below_100(rest)}" if rest else "")


# --- Russian -----------------------------------------------------------------------------------

_RU_UNITS_ORD = (
    "", "первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая", "девятая",
)  # fmt: skip
_RU_TEENS_ORD = (
    "десятая", "одиннадцатая", "двенадцатая", "тринадцатая", "четырнадцатая", "пятнадцатая",
    "шестнадцатая", "семнадцатая", "восемнадцатая", "девятнадцатая",
)  # fmt: skip
_RU_TENS_CARD = (
    "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
    "девяносто",
)  # fmt: skip
_RU_TENS_ORD = (
    "", "", "двадцатая", "тридцатая", "сороковая", "пятидесятая", "шестидесятая", "семидесятая",
    "восьмидесятая", "девяностая",
)  # fmt: skip


def _ru_ordinal_below_100(n: int) -> str:
    if n < 10:
        return _RU_UNITS_ORD[n]
    if n < 20:
        return _RU_TEENS_ORD[n - 10]
    tens, units = divmod(n, 10)
    return f"{_RU_TENS_CARD[tens]} {_RU_UNITS_ORD[units]}" if units else _RU_TENS_ORD[tens]


def _ru_ordinal(n: int) -> str:
    if n < 100:
        return _ru_ordinal_below_100(n)
    rest = n - 100
    return f"сто {_ru_ordinal_below_100(rest)}" if rest else "сотая"


# --- Chinese -----------------------------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"


def _zh_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 100 -> 一百, 101 -> 一百零一, 110 -> 一百一十."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        head = "十" if tens == 1 else _ZH_DIGITS[tens] + "十"
        return head + (_ZH_DIGITS[units] if units else "")
    hundreds, rest = divmod(n, 100)
    head = _ZH_DIGITS[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _ZH_DIGITS[rest]
    tens, units = divmod(rest, 10)
    return head + _ZH_DIGITS[tens] + "十" + (_ZH_DIGITS[units] if units else "")


# --- Arabic ------------------------------------------------------------------------------------

_AR_UNITS = (
    "", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
)  # fmt: skip
_AR_TENS = (
    "",
    "العاشرة",
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
)
_AR_HUNDRED = "المائة"


def _ar_ordinal_below_100(n: int) -> str:
    """Feminine ordinal with the article, agreeing with الدورة."""
    if n < 10:
        return _AR_UNITS[n]
    if n == 10:
        return _AR_TENS[1]
    tens, units = divmod(n, 10)
    unit = "الحادية" if units == 1 else _AR_UNITS[units]
    if tens == 1:
        return f"{unit} عشرة"
    if units == 0:
        return _AR_TENS[tens]
    return f"{unit} و{_AR_TENS[tens]}"


def _ar_ordinal(n: int) -> str:
    if n < 100:
        return _ar_ordinal_below_100(n)
    rest = n - 100
    if rest == 0:
        return _AR_HUNDRED
    unit = "الحادية" if rest == 1 else _ar_ordinal_below_100(rest)  # see SOURCES["ar.session_100_plus"]
    return f"{unit} بعد {_AR_HUNDRED}"


def session_ordinal(number: int, language: str) -> str:
    """Session ``number`` as the ordinal word(s) the session line uses, capitalised where the
    script has case: "Sixty-seventh", "Soixante-septième", "Quincuagésimo séptimo" (apocopated as
    before "período": "Primer", "Vigésimo tercer"), "Шестьдесят девятая", "第七十八届",
    "الرابعة والسبعون". Raises ValueError outside 1..199."""
    _check_session(number)
    lang = _lang(language)
    if lang == "fr":
        return _capitalise(_fr_ordinal(number))
    if lang == "es":
        return _capitalise(_es_ordinal(number))
    if lang == "ru":
        return _capitalise(_ru_ordinal(number))
    if lang == "zh":
        return f"第{_zh_number(number)}届"
    if lang == "ar":
        return _ar_ordinal(number)
    return ordinal_words(number)  # already capitalised: "Sixty-seventh"
