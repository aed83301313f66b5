"""Short rich text between the model's inline content and a ``QTextDocument``.

Used where a small piece of inline content is edited in a ``QTextEdit`` (a footnote text).
Marks map to character formatting (italic, bold, underline, strike-out, superscript) so
the usual editing gestures work, and reading the document back turns the formatting into
marks again, merging adjacent runs that carry the same marks.

Footnote references and proposals are not expected in such short texts, but they must
survive an edit rather than vanish:

* a :class:`NoteRef` is one object replacement character (U+FFFC) whose format names the
  footnote id; it has no painter here, so it takes no room;
* a :class:`ProposalSpan` is shown as its deleted text then its inserted text, coloured
  (not struck or underlined, so that the colours are never read back as marks), each run
  naming the proposal id and its role. A span with neither text becomes one U+FFFC anchor.
  Proposal spans nested in a proposal span are not supported (their text is kept, flat).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from drafting.model import Inline, Mark, NoteRef, ProposalSpan, Text
from ui.editor import formats

OBJECT_CHARACTER = "\ufffc"

NOTE_REF_PROPERTY = QTextFormat.Property.UserProperty + 0x501
"""Character format property: the footnote id of a footnote reference character."""
PROPOSAL_PROPERTY = QTextFormat.Property.UserProperty + 0x502
"""Character format property: the proposal id of a run inside a proposal span."""
PROPOSAL_ROLE_PROPERTY = QTextFormat.Property.UserProperty + 0x503
"""Character format property: "deleted", "inserted" or "anchor" (an empty span)."""

_INLINE_OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 0x51

_DELETED_COLOURS = (QColor("#a4262c"), QColor("#fde7e9"))
_INSERTED_COLOURS = (QColor("#0b5cad"), QColor("#e5f1fb"))

# Characters a QTextEdit may hold that inline content never does.
_SEPARATORS = str.maketrans({"\u2028": " ", "\u2029": " ", "\n": " "})


def marks_to_format(marks: frozenset[Mark]) -> QTextCharFormat:
    """A character format showing ``marks`` (every mark set explicitly, on or off)."""
    return formats.marks_format(marks)


def format_to_marks(fmt: QTextCharFormat) -> frozenset[Mark]:
    """The marks a character format shows. Semi-bold pasted text counts as bold."""
    marks = set()
    if fmt.fontItalic():
        marks.add(Mark.ITALIC)
    if fmt.fontWeight() >= QFont.Weight.DemiBold:
        marks.add(Mark.BOLD)
    if fmt.fontUnderline():
        marks.add(Mark.UNDERLINE)
    if fmt.fontStrikeOut():
        marks.add(Mark.STRIKE)
    if fmt.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript:
        marks.add(Mark.SUPERSCRIPT)
    return frozenset(marks)


def content_to_qtextdocument(content: list[Inline], document: QTextDocument) -> None:
    """Replace everything in ``document`` with ``content``."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    _insert(cursor, content, None, None)
    cursor.endEditBlock()


def _insert(cursor: QTextCursor, content: list[Inline], proposal: str | None, role: str | None) -> None:
    for node in content:
        if isinstance(node, Text):
            if node.text:
                fmt = marks_to_format(node.marks)
                _tag_proposal(fmt, proposal, role)
                cursor.insertText(node.text.translate(_SEPARATORS), fmt)
        elif isinstance(node, NoteRef):
            fmt = _object_format()
            fmt.setProperty(NOTE_REF_PROPERTY, node.footnote_id)
            _tag_proposal(fmt, proposal, role)
            cursor.insertText(OBJECT_CHARACTER, fmt)
        elif isinstance(node, ProposalSpan):
            if proposal is not None:  # nested: keep the text, flat, in the outer span
                _insert(cursor, node.deleted, proposal, role)
                _insert(cursor, node.inserted, proposal, role)
            elif not node.deleted and not node.inserted:
                fmt = _object_format()
                _tag_proposal(fmt, node.proposal_id, "anchor")
                cursor.insertText(OBJECT_CHARACTER, fmt)
            else:
                _insert(cursor, node.deleted, node.proposal_id, "deleted")
                _insert(cursor, node.inserted, node.proposal_id, "inserted")


def _object_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(_INLINE_OBJECT_TYPE)
    return fmt


def _tag_proposal(fmt: QTextCharFormat, proposal: str | None, role: str | None) -> None:
    if proposal is None:
        return
    fmt.setProperty(PROPOSAL_PROPERTY, proposal)
    fmt.setProperty(PROPOSAL_ROLE_PROPERTY, role)
    if role in ("deleted", "inserted"):
        foreground, background = _DELETED_COLOURS if role == "deleted" else _INSERTED_COLOURS
        fmt.setForeground(foreground)
        fmt.setBackground(background)
        fmt.setToolTip("Proposed deletion" if role == "deleted" else "Proposed insertion")


def qtextdocument_to_content(document: QTextDocument) -> list[Inline]:
    """The inline content ``document`` holds.

    Paragraph breaks and line breaks become spaces (inline content is one paragraph).
    Adjacent runs with equal marks are merged and empty runs dropped.
    """
    out: list[Inline] = []
    open_span: ProposalSpan | None = None
    block = document.begin()
    first = True
    while block.isValid():
        if not first:
            open_span = _append_text(out, open_span, " ", frozenset(), None, None)
        first = False
        text = block.text()
        for run in block.textFormats():
            fmt = run.format
            proposal = _string_property(fmt, PROPOSAL_PROPERTY)
            role = _string_property(fmt, PROPOSAL_ROLE_PROPERTY)
            note = _string_property(fmt, NOTE_REF_PROPERTY)
            marks = format_to_marks(fmt)
            piece = text[run.start : run.start + run.length]
            # Split at object characters: only they are references or anchors; text typed
            # right after one inherits its format but is ordinary text.
            chunk = []
            for ch in piece:
                if ch == OBJECT_CHARACTER:
                    if chunk:
                        open_span = _append_text(out, open_span, "".join(chunk), marks, proposal, role)
                        chunk = []
                    open_span = _append_object(out, open_span, note, proposal, role)
                else:
                    chunk.append(ch)
            if chunk:
                open_span = _append_text(out, open_span, "".join(chunk), marks, proposal, role)
        block = block.next()
    return out


def _string_property(fmt: QTextCharFormat, prop: int) -> str | None:
    if not fmt.hasProperty(prop):
        return None
    value = fmt.property(prop)
    return value if isinstance(value, str) and value else None


def _target(
    out: list[Inline], open_span: ProposalSpan | None, proposal: str | None, role: str | None
) -> tuple[list[Inline], ProposalSpan | None]:
    """The list a node goes into, and the proposal span left open after it."""
    if proposal is None or role not in ("deleted", "inserted", "anchor"):
        return out, None
    if open_span is None or open_span.proposal_id != proposal or out[-1] is not open_span:
        open_span = ProposalSpan(proposal)
        out.append(open_span)
    if role == "anchor":
        return [], open_span  # the span itself is the whole anchor
    return (open_span.deleted if role == "deleted" else open_span.inserted), open_span


def _append_text(
    out: list[Inline],
    open_span: ProposalSpan | None,
    text: str,
    marks: frozenset[Mark],
    proposal: str | None,
    role: str | None,
) -> ProposalSpan | None:
    text = text.translate(_SEPARATORS)
    if not text:
        return open_span
    if role == "anchor":  # text typed after an anchor is ordinary text
        proposal = role = None
    target, open_span = _target(out, open_span, proposal, role)
    if target and isinstance(target[-1], Text) and target[-1].marks == marks:
        target[-1] = Text(target[-1].text + text, marks)
    else:
        target.append(Text(text, marks))
    return open_span


def _append_object(
    out: list[Inline],
    open_span: ProposalSpan | None,
    note: str | None,
    proposal: str | None,
    role: str | None,
) -> ProposalSpan | None:
    if note is not None:
        if role == "anchor":
            proposal = role = None
        target, open_span = _target(out, open_span, proposal, role)
        target.append(NoteRef(note))
        return open_span
    if proposal is not None and role == "anchor":
        _target(out, None, proposal, role)
        return None
    return open_span  # an object character that names nothing: dropped
