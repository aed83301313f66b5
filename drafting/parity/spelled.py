"""Numbers written in words (rule 6): "sixty-seventh", "шестьдесят седьмой", "第六十七".

A number in digits in one version and in words in the other ("sixty-seventh session" /
"67-й сессии") is no discrepancy: a number without a counterpart in the other version is
dropped when the other version's aligned paragraph writes the same value in words (English,
French, Spanish, Russian, Kazakh, Chinese and Arabic number words, cardinal or ordinal,
compounds summed). Words only ever *remove* a report, never add one: this module is used for
nothing but forgiving a number without a counterpart.
"""

from __future__ import annotations

import re
from collections import Counter

_ORD_RU = r"(?:ый|ой|ий|ая|ое|ые|ого|ому|ом|ую|ых|ым|ыми)"
_WORDS: list[tuple[str, int]] = []


def _add(pattern: str, value: int) -> None:
    _WORDS.append((pattern, value))


_EN = [
    ("zero", 0),
    ("one|first", 1),
    ("two|second", 2),
    ("three|third", 3),
    ("four|fourth", 4),
    ("five|fifth", 5),
    ("six|sixth", 6),
    ("seven|seventh", 7),
    ("eight|eighth", 8),
    ("nine|ninth", 9),
    ("ten|tenth", 10),
    ("eleven|eleventh", 11),
    ("twelve|twelfth", 12),
    ("thirteen(?:th)?", 13),
    ("fourteen(?:th)?", 14),
    ("fifteen(?:th)?", 15),
    ("sixteen(?:th)?", 16),
    ("seventeen(?:th)?", 17),
    ("eighteen(?:th)?", 18),
    ("nineteen(?:th)?", 19),
    ("twent(?:y|ieth)", 20),
    ("thirt(?:y|ieth)", 30),
    ("fort(?:y|ieth)", 40),
    ("fift(?:y|ieth)", 50),
    ("sixt(?:y|ieth)", 60),
    ("sevent(?:y|ieth)", 70),
    ("eight(?:y|ieth)", 80),
    ("ninet(?:y|ieth)", 90),
    ("hundred(?:th)?", 100),
]
_FR = [
    ("une?|premi(?:er|ère)s?", 1),
    ("deux(?:ième)?|second(?:e)?", 2),
    ("trois(?:ième)?", 3),
    ("quatre|quatrième", 4),
    ("cinq(?:uième)?", 5),
    ("six(?:ième)?", 6),
    ("sept(?:ième)?", 7),
    ("huit(?:ième)?", 8),
    ("neu(?:f|vième)", 9),
    ("dix(?:ième)?", 10),
    ("onze|onzième", 11),
    ("douze|douzième", 12),
    ("treize|treizième", 13),
    ("quatorze|quatorzième", 14),
    ("quinze|quinzième", 15),
    ("seize|seizième", 16),
    ("vingts?|vingtième", 20),
    ("trente|trentième", 30),
    ("quarante|quarantième", 40),
    ("cinquante|cinquantième", 50),
    ("soixante|soixantième", 60),
    ("cents?|centième", 100),
]
_ES = [
    ("uno|una|primer[oa]?", 1),
    ("dos|segund[oa]", 2),
    ("tres|tercer[oa]?", 3),
    ("cuatro|cuart[oa]", 4),
    ("cinco|quint[oa]", 5),
    ("seis|sext[oa]", 6),
    ("siete|s[eé]ptim[oa]", 7),
    ("ocho|octav[oa]", 8),
    ("nueve|noven[oa]", 9),
    ("diez|d[eé]cim[oa]", 10),
    ("once", 11),
    ("doce", 12),
    ("trece", 13),
    ("catorce", 14),
    ("quince", 15),
    ("veinte|vig[eé]sim[oa]", 20),
    ("treinta|trig[eé]sim[oa]", 30),
    ("cuarenta|cuadrag[eé]sim[oa]", 40),
    ("cincuenta|quincuag[eé]sim[oa]", 50),
    ("sesenta|sexag[eé]sim[oa]", 60),
    ("setenta|septuag[eé]sim[oa]", 70),
    ("ochenta|octog[eé]sim[oa]", 80),
    ("noventa|nonag[eé]sim[oa]", 90),
    ("cien(?:to)?|cent[eé]sim[oa]", 100),
]
_RU = [
    (f"один|одн(?:а|о|ого|ой|ому|им|ом|у)|перв{_ORD_RU}", 1),
    (f"два|две|двух|двум|двумя|втор{_ORD_RU}", 2),
    ("три|тр[её]х|тр[её]м|тремя|трет(?:ий|ья|ье|ьего|ьей|ьему|ьем|ьим|ьи|ьих)", 3),
    (f"четыр(?:е|[её]х|[её]м|ьмя)|четв[её]рт{_ORD_RU}", 4),
    (f"пят(?:ь|и|ью)|пят{_ORD_RU}", 5),
    (f"шест(?:ь|и|ью)|шест{_ORD_RU}", 6),
    (f"сем(?:ь|и|ью)|седьм{_ORD_RU}", 7),
    (f"вос(?:емь|ьми|емью)|восьм{_ORD_RU}", 8),
    (f"девят(?:ь|и|ью)|девят{_ORD_RU}", 9),
    (f"десят(?:ь|и|ью)|десят{_ORD_RU}", 10),
]
for _stem, _value in [
    ("одиннадцат", 11),
    ("двенадцат", 12),
    ("тринадцат", 13),
    ("четырнадцат", 14),
    ("пятнадцат", 15),
    ("шестнадцат", 16),
    ("семнадцат", 17),
    ("восемнадцат", 18),
    ("девятнадцат", 19),
    ("двадцат", 20),
    ("тридцат", 30),
]:
    _RU.append((f"{_stem}(?:ь|и|ью|{_ORD_RU})", _value))
_RU += [
    (f"сорок(?:а)?|сороков{_ORD_RU}", 40),
    (f"пятьдесят|пятидесят(?:и|{_ORD_RU})", 50),
    (f"шестьдесят|шестидесят(?:и|{_ORD_RU})", 60),
    (f"семьдесят|семидесят(?:и|{_ORD_RU})", 70),
    (f"восемьдесят|восьмидесят(?:и|{_ORD_RU})", 80),
    (f"девяност(?:о|а|{_ORD_RU})", 90),
    (f"сто|ста|сот{_ORD_RU}", 100),
]
_KK_ORDINAL = r"(?:(?:ыншы|інші|ншы|нші)\w*)?"
_KK = [
    (f"бір{_KK_ORDINAL}", 1),
    (f"екі{_KK_ORDINAL}", 2),
    (f"үш{_KK_ORDINAL}", 3),
    (f"төрт{_KK_ORDINAL}", 4),
    (f"бес{_KK_ORDINAL}", 5),
    (f"алты{_KK_ORDINAL}", 6),
    (f"жеті{_KK_ORDINAL}", 7),
    (f"сегіз{_KK_ORDINAL}", 8),
    (f"тоғыз{_KK_ORDINAL}", 9),
    (f"он{_KK_ORDINAL}", 10),
    (f"жиырма{_KK_ORDINAL}", 20),
    (f"отыз{_KK_ORDINAL}", 30),
    (f"қырық{_KK_ORDINAL}", 40),
    (f"елу{_KK_ORDINAL}", 50),
    (f"алпыс{_KK_ORDINAL}", 60),
    (f"жетпіс{_KK_ORDINAL}", 70),
    (f"сексен{_KK_ORDINAL}", 80),
    (f"тоқсан{_KK_ORDINAL}", 90),
    (f"жүз{_KK_ORDINAL}", 100),
]
_AR = [
    ("واحد|واحدة|أحد|إحدى|أول|أولى|حادي|حادية", 1),
    ("اثنان|اثنين|اثنتان|اثنتين|ثاني|ثانية", 2),
    ("ثلاث|ثلاثة|ثالث|ثالثة", 3),
    ("أربع|أربعة|رابع|رابعة", 4),
    ("خمس|خمسة|خامس|خامسة", 5),
    ("ست|ستة|سادس|سادسة", 6),
    ("سبع|سبعة|سابع|سابعة", 7),
    ("ثمان|ثماني|ثمانية|ثامن|ثامنة", 8),
    ("تسع|تسعة|تاسع|تاسعة", 9),
    ("عشر|عشرة|عاشر|عاشرة", 10),
    ("عشرون|عشرين", 20),
    ("ثلاثون|ثلاثين", 30),
    ("أربعون|أربعين", 40),
    ("خمسون|خمسين", 50),
    ("ستون|ستين", 60),
    ("سبعون|سبعين", 70),
    ("ثمانون|ثمانين", 80),
    ("تسعون|تسعين", 90),
    ("مائة|مئة", 100),
]
for _pattern, _value in _EN + _FR + _ES + _RU + _KK:
    _add(_pattern, _value)
_WORD_VALUE = [(re.compile(f"(?:{p})", re.I), v) for p, v in _WORDS]
_AR_VALUE = [(re.compile(f"(?:{p})"), v) for p, v in _AR]
_CONNECTORS = {"and", "et", "y", "и", "-", "و"}
_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_RUN = re.compile(f"[{''.join(_ZH_DIGITS)}{''.join(_ZH_UNITS)}]+")


def _word_value(word: str) -> int | None:
    """The value of one number word in any of the supported languages, or None."""
    for pattern, value in _WORD_VALUE:
        if pattern.fullmatch(word):
            return value
    bare = re.sub(r"^و?(?:ال)?", "", word)
    for pattern, value in _AR_VALUE:
        if pattern.fullmatch(bare):
            return value
    return None


def _combine(values: list[int]) -> int:
    """Consecutive number words as one number: tens and units add ("sixty-seventh",
    "шестьдесят седьмой", "السابعة والستين"), a smaller number before a hundred (or, in
    French, quatre before vingt) multiplies."""
    total = 0
    previous = None
    for value in values:
        if value == 100 and 0 < total < 100:
            total *= 100
        elif value == 20 and previous == 4:
            total += 80 - 4
        else:
            total += value
        previous = value
    return total


def _zh_value(run: str) -> int:
    if not any(ch in _ZH_UNITS for ch in run):
        return int("".join(str(_ZH_DIGITS[ch]) for ch in run))
    total, digit = 0, 0
    for ch in run:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            total += (digit or 1) * _ZH_UNITS[ch]
            digit = 0
    return total + digit


def spelled_numbers(text: str) -> Counter[str]:
    """Numbers written in words in ``text`` (rule 6), as canonical strings."""
    found: Counter[str] = Counter()
    for run in _ZH_RUN.findall(text):
        found[str(_zh_value(run))] += 1
    run: list[int] = []
    for word in re.findall(r"\w+|-", text):
        value = _word_value(word)
        if value is not None:
            run.append(value)
        elif word.lower() in _CONNECTORS and run:
            continue
        elif run:
            found[str(_combine(run))] += 1
            run = []
    if run:
        found[str(_combine(run))] += 1
    return found
