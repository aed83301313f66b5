"""Opening phrases: which words open a preambular or operative paragraph.

The lists live in ``resources/phrases/<language>.json``. Matching is on the longest phrase,
so "Noting with grave concern also" beats "Noting", and "Reiterates its call upon" beats
"Reiterates".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafting import resources


@dataclass(frozen=True)
class PhraseList:
    language: str
    preambular: tuple[str, ...]
    operative: tuple[str, ...]
    preambular_adverbs_after: tuple[str, ...]
    operative_adverbs_before: tuple[str, ...]
    opener_mark: str | None
    """How the language marks an opening phrase in print ("italic"), or None if it does not."""


@cache
def phrase_list(language: str) -> PhraseList | None:
    """The phrase list for ``language``, or None when Penholder has none."""
    if not resources.exists("phrases", f"{language}.json"):
        return None
    data = resources.load_json("phrases", f"{language}.json")
    return PhraseList(
        language=language,
        preambular=tuple(data["preambular"]),
        operative=tuple(data["operative"]),
        preambular_adverbs_after=tuple(data["preambular_adverbs_after"]),
        operative_adverbs_before=tuple(data["operative_adverbs_before"]),
        opener_mark=data.get("opener_mark"),
    )


@cache
def _pattern(language: str, part: str) -> re.Pattern[str] | None:
    phrases = phrase_list(language)
    if phrases is None:
        return None
    spaced = language not in ("zh", "ja")
    boundary = r"(?![\w-])" if spaced else ""

    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    if part == "preambular":
        core = alternation(phrases.preambular)
        after = alternation(phrases.preambular_adverbs_after)
        tail = rf"(?:\s+(?:{after}){boundary})?" if after else ""
        return re.compile(rf"(?:{core}){boundary}{tail}")
    core = alternation(phrases.operative)
    before = alternation(phrases.operative_adverbs_before)
    sep = r"\s+" if spaced else ""
    # "Also decides": the adverb is capitalised and the verb lower-case.
    lower_core = "|".join(
        re.escape(w[0].lower() + w[1:]) for w in sorted(phrases.operative, key=len, reverse=True)
    )
    lead = rf"(?:(?:{before}){sep}(?:{lower_core}){boundary})|" if before else ""
    return re.compile(rf"(?:{lead}(?:{core}){boundary})")


def opening_phrase(text: str, part: str, language: str) -> str | None:
    """The opening phrase of a paragraph of ``part`` ("preambular" or "operative"), if known."""
    pattern = _pattern(language, part)
    if pattern is None:
        return None
    match = pattern.match(text)
    return match.group() if match else None
