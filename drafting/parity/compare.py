"""The comparison itself: every version against the reference, unit by aligned unit
(``parity``, ``compare_pair``), giving the discrepancies of :mod:`drafting.parity.report`.

Counts of each group, then footnote markers through the footnote alignment, then tokens of
aligned paragraphs, subparagraphs, footnotes and masthead fields (rule 10: only the fields
read in both versions). A number with no counterpart is forgiven when the other version
spells it out (rule 6); footnotes with no counterpart are named once, in the count report, and
their markers are not reported again (rule 9).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from drafting.model import Document
from drafting.parity.alignment import align, length_penalty, token_difference
from drafting.parity.report import Discrepancy, ParityReport
from drafting.parity.spelled import spelled_numbers
from drafting.parity.tokens import extract_tokens
from drafting.parity.units import GROUPS, Unit, footnote_units, is_resolution, structure_units


def excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """A short excerpt of ``text`` around ``start:end``, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    body = " ".join(text[left:right].split())
    return ("…" if left else "") + body + ("…" if right < len(text) else "")


def _head(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@dataclass
class _Pair:
    """Two versions being compared, and the footnote alignment between them."""

    ref: str
    other: str
    footnote_map: dict[int, int]
    """Other version's footnote number -> reference footnote number."""
    unmatched_other: set[int]
    unmatched_ref: set[int]
    found: list[Discrepancy] = field(default_factory=list)


def _compare_tokens(pair: _Pair, a: Unit, b: Unit) -> None:
    ka = Counter(t.key for t in a.tokens)
    kb = Counter(t.key for t in b.tokens)
    only_a, only_b = ka - kb, kb - ka
    if not only_a and not only_b:
        return
    # rule 6: a number spelled out in the other version is no discrepancy
    for key, count in list(only_a.items()):
        if key[0] == "number":
            spelled = spelled_numbers(b.text)[key[1]]
            only_a[key] = count - min(count, spelled)
    for key, count in list(only_b.items()):
        if key[0] == "number":
            spelled = spelled_numbers(a.text)[key[1]]
            only_b[key] = count - min(count, spelled)
    only_a, only_b = +only_a, +only_b
    if not only_a and not only_b:
        return
    values_a = tuple(sorted(only_a.elements(), key=lambda k: (k[0], k[1])))
    values_b = tuple(sorted(only_b.elements(), key=lambda k: (k[0], k[1])))
    parts = []
    if values_a:
        parts.append(f"only in {pair.ref}: {', '.join(v for _, v in values_a)}")
    if values_b:
        parts.append(f"only in {pair.other}: {', '.join(v for _, v in values_b)}")
    excerpts = []
    for label, unit, keys in ((pair.ref, a, only_a), (pair.other, b, only_b)):
        hit = next((t for t in unit.tokens if t.key in keys), None)
        excerpts.append((label, excerpt(unit.text, hit.start, hit.end) if hit else _head(unit.text)))
    pair.found.append(
        Discrepancy(
            "tokens",
            (pair.ref, pair.other),
            a.place,
            "numbers or symbols differ: " + "; ".join(parts),
            other_place=b.place if b.place != a.place else None,
            only_in_reference=tuple(v for _, v in values_a),
            only_in_other=tuple(v for _, v in values_b),
            excerpts=tuple(excerpts),
        )
    )


def _compare_markers(pair: _Pair, a: Unit, b: Unit) -> None:
    """Footnotes cited in one aligned paragraph and not the other, through the footnote
    alignment (so that an extra footnote does not make every later marker differ); a footnote
    with no counterpart at all is reported once, with the counts."""
    ref_cited = Counter(n for n in a.cited if n not in pair.unmatched_ref)
    other_cited = Counter(pair.footnote_map[n] for n in b.cited if n in pair.footnote_map)
    only_a, only_b = ref_cited - other_cited, other_cited - ref_cited
    if not only_a and not only_b:
        return
    parts = []
    if only_a:
        parts.append(
            f"{pair.ref} cites footnote {', '.join(map(str, sorted(only_a.elements())))} here, {pair.other} does not"
        )
    if only_b:
        back = {v: k for k, v in pair.footnote_map.items()}
        shown = ", ".join(str(back[n]) for n in sorted(only_b.elements()))
        parts.append(f"{pair.other} cites footnote {shown} here, {pair.ref} does not")
    pair.found.append(
        Discrepancy(
            "footnote_marker",
            (pair.ref, pair.other),
            a.place,
            "; ".join(parts),
            other_place=b.place if b.place != a.place else None,
            only_in_reference=tuple(str(n) for n in sorted(only_a.elements())),
            only_in_other=tuple(str(n) for n in sorted(only_b.elements())),
            excerpts=((pair.ref, _head(a.text)), (pair.other, _head(b.text))),
        )
    )


def _paragraph_cost(pair: _Pair) -> Callable[[Unit, Unit], float]:
    def cost(a: Unit, b: Unit) -> float:
        ref_cited = Counter(a.cited)
        other_cited = Counter(pair.footnote_map.get(n, -n) for n in b.cited)
        markers = sum(((ref_cited - other_cited) + (other_cited - ref_cited)).values())
        children = abs(len(a.children) - len(b.children))
        return token_difference(a, b) + markers + children + length_penalty(a, b)

    return cost


def _count_report(
    pair: _Pair, a: Sequence[Unit], b: Sequence[Unit], pairs: list, place: str, what: str, note: str = ""
) -> None:
    missing = [a[i].place for i, j in pairs if j is None]
    extra = [b[j].place for i, j in pairs if i is None]
    parts = [f"{pair.ref} has {len(a)} {what}, {pair.other} has {len(b)}"]
    if missing:
        parts.append(f"no counterpart in {pair.other} for {pair.ref} {', '.join(missing)}")
    if extra:
        parts.append(f"no counterpart in {pair.ref} for {pair.other} {', '.join(extra)}")
    excerpts = tuple((pair.ref, _head(a[i].text)) for i, j in pairs if j is None) + tuple(
        (pair.other, _head(b[j].text)) for i, j in pairs if i is None
    )
    pair.found.append(
        Discrepancy(
            "count",
            (pair.ref, pair.other),
            place,
            "; ".join(parts) + note,
            only_in_reference=tuple(missing),
            only_in_other=tuple(extra),
            excerpts=excerpts,
        )
    )


def _compare_units(pair: _Pair, a: Sequence[Unit], b: Sequence[Unit], place: str, what: str) -> None:
    pairs = align(a, b, _paragraph_cost(pair))
    if len(a) != len(b):
        _count_report(pair, a, b, pairs, place, what)
    for i, j in pairs:
        if i is None or j is None:
            continue
        _compare_tokens(pair, a[i], b[j])
        _compare_markers(pair, a[i], b[j])
        if a[i].children or b[j].children:
            _compare_units(pair, a[i].children, b[j].children, a[i].place, "subparagraphs")


def _align_footnotes(ref: str, other: str, a: list[Unit], b: list[Unit]) -> tuple[_Pair, list]:
    def cost(x: Unit, y: Unit) -> float:
        return token_difference(x, y) + length_penalty(x, y)

    pairs = align(a, b, cost)
    number = lambda unit: int(unit.place.split()[-1])  # noqa: E731 - "footnote n"
    mapping = {number(b[j]): number(a[i]) for i, j in pairs if i is not None and j is not None}
    pair = _Pair(
        ref,
        other,
        mapping,
        unmatched_other={number(b[j]) for i, j in pairs if i is None},
        unmatched_ref={number(a[i]) for i, j in pairs if j is None},
    )
    return pair, pairs


_MASTHEAD_FIELDS = (
    "symbol",
    "agenda_item",
    "adoption_heading",
    "provenance",
    "adoption_meeting",
    "adoption_date",
)


def _compare_masthead(pair: _Pair, a: Document, b: Document) -> None:
    """The masthead fields read in both versions (rule 10), token by token."""
    for name in _MASTHEAD_FIELDS:
        value_a, value_b = getattr(a.masthead, name), getattr(b.masthead, name)
        if not value_a or not value_b:
            continue
        place = f"masthead {name.replace('_', ' ')}"
        _compare_tokens(
            pair, Unit(place, value_a, extract_tokens(value_a)), Unit(place, value_b, extract_tokens(value_b))
        )


def compare_pair(ref: str, a: Document, other: str, b: Document) -> list[Discrepancy]:
    """Every discrepancy between the reference version ``a`` and the version ``b``."""
    notes_a, notes_b = footnote_units(a), footnote_units(b)
    pair, footnote_pairs = _align_footnotes(ref, other, notes_a, notes_b)
    resolution = is_resolution(a) or is_resolution(b)
    _compare_masthead(pair, a, b)
    units_a = structure_units(a, resolution=resolution)
    units_b = structure_units(b, resolution=resolution)
    for name, what in GROUPS:
        _compare_units(pair, units_a[name], units_b[name], name, what)
    if len(notes_a) != len(notes_b):
        cited_in = {f"{other} {place}" for place in _citing_places(units_b, pair.unmatched_other)} | {
            f"{ref} {place}" for place in _citing_places(units_a, pair.unmatched_ref)
        }
        note = f" (cited in {', '.join(sorted(cited_in))})" if cited_in else ""
        _count_report(pair, notes_a, notes_b, footnote_pairs, "footnotes", "footnotes", note)
    for i, j in footnote_pairs:
        if i is not None and j is not None:
            _compare_tokens(pair, notes_a[i], notes_b[j])
    return pair.found


def _citing_places(groups: dict[str, list[Unit]], numbers: set[int]) -> set[str]:
    places: set[str] = set()

    def walk(units: list[Unit]) -> None:
        for unit in units:
            if numbers & set(unit.cited):
                places.add(unit.place)
            walk(unit.children)

    for units in groups.values():
        walk(units)
    return places


def parity(documents: dict[str, Document]) -> ParityReport:
    """Compare every version with the first (the reference), by structure.

    ``documents``: version label ("en", "fr", a file name) -> document, in order; at least two.
    """
    if len(documents) < 2:
        raise ValueError("parity needs at least two versions")
    labels = list(documents)
    report = ParityReport(labels)
    ref = labels[0]
    for other in labels[1:]:
        report.discrepancies.extend(compare_pair(ref, documents[ref], other, documents[other]))
    return report
