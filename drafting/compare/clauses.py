"""Where two versions of a paragraph stop being alike, cut at clause boundaries.

A word diff only needs the part of two paragraphs between their common beginning and their
common end. Those are measured in *clauses*: text is cut after a comma, semicolon or colon and
its space when a word follows (``, ``), so that a one-word edit costs the tokens of one clause
and the words shown as changed never reach across a clause the two versions share. Footnote
references and proposals are clauses of their own, as is the end of every run of text.

Cutting every run into clauses is the definition; :func:`split` gives the same result without
doing it: whole runs that are alike are skipped first, and where one run of text differs from
its counterpart the cuts are found from where the two strings part (a binary search over slices,
a reverse search for the clause punctuation), so only the clause that differs is looked at
character by character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from drafting.model import Inline, NoteRef, Text, plain_text

CLAUSE = re.compile(r"(?<=[,;:] )(?=\S)")
"""Where text is cut into clauses (a zero-width match)."""
_CLAUSE_END = re.compile(r"[,;:] (?=\S)")
"""The same boundaries as matches that end at them: searchable from a position."""
_MARKS_AND_SPACE = (", ", "; ", ": ")


class Parts(NamedTuple):
    """Two contents in three parts each: alike at the start, differing, alike at the end. The
    alike parts may be empty; ``head``/``tail`` say whether they hold a clause at all (an empty
    run of text holds none)."""

    old_head: list[Inline]
    new_head: list[Inline]
    old_middle: list[Inline]
    new_middle: list[Inline]
    old_tail: list[Inline]
    new_tail: list[Inline]
    head: bool
    tail: bool


def split(old: list[Inline], new: list[Inline], old_keys: dict[str, str], new_keys: dict[str, str]) -> Parts:
    """The common beginning and end of two contents, in whole clauses (see the module)."""
    head = _alike_runs(old, new, old_keys, new_keys, min(len(old), len(new)))
    tail = _alike_runs(old[::-1], new[::-1], old_keys, new_keys, min(len(old), len(new)) - head)
    old_middle, new_middle = old[head : len(old) - tail], new[head : len(new) - tail]
    if (
        len(old_middle) == 1
        and len(new_middle) == 1
        and isinstance(old_middle[0], Text)
        and isinstance(new_middle[0], Text)
        and old_middle[0].marks == new_middle[0].marks
    ):
        cuts = _text_cuts(old_middle[0].text, new_middle[0].text)
        if cuts is not None:
            return _parts_of_one_run(old, new, head, tail, cuts)
    return _parts_by_clauses(old, new, head, tail, old_keys, new_keys)


def clauses(content: list[Inline], keys: dict[str, str]) -> list[tuple[Inline, object]]:
    """(inline piece, comparison value) of every clause in order: the definition."""
    out: list[tuple[Inline, object]] = []
    for node in content:
        if isinstance(node, Text):
            for piece in CLAUSE.split(node.text):
                if piece:
                    out.append((Text(piece, node.marks), (piece, node.marks)))
        elif isinstance(node, NoteRef):
            out.append((node, ("fn", keys.get(node.footnote_id, node.footnote_id))))
        else:
            out.append((node, ("pr", plain_text(node.deleted), plain_text(node.inserted))))
    return out


def written_alike(
    old: list[Inline], new: list[Inline], old_keys: dict[str, str], new_keys: dict[str, str]
) -> bool:
    """Whether two contents are written alike: the same runs with the same marks, the same
    footnotes and proposals (two contents of equal keys that are not differ in typography)."""
    return len(old) == len(new) and _alike_runs(old, new, old_keys, new_keys, len(old)) == len(old)


def _alike_runs(
    old: list[Inline], new: list[Inline], old_keys: dict[str, str], new_keys: dict[str, str], limit: int
) -> int:
    """How many runs the two contents begin with that give the same clauses: the same text with
    the same marks, the same footnote, the same proposal."""
    count = 0
    while count < limit:
        a, b = old[count], new[count]
        if type(a) is not type(b):
            break
        if isinstance(a, Text):
            if a.text != b.text or a.marks != b.marks:
                break
        elif isinstance(a, NoteRef):
            if old_keys.get(a.footnote_id, a.footnote_id) != new_keys.get(b.footnote_id, b.footnote_id):
                break
        elif plain_text(a.deleted) != plain_text(b.deleted) or plain_text(a.inserted) != plain_text(
            b.inserted
        ):
            break
        count += 1
    return count


def _holds_clause(runs: list[Inline]) -> bool:
    return any(not isinstance(node, Text) or node.text for node in runs)


def _parts_of_one_run(
    old: list[Inline], new: list[Inline], head: int, tail: int, cuts: tuple[int, int, int]
) -> Parts:
    """Parts when the middles are one run of text each with the same marks, cut at ``cuts``
    (start of the difference, end of it in the old text and in the new)."""
    x, y = old[head], new[head]
    start, old_end, new_end = cuts
    marks = x.marks
    old_head, new_head = old[:head], new[:head]
    if start:
        old_head = [*old_head, Text(x.text[:start], marks)]
        new_head = [*new_head, Text(y.text[:start], marks)]
    old_tail, new_tail = old[len(old) - tail :], new[len(new) - tail :]
    if old_end < len(x.text):
        old_tail = [Text(x.text[old_end:], marks), *old_tail]
        new_tail = [Text(y.text[new_end:], marks), *new_tail]
    return Parts(
        old_head,
        new_head,
        [Text(x.text[start:old_end], marks)] if old_end > start else [],
        [Text(y.text[start:new_end], marks)] if new_end > start else [],
        old_tail,
        new_tail,
        bool(start) or _holds_clause(old[:head]),
        old_end < len(x.text) or _holds_clause(old[len(old) - tail :]),
    )


def _text_cuts(x: str, y: str) -> tuple[int, int, int] | None:
    """Where the clauses of two different strings stop being alike: (start, end in ``x``, end
    in ``y``), or None when all of one string's clauses begin the other (then the alike
    beginning may run on past the string, which only cutting everything can tell).

    Cut points below the first differing character are the same in both strings (each
    depends on the two characters before it and the one after). So the alike clauses from the
    start end at the last cut point in ``x`` before that character, or at it if it is a cut
    point (or the end of the text) in both. From the end likewise, with one more care: the
    characters just before a cut point may lie outside the common ending, so both strings are
    checked there (inside, the characters after a clause's first are common to both).
    """
    common = common_prefix_length(x, y)
    alike_to_difference = _ends_clause(x, common) and _ends_clause(y, common)
    start = common if alike_to_difference else _last_cut(x, common - 1)
    if start == len(x) or start == len(y):
        return None
    shift = len(y) - len(x)
    first = len(x) - min(common_suffix_length(x, y), len(x) - start, len(y) - start)
    for cut in _clause_starts(x, first):
        if _starts_clause(y, cut + shift):
            return start, cut, cut + shift
    return start, len(x), len(y)


def _clause_starts(text: str, first: int) -> Iterator[int]:
    """Where the clauses of ``text`` begin, from ``first`` on, in order."""
    if first == 0:
        yield 0
    match = _CLAUSE_END.search(text, max(first - 2, 0))
    while match is not None:
        if match.end() >= first:
            yield match.end()
        match = _CLAUSE_END.search(text, match.start() + 1)


def _starts_clause(text: str, at: int) -> bool:
    """Whether a clause of ``text`` begins at ``at``: its start, or a cut point."""
    if at == 0:
        return True
    return 2 <= at < len(text) and text[at - 2] in ",;:" and text[at - 1] == " " and not text[at].isspace()


def _ends_clause(text: str, at: int) -> bool:
    """Whether a clause of ``text`` ends at ``at``: a cut point, or the end of the text."""
    if at == len(text):
        return True
    return at >= 2 and text[at - 2] in ",;:" and text[at - 1] == " " and not text[at].isspace()


def _last_cut(text: str, limit: int) -> int:
    """The last cut point at or before ``limit`` (0 if none)."""
    best = 0
    if limit < 2:
        return best
    for mark in _MARKS_AND_SPACE:
        stop = limit
        while True:
            index = text.rfind(mark, 0, stop)
            if index < 0 or index + 2 <= best:
                break
            if not text[index + 2].isspace():
                best = index + 2
                break
            stop = index + 1
    return best


def common_prefix_length(x: str, y: str) -> int:
    """How many characters ``x`` and ``y`` begin with alike (a binary search over slices: the
    comparisons run in C)."""
    size = min(len(x), len(y))
    if x[:size] == y[:size]:
        return size
    low, high = 0, size  # x[:low] == y[:low], x[:high] != y[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if x[low:middle] == y[low:middle]:
            low = middle
        else:
            high = middle
    return low


def common_suffix_length(x: str, y: str) -> int:
    """How many characters ``x`` and ``y`` end with alike."""
    return common_prefix_length(x[::-1], y[::-1])


def _parts_by_clauses(
    old: list[Inline],
    new: list[Inline],
    head: int,
    tail: int,
    old_keys: dict[str, str],
    new_keys: dict[str, str],
) -> Parts:
    """Parts found by cutting the differing runs into clauses (the definition)."""
    a = clauses(old[head : len(old) - tail], old_keys)
    b = clauses(new[head : len(new) - tail], new_keys)
    start = _alike_clauses(a, b)
    if tail and (start == len(a) or start == len(b)):
        # one middle is the start of the other: the alike beginning may run on into the alike
        # end, so the end's runs are cut into clauses as well
        a = clauses(old[head:], old_keys)
        b = clauses(new[head:], new_keys)
        start = _alike_clauses(a, b)
        tail = 0
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end][1] == b[-1 - end][1]:
        end += 1
    old_tail, new_tail = old[len(old) - tail :], new[len(new) - tail :]
    return Parts(
        [*old[:head], *(c[0] for c in a[:start])],
        [*new[:head], *(c[0] for c in b[:start])],
        [c[0] for c in a[start : len(a) - end]],
        [c[0] for c in b[start : len(b) - end]],
        [*(c[0] for c in a[len(a) - end :]), *old_tail],
        [*(c[0] for c in b[len(b) - end :]), *new_tail],
        bool(start) or _holds_clause(old[:head]),
        bool(end) or _holds_clause(old_tail),
    )


def _alike_clauses(a: list[tuple[Inline, object]], b: list[tuple[Inline, object]]) -> int:
    start = 0
    while start < len(a) and start < len(b) and a[start][1] == b[start][1]:
        start += 1
    return start
