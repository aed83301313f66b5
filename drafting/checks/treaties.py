"""Treaty rules: instruments named with a wrong year or in a non-UN title form, footnotes that
cite a different instrument than the text names, and one instrument given different years
(conventions §4.5). Unverified registry entries only ever give warnings."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, compress, count
from operator import add

from drafting.checks import rule
from drafting.checks.context import CheckContext, excerpt
from drafting.checks.finding import Finding, Fix, Severity
from drafting.checks.sources import Source, read_source
from drafting.model import Block
from drafting.treaties import Mention, by_citation, find_mentions

GENERIC_PATTERN = (
    r"\b((?:[A-Z][\w'’-]+ )*(?:Convention|Covenant|Protocol|Agreement|Treaty)(?: (?:on|for|against|of|relating"
    r" to|concerning|in|the|and|[A-Z][\w'’-]+))*?) of (\d{4})\b"
)
"""An instrument named with its year, "Convention on Biological Diversity of 1992": capitalised words,
the instrument word, a lazy run of title words, "of" and the year. :func:`generic_mentions` finds
exactly what ``re.finditer(GENERIC_PATTERN, text)`` finds, in linear time: the regex tried every
capitalised word as a start, and from each start every instrument word of the run with its lazy
tail, so a run of "Treaty Treaty …" cost the cube of its length (50,000 characters: hours) and one
of capitalised words the square (issue 14)."""
_INSTRUMENTS = frozenset({"Convention", "Covenant", "Protocol", "Agreement", "Treaty"})
_TITLE_WORDS = frozenset({"on", "for", "against", "of", "concerning", "in", "the", "and"})
_INSTRUMENT_WORD = re.compile(r"Convention|Covenant|Protocol|Agreement|Treaty")
_NOT_IN_WORD = re.compile(r"[^\w'’-]")
_YEAR_WORD = re.compile(r"\d{4}(?!\w)")
_START = re.compile(r"\b[A-Z]")
_OF_YEAR = re.compile(r" of \d{4}")
"""What every match of ``GENERIC_PATTERN`` holds (its " of (\\d{4})")."""


@dataclass(frozen=True)
class GenericMention:
    """A match of ``GENERIC_PATTERN``: ``name`` is its group 1, ``year`` its group 2."""

    start: int
    end: int
    name: str
    year: str
    year_start: int


def generic_mentions(text: str) -> tuple[GenericMention, ...]:
    """What ``re.finditer(GENERIC_PATTERN, text)`` finds, in the same order, in linear time.

    The regex, read over the text's words (split at single spaces): from a start, greedy "prefix"
    words (capitalised, each followed by a space), an instrument word, then lazily title words
    (capitalised, on/for/…/and, "relating to") until " of <year>". A start is the beginning of a
    word or a capital after a non-word character inside one ("(Convention", "Anti-Treaty"). For a
    start the regex tries the instrument word furthest on first; from an instrument word the lazy
    tail has one way forward, so its outcome is computed once per word (``walk``); and a later
    word of a run of prefix words has fewer choices than the run's first word, so the furthest
    good choice of every run is computed once, from the right (``best``).
    """
    if " of " not in text or not _INSTRUMENT_WORD.search(text) or not _OF_YEAR.search(text):
        return ()
    words = text.split(" ")
    last = len(words) - 1  # every word before it is followed by a space
    # Where each word starts: the lengths of the words before it, and a space after each of them.
    offsets = list(map(add, accumulate(map(len, words[:-1]), initial=0), count()))
    # Capitalised words, [A-Z][\w'’-]+ in full: no regex call for the many words not starting A-Z.
    capitalised = ["A" <= w[:1] <= "Z" and len(w) > 1 and _NOT_IN_WORD.search(w, 1) is None for w in words]
    exits: dict[int, int | None] = {}

    def walk(i: int) -> int | None:
        """From the end of word ``i``: the word after which " of <year>" closes the lazy tail, or None."""
        path: list[int] = []
        j: int | None = i
        while j is not None and j not in exits:
            path.append(j)
            if j + 2 <= last and words[j + 1] == "of" and _YEAR_WORD.match(words[j + 2]):
                exits[j] = j
            elif j + 1 <= last and (capitalised[j + 1] or words[j + 1] in _TITLE_WORDS):
                j += 1
            elif j + 2 <= last and words[j + 1] == "relating" and words[j + 2] == "to":
                j += 2
            else:
                j = None
        result = exits[j] if j is not None else None
        for k in path:
            exits[k] = result
        return result

    # best[i]: the furthest instrument word with a tail, among word i and, if word i is a prefix
    # word, the rest of its run of prefix words and the word ending the run.
    best: list[int | None] = [None] * (last + 2)  # None for a word not capitalised (nor instrument)
    for i in reversed(list(compress(range(last + 1), capitalised))):
        own = i if words[i] in _INSTRUMENTS and walk(i) is not None else None
        is_prefix = capitalised[i] and i < last
        best[i] = (best[i + 1] if best[i + 1] is not None else own) if is_prefix else own
    clean_from: dict[int, int] = {}  # word -> offset from which it holds only [\w'’-]

    found: list[GenericMention] = []
    resume = 0
    for start_match in _START.finditer(text):
        start = start_match.start()
        if start < resume:
            continue
        word = bisect_right(offsets, start) - 1
        word_end = offsets[word] + len(words[word])
        if start == offsets[word]:
            first_is_prefix = capitalised[word] and word < last
        else:  # a start inside the word: its rest is the first word
            if word not in clean_from:
                bad = list(_NOT_IN_WORD.finditer(words[word]))
                clean_from[word] = offsets[word] + (bad[-1].end() if bad else 0)
            first_is_prefix = word < last and start >= clean_from[word] and word_end - start >= 2
        chosen: int | None = None
        if first_is_prefix and best[word + 1] is not None:
            chosen = best[word + 1]
        elif word_end - start <= 10 and text[start:word_end] in _INSTRUMENTS and walk(word) is not None:
            chosen = word
        if chosen is None:
            continue
        closing = walk(chosen)
        assert closing is not None
        year_start = offsets[closing + 2]
        name_end = offsets[closing] + len(words[closing])
        year = text[year_start : year_start + 4]
        found.append(GenericMention(start, year_start + 4, text[start:name_end], year, year_start))
        resume = year_start + 4
    return tuple(found)


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
    right: dict[str, list[str]] = {}  # instrument id -> where the text gives its year right, in order
    for block, mention in mentions:
        instrument = mention.instrument
        if mention.year is None or mention.year == instrument.year:
            continue
        if instrument.id not in right:  # once per instrument, not once per wrong mention (issue 14)
            right[instrument.id] = list(
                dict.fromkeys(
                    ctx.label(b)
                    for b, m in mentions
                    if m.instrument.id == instrument.id and m.year == instrument.year
                )
            )
        right_elsewhere = right[instrument.id]
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
        offsets = [marker.offset for marker in markers]  # in text order
        for mention in ctx.per_text("treaties.citable", text, lambda t: _citable_mentions(ctx, t)):
            # the first marker at most 3 characters on: looked up, not searched for among all the
            # block's markers (quadratic in a paragraph of many of both, issue 14)
            index = bisect_left(offsets, mention.end)
            while index < len(markers) and offsets[index] - mention.end <= 3:
                if not text[mention.end : offsets[index]].strip(" ,;:.”\"'》)"):
                    yield block, mention, markers[index].footnote_id
                    break
                index += 1


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
    years: dict[str, list[tuple[Block, GenericMention]]] = defaultdict(list)
    for block in ctx.blocks:
        starts = sorted(known.get(block.id, ()))
        for match in ctx.per_text("treaties.generic", ctx.text(block), generic_mentions):
            at = bisect_left(starts, match.start)  # a registry mention starting inside the match?
            if at < len(starts) and starts[at] < match.end:
                continue
            years[match.name].append((block, match))
    for name, places in years.items():
        distinct = {m.year for _, m in places}
        if len(distinct) < 2:
            continue
        first_year = places[0][1].year
        for block, match in places:
            if match.year != first_year:
                text = ctx.text(block)
                yield Finding(
                    "treaty.year-inconsistent",
                    Severity.WARNING,
                    block.id,
                    ctx.label(block),
                    match.year_start,
                    match.year_start + 4,
                    f"the {name} is of {first_year} in {ctx.label(places[0][0])} but of {match.year} here",
                    excerpt(text, match.start, match.end),
                )
