"""Word-level difference of two token lists with the C++ diff-match-patch.

Each distinct token key is mapped to one character, the two character strings are diffed
with ``fast_diff_match_patch`` (semantic cleanup, **no time limit**: the result is never
silently degraded), and the result is mapped back to tokens.
"""

from __future__ import annotations

import fast_diff_match_patch

from drafting.compare import clauses
from drafting.compare.tokens import Token, tokenize
from drafting.model import Inline

_FIRST_CHAR = 0x10000  # outside the BMP: no clash with text, no surrogate trouble in the C++ library


class Segment:
    """A run of tokens: ``op`` is "equal", "delete" or "insert". The tokens of a long equal
    run may be given as functions and are only made when someone reads them."""

    __slots__ = ("_new", "_old", "op")

    def __init__(self, op: str, old, new) -> None:
        self.op = op
        self._old = old
        self._new = new

    @property
    def old(self) -> tuple[Token, ...]:
        if callable(self._old):
            self._old = tuple(self._old())
        return self._old

    @property
    def new(self) -> tuple[Token, ...]:
        if callable(self._new):
            self._new = tuple(self._new())
        return self._new

    def __repr__(self) -> str:
        return f"Segment({self.op!r}, {len(self.old)} old, {len(self.new)} new)"


class _Codes(dict):
    """Token key -> character; a key met for the first time is given the next character."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __missing__(self, key: str) -> str:
        if len(self) >= self.limit:
            raise OverflowError(f"more than {self.limit} distinct words in one paragraph pair")
        code = self[key] = chr(_FIRST_CHAR + len(self))
        return code


class Alphabet:
    """Token key -> one character, for **one** comparison.

    ``compare`` makes one and passes it to every word diff of that comparison, so two
    comparisons running at once (two comparison tabs, each on its worker thread) share nothing
    they write: the tokens themselves stay immutable. Within a comparison the recurring words
    ("the", ",") keep their character from paragraph to paragraph.

    Codes only have to agree within one diffed pair, so when the next pair might not fit in
    what is left of the code points the alphabet simply starts again (``limit`` is there for
    the tests; the real one is about a million distinct words).
    """

    __slots__ = ("_chars", "limit", "restarts")

    def __init__(self, limit: int = 0x10FFFF - _FIRST_CHAR + 1) -> None:
        self._chars = _Codes(limit)
        self.limit = limit
        self.restarts = 0

    def encode_pair(self, old: list[Token], new: list[Token]) -> tuple[str, str]:
        """The two token lists as strings of one character per token, equal keys equal characters."""
        if len(self._chars) + len(old) + len(new) > self.limit:
            self._chars = _Codes(self.limit)
            self.restarts += 1
        chars = self._chars  # a comprehension over a dict that codes new keys itself: the quickest
        return "".join([chars[t.key] for t in old]), "".join([chars[t.key] for t in new])


def diff_contents(
    old: list[Inline],
    new: list[Inline],
    old_keys: dict[str, str],
    new_keys: dict[str, str],
    alphabet: Alphabet,
) -> list[Segment]:
    """Word diff of two contents, tokenising only what lies between their common beginning and
    end in whole clauses (:mod:`clauses`): a one-word edit in a long paragraph costs a few tokens."""
    parts = clauses.split(old, new, old_keys, new_keys)
    segments: list[Segment] = []
    if parts.head:
        segments.append(
            Segment("equal", _Pending(parts.old_head, old_keys), _Pending(parts.new_head, new_keys))
        )
    segments.extend(
        diff_tokens(tokenize(parts.old_middle, old_keys), tokenize(parts.new_middle, new_keys), alphabet)
    )
    if parts.tail:
        segments.append(
            Segment("equal", _Pending(parts.old_tail, old_keys), _Pending(parts.new_tail, new_keys))
        )
    return segments


class _Pending:
    """The tokens of an alike run of clauses, made when someone reads them (views show the
    words around a change, not all of them). A clause ends after a space and the next begins
    with a word or mark, so whole runs and their clauses give the same tokens."""

    __slots__ = ("content", "keys")

    def __init__(self, content: list[Inline], keys: dict[str, str]) -> None:
        self.content = content
        self.keys = keys

    def __call__(self) -> list[Token]:
        return tokenize(self.content, self.keys)


def diff_tokens(old: list[Token], new: list[Token], alphabet: Alphabet | None = None) -> list[Segment]:
    """Word diff of two token lists; ``alphabet`` is the comparison's (a fresh one if None)."""
    a, b = (alphabet if alphabet is not None else Alphabet()).encode_pair(old, new)
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
            if out and out[-1][0] == "equal":  # neighbouring equal runs are one opcode
                previous = out.pop()
                i, j = previous[1], previous[3]
                size_old = previous[2] - previous[1] + len(segment.old)
                size_new = previous[4] - previous[3] + len(segment.new)
                out.append(("equal", i, i + size_old, j, j + size_new))
                i += size_old
                j += size_new
                index += 1
                continue
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


def word_bag(tokens: list[Token]) -> frozenset[str]:
    """The distinct words and marks of a paragraph."""
    return frozenset(t.key for t in tokens if t.key != " ")


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of distinct words in common (0..1), order ignored: cheap enough to align paragraphs."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    return 2 * len(a & b) / total
