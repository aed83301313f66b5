"""Spelling: words the dictionaries do not know, and UN house spelling (conventions §3.8).

Both are block rules that also read footnotes, so the editor re-checks the paragraph being
typed. Neither runs when ``ctx.settings.spelling`` is off.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from drafting.checks import context, rule
from drafting.checks.context import CheckContext, Spans, excerpt, fact
from drafting.checks.finding import Finding, Fix, Severity
from drafting.model import Block
from drafting.resources import load_json
from drafting.spelling import (
    Speller,
    Word,
    addresses,
    checker,
    match_case,
    split_hyphens,
    strip_possessive,
    un_terms,
    word_matches,
)

_spellers: WeakKeyDictionary[CheckContext, Speller] = WeakKeyDictionary()


class _DocumentSpeller(Speller):
    """A Speller whose document names are the context's fact "names.document", asked for each time
    they are consulted, so that the incremental checker knows which paragraphs depended on them
    (only a capitalised first word that no list knows does)."""

    def __init__(self, ctx: CheckContext) -> None:
        super().__init__(ctx.language, ctx.settings.user_words)
        self._context = weakref.ref(ctx)  # the speller is cached under ctx as a weak key

    @property  # type: ignore[override]
    def names(self) -> frozenset[str]:
        ctx = self._context()
        assert ctx is not None, "a check context's speller outlived it"
        return ctx.fact("names.document")


def speller_for(ctx: CheckContext) -> Speller:
    """One Speller per check run: the document's language, names and the user's words."""
    speller = _spellers.get(ctx)
    if speller is None:
        speller = _spellers[ctx] = _DocumentSpeller(ctx)
    return speller


@fact("names.document")
def _document_names(ctx: CheckContext) -> frozenset[str]:
    """The names and acronyms of every paragraph and footnote (:func:`document_words`), lower-cased."""
    texts = [ctx.text(b) for b in ctx.blocks] + [ctx.footnote_text(f) for f in ctx.document.footnotes]
    found: set[str] = set()
    for text in texts:
        found.update(ctx.per_text("words.document", text, lambda t: document_words([t])))
    return frozenset(word.lower() for word in found)


def document_words(texts: Iterable[str]) -> frozenset[str]:
    """Names and acronyms a document defines: words capitalised mid-sentence, all-caps words.

    Returned lower-cased; they make the first word of a paragraph known ("Fedotov said …").
    """
    found: set[str] = set()
    for text in texts:
        for match in word_matches(text):  # Words made only for the few capitalised ones
            token = match.group()
            if token == token.lower():
                continue
            for part in split_hyphens(Word(token, match.start(), match.end())):
                if not part.text[:1].isupper():
                    continue
                if part.text.isupper() or _mid_sentence(text, part.start):
                    found.add(strip_possessive(part.text).lower())
    return frozenset(found)


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip(" \t\n\u00a0\"'“‘«(*[")
    if not before:
        return False
    if before[-1] == ".":  # "Mr. Fedotov", "No. 8" do not end a sentence
        return before[:-1].rsplit(None, 1)[-1:] in (["Mr"], ["Mrs"], ["Ms"], ["Dr"], ["Prof"], ["St"])
    return before[-1] not in "!?:"


@rule("spelling.unknown-word", footnotes=True)
def unknown_word(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """A word in none of the dictionaries (suggestions in the message, never an automatic fix)."""
    if not ctx.settings.spelling:
        return
    speller = speller_for(ctx)
    if not speller.enabled:
        return
    text = ctx.text(block)
    for word in speller.unknown_from(ctx.per_text("speller.unknown", text, speller.unknown_parts)):
        suggestions = speller.suggest(word.text)
        message = f"'{word.text}' is not in the dictionary"
        if suggestions:
            message += f"; did you mean {_alternatives(suggestions)}?"
        yield Finding(
            "spelling.unknown-word", Severity.WARNING, block.id, ctx.label(block), word.start, word.end,
            message, excerpt(text, word.start, word.end), None,
            {"word": word.text, "suggestions": suggestions},
        )  # fmt: skip


@rule("spelling.house-style", footnotes=True)
def house_style(ctx: CheckContext, block: Block) -> Iterator[Finding]:
    """UN spelling in English: -ize (organization), -yse (analyse), British forms (programme, centre)."""
    if not ctx.settings.spelling or ctx.language != "en":
        return
    text = ctx.text(block)
    for correction in ctx.per_text(
        "house-style.corrections", text, lambda t: tuple(house_style_corrections(t))
    ):
        start, end, wrong, right = correction.start, correction.end, correction.wrong, correction.right
        if wrong == "Organisation" and names_an_organisation(ctx):
            continue  # "the Organisation": the body named before (the OPCW), in its own spelling
        yield Finding(
            "spelling.house-style", Severity.WARNING, block.id, ctx.label(block), start, end,
            f"UN spelling is '{right}', not '{wrong}' ({correction.reason})",
            excerpt(text, start, end),
            Fix(f"write '{right}'", "replace", block.id, start, end, right),
        )  # fmt: skip


def names_an_organisation(ctx: CheckContext) -> bool:
    """Whether the document names a body that spells itself "Organisation" (a phrase exception such as
    the Organisation for the Prohibition of Chemical Weapons): there "the Organisation" refers back to
    it (A/RES/80/34: "… and for the Organisation for the Prohibition of Chemical Weapons and its deep
    appreciation of the Organisation, …"), not to the United Nations. Once per check run."""
    return ctx.fact("names.organisation")


@fact("names.organisation")
def _names_organisation(ctx: CheckContext) -> bool:
    phrases = house_style_data().phrases
    if phrases is None:
        return False

    def names(text: str) -> bool:
        return any("organisation" in m.group().lower() for m in phrases.finditer(text))

    texts = [ctx.text(b) for b in ctx.blocks] + [ctx.footnote_text(f) for f in ctx.document.footnotes]
    return any(ctx.per_text("names.organisation", t, names) for t in texts)


@dataclass(frozen=True)
class Correction:
    start: int
    end: int
    wrong: str
    right: str
    reason: str


@dataclass(frozen=True)
class HouseStyle:
    pairs: dict[str, str]
    ise_exceptions: frozenset[str]
    phrases: re.Pattern[str] | None
    wrong: frozenset[str] = frozenset()
    """The keys of ``pairs`` (a set operation with a frozenset runs over the smaller side)."""


@cache
def house_style_data() -> HouseStyle:
    data = load_json("dictionaries", "house_style.json")
    phrases = data.get("phrase_exceptions", [])
    pattern = re.compile("|".join(map(re.escape, phrases)), re.IGNORECASE) if phrases else None
    pairs = dict(data["pairs"])
    return HouseStyle(pairs, frozenset(data["ise_exceptions"]), pattern, frozenset(pairs))


_QUOTATION = re.compile(r"\b(?:entitled|titled)\s+(?:“[^“”]*”|\"[^\"\n]*\")")
"""A quoted title ('decision C-26/DEC.10 of the Conference of the States Parties, entitled “Understanding
regarding the aerosolised use …”'): the title of another body's document is cited as that body wrote it
(Editorial Manual: titles and quotations follow the original), so house style is not applied inside it.
Other quotations (a UN official's words in a press release) are still held to UN spelling."""
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
"""``_TOKEN`` for an ASCII text, where a letter is A-Z or a-z: the same words, found faster."""
_ISE = re.compile(r"^(?P<stem>[a-z]{2,}?)is(?P<suffix>e|es|ed|ing|ation|ations|ational|er|ers|able)$")
_ISE_SUFFIXES = ("e", "es", "ed", "ing", "ation", "ations", "ational", "er", "ers", "able")
_ISE_ENDINGS = tuple("is" + s for s in _ISE_SUFFIXES)
_ISE_OR_LYZ = re.compile(rf"is(?:{'|'.join(_ISE_SUFFIXES)})(?![^\W\d_])|lyz")
"""What a lower-cased text holds if one of its words ends in an -ise form or holds "lyz" (a word
without a hyphen is a whole run of letters, so its ending is followed by no letter)."""
_LYZE = re.compile(r"^(?P<stem>[a-z]*)lyz(?P<suffix>e|es|ed|ing|er|ers)$")


def house_style_corrections(text: str) -> list[Correction]:
    """Where ``text`` departs from UN spelling, with the UN form in the original's case."""
    style = house_style_data()
    # A sieve over the distinct lower-case words (compounds, their parts and pairs of parts,
    # for non-co-operation); then the few candidates are found and judged in place.
    lower = text.lower()
    words = set((_ASCII_TOKEN if lower.isascii() else _TOKEN).findall(lower))
    if "-" in lower:
        for compound in [w for w in words if "-" in w]:
            parts = compound.split("-")
            words.update(parts)
            words.update("-".join(parts[i : i + 2]) for i in range(len(parts) - 1))
    # The words in the house-style pairs by a set operation; the words without a hyphen that end
    # in an -ise form or hold "lyz" are looked for in Python only in the few texts that may have one.
    candidates = words & style.wrong
    if _ISE_OR_LYZ.search(lower) or not context.PREFILTER:
        candidates.update(w for w in words if "-" not in w and (w.endswith(_ISE_ENDINGS) or "lyz" in w))
    if not candidates:
        return []
    alternatives = "|".join(map(re.escape, sorted(candidates, key=len, reverse=True)))
    covered: Spans | None = None  # found when first needed: most candidates are fine as they are
    found = []
    for match in re.finditer(rf"(?<![\w'’])(?:{alternatives})(?!\w)", text, re.IGNORECASE):
        result = _respell(match.group(), style)
        if result is None:
            continue
        if covered is None:
            covered = _protected(text, style)
        if not covered.covers(match.start()):
            found.append(Correction(match.start(), match.end(), match.group(), *result))
    return found


def _protected(text: str, style: HouseStyle) -> Spans:
    """Where house style is not applied: phrase exceptions, addresses, quoted titles."""
    protected = [m.span() for m in style.phrases.finditer(text)] if style.phrases else []
    protected += addresses(text)
    protected += [m.span() for m in _QUOTATION.finditer(text)]
    return Spans(protected)


def _respell(word: str, style: HouseStyle) -> tuple[str, str] | None:
    """The UN form of ``word`` and why, or None if it is fine."""
    lower = word.lower()
    if not (word == lower or word.isupper() or word[1:] == lower[1:]):
        return None  # mixed case (iPhone, McAnalyze): a name
    if lower in style.pairs:
        return match_case(word, style.pairs[lower]), "UN house style"
    match = _LYZE.match(lower)
    if match:
        return match_case(word, f"{match['stem']}lys{match['suffix']}"), "-yse, not -yze"
    match = _ISE.match(lower)
    if match and not lower.endswith("wise"):
        stem, suffix = match["stem"], match["suffix"]
        if stem + "ise" in style.ise_exceptions:
            return None
        ize = f"{stem}iz{suffix}"
        if _known(ize) or _known(stem + "ize"):
            return match_case(word, ize), "-ize, as in the Concise Oxford"
    return None


def _known(lower: str) -> bool:
    return lower in checker("en").word_frequency.dictionary or lower in un_terms()


def _alternatives(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
