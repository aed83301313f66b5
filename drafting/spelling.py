"""Spell checking tuned for UN texts: pyspellchecker's dictionaries plus a UN word list.

The aim is zero noise on clean UN text. Only lower-case words (and the first word of a
paragraph) are checked; capitalised, mixed-case and all-caps words are names or acronyms.
Words in a script the language does not use (Russian in an English note verbale) are not
ours to judge. English accepts British forms (programme, centre, analyse, organisation)
when the dictionary knows the American form; the house-style rule decides which to prefer.

The SpellChecker of a language is loaded once and never changed afterwards, so any number
of threads may read it.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import cache, cached_property, lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import NamedTuple

from spellchecker import SpellChecker

from drafting.atomic import atomic_write_bytes
from drafting.errors import StorageError
from drafting.reading import read_regular_file
from drafting.resources import read_text

LANGUAGES = frozenset({"en", "fr", "es", "ru", "ar"})
"""Languages with a dictionary; any other language (zh, …) is not checked."""

SUGGESTION_DISTANCE = 1
"""Edit distance of the suggestions in findings. bench/spelling.py: distance 1 takes about
1 ms a word; pyspellchecker's distance 2 costs the same when distance 1 finds something and
0.3–2 s when it does not (comitee, reccomendation), too slow for a check run. The editor
can ask for distance 2 for one word with ``Speller.suggest(word, thorough=True)``."""

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
# Letters (and digits, dropped below) with inner apostrophes and hyphens.
_WORD = re.compile(rf"[\w{_MARKS}]+(?:['’\-\u2010\u2011][\w{_MARKS}]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+(?:['\-][A-Za-z0-9_]+)*")
"""``_WORD`` for an ASCII text (\\w is A-Z, a-z, 0-9 and _ there; the marks and the other
apostrophe and hyphens are not ASCII): the same words, found faster. See :func:`_words_of`."""
_NOT_WORD = re.compile(r"[\d_]")
_HYPHENS = re.compile(r"[-\u2010\u2011]")
_SKIP = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|int|com|net|gov|edu)\b")
_DOMAIN_HINT = re.compile(r"\.(?:org|int|com|net|gov|edu)\b")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_LABEL = re.compile(r"([a-z])\1")
"""A subparagraph or agenda sub-item label after (z): (aa), (bb) … (zz) (Editorial Manual, paragraphs
and subparagraphs; "Agenda item 99 (bb)")."""
PREFIXES = frozenset(
    {
        "agro", "anti", "bio", "co", "counter", "cross", "cyber", "de", "eco", "ex", "extra", "geo", "hyper",
        "infra", "inter", "intra", "macro", "mega", "meta", "micro", "mid", "mini", "multi", "neo", "non", "over",
        "pan", "para", "peri", "pharmaco", "post", "pre", "proto", "pseudo", "psycho", "quasi", "re", "self",
        "semi", "socio", "sub", "super", "supra", "trans", "tri", "ultra", "un", "under",
    }
)  # fmt: skip
"""Prefixes that stand before a hyphen in English compounds (pre‑recorded, multi-stakeholder,
socio-economic, cyber-attacks): not words alone, so only accepted as the non-final part of a
compound whose other parts are words."""
_ROMAN = re.compile(r"^(?=[ivxlcdm]{2,}$)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
# pyspellchecker's Spanish, Russian and Arabic lists lack many inflected forms (drogas,
# сессии, بالدول): there a word also passes when its stem is a dictionary word's stem, and
# is only flagged when a dictionary word lies one edit away (a typo, not a missing form).
_WEAK = frozenset({"es", "ru", "ar"})
_ENDINGS = {
    "ru": "ировать ированный ующий ующая ующее ующие ующего ующей ующих ющий ющая ющее ющие ащий ящий вший "
    "енный енная енное енные енного енной енных анный анная анное анные анного анной анных ами ями ого его "
    "ому ему ыми ими ость ости остью остей ует уют ает ают яет яют ить ать ять еть ыть ал ала ало али ил "
    "ила ило или ый ий ой ая яя ое ее ые ие ую юю ых их ым им ом ем ам ям ах ях ов ев ей ия ие ию ии ией "
    "иям иях иями ья ье ьи ью ьей ьям ьях ть ет ют ут ит ат ят ешь ишь ете ите а я о е ы и у ю ь й",
    "es": "aciones ación iciones ición amiento imiento amente mente ando iendo yendo aron ieron aban ían "
    "arán erán irán aría ería iría ado ada ados adas ido ida idos idas ar er ir as es os an en amos emos "
    "imos a e o s",
    "ar": "هما هم هن ها كم كن نا ات ين ون ان ه ي ة",
}
_SUFFIXES = {lang: tuple(sorted(e.split(), key=len, reverse=True)) for lang, e in _ENDINGS.items()}
_REFLEXIVE = {"ru": ("ся", "сь")}
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_ELISIONS = {
    "fr": frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"})
}
# British spellings the American dictionary lacks, as (pattern, American replacement).
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|able|ably|ite|ites|al|ally|hood|hoods|er|ers|less)?$"), r"or\1"),
    (re.compile(r"([bcfgmlnrt])re(s)?$"), r"\1er\2"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"(defen|offen|licen|preten)ce(s)?$"), r"\1se\2"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"l(ment|ments)$"), r"ll\1"),
)


class Word(NamedTuple):
    """A word of a text and where it sits (``text[start:end]``)."""

    text: str
    start: int
    end: int


def _words_of(text: str) -> re.Pattern[str]:
    """The pattern that finds the words of ``text``: ``_WORD``, or its ASCII form where it finds the same."""
    return _ASCII_WORD if text.isascii() else _WORD


def tokenize(text: str) -> list[Word]:
    """The words of ``text``: letters with inner apostrophes and hyphens; "60th", "CO2" and
    the parts of URLs and e-mail addresses are not words."""
    return [Word(m.group(), m.start(), m.end()) for m in word_matches(text)]


def word_matches(text: str) -> list[re.Match[str]]:
    """The words of :func:`tokenize` as regex matches: cheaper to make than Words, for a caller that
    wants only a few of them as Words."""
    words = [m for m in _words_of(text).finditer(text) if not _NOT_WORD.search(m.group())]
    skipped = addresses(text)
    if not skipped:
        return words
    kept, index = [], 0  # both in text order: one pass, not every word against every address
    for word in words:
        start = word.start()
        while index < len(skipped) and skipped[index][1] <= start:
            index += 1
        if not (index < len(skipped) and skipped[index][0] <= start):
            kept.append(word)
    return kept


def _is_label(text: str, word: Word) -> bool:
    """Whether ``word`` is a label in parentheses such as "(bb)"."""
    return (
        text[word.start - 1 : word.start] == "("
        and text[word.end : word.end + 1] == ")"
        and bool(_LABEL.fullmatch(word.text))
    )


_RUN = re.compile(r"\S+")
_SKIP_WITHOUT_MAIL = re.compile(_SKIP.pattern.split("|", 1)[1])
"""``_SKIP`` less its e-mail alternative, for a run without "@" (where that one cannot match)."""


def addresses(text: str) -> list[tuple[int, int]]:
    r"""Where the URLs, e-mail addresses and web sites of ``text`` are (start, end).

    Every address lies within one run of non-space characters, so ``_SKIP`` runs on each run
    that may hold one, not on the whole text: from every position of a long run ``\S+@`` went
    to the run's end and back (the square of its length; issue 14). The result is the same."""
    if not ("@" in text or "://" in text or "www." in text or _DOMAIN_HINT.search(text)):
        return []
    spans = []
    for run in _RUN.finditer(text):
        word = run.group()
        if "@" in word:
            pattern = _SKIP
        elif "://" in word or "www." in word or _DOMAIN_HINT.search(word):
            pattern = _SKIP_WITHOUT_MAIL
        else:
            continue
        offset = run.start()
        spans.extend((m.start() + offset, m.end() + offset) for m in pattern.finditer(word))
    return spans


def split_hyphens(word: Word) -> list[Word]:
    """The parts of a hyphenated compound, with their own offsets."""
    parts = []
    position = 0
    for piece in _HYPHENS.split(word.text):
        parts.append(Word(piece, word.start + position, word.start + position + len(piece)))
        position += len(piece) + 1
    return parts


_checkers: dict[str, SpellChecker] = {}
_lock = threading.Lock()


def checker(language: str) -> SpellChecker:
    """The shared SpellChecker of ``language`` (loaded once; read-only afterwards)."""
    found = _checkers.get(language)
    if found is None:
        with _lock:
            found = _checkers.get(language)
            if found is None:
                found = _checkers[language] = SpellChecker(language=language, distance=SUGGESTION_DISTANCE)
    return found


@cache
def un_terms() -> frozenset[str]:
    """The UN word list (``resources/dictionaries/un_terms.txt``), lower-cased."""
    words = set()
    for line in read_text("dictionaries", "un_terms.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower().replace("’", "'"))
    return frozenset(words)


class Speller:
    """Spell checking for one language, one user dictionary and one document's names."""

    def __init__(
        self,
        language: str,
        user_words: Iterable[str] = (),
        document_words: Iterable[str] | Callable[[], Iterable[str]] = (),
    ) -> None:
        """``document_words`` may be a function: it is then called only if a paragraph opens
        with a capitalised word no list knows, so re-checking one paragraph stays cheap."""
        self.language = language
        self.enabled = language in LANGUAGES
        self.extra = un_terms() | {w.lower().replace("’", "'") for w in user_words}
        self._names_source = document_words
        self._misspelt = _verdicts(language, user_words) if isinstance(user_words, frozenset) else {}
        if self.enabled:
            frequency = checker(language).word_frequency
            self._dictionary = frequency.dictionary
            self._letters = frozenset(frequency.letters) | frozenset("'’")

    @cached_property
    def names(self) -> frozenset[str]:
        """The document's names and acronyms, lower-cased."""
        source = self._names_source
        return frozenset(w.lower() for w in (source() if callable(source) else source))

    def unknown(self, text: str) -> list[Word]:
        """The misspelt words of ``text`` (hyphenated compounds: the unknown parts)."""
        return self.unknown_from(self.unknown_parts(text))

    def unknown_parts(self, text: str) -> tuple[Word | None, tuple[Word, ...]]:
        """:meth:`unknown` in two parts: the first word of ``text`` if it is still to be checked, and
        the misspelt words after it. Only the first word can be known as one of the document's names
        (see :meth:`is_known`), so the second part depends on nothing but the text, the language and
        the user's words: a checker may remember it by text. :meth:`unknown_from` finishes the job."""
        if not self.enabled:
            return None, ()
        # First a sieve over the bare strings: known lower-case words, names and numbers go.
        tokens = _words_of(text).findall(text)
        dictionary = self._dictionary
        suspects = {  # the dictionary lookups first, at C speed: most words go there
            t
            for t in filterfalse(dictionary.__contains__, set(tokens))
            if t == t.lower() and not _NOT_WORD.search(t) and self._misspelt_alone(t)
        }
        first = next((t for t in tokens if not _NOT_WORD.search(t)), "")
        if first != first.lower() and first.lower() not in dictionary:
            suspects.add(first)  # a paragraph's first word is checked even when capitalised
        if not suspects:
            return None, ()
        opening: Word | None = None
        found: list[Word] = []
        for index, match in enumerate(word_matches(text)):
            if match.group() not in suspects:
                continue
            word = Word(match.group(), match.start(), match.end())
            if not _is_label(text, word):
                if index == 0:
                    opening = word
                else:
                    found.extend(self._check(word, at_start=False))
        return opening, tuple(found)

    def _misspelt_alone(self, token: str) -> bool:
        """Whether ``token`` has an unknown part away from the start of a paragraph, remembered by
        token (the same words recur from paragraph to paragraph, and from check to check)."""
        misspelt = self._misspelt.get(token)
        if misspelt is None:
            if len(self._misspelt) >= _VERDICTS_KEPT:
                self._misspelt.clear()  # a text of endless made-up words: start again
            misspelt = self._misspelt[token] = (
                next(self._check(Word(token, 0, len(token)), False), None) is not None
            )
        return misspelt

    def unknown_from(self, parts: tuple[Word | None, tuple[Word, ...]]) -> list[Word]:
        """The misspelt words of a text from its :meth:`unknown_parts`: the first word checked now."""
        opening, found = parts
        if opening is None:
            return list(found)
        return [*self._check(opening, at_start=True), *found]

    def _check(self, word: Word, at_start: bool) -> Iterator[Word]:
        if _HYPHENS.search(word.text):
            if self._in_lists(_HYPHENS.sub("-", word.text.lower())):  # U+2011 non-breaking hyphen too
                return
            parts = split_hyphens(word)
            for index, part in enumerate(parts):
                if index < len(parts) - 1 and part.text.lower() in PREFIXES:
                    continue
                if not self.is_known(part.text, at_start=at_start and index == 0):
                    yield without_possessive(part)
        elif not self.is_known(word.text, at_start=at_start):
            yield without_possessive(word)

    def is_known(self, word: str, *, at_start: bool = False) -> bool:
        """Whether ``word`` passes: names, acronyms and foreign scripts always do."""
        if not self.enabled:
            return True
        word = strip_possessive(unicodedata.normalize("NFC", word).replace("’", "'"))
        if self.language == "ar":
            word = _ARABIC_MARKS.sub("", word)
        if len(word) < 2:
            return True
        lower = word.lower()
        if word != lower:
            title = word[0].isupper() and word[1:] == word[1:].lower()
            if not (at_start and title):
                return True
        if not set(lower) <= self._letters or self._known_lower(lower):
            return True
        return word != lower and lower in self.names

    def _known_lower(self, lower: str) -> bool:
        if self._in_lists(lower) or _ROMAN.match(lower):
            return True
        if "'" in lower:
            head, _, tail = lower.partition("'")
            if head in _ELISIONS.get(self.language, ()) and len(tail) > 1:
                return self._known_lower(tail)
        if self.language == "en":
            return any(self._in_lists(variant) for variant in _american_forms(lower))
        if self.language in _WEAK:
            stemmed = _stem(lower, self.language) in _stems(self.language)
            return stemmed or not _suggestions(self.language, lower)
        return False

    def _in_lists(self, lower: str) -> bool:
        if lower in self._dictionary or lower in self.extra:
            return True
        return self.language == "en" and lower.endswith("s") and lower[:-1] in self.extra

    def suggest(self, word: str, limit: int = 3, *, thorough: bool = False) -> list[str]:
        """Likely corrections, most frequent first, in the case of ``word``. ``thorough``
        also looks two edits away when one edit finds nothing (up to a second or two)."""
        if not self.enabled:
            return []
        found = _suggestions(self.language, word.lower())
        if not found and thorough:
            found = _suggestions(self.language, word.lower(), 2)
        return [match_case(word, s) for s in found[:limit]]


_VERDICTS_KEPT = 100_000


@lru_cache(maxsize=8)
def _verdicts(language: str, user_words: frozenset[str]) -> dict[str, bool]:
    """Token -> whether it is misspelt away from the start of a paragraph (``Speller._misspelt_alone``),
    for one language and user dictionary: shared by the Spellers of successive check runs, as the
    verdict depends on nothing else (the document's names are only asked about a first word). Threads
    may share it: a verdict is only ever added, or the whole forgotten, never changed."""
    return {}


@lru_cache(maxsize=4096)
def _suggestions(language: str, lower: str, distance: int = 1) -> tuple[str, ...]:
    spell = checker(language)  # only read: edit_distance_1 changes nothing
    dictionary = spell.word_frequency.dictionary
    edits = spell.edit_distance_1(lower)
    candidates = {e for e in edits if e in dictionary}
    if distance == 2 and not candidates:
        candidates = {e2 for e1 in edits for e2 in spell.edit_distance_1(e1) if e2 in dictionary}
    candidates.discard(lower)
    if "'" not in lower:  # not the dictionary's possessives (legislation's for legislations)
        candidates = {c for c in candidates if "'" not in c}
    return tuple(sorted(candidates, key=lambda c: (-dictionary[c], c)))


def _stem(lower: str, language: str) -> str:
    """A crude stem: the same letters for the inflected forms of one word, nothing more."""
    if language == "ru":
        lower = lower.replace("ё", "е")  # the dictionary has some ё; texts mostly print е
    elif language == "ar":
        lower = next(
            (lower[len(p) :] for p in _ARABIC_PREFIXES if lower.startswith(p) and len(lower) > len(p) + 1),
            lower,
        )
    for reflexive in _REFLEXIVE.get(language, ()):
        if lower.endswith(reflexive) and len(lower) - len(reflexive) >= 4:
            lower = lower[: -len(reflexive)]
            break
    for ending in _SUFFIXES.get(language, ()):
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            return lower[: -len(ending)]
    return lower


@cache
def _stems(language: str) -> frozenset[str]:
    return frozenset(_stem(word, language) for word in checker(language).word_frequency.dictionary)


def _american_forms(lower: str) -> Iterator[str]:
    for pattern, replacement in _BRITISH:
        variant = pattern.sub(replacement, lower, count=1)
        if variant != lower:
            yield variant


def without_possessive(word: Word) -> Word:
    """``word`` less a final 's ("Organisation's" → "Organisation")."""
    text = strip_possessive(word.text)
    return word if text == word.text else Word(text, word.start, word.start + len(text))


def strip_possessive(word: str) -> str:
    """``word`` less a final 's."""
    if len(word) > 3 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


def match_case(original: str, replacement: str) -> str:
    """``replacement`` in the capitalisation of ``original`` (lower, Title or UPPER)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


MAX_USER_DICTIONARY_BYTES = 16 * 1024 * 1024
"""Far above any word list a user builds (a million words is some 12 MB)."""


def load_user_words(path: str | os.PathLike[str]) -> frozenset[str]:
    """The words of a user dictionary (one a line, UTF-8); none if the file is missing.

    Raises StorageError with a one-line reason if the file cannot be read."""
    try:
        text = read_regular_file(path, MAX_USER_DICTIONARY_BYTES, StorageError, str(path)).decode("utf-8")
    except FileNotFoundError:
        return frozenset()
    except OSError as exc:
        raise StorageError(f"{path}: user dictionary cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise StorageError(f"{path}: user dictionary is not UTF-8 text") from None
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def add_user_word(path: str | os.PathLike[str], word: str) -> None:
    """Add ``word`` to the user dictionary at ``path`` (created with its folder if needed).

    The file is rewritten atomically, sorted; raises StorageError if it cannot be written."""
    word = word.strip()
    if not word or any(ch.isspace() for ch in word):
        raise ValueError(f"not a single word: {word!r}")
    words = load_user_words(path)
    if word in words:
        return
    data = "".join(w + "\n" for w in sorted(words | {word}, key=str.casefold))
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # The user's own file, often a link into a synchronised folder: written through it.
        atomic_write_bytes(path, data.encode("utf-8"), follow_links=True)
    except OSError as exc:
        raise StorageError(f"{path}: user dictionary cannot be written ({exc.strerror or exc})") from None
