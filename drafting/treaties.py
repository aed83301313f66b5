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
        _Pattern(instrument, re.compile(alias))
        for instrument in registry()
        for alias in data[instrument.id].get(key, [])
    )


def find_mentions(text: str, language: str = "en") -> list[Mention]:
    """Instruments named in ``text``; where names overlap, the longest (most specific) wins."""
    found: list[Mention] = []
    for pattern in _patterns(language):
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
