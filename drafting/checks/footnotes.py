"""Footnote rules: markers and footnotes that do not meet, numbering, the re-use regimes,
marker placement, *Ibid.* chains and the final full stop (conventions §3.1–3.4)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from drafting.checks import rule
from drafting.checks.context import CheckContext, current_runs, excerpt
from drafting.checks.finding import Finding, Fix, Severity
from drafting.checks.sources import Source, ibid_problem, read_source
from drafting.model import Block, Mark

_MARKER_TEXT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹0-9]+")
_AFTER_MARKER_PUNCTUATION = ",;:."
_FRENCH_LIKE = ("fr", "es")


@rule("footnote.missing")
def missing_footnote(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A footnote marker that points at no footnote."""
    text = ctx.text(block)
    for marker in ctx.markers(block):
        if not ctx.has_footnote(marker.footnote_id):
            yield Finding(
                "footnote.missing",
                Severity.ERROR,
                block.id,
                ctx.label(block),
                marker.offset,
                marker.offset,
                "footnote marker points at a footnote that does not exist",
                excerpt(text, marker.offset, marker.offset),
            )
    for start, node in current_runs(block.content):
        if Mark.SUPERSCRIPT in node.marks and _MARKER_TEXT.fullmatch(node.text.strip()):
            yield _unbound(ctx, block, text, start, start + len(node.text))


def _unbound(ctx: CheckContext, block: Block, text: str, start: int, end: int) -> Finding:
    return Finding(
        "footnote.missing",
        Severity.ERROR,
        block.id,
        ctx.label(block),
        start,
        end,
        f"footnote marker {text[start:end]} has no footnote",
        excerpt(text, start, end),
    )


@rule("footnote.unreferenced", scope="document")
def unreferenced(ctx: CheckContext) -> Iterator[Finding]:
    """A footnote that no marker in the text points at."""
    referenced = {m.footnote_id for block in ctx.blocks for m in ctx.markers(block)}
    for footnote_id in ctx.footnotes_in_order:
        if footnote_id not in referenced:
            text = ctx.footnote_text(footnote_id)
            yield Finding(
                "footnote.unreferenced",
                Severity.ERROR,
                footnote_id,
                ctx.footnote_label(footnote_id),
                0,
                len(text),
                "no marker in the text refers to this footnote",
                excerpt(text, 0, min(len(text), 40)),
            )


@rule("footnote.numbering", scope="document")
def numbering(ctx: CheckContext) -> Iterator[Finding]:
    """Imported footnote numbers that are out of order or leave gaps."""
    printed = ctx.settings.literal_footnote_numbers
    if not printed:
        return
    # Only the referenced footnotes have an order of first reference: one that nothing cites is
    # footnote.unreferenced's finding, and must not make every later footnote look renumbered.
    referenced = {m.footnote_id for block in ctx.blocks for m in ctx.markers(block)}
    highest: tuple[int, str] | None = None  # the highest printed number cited so far, and its footnote
    for footnote_id in ctx.footnotes_in_order:
        number = printed.get(footnote_id)
        if number is None or footnote_id not in referenced:
            continue
        if highest is not None and number < highest[0]:
            text = ctx.footnote_text(footnote_id)
            yield Finding(
                "footnote.numbering",
                Severity.WARNING,
                footnote_id,
                ctx.footnote_label(footnote_id),
                0,
                0,
                f"printed as footnote {number}, but first cited after footnote {highest[0]}: the numbers"
                f" are out of order of first reference; it is footnote {ctx.numbers[footnote_id]}"
                " (Penholder renumbers on export)",
                excerpt(text, 0, min(len(text), 40)),
            )
        if highest is None or number > highest[0]:
            highest = (number, footnote_id)
    gaps, more = _gaps(printed.values())
    if gaps:
        first = ctx.footnotes_in_order[0]
        yield Finding(
            "footnote.numbering",
            Severity.WARNING,
            first,
            ctx.footnote_label(first),
            0,
            0,
            f"the printed footnote numbers skip {', '.join(map(str, gaps))}"
            + (f" and {more:,} more" if more else ""),
        )


_LISTED_GAPS = 100


def _gaps(values: Iterable[int]) -> tuple[list[int], int]:
    """The first missing numbers from 1 to the highest printed one (at most ``_LISTED_GAPS``), and how
    many more are missing. Not ``set(range(1, highest + 1))``: a footnote printed as 999999999 made
    that a set of a billion numbers (issue 14)."""
    listed: list[int] = []
    more = 0
    expected = 1
    for value in sorted(set(values)):
        if value < expected:
            continue
        missing = value - expected
        room = _LISTED_GAPS - len(listed)
        listed.extend(range(expected, expected + min(missing, room)))
        more += max(0, missing - room)
        expected = value + 1
    return listed, more


@rule("footnote.repeat-regime", scope="document")
def repeat_regime(ctx: CheckContext) -> Iterator[Finding]:
    """A footnote cited again where the chosen regime does not allow it."""
    if ctx.settings.footnote_regime != "current":
        return  # older Editorial Manual: a re-used indicator may recur anywhere
    seen: set[str] = set()
    for block in ctx.blocks:
        text = ctx.text(block)
        for marker in ctx.markers(block):
            if marker.footnote_id in seen:
                number = ctx.numbers.get(marker.footnote_id, "?")
                yield Finding(
                    "footnote.repeat-regime",
                    Severity.WARNING,
                    block.id,
                    ctx.label(block),
                    marker.offset,
                    marker.offset,
                    f"footnote {number} is cited again; the current Editorial Manual gives each reference once"
                    " and a necessary repeat a new footnote with the same text",
                    excerpt(text, marker.offset, marker.offset),
                    Fix(
                        "give this reference a footnote of its own",
                        "new-footnote",
                        block.id,
                        marker.offset,
                        marker.offset,
                    ),
                )
            seen.add(marker.footnote_id)


@rule("footnote.marker-placement")
def marker_placement(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A marker on the wrong side of punctuation (after it in English, before it in French and Spanish)."""
    text = ctx.text(block)
    before_punctuation = ctx.language in _FRENCH_LIKE
    for marker in ctx.markers(block):
        at = marker.offset
        if not before_punctuation and at < len(text) and text[at] in _AFTER_MARKER_PUNCTUATION:
            message = f"the marker goes after the '{text[at]}', not before it"
            fix = Fix(
                f"move the marker after the '{text[at]}'", "marker-after-punctuation", block.id, at, at + 1
            )
        elif before_punctuation and at > 0 and text[at - 1] in _AFTER_MARKER_PUNCTUATION:
            message = f"in {ctx.language} the marker goes before the '{text[at - 1]}'"
            fix = Fix(
                f"move the marker before the '{text[at - 1]}'",
                "marker-before-punctuation",
                block.id,
                at - 1,
                at,
            )
        else:
            continue
        yield Finding(
            "footnote.marker-placement",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            fix.start,
            fix.end,
            message,
            excerpt(text, fix.start, fix.end),
            fix,
        )


@rule("footnote.ibid-source", scope="document")
def ibid_source(ctx: CheckContext) -> Iterator[Finding]:
    """An Ibid. that does not continue the source of the footnote before it."""
    previous: Source | None = None
    for footnote_id in ctx.footnotes_in_order:
        text = ctx.footnote_text(footnote_id)
        problem = ibid_problem(text, previous)
        if problem:
            severity = (
                Severity.WARNING if previous is not None and previous.series is None else Severity.ERROR
            )
            yield Finding(
                "footnote.ibid-source",
                severity,
                footnote_id,
                ctx.footnote_label(footnote_id),
                0,
                min(len(text), 6),
                problem,
                excerpt(text, 0, min(len(text), 40)),
            )
        previous = read_source(text, previous)


@rule("footnote.final-stop", scope="document")
def final_stop(ctx: CheckContext) -> Iterator[Finding]:
    """A footnote text without its final full stop."""
    stop = "。" if ctx.language == "zh" else "."
    for footnote_id in ctx.footnotes_in_order:
        text = ctx.footnote_text(footnote_id)
        stripped = text.rstrip()
        if not stripped or stripped.endswith((".", "。")):
            continue
        end = len(stripped)
        yield Finding(
            "footnote.final-stop",
            Severity.WARNING,
            footnote_id,
            ctx.footnote_label(footnote_id),
            end,
            end,
            "a footnote ends with a full stop",
            excerpt(text, end, end),
            Fix("add the full stop", "replace", footnote_id, end, end, stop),
        )
