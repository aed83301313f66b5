"""Word tokens for comparison.

A paragraph becomes a list of tokens: words, single punctuation marks, runs of white space,
CJK characters one by one, and footnote references and proposals as single atomic tokens.
Each token has a *key* (what is compared) and keeps the inline node it came from (what is
shown and exported). Keys are typographically normalised — a non-breaking space is a space,
a non-breaking or Unicode hyphen a hyphen, curly quotes straight ones, doubled spaces one space,
and a stray space after the hyphen or dash of a compound ("non- discriminatory", "2015– 2030",
a PDF line break inside the word) is no space — so such differences are never substantive; they
are reported separately as typographic ("formatting") changes.
"""

from __future__ import annotations

import re

from drafting.model import Inline, NoteRef, ProposalSpan, Text, plain_text

_TOKEN = re.compile(
    r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uac00-\ud7af\u3040-\u30ff]|\w[\w\u00ad]*(?:['’]\w[\w\u00ad]*)*"
    r"|\s+|(?<=\w)[-\u2010\u2011\u2013](?:\s+(?=\w))?|[^\w\s]"
)
"""Tokens. A hyphen or en dash between a word and a stray space before the next word
("non- discriminatory") is one token with the space: its key is the bare hyphen or dash. A
soft hyphen inside a word stays in it (and out of its key); one standing alone vanishes."""
_TYPOGRAPHIC = {
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2011": "-",
    "\u2010": "-",
    "\t": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}
_NORMAL = str.maketrans(_TYPOGRAPHIC)
_FOLDS = (*_TYPOGRAPHIC.items(), ("\u00ad", ""))
"""``_NORMAL`` and the soft hyphen's removal as replacements: for a whole paragraph a dozen
C-speed scans are several times quicker than ``str.translate``'s look-up of every character."""
_SPACED_HYPHEN = re.compile(r"(?<=\w)([-\u2013]) (?=\w)")
"""A compound's hyphen or dash followed by a stray space, in a key whose spaces are folded."""
_WORD = re.compile(r"\w")


class Token:
    """One token: its comparison key, its text and marks, or the footnote reference or
    proposal it stands for. Immutable, and shared through a cache by every comparison, also by
    comparisons running at once on different threads: nothing may be written into a token
    after it is made (a comparison's own codes live in its :class:`diff.Alphabet`). Slots and
    a lazily built node keep tokenising 1 MB fast."""

    __slots__ = ("key", "marks", "ref", "text")

    def __init__(
        self, key: str, text: str, marks: frozenset, ref: NoteRef | ProposalSpan | None = None
    ) -> None:
        self.key = key
        self.text = text
        self.marks = marks
        self.ref = ref

    @property
    def node(self) -> Inline:
        """A Text holding just this token (with its marks), or the NoteRef or ProposalSpan."""
        return self.ref if self.ref is not None else Text(self.text, self.marks)

    @property
    def is_word(self) -> bool:
        return self.ref is None and bool(_WORD.match(self.text))

    @property
    def raw(self) -> str:
        return self.text if self.ref is None else self.key


_ASCII_SPACE = frozenset(" \t\n\r\f\v")
_CACHE: dict[frozenset, dict[str, Token]] = {}
"""Tokens are immutable and most recur ("the", ","): one object per piece and marks. Shared by
threads: each step (look-up, store, clear) is one dict operation, atomic in CPython, and a
token made twice by two threads at once is merely made twice."""


def normalise(text: str) -> str:
    if text.isascii():
        if text[0] in _ASCII_SPACE:
            return " "
        return text[0] if text[0] == "-" and len(text) > 1 else text  # "- " of "non- discriminatory"
    text = text.translate(_NORMAL).replace("\u00ad", "")
    if not text:
        return ""  # a soft hyphen on its own: it vanishes
    if text.isspace():
        return " "
    return text[0] if text[0] in "-\u2013" and len(text) > 1 and text[1:].isspace() else text


def tokenize(content: list[Inline], footnote_key: dict[str, str]) -> list[Token]:
    """Tokens of inline content; ``footnote_key`` maps a footnote id to its comparison key."""
    tokens: list[Token] = []
    for node in content:
        if isinstance(node, Text):
            _add_text(tokens, node.text, node.marks)
        elif isinstance(node, NoteRef):
            tokens.append(
                Token("\x00fn:" + footnote_key.get(node.footnote_id, node.footnote_id), "", frozenset(), node)
            )
        elif isinstance(node, ProposalSpan):
            key = f"\x00pr:{plain_text(node.deleted)}\x01{plain_text(node.inserted)}"
            tokens.append(Token(key, "", frozenset(), node))
    return tokens


def _add_text(tokens: list[Token], text: str, marks: frozenset) -> None:
    """Append the tokens of one run of text. Runs of white space never follow each other
    within a run's own tokens (the pattern takes all of a run's white space at once) unless a
    soft hyphen stood between them, so without one only the first token can need merging with
    the previous run's last."""
    cache = _CACHE.get(marks)
    if cache is None:
        cache = _CACHE.setdefault(marks, {})
    if len(cache) > 200_000:
        cache.clear()
    pieces = _TOKEN.findall(text)
    if not pieces:
        return
    if "\u00ad" in text:
        for piece in pieces:
            token = _token(cache, piece, marks)
            if token.key == " " and tokens and tokens[-1].key == " ":
                tokens[-1] = Token(" ", tokens[-1].text + piece, marks)
            elif token.key or not tokens:  # a soft hyphen on its own vanishes
                tokens.append(token)
        return
    get = cache.get
    run = [get(piece) or _token(cache, piece, marks) for piece in pieces]
    if tokens and tokens[-1].key == " " and run[0].key == " ":
        tokens[-1] = Token(" ", tokens[-1].text + run[0].text, marks)
        del run[0]
    tokens += run


def _token(cache: dict[str, Token], piece: str, marks: frozenset) -> Token:
    token = cache.get(piece)
    if token is None:
        token = cache[piece] = Token(normalise(piece), piece, marks)
    return token


_SPACES = re.compile(r"\s+")


def content_key(content: list[Inline], footnote_key: dict[str, str]) -> str:
    """The normalised key of inline content, without tokenising it: two contents have equal
    keys exactly when their token keys are equal."""
    keys: list[str] = []
    for node in content:
        if isinstance(node, Text):
            keys.append(node.text)
        elif isinstance(node, NoteRef):
            keys.append("\x00fn:" + footnote_key.get(node.footnote_id, node.footnote_id))
        elif isinstance(node, ProposalSpan):
            keys.append(f"\x00pr:{plain_text(node.deleted)}\x01{plain_text(node.inserted)}")
    text = "".join(keys)
    ascii = text.isascii()
    if not ascii:
        for char, plain in _FOLDS:
            if char in text:
                text = text.replace(char, plain)
    if "  " in text or "\n" in text or "\r" in text or "\f" in text or "\v" in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "- " in text or (not ascii and "\u2013 " in text):
        text = _SPACED_HYPHEN.sub(r"\1", text)
    return text.strip()


def words(tokens: list[Token]) -> int:
    """Words among the tokens (a proposal counts the words it holds)."""
    count = 0
    for token in tokens:
        if token.is_word:
            count += 1
        elif isinstance(token.node, ProposalSpan):
            count += len(
                re.findall(r"\w+", plain_text(token.node.deleted) + " " + plain_text(token.node.inserted))
            )
    return count
