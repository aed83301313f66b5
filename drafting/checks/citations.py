"""Citation rules: document symbols, resolution numbers against their dates and sessions,
dates themselves, and year ranges (conventions §1.6, §3.6, §3.8, §4.1–4.4)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from drafting.checks import rule
from drafting.checks.context import CheckContext, Trigger, fact
from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block

MONTHS = list(calendar.month_name)[1:]
_MONTH = "|".join(MONTHS)
DATE = rf"(\d{{1,2}}) ({_MONTH}) (\d{{4}})"
_DATE = re.compile(rf"\b{DATE}\b")
_RESOLUTION = re.compile(rf"(?<![\w/.\-])(\d{{1,4}})/(\d{{1,4}})(?: [A-Z])?\s*(?:,\s*)?of {DATE}\b")
r"""``67/193 of 20 December 2012``. Spaces, an optional comma, spaces: written ``\s*,?\s*`` the two
runs could share the spaces of one long run in every way before giving up, quadratic in it (issue 14)."""
_SC_RESOLUTION = re.compile(rf"\b(\d{{1,4}}) \((\d{{4}})\)(?: of {DATE})?")
_RESOLUTION_SCREEN = re.compile(rf"/\d{{1,4}}(?: [A-Z])?\s*(?:,\s*)?of {DATE}")
_SC_DATED_SCREEN = re.compile(rf"\(\d{{4}}\) of {DATE}")
"""What a resolution dated by ``_RESOLUTION`` or ``_SC_RESOLUTION`` holds, found fast (see
``CheckContext.matches``): "/193 of 20 December 2012", "(2013) of 20 December 2013"."""
_BODIES = [
    ("General Assembly", "GA"),
    ("Economic and Social Council", "ECOSOC"),
    ("Security Council", "SC"),
    ("Commission on Narcotic Drugs", "CND"),
    ("Human Rights Council", "HRC"),
    ("Commission on Human Rights", "CHR"),
    ("Commission on Crime Prevention and Criminal Justice", "CCPCJ"),
    ("Commission resolution", "COMMISSION"),
    ("Council resolution", "COUNCIL"),
    ("its resolution", "OWN"),
]
_ORGAN_CODES = {
    "General Assembly": "GA",
    "Economic and Social Council": "ECOSOC",
    "Security Council": "SC",
    "Commission on Narcotic Drugs": "CND",
    "Human Rights Council": "HRC",
}
_YEAR_RANGE = re.compile(r"(?<![\w/.\-])((?:19|20)\d\d)-((?:19|20)\d\d|\d\d)(?![\w/\-])")
_US_DATE = re.compile(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b")
_ORDINAL_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th) (?:of )?({_MONTH}),? (\d{{4}})\b")
_ABBREVIATED_DATE = re.compile(r"\b(\d{1,2}) (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? (\d{4})\b")
_WRONG_DATES = (
    (_US_DATE, "mdy", re.compile(rf"(?:{_MONTH}) \d{{1,2}},? \d{{4}}")),
    (_ORDINAL_DATE, "dmy", re.compile(rf"\d(?:st|nd|rd|th) (?:of )?(?:{_MONTH}),? \d{{4}}")),
    (
        _ABBREVIATED_DATE,
        "dmy",
        re.compile(r"\d (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}"),
    ),
)
"""The wrong date forms, the order of their groups, and what a match of each holds, found fast (see
``CheckContext.matches``)."""
_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
_MONTH_START = re.compile("|".join(sorted({m[:3] for m in MONTHS})))
NAMES_A_MONTH = Trigger("dates.month", lambda text: _MONTH_START.search(text) is not None)
"""Every date the rules read names its month in full or abbreviated, so holds the month's first three
letters: without any of them a text has no date (and no resolution "of" a date) to judge."""
_YEAR_HYPHEN = re.compile(r"(?:19|20)\d\d-")
HAS_YEAR_HYPHEN = Trigger("dates.year-hyphen", lambda text: _YEAR_HYPHEN.search(text) is not None)
"""What every match of ``_YEAR_RANGE`` holds; unlike it, found fast (it starts with a digit, not
with a lookbehind, so the regex engine skips ahead to the candidates)."""
_SERIES_SLASH = re.compile(r"[A-Z]/")
NAMES_A_SERIES = Trigger(
    "symbols.series", lambda text: "/" in text and _SERIES_SLASH.search(text) is not None
)
"""Every document symbol has a capital letter (of its series) before a "/"."""


def _body_before(text: str, position: int, ctx: CheckContext) -> str | None:
    """The organ whose resolution is cited at ``position``: the nearest organ named just before."""
    window = text[max(0, position - 140) : position]
    best: tuple[int, str] | None = None
    for name, code in _BODIES:
        at = window.rfind(name)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, code)
    if best is None:
        return None
    code = best[1]
    if code == "OWN":
        return ctx.fact("citations.own-organ")
    return code


@fact("citations.own-organ")
def _own_organ(ctx: CheckContext) -> str | None:
    """The organ "its resolution" means: the masthead's organ, else the organ line's."""
    masthead = ctx.document.masthead
    organ = masthead.organ or (masthead.organ_line or "").removeprefix("The ").rstrip(",")
    return _ORGAN_CODES.get(organ, "GA" if ctx.is_resolution else None)


@rule("citation.resolution-date", footnotes=True, trigger=NAMES_A_MONTH)
def resolution_dates(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A resolution number whose date does not fit it (GA session, CND session, ECOSOC or SC year)."""
    text = ctx.text(block)
    for match in ctx.matches(_RESOLUTION, text, _RESOLUTION_SCREEN):
        first, number = match.group(1), match.group(2)
        day, month, year = int(match.group(3)), match.group(4), int(match.group(5))
        cited = f"{first}/{number}"
        start, end = match.start(), match.end()
        if len(first) == 4:  # year-numbered: ECOSOC since 1978, Commission on Human Rights…
            if int(first) != year:
                yield ctx.finding(
                    block,
                    "citation.ecosoc-year",
                    Severity.ERROR,
                    start,
                    end,
                    f"resolution {cited} was adopted in {first}, so it cannot be dated {day} {month} {year}",
                )
            continue
        body = _body_before(text, start, ctx) or ("GA" if ctx.is_resolution else None)
        session = int(first)
        month_number = MONTHS.index(month) + 1
        if body == "GA":
            if not (year == 1945 + session or (year == 1946 + session and month_number <= 9)):
                yield ctx.finding(
                    block,
                    "citation.ga-session-year",
                    Severity.ERROR,
                    start,
                    end,
                    f"General Assembly resolution {cited} is of the {_ordinal(session)} session"
                    f" (September {1945 + session} to September {1946 + session}); it cannot be dated"
                    f" {day} {month} {year}",
                )
        elif body == "CND":
            if year != 1957 + session:
                yield ctx.finding(
                    block,
                    "citation.cnd-session-year",
                    Severity.ERROR,
                    start,
                    end,
                    f"Commission on Narcotic Drugs resolution {cited} is of its {_ordinal(session)} session,"
                    f" held in {1957 + session}; it cannot be dated {day} {month} {year}",
                )
            elif month not in ("March", "December"):
                yield ctx.finding(
                    block,
                    "citation.cnd-session-year",
                    Severity.WARNING,
                    start,
                    end,
                    f"the Commission on Narcotic Drugs adopts resolutions in March (or at its reconvened session"
                    f" in December); {day} {month} {year} is unusual for {cited}",
                )
    for match in ctx.matches(_SC_RESOLUTION, text, _SC_DATED_SCREEN):
        if match.group(5) is None:
            continue
        number, paren_year, year = match.group(1), int(match.group(2)), int(match.group(5))
        if paren_year != year:
            yield ctx.finding(
                block,
                "citation.sc-year",
                Severity.ERROR,
                match.start(),
                match.end(),
                f"Security Council resolution {number} ({paren_year}) was adopted in {paren_year};"
                f" it cannot be dated {match.group(3)} {match.group(4)} {year}",
            )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@rule("date.impossible", footnotes=True, trigger=NAMES_A_MONTH)
def impossible_dates(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A date that does not exist (31 June, 29 February in a common year)."""
    text = ctx.text(block)
    for match in ctx.matches(_DATE, text):
        day, month, year = int(match.group(1)), MONTHS.index(match.group(2)) + 1, int(match.group(3))
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            yield ctx.finding(
                block,
                "date.impossible",
                Severity.ERROR,
                match.start(),
                match.end(),
                f"{match.group(2)} {year} has no day {day}",
            )


@rule("date.format", footnotes=True, trigger=NAMES_A_MONTH)
def date_format(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A date not written "20 December 2012" (no comma, no ordinal, month in full)."""
    if ctx.language != "en":
        return
    text = ctx.text(block)
    for pattern, order, screen in _WRONG_DATES:
        for match in ctx.matches(pattern, text, screen):
            groups = match.groups()
            if order == "mdy":
                month, day, year = groups
            else:
                day, month, year = groups
            month = _ABBREVIATIONS.get(month, month)
            right = f"{int(day)} {month} {year}"
            yield ctx.finding(
                block,
                "date.format",
                Severity.WARNING,
                match.start(),
                match.end(),
                f"dates are written '{right}' in UN texts",
                Fix(f"write '{right}'", "replace", block.id, match.start(), match.end(), right),
            )


@rule("date.year-range", footnotes=True, trigger=HAS_YEAR_HYPHEN)
def year_range(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A range of years with a hyphen instead of an en dash (2008–2011)."""
    text = ctx.text(block)
    for match in ctx.matches(_YEAR_RANGE, text):
        dash = match.start(2) - 1
        yield ctx.finding(
            block,
            "date.year-range",
            Severity.WARNING,
            match.start(),
            match.end(),
            f"a range of years takes an en dash: {match.group(1)}–{match.group(2)}",
            Fix("use an en dash", "replace", block.id, dash, dash + 1, "–"),
        )


_OPCW_NOTE = re.compile(r"S/[1-9]\d*/(?:19|20)\d\d")
"""Notes of the OPCW Technical Secretariat: "S/1906/2020", serial number then year. A Security Council
document puts the year first (S/2020/1906); the two look alike, so the OPCW form is only taken for one
in a text that names the Organisation for the Prohibition of Chemical Weapons (or OPCW)."""
_OPCW = re.compile(r"Organi[sz]ation for the Prohibition of Chemical Weapons|\bOPCW\b")


@fact("citations.names-opcw")
def _names_opcw(ctx: CheckContext) -> bool:
    """Whether the document names the OPCW (in any paragraph or footnote); once per check run."""
    texts = [ctx.text(b) for b in ctx.blocks] + [ctx.footnote_text(f) for f in ctx.document.footnotes]
    return any(ctx.per_text("citations.opcw", t, lambda t: _OPCW.search(t) is not None) for t in texts)


@rule("citation.symbol", footnotes=True, trigger=NAMES_A_SERIES)
def symbols(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A document symbol that does not parse (A/RES/67.193, A/C.3/67/L15)."""
    text = ctx.text(block)
    for start, end, candidate in ctx.per_text("symbols.malformed", text, _malformed_symbols):
        if _OPCW_NOTE.fullmatch(candidate) and ctx.fact("citations.names-opcw"):
            continue
        yield ctx.finding(
            block,
            "citation.symbol",
            Severity.WARNING,
            start,
            end,
            f"'{candidate}' is not a well-formed document symbol",
        )


def _malformed_symbols(text: str) -> tuple[tuple[int, int, str], ...]:
    """The symbols of ``text`` in a UN series that do not parse, as (start, end, symbol)."""
    from drafting.symbols import MAIN_SERIES, SPECIAL_SERIES, find_symbols, parse_symbol

    known = {series.split("/")[0] for series in MAIN_SERIES + SPECIAL_SERIES}
    # Only UN series are held to the grammar: "NCT/CID/696" is another body's reference.
    return tuple(
        (start, end, candidate)
        for start, end, candidate in find_symbols(text)
        if candidate.split("/")[0] in known and parse_symbol(candidate) is None
    )
