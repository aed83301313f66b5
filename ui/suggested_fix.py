"""A check's fix in suggesting mode: proposed by the delegation like any other edit (Word tracks
every change made while Track Changes is on, corrections included), never applied silently.

A fix that replaces characters (a treaty's year, a document symbol, punctuation) becomes a
replacement proposal on the surface, through the same path as typing over a selection. A fix
that changes formatting or moves or adds a footnote cannot be a proposal (the model proposes
text, not formatting), so it is refused with a message saying how to apply it. Footnote texts
are not tracked in suggesting mode (see :mod:`ui.bracket_commands`): their fixes apply as
outside it. The checks read the text as it stands, so a proposed fix leaves its finding in
the list until the proposal is accepted; fixing the same words again is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from drafting.checks import Finding
from drafting.errors import DraftingError
from drafting.model import Text, plain_text
from ui.editor import formats, structure_ops
from ui.editor.findings_view import surface_offset
from ui.editor.suggesting.surface import format_at

if TYPE_CHECKING:
    from ui.document_session import DocumentSession

PROPOSABLE = frozenset({"replace"})
"""Fix operations that change text only, and so can be proposed."""


class FixNotProposable(DraftingError):
    """A fix that suggesting mode cannot record as a proposal."""


def fix_is_suggested(session: DocumentSession, finding: Finding) -> bool:
    """Whether applying ``finding``'s fix now is a suggestion (suggesting on, a paragraph)."""
    if finding.fix is None or finding.fix.target in session.base.footnotes:
        return False
    block = structure_ops.find_block(session.qdoc, finding.fix.target)
    return block is not None and session.suggesting.applies(block.position())


def suggest_fix(session: DocumentSession, finding: Finding) -> bool:
    """Propose ``finding``'s fix as the current delegation's replacement, one undo step; False
    if the text changed since the check ran. Raises :class:`FixNotProposable` for a fix that
    is not a change of text."""
    fix = finding.fix
    assert fix is not None
    if fix.operation not in PROPOSABLE:
        raise FixNotProposable(
            f"“{fix.description}” changes formatting or footnotes, which cannot be proposed:"
            " turn suggesting mode off (Ctrl+Shift+E) to apply it"
        )
    place = _surface_range(session, fix.target, fix.start, fix.end)
    if place is None:
        return False
    content = [Text(fix.text)] if fix.text else []
    session.suggesting.replace_range(*place, content, f"Suggest fix: {fix.description}")
    session.request_checks()
    return True


def suggest_fixes(session: DocumentSession, findings: list[Finding], name: str) -> tuple[int, int]:
    """Propose every finding's fix as one undo step: how many were proposed, and how many could
    not be (the text changed, or a proposal already changes those words). Raises
    :class:`FixNotProposable` when the fixes change formatting or footnotes."""
    fixes = [f.fix for f in findings if f.fix is not None]
    refused = next((fix for fix in fixes if fix.operation not in PROPOSABLE), None)
    if refused is not None:
        raise FixNotProposable(
            f"“{refused.description}” changes formatting or footnotes, which cannot be proposed:"
            " turn suggesting mode off (Ctrl+Shift+E) to apply it"
        )
    places: list[tuple[int, int, str]] = []
    for fix in fixes:
        try:
            place = _surface_range(session, fix.target, fix.start, fix.end)
        except FixNotProposable:
            place = None
        if place is not None:
            places.append((*place, fix.text))
    places.sort(reverse=True)  # from the end: the places before stay where they are
    done, last_start = 0, None
    with session.edit_step(name):
        for start, end, text in places:
            if last_start is not None and max(end, start + 1) > last_start:
                continue  # overlaps a fix proposed already
            session.suggesting.replace_range(start, end, [Text(text)] if text else [], name)
            done, last_start = done + 1, start
    session.request_checks()
    return done, len(fixes) - done


def _surface_range(session: DocumentSession, target: str, start: int, end: int) -> tuple[int, int] | None:
    """Surface positions of characters ``start``…``end`` of the paragraph's text as the checks
    read it, if they are still those characters with nothing proposed in between."""
    try:
        block = session.document().block(target)
    except KeyError:
        return None
    text = plain_text(block.content)
    segments = session.snapshot().segments.get(target)
    surface = structure_ops.find_block(session.qdoc, target)
    if segments is None or surface is None or not 0 <= start <= end <= len(text):
        return None
    first = surface.position() + surface_offset(segments, start)
    last = surface.position() + surface_offset(segments, end - 1) + 1 if end > start else first
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    shown = cursor.selectedText().replace(formats.OBJECT_CHAR, "").replace(formats.JOINER, "")
    if shown != text[start:end]:
        return None
    if any(formats.proposal_path(format_at(session.qdoc, at)) for at in range(first, last)):
        raise FixNotProposable(
            "A proposal already changes these words: accept or reject it before fixing them again"
        )
    return first, last
