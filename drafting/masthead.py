"""Recognising masthead material: symbol, distribution, dates, session, agenda item, sponsors,
adoption heading and line — including mastheads that a PDF extraction flattened into one run
("United NationsA/RES/62/172General AssemblyDistr.: General").
"""

from __future__ import annotations

import re

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
    r"^((?:\s*+\S)+?)\s*+:(?:\*(?=\s))?\s*((?:revised )?draft resolution)(\*?)\s*$", re.IGNORECASE
)
r""""Indonesia: draft resolution*" or, as PDFs print it, "State of Palestine:* draft resolution".

The sponsors are taken a character at a time with the spaces before it (``(?:\s*+\S)+?``), not
as ``.+?`` followed by ``\s*``: that form scanned a run of spaces again from each of its
positions, the square of its length (a line with 100,000 spaces took minutes; issue 14)."""
SPONSORS_LINE_ZH = re.compile(r"^((?:\s*+\S)+?)\s*+[：:]\s*((?:订正)?决议草案)(\*?)\s*$")
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


def parse_masthead_text(text: str, masthead: Masthead) -> bool:
    """Fill ``masthead`` from ``text`` if the whole of ``text`` is masthead material.

    Returns False (and changes nothing) if anything in ``text`` is not recognised.
    """
    found: dict[str, str] = {}
    rest = text.strip()
    for attribute, pattern, group in _FIELDS:
        if not rest:
            break
        match = pattern.search(rest)
        if match is None or attribute in found:
            continue
        found[attribute] = match.group(group).strip()
        rest = (rest[: match.start()] + " " + rest[match.end() :]).strip()
    if rest.strip(" ,;") or not found:
        return False
    for attribute, value in found.items():
        if not getattr(masthead, attribute):
            setattr(masthead, attribute, value)
    return True


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
