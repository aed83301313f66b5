"""The units of a version that parity aligns: its paragraphs, subparagraphs and footnotes,
named by their place in the structure ("PP 3", "OP 4 (b)", "section II, item 5",
"footnote 2"), each with its tokens and the footnotes it cites.

8. **Footnotes are identified by their printed order.** For an imported text that is the
   order in which the footnotes are printed, so a footnote whose marker was dropped keeps its
   number (and the dropped marker is reported once, where it was dropped).
10. **Front matter and unnumbered paragraphs of a resolution are not aligned**: masthead lines
    and closing formulas are recognised differently per language (of the masthead only the
    fields read in both versions are compared, in :mod:`drafting.parity.compare`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.model import Block, BlockKind, Document, NoteRef, iter_inlines, plain_text
from drafting.numbering import cited_footnotes, footnote_numbers, letters, roman
from drafting.parity.tokens import Token, extract_tokens


@dataclass
class Unit:
    """A paragraph, subparagraph or footnote of one version, with what parity compares."""

    place: str
    text: str
    tokens: list[Token]
    cited: list[int] = field(default_factory=list)
    """The footnote numbers cited in it, in order."""
    children: list[Unit] = field(default_factory=list)


def _unit(place: str, block: Block, numbers: dict[str, int]) -> Unit:
    text = plain_text(block.content)
    cited = [
        numbers[node.footnote_id]
        for node in iter_inlines(block.content)
        if isinstance(node, NoteRef) and node.footnote_id in numbers
    ]
    children = [
        _unit(f"{place} {_child_label(place, i)}", child, numbers)
        for i, child in enumerate(block.children, start=1)
    ]
    return Unit(place, text, extract_tokens(text), cited, children)


def _child_label(parent_place: str, index: int) -> str:
    """The English label of a subparagraph, whatever the version's language, so that "OP 4 a)"
    and "OP 4 (a)" are one place. Depth follows the parent's labels already in the place."""
    depth = parent_place.count("(") + 1
    cycle = (depth - 1) % 2
    return f"({letters(index) if cycle == 0 else roman(index)})"


def printed_footnote_order(document: Document) -> dict[str, int]:
    """Footnote id -> the number it is printed with (rule 8).

    The order in which footnotes are stored is used when the cited ones are stored in the
    order they are first cited (true of every imported text): a footnote whose marker was
    dropped then keeps its number instead of moving to the end and shifting all the others.
    Otherwise the numbers derived from citation order (:func:`footnote_numbers`)."""
    stored = list(document.footnotes)
    first: list[str] = []
    for footnote_id in cited_footnotes(document):
        if footnote_id in document.footnotes and footnote_id not in first:
            first.append(footnote_id)
    if [f for f in stored if f in set(first)] == first:
        return {footnote_id: n for n, footnote_id in enumerate(stored, start=1)}
    return footnote_numbers(document)


def is_resolution(document: Document) -> bool:
    return any(b.kind in (BlockKind.PREAMBULAR, BlockKind.OPERATIVE) for b in document.blocks)


GROUPS = (
    ("PP", "preambular paragraphs"),
    ("OP", "operative paragraphs"),
    ("item", "numbered items"),
    ("heading", "headings"),
    ("paragraph", "paragraphs"),
)


def structure_units(document: Document, *, resolution: bool) -> dict[str, list[Unit]]:
    """The aligned units of a version by group (PP, OP, item, heading, paragraph).

    Alternatives proposed in place of a paragraph are left out (they are not yet the text).
    Plain paragraphs and front matter count only for a text that is not a resolution (rule 10).
    Numbered items are named with their section ("section II, item 5") so that numbering that
    starts again in each section aligns."""
    numbers = printed_footnote_order(document)
    groups: dict[str, list[Unit]] = {name: [] for name, _ in GROUPS}
    section = 0
    item = 0
    if not resolution:
        for block in document.front:
            if block.kind is BlockKind.PARAGRAPH:
                place = f"paragraph {len(groups['paragraph']) + 1}"
                groups["paragraph"].append(_unit(place, block, numbers))
    for block in document.blocks:
        if block.alternative_to is not None:
            continue
        kind = block.kind
        if kind is BlockKind.PREAMBULAR:
            groups["PP"].append(_unit(f"PP {len(groups['PP']) + 1}", block, numbers))
        elif kind is BlockKind.OPERATIVE:
            groups["OP"].append(_unit(f"OP {len(groups['OP']) + 1}", block, numbers))
        elif kind is BlockKind.HEADING:
            if block.numbered:
                section += 1
                item = 0
            groups["heading"].append(_unit(f"heading {len(groups['heading']) + 1}", block, numbers))
        elif kind is BlockKind.LIST_ITEM:
            item += 1
            place = f"section {roman(section).upper()}, item {item}" if section else f"item {item}"
            groups["item"].append(_unit(place, block, numbers))
        elif not resolution:
            groups["paragraph"].append(_unit(f"paragraph {len(groups['paragraph']) + 1}", block, numbers))
    return groups


def footnote_units(document: Document) -> list[Unit]:
    order = printed_footnote_order(document)
    units = []
    for footnote_id, number in sorted(order.items(), key=lambda item: item[1]):
        text = plain_text(document.footnotes[footnote_id].content)
        units.append(Unit(f"footnote {number}", text, extract_tokens(text)))
    return units
