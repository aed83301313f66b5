"""Language-independent tokens of a paragraph: numbers, document symbols and resolution
numbers, each written one way whatever the language (``extract_tokens``).

These are what parity compares, as multisets, between aligned units. The rules below are
chosen against false discrepancies: each is a place where translations legitimately differ in
form (see docs/parity.md for the sources).

1. **Digit forms.** Every Unicode decimal digit (Arabic-Indic ٠-٩, Extended ۰-۹, full-width
   ０-９ …) counts as its ASCII digit; full-width punctuation counts as ASCII. Superscript
   digits are *not* digits (a literal footnote indicator is no content).
2. **Separators.** A number whose groups of three are joined by one consistent separator
   (``,`` ``.`` space, no-break space, narrow no-break space, apostrophe) is one number
   (``1,000`` = ``1 000`` = ``1.000`` = 1000); the other of ``,``/``.`` after the groups is the
   decimal mark (``1 234,5`` = ``1,234.5``). ``1,5`` and ``1.5`` are both 1.5. Scale words
   (million, milliard, millones, млн, 万, 亿 …) multiply the number before them, so
   ``3.2 million`` = ``3,2 millions`` = ``320万``.
3. **Percent and currency signs are not compared**, only the numbers: "per cent", "%",
   "pour cent", "процента" and "٪" are all common and one version may spell what another
   abbreviates; a changed percentage is still a changed number.
4. **Dates: day and year are compared, the month never.** Every official language writes the
   day and the year in digits, but the month is a word in English, French, Spanish, Russian,
   Arabic and Kazakh and a number in Chinese (2012年12月20日) and in numeric dates
   (20.12.2012, 2012-12-20). So the month number of a numeric or Chinese date is dropped, and a
   month written as a word gives no token; "20 December 2012", "20 декабря 2012 года",
   "2012 жылғы 20 желтоқсан" and "2012年12月20日" all give {20, 2012}. Numeric dates are read
   day first (year last) or year first, the two orders UN texts use.
5. **Labels are structure.** Paragraph numbers and subparagraph letters are not in the
   content; a label left at the start of a paragraph's text ("1.", "(a)", "a)") is removed.
7. **Symbols need a digit.** ``HIV/AIDS`` is not a document symbol (``VIH/sida`` in French);
   a symbol is upper-case letters with at least one slash and one digit.

(Rule 6, numbers written in words, is in :mod:`drafting.parity.spelled`.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Token:
    kind: str  # "number", "symbol", "resolution"
    value: str
    start: int
    end: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.value)


def normalise_digits(text: str) -> str:
    """Every decimal digit as ASCII, full-width ASCII as ASCII, Arabic decimal and thousands
    marks as "." and ",": one spelling for what every script writes differently. Length is
    kept, so offsets stay valid for excerpts. Superscripts are not decimal digits (``No``) and
    stay as they are."""
    out = []
    for ch in text:
        if "0" <= ch <= "9":
            out.append(ch)
        elif unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.digit(ch)))
        elif "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        elif ch == "\u066b":  # Arabic decimal separator
            out.append(".")
        elif ch == "\u066c":  # Arabic thousands separator
            out.append(",")
        else:
            out.append(ch)
    return "".join(out)


_LABEL = re.compile(r"^\s*(?:\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\)|\d{1,3}\s*[.)]|[a-z]{1,2}\.|[ivxlc]{1,6}\.)\s+")
_SYMBOL = re.compile(r"(?<![\w/.\-])[A-Z][A-Z0-9]*(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+")
_DATE_DMY = re.compile(r"(?<![\d.,/])(\d{1,2})([./\-])(\d{1,2})\2(\d{4})(?!\d)")
_DATE_YMD = re.compile(r"(?<![\d.,/])(\d{4})([./\-])(\d{1,2})\2(\d{1,2})(?!\d)")
_DATE_ZH = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_RESOLUTION = re.compile(r"(?<![\w/.])(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?![\d/])")
_GROUP_SEPARATORS = ",.\u00a0\u202f\u2009 '’"
_NUMBER = re.compile(
    r"(?<![\d.,])(?:"
    r"[1-9]\d{0,2}(?P<sep>[,.\u00a0\u202f\u2009 '’])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r")(?![\d])"
)
_SCALES = [
    (re.compile(r"\s*(?:mil\s+millones|milliards?|billions?|миллиард\w*|млрд\.?|مليار|بليون)", re.I), 10**9),
    (re.compile(r"\s*(?:millions?|millones|millón|миллион\w*|млн\.?|مليون|ملايين)", re.I), 10**6),
    (re.compile(r"\s*(?:тыс\.|тысяч\w*)", re.I), 10**3),
    (re.compile(r"\s*亿"), 10**8),
    (re.compile(r"\s*万"), 10**4),
]


def strip_label(text: str) -> str:
    """The text without a paragraph label left at its start ("1.", "(a)", "a)", "iv.")."""
    return _LABEL.sub(lambda m: " " * len(m.group(0)), text, count=1)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def number_value(raw: str) -> Decimal | None:
    """The value of a number as written in any official language: one consistent group
    separator between groups of three, the other of ``,``/``.`` as decimal mark. A single
    ``,`` or ``.`` followed by exactly three digits after a non-zero group ("1,000", "1.000")
    is read as a thousands separator in every language, so both spellings agree."""
    text = raw.replace("’", "'")
    groups = re.fullmatch(
        r"([1-9]\d{0,2})([,.\u00a0\u202f\u2009 '])(\d{3}(?:\2\d{3})*)(?:([.,])(\d+))?", text
    )
    try:
        if groups:
            integer = groups.group(1) + groups.group(3).replace(groups.group(2), "")
            decimals = groups.group(5)
            if groups.group(4) == groups.group(2):
                return None
            return Decimal(f"{integer}.{decimals}" if decimals else integer)
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _canonical(value: Decimal) -> str:
    normal = value.normalize()
    return format(normal, "f") if normal == normal.to_integral() else format(normal, "f").rstrip("0")


def extract_tokens(text: str) -> list[Token]:
    """Language-independent tokens of a paragraph, in order of appearance.

    Document symbols first (they hold numbers that are not numbers of their own), then numeric
    and Chinese dates (whose month is dropped, rule 4), resolution numbers, and the numbers left.
    """
    text = strip_label(normalise_digits(text))
    tokens: list[Token] = []
    for match in _SYMBOL.finditer(text):
        symbol = match.group(0).rstrip(".-")
        if any(ch.isdigit() for ch in symbol):
            tokens.append(Token("symbol", symbol, match.start(), match.start() + len(symbol)))
            text = _blank(text, match.start(), match.start() + len(symbol))
    for pattern, day_group, year_group in ((_DATE_DMY, 1, 4), (_DATE_YMD, 4, 1)):
        for match in pattern.finditer(text):
            for group in (day_group, year_group):
                tokens.append(
                    Token("number", str(int(match.group(group))), match.start(group), match.end(group))
                )
            text = _blank(text, match.start(), match.end())
    for match in _DATE_ZH.finditer(text):
        for group in (1, 3):
            if match.group(group):
                tokens.append(
                    Token("number", str(int(match.group(group))), match.start(group), match.end(group))
                )
        text = _blank(text, match.start(), match.end())
    for match in _RESOLUTION.finditer(text):
        tokens.append(Token("resolution", match.group(0), match.start(), match.end()))
        text = _blank(text, match.start(), match.end())
    for match in _NUMBER.finditer(text):
        value = number_value(match.group(0))
        if value is None:
            continue
        for pattern, scale in _SCALES:
            if pattern.match(text, match.end()):
                value *= scale
                break
        tokens.append(Token("number", _canonical(value), match.start(), match.end()))
    tokens.sort(key=lambda t: t.start)
    return tokens
