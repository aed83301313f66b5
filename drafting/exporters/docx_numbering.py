"""Word automatic numbering for the numbers Penholder derives from order: operative numbers,
subparagraph labels, section numerals and list numbers (``word/numbering.xml``).

Because Word (and LibreOffice) count the paragraphs themselves, the numbers stay right after
accepting or rejecting tracked changes and after a user's own edits: a paragraph whose
deletion is tracked (its paragraph mark deleted) takes no number once accepted and gets its
old number back when rejected.

The lists, restarting where the UN restarts (the same rules as :func:`drafting.numbering.block_labels`):

* operative paragraphs: one list, "1." at level 0, never restarting; their subparagraphs are
  the deeper levels of the same list, "(a)" at level 1, "(i)" at level 2, then "a." and "i.",
  so they restart under each operative paragraph by themselves;
* numbered section headings: one list, "I.", subparagraphs below them as above;
* list items ("1." in concept papers and annexes): one list per run of items, which is where
  :func:`~drafting.numbering.block_labels` starts again from 1;
* subparagraphs of an unnumbered paragraph (a preambular paragraph, a plain paragraph): one
  list per such paragraph, starting from "(a)".

Every list has an abstract definition of its own, so no reader has to decide whether two
lists sharing a definition continue each other's count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.exporters.docx_parts import INDENT, XML_HEAD
from drafting.model import Block, BlockKind, Document
from drafting.numbering import (
    ABJAD,
    PROVISIONAL_KINDS,
    abjad,
    continues_list,
    letters,
    proposed_in_full,
    roman,
)
from drafting.ooxml import W_NS

MAX_LEVEL = 8


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    left: int
    runover_to_margin: bool = False
    """UN print style for operative paragraphs: the number indented 1 cm on the first line,
    the text from 2 cm, the following lines from the margin (A/RES documents as printed)."""

    def ppr(self) -> str:
        if self.runover_to_margin:
            return (
                f'<w:pPr><w:tabs><w:tab w:val="left" w:pos="{2 * INDENT}"/></w:tabs>'
                f'<w:ind w:left="0" w:firstLine="{INDENT}"/></w:pPr>'
            )
        return f'<w:pPr><w:ind w:left="{self.left}" w:hanging="{INDENT}"/></w:pPr>'


@dataclass
class NumberingPlan:
    """Which list and level numbers each block, and the list definitions."""

    paragraphs: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Block id -> (numId, ilvl)."""
    lists: list[list[_Level]] = field(default_factory=list)
    """numId n is ``lists[n - 1]``, with an abstract definition of its own (id n - 1)."""

    def num_pr(self, block_id: str) -> tuple[int, int] | None:
        return self.paragraphs.get(block_id)

    def xml(self) -> bytes:
        abstracts = []
        nums = []
        for index, levels in enumerate(self.lists):
            lvls = "".join(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{level.fmt}"/>'
                f'<w:lvlText w:val="{level.text}"/><w:lvlJc w:val="left"/>{level.ppr()}</w:lvl>'
                for ilvl, level in enumerate(levels)
            )
            abstracts.append(
                f'<w:abstractNum w:abstractNumId="{index}"><w:multiLevelType w:val="multilevel"/>'
                f"{lvls}</w:abstractNum>"
            )
            nums.append(f'<w:num w:numId="{index + 1}"><w:abstractNumId w:val="{index}"/></w:num>')
        return (
            XML_HEAD + f'<w:numbering xmlns:w="{W_NS}">' + "".join(abstracts + nums) + "</w:numbering>"
        ).encode()


def subparagraph_level(depth: int, ilvl: int, language: str) -> _Level:
    """The level for subparagraphs of ``depth`` (1 = "(a)") at list level ``ilvl``; the
    labels of :func:`drafting.numbering.subparagraph_label`."""
    cycle = (depth - 1) % 4
    fmt = "lowerLetter" if cycle in (0, 2) else "lowerRoman"
    placeholder = f"%{ilvl + 1}"
    if language == "ar" and cycle == 0:
        fmt = "arabicAbjad"  # (أ), (ب), (ج) …
    if cycle >= 2:
        text = f"{placeholder}."
    elif language in ("fr", "es"):
        text = f"{placeholder})"
    else:
        text = f"({placeholder})"
    return _Level(fmt, text, (3 if depth <= 1 else 4) * INDENT)


def _numbered_list(fmt: str, language: str, *, runover_to_margin: bool = False) -> list[_Level]:
    """Level 0 numbers the paragraphs ("1.", "I."); the deeper levels their subparagraphs."""
    top = _Level(
        fmt, "%1 -" if language == "ar" and fmt == "decimal" else "%1.", 2 * INDENT, runover_to_margin
    )
    return [top, *(subparagraph_level(ilvl, ilvl, language) for ilvl in range(1, MAX_LEVEL + 1))]


def _subparagraph_list(language: str) -> list[_Level]:
    return [subparagraph_level(ilvl + 1, ilvl, language) for ilvl in range(MAX_LEVEL + 1)]


class _Planner:
    def __init__(self, language: str) -> None:
        self.language = language
        self.plan = NumberingPlan()

    def new_list(self, levels: list[_Level]) -> int:
        self.plan.lists.append(levels)
        return len(self.plan.lists)

    def children(self, parent: Block, num_id: int | None, ilvl: int) -> None:
        """Subparagraphs: the next level of the parent's list, or a list of their own."""
        if not parent.children:
            return
        if num_id is None:
            num_id, ilvl = self.new_list(_subparagraph_list(self.language)), -1
        for child in parent.children:
            level = min(ilvl + 1, MAX_LEVEL)
            self.plan.paragraphs[child.id] = (num_id, level)
            self.children(child, num_id, level)


def plan_numbering(document: Document, *, provisional: bool = False) -> NumberingPlan:
    """The lists that number ``document``'s blocks as :func:`block_labels` labels them
    (``provisional`` as there: a paragraph proposed in full is typed "4 bis." and takes no number)."""
    planner = _Planner(document.language)
    operative = heading = item = None
    op = 0
    for block in document.blocks:
        if block.alternative_to is not None or (
            provisional and block.kind in PROVISIONAL_KINDS and proposed_in_full(block)
        ):
            # "5 alt." and "4 bis." are typed (Word's lists cannot print them) and take no number; their
            # subparagraphs get a list of their own
            planner.children(block, None, -1)
            continue
        kind = block.kind
        num: int | None = None
        if kind is BlockKind.OPERATIVE:
            op += 1
            if block.numbered:
                operative = operative or planner.new_list(
                    _numbered_list("decimal", document.language, runover_to_margin=True)
                )
                num = operative
        elif kind is BlockKind.HEADING and block.numbered:
            heading = heading or planner.new_list(_numbered_list("upperRoman", document.language))
            num = heading
        elif kind is BlockKind.LIST_ITEM:
            item = item or planner.new_list(_numbered_list("decimal", document.language))
            num = item
        if kind is not BlockKind.LIST_ITEM and not (op and continues_list(block)):
            item = None
        if num is not None:
            planner.plan.paragraphs[block.id] = (num, 0)
        planner.children(block, num, 0 if num is not None else -1)
    return planner.plan


def printed_labels(plan: NumberingPlan, order: list[str]) -> dict[str, str]:
    """The labels Word prints for the blocks ``order`` (ids in document order) under ``plan``:
    a level counts up, deeper levels start again."""
    counters: dict[int, list[int]] = {}
    out: dict[str, str] = {}
    for block_id in order:
        num = plan.paragraphs.get(block_id)
        if num is None:
            continue
        num_id, ilvl = num
        count = counters.setdefault(num_id, [0] * (MAX_LEVEL + 1))
        count[ilvl] += 1
        count[ilvl + 1 :] = [0] * (MAX_LEVEL - ilvl)
        level = plan.lists[num_id - 1][ilvl]
        out[block_id] = level.text.replace(f"%{ilvl + 1}", _format(count[ilvl], level.fmt))
    return out


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":  # Word goes on after z with aa, bb, …; Penholder with aa, ab, …
        return letters((value - 1) % 26 + 1) * ((value - 1) // 26 + 1)
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "arabicAbjad":  # past the 28 letters Word's sequence is not Penholder's: typed then
        return abjad(value) if value <= len(ABJAD) else "?"
    return str(value)
