"""Treaty rules: instruments named with a wrong year or in a non-UN title form, footnotes that
cite a different instrument than the text names, and one instrument given different years
(conventions §4.5). Unverified registry entries only ever give warnings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from drafting.checks import rule
from drafting.checks.context import CheckContext, excerpt
from drafting.checks.finding import Finding, Fix, Severity
from drafting.checks.sources import Source, read_source
from drafting.model import Block
from drafting.treaties import Mention, by_citation, find_mentions

_GENERIC = re.compile(
    r"\b((?:[A-Z][\w'’-]+ )*(?:Convention|Covenant|Protocol|Agreement|Treaty)(?: (?:on|for|against|of|relating"
    r" to|concerning|in|the|and|[A-Z][\w'’-]+))*?) of (\d{4})\b"
)


def _text_mentions(ctx: CheckContext, text: str) -> tuple[Mention, ...]:
    """The instruments ``text`` names, once per text (three rules ask)."""
    language = ctx.language
    return ctx.per_text("treaties.mentions", text, lambda t: tuple(find_mentions(t, language)))


def _mentions(ctx: CheckContext, blocks: list[Block]) -> list[tuple[Block, Mention]]:
    return [(block, mention) for block in blocks for mention in _text_mentions(ctx, ctx.text(block))]


@rule("treaty.wrong-year", scope="document")
def wrong_year(ctx: CheckContext) -> Iterator[Finding]:
    """An instrument named with a year its title does not have."""
    mentions = _mentions(ctx, ctx.blocks)
    cited = _cited_instruments(ctx)
    for block, mention in mentions:
        instrument = mention.instrument
        if mention.year is None or mention.year == instrument.year:
            continue
        right_elsewhere = list(
            dict.fromkeys(
                ctx.label(b)
                for b, m in mentions
                if m.instrument.id == instrument.id and m.year == instrument.year
            )
        )
        evidence = [f"the registry gives {instrument.year} ({instrument.citation})"]
        if right_elsewhere:
            evidence.append(f"this text says {instrument.year} in {', '.join(right_elsewhere)}")
        note = cited.get((block.id, mention.start))
        if note:
            evidence.append(f"{note} cites {instrument.citation}")
        severity = Severity.ERROR if instrument.verified else Severity.WARNING
        text = ctx.text(block)
        yield Finding(
            "treaty.wrong-year",
            severity,
            block.id,
            ctx.label(block),
            mention.year_start,
            mention.year_end,
            f"the {_short(instrument.title)} is of {instrument.year}, not {mention.year}: "
            + "; ".join(evidence),
            excerpt(text, mention.start, mention.end),
            Fix(
                f"write {instrument.year}",
                "replace",
                block.id,
                mention.year_start,
                mention.year_end,
                str(instrument.year),
            ),
        )


def _short(title: str) -> str:
    return re.sub(r",? (?:of )?\d{4}.*$", "", title)


@rule("treaty.title-form", footnotes=True)
def title_form(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """An instrument named in a form UN texts do not use."""
    text = ctx.text(block)
    for mention in _text_mentions(ctx, text):
        if mention.nonstandard:
            yield Finding(
                "treaty.title-form",
                Severity.WARNING,
                block.id,
                ctx.label(block),
                mention.start,
                mention.end,
                f"not the UN title form: {mention.nonstandard}",
                excerpt(text, mention.start, mention.end),
            )


def _footnote_sources(ctx: CheckContext) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    previous: Source | None = None
    for footnote_id in ctx.footnotes_in_order:
        previous = sources[footnote_id] = read_source(ctx.footnote_text(footnote_id), previous)
    return sources


def _cited_instruments(ctx: CheckContext) -> dict[tuple[str, int], str]:
    """(block id, mention start) -> "footnote N" for mentions followed by a footnote marker."""
    out: dict[tuple[str, int], str] = {}
    for block, mention, footnote_id in _mention_markers(ctx):
        out[(block.id, mention.start)] = ctx.footnote_label(footnote_id)
    return out


_PARENT_OF_TITLE = re.compile(
    r"(?:\bsupplementing|\bProtocol\b[^;:.]{0,200}?\bto|\bAmendments?\b[^;:.]{0,60}?\bto|\bamending)"
    r"\s+(?:the\s+)?$"
)
"""What shows that an instrument's name ends a longer title: "Protocol to Prevent, Suppress and Punish
Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against
Transnational Organized Crime,⁶" — the footnote cites the Protocol (vol. 2237, No. 39574), not the
Convention (vol. 2225); likewise "Optional Protocol to the …", "Amendment to the …"."""


def _ends_longer_title(text: str, mention: Mention) -> bool:
    return bool(_PARENT_OF_TITLE.search(text[max(0, mention.start - 300) : mention.start]))


def _mention_markers(ctx: CheckContext) -> Iterator[tuple[Block, Mention, str]]:
    """Instrument names directly followed (punctuation apart) by a footnote marker, unless the name
    is the end of a longer title (a Protocol supplementing it) that the footnote cites."""
    for block in ctx.blocks:
        markers = ctx.markers(block)
        if not markers:
            continue
        text = ctx.text(block)
        for mention in ctx.per_text("treaties.citable", text, lambda t: _citable_mentions(ctx, t)):
            for marker in markers:
                gap = text[mention.end : marker.offset]
                if marker.offset >= mention.end and len(gap) <= 3 and not gap.strip(" ,;:.”\"'》)"):
                    yield block, mention, marker.footnote_id
                    break


def _citable_mentions(ctx: CheckContext, text: str) -> tuple[Mention, ...]:
    """The mentions of ``text`` a footnote marker after them would cite (not the end of a longer title)."""
    return tuple(m for m in _text_mentions(ctx, text) if not _ends_longer_title(text, m))


@rule("treaty.footnote-mismatch", scope="document")
def footnote_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """A footnote whose Treaty Series volume and number belong to another instrument than the text names."""
    sources = _footnote_sources(ctx)
    for block, mention, footnote_id in _mention_markers(ctx):
        source = sources.get(footnote_id)
        if source is None or not source.is_treaty_series or source.volume is None:
            continue
        cited = by_citation(source.volume, source.number)
        named = mention.instrument
        if not cited or named in cited:
            continue
        other = cited[0]
        severity = Severity.ERROR if named.verified and other.verified else Severity.WARNING
        text = ctx.text(block)
        yield Finding(
            "treaty.footnote-mismatch",
            severity,
            block.id,
            ctx.label(block),
            mention.start,
            mention.end,
            f"{ctx.footnote_label(footnote_id)} cites vol. {source.volume}, No. {source.number}, which is the"
            f" {_short(other.title)}; the {_short(named.title)} is {named.citation}",
            excerpt(text, mention.start, mention.end),
        )


@rule("treaty.year-inconsistent", scope="document")
def year_inconsistent(ctx: CheckContext) -> Iterator[Finding]:
    """The same instrument (one the registry does not know) given different years in one text."""
    known: dict[str, set[int]] = defaultdict(set)  # block id -> where registry mentions start
    for b, m in _mentions(ctx, ctx.blocks):
        known[b.id].add(m.start)
    years: dict[str, list[tuple[Block, re.Match[str]]]] = defaultdict(list)
    for block in ctx.blocks:
        starts = known.get(block.id, ())
        for match in ctx.per_text("treaties.generic", ctx.text(block), lambda t: tuple(_GENERIC.finditer(t))):
            if any(match.start() <= start < match.end() for start in starts):
                continue
            years[match.group(1)].append((block, match))
    for name, places in years.items():
        distinct = {m.group(2) for _, m in places}
        if len(distinct) < 2:
            continue
        first_year = places[0][1].group(2)
        for block, match in places:
            if match.group(2) != first_year:
                text = ctx.text(block)
                yield Finding(
                    "treaty.year-inconsistent",
                    Severity.WARNING,
                    block.id,
                    ctx.label(block),
                    match.start(2),
                    match.end(2),
                    f"the {name} is of {first_year} in {ctx.label(places[0][0])} but of {match.group(2)} here",
                    excerpt(text, match.start(), match.end()),
                )
