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
PROPOSAL_OUTER = QTextFormat.Property.UserProperty + 14
"""The proposals a run is nested in, outermost first, as "id:role|id:role" (a deletion of ours
inside another delegation's pending insertion has theirs here); unset at the top level. The
run's own proposal (the innermost) is :data:`PROPOSAL_ID` / :data:`PROPOSAL_ROLE`."""

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
    # The indent is given in levels of the document's indent width (:data:`INDENT`, set by the
    # editor), not as a left margin: Qt puts a block's indent on the side the text starts from,
    # the right in Arabic, where a left margin stays on the left (the first-line indent follows
    # the text's direction either way).
    fmt.setLeftMargin(0)
    fmt.setIndent(round(left / INDENT))
    fmt.setTextIndent(first)


def start_margin(fmt: QTextBlockFormat) -> float:
    """How far a paragraph's lines are indented from the side its text starts from."""
    return fmt.indent() * INDENT + fmt.leftMargin()


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


def proposal_path(fmt: QTextCharFormat) -> tuple[tuple[str, str], ...]:
    """The proposals a run belongs to as (id, role) pairs, outermost first; () outside any."""
    proposal_id = fmt.property(PROPOSAL_ID)
    if not isinstance(proposal_id, str) or not proposal_id:
        return ()
    return (*outer_of(fmt), (proposal_id, str(fmt.property(PROPOSAL_ROLE))))


def outer_of(fmt: QTextCharFormat) -> tuple[tuple[str, str], ...]:
    """The proposals a run is nested in (:data:`PROPOSAL_OUTER`), outermost first."""
    value = fmt.property(PROPOSAL_OUTER)
    if not isinstance(value, str) or not value:
        return ()
    return tuple(tuple(item.rsplit(":", 1)) for item in value.split("|"))  # type: ignore[misc]


def set_outer(fmt: QTextCharFormat, outer: tuple[tuple[str, str], ...]) -> QTextCharFormat:
    """``fmt`` nested in the proposals ``outer`` (outermost first; () for the top level)."""
    if outer:
        fmt.setProperty(PROPOSAL_OUTER, "|".join(f"{pid}:{role}" for pid, role in outer))
    else:
        fmt.clearProperty(PROPOSAL_OUTER)
    return fmt


def marks_of(fmt: QTextCharFormat) -> frozenset[Mark]:
    """The model marks of a run. A proposal's own strike/underline (or that of a proposal the
    run is nested in) is its role, not a mark."""
    roles = {role for _id, role in proposal_path(fmt)}
    marks = set()
    if fmt.fontItalic():
        marks.add(Mark.ITALIC)
    if fmt.fontWeight() >= QFont.Weight.DemiBold:
        marks.add(Mark.BOLD)
    if fmt.fontUnderline() and "inserted" not in roles:
        marks.add(Mark.UNDERLINE)
    if fmt.fontStrikeOut() and "deleted" not in roles:
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


PALETTE = (
    "#0072b2",  # blue
    "#d55e00",  # vermilion
    "#a11212",  # dark red
    "#4d00e6",  # violet
    "#33994d",  # green
    "#2d4a86",  # navy
    "#1791cf",  # sky blue
    "#a85024",  # brown
    "#367d4d",  # dark green
    "#1284a1",  # teal
    "#b24d90",  # magenta
    "#4048bf",  # indigo
)
"""Delegation colours, in the order they are handed out. Chosen to keep any two apart for
readers with and without colour blindness: the smallest CIEDE2000 difference between two of
them, for normal vision and for simulated protanopia and deuteranopia (Machado 2009), is 9
over all twelve and 14 over the first six; each reads on white (contrast 3.5:1 or more) and
is far from the greys (unnamed delegations, withdrawn and rejected proposals)."""
UNNAMED_COLOUR = "#555555"
GREYED_COLOUR = "#9a9a9a"
"""A proposal withdrawn or rejected but still in the text."""


class DelegationColours:
    """Which colour each delegation's proposals are drawn in.

    A colour the user chose (Preferences) comes first. Otherwise a delegation gets the colour of
    :data:`PALETTE` its name hashes to, unless a delegation met before it has that one: then the
    next free one. In a document (:meth:`assign`, in order of appearance) the first twelve
    delegations thus get twelve different colours, always the same ones for the same document,
    and a delegation mostly keeps its colour from one document to the next; past twelve the hash
    decides alone. Where there is no document at hand (:meth:`colour`: the surface writer, a
    comparison) the delegations met so far in the session take the place of the document's.
    """

    def __init__(self) -> None:
        self._chosen: dict[str, str] = {}
        self._given: dict[str, int] = {}
        self._seen: dict[str, None] = {}

    def set_chosen(self, colours: dict[str, str]) -> bool:
        """The user's own colours (delegation -> "#rrggbb"); True if they changed."""
        cleaned = {name: QColor(value).name() for name, value in colours.items() if QColor(value).isValid()}
        if cleaned == self._chosen:
            return False
        self._chosen = cleaned
        return True

    def chosen(self) -> dict[str, str]:
        return dict(self._chosen)

    def known(self) -> list[str]:
        """Every delegation coloured so far, in the order they were met."""
        return list(dict.fromkeys([*self._given, *self._seen, *self._chosen]))

    def colour(self, author: str | None) -> QColor:
        if not author:
            return QColor(UNNAMED_COLOUR)
        chosen = self._chosen.get(author)
        if chosen is not None:
            return QColor(chosen)
        index = self._given.get(author)
        if index is None:
            index = self._give(author)
        return QColor(PALETTE[index])

    def assign(self, authors: list[str]) -> dict[str, QColor]:
        """The colours of a document's delegations, ``authors`` in order of appearance."""
        taken = {PALETTE.index(c) for c in self._chosen.values() if c in PALETTE}
        result: dict[str, QColor] = {}
        for author in authors:
            if not author or author in result:
                continue
            self._seen.setdefault(author)
            chosen = self._chosen.get(author)
            if chosen is not None:
                result[author] = QColor(chosen)
                continue
            index = _free(author, taken)
            taken.add(index)
            result[author] = QColor(PALETTE[index])
        return result

    def automatic(self, author: str) -> QColor:
        """The colour ``author`` has, or would get, when the user chose none."""
        index = self._given.get(author)
        return QColor(PALETTE[index if index is not None else self._free_for(author)])

    def _give(self, author: str) -> int:
        index = self._given[author] = self._free_for(author)
        return index

    def _free_for(self, author: str) -> int:
        taken = set(self._given.values()) | {PALETTE.index(c) for c in self._chosen.values() if c in PALETTE}
        return _free(author, taken)


def _free(author: str, taken: set[int]) -> int:
    """The palette index ``author`` hashes to, or the next one not ``taken`` (the hash's own
    when all are taken)."""
    index = preferred = hashlib.sha1(author.encode("utf-8")).digest()[0] % len(PALETTE)
    if len(taken) >= len(PALETTE):
        return preferred
    while index in taken:
        index = (index + 1) % len(PALETTE)
    return index


DELEGATION_COLOURS = DelegationColours()


def delegation_colour(author: str | None) -> QColor:
    """A stable colour per delegation, so everyone sees Mexico's proposals in the same colour
    (see :class:`DelegationColours`)."""
    return DELEGATION_COLOURS.colour(author)


def set_delegation_colours(colours: dict[str, str]) -> bool:
    """The colours chosen in Preferences (delegation -> "#rrggbb"); True if they changed."""
    return DELEGATION_COLOURS.set_chosen(colours)


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
    for prop in (NOTE_ID, PROPOSAL_ID, PROPOSAL_ROLE, PROPOSAL_OUTER, MARKER_JOINER):
        clean.clearProperty(prop)
    clean.setObjectType(0)
    clean.clearForeground()
    clean.setToolTip("")
    return clean
