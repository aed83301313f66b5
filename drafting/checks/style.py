"""House-style rules that are not spelling: "United Nations" in full, full-width punctuation
in Chinese, French and Russian quotation marks (conventions §3.8, §1.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.brackets import pairs_in
from drafting.checks import rule
from drafting.checks.context import CheckContext, Spans, Trigger, excerpt
from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block

_ABBREVIATIONS = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "UNGA": "General Assembly",
    "UNSC": "Security Council",
    "ECOSOC": "Economic and Social Council",
}
_ABBREVIATION = re.compile(r"(?<![\w.\-/])(U\.N\.|UNGA|UNSC|ECOSOC|UN)(?![\w\-/]|\.\w)")
_OFFICIAL_NAMES = re.compile(r"\bUN[ -](?:Women|Habitat|Water|Energy|Oceans|Nutrition)\b")
NAMES_AN_ABBREVIATION = Trigger(
    "abbreviations.un", lambda text: "UN" in text or "U.N." in text or "ECOSOC" in text
)
"""Every abbreviation of ``_ABBREVIATION`` holds "UN", or is "U.N." or "ECOSOC"."""
_CJK = r"\u3400-\u9fff"
_HALF_WIDTH = re.compile(rf"(?<=[{_CJK}》”）])([,;:.])(?=[{_CJK}《“（]|\s*$)")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", ".": "。"}


@rule("style.un-abbreviation", footnotes=True, trigger=NAMES_AN_ABBREVIATION)
def un_abbreviation(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """ "UN", "ECOSOC" and the like in running text: UN texts write the names in full."""
    if ctx.language != "en":
        return
    text = ctx.text(block)
    official = Spans(m.span() for m in ctx.matches(_OFFICIAL_NAMES, text))
    for match in ctx.matches(_ABBREVIATION, text):
        if official.covers(match.start()):
            continue
        full = _ABBREVIATIONS[match.group(1)]
        yield Finding(
            "style.un-abbreviation",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            match.start(),
            match.end(),
            f"write '{full}' in full; UN texts do not abbreviate it in running text",
            excerpt(text, match.start(), match.end()),
            Fix(f"write '{full}'", "replace", block.id, match.start(), match.end(), full),
        )


@rule("style.zh-fullwidth", footnotes=True)
def zh_fullwidth(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """Half-width , ; : . between Chinese characters (half-width brackets around Latin text are right)."""
    if ctx.language != "zh":
        return
    text = ctx.text(block)
    for match in _HALF_WIDTH.finditer(text):
        full = _FULL_WIDTH[match.group(1)]
        yield Finding(
            "style.zh-fullwidth",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            match.start(),
            match.end(),
            f"Chinese text takes the full-width '{full}', not '{match.group(1)}'",
            excerpt(text, match.start(), match.end(), 12),
            Fix(f"write '{full}'", "replace", block.id, match.start(), match.end(), full),
        )


@rule("style.unmatched-bracket", footnotes=True)
def unmatched_bracket(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A square bracket left without its partner in the paragraph: negotiators bracket text that
    is not agreed, and a pair never spans paragraphs (conventions §5.3)."""
    text = ctx.text(block)
    if "[" not in text and "]" not in text:
        return
    for offset in pairs_in(text)[1]:
        other = "]" if text[offset] == "[" else "["
        yield Finding(
            "style.unmatched-bracket",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            offset,
            offset + 1,
            f"'{text[offset]}' has no matching '{other}' in this paragraph",
            excerpt(text, offset, offset + 1),
        )


_FRENCH_GUILLEMETS = re.compile(r"«(?=\S)|(?<=\S)»")
_ENGLISH_QUOTES = re.compile(r"“([^”]*)”")
_NO_BREAK_SPACE = "\u00a0"


@rule("style.fr-spacing", footnotes=True)
def french_spacing(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """French puts a no-break space inside « » (as the UN's French pages print them). The space
    French national usage puts before ; : ! ? is not asked for: the UN's own French texts found
    (press.un.org/fr) glue the colon to its word, as FAO's and the EU's French style guides do
    (docs/checks.md)."""
    if ctx.language != "fr":
        return
    text = ctx.text(block)
    for match in _FRENCH_GUILLEMETS.finditer(text):
        mark = text[match.start()] if text[match.start()] == "«" else "»"
        at = match.start() if mark == "«" else match.end() - 1
        fixed = f"«{_NO_BREAK_SPACE}" if mark == "«" else f"{_NO_BREAK_SPACE}»"
        yield Finding(
            "style.fr-spacing",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            at,
            at + 1,
            f"French puts a no-break space {'after' if mark == '«' else 'before'} '{mark}'",
            excerpt(text, at, at + 1, 12),
            Fix(f"write '{fixed}'", "replace", block.id, at, at + 1, fixed),
        )


@rule("style.guillemets", footnotes=True)
def guillemets(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """French and Russian quote with « », not “ ”."""
    if ctx.language not in ("fr", "ru"):
        return
    text = ctx.text(block)
    inside = _NO_BREAK_SPACE if ctx.language == "fr" else ""
    for match in _ENGLISH_QUOTES.finditer(text):
        quoted = f"«{inside}{match.group(1)}{inside}»"
        yield Finding(
            "style.guillemets",
            Severity.WARNING,
            block.id,
            ctx.label(block),
            match.start(),
            match.end(),
            f"{'French' if ctx.language == 'fr' else 'Russian'} quotes with « », not “ ”",
            excerpt(text, match.start(), match.end(), 12),
            Fix("write « »", "replace", block.id, match.start(), match.end(), quoted),
        )
