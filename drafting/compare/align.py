"""Aligning the paragraphs of two revisions before any word is compared.

1. paragraphs with the same stable id are the same paragraph (same Penholder history, or
   identical text when the ids were derived from content at import);
2. paragraphs with the same normalised text are the same paragraph, wherever they stand;
3. the longest run of pairs kept in order is the backbone; pairs off it were **moved**;
4. between two backbone pairs, the unpaired paragraphs on each side are paired in order
   when they are similar enough (a modified paragraph);
5. what is left is paired across the text when very similar (moved and modified), or is
   deleted or inserted.

Numbers and labels play no part: they are derived, so renumbering is never a change.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from drafting.compare.clauses import common_prefix_length, common_suffix_length
from drafting.compare.diff import similarity
from drafting.compare.tokens import Token, tokenize
from drafting.model import Inline

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SIMILAR = 0.5
"""Share of words in common for two paragraphs in the same place to be one modified paragraph."""
MOVED_SIMILAR = 0.6
"""The same for a paragraph that also moved."""


@dataclass(slots=True)
class Unit:
    """A paragraph (or subparagraph) of one side. Its tokens are made only when needed: most
    paragraphs of two revisions are equal, and their normalised keys show it cheaply."""

    index: int
    id: str
    label: str
    kind: str
    key: str
    """Normalised text (markers as footnote keys): equal keys, equal paragraphs."""
    parent: int | None
    content: list[Inline]
    footnote_key: dict[str, str]
    """Footnote id -> comparison key, for this side."""
    _tokens: list[Token] | None = None
    _bag: frozenset[str] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.content, self.footnote_key)
        return self._tokens

    @property
    def bag(self) -> frozenset[str]:
        """Its distinct words (punctuation attached), for similarity: no tokens needed."""
        if self._bag is None:
            key = self.key
            if not key.isascii() and _CJK.search(key):  # unsegmented script: character pairs for words
                self._bag = frozenset(key[i : i + 2] for i in range(len(key) - 1))
            else:
                self._bag = frozenset(key.split())
        return self._bag


def align(old: list[Unit], new: list[Unit]) -> tuple[dict[int, int], set[int]]:
    """Pairs old index -> new index, and the old indexes of pairs that moved."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    new_by_id = {unit.id: unit.index for unit in new}
    for unit in old:
        j = new_by_id.get(unit.id)
        if j is not None and j not in taken:
            pairs[unit.index] = j
            taken.add(j)
    by_key: dict[str, list[int]] = {}
    for unit in new:
        if unit.index not in taken:
            by_key.setdefault(unit.key, []).append(unit.index)
    for unit in old:
        if unit.index in pairs:
            continue
        candidates = by_key.get(unit.key)
        if candidates:
            j = candidates.pop(0)
            pairs[unit.index] = j
            taken.add(j)
    backbone = _longest_ordered(pairs)
    _pair_gaps(old, new, pairs, taken, backbone)
    _pair_moved(old, new, pairs, taken)
    backbone = _longest_ordered(pairs)
    return pairs, {i for i in pairs if i not in backbone}


def _longest_ordered(pairs: dict[int, int]) -> set[int]:
    """Old indexes of the longest set of pairs whose new indexes increase with the old ones."""
    items = sorted(pairs.items())
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(items)
    for position, (_, j) in enumerate(items):
        at = bisect.bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            tail_index.append(position)
        else:
            tails[at] = j
            tail_index[at] = position
        previous[position] = tail_index[at - 1] if at else -1
    keep: set[int] = set()
    position = tail_index[-1] if tail_index else -1
    while position >= 0:
        keep.add(items[position][0])
        position = previous[position]
    return keep


def _pair_gaps(
    old: list[Unit], new: list[Unit], pairs: dict[int, int], taken: set[int], backbone: set[int]
) -> None:
    """Between each two backbone pairs, pair the unpaired paragraphs of the two sides in order
    when similar enough. Only the gaps holding an unpaired old paragraph are visited."""
    anchors = sorted((i, pairs[i]) for i in backbone)
    bounds = [(-1, -1), *anchors, (len(old), len(new))]
    anchor_olds = [i for i, _ in bounds]
    gaps: dict[int, list[int]] = {}  # gap (its end in ``bounds``) -> unpaired old indexes, in order
    for unit in old:
        if unit.index not in pairs:
            gaps.setdefault(bisect.bisect_left(anchor_olds, unit.index), []).append(unit.index)
    unpaired_new = [unit.index for unit in new if unit.index not in taken]
    for end, olds in gaps.items():
        (_, n1), (_, n2) = bounds[end - 1], bounds[end]
        news = unpaired_new[bisect.bisect_right(unpaired_new, n1) : bisect.bisect_left(unpaired_new, n2)]
        if len(olds) == len(news) == 1:  # the usual gap: one paragraph modified in place
            if pair_similarity(old[olds[0]], new[news[0]]) >= SIMILAR:
                pairs[olds[0]] = news[0]
                taken.add(news[0])
            continue
        start = 0
        for i in olds:
            best, best_score = None, SIMILAR
            for position in range(start, len(news)):
                score = similarity(old[i].bag, new[news[position]].bag)
                if score >= best_score:
                    best, best_score = position, score
            if best is not None:
                pairs[i] = news[best]
                taken.add(news[best])
                start = best + 1


def pair_similarity(a: Unit, b: Unit) -> float:
    """``similarity(a.bag, b.bag)`` without making both bags: two versions of a paragraph share
    most of their text, so the words of what they share (cut where a space stands in both) are
    listed once, and only those of the two differing middles apart."""
    if a._bag is not None and b._bag is not None:
        return similarity(a._bag, b._bag)
    x, y = a.key, b.key
    if not (x.isascii() and y.isascii()) and (_CJK.search(x) or _CJK.search(y)):
        return similarity(a.bag, b.bag)  # character pairs stand in for words: no shortcut
    cut = max(x.rfind(" ", 0, common_prefix_length(x, y)), 0)
    shift = len(y) - len(x)
    tail = x.find(" ", len(x) - common_suffix_length(x, y))
    if tail < 0 or tail < cut or tail + shift < cut:
        tail = len(x)
    shared = frozenset((x[:cut] + x[tail:]).split())
    only_x = set(x[cut:tail].split()) - shared
    only_y = set(y[cut : tail + shift].split()) - shared
    total = 2 * len(shared) + len(only_x) + len(only_y)
    if not total:
        return 1.0
    return 2 * (len(shared) + len(only_x & only_y)) / total


def _pair_moved(old: list[Unit], new: list[Unit], pairs: dict[int, int], taken: set[int]) -> None:
    left_old = [unit.index for unit in old if unit.index not in pairs]
    left_new = [unit.index for unit in new if unit.index not in taken]
    if not left_old or not left_new or len(left_old) * len(left_new) > 40_000:
        return
    scored = sorted(
        ((similarity(old[i].bag, new[j].bag), i, j) for i in left_old for j in left_new),
        reverse=True,
    )
    for score, i, j in scored:
        if score < MOVED_SIMILAR:
            break
        if i in pairs or j in taken:
            continue
        pairs[i] = j
        taken.add(j)
