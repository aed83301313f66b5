"""Numbers and labels derived from order: operative numbers, subparagraph labels, list
numbers, section numerals and footnote numbers. Nothing here is ever stored in a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from drafting.model import Block, BlockKind, Document, NoteRef, ProposalSpan, iter_inlines, plain_text

_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(number: int) -> str:
    """Lower-case roman numeral for ``number`` (1 -> "i")."""
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """Value of a roman numeral (either case), or None if ``text`` is not one."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    text = text.lower()
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = values[c]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if roman(total) == text else None


def letters(number: int) -> str:
    """Alphabetic label: 1 -> a, 26 -> z, 27 -> aa (as UN texts continue after (z))."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
"""The Arabic letters in abjad order, as Arabic UN texts letter subparagraphs: (a) (أ), (b) (ب),
(c) (ج), (d) (د), (e) (هـ) … (docs/checks.md, "Labels in each language")."""


def abjad(number: int) -> str:
    """Arabic subparagraph letter: 1 -> أ, 5 -> هـ (the isolated hā' written with a tatweel, as
    printed), 29 -> أأ."""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, len(ABJAD))
        letter = ABJAD[rest]
        out = (letter + "ـ" if letter == "ه" else letter) + out
    return out


def operative_label(number: int, language: str = "en") -> str:
    """The printed number of an operative paragraph: "5." ; in Arabic "5 -" (a dot would sit on
    the wrong side of the number in right-to-left text; UN Arabic texts print "5 -")."""
    return f"{number} -" if language == "ar" else f"{number}."


def label_stem(label: str) -> str:
    """A printed label without its closing mark: "5." -> "5", "5 -" -> "5"."""
    return label.removesuffix(" -").rstrip(".")


def label_end(language: str) -> str:
    return " -" if language == "ar" else "."


def subparagraph_label(depth: int, index: int, language: str = "en") -> str:
    """Label of the ``index``-th (1-based) subparagraph at ``depth`` (1 = first degree).

    English: (a), (i), a., i.; French and Spanish drop the opening parenthesis: a), i).
    Arabic letters the first degree in abjad order, (أ), (ب); its deeper degrees are as in
    English (not verified against Arabic UN texts).
    """
    cycle = (depth - 1) % 4
    if language == "ar" and cycle == 0:
        return f"({abjad(index)})"
    core = letters(index) if cycle in (0, 2) else roman(index)
    if cycle >= 2:
        return f"{core}."
    if language in ("fr", "es"):
        return f"{core})"
    return f"({core})"


@dataclass(frozen=True)
class BlockLabel:
    """What a block is called: its printed label ("5.", "(a)", "II.") and a human reference."""

    label: str | None
    reference: str


def block_labels(document: Document, *, provisional: bool = True) -> dict[str, BlockLabel]:
    """Labels for every block, derived from order. A reference names one place: where list
    numbering starts again under a new heading (a concept paper's "1." in sections I and II),
    list items are named with their section ("section II, item 5").

    ``provisional``: a preambular or operative paragraph proposed in full (:func:`proposed_in_full`)
    takes no number until it is adopted; it is named after the paragraph before it, "OP 4 bis",
    "OP 4 ter" (:func:`latin_ordinal`), so that the agreed paragraphs keep their numbers while
    the negotiation goes on (conventions §5.3). False numbers it as if adopted, as Word numbers a
    tracked insertion (the Word export with tracked changes)."""
    labels = _block_labels(document, qualify=False, provisional=provisional)
    items = [labels[b.id].reference for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    if len(items) != len(set(items)):
        labels = _block_labels(document, qualify=True, provisional=provisional)
    return labels


LATIN_ORDINALS = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
    "undecies",
    "duodecies",
    "terdecies",
    "quaterdecies",
    "quindecies",
    "sexdecies",
    "septdecies",
    "octodecies",
    "novodecies",
    "vicies",
)
"""What follows the number of a paragraph inserted after it: the first "bis", the second "ter"."""


def latin_ordinal(count: int) -> str:
    """The ``count``-th (1-based) paragraph proposed after the same one: "bis", "ter", "quater"
    …; past the twentieth, "vicies 2", "vicies 3"."""
    if count <= len(LATIN_ORDINALS):
        return LATIN_ORDINALS[count - 1]
    return f"{LATIN_ORDINALS[-1]} {count - len(LATIN_ORDINALS) + 1}"


PROVISIONAL_KINDS = (BlockKind.PREAMBULAR, BlockKind.OPERATIVE)
"""The paragraphs that take "bis" labels while proposed in full (subparagraphs take letters)."""


def proposed_in_full(block: Block) -> bool:
    """Whether the paragraph's whole text is one proposed insertion (a new paragraph proposed,
    or the new place of a paragraph proposed to move): it is not in the text until adopted."""
    content = block.content
    return (
        len(content) == 1
        and isinstance(content[0], ProposalSpan)
        and not content[0].deleted
        and bool(content[0].inserted)
    )


def provisional_label(
    kind: BlockKind, after: int, count: int, numbered: bool = True, language: str = "en"
) -> BlockLabel:
    """ "4 bis." / "OP 4 bis": the ``count``-th paragraph of ``kind`` proposed after paragraph
    ``after`` of that kind (0 before the first)."""
    suffix = latin_ordinal(count)
    if kind is BlockKind.OPERATIVE:
        label = f"{after} {suffix}{label_end(language)}" if numbered else None
        return BlockLabel(label, f"OP {after} {suffix}")
    return BlockLabel(None, f"PP {after} {suffix}")


def _block_labels(document: Document, *, qualify: bool, provisional: bool) -> dict[str, BlockLabel]:
    labels: dict[str, BlockLabel] = {}
    for i, block in enumerate(document.front, start=1):
        labels[block.id] = BlockLabel(None, f"front {i}")
    pp = op = heading = item = para = 0
    section = ""
    alternatives: dict[str, int] = {}
    proposed = dict.fromkeys(PROVISIONAL_KINDS, 0)  # proposed in full since the last numbered one
    for block in document.blocks:
        if block.alternative_to is not None and block.alternative_to in labels:
            labels[block.id] = alternative_label(
                labels[block.alternative_to], alternatives, block.alternative_to, document.language
            )
            _label_children(block, labels[block.id].reference, 1, document.language, labels)
            continue
        kind = block.kind
        if provisional and kind in proposed and proposed_in_full(block):
            proposed[kind] += 1
            after = pp if kind is BlockKind.PREAMBULAR else op
            labels[block.id] = provisional_label(
                kind, after, proposed[kind], block.numbered, document.language
            )
            _label_children(block, labels[block.id].reference, 1, document.language, labels)
            item = 0
            continue
        if kind in proposed:
            proposed[kind] = 0
        if kind is BlockKind.PREAMBULAR:
            pp += 1
            labels[block.id] = BlockLabel(None, f"PP {pp}")
        elif kind is BlockKind.OPERATIVE:
            op += 1
            # the single operative paragraph of "The General Assembly / Adopts …" is unnumbered
            label = operative_label(op, document.language) if block.numbered else None
            labels[block.id] = BlockLabel(label, f"OP {op}")
        elif kind is BlockKind.HEADING:
            if block.numbered:
                heading += 1
                numeral = roman(heading).upper()
                labels[block.id] = BlockLabel(f"{numeral}.", f"section {numeral}")
                section = f"section {numeral}"
            else:
                labels[block.id] = BlockLabel(None, "heading")
                section = short_heading(plain_text(block.content))
        elif kind is BlockKind.LIST_ITEM:
            item += 1
            # after a resolution's operative part, numbered paragraphs are the annex's own
            name = f"{'annex para' if op else 'item'} {item}"
            labels[block.id] = BlockLabel(f"{item}.", f"{section}, {name}" if qualify and section else name)
        else:
            para += 1
            labels[block.id] = BlockLabel(None, f"paragraph {para}")
        if kind is not BlockKind.LIST_ITEM and not (op and continues_list(block)):
            item = 0
        _label_children(block, labels[block.id].reference, 1, document.language, labels)
    return labels


def alternative_label(
    of: BlockLabel, counts: dict[str, int], target: str, language: str = "en"
) -> BlockLabel:
    """ "OP 5 alt", "OP 5 alt 2": the label negotiators give a paragraph proposed in place of OP 5."""
    counts[target] = counts.get(target, 0) + 1
    suffix = " alt" if counts[target] == 1 else f" alt {counts[target]}"
    label = f"{label_stem(of.label)}{suffix}{label_end(language)}" if of.label else None
    return BlockLabel(label, of.reference + suffix)


def short_heading(text: str, limit: int = 30) -> str:
    """An unnumbered heading as it qualifies a reference: its words, cut at ``limit``."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ANNEX_HEADING = re.compile(r"^(?:Annex|ANNEX|Annexe|Anexo|Приложение|附件|المرفق)\b")


def continues_list(block: Block) -> bool:
    """After a resolution's operative part, list items are the paragraphs of an annex or of
    the declaration it adopts: numbered straight through headings and unnumbered paragraphs,
    from 1 again only under a new "Annex" heading."""
    if block.kind is BlockKind.HEADING:
        return not annex_heading(plain_text(block.content))
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH)


def annex_heading(text: str) -> bool:
    return bool(_ANNEX_HEADING.match(text.strip()))


def _label_children(
    parent: Block, prefix: str, depth: int, language: str, labels: dict[str, BlockLabel]
) -> None:
    for index, child in enumerate(parent.children, start=1):
        label = subparagraph_label(depth, index, language)
        reference = f"{prefix} {label}"
        labels[child.id] = BlockLabel(label, reference)
        _label_children(child, reference, depth + 1, language, labels)


FOOTNOTE_REGIMES = ("legacy", "current")
"""How footnote indicators may repeat: "legacy", a repeated reference re-uses the number (older
Editorial Manual, as in A/RES/67/193); "current", every reference is a footnote of its own."""


def cited_footnotes(document: Document) -> Iterator[str]:
    """The footnote id of every reference in the text, in reading order (repeats included)."""
    for block in document.iter_blocks():
        for node in block.content:  # iter_inlines' order, without a generator per paragraph
            if isinstance(node, NoteRef):
                yield node.footnote_id
            elif isinstance(node, ProposalSpan):
                for inner in iter_inlines(node.deleted + node.inserted):
                    if isinstance(inner, NoteRef):
                        yield inner.footnote_id


def footnote_reference_counts(document: Document, cited: Iterable[str] | None = None) -> dict[str, int]:
    """Footnote id -> how often the text cites it (repeated references count; an id the
    text never cites is absent, so ``.get(id, 0) == 0`` means orphaned). ``cited``: the
    references as :func:`cited_footnotes` lists them, when the caller has them already."""
    counts: dict[str, int] = {}
    for footnote_id in cited_footnotes(document) if cited is None else cited:
        counts[footnote_id] = counts.get(footnote_id, 0) + 1
    return counts


def footnote_numbers(document: Document, cited: Iterable[str] | None = None) -> dict[str, int]:
    """Footnote id -> number, in order of first reference.

    Footnotes that nothing references are numbered after the referenced ones, in the
    order they are stored, so that they still print (the checker reports them). ``cited``
    as for :func:`footnote_reference_counts`.
    """
    numbers: dict[str, int] = {}
    for footnote_id in cited_footnotes(document) if cited is None else cited:
        if footnote_id in document.footnotes and footnote_id not in numbers:
            numbers[footnote_id] = len(numbers) + 1
    for footnote_id in document.footnotes:
        numbers.setdefault(footnote_id, len(numbers) + 1)
    return numbers
