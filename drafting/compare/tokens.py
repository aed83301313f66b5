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
    r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uac00-\ud7af\u3040-\u30ff]|\w+(?:['’]\w+)*"
    r"|\s+|(?<=\w)[-\u2010\u2011\u2013](?:\s+(?=\w))?|[^\w\s]"
)
"""Tokens. A hyphen or en dash between a word and a stray space before the next word
("non- discriminatory") is one token with the space: its key is the bare hyphen or dash."""
_NORMAL = str.maketrans(
    {
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
)
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
    if text.isspace():
        return " "
    return text[0] if text[0] in "-\u2013" and len(text) > 1 and text[1:].isspace() else text


def tokenize(content: list[Inline], footnote_key: dict[str, str]) -> list[Token]:
    """Tokens of inline content; ``footnote_key`` maps a footnote id to its comparison key."""
    tokens: list[Token] = []
    append = tokens.append
    for node in content:
        if isinstance(node, Text):
            marks = node.marks
            cache = _CACHE.setdefault(marks, {})
            if len(cache) > 200_000:
                cache.clear()
            for piece in _TOKEN.findall(node.text):
                token = cache.get(piece)
                if token is None:
                    key = normalise(piece)
                    token = cache[piece] = Token(key, piece, marks)
                if token.key == " " and tokens and tokens[-1].key == " ":
                    tokens[-1] = Token(" ", tokens[-1].text + piece, marks)
                elif token.key or not tokens:  # a soft hyphen on its own vanishes
                    append(token)
        elif isinstance(node, NoteRef):
            append(
                Token("\x00fn:" + footnote_key.get(node.footnote_id, node.footnote_id), "", frozenset(), node)
            )
        elif isinstance(node, ProposalSpan):
            key = f"\x00pr:{plain_text(node.deleted)}\x01{plain_text(node.inserted)}"
            append(Token(key, "", frozenset(), node))
    return tokens


_SPACES = re.compile(r"\s+")


def content_key(content: list[Inline], footnote_key: dict[str, str]) -> tuple[str, str]:
    """(normalised key, signature with marks) of inline content, without tokenising it.

    Two contents have equal keys exactly when their token keys are equal.
    """
    keys: list[str] = []
    signature: list[str] = []
    for node in content:
        if isinstance(node, Text):
            keys.append(node.text)
            signature.append(node.text + "\x02" + ",".join(sorted(node.marks)) + "\x03")
        elif isinstance(node, NoteRef):
            key = "\x00fn:" + footnote_key.get(node.footnote_id, node.footnote_id)
            keys.append(key)
            signature.append(key)
        elif isinstance(node, ProposalSpan):
            key = f"\x00pr:{plain_text(node.deleted)}\x01{plain_text(node.inserted)}"
            keys.append(key)
            signature.append(key)
    text = "".join(keys)
    if not text.isascii():
        text = text.translate(_NORMAL).replace("\u00ad", "")
    if "  " in text or "\n" in text or "\r" in text or "\f" in text or "\v" in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    if "- " in text or "\u2013 " in text:
        text = _SPACED_HYPHEN.sub(r"\1", text)
    return text.strip(), "".join(signature)


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
