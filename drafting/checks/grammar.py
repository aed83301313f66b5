"""Paragraph grammar of resolutions (conventions §1.2–1.4, §2.4): how preambular and operative
paragraphs open and end, italic openers, and the also/further sequence. Only resolutions and
draft resolutions are held to it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.checks import rule
from drafting.checks.context import CheckContext, excerpt
from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block, BlockKind, Mark, Text
from drafting.phrases import opening_phrase, phrase_list

_ADJECTIVES = {
    "Aware",
    "Mindful",
    "Conscious",
    "Cognizant",
    "Convinced",
    "Concerned",
    "Determined",
    "Desirous",
    "Alarmed",
    "Guided",
    "Encouraged",
    "Disturbed",
    "Appreciative",
    "Confident",
    "Resolved",
    "Committed",
}
_PLAIN_ADVERBS = {"Ever", "Still", "Well", "Once", "Long"}
"""Adverbs without -ly that open a preambular participle or adjective: "Ever mindful that …" (A/RES/80/39),
"Still concerned", "Well aware"."""
_INTRODUCTORY = {
    "In", "On", "At", "With", "Within", "Without", "Pending", "Pursuant", "Further", "Following", "Upon",
    "Through", "For", "Consistent", "Given", "Subject", "Prior", "After", "Before", "Until", "Under",
    "Notwithstanding", "As", "To", "Recognizing", "Bearing", "Taking", "Having", "Based",
}  # fmt: skip
"""Words that open an introductory phrase put before the operative verb: "2. Pending the total
elimination of nuclear weapons, urges …" (A/RES/80/23), "In this regard, calls upon …"."""
_VERB_AFTER_COMMA = re.compile(r",\s+(?:(?:also|further|again|strongly|once again|[a-z]+ly)\s+)?([a-z]+)\b")
_ADVERB_LEVELS = {"also": 1, "equally": 1, "further": 2}
_OPERATIVE_ADVERBS = {"Also": 1, "Further": 2}
_END = {
    "en": {"comma": ",", "semicolon": ";", "stop": ".", "colon": ":"},
    "zh": {"comma": "，", "semicolon": "；", "stop": "。", "colon": "："},
    "ar": {"comma": "،", "semicolon": "؛", "stop": ".", "colon": ":"},
}
"""Each language's marks (French, Spanish and Russian end paragraphs with the English ones;
Arabic with its own comma and semicolon, see docs/checks.md)."""
_HALF_WIDTH = {"，": ",", "；": ";", "。": ".", "：": ":"}
_CLOSING_RUN = re.compile(r"[\s”’\"'»)\]]*")
"""Spaces, closing quotes and brackets, matched at the start of the *reversed* text: what ends it.
Searched for at the end (``[…]*$``), a long run of spaces inside a paragraph cost its length at
every one of its positions: 100,000 spaces took 40 s (issue 14)."""


def _is_body(ctx: CheckContext, block: Block) -> bool:
    return ctx.is_resolution and not ctx.is_footnote(block)


@rule("grammar.preambular-opening")
def preambular_opening(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A preambular paragraph that does not open with a participle or adjectival phrase."""
    if block.kind is not BlockKind.PREAMBULAR or not _is_body(ctx, block) or ctx.language != "en":
        return
    text = ctx.text(block)
    if opening_phrase(text, "preambular", "en"):
        return
    words = text.split()
    if not words:
        return
    first = words[0].strip(",")
    second = words[1].strip(",") if len(words) > 1 else ""
    if first.endswith(("ing", "ed")) or first in _ADJECTIVES:
        return
    adverb = first.endswith("ly") or first in _PLAIN_ADVERBS
    if adverb and (second.endswith(("ing", "ed")) or second.capitalize() in _ADJECTIVES):
        return
    yield Finding(
        "grammar.preambular-opening",
        Severity.WARNING,
        block.id,
        ctx.label(block),
        0,
        len(words[0]),
        f"a preambular paragraph opens with a participle or adjective (Recalling, Noting, Mindful …), not '{first}'",
        excerpt(text, 0, len(words[0])),
    )


@rule("grammar.operative-opening")
def operative_opening(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """An operative paragraph that does not open with a present-tense verb (Decides, Requests …)."""
    if block.kind is not BlockKind.OPERATIVE or not _is_body(ctx, block) or ctx.language != "en":
        return
    text = ctx.text(block)
    if opening_phrase(text, "operative", "en"):
        return
    words = text.split()
    if not words:
        return
    adverb = words[0] in ("Also", "Further", "Again", "Strongly", "Once") or (
        words[0].endswith("ly") and words[0][:1].isupper()  # "Urgently calls upon" (A/RES/80/52)
    )
    verb = words[1] if adverb and len(words) > 1 else words[0]
    if _is_verb(verb.rstrip(":;,.")):  # "Recalls:" introducing subparagraphs
        return
    if (words[0].strip(",") in _INTRODUCTORY or words[0].endswith("ing")) and _verb_after_phrase(text):
        return
    yield Finding(
        "grammar.operative-opening",
        Severity.WARNING,
        block.id,
        ctx.label(block),
        0,
        len(words[0]),
        f"an operative paragraph opens with a verb in the present tense (Decides, Requests …), not '{words[0]}'",
        excerpt(text, 0, len(words[0])),
    )


def _verb_after_phrase(text: str) -> bool:
    """Whether an operative verb follows one of the first three commas of the first clause: the
    introductory phrase may hold commas itself ("In accordance with article 5, paragraph 2, of the
    Convention, decides …"); a clause with a subject of its own ("…, we commit") is no operative verb."""
    clause = re.split(r"[;:.]\s", text, maxsplit=1)[0]
    return any(_is_verb(comma.group(1)) for comma in list(_VERB_AFTER_COMMA.finditer(clause))[:3])


def _is_verb(word: str) -> bool:
    """A third-person-singular present (Decides, urges): ends in -s but not -ss, -us, -is."""
    return word[:1].isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _parts(ctx: CheckContext) -> dict[str, BlockKind]:
    """Block id -> PREAMBULAR or OPERATIVE for the resolution's own paragraphs and their subparagraphs
    (at any depth). Subparagraphs of anything else (an annexed declaration's paragraphs, a list in a
    plain paragraph) are not held to the preamble/operative punctuation."""
    parts: dict[str, BlockKind] = {}

    def walk(block: Block, part: BlockKind) -> None:
        parts[block.id] = part
        for child in block.children:
            walk(child, part)

    for block in ctx.document.blocks:
        if block.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE):
            walk(block, block.kind)
    return parts


def _last_operative_leaf(ctx: CheckContext) -> str | None:
    operative = ctx.document.operative
    if not operative:
        return None
    block = operative[-1]
    while block.children:
        block = block.children[-1]
    return block.id


@rule("grammar.end-punctuation", scope="document")
def end_punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """Preambular paragraphs end with a comma, operative ones with a semicolon, the last with a full
    stop, and a paragraph introducing subparagraphs with a colon."""
    if not ctx.is_resolution:
        return
    marks = _END.get(ctx.language, _END["en"])
    last_leaf = _last_operative_leaf(ctx)
    parts = _parts(ctx)
    for block in ctx.blocks:
        part = parts.get(block.id)
        also: tuple[str, ...] = ()
        if part is None:
            continue  # an annexed declaration's paragraphs and lists, front matter: not the resolution's grammar
        if block.kind is BlockKind.PREAMBULAR:
            expected, why = marks["comma"], "a preambular paragraph ends with a comma"
            if block.children:
                expected, why = marks["colon"], "a paragraph introducing subparagraphs ends with a colon"
        elif block.kind is BlockKind.SUBPARAGRAPH and part is BlockKind.PREAMBULAR:
            if block.children:
                expected, why = marks["colon"], "a paragraph introducing subparagraphs ends with a colon"
            else:
                # Subparagraphs of a preambular paragraph belong to the preamble: commas, or semicolons
                # between them (A/RES/80/34, PP "Convinced that … a major contribution to: (a) …,").
                expected, why = marks["comma"], "a subparagraph of a preambular paragraph ends with a comma"
                also = (marks["semicolon"],)
        elif block.kind in (BlockKind.OPERATIVE, BlockKind.SUBPARAGRAPH):
            if block.children:
                expected, why = marks["colon"], "a paragraph introducing subparagraphs ends with a colon"
            elif block.id == last_leaf:
                expected, why = marks["stop"], "the last operative paragraph ends with a full stop"
                if not block.numbered:  # "Adopts the following declaration:" with the text below
                    also = (marks["colon"],)
            else:
                which = "a subparagraph" if block.kind is BlockKind.SUBPARAGRAPH else "an operative paragraph"
                expected, why = marks["semicolon"], f"{which} ends with a semicolon"
        else:
            continue
        text = ctx.text(block)
        end = ctx.per_text("punctuation.trailing", text, _end_of_text)
        if end == 0:
            continue
        last = text[end - 1]
        if last == expected or _HALF_WIDTH.get(expected) == last:  # width is style.zh-fullwidth's business
            continue
        if last in also or _HALF_WIDTH.get(last) in also:
            continue
        rule_id = "grammar.preambular-end" if part is BlockKind.PREAMBULAR else "grammar.operative-end"
        replaces = last in ",;.:，；。：،؛" or last == "、"
        start = end - 1 if replaces else end
        yield Finding(
            rule_id,
            Severity.ERROR,
            block.id,
            ctx.label(block),
            start,
            end,
            f"{why} ('{expected}'), not " + (f"'{last}'" if replaces else "without punctuation"),
            excerpt(text, start, end),
            Fix(f"end with '{expected}'", "replace", block.id, start, end, expected),
        )


def _end_of_text(text: str) -> int:
    """Where the text ends, closing quotes, brackets and spaces apart."""
    return len(text) - _CLOSING_RUN.match(text[::-1]).end()


@rule("grammar.opening-italic")
def opening_italic(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """An opening phrase not in italics where the formatting is known."""
    if block.kind not in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE) or not _is_body(ctx, block):
        return
    phrases = phrase_list(ctx.language)
    if phrases is None or phrases.opener_mark != "italic":
        return
    part = "preambular" if block.kind is BlockKind.PREAMBULAR else "operative"
    text = ctx.text(block)
    phrase = opening_phrase(text, part, ctx.language)
    if not phrase:
        return
    first = next((n for n in block.content if isinstance(n, Text) and n.text.strip()), None)
    if first is not None and Mark.ITALIC in first.marks:
        return
    yield Finding(
        "grammar.opening-italic",
        Severity.INFO,
        block.id,
        ctx.label(block),
        0,
        len(phrase),
        f"the opening phrase '{phrase}' is printed in italics",
        excerpt(text, 0, len(phrase)),
        Fix("italicize the opening phrase", "italic", block.id, 0, len(phrase)),
    )


def _opener(ctx: CheckContext, block: Block) -> tuple[str, int, str] | None:
    """(base opener, level 0 plain / 1 also / 2 further, phrase as written)."""
    kind, language = block.kind, ctx.language
    return ctx.per_text(
        f"grammar.opener.{kind.value}", ctx.text(block), lambda text: _opener_of(text, kind, language)
    )


def _opener_of(text: str, kind: BlockKind, language: str) -> tuple[str, int, str] | None:
    if language == "zh":
        if text.startswith("又") and kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE):
            part = "preambular" if kind is BlockKind.PREAMBULAR else "operative"
            base = opening_phrase(text[1:], part, "zh") or opening_phrase(text[1:], "operative", "zh")
            return (base, 1, "又" + base) if base else None
        base = opening_phrase(text, "preambular", "zh") or opening_phrase(text, "operative", "zh")
        return (base, 0, base) if base else None
    if language != "en":
        return None
    if kind is BlockKind.PREAMBULAR:
        phrase = opening_phrase(text, "preambular", "en")
        if not phrase:
            return None
        words = phrase.split()
        level = _ADVERB_LEVELS.get(words[-1], 0) if len(words) > 1 else 0
        base = " ".join(words[:-1]) if level else phrase
        return _without_preposition(base), level, phrase
    phrase = opening_phrase(text, "operative", "en")
    if not phrase:
        return None
    words = phrase.split()
    level = _OPERATIVE_ADVERBS.get(words[0], 0) if len(words) > 1 else 0
    base = " ".join(words[1:]).capitalize() if level else phrase
    return _without_preposition(base), level, phrase


_MUN_ADVERB = re.compile(r"(Further|Also) ([a-z]+ing)\b")
_TRAILING_PREPOSITION = re.compile(r"(?<!\s)\s+(?:of|to|with|by|upon|on|for)$")
"""Starts only where a run of spaces starts (the same matches: a match inside a run would also
match from its start), so a run is scanned once, not once per position (issue 14)."""


def _without_preposition(base: str) -> str:
    """ "Taking note of" and "Taking note also of" share the opener "Taking note"."""
    return _TRAILING_PREPOSITION.sub("", base)


@rule("grammar.also-sequence", scope="document")
def also_sequence(ctx: CheckContext) -> Iterator[Finding]:
    """ "X also" without an earlier plain X, "X further" without an earlier "X also", and the
    Model-UN "Further recalling" in a preamble. A repeated plain opener is normal and not flagged."""
    if not ctx.is_resolution:
        return
    seen: dict[tuple[str, str], int] = {}
    for block in ctx.blocks:
        if block.kind not in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE):
            continue
        text = ctx.text(block)
        if block.kind is BlockKind.PREAMBULAR and ctx.language == "en":
            mun = _MUN_ADVERB.match(text)
            if mun:
                right = f"{mun.group(2).capitalize()} {mun.group(1).lower()}"
                yield Finding(
                    "grammar.also-sequence",
                    Severity.WARNING,
                    block.id,
                    ctx.label(block),
                    0,
                    mun.end(),
                    f"UN preambles put the adverb after the participle: '{right}', not '{mun.group(0)}'",
                    excerpt(text, 0, mun.end()),
                    Fix(f"write '{right}'", "replace", block.id, 0, mun.end(), right),
                )
                continue
        opener = _opener(ctx, block)
        if opener is None:
            continue
        base, level, phrase = opener
        key = (block.kind.value, base)
        highest = seen.get(key, -1)
        if level > highest + 1:
            needed = f"a plain '{base}'" if level == 1 else f"'{base}' with 'also'"
            yield Finding(
                "grammar.also-sequence",
                Severity.ERROR,
                block.id,
                ctx.label(block),
                0,
                len(phrase),
                f"'{phrase}' needs {needed} in an earlier paragraph",
                excerpt(text, 0, len(phrase)),
            )
        seen[key] = max(highest, level)
