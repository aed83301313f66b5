"""Word-level difference of two token lists with the C++ diff-match-patch.

Each distinct token key is mapped to one character, the two character strings are diffed
with ``fast_diff_match_patch`` (semantic cleanup, **no time limit**: the result is never
silently degraded), and the result is mapped back to tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

import fast_diff_match_patch

from drafting.compare.tokens import Token

_FIRST_CHAR = 0x10000  # outside the BMP: no clash with text, no surrogate trouble in the C++ library


@dataclass(frozen=True)
class Segment:
    op: str
    """"equal", "delete" or "insert"."""
    old: tuple[Token, ...]
    new: tuple[Token, ...]


class Alphabet:
    """Token key -> one character, shared by both sides of a comparison."""

    def __init__(self) -> None:
        self._chars: dict[str, str] = {}

    def encode(self, tokens: list[Token]) -> str:
        chars = self._chars
        out = []
        for token in tokens:
            char = chars.get(token.key)
            if char is None:
                char = chars[token.key] = chr(_FIRST_CHAR + len(chars))
            out.append(char)
        return "".join(out)


def diff_tokens(old: list[Token], new: list[Token], alphabet: Alphabet | None = None) -> list[Segment]:
    alphabet = alphabet or Alphabet()
    a, b = alphabet.encode(old), alphabet.encode(new)
    if a == b:
        return [Segment("equal", tuple(old), tuple(new))] if old else []
    counts = fast_diff_match_patch.diff(
        a, b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
    )
    segments: list[Segment] = []
    i = j = 0
    for op, length in counts:
        if op == "=":
            segments.append(Segment("equal", tuple(old[i : i + length]), tuple(new[j : j + length])))
            i += length
            j += length
        elif op == "-":
            segments.append(Segment("delete", tuple(old[i : i + length]), ()))
            i += length
        else:
            segments.append(Segment("insert", (), tuple(new[j : j + length])))
            j += length
    return segments


def opcodes(segments: list[Segment]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (``equal``/``replace``/``insert``/``delete``) over token indexes."""
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    index = 0
    while index < len(segments):
        segment = segments[index]
        if segment.op == "equal":
            out.append(("equal", i, i + len(segment.old), j, j + len(segment.new)))
            i += len(segment.old)
            j += len(segment.new)
        elif segment.op == "delete" and index + 1 < len(segments) and segments[index + 1].op == "insert":
            inserted = segments[index + 1]
            out.append(("replace", i, i + len(segment.old), j, j + len(inserted.new)))
            i += len(segment.old)
            j += len(inserted.new)
            index += 1
        elif segment.op == "delete":
            out.append(("delete", i, i + len(segment.old), j, j))
            i += len(segment.old)
        else:
            out.append(("insert", i, i, j, j + len(segment.new)))
            j += len(segment.new)
        index += 1
    return out


def similarity(old: list[Token], new: list[Token]) -> float:
    """Share of word tokens in common (0..1), order ignored: cheap enough to align paragraphs."""
    from collections import Counter

    a = Counter(t.key for t in old if t.key.strip())
    b = Counter(t.key for t in new if t.key.strip())
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    common = sum((a & b).values())
    return 2 * common / total
