"""Pasting content copied from a Penholder surface: footnote references keep their footnotes
(added to this document when it does not have them); a proposal copied while it is still in the
text is pasted as its text, a proposal cut and pasted moves with its record."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from drafting.ids import new_id
from drafting.model import (
    Footnote,
    Inline,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    iter_inlines,
)
from ui.editor import formats
from ui.editor.clipboard import Clip, selection_clip
from ui.editor.writer import SurfaceWriter

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


def paste_clip(session: DocumentSession, clip: Clip) -> None:
    """Paste content copied from a Penholder surface as one step: footnote references keep
    their footnotes (added to this document when it does not have them), a proposal copied
    while it is still in the text is pasted as its text. In suggesting mode the pasted content is
    an insertion by the user's delegation (:mod:`ui.editor.suggesting`)."""
    if session.suggesting.applies():
        suggest_paste(session, clip)
        return

    in_text = {
        n.proposal_id
        for b in session.document().iter_blocks()
        for n in iter_inlines(b.content)
        if isinstance(n, ProposalSpan)
    }
    cursor = session.text_cursor()
    selected = {
        n.proposal_id
        for p in _selected_paragraphs(session, cursor)
        for n in iter_inlines(p)
        if isinstance(n, ProposalSpan)
    }
    still_there = in_text - selected  # a cut-and-paste moves the proposal; a copy duplicates its text

    known = set(clip.proposals) | set(session.base.proposals)

    def settle(content: list[Inline]) -> list[Inline]:
        out: list[Inline] = []
        for node in content:
            if isinstance(node, ProposalSpan) and (
                node.proposal_id in still_there or node.proposal_id not in known
            ):
                out.extend(settle(node.deleted))
            else:
                out.append(node)
        return out

    paragraphs = [settle(p) for p in clip.paragraphs]
    source = copy.copy(session.base)
    source.proposals = dict(session.base.proposals)
    for proposal_id, record in clip.proposals.items():
        if proposal_id not in source.proposals and proposal_id not in still_there:
            source.proposals[proposal_id] = Proposal(
                proposal_id,
                ProposalKind(record.get("kind", "replace")),
                author=record.get("author"),
                rationale=record.get("rationale"),
                status=ProposalStatus(record.get("status", "proposed")),
                date=record.get("date"),
            )
    footnotes = dict(session.base.footnotes)
    for note_id, content in clip.footnotes.items():
        footnotes.setdefault(note_id, Footnote(note_id, list(content)))
    writer = SurfaceWriter(source)
    with session.edit_step("Paste"):
        if footnotes != session.base.footnotes or source.proposals != session.base.proposals:
            source.footnotes = footnotes
            session.set_outside_text(None, source)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        for index, content in enumerate(paragraphs):
            if index:
                block_format = cursor.blockFormat()
                block_format.setProperty(formats.BLOCK_ID, new_id("p"))
                cursor.insertBlock(block_format, formats.plain_format(cursor.charFormat()))
            writer.write_inlines(cursor, content or [Text("")])
        cursor.endEditBlock()
    session.set_text_cursor(cursor)
    session.structure_changed()
    session.refresh()


def suggest_paste(session: DocumentSession, clip: Clip) -> None:
    """Paste as a suggestion: the clip's text (a proposal in it reads as it stands, one's own
    pending insertion as inserted) proposed for insertion, with the footnotes it cites."""
    suggesting = session.suggesting
    paragraphs = [suggesting.settle_pasted(p, clip.proposals) for p in clip.paragraphs]
    cited = {n.footnote_id for p in paragraphs for n in iter_inlines(p) if isinstance(n, NoteRef)}
    footnotes = {
        note_id: Footnote(note_id, list(content))
        for note_id, content in clip.footnotes.items()
        if note_id in cited and note_id not in session.base.footnotes
    }
    suggesting.paste(paragraphs, footnotes)
    session.refresh()


def _selected_paragraphs(session: DocumentSession, cursor: QTextCursor) -> list[list[Inline]]:
    if not cursor.hasSelection():
        return []

    return selection_clip(cursor, session.base.footnotes, session.base.proposals).paragraphs
