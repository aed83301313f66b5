"""UN document symbols: parse them, split double symbols, and find them in running text.

Grammar (conventions §1.6), components separated by "/"::

    symbol    = path ["*"] [" (" paren ")"]
    path      = series {body} [kind] [time] [kind] last {modifier}
    last      = number | dotted-kind                e.g. "193", "L.15", "WP.4"
    paren     = "Part I" | "Vol. I"                 A/CONF.157/24 (Part I)
              | year                                S/RES/1535 (2004)        (S/RES only)
              | ["S-" | "ES-"] roman session        A/RES/217 (III), A/RES/3201 (S-VI)  (A/RES, E/RES)

* series: a main organ (A, S, E, T, ST) or a special series (CRC/C, E/INCB, ST/SGB, UNEP, ...); the
  longest match in ``SERIES`` wins, so ST/SGB/2013/4 has series "ST/SGB".
* body: ``AC.n C.n CN.n CONF.n GC.n SC.n Sub.n WG.n`` (the number is required), or ``PC``/``HRC``;
  several nest (E/CN.4/Sub.2/AC.2/... has body "CN.4/Sub.2/AC.2").
* kind: either its own component (RES, PRST, INF, NGO, DEC, PET; the number follows separately) or
  dotted with its number as the last component (L.15, PV.82, SR.5, CRP.1, R.2, WP.4, INF.1, PET.3).
* time: a **session** ("67", "S-20", "ES-8") for the GA and special series, a **year** (1946-2099) for
  E, S, T, ST and for GA subsidiary bodies (A/AC.109/2019/L.18). Bare A/ takes only sessions, numeric
  ones from the 31st on (before that the session was a parenthesised roman numeral).
* sub-series: after a body, or in a special series, up to two components of capital letters that are
  not a body, kind or modifier needing its number: a meeting series (A/CONF.192/BMS/2022/1,
  A/CONF.192/2024/RC/3), a treaty body's general comment (CEDAW/C/GC/39), a country code and
  concluding observations (CEDAW/C/ITA/CO/7, A/HRC/WG.6/40/ITA/1).
* modifier: ``Add.n Amend.n Corr.n Rev.n``, or ``Summary``/``Excerpt``.
* "*" after the path marks a reissue (A/69/L.52*).

Symbols without a time component are accepted (S/RES/1535, A/CONF.157/24, old S/25704), except GA and
ECOSOC resolutions, which must have a session or year somewhere. Double symbols
(E/2009/28-E/CN.7/2009/12) are two symbols: ``split_double`` them, ``parse_symbol`` rejects the pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.numbering import from_roman

MAIN_SERIES = ("A", "S", "E", "T", "ST")
SPECIAL_SERIES = (
    "CRC/C", "CAT/C", "CEDAW/C", "CCPR/C", "CERD/C", "CMW/C", "CRPD/C", "CED/C", "E/INCB", "E/ICEF", "ST/SGB",
    "ST/AI", "ST/IC", "DP/FPA", "TD/B", "E/ESCAP", "E/ECE", "E/ECA", "E/ESCWA", "E/ECLAC", "CRC", "CAT", "CEDAW",
    "CCPR", "CERD", "CMW", "CRPD", "CED", "DP", "TD", "UNEP", "HRC",
)  # fmt: skip
SESSION_SERIES = ("E/ESCAP",)
"""Special series under E whose time component is a session, not a year (E/ESCAP/RES/80/1)."""
SERIES = tuple(sorted(MAIN_SERIES + SPECIAL_SERIES, key=lambda s: -s.count("/")))
"""Known series, compound ones first so that the longest match wins."""
YEAR_ONLY_ROOTS = ("E", "S", "T", "ST")
"""Series (by first component) whose time component is always a year, never a session."""
NUMBERED_BODIES = ("AC", "C", "CN", "CONF", "EA", "GC", "SC", "Sub", "WG", "PC")
PLAIN_BODIES = ("PC", "HRC")
SEPARATE_KINDS = ("RES", "PRST", "INF", "NGO", "DEC", "PET")
DOTTED_KINDS = ("L", "PV", "SR", "CRP", "R", "WP", "INF", "PET", "Res")
NUMBERED_MODIFIERS = ("Add", "Amend", "Corr", "Rev")
PLAIN_MODIFIERS = ("Summary", "Excerpt")
SUBSERIES_LIMIT = 2
"""Sub-series components a symbol may carry after a body or in a special series: the meeting of a
conference or committee (A/CONF.192/BMS/2022/1, A/CONF.192/2024/RC/3, A/AC.299/2025/PM/1), a treaty
body's general comment or recommendation (CEDAW/C/GC/38, E/C.12/GC/25), a country code and
concluding observations (CEDAW/C/ITA/CO/7, A/HRC/WG.6/40/ITA/1). DHL-SYM: "special components"."""
_SUBSERIES = re.compile(r"[A-Z]{1,5}")
_NOT_SUBSERIES = frozenset(NUMBERED_BODIES + DOTTED_KINDS + NUMBERED_MODIFIERS) - {"GC"}
"""Words that need a number (CONF.157, L.15, Rev.1): alone they are a typo, not a sub-series. "GC" is
both a body with a number (UNEP/GC.27, the Governing Council) and, alone, a treaty body's general
comment (CCPR/C/GC/36)."""

_N = r"[1-9]\d*"  # a number: no leading zero


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, words))


_BODY = re.compile(rf"(?:{_alt(NUMBERED_BODIES)})\.{_N}|{_alt(PLAIN_BODIES)}")
_DOTTED = re.compile(rf"({_alt(DOTTED_KINDS)})\.({_N})")
_MODIFIER = re.compile(rf"(?:{_alt(NUMBERED_MODIFIERS)})\.{_N}|{_alt(PLAIN_MODIFIERS)}")
_NUMBER = re.compile(_N)
_SESSION = re.compile(r"[1-9]\d{0,2}|E?S-[1-9]\d?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHAPE = re.compile(r"(?P<path>[^\s()*]+)(?P<star>\*)?(?: \((?P<paren>[^()]+)\))?")
_PART = re.compile(r"(?:Part|Vol\.) [IVXLC]+")
_OLD_SESSION = re.compile(r"(?:(E?S)-)?([IVXLC]+)")
_DOUBLE_SEP = re.compile(r"(?<!\s)(?:\s*[-–—]\s*(?=[A-Z]{1,8}/)|\s+(?=[A-Z]{1,8}/))")
"""Between the halves of a double symbol. It starts only where a run of spaces starts: a match
from inside a run would also match from the run's start, which comes first, so the matches are
the same, but a long run of spaces is no longer scanned again from each of its positions (a symbol
field holding 50,000 spaces took minutes, issue 14)."""
_CANDIDATE = re.compile(
    r"""(?<![A-Za-z0-9_/.\-:@])       # not glued to a word, a path or a URL
    [A-Z]{1,8}                          # series letters ...
    (?:/+[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+  # ... then components ("//" kept, to be flagged)
    /?\*?                               # stray trailing slash (flagged); reissue star
    (?:\ ?\((?:\d+|(?:Part|Vol\.)\ [IVXLC\d]+|(?:E?S-)?[IVXLC]+)\))?  # (2004) (Part I) (III) (S-VI)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Symbol:
    """A parsed document symbol. ``session`` is an int, or "S-20"/"ES-8" for special sessions (old roman
    sessions are converted: "(S-VI)" -> "S-6"). ``year`` is the year *component* of the path;
    the year in S/RES/1535 (2004) is ``parenthesised_year`` and ``year`` stays None."""

    text: str
    series: str
    number: str
    body: str | None = None
    kind: str | None = None
    session: int | str | None = None
    year: int | None = None
    modifiers: tuple[str, ...] = ()
    part: str | None = None
    parenthesised_year: int | None = None
    reissued: bool = False


def _year(token: str) -> int | None:
    return int(token) if _YEAR.fullmatch(token) and 1946 <= int(token) <= 2099 else None


def _session(token: str) -> int | str | None:
    if not _SESSION.fullmatch(token):
        return None
    return token if "-" in token else int(token)


def split_double(text: str) -> list[str]:
    """Split a double symbol ("E/2009/28-E/CN.7/2009/12", also with a space or a dash) into its parts.
    A single symbol comes back as a one-element list; hyphens inside (A/RES/S-20/2) are left alone."""
    return [part for part in _DOUBLE_SEP.split(text.strip()) if part]


def parse_symbol(text: str) -> Symbol | None:
    """Parse ``text`` as one UN document symbol, or return None if it does not follow the grammar."""
    shape = _SHAPE.fullmatch(text)
    if shape is None or len(split_double(text)) != 1:
        return None
    tokens = shape["path"].split("/")
    if "" in tokens:
        return None
    series = next((s for s in SERIES if tokens[: s.count("/") + 1] == s.split("/")), None)
    if series is None:
        return None
    rest = tokens[series.count("/") + 1 :]
    modifiers: list[str] = []
    while rest and _MODIFIER.fullmatch(rest[-1]):
        modifiers.insert(0, rest.pop())
    if not rest:
        return None
    last, kind, separate_kind = rest.pop(), None, None
    if dotted := _DOTTED.fullmatch(last):
        kind, number = dotted[1], dotted[2]
    elif _NUMBER.fullmatch(last):
        number = last
    else:
        return None
    bodies: list[str] = []
    while rest and _BODY.fullmatch(rest[0]):
        bodies.append(rest.pop(0))
    root = series.split("/")[0]
    session: int | str | None = None
    year: int | None = None
    subseries = 0
    may_have_subseries = bool(bodies) or series in SPECIAL_SERIES
    for token in rest:  # what is left: at most one separate kind and one time component, either order
        if token in SEPARATE_KINDS and separate_kind is None and kind is None:
            separate_kind = kind = token
        elif (
            may_have_subseries
            and subseries < SUBSERIES_LIMIT
            and _SUBSERIES.fullmatch(token)
            and token not in _NOT_SUBSERIES
        ):
            subseries += 1
        elif session is not None or year is not None:
            return None
        elif (y := _year(token)) is not None and (root != "A" or bodies):
            year = y
        elif (s := _session(token)) is not None and (root not in YEAR_ONLY_ROOTS or series in SESSION_SERIES):
            if series == "A" and not bodies and isinstance(s, int) and s < 31:
                return None
            session = s
        else:
            return None
    part = parenthesised_year = None
    if (paren := shape["paren"]) is not None:
        untimed = session is None and year is None
        old = _OLD_SESSION.fullmatch(paren)
        if _PART.fullmatch(paren):
            part = paren
        elif (y := _year(paren)) is not None and series == "S" and kind == "RES" and untimed:
            parenthesised_year = y
        elif old and (n := from_roman(old[2])) and series in ("A", "E") and kind == "RES" and untimed:
            session = f"{old[1]}-{n}" if old[1] else n
        else:
            return None
    if series in ("A", "E") and kind == "RES" and session is None and year is None:
        return None
    return Symbol(
        text=text,
        series=series,
        number=number,
        body="/".join(bodies) or None,
        kind=kind,
        session=session,
        year=year,
        modifiers=tuple(modifiers),
        part=part,
        parenthesised_year=parenthesised_year,
        reissued=shape["star"] is not None,
    )


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """Things in running text that are written as document symbols, as (start, end, candidate).

    A candidate starts with capital series letters not glued to a word, path or URL, has "/" and further
    components, at least one digit, and may end in "*", " (2004)", " (Part I)" or " (III)". Resolution
    numbers (67/193, S-20/2), dates, fractions, "HIV/AIDS" and "and/or" are not candidates. Double symbols
    come back as their halves; in ``*A/67/157*`` the stars are italics. Candidates are *not* validated:
    call ``parse_symbol`` to flag bad ones.
    """
    found: list[tuple[int, int, str]] = []
    for match in _CANDIDATE.finditer(text):
        start, stop = match.span()
        if text[stop - 1] == "*" and text[start - 1 : start] == "*":
            stop -= 1  # *A/67/157* is markup for italics, not a reissue star
        for sep in [*_DOUBLE_SEP.finditer(text, start, stop), None]:
            end = sep.start() if sep else stop
            candidate = text[start:end]
            if any(c.isdigit() for c in candidate):
                found.append((start, end, candidate))
            if sep:
                start = sep.end()
    return found
