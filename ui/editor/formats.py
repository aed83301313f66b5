"""How the model's paragraphs and runs are carried in a ``QTextDocument``.

A paragraph's identity (kind, subparagraph depth, stable id) lives in user properties of its
``QTextBlockFormat``; a run's model meaning (footnote reference, proposal role) in user
properties of its ``QTextCharFormat``. Layout (indents, alignment, fonts) is derived from the
kind here, in one place, so every code path that creates a paragraph draws it the same way.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from drafting.model import BlockKind, Mark

BLOCK_KIND = QTextFormat.Property.UserProperty + 1
BLOCK_DEPTH = QTextFormat.Property.UserProperty + 2
BLOCK_ID = QTextFormat.Property.UserProperty + 3
BLOCK_NUMBERED = QTextFormat.Property.UserProperty + 4
BLOCK_ALTERNATIVE_TO = QTextFormat.Property.UserProperty + 5
"""The id of the paragraph this one is an alternative to ("OP 5 alt"), if it is one."""
BLOCK_AGREED = QTextFormat.Property.UserProperty + 6
"""True on a paragraph agreed ad referendum."""
NOTE_ID = QTextFormat.Property.UserProperty + 10
PROPOSAL_ID = QTextFormat.Property.UserProperty + 11
PROPOSAL_ROLE = QTextFormat.Property.UserProperty + 12
""""deleted" or "inserted"."""
MARKER_JOINER = QTextFormat.Property.UserProperty + 13
"""Set on the surface's own word joiner before a footnote marker (see :data:`JOINER`)."""

FOOTNOTE_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
OBJECT_CHAR = "\ufffc"
JOINER = "\u2060"
"""WORD JOINER, written before every footnote marker on the surface (never in the model).

Qt's line breaker allows a break before U+FFFC (class CB in UAX #14), so a marker could start
a line on its own; no break is allowed on either side of a word joiner, so the marker keeps
to the word before it, as in Word and the printed documents. After a space Qt still breaks
(at the space). The joiner is zero-width and invisible, carries :data:`MARKER_JOINER`, and is
dropped by the reader; a joiner the model's own text holds has no such property and is kept."""

TITLE = "title"
ORGAN_LINE = "organ_line"
FRONT = "front"
SPECIAL_KINDS = (TITLE, ORGAN_LINE, FRONT)

INDENT = 36.0
"""One indentation step in pixels at 100 % (≈ 1.27 cm at 72 dpi, the UN first-line indent)."""
PARAGRAPH_GAP = 10.0

KIND_NAMES = {
    BlockKind.PREAMBULAR.value: "Preambular paragraph",
    BlockKind.OPERATIVE.value: "Operative paragraph",
    BlockKind.SUBPARAGRAPH.value: "Subparagraph",
    BlockKind.HEADING.value: "Heading",
    BlockKind.LIST_ITEM.value: "List item",
    BlockKind.PARAGRAPH.value: "Paragraph",
    TITLE: "Title",
    ORGAN_LINE: "Organ line",
    FRONT: "Covering text",
}


def block_format(
    kind: str,
    *,
    block_id: str,
    depth: int = 0,
    numbered: bool = True,
    alternative_to: str | None = None,
    agreed_ad_ref: bool = False,
) -> QTextBlockFormat:
    """The block format for a paragraph of ``kind``: identity properties plus its layout."""
    fmt = QTextBlockFormat()
    fmt.setProperty(BLOCK_KIND, kind)
    fmt.setProperty(BLOCK_ID, block_id)
    fmt.setProperty(BLOCK_DEPTH, depth)
    fmt.setProperty(BLOCK_NUMBERED, numbered)
    if alternative_to is not None:
        fmt.setProperty(BLOCK_ALTERNATIVE_TO, alternative_to)
    if agreed_ad_ref:
        fmt.setProperty(BLOCK_AGREED, True)
    apply_layout(fmt, kind, depth)
    return fmt


def apply_layout(fmt: QTextBlockFormat, kind: str, depth: int) -> None:
    """Indents and alignment as the text circulates (numbers are painted into the indent)."""
    fmt.setBottomMargin(PARAGRAPH_GAP)
    fmt.setTopMargin(0)
    fmt.setAlignment(Qt.AlignmentFlag.AlignJustify)
    left, first = 0.0, 0.0
    if kind == BlockKind.PREAMBULAR.value:
        first = INDENT
    elif kind == BlockKind.OPERATIVE.value:
        first = 2 * INDENT
    elif kind == BlockKind.SUBPARAGRAPH.value:
        left = INDENT * (1 + max(depth, 1))
    elif kind == BlockKind.LIST_ITEM.value:
        left = INDENT
    elif kind == BlockKind.HEADING.value:
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setTopMargin(PARAGRAPH_GAP)
        first = INDENT  # the section numeral is painted in the indent
    elif kind == TITLE:
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
        fmt.setTopMargin(PARAGRAPH_GAP)
    elif kind == ORGAN_LINE:
        first = INDENT
        fmt.setTopMargin(PARAGRAPH_GAP)
    fmt.setLeftMargin(left)
    fmt.setTextIndent(first)


def kind_of(fmt: QTextBlockFormat) -> str:
    value = fmt.property(BLOCK_KIND)
    return value if isinstance(value, str) and value else BlockKind.PARAGRAPH.value


def depth_of(fmt: QTextBlockFormat) -> int:
    value = fmt.property(BLOCK_DEPTH)
    return value if isinstance(value, int) else 0


def id_of(fmt: QTextBlockFormat) -> str | None:
    value = fmt.property(BLOCK_ID)
    return value if isinstance(value, str) and value else None


def alternative_to_of(fmt: QTextBlockFormat) -> str | None:
    value = fmt.property(BLOCK_ALTERNATIVE_TO) if fmt.hasProperty(BLOCK_ALTERNATIVE_TO) else None
    return value if isinstance(value, str) and value else None


def agreed_of(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(BLOCK_AGREED) and bool(fmt.property(BLOCK_AGREED))


def marks_format(marks: frozenset[Mark], base: QTextCharFormat | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setFontItalic(Mark.ITALIC in marks)
    fmt.setFontWeight(QFont.Weight.Bold if Mark.BOLD in marks else QFont.Weight.Normal)
    fmt.setFontUnderline(Mark.UNDERLINE in marks)
    fmt.setFontStrikeOut(Mark.STRIKE in marks)
    fmt.setVerticalAlignment(
        QTextCharFormat.VerticalAlignment.AlignSuperScript
        if Mark.SUPERSCRIPT in marks
        else QTextCharFormat.VerticalAlignment.AlignNormal
    )
    return fmt


def marks_of(fmt: QTextCharFormat) -> frozenset[Mark]:
    """The model marks of a run. A proposal's own strike/underline is its role, not a mark."""
    role = fmt.property(PROPOSAL_ROLE)
    marks = set()
    if fmt.fontItalic():
        marks.add(Mark.ITALIC)
    if fmt.fontWeight() >= QFont.Weight.DemiBold:
        marks.add(Mark.BOLD)
    if fmt.fontUnderline() and role != "inserted":
        marks.add(Mark.UNDERLINE)
    if fmt.fontStrikeOut() and role != "deleted":
        marks.add(Mark.STRIKE)
    if fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript:
        marks.add(Mark.SUPERSCRIPT)
    return frozenset(marks)


def footnote_format(footnote_id: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(FOOTNOTE_OBJECT)
    fmt.setProperty(NOTE_ID, footnote_id)
    return fmt


def joiner_format(marker: QTextCharFormat) -> QTextCharFormat:
    """The format of the joiner before a marker of format ``marker``: not an object, no note,
    but in the same proposal (if any), so that it never splits a proposal on the surface."""
    fmt = QTextCharFormat(marker)
    fmt.clearProperty(NOTE_ID)
    fmt.setObjectType(0)
    fmt.setProperty(MARKER_JOINER, True)
    return fmt


def is_joiner(fmt: QTextFormat) -> bool:
    return bool(fmt.property(MARKER_JOINER))


_PALETTE = ("#1f5fbf", "#b8860b", "#2e8b57", "#8b3a8b", "#c0392b", "#00707a", "#7a5c00", "#4b4bb5")


def delegation_colour(author: str | None) -> QColor:
    """A stable colour per delegation, so everyone sees Mexico's proposals in the same colour."""
    if not author:
        return QColor("#555555")
    index = hashlib.sha1(author.encode("utf-8")).digest()[0] % len(_PALETTE)
    return QColor(_PALETTE[index])


def proposal_format(
    base: QTextCharFormat, proposal_id: str, role: str, colour: QColor, tooltip: str
) -> QTextCharFormat:
    fmt = QTextCharFormat(base)
    fmt.setProperty(PROPOSAL_ID, proposal_id)
    fmt.setProperty(PROPOSAL_ROLE, role)
    fmt.setForeground(colour)
    if role == "deleted":
        fmt.setFontStrikeOut(True)
    else:
        fmt.setFontUnderline(True)
    fmt.setToolTip(tooltip)
    return fmt


def plain_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` without the model properties: what newly typed text after a marker should carry."""
    clean = QTextCharFormat(fmt)
    for prop in (NOTE_ID, PROPOSAL_ID, PROPOSAL_ROLE, MARKER_JOINER):
        clean.clearProperty(prop)
    clean.setObjectType(0)
    clean.clearForeground()
    clean.setToolTip("")
    return clean
