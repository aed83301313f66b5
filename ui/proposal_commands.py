"""Accepting or rejecting one proposal in the text: the resolved model (from
:mod:`drafting.proposal_ops`) lands on the surface as one named undo step, editing only the
paragraphs that differ."""

from __future__ import annotations

import copy
import weakref
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel

from drafting.languages import RIGHT_TO_LEFT
from drafting.model import Document, Inline, ProposalStatus, plain_text
from drafting.proposal_ops import accept_proposal, reject_proposal
from drafting.proposal_status import (
    MOVE,
    ProposalRow,
    SpanText,
    counts_text,
    paragraph_counts,
    proposal_rows,
    spans_in,
    status_step_name,
    with_status,
)
from ui.dock_layout import show_panel
from ui.editor import formats, structure_ops
from ui.editor.proposal_colours import ProposalColours, shown_colour
from ui.editor.writer import SurfaceWriter, proposal_tooltip

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.proposals_panel import ProposalsPanel
    from ui.workspace import Workspace


def apply_document(session: DocumentSession, document: Document, name: str) -> None:
    """Make the text ``document`` by editing only the paragraphs that differ (by id), as one
    step: how accepting or rejecting a proposal lands. Falls back to replacing everything when
    paragraphs were added."""
    current = session.document()
    old_blocks = {b.id: b for b in current.iter_blocks()}
    new_blocks = {b.id: b for b in document.iter_blocks()}
    if set(new_blocks) - set(old_blocks):
        session.replace_document(document, name)
        return
    writer = SurfaceWriter(document)
    with session.edit_step(name):
        session.set_outside_text(None, document)
        for block_id, block in old_blocks.items():
            if block_id not in new_blocks:
                structure_ops.delete_family(session.qdoc, block_id)
            elif new_blocks[block_id].content != block.content:
                structure_ops.replace_content(session.qdoc, writer, block_id, new_blocks[block_id].content)
    session.structure_changed()
    session.refresh()
    session.request_checks()


def resolve_proposal(session: DocumentSession, proposal_id: str, *, accept: bool) -> bool:
    """Accept or reject one proposal as one step ("Accept proposal by Mexico"); False if unknown."""
    document = session.document()
    proposal = document.proposals.get(proposal_id)
    if proposal is None:
        return False
    who = proposal.author or "an unnamed delegation"
    resolved = (accept_proposal if accept else reject_proposal)(document, proposal_id)
    apply_document(session, resolved, f"{'Accept' if accept else 'Reject'} proposal by {who}")
    return True


# --- the Proposals panel, statuses, paragraphs agreed ad ref, colours -------------------------------


class ProposalIndex:
    """One document's proposal spans per paragraph and footnote, kept for as long as the
    paragraph is unchanged (the reader reuses an unchanged paragraph's content list: see
    :mod:`ui.paragraph_texts`), so that a pause in typing does not walk the whole text again."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[list[Inline], tuple[SpanText, ...]]] = {}

    def read(
        self, document: Document
    ) -> tuple[dict[str, tuple[SpanText, ...]], dict[str, tuple[SpanText, ...]]]:
        """(block id -> its spans, in reading order; footnote id -> its spans)."""
        live: dict[int, tuple[list[Inline], tuple[SpanText, ...]]] = {}

        def spans(content: list[Inline]) -> tuple[SpanText, ...]:
            key = id(content)
            entry = self._cache.get(key)
            if entry is None or entry[0] is not content:
                entry = (content, spans_in(content))
            live[key] = entry
            return entry[1]

        blocks = {block.id: spans(block.content) for block in document.iter_blocks()}
        notes = {note_id: spans(note.content) for note_id, note in document.footnotes.items()}
        self._cache = live
        return blocks, notes


class _Tracked:
    """What the commands keep per open document: its spans, the colours drawn over its text,
    and the proposals' authors and statuses as last drawn."""

    def __init__(self, session: DocumentSession) -> None:
        self.session = weakref.ref(session)
        self.index = ProposalIndex()
        self.palette: dict[str, QColor] = {}
        """The document's delegation colours (``formats.DELEGATION_COLOURS.assign``)."""
        self.colours: ProposalColours | None = None
        """Drawing over the text, once a proposal is to be drawn otherwise than written."""
        self.written_with = formats.DELEGATION_COLOURS.chosen()
        """The colours chosen in Preferences when the text was written (opened)."""
        self.drawn: dict[str, str] = {}
        """Proposal id -> the colour its text was last drawn in."""
        self.spans: dict[str, tuple[SpanText, ...]] = {}
        self.inputs: tuple = ()
        """What the rows were last made from (see :meth:`ProposalCommands.refresh`)."""
        self.proposals: dict = {}
        self.rows: list[ProposalRow] = []
        self.colour_names: dict[str, str] = {}
        self.pending = 0


class ProposalCommands:
    """The Proposals panel's gestures, "Mark paragraph agreed ad ref", the status bar's count of
    agreed and pending paragraphs, and the delegation colours chosen in Preferences. Each
    change to a document is one named undo step of the current document."""

    def __init__(self, window: Workspace, panel: ProposalsPanel) -> None:
        self.window = window
        self.panel = panel
        self.counts_label = QLabel()
        """For the status bar: "2 agreed ad ref · 5 with pending proposals"."""
        self.counts_label.setToolTip(
            "Paragraphs agreed ad referendum, and paragraphs with a proposal still pending or bracketed"
        )
        self._tracked: dict[int, _Tracked] = {}
        self.agreed_action: QAction | None = None
        panel.shown.connect(lambda row: self.goto(row, focus=False))
        panel.activated.connect(lambda row: self.goto(row, focus=True))
        panel.resolveRequested.connect(self.resolve)
        panel.statusRequested.connect(lambda row, status: self.set_status(row, ProposalStatus(status)))
        self.apply_colours(window.settings)

    # -- keeping up with the document --------------------------------------------------------------

    def _track(self, session: DocumentSession) -> _Tracked:
        key = id(session)
        tracked = self._tracked.get(key)
        if tracked is None:
            tracked = self._tracked[key] = _Tracked(session)
            session.destroyed.connect(lambda *_args, k=key: self._tracked.pop(k, None))
            session.editor.cursorPositionChanged.connect(self.sync_agreed_action)
        return tracked

    def refresh(self, session: DocumentSession | None) -> None:
        """The document was read again (a pause in typing, an undo, another tab): the panel, the
        count and the colours follow. The panel changes nothing when no proposal changed."""
        if session is None:
            self.panel.set_rows([])
            self.counts_label.clear()
            self.sync_agreed_action()
            return
        tracked = self._track(session)
        document = session.document()
        spans, notes = tracked.index.read(document)
        tracked.spans = spans
        # What the rows are made of. Unchanged paragraphs keep their span tuples (the index), and
        # the session's labels and footnote numbers are new objects only when they changed: after
        # typing that leaves every proposal alone this compares equal at once.
        spanned = (
            [item for item in spans.items() if item[1]],
            [item for item in notes.items() if item[1]],
            formats.DELEGATION_COLOURS.chosen(),
        )
        inputs = (spanned, session.block_labels, session.footnote_numbers)
        if not (
            tracked.inputs
            and inputs[1] is tracked.inputs[1]
            and inputs[2] is tracked.inputs[2]
            and spanned == tracked.inputs[0]
            and document.proposals == tracked.proposals
        ):
            tracked.inputs, tracked.proposals = inputs, document.proposals
            rows = proposal_rows(document, session.block_labels, session.footnote_numbers, spans, notes)
            tracked.rows = rows
            tracked.palette = formats.DELEGATION_COLOURS.assign([row.author for row in rows if row.author])
            tracked.colour_names = {
                row.delegation: (
                    tracked.palette.get(row.author or "") or formats.delegation_colour(row.author)
                ).name()
                for row in rows
            }
            tracked.pending = paragraph_counts(document, spans)[1]
            self._redraw_changed(tracked, document)
        if session is self.window.current_session():
            self.panel.set_rows(tracked.rows, tracked.colour_names)
            agreed = sum(1 for block in document.iter_blocks() if block.agreed_ad_ref)
            shown = agreed or tracked.pending or tracked.rows
            self.counts_label.setText(counts_text(agreed, tracked.pending) if shown else "")
            self.sync_agreed_action()

    def _redraw_changed(self, tracked: _Tracked, document: Document) -> None:
        """Draw again the paragraphs whose proposals' colour changed (a status, a colour chosen)."""
        if tracked.colours is None and document.language in RIGHT_TO_LEFT:
            self._draw_over(tracked)  # Arabic italics are drawn upright (ui.editor.proposal_colours)
        drawn = {pid: shown_colour(p, tracked.palette).name() for pid, p in document.proposals.items()}
        if drawn == tracked.drawn:
            return
        changed = {pid for pid in set(drawn) | set(tracked.drawn) if drawn.get(pid) != tracked.drawn.get(pid)}
        tracked.drawn = drawn
        if tracked.colours is None:
            # The writer gave each run its delegation's colour: nothing to draw over it until a
            # status, a colour chosen since or the document's own colours say otherwise.
            written = {
                pid: formats.delegation_colour(p.author).name() for pid, p in document.proposals.items()
            }
            session = tracked.session()
            if session is None or (
                drawn == written and tracked.written_with == formats.DELEGATION_COLOURS.chosen()
            ):
                return
            self._draw_over(tracked)
            return
        tracked.colours.redraw(
            block_id
            for block_id, spans in tracked.spans.items()
            if any(s.proposal_id in changed for s in spans)
        )

    @staticmethod
    def _draw_over(tracked: _Tracked) -> None:
        """Make the highlighter that draws over the written text, and draw the whole text once
        (and not again when the event loop turns)."""
        session = tracked.session()
        if session is None:
            return
        tracked.colours = ProposalColours(
            session.qdoc,
            lambda: s.base.proposals if (s := tracked.session()) else {},
            lambda: tracked.palette,
        )
        tracked.colours.rehighlight()

    def apply_colours(self, settings: object) -> None:
        """The colours chosen in Preferences: every open text is drawn again with them."""
        if not formats.set_delegation_colours(dict(getattr(settings, "delegation_colours", None) or {})):
            return
        for session in self.window.sessions():
            self.refresh(session)
        self.refresh(self.window.current_session())

    # -- the panel's gestures ---------------------------------------------------------------------

    def show_panel(self) -> None:
        """Document ▸ Proposals: the panel's dock to the front, the keyboard in its list."""
        show_panel(self.panel, self.panel.tree)

    def goto(self, row: ProposalRow, *, focus: bool = True) -> None:
        """Select the proposal's text (the cursor ends inside it) and scroll it into view; the
        keyboard goes to the text when ``focus``. A proposal in a footnote: its reference."""
        session = self.window.current_session()
        if session is None:
            return
        place = proposal_range(session.qdoc, row.ids, row.block_id) if row.block_id else None
        if place is not None:
            cursor = QTextCursor(session.qdoc)
            cursor.setPosition(place[0])
            cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
            session.set_text_cursor(cursor)
            session.editor.ensureCursorVisible()
        elif row.footnote_id is not None:
            session.goto_footnote_reference(row.footnote_id)
        else:
            self.window.show_message("This proposal's text is no longer in the document", 4000)
            return
        if focus:
            session.editor.setFocus()

    def resolve(self, row: ProposalRow, accept: bool) -> None:
        """Accept or reject the row's proposal (a move: both halves) as one undo step."""
        session = self.window.current_session()
        if session is None:
            return
        known = [pid for pid in row.ids if pid in session.base.proposals]
        if not known:
            return
        if len(known) == 1:
            resolve_proposal(session, known[0], accept=accept)
        else:
            with session.edit_step(f"{'Accept' if accept else 'Reject'} move by {row.delegation}"):
                for proposal_id in known:
                    if proposal_id in session.document().proposals:
                        resolve_proposal(session, proposal_id, accept=accept)
        self.refresh(session)

    def set_status(self, row: ProposalRow, status: ProposalStatus) -> None:
        """Give the row's proposal(s) ``status`` as one undo step ("Withdraw proposal by Mexico"):
        the records change, and so do the tooltips of their text (its colour follows when drawn)."""
        session = self.window.current_session()
        if session is None:
            return
        document = session.document()
        proposals = with_status(document.proposals, row.ids, status)
        if proposals == document.proposals:
            return
        changed = copy.copy(document)
        changed.proposals = proposals
        name = status_step_name(status, row.author, move=row.kind == MOVE)
        with session.edit_step(name):
            session.set_outside_text(None, changed)
            where = {
                block_id for block_id, spans in self._track(session).spans.items() if _holds(spans, row.ids)
            }
            retip(session.qdoc, changed, set(row.ids), where)
        self.refresh(session)
        self.window.show_message(name, 3000)

    # -- paragraphs agreed ad ref -----------------------------------------------------------------

    def toggle_agreed(self) -> None:
        """Mark the paragraph at the cursor (or every paragraph of the selection) agreed ad ref,
        or no longer agreed if it was: one undo step."""
        session = self.window.current_session()
        if session is None:
            return
        cursor = session.text_cursor()
        blocks = []
        block = session.qdoc.findBlock(cursor.selectionStart())
        last = session.qdoc.findBlock(cursor.selectionEnd())
        while block.isValid():
            if formats.kind_of(block.blockFormat()) not in formats.SPECIAL_KINDS:
                blocks.append(block)
            if block == last:
                break
            block = block.next()
        if not blocks:
            self.window.show_message("Only the paragraphs of the text can be agreed ad ref", 4000)
            return
        agree = not formats.agreed_of(blocks[0].blockFormat())
        _labels, references = session.editor.labels()
        number = blocks[0].blockNumber()
        what = (
            references[number]
            if len(blocks) == 1 and number < len(references)
            else f"{len(blocks)} paragraphs"
        )
        name = f"Mark {what} agreed ad ref" if agree else f"Unmark {what} agreed ad ref"
        with session.edit_step(name):
            edit = QTextCursor(session.qdoc)
            edit.beginEditBlock()
            for block in blocks:
                fmt = block.blockFormat()
                if agree:
                    fmt.setProperty(formats.BLOCK_AGREED, True)
                else:
                    fmt.clearProperty(formats.BLOCK_AGREED)
                edit.setPosition(block.position())
                edit.setBlockFormat(fmt)
            edit.endEditBlock()
        session.structure_changed()
        session.refresh()
        self.sync_agreed_action()
        self.window.show_message(name, 3000)

    def bind_agreed_action(self, action: QAction) -> None:
        """The menu command: ticked while the paragraph at the cursor is agreed ad ref."""
        self.agreed_action = action
        action.setCheckable(True)
        self.sync_agreed_action()

    def sync_agreed_action(self) -> None:
        if self.agreed_action is not None:
            session = self.window.current_session()
            agreed = session is not None and formats.agreed_of(session.text_cursor().blockFormat())
            self.agreed_action.setChecked(agreed)


def proposal_range(qdoc: QTextDocument, ids: tuple[str, ...], block_id: str) -> tuple[int, int] | None:
    """Where the first run of the proposals ``ids`` in paragraph ``block_id`` starts, and where
    the runs that follow it without a break end (surface positions)."""
    block = structure_ops.find_block(qdoc, block_id)
    if block is None:
        return None
    start = end = None
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        inside = any(pid in ids for pid, _role in formats.proposal_path(fragment.charFormat()))
        if inside and start is None:
            start = fragment.position()
        if inside:
            end = fragment.position() + fragment.length()
        elif start is not None:
            break
    return (start, end) if start is not None and end is not None else None


def retip(qdoc: QTextDocument, document: Document, ids: set[str], block_ids: set[str]) -> None:
    """Give the runs of the proposals ``ids`` in the paragraphs ``block_ids`` the tooltip their
    records in ``document`` call for (an edit of the text: inside an undo step, it is undone
    with the step)."""
    tips = {}
    for proposal_id in ids:
        proposal = document.proposals.get(proposal_id)
        note = document.footnotes.get(proposal.rationale_footnote_id or "") if proposal else None
        tips[proposal_id] = proposal_tooltip(proposal, plain_text(note.content) if note else None)
    edit = QTextCursor(qdoc)
    edit.beginEditBlock()
    block = qdoc.firstBlock()
    while block.isValid() and block_ids:
        if formats.id_of(block.blockFormat()) in block_ids:
            it = block.begin()
            runs = []
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                proposal_id = (
                    fragment.charFormat().property(formats.PROPOSAL_ID) if fragment.isValid() else None
                )
                if proposal_id in ids:
                    runs.append((fragment.position(), fragment.length(), proposal_id))
            for position, length, proposal_id in runs:
                tip = QTextCharFormat()
                tip.setToolTip(tips[proposal_id])
                edit.setPosition(position)
                edit.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                edit.mergeCharFormat(tip)
        block = block.next()
    edit.endEditBlock()


def _holds(spans: tuple[SpanText, ...], ids: tuple[str, ...]) -> bool:
    return any(span.proposal_id in ids for span in spans)
