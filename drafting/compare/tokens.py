"""Word tokens for comparison.

A paragraph becomes a list of tokens: words, single punctuation marks, runs of white space,
CJK characters one by one, and footnote references and proposals as single atomic tokens.
Each token has a *key* (what is compared) and keeps the inline node it came from (what is
shown and exported). Keys are typographically normalised — a non-breaking space is a space,
a non-breaking hyphen a hyphen, doubled spaces one space — so such differences are never
substantive; they are reported separately as formatting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.model import Inline, NoteRef, ProposalSpan, Text, plain_text

_TOKEN = re.compile(
    r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\uac00-\ud7af\u3040-\u30ff]|\w+(?:['’]\w+)*|\s+|[^\w\s]"
)
_NORMAL = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2011": "-", "\u2010": "-", "\t": " "}
)
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Token:
    key: str
    node: Inline
    """A Text holding just this token (with its marks), a NoteRef or a ProposalSpan."""

    @property
    def is_word(self) -> bool:
        return isinstance(self.node, Text) and bool(_WORD.match(self.node.text))

    @property
    def raw(self) -> str:
        return self.node.text if isinstance(self.node, Text) else self.key


def normalise(text: str) -> str:
    text = text.translate(_NORMAL).replace("\u00ad", "")
    return " " if text.isspace() else text


def tokenize(content: list[Inline], footnote_key: dict[str, str]) -> list[Token]:
    """Tokens of inline content; ``footnote_key`` maps a footnote id to its comparison key."""
    tokens: list[Token] = []
    for node in content:
        if isinstance(node, Text):
            for match in _TOKEN.finditer(node.text):
                piece = match.group()
                key = normalise(piece)
                if key == "" and tokens:  # a soft hyphen on its own
                    continue
                if key == " " and tokens and tokens[-1].key == " ":
                    tokens[-1] = Token(" ", Text(tokens[-1].raw + piece, node.marks))
                    continue
                tokens.append(Token(key, Text(piece, node.marks)))
        elif isinstance(node, NoteRef):
            tokens.append(Token("\x00fn:" + footnote_key.get(node.footnote_id, node.footnote_id), node))
        elif isinstance(node, ProposalSpan):
            key = f"\x00pr:{plain_text(node.deleted)}\x01{plain_text(node.inserted)}"
            tokens.append(Token(key, node))
    return tokens


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
