"""What to offer a drafter at the start of a paragraph: opening phrases and standard paragraphs.

Opening phrases come from the phrase list (``resources/phrases/<language>.json``) with the
"also / further" rule of the conventions (§2.4) already applied: an opener the document has used
once is offered as its "also" form, one used twice or more as its "further" form. English puts
the adverb after a preambular phrase ("Recalling also") and before an operative verb ("Also
decides"); other languages use the adverbs of their phrase list in the same places, except that
Russian and Arabic put it before a closing preposition ("ссылаясь также на", "وإذ تشير أيضا إلى")
and Chinese prefixes it to the verb in both parts (又回顾, 又决定).

Standard paragraphs come from ``resources/boilerplate/<language>.json`` (English when a language
has none), with the next session filled in from the masthead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafting import resources
from drafting.model import Block, BlockKind, Document, plain_text
from drafting.phrases import PhraseList, opening_phrase, phrase_list
from drafting.sessions import ordinal_words

PARTS = ("preambular", "operative")


@dataclass(frozen=True)
class Suggestion:
    text: str
    """The full opening phrase to insert ("Recalling also")."""
    detail: str = ""
    """A short note on why this form ("second 'Recalling'"), or ""."""


@dataclass(frozen=True)
class Boilerplate:
    title: str
    kind: str
    """"preambular" or "operative"."""
    text: str


# --- opening phrases ---------------------------------------------------------------------------

# Rough order of use in General Assembly texts (conventions §2.2-2.3, attested openers first). The
# English phrase list is alphabetical; other languages' lists are already in order of use.
_COMMON = {
    ("en", "preambular"): (
        "Recalling", "Reaffirming", "Recognizing", "Noting", "Welcoming", "Stressing", "Emphasizing",
        "Bearing in mind", "Taking note of", "Noting with concern", "Noting with appreciation",
        "Deeply concerned", "Concerned", "Convinced", "Mindful", "Acknowledging", "Expressing its appreciation",
        "Expressing deep concern", "Gravely concerned", "Having considered", "Conscious", "Guided by",
        "Taking into account", "Underlining", "Determined", "Considering", "Noting with grave concern",
    ),
    ("en", "operative"): (
        "Requests", "Decides", "Calls upon", "Urges", "Encourages", "Invites", "Welcomes", "Reaffirms",
        "Recognizes", "Notes", "Takes note of", "Stresses", "Emphasizes", "Expresses its appreciation",
        "Expresses its concern", "Acknowledges", "Reiterates", "Commends", "Recommends", "Approves",
        "Supports", "Underlines", "Condemns", "Strongly condemns", "Adopts", "Endorses", "Demands",
        "Authorizes",
    ),
}  # fmt: skip

_UNSPACED = ("zh", "ja")
# Words before which Russian and Arabic put "also" ("ссылаясь также на", "وإذ تشير أيضا إلى").
_PREPOSITIONS = {
    "ru": frozenset({"на", "к", "о", "об", "в", "во", "с", "со", "по"}),
    "ar": frozenset({"إلى", "في", "مع", "ب", "عن", "على"}),
}


@dataclass(frozen=True)
class _Opener:
    base: str
    """The plain form, as the phrase list spells it."""
    rank: int
    forms: tuple[str, ...]
    """Plain, "also", "further" (as many as the language has adverbs for)."""


def _level_adverbs(phrases: PhraseList, part: str) -> tuple[str, ...]:
    """The adverbs for the 2nd and 3rd use of an opener in ``part``."""
    if part == "preambular":
        adverbs = phrases.preambular_adverbs_after
        if not adverbs and phrases.language in _UNSPACED:  # 又回顾 like 又决定 (conventions §2.4)
            adverbs = phrases.operative_adverbs_before
    else:
        adverbs = phrases.operative_adverbs_before
    return adverbs[:2]


def _with_adverb(base: str, adverb: str, part: str, language: str) -> str:
    if language in _UNSPACED:
        return adverb + base
    if part == "operative":
        return f"{adverb} {base[:1].lower()}{base[1:]}"
    words = base.split()
    prepositions = _PREPOSITIONS.get(language, frozenset())
    for i, word in enumerate(words[1:], start=1):
        if word in prepositions:
            return " ".join([*words[:i], adverb, *words[i:]])
    return f"{base} {adverb}"


@cache
def _adverb_pattern(language: str) -> re.Pattern[str] | None:
    phrases = phrase_list(language)
    if phrases is None:
        return None
    adverbs = {*phrases.preambular_adverbs_after, *phrases.operative_adverbs_before}
    if not adverbs:
        return None
    alternation = "|".join(re.escape(a) for a in sorted(adverbs, key=len, reverse=True))
    if language in _UNSPACED:
        return re.compile(rf"^(?:{alternation})")
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _key(phrase: str, language: str) -> str:
    """``phrase`` without its also/further adverb, for comparing uses of the same opener."""
    pattern = _adverb_pattern(language)
    if pattern is not None:
        phrase = pattern.sub(" ", phrase)
    words = phrase.split()
    if language == "ar" and words and words[0] == "وإذ":  # later preambular paragraphs add و
        words[0] = "إذ"
    return " ".join(words).casefold()


def _adverb_level(phrase: str, adverbs: tuple[str, ...], language: str) -> int:
    """0 for a plain opener, 1 for an "also" form, 2 for a "further" form (or another adverb)."""
    pattern = _adverb_pattern(language)
    if pattern is None:
        return 0
    found = pattern.search(phrase)
    if not found:
        return 0
    word = found.group().casefold()
    for level, adverb in enumerate(adverbs, start=1):
        if adverb.casefold() == word:
            return level
    return 1  # "equally", "once again": a repeat, counted like "also"


@cache
def _openers(language: str, part: str) -> tuple[_Opener, ...]:
    phrases = phrase_list(language)
    if phrases is None:
        return ()
    listed = phrases.preambular if part == "preambular" else phrases.operative
    common = _COMMON.get((language, part), ())
    adverbs = _level_adverbs(phrases, part)
    seen: set[str] = set()
    openers = []
    for index, base in enumerate(listed):
        key = _key(base, language)
        if key in seen:  # "ссылаясь также на" is listed beside "ссылаясь на"
            continue
        seen.add(key)
        # The common ones in their order, then the rest (alphabetically, by the sort key).
        rank = index if not common else common.index(base) if base in common else len(common)
        forms = (base, *(_with_adverb(base, a, part, language) for a in adverbs))
        openers.append(_Opener(base, rank, forms))
    return tuple(openers)


def _part_blocks(document: Document, part: str, exclude_block: str | None) -> Iterator[Block]:
    kind = BlockKind.PREAMBULAR if part == "preambular" else BlockKind.OPERATIVE
    for block in document.blocks:
        if block.kind is kind and block.id != exclude_block:
            yield block


def _used_phrase(text: str, part: str, language: str, adverbs: tuple[str, ...]) -> str | None:
    phrase = opening_phrase(text, part, language)
    if phrase is None and language in _UNSPACED:  # 又回顾: the phrase list has no preambular adverbs
        for adverb in adverbs:
            if text.startswith(adverb) and (rest := opening_phrase(text[len(adverb) :], part, language)):
                return adverb + rest
    return phrase


def _usage(
    document: Document, part: str, language: str, exclude_block: str | None
) -> dict[str, tuple[int, int]]:
    """For each opener key used in ``part``: (how many paragraphs open with it, highest adverb level)."""
    phrases = phrase_list(language)
    if phrases is None:
        return {}
    adverbs = _level_adverbs(phrases, part)
    usage: dict[str, tuple[int, int]] = {}
    for block in _part_blocks(document, part, exclude_block):
        phrase = _used_phrase(plain_text(block.content).lstrip(), part, language, adverbs)
        if not phrase:
            continue
        key = _key(phrase, language)
        count, level = usage.get(key, (0, 0))
        usage[key] = (count + 1, max(level, _adverb_level(phrase, adverbs, language)))
    return usage


def _next_level(count: int, highest: int, levels: int) -> int:
    """Plain for the first use, then "also", then "further" (kept for any later use)."""
    if count == 0:
        return 0
    return min(levels, max(count, highest + 1))


def _nth(n: int) -> str:
    return ordinal_words(n).lower() if 1 <= n <= 999 else f"{n}th"


def _detail(base: str, count: int, level: int) -> str:
    if count:
        return f"{_nth(count + 1)} '{base}'"
    return f"no '{base}' before it" if level else ""


def _check_part(kind: str) -> None:
    if kind not in PARTS:
        raise ValueError(f"kind must be 'preambular' or 'operative', not {kind!r}")


def opener_suggestions(
    document: Document,
    kind: str,
    prefix: str,
    *,
    language: str = "en",
    exclude_block: str | None = None,
    limit: int | None = 12,
) -> list[Suggestion]:
    """Opening phrases for a new paragraph of ``kind`` ("preambular" or "operative") that start
    with ``prefix`` (case-insensitive; "" for all), in the form the document needs next.

    ``exclude_block`` is the paragraph being typed: its own opener does not count as a use.
    Openers the document already uses come first (most used first), then the common ones, then
    the rest alphabetically. ``limit`` None means all. A language without a phrase list gets [].
    """
    _check_part(kind)
    openers = _openers(language, kind)
    if not openers:
        return []
    usage = _usage(document, kind, language, exclude_block)
    first_paragraph = next(_part_blocks(document, kind, exclude_block), None) is None
    typed = prefix.lstrip().casefold()
    ranked: list[tuple[tuple[int, int, int, str], Suggestion]] = []
    for opener in openers:
        count, highest = usage.get(_key(opener.base, language), (0, 0))
        forms = [_connective(form, kind, language, first_paragraph) for form in opener.forms]
        level = _next_level(count, highest, len(forms) - 1)
        if not (forms[level].casefold().startswith(typed) or forms[0].casefold().startswith(typed)):
            # The drafter typed the adverb of another form ("Also d" where "Further decides" is due).
            level = next((i for i, form in enumerate(forms) if form.casefold().startswith(typed)), -1)
            if level < 0:
                continue
        sort_key = (0 if count else 1, -count, opener.rank, forms[level].casefold())
        ranked.append((sort_key, Suggestion(forms[level], _detail(opener.base, count, level))))
    ranked.sort(key=lambda pair: pair[0])
    suggestions: list[Suggestion] = []
    seen: set[str] = set()
    for _, suggestion in ranked:
        if suggestion.text not in seen:
            seen.add(suggestion.text)
            suggestions.append(suggestion)
    return suggestions if limit is None else suggestions[:limit]


def _connective(text: str, kind: str, language: str, first_paragraph: bool) -> str:
    """Arabic opens the first preambular paragraph with إذ and every later one with وإذ."""
    if language != "ar" or kind != "preambular":
        return text
    if not first_paragraph and text.startswith("إذ "):
        return "و" + text
    if first_paragraph and text.startswith("وإذ "):
        return text[1:]
    return text


def next_opening_form(document: Document, kind: str, phrase: str, *, language: str = "en") -> str:
    """``phrase`` (a plain opener) in the form a new paragraph of ``document`` would use."""
    _check_part(kind)
    phrases = phrase_list(language)
    if phrases is None:
        return phrase
    count, highest = _usage(document, kind, language, None).get(_key(phrase, language), (0, 0))
    adverbs = _level_adverbs(phrases, kind)
    level = _next_level(count, highest, len(adverbs))
    return phrase if level == 0 else _with_adverb(phrase, adverbs[level - 1], kind, language)


# --- sessions ----------------------------------------------------------------------------------

_FR_UNITS = (
    "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
)  # fmt: skip
_FR_TENS = ("", "", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante",
            "quatre-vingt", "quatre-vingt")  # fmt: skip


def _fr_cardinal(n: int) -> str:
    if n < 20:
        return _FR_UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix, quatre-vingt-onze
            units += 10
        head = _FR_TENS[tens]
        if units == 0:
            return head + ("s" if tens == 8 else "")
        joiner = " et " if units in (1, 11) and tens not in (8, 9) else "-"
        return head + joiner + _FR_UNITS[units]
    hundreds, rest = divmod(n, 100)
    head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent"
    return f"{head} {_fr_cardinal(rest)}" if rest else head


def _fr_ordinal(n: int) -> str:
    """French ordinal in words, feminine (la session): 1 "première", 71 "soixante et onzième"."""
    if n == 1:
        return "première"
    words = _fr_cardinal(n)
    stem, last = re.match(r"(.*?)([a-z]+)$", words).groups()
    if last == "un":
        last = "unième"
    elif last == "cinq":
        last = "cinquième"
    elif last == "neuf":
        last = "neuvième"
    elif last == "vingts":
        last = "vingtième"
    elif last.endswith("e"):
        last = last[:-1] + "ième"
    else:
        last += "ième"
    return stem + last


_ES_UNITS = ("", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno")
_ES_TEENS = {11: "undécimo", 12: "duodécimo", 13: "decimotercer", 14: "decimocuarto", 15: "decimoquinto",
             16: "decimosexto", 17: "decimoséptimo", 18: "decimoctavo", 19: "decimonoveno"}  # fmt: skip
_ES_TENS = ("", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo",
            "septuagésimo", "octogésimo", "nonagésimo")  # fmt: skip


def _es_ordinal(n: int) -> str:
    """Spanish ordinal before a masculine noun (período de sesiones): "octogésimo segundo", "primer"."""
    hundreds, rest = divmod(n, 100)
    parts = ["centésimo"] if hundreds else []  # sessions stop at 199
    if rest in _ES_TEENS:
        parts.append(_ES_TEENS[rest])
    elif rest:
        tens, units = divmod(rest, 10)
        parts += [w for w in (_ES_TENS[tens], _ES_UNITS[units]) if w]
    return " ".join(parts)


_ORDINALS = {
    "en": lambda n: ordinal_words(n).lower(),
    "fr": _fr_ordinal,
    "es": _es_ordinal,
}
_MAX_SESSION = 199


@cache
def _ordinal_pattern(language: str) -> tuple[re.Pattern[str], dict[str, int]]:
    ordinal = _ORDINALS[language]
    words = {ordinal(n).casefold(): n for n in range(1, _MAX_SESSION + 1)}
    if language == "es":  # the full forms, as a heading may spell them
        words |= {w.replace("primer", "primero").replace("tercer", "tercero"): n for w, n in words.items()}
    if language == "fr":
        words["premier"] = 1
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), words


_CHINESE_DIGITS = {char: n for n, char in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _chinese_number(numeral: str) -> int:
    total, digit = 0, 0
    for char in numeral:
        if char in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[char]
        else:  # 十 or 百
            total += (digit or 1) * (10 if char == "十" else 100)
            digit = 0
    return total + digit


def session_number(session: str | None) -> int | None:
    """The number of a regular session named in a masthead: "Eighty-first session" -> 81,
    "81st session", "Quatre-vingt-unième session", "Octogésimo primer período de sesiones",
    "第七十八届会议". None for a special session, a session named by year, or anything else."""
    if not session or "special" in session.casefold() or "extraordin" in session.casefold():
        return None
    if chinese := re.search(r"第([一二三四五六七八九十百零〇]+)届会议", session):
        return _chinese_number(chinese.group(1))
    if digits := re.search(r"\b(\d{1,3})(?:st|nd|rd|th|e|ᵉ|\.º|º)?\s", session + " "):
        return int(digits.group(1))
    folded = session.casefold()
    for language in _ORDINALS:
        pattern, words = _ordinal_pattern(language)
        if found := pattern.search(folded):
            return words[found.group()]
    return None


def next_session_name(session: str | None, language: str = "en") -> str | None:
    """How a text in ``language`` names the session after ``session`` ("eighty-second"), or None.
    A session named by year ("2026 session", ECOSOC) gives the next year in English."""
    if session and language == "en" and (year := re.fullmatch(r"\s*(\d{4}) session\s*", session)):
        return str(int(year.group(1)) + 1)
    number = session_number(session)
    if number is None or number + 1 > _MAX_SESSION or language not in _ORDINALS:
        return None
    return _ORDINALS[language](number + 1)


# --- standard paragraphs -----------------------------------------------------------------------


def _boilerplate_data(language: str) -> tuple[str, dict]:
    if not resources.exists("boilerplate", f"{language}.json"):
        language = "en"
    return language, resources.load_json("boilerplate", f"{language}.json")


def _is_security_council(document: Document) -> bool:
    masthead = document.masthead
    organ = (masthead.organ or "").casefold()
    council = ("security council", "conseil de sécurité", "consejo de seguridad")
    return any(name in organ for name in council) or (masthead.symbol or "").startswith("S/RES")


def boilerplate_paragraphs(document: Document, language: str = "en") -> list[Boilerplate]:
    """The standard paragraphs for ``document`` in ``language`` (English when there is no file for
    it): the next session filled in from the masthead (a visible "[next]" when unknown), the
    opener in its also/further form when the document already uses it, and the Security Council's
    closing formula only for Council texts, the sessional ones only for the others.
    """
    used_language, data = _boilerplate_data(language)
    defaults = data.get("defaults", {})
    security_council = _is_security_council(document)
    organ_known = bool(document.masthead.organ or document.masthead.symbol)
    values = {
        "next_session": next_session_name(document.masthead.session, used_language)
        or defaults.get("next_session", "[next]"),
        "organ": (document.masthead.organ if used_language == language else None)
        or defaults.get("organ", "General Assembly"),
    }
    paragraphs = []
    for entry in data["paragraphs"]:
        organs = entry.get("for")
        if organs == "security_council" and organ_known and not security_council:
            continue
        if organs == "sessional" and security_council:
            continue
        text = entry["text"].format(**values)
        if entry.get("repeats", True):
            text = _repeated_opener(document, entry["kind"], text, used_language)
        paragraphs.append(Boilerplate(entry["title"], entry["kind"], text))
    return paragraphs


def _repeated_opener(document: Document, kind: str, text: str, language: str) -> str:
    """``text`` with its opener in the form the document needs next ("Further requests …")."""
    phrase = opening_phrase(text, kind, language)
    if not phrase or language != document.language:
        return text
    form = next_opening_form(document, kind, phrase, language=language)
    return form + text[len(phrase) :]


__all__ = [
    "Boilerplate",
    "Suggestion",
    "boilerplate_paragraphs",
    "next_opening_form",
    "next_session_name",
    "opener_suggestions",
    "session_number",
]
