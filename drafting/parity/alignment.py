"""Alignment of two sequences of units with gaps (rule 9), and the costs it is built on.

9. **Missing or extra units do not cascade.** When the counts differ, the units are aligned
   in order with gaps, choosing the gaps that leave the fewest token, footnote and
   subparagraph differences (and, as a tie-break, the closest lengths): one missing paragraph
   is one report, not a shift of every later paragraph. The footnotes that have no
   counterpart are named in the count report and their markers are not reported again (in
   :mod:`drafting.parity.compare`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from drafting.parity.units import Unit


def token_difference(a: Unit, b: Unit) -> int:
    ka = Counter(t.key for t in a.tokens)
    kb = Counter(t.key for t in b.tokens)
    return sum(((ka - kb) + (kb - ka)).values())


def length_penalty(a: Unit, b: Unit) -> float:
    return 0.2 * abs(math.log((len(a.text) + 20) / (len(b.text) + 20)))


def align(
    a: Sequence[Unit], b: Sequence[Unit], cost: Callable[[Unit, Unit], float]
) -> list[tuple[int | None, int | None]]:
    """Pairs of indexes in order. Equal counts pair by position (structure decides); different
    counts leave gaps where the pairing costs least (a gap costs as much as two differences)."""
    if len(a) == len(b):
        return [(i, i) for i in range(len(a))]
    gap = 2.0
    n, m = len(a), len(b)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0] = i * gap
    for j in range(1, m + 1):
        best[0][j] = j * gap
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j] = min(
                best[i - 1][j - 1] + cost(a[i - 1], b[j - 1]),
                best[i - 1][j] + gap,
                best[i][j - 1] + gap,
            )
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        if i and j and math.isclose(best[i][j], best[i - 1][j - 1] + cost(a[i - 1], b[j - 1])):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and math.isclose(best[i][j], best[i - 1][j] + gap):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    return pairs[::-1]
