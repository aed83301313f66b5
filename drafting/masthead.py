"""Recognising masthead material: symbol, distribution, dates, session, agenda item, sponsors,
adoption heading and line — including mastheads that a PDF extraction flattened into one run
("United NationsA/RES/62/172General AssemblyDistr.: General").
"""

from __future__ import annotations

import re
from functools import cache

from drafting import masthead_words as words
from drafting.languages import LANGUAGE_NAMES
from drafting.model import Masthead

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = rf"\d{{1,2}} (?:{MONTHS}) \d{{4}}"
_SYMBOL_PART = (
    r"(?:[A-Z]{1,6}(?:\.\d+)?|\d+(?: [A-Z])?|(?:Rev|Add|Corr|Amend|Sub|WP|CRP|SR|PV)\.\d+|S-\d+|ES-\d+)"
)
SYMBOL = (
    rf"(?:A|S|E|T|ST|UNEP|TD|DP|CRC|CAT|CEDAW|CCPR|HRC|E/CN\.\d+|E/INCB)(?:/{_SYMBOL_PART})+"
    r"(?: \(\d{4}\))?(?: \(Part [IVX]+\))?\*?"
)
ORGANS = (
    "General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    "Commission on Narcotic Drugs|Commission on Crime Prevention and Criminal Justice|"
    "Trusteeship Council"
)

SYMBOL_LINE = re.compile(rf"^\s*({SYMBOL})\s*$")
TITLE_WITH_NUMBER = re.compile(r"^((?:S-|ES-)?\d{1,3}/\d{1,4}(?: [A-Z])?)\.\s+(\S.*)$")
SPONSORS_LINE = re.compile(
    r"^((?:\s*+\S)+?)\s*+:(?:\*(?=\s))?\s*((?:revised )?draft resolution|projet de résolution|"
    r"proyecto de resolución|проект резолюции|مشروع قرار)(\*?)\s*$",
    re.IGNORECASE,
)
r""""Indonesia: draft resolution*" or, as PDFs print it, "State of Palestine:* draft resolution".

The sponsors are taken a character at a time with the spaces before it (``(?:\s*+\S)+?``), not
as ``.+?`` followed by ``\s*``: that form scanned a run of spaces again from each of its
positions, the square of its length (a line with 100,000 spaces took minutes; issue 14)."""
SPONSORS_LINE_ZH = re.compile(r"^((?:\s*+\S)+?)\s*+[：:]\s*((?:订正)?决议草案)(\*?)\s*$")
LOCAL_DATE = (
    rf"\d{{1,2}}(?:er)? (?:{'|'.join(words.MONTHS_FR)}) \d{{4}}"
    rf"|\d{{1,2}} de (?:{'|'.join(words.MONTHS_ES)}) de \d{{4}}"
)
"""A masthead date of the French and Spanish versions ("1er juin 2022", "4 de diciembre de 2002");
the Russian, Chinese and Arabic versions print it in English."""
ADOPTION_LINE = re.compile(rf"^(\d+(?:st|nd|rd|th) plenary meeting)\s*,?\s*({DATE})$")
ADOPTION_LINE_ZH = re.compile(r"^(第\s*\d+\s*次全体会议)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")

# Each field: (attribute, pattern, value group). Order matters for flattened runs: longer,
# more specific patterns first so "Resolution adopted … on 20 December 2012" is not taken
# apart into an organ and a date.
_FIELDS: list[tuple[str, re.Pattern[str], int]] = [
    ("adoption_heading", re.compile(rf"(?:Resolution|Decision) adopted by the (?:{ORGANS}) on {DATE}"), 0),
    ("adoption_heading", re.compile(rf"Adopted by the Security Council at its \d+\w* meeting, on {DATE}"), 0),
    ("provenance", re.compile(r"\[(?:on the report of|without reference to)[^\]]*\]"), 0),
    ("distribution", re.compile(r"Distr\.?:\s*(General|Limited|Restricted)"), 1),
    ("original_language", re.compile(r"Original:\s*([A-Z][a-z]+(?:/[A-Z][a-z]+)?)"), 1),
    (
        "agenda_item",
        re.compile(r"Agenda items? (\d+(?: ?\([a-z]{1,3}\))?(?:(?:,| and) \d+(?: ?\([a-z]{1,3}\))?)*)"),
        1,
    ),
    ("agenda_item", re.compile(r"议程项目\s*(\d+(?:\s*\([a-z]\))?)"), 1),
    ("session", re.compile(r"[A-Z][a-z]+(?:-[a-z]+)? (?:special |emergency special )?session"), 0),
    ("session", re.compile(r"第[一二三四五六七八九十百零〇]+届(?:特别|紧急特别)?会议"), 0),
    ("symbol", re.compile(SYMBOL), 0),
    ("organization", re.compile(r"United Nations"), 0),
    ("organ", re.compile(ORGANS), 0),
    ("date", re.compile(DATE), 0),
]

_NEEDED: dict[int, tuple[str, ...]] = {
    id(pattern): needed
    for (_attribute, pattern, _group), needed in zip(
        _FIELDS,
        [
            (" adopted by the ",),
            ("Adopted by the Security Council at its ",),
            ("[on the report of", "[without reference to"),
            ("Distr",),
            ("Original:",),
            ("Agenda item",),
            ("议程项目",),
            (" session",),
            ("届",),
            ("/",),
            (),
            (),
            tuple(f" {month} " for month in MONTHS.split("|")),
        ],
        strict=True,
    )
    if needed
}
"""Text that a match of the field's pattern always holds (one of them): a line without it is passed
over without a search. ``in`` runs at memory speed, where a pattern with no literal prefix is tried
at every position (a 1 MB text's paragraphs were searched 13 times each for masthead fields).
Keyed by ``id``: hashing a compiled pattern hashes its code, long for the localized alternations
(the patterns of ``_FIELDS`` live as long as the module)."""


@cache
def _localized_fields() -> list[tuple[str, re.Pattern[str], int, dict[str, str]]]:
    """The masthead lines of the other language versions (:mod:`drafting.masthead_words`), each
    with the English value the model keeps for it where the model stores one ("Distr.
    générale" -> "General", "Original: inglés" -> "English")."""
    fields: list[tuple[str, re.Pattern[str], int, dict[str, str]]] = []

    def alternation(values) -> str:
        return "|".join(re.escape(v) for v in sorted(set(values), key=len, reverse=True))

    others = [lang for lang in words.LANGUAGES if lang != "en"]
    for attribute, english_values, render in (
        ("distribution", ("General", "Limited", "Restricted"), words.distribution_line),
        ("original_language", tuple(LANGUAGE_NAMES.values()), words.original_language_line),
    ):
        table = {render(value, lang): value for lang in others for value in english_values}
        fields.append((attribute, re.compile(alternation(table)), 0, table))
    agenda = [re.escape(words.agenda_item_line("\0", lang)) for lang in others]
    item = r"(\d+(?: ?\([a-z]{1,3}\))?)"
    fields.append(
        ("agenda_item", re.compile("|".join(a.replace(re.escape("\0"), item) for a in agenda)), 0, {})
    )
    sessions = [words.session_line(n, lang) for lang in others for n in range(1, words.MAX_SESSION + 1)]
    fields.append(("session", re.compile(alternation(sessions)), 0, {}))
    fields.append(
        ("organization", re.compile(alternation(words.organization_name(lang) for lang in others)), 0, {})
    )
    organs = [words.organ_name(organ, lang) for lang in others for organ in words.ORGANS_NAMED]
    fields.append(("organ", re.compile(alternation(organs)), 0, {}))
    fields.append(("date", re.compile(LOCAL_DATE), 0, {}))
    return fields


def parse_masthead_text(text: str, masthead: Masthead) -> bool:
    """Fill ``masthead`` from ``text`` if the whole of ``text`` is masthead material.

    Returns False (and changes nothing) if anything in ``text`` is not recognised.
    """
    if not _may_end_with_a_field(text, localized=len(text) <= _LOCALIZED_LENGTH):
        return False  # what _fields_found would find out, after its searches
    english = [(a, p, g, {}) for a, p, g in _FIELDS]
    found = _fields_found(text, english)
    if found is None and len(text) <= _LOCALIZED_LENGTH:  # another language version's masthead words
        found = _fields_found(text, english + _localized_fields())
    if not found:
        return False
    for attribute, value in found.items():
        if not getattr(masthead, attribute):
            setattr(masthead, attribute, value)
    return True


_LOCALIZED_LENGTH = 200
"""Masthead lines in the other languages are looked for in lines this short: a flattened run of
a whole masthead is English-only in the corpus, and the session names make a long pattern."""


_FIELD_LAST_WORDS = (
    *("General", "Limited", "Restricted", "session", "Nations"),
    *("Assembly", "Council", "Drugs", "Justice"),
)
"""The words an English field (``_FIELDS``) can end with, where it ends with a letter and not
with a digit, an upper-case letter (a symbol's), "]", ")", "*" or "议" — except the original
language, which ends with any lower-case letter ("Original: English")."""
_NOT_FIELD_END = " ,;"


def _core(text: str) -> str:
    """``text`` without the white space, commas and semicolons at its end."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _NOT_FIELD_END:
        stripped = stripped[:-1].rstrip()
    return stripped


@cache
def _localized_endings() -> dict[str, tuple[str, ...]]:
    """What a field of ``_localized_fields`` can end with, by last character, where that is not
    a digit or ")" (a date, an item number): the last word of each of its lines, made from the
    same words (:mod:`drafting.masthead_words`). See :func:`_may_end_with_a_field`."""
    others = [lang for lang in words.LANGUAGES if lang != "en"]
    lines = [
        *(words.distribution_line(v, lang) for lang in others for v in ("General", "Limited", "Restricted")),
        *(words.original_language_line(v, lang) for lang in others for v in LANGUAGE_NAMES.values()),
        *(words.session_line(n, lang) for lang in others for n in range(1, words.MAX_SESSION + 1)),
        *(words.organization_name(lang) for lang in others),
        *(words.organ_name(organ, lang) for lang in others for organ in words.ORGANS_NAMED),
    ]
    endings = {_core(line).rsplit(" ", 1)[-1] for line in lines}
    for lang in others:  # the agenda item line: its words after the item number, if any
        core = _core(words.agenda_item_line("\0", lang))
        if not core.endswith("\0"):
            endings.add(core.rsplit(" ", 1)[-1].rsplit("\0", 1)[-1])
    by_last: dict[str, list[str]] = {}
    for ending in sorted(endings):
        if ending:
            by_last.setdefault(ending[-1], []).append(ending)
    return {last: tuple(found) for last, found in by_last.items()}


def _may_end_with_a_field(text: str, localized: bool = False) -> bool:
    r"""False when ``text`` cannot be made of English masthead fields alone (nor, ``localized``,
    of those and the other language versions' fields), by its last character.

    :func:`_fields_found` takes fields out of the text one by one, each leaving a space, and
    accepts the text if nothing is left but spaces, commas and semicolons. So the last character
    that is none of those (nor white space) is the last character of some field's match: no
    pattern matches white space and punctuation alone, nor ends with them. The fields end with
    a digit (``\d``: ``isdecimal``), an ASCII upper-case letter, "]", ")", "*", "议", or one of
    ``_FIELD_LAST_WORDS``: a word holds no space, so it stands in the text as it did in the
    field. Only the original language's field ends with any lower-case letter, and it needs
    "Original:" in text (no space in it: a removal cannot make it either). The other language
    versions' fields end with a digit (a date), ")" or a digit (an agenda item), or one of the
    words of :func:`_localized_endings`."""
    stripped = _core(text)
    if not stripped:
        return True
    last = stripped[-1]
    if last.isdecimal() or "A" <= last <= "Z" or last in "])*议":
        return True
    if stripped.endswith(_FIELD_LAST_WORDS):
        return True
    if "a" <= last <= "z" and "Original:" in text:
        return True
    if localized:
        endings = _localized_endings().get(last)
        return endings is not None and stripped.endswith(endings)
    return False


def _fields_found(text: str, fields) -> dict[str, str] | None:
    """The fields ``text`` is made of, or None if something in it is not masthead material."""
    found: dict[str, str] = {}
    rest = text.strip()
    for attribute, pattern, group, values in fields:
        if not rest:
            break
        if attribute in found:
            continue
        needed = _NEEDED.get(id(pattern))
        if needed is not None and not any(part in rest for part in needed):
            continue
        match = pattern.search(rest)
        if match is None:
            continue
        value = match.group(group).strip()
        if (
            attribute == "agenda_item" and group == 0
        ):  # the localized forms: the item is the group that matched
            value = next(g for g in match.groups() if g)
        found[attribute] = values.get(value, value)
        rest = (rest[: match.start()] + " " + rest[match.end() :]).strip()
    if rest.strip(" ,;") or not found:
        return None
    return found


COMPOUND_NAMES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "São Tomé and Príncipe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Group of 77 and China",
    "Turks and Caicos Islands",
    "Wallis and Futuna Islands",
    "Heard Island and McDonald Islands",
)
"""Delegations whose names hold "and": never split there."""
COMPOUND_NAMES_ZH = (
    "安提瓜和巴布达",
    "波斯尼亚和黑塞哥维那",
    "圣基茨和尼维斯",
    "圣文森特和格林纳丁斯",
    "圣多美和普林西比",
    "特立尼达和多巴哥",
    "77国集团和中国",
    "共和",  # 共和国, "Republic", in many names: 中非共和国, 多米尼加共和国
)
_KEEP = "\x00"
_CONJUNCTIONS = {"fr": "et", "es": "y", "ru": "и"}


def split_sponsors(names: str, language: str = "en") -> list[str]:
    """ "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan" -> the five delegations.

    Names are separated by commas (also with a serial "and": "…, and Uzbekistan") and by "and"
    (or 和 in Chinese); the "and" inside a name such as "Trinidad and Tobago" is kept.
    """
    if language == "zh":
        text = names
        for name in COMPOUND_NAMES_ZH:
            text = text.replace(name, name.replace("和", _KEEP))
        parts = re.split(r"[、，,]|和", text)
    elif language == "ar":  # "A وB وC" or "A، B وC": the conjunction joined to the next name
        parts = re.split(r"\s*[،,]\s*(?:و(?=\S))?|\s+و(?=\S)", " ".join(names.split()))
    elif language in _CONJUNCTIONS:
        conjunction = _CONJUNCTIONS[language]
        parts = re.split(rf",\s*(?:{conjunction}\s+)?|\s+{conjunction}\s+", " ".join(names.split()))
    else:
        text = " ".join(names.split())
        for name in COMPOUND_NAMES:
            pattern = re.compile(
                r"\b" + re.escape(name).replace(r"\ and\ ", r"\s+and\s+") + r"\b", re.IGNORECASE
            )
            text = pattern.sub(lambda m: m.group(0).replace(" and ", f" {_KEEP} "), text)
        parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    kept = "和" if language == "zh" else "and"
    return [p.strip().replace(_KEEP, kept) for p in parts if p.strip()]
