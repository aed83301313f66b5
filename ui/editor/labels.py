"""Live paragraph labels for the surface: "12.", "(a)", "II.", drawn in the margin.

Computed from the block formats alone (kind, depth), so numbering follows every keystroke
that changes structure without reading the document into the model. The rules are those of
:mod:`drafting.numbering` (which labels the model); a test checks the two agree.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

from drafting.model import BlockKind
from drafting.numbering import (
    BlockLabel,
    alternative_label,
    annex_heading,
    operative_label,
    provisional_label,
    roman,
    short_heading,
    subparagraph_label,
)
from ui.editor import formats
from ui.editor.suggesting.surface import fragments

_OP = BlockKind.OPERATIVE.value
_PP = BlockKind.PREAMBULAR.value
_SUB = BlockKind.SUBPARAGRAPH.value
_HEAD = BlockKind.HEADING.value
_PARA = BlockKind.PARAGRAPH.value
_ITEM = BlockKind.LIST_ITEM.value
_INSERTED = "inserted"
"""The surface role of a proposal's inserted text (``formats.PROPOSAL_ROLE``)."""


def _proposed_in_full(block: QTextBlock) -> bool:
    """Same rule as :func:`drafting.numbering.proposed_in_full`: every character of the
    paragraph is inserted text of one proposal."""
    proposal: object = None
    for fragment in fragments(block):
        path = formats.proposal_path(fragment.charFormat())
        if not path or path[0][1] != _INSERTED:  # the outermost: words struck in it stay in it
            return False
        if proposal is None:
            proposal = path[0][0]
        elif path[0][0] != proposal:
            return False
    return proposal is not None


def _continues_list(kind: str, text: str) -> bool:
    """Same rule as :func:`drafting.numbering.continues_list`."""
    if kind == _HEAD:
        return not annex_heading(text)
    return kind == _PARA


def surface_labels(qdoc: QTextDocument, language: str = "en") -> tuple[list[str | None], list[str]]:
    """Per block number: the printed label (or None) and the reference ("OP 12", "PP 3"), as
    :func:`drafting.numbering.block_labels` names them ("section II, item 5" where list
    numbering starts again under each heading)."""
    labels, references, items = _surface_labels(qdoc, language, qualify=False)
    if len(items) != len(set(items)):
        labels, references, _ = _surface_labels(qdoc, language, qualify=True)
    return labels, references


def _surface_labels(
    qdoc: QTextDocument, language: str, *, qualify: bool
) -> tuple[list[str | None], list[str], list[str]]:
    labels: list[str | None] = []
    items: list[str] = []
    section = ""
    references: list[str] = []
    pp = op = heading = item = para = 0
    counters: list[int] = []  # subparagraph counters per depth under the current parent
    parent_reference = ""
    named: dict[str, BlockLabel] = {}  # by block id, for alternatives ("OP 5 alt")
    alternatives: dict[str, int] = {}
    proposed = {_PP: 0, _OP: 0}  # paragraphs proposed in full since the last numbered one ("4 bis")
    block = qdoc.firstBlock()
    while block.isValid():
        fmt = block.blockFormat()
        kind = formats.kind_of(fmt)
        label: str | None = None
        target = formats.alternative_to_of(fmt) if kind != _SUB else None
        if target is not None and target in named:
            alternative = alternative_label(named[target], alternatives, target, language)
            label, reference = alternative.label, alternative.reference
        elif kind in proposed and _proposed_in_full(block):
            proposed[kind] += 1
            numbered = fmt.property(formats.BLOCK_NUMBERED) is not False
            provisional = provisional_label(
                BlockKind(kind), op if kind == _OP else pp, proposed[kind], numbered, language
            )
            label, reference = provisional.label, provisional.reference
        elif kind == _SUB and parent_reference:
            depth = max(1, min(formats.depth_of(fmt), len(counters) + 1))
            del counters[depth:]
            while len(counters) < depth:
                counters.append(0)
            counters[depth - 1] += 1
            label = subparagraph_label(depth, counters[depth - 1], language)
            chain = [subparagraph_label(d + 1, counters[d], language) for d in range(depth)]
            reference = " ".join([parent_reference, *chain])
        elif kind == _OP:
            proposed[_OP] = 0
            op += 1
            numbered = fmt.property(formats.BLOCK_NUMBERED) is not False
            label, reference = (operative_label(op, language) if numbered else None), f"OP {op}"
        elif kind == _PP:
            proposed[_PP] = 0
            pp += 1
            reference = f"PP {pp}"
        elif kind == _HEAD:
            if fmt.property(formats.BLOCK_NUMBERED) is not False:
                heading += 1
                numeral = roman(heading).upper()
                label, reference = f"{numeral}.", f"section {numeral}"
                section = reference
            else:
                reference = "heading"
                section = short_heading(block.text())
        elif kind == _ITEM:
            item += 1
            name = f"{'annex para' if op else 'item'} {item}"
            label, reference = f"{item}.", (f"{section}, {name}" if qualify and section else name)
            items.append(reference)
        elif kind == formats.TITLE:
            reference = "title"
        elif kind == formats.ORGAN_LINE:
            reference = "organ line"
        elif kind == formats.FRONT:
            reference = "covering text"
        else:
            para += 1
            reference = f"paragraph {para}"
        if kind not in (_ITEM, _SUB) and not (op and _continues_list(kind, block.text())):
            item = 0
        if kind != _SUB:
            counters = []
            parent_reference = (
                reference if kind not in (formats.TITLE, formats.ORGAN_LINE, formats.FRONT) else ""
            )
        block_id = formats.id_of(fmt)
        if block_id is not None and kind != _SUB:
            named[block_id] = BlockLabel(label, reference)
        labels.append(label)
        references.append(reference)
        block = block.next()
    return labels, references, items
