"""The treaty registry (``resources/treaties/registry.json``): recognising instruments named in
a text, and looking an instrument up by its *Treaty Series* volume and number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafting import resources


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    year: int
    """The year in the instrument's title form ("… of 1961")."""
    series: str | None
    volumes: tuple[str, ...]
    number: str | None
    status: str
    verified: bool
    source: str

    @property
    def citation(self) -> str:
        if not self.series or not self.volumes:
            return "no Treaty Series citation"
        name = "United Nations" if self.series == "UNTS" else "League of Nations"
        volumes = ", ".join(self.volumes)
        word = "vols." if len(self.volumes) > 1 else "vol."
        return f"{name}, Treaty Series, {word} {volumes}, No. {self.number}"


@dataclass(frozen=True)
class Mention:
    instrument: Instrument
    start: int
    end: int
    year: int | None
    year_start: int
    year_end: int
    nonstandard: str | None
    """Why the name is not in UN title form, if it is not."""


@dataclass(frozen=True)
class _Pattern:
    instrument: Instrument
    regex: re.Pattern[str]
    literal: str
    """Text every match holds (:func:`required_literal`): a text without it is not searched, which
    spares most paragraphs most of the registry's regexes."""


@cache
def registry() -> tuple[Instrument, ...]:
    data = resources.load_json("treaties", "registry.json")
    return tuple(
        Instrument(
            id=item["id"],
            title=item["title"],
            year=item["year"],
            series=item["series"],
            volumes=tuple(item["volumes"]),
            number=item["number"],
            status=item["status"],
            verified=item["verified"],
            source=item["source"],
        )
        for item in data["instruments"]
    )


@cache
def _patterns(language: str) -> tuple[_Pattern, ...]:
    data = {item["id"]: item for item in resources.load_json("treaties", "registry.json")["instruments"]}
    key = "zh_aliases" if language == "zh" else "aliases"
    return tuple(
        _Pattern(instrument, re.compile(alias), required_literal(alias))
        for instrument in registry()
        for alias in data[instrument.id].get(key, [])
    )


_QUANTIFIERS = "?*+{"
_REPEAT = re.compile(r"\{\d*,?\d*\}")


def required_literal(pattern: str) -> str:
    """The longest run of plain characters in ``pattern`` outside groups, character classes and
    escapes, none of them made optional by a quantifier: every match holds it. "" when there is none,
    or when the pattern has a top-level "|" or inline flags (``(?i)``), which this reading leaves alone.
    """
    if re.search(r"\(\?[aiLmsux-]", pattern):
        return ""
    runs: list[str] = []
    run = ""
    depth = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":  # an escape, outside or inside a group: not a plain character
            runs.append(run)
            run = ""
            i += 2
            continue
        if char == "[":  # a class: skip to its "]" (a "]" first in it is a member)
            runs.append(run)
            run = ""
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char == "|":
            return ""
        elif depth == 0 and char in _QUANTIFIERS:
            runs.append(run[:-1])  # the quantified character is not required
            run = ""
            if repeat := _REPEAT.match(pattern, i):  # "{2,3}": skipped (any other "{" is one character)
                i = repeat.end() - 1
        elif depth == 0 and char not in ".^$":
            run += char
            i += 1
            continue
        runs.append(run)
        run = ""
        i += 1
    runs.append(run)
    return max(runs, key=len)


@cache
def _any_literal(language: str) -> re.Pattern[str] | None:
    """Finds the literal text of any of the registry's regexes (None if one has none): most
    paragraphs name no instrument, and one search says so faster than a test per regex."""
    literals = {pattern.literal for pattern in _patterns(language)}
    if not literals or "" in literals:
        return None
    return re.compile("|".join(map(re.escape, sorted(literals, key=len, reverse=True))))


def find_mentions(text: str, language: str = "en") -> list[Mention]:
    """Instruments named in ``text``; where names overlap, the longest (most specific) wins."""
    found: list[Mention] = []
    screen = _any_literal(language)
    if screen is not None and screen.search(text) is None:
        return found
    for pattern in _patterns(language):
        if pattern.literal not in text:
            continue
        for match in pattern.regex.finditer(text):
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else None
            year_start, year_end = match.span("year") if year else (-1, -1)
            found.append(
                Mention(
                    pattern.instrument,
                    match.start(),
                    match.end(),
                    year,
                    year_start,
                    year_end,
                    _nonstandard(pattern.instrument, groups) if language != "zh" else None,
                )
            )
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _nonstandard(instrument: Instrument, groups: dict[str, str | None]) -> str | None:
    reasons = []
    if "un" in groups and groups.get("un") is None:
        reasons.append("the title begins 'United Nations'")
    if groups.get("drugs") == "Drug":
        reasons.append("it says 'Narcotic Drugs'")
    if groups.get("year") and (groups.get("sep") or "").strip() == "" and not groups.get("date"):
        reasons.append("the year follows the name with 'of' (or a comma)")
    amended = groups.get("amended")
    if amended and "the 1972 Protocol" not in amended:
        reasons.append("UN texts write 'as amended by the 1972 Protocol'")
    if not reasons:
        return None
    return "; ".join(reasons) + f": '{instrument.title}'"


def by_citation(volume: str, number: str | None) -> list[Instrument]:
    """Instruments registered under *Treaty Series* ``volume`` (and ``number`` when given)."""
    return [
        instrument
        for instrument in registry()
        if volume in instrument.volumes and (number is None or instrument.number == number)
    ]
