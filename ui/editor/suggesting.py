"""Suggesting mode, as Word's Track Changes: while it is on, the user's edits become proposals by
the user's delegation, dated, instead of changes to the text.

The editor widget hands every gesture that would change the text to :class:`Suggester` (one per
document, ``session.suggesting``), which makes the change on the surface with the proposal
formats of :mod:`ui.editor.formats` and keeps the :class:`~drafting.model.Proposal` records in
the session's outside-text state (``session.set_outside_text``), both in one named undo step.

How each gesture is recorded:

* **Typing** inserts the text as an insertion (underlined in the delegation's colour). Typing
  next to a pending insertion of one's own (in it, right after it or right before it) extends
  that proposal, so consecutive typing is one proposal; a typing run is also one undo step
  ("Suggest insertion"), as ordinary typing is: the characters typed after the first go into
  the same undo level of the text (Qt merges adjacent insertions of one format), inside the
  step that created the proposal.
* **Backspace / Delete / Cut / a selection deleted** (each key press one undo step, "Suggest
  deletion"): ordinary text is struck through as a deletion, and a deletion next to a pending
  deletion of one's own extends it; text already struck is skipped (Backspace moves left over
  it and strikes the character before it, Delete moves right); one's own pending insertion is
  really removed (the proposal shrinks; emptied, it is gone, and a replacement left without its
  insertion becomes a deletion); a paragraph wholly covered by the selection is struck in full
  (one deletion span), or removed when it was one's own insertion. Backspace at the start of a
  paragraph and Delete at its end do not join paragraphs (the model has no proposed paragraph
  join): an empty paragraph goes, otherwise the cursor moves on.
* **Another delegation's pending insertion deleted**: the flat surface holds one proposal per
  character, so a deletion by us cannot sit inside their insertion (the model could nest it,
  the surface and its reader cannot). The characters leave their insertion and become a new
  deletion proposal of ours whose deleted text is those inserted words (struck in our colour);
  the rest of their insertion stays theirs, record and all. Accepting both gives their text
  without our words; accepting theirs and rejecting ours gives their whole text. What the flat
  form cannot say is that our deletion only counts if their insertion is accepted: rejecting
  all keeps the words we struck, as plain text. The model's ``accept_all`` / ``reject_all``
  and LibreOffice's accept all / reject all of the Word export agree on that
  (``tests/ui/test_suggesting.py``). Typing inside their insertion likewise splits it around
  our own insertion.
* **Typing over a selection** is one replacement (deleted and inserted text in one proposal).
* **Paste** inserts the pasted text as one insertion, footnote references and all (a pasted
  footnote comes with its text); further pasted paragraphs are paragraphs proposed in full,
  placed after the paragraph pasted into.
* **Enter / Ctrl+Enter** open an empty paragraph; what is typed into it is a paragraph proposed
  in full (its whole content one insertion span). Enter inside a paragraph proposes the split:
  the rest of the paragraph struck, and a new paragraph holding it inserted in full, the two
  linked as a move (``Proposal.move_of``) so that they are settled together.
* **Moving a paragraph** (Alt+Shift+Up/Down, the outline's drag) is a move: the paragraph (with
  its subparagraphs) deleted in full where it was, a copy inserted in full where it goes, the
  insertion's ``move_of`` naming the deletion. Moving one's own pending insertion (a copy just
  moved, a paragraph just proposed) simply moves it, so pressing Alt+Shift+Up three times is
  one move.

Paragraph structure (kinds, levels), formatting, footnote texts, Replace All and the checks'
fixes are not tracked: those commands change the text as they do outside suggesting mode. A
spelling correction from the context menu and an opening phrase chosen from the list are
proposed like typing.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QInputDialog, QWidget

from drafting.ids import new_id
from drafting.model import (
    BlockKind,
    Footnote,
    Inline,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
)
from ui.editor import footnote_marker, formats, structure_ops
from ui.editor.reader import fresh_block_id
from ui.editor.writer import FlatBlock, SurfaceWriter, proposal_tooltip

if TYPE_CHECKING:
    from ui.document_session import DocumentSession

DELETED, INSERTED = "deleted", "inserted"
PLAIN, STRUCK, OWN, THEIRS = "plain", "struck", "own", "theirs"
"""What a character is to the user who deletes it: ordinary text, text already struck (a
deletion by anyone), an insertion of their own still pending, or another delegation's."""

_Move = QTextCursor.MoveOperation
_Keep = QTextCursor.MoveMode.KeepAnchor
SK = QKeySequence.StandardKey


@dataclass
class _Piece:
    """A run of characters of one format, ``start``…``end`` on the surface, within one block."""

    start: int
    end: int
    fmt: QTextCharFormat
    category: str
    proposal_id: str | None
    block: QTextBlock


@dataclass
class _Plan:
    """What deleting a range does: characters to strike, ranges to remove (own insertions,
    whole paragraphs of one's own), and the own proposals that lose characters."""

    strikes: list[_Piece]
    removals: list[tuple[int, int]]
    shrunk: set[str]

    def new_position(self, position: int) -> int:
        """Where ``position`` is once the removals are made."""
        return position - sum(min(end, position) - start for start, end in self.removals if start < position)


def today() -> str:
    return datetime.date.today().isoformat()


class Suggester(QObject):
    """Suggesting mode for one document (Word keeps Track Changes per document too)."""

    toggled = Signal(bool)

    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self.session = session
        self.active = False
        self.author_source: Callable[[], str | None] = lambda: None
        """Who the user speaks for (the window passes ``Settings.delegation``)."""
        self._made: set[str] = set()
        """Proposals made here: the user's own when no delegation is named."""

    # -- state ---------------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        if on != self.active:
            self.active = on
            self.toggled.emit(on)

    @property
    def author(self) -> str | None:
        return (self.author_source() or "").strip() or None

    @property
    def qdoc(self):
        return self.session.qdoc

    def _is_own(self, proposal_id: str | None) -> bool:
        proposal = self.session.base.proposals.get(proposal_id or "")
        if proposal is None or proposal.status is not ProposalStatus.PROPOSED:
            return False
        author = self.author
        if author is None:  # no delegation named: one's own are those made here, unnamed
            return proposal.author is None and proposal_id in self._made
        return proposal.author == author

    def _category(self, fmt: QTextCharFormat) -> tuple[str, str | None]:
        proposal_id = fmt.property(formats.PROPOSAL_ID)
        if not isinstance(proposal_id, str) or not proposal_id:
            return PLAIN, None
        if fmt.property(formats.PROPOSAL_ROLE) == DELETED:
            return STRUCK, proposal_id
        return (OWN if self._is_own(proposal_id) else THEIRS), proposal_id

    def _new_proposal(self, kind: ProposalKind, **extra: object) -> Proposal:
        proposal = Proposal(new_id("pr"), kind, author=self.author, date=today(), **extra)  # type: ignore[arg-type]
        self._made.add(proposal.id)
        return proposal

    def applies(self, position: int | None = None) -> bool:
        """Whether an edit at the cursor (or at ``position``) is a suggestion: suggesting is on
        and it is not in the title or the organ line, which the model keeps as plain strings of
        the masthead (no proposal can live there; they are edited as outside suggesting mode)."""
        if not self.active:
            return False
        if position is not None:
            return not _masthead_line(self.qdoc.findBlock(position))
        cursor = self.session.text_cursor()
        ends = (self.qdoc.findBlock(cursor.anchor()), cursor.block())
        return not all(_masthead_line(block) for block in ends)

    # -- keys ----------------------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Carry out a key that would change the text; True when it was handled here."""
        if not self.applies():
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(SK.Cut):
            self.session.editor.copy()
            self.delete_selection()
            return True
        if event.matches(SK.DeleteStartOfWord) or event.matches(SK.DeleteEndOfWord):
            self.delete_word(backward=event.matches(SK.DeleteStartOfWord))
            return True
        if event.matches(SK.DeleteEndOfLine) or event.matches(SK.DeleteCompleteLine):
            self._delete_to_line_end(whole=event.matches(SK.DeleteCompleteLine))
            return True
        if key == Qt.Key.Key_Backspace and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            self.backspace()
            return True
        if event.matches(SK.Delete) or (key == Qt.Key.Key_Delete and not mods):
            self.delete_forward()
            return True
        if key == Qt.Key.Key_Insert and not mods:
            return True  # no overwriting: every change is a proposal
        text = event.text()
        control = Qt.KeyboardModifier.ControlModifier
        alt_gr = mods & control and mods & Qt.KeyboardModifier.AltModifier
        if (
            text
            and text.isprintable()
            and (not mods & (control | Qt.KeyboardModifier.MetaModifier) or alt_gr)
        ):
            self.type_text(text)
            return True
        return False

    # -- typing --------------------------------------------------------------------------------------

    def type_text(self, text: str) -> None:
        """Typed text as an insertion (extending one's own insertion at the cursor), or with a
        selection, a replacement."""
        if not text:
            return
        cursor = self.session.text_cursor()
        if cursor.hasSelection():
            start, end = sorted((cursor.anchor(), cursor.position()))
            self._replace(start, end, typed=text)
            return
        position = cursor.position()
        extension = self._extension_at(position)
        if extension is not None:
            _proposal_id, fmt = extension
            with self._gesture("Suggest insertion"):
                edit = QTextCursor(self.qdoc)
                edit.setPosition(position)
                edit.insertText(text, fmt)
        else:
            proposal = self._new_proposal(ProposalKind.INSERT)
            fmt = self._format(self._marks_base(position), proposal, INSERTED)
            with self._gesture("Suggest insertion"):
                edit = QTextCursor(self.qdoc)
                edit.setPosition(position)
                edit.insertText(text, fmt)  # first, so that the record's refresh reads it
                self._set_records({proposal.id: proposal})
        self._place_cursor(position + len(text))

    def _extension_at(self, position: int) -> tuple[str, QTextCharFormat] | None:
        """The own pending insertion typing at ``position`` extends (it is in it, right after
        it or right before it), with the format to type in."""
        block = self.qdoc.findBlock(position)
        candidates = []
        if position > block.position():
            candidates.append(position - 1)
        if position < block.position() + block.length() - 1:
            candidates.append(position)
        for at in candidates:
            fmt = _format_at(self.qdoc, at)
            category, proposal_id = self._category(fmt)
            if category == OWN and proposal_id is not None:
                return proposal_id, _text_format(fmt)
        return None

    def _marks_base(self, position: int) -> QTextCharFormat:
        """The marks new text at ``position`` takes: those of the character before it (after
        it at the start of a paragraph), as Qt's own typing does."""
        block = self.qdoc.findBlock(position)
        if position > block.position():
            fmt = _format_at(self.qdoc, position - 1)
        elif block.length() > 1:
            fmt = _format_at(self.qdoc, position)
        else:
            fmt = QTextCharFormat()
        marks = formats.marks_of(fmt) if fmt.objectType() != formats.FOOTNOTE_OBJECT else frozenset()
        return formats.marks_format(marks)

    def _format(self, base: QTextCharFormat, proposal: Proposal, role: str) -> QTextCharFormat:
        return formats.proposal_format(
            base, proposal.id, role, formats.delegation_colour(proposal.author), proposal_tooltip(proposal)
        )

    # -- deleting ------------------------------------------------------------------------------------

    def backspace(self) -> None:
        cursor = self.session.text_cursor()
        if cursor.hasSelection():
            self.delete_selection()
            return
        block = cursor.block()
        position = start = cursor.position()
        while position > block.position():
            before = _unit_before(self.qdoc, position)
            if self._category(_format_at(self.qdoc, before))[0] != STRUCK:
                self._erase(before, position, cursor_at="start")
                return
            position = before  # already struck: skipped, as Word does
        if position != start:
            self._place_cursor(position)
        elif block.length() == 1 and block.previous().isValid():
            self._remove_empty_block(block, cursor_to=block.previous())
        elif block.previous().isValid():
            previous = block.previous()
            self._place_cursor(previous.position() + previous.length() - 1)

    def delete_forward(self) -> None:
        cursor = self.session.text_cursor()
        if cursor.hasSelection():
            self.delete_selection()
            return
        block = cursor.block()
        end = block.position() + block.length() - 1
        position = start = cursor.position()
        while position < end:
            after = _unit_after(self.qdoc, position)
            if self._category(_format_at(self.qdoc, position))[0] != STRUCK:
                self._erase(position, after, cursor_at="end")
                return
            position = after
        following = block.next()
        if position != start:
            self._place_cursor(position)
        elif following.isValid() and following.length() == 1:
            self._remove_empty_block(following, cursor_to=block)
        elif following.isValid():
            self._place_cursor(following.position())

    def delete_word(self, *, backward: bool) -> None:
        cursor = self.session.text_cursor()
        if cursor.hasSelection():
            self.delete_selection()
            return
        probe = QTextCursor(cursor)
        probe.movePosition(_Move.PreviousWord if backward else _Move.NextWord, _Keep)
        if probe.block() != cursor.block():
            probe.setPosition(cursor.block().position() if backward else _block_end(cursor.block()), _Keep)
        if footnote_marker.inside_pair(self.qdoc, probe.position()):
            probe.setPosition(probe.position() + (-1 if backward else 1), _Keep)
        start, end = sorted((probe.anchor(), probe.position()))
        if start == end:
            (self.backspace if backward else self.delete_forward)()
            return
        self._erase(start, end, cursor_at="start" if backward else "end")

    def _delete_to_line_end(self, *, whole: bool) -> None:
        cursor = self.session.text_cursor()
        block = cursor.block()
        start = block.position() if whole else cursor.position()
        if start < _block_end(block):
            self._erase(start, _block_end(block), cursor_at="end")

    def delete_selection(self) -> None:
        """The selection deleted (Delete, Backspace or Cut with a selection)."""
        cursor = self.session.text_cursor()
        if not cursor.hasSelection():
            return
        start, end = sorted((cursor.anchor(), cursor.position()))
        self._erase(start, end, cursor_at="end")

    def _erase(self, start: int, end: int, *, cursor_at: str) -> None:
        """Delete ``start``…``end`` as a suggestion: one undo step "Suggest deletion"."""
        plan = self._plan(start, end)
        if not plan.strikes and not plan.removals:
            self._place_cursor(start if cursor_at == "start" else end)
            return
        records: dict[str, Proposal | None] = {}
        deletion = self._adjacent_deletion(plan) if plan.strikes else None
        if plan.strikes and deletion is None:
            deletion = self._new_proposal(ProposalKind.DELETE)
            records[deletion.id] = deletion
        with self._gesture("Suggest deletion"):
            self._apply(plan, deletion)
            records.update(self._settle_shrunk(plan, start, end))
            self._set_records(records)
        self._place_cursor(plan.new_position(start if cursor_at == "start" else end))

    def _adjacent_deletion(self, plan: _Plan) -> Proposal | None:
        """One's own pending deletion right before or right after what is struck now: the new
        strikes join it (adjacent deletions are one proposal)."""
        first, last = plan.strikes[0], plan.strikes[-1]
        places = []
        if first.start > first.block.position():
            places.append(first.start - 1)
        if last.end < _block_end(last.block):
            places.append(last.end)
        for at in places:
            fmt = _format_at(self.qdoc, at)
            category, proposal_id = self._category(fmt)
            if category == STRUCK and self._is_own(proposal_id):
                return self.session.base.proposals[proposal_id or ""]
        return None

    def _remove_empty_block(self, block: QTextBlock, *, cursor_to: QTextBlock) -> None:
        """An empty paragraph holds nothing to propose: it goes (one undo step)."""
        target_id = formats.id_of(cursor_to.blockFormat())
        at_end = cursor_to.blockNumber() < block.blockNumber()
        with self._gesture("Delete empty paragraph"):
            edit = QTextCursor(self.qdoc)
            edit.beginEditBlock()
            structure_ops._remove_blocks(edit, block, block)
            edit.endEditBlock()
        target = structure_ops.find_block(self.qdoc, target_id) if target_id else None
        if target is not None:
            self._place_cursor(_block_end(target) if at_end else target.position())
        self.session.structure_changed()

    # -- the plan of a deletion ----------------------------------------------------------------------

    def _pieces(self, start: int, end: int) -> list[_Piece]:
        """The runs of characters in ``start``…``end`` (paragraph ends, the title and the organ
        line left out), in order."""
        out: list[_Piece] = []
        block = self.qdoc.findBlock(start)
        while block.isValid() and block.position() < end:
            if _masthead_line(block):
                block = block.next()
                continue
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                if not fragment.isValid():
                    continue
                low = max(fragment.position(), start)
                high = min(fragment.position() + fragment.length(), end)
                if low < high:
                    fmt = fragment.charFormat()
                    category, proposal_id = self._category(fmt)
                    out.append(_Piece(low, high, fmt, category, proposal_id, block))
            block = block.next()
        return out

    def _plan(self, start: int, end: int) -> _Plan:
        pieces = self._pieces(start, end)
        by_block: dict[int, list[_Piece]] = {}
        for piece in pieces:
            by_block.setdefault(piece.block.blockNumber(), []).append(piece)
        plan = _Plan([], [], set())
        whole: set[int] = set()
        block = self.qdoc.findBlock(start)
        while block.isValid() and block.position() <= end and self.qdoc.blockCount() > 1:
            first, last = block.position(), _block_end(block)
            number = block.blockNumber()
            covered = start <= first and last <= end and (start < first or last < end)
            mine = all(p.category == OWN for p in by_block.get(number, []))
            if covered and mine and not _masthead_line(block):
                # A paragraph of one's own (or an empty one) wholly deleted goes, paragraph end and all.
                following = block.next()
                if following.isValid():
                    plan.removals.append((first, following.position()))
                elif number - 1 in whole:
                    plan.removals.append((first, last))  # the one before went with its end
                else:
                    plan.removals.append((first - 1, last))
                whole.add(number)
                plan.shrunk.update(p.proposal_id or "" for p in by_block.get(number, []))
            block = block.next()
        for piece in pieces:
            if piece.block.blockNumber() in whole:
                continue
            if piece.category == OWN:
                plan.removals.append((piece.start, piece.end))
                plan.shrunk.add(piece.proposal_id or "")
            elif piece.category in (PLAIN, THEIRS):
                plan.strikes.append(piece)
        plan.removals.sort()
        return plan

    def _apply(self, plan: _Plan, deletion: Proposal | None) -> None:
        """Strike and remove as planned: one edit block (one undo level of the text)."""
        edits: list[tuple[int, int, QTextCharFormat | None]] = [(s, e, None) for s, e in plan.removals]
        if deletion is not None:
            for piece in plan.strikes:
                base = QTextCharFormat(piece.fmt)
                if piece.category == THEIRS:
                    base.setFontUnderline(False)  # their insertion's underline, not a mark
                edits.append((piece.start, piece.end, self._format(base, deletion, DELETED)))
        edit = QTextCursor(self.qdoc)
        edit.beginEditBlock()
        for start, end, fmt in sorted(edits, key=lambda e: e[0], reverse=True):
            edit.setPosition(start)
            edit.setPosition(end, _Keep)
            if fmt is None:
                edit.removeSelectedText()
            else:
                edit.setCharFormat(fmt)
        edit.endEditBlock()

    def _settle_shrunk(self, plan: _Plan, start: int, end: int) -> dict[str, Proposal | None]:
        """Own proposals that lost inserted characters: gone when nothing is left of them, a
        deletion when only their deleted text is."""
        changes: dict[str, Proposal | None] = {}
        for proposal_id in plan.shrunk - {""}:
            proposal = self.session.base.proposals.get(proposal_id)
            if proposal is None:
                continue
            roles = self._roles(proposal_id, plan.new_position(start), plan.new_position(end))
            if INSERTED in roles:
                continue
            if DELETED in roles:
                changes[proposal_id] = dataclasses.replace(proposal, kind=ProposalKind.DELETE, move_of=None)
                self._restyle(proposal_id, changes[proposal_id])
            else:
                changes[proposal_id] = None
        return changes

    def _roles(self, proposal_id: str, start: int, end: int) -> set[str]:
        """The roles ``proposal_id`` still has on the surface: looked for around ``start``…``end``
        first, then everywhere."""
        first = self.qdoc.findBlock(start).previous()
        last = self.qdoc.findBlock(end).next()
        nearby = self._roles_in(first if first.isValid() else self.qdoc.firstBlock(), last)
        roles = nearby.get(proposal_id, set())
        if INSERTED in roles:
            return roles
        return self._roles_in(self.qdoc.firstBlock(), QTextBlock()).get(proposal_id, set())

    def _roles_in(self, block: QTextBlock, stop: QTextBlock) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                if fragment.isValid():
                    fmt = fragment.charFormat()
                    proposal_id = fmt.property(formats.PROPOSAL_ID)
                    if isinstance(proposal_id, str) and proposal_id:
                        found.setdefault(proposal_id, set()).add(str(fmt.property(formats.PROPOSAL_ROLE)))
            if block == stop:
                break
            block = block.next()
        return found

    def _restyle(self, proposal_id: str, proposal: Proposal) -> None:
        """Every run of the proposal shows its record as it now is (kind, rationale) when hovered."""
        tip = QTextCharFormat()
        tip.setToolTip(proposal_tooltip(proposal))
        edit = QTextCursor(self.qdoc)
        edit.beginEditBlock()
        block = self.qdoc.firstBlock()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                if fragment.isValid() and fragment.charFormat().property(formats.PROPOSAL_ID) == proposal_id:
                    edit.setPosition(fragment.position())
                    edit.setPosition(fragment.position() + fragment.length(), _Keep)
                    edit.mergeCharFormat(tip)
            block = block.next()
        edit.endEditBlock()

    # -- replacing, pasting, inserting paragraphs ----------------------------------------------------

    def _replace(
        self,
        start: int,
        end: int,
        *,
        typed: str | None = None,
        content: list[Inline] | None = None,
        paragraphs: list[list[Inline]] | None = None,
        footnotes: dict[str, Footnote] | None = None,
        name: str | None = None,
    ) -> None:
        """``start``…``end`` struck (or removed) and new text inserted after it, as one proposal
        (a replacement when something was struck) and one undo step. ``typed`` text takes the
        marks of the text it replaces; ``content`` is written as it is; ``paragraphs`` follow as
        paragraphs proposed in full after the paragraph of the insertion."""
        plan = self._plan(start, end) if end > start else _Plan([], [], set())
        base = self._marks_base(start + 1 if end > start else start)
        at = plan.new_position(end)
        if name is None:
            name = "Suggest replacement" if plan.strikes else "Suggest insertion"
        records: dict[str, Proposal | None] = {}
        with self._gesture(name):
            proposal: Proposal | None = None
            if plan.strikes:
                proposal = self._new_proposal(ProposalKind.REPLACE)
                self._apply(plan, proposal)
            elif plan.removals:
                self._apply(plan, None)
            extension = self._extension_at(at) if typed is not None and proposal is None else None
            if extension is not None:
                proposal_id, fmt = extension
                proposal = self.session.base.proposals[proposal_id]
            else:
                proposal = proposal or self._new_proposal(ProposalKind.INSERT)
                fmt = self._format(base, proposal, INSERTED)
                records[proposal.id] = proposal
            writer_doc = copy.copy(self.session.base)
            writer_doc.proposals = {**self.session.base.proposals, proposal.id: proposal}
            writer = SurfaceWriter(writer_doc)
            edit = QTextCursor(self.qdoc)
            edit.setPosition(at)
            if typed is not None:
                edit.insertText(typed, fmt)
            elif content:
                edit.beginEditBlock()
                writer.write_inlines(edit, content, (proposal.id, INSERTED))
                edit.endEditBlock()
            position = edit.position()
            if paragraphs:
                position = self._write_paragraphs_after(edit.block(), writer, paragraphs, proposal.id)
            shrunk = self._settle_shrunk(plan, start, end)
            shrunk.pop(proposal.id, None)  # typing goes on in it: it is not emptied
            records.update(shrunk)
            self._set_records(records, footnotes)
        self._place_cursor(position)
        if paragraphs:
            self.session.structure_changed()
            self.session.refresh()

    def _write_paragraphs_after(
        self, block: QTextBlock, writer: SurfaceWriter, paragraphs: list[list[Inline]], proposal_id: str
    ) -> int:
        """Paragraphs proposed in full after ``block`` (of its kind); the position at the end of
        the last one."""
        fmt = block.blockFormat()
        kind = formats.kind_of(fmt)
        if kind in (formats.TITLE, formats.ORGAN_LINE):
            kind = BlockKind.PREAMBULAR.value if self.session.is_resolution else BlockKind.PARAGRAPH.value
        edit = QTextCursor(self.qdoc)
        edit.beginEditBlock()
        edit.setPosition(_block_end(block))
        for content in paragraphs:
            edit.insertBlock(
                formats.block_format(kind, block_id=fresh_block_id(), depth=formats.depth_of(fmt)),
                QTextCharFormat(),
            )
            if content:
                writer.write_inlines(edit, content, (proposal_id, INSERTED))
        edit.endEditBlock()
        return edit.position()

    def paste(self, paragraphs: list[list[Inline]], footnotes: dict[str, Footnote] | None = None) -> None:
        """Pasted content as an insertion (a replacement of the selection): the first paragraph
        at the cursor, any others as paragraphs proposed in full after it."""
        paragraphs = list(paragraphs) or [[]]
        cursor = self.session.text_cursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        first, rest = paragraphs[0], paragraphs[1:]
        if not any(_has_text(p) for p in paragraphs):
            return
        self._replace(start, end, content=first, paragraphs=rest, footnotes=footnotes)

    def settle_pasted(self, content: list[Inline], clip_proposals: dict[str, dict]) -> list[Inline]:
        """Pasted content without proposal spans: a pending insertion of the user's own gives its
        inserted text, any other proposal the text as it stands (its deleted text)."""
        out: list[Inline] = []
        author = self.author
        for node in content:
            if not isinstance(node, ProposalSpan):
                out.append(node)
                continue
            record = self.session.base.proposals.get(node.proposal_id)
            if record is not None:
                own = self._is_own(node.proposal_id)
            else:
                data = clip_proposals.get(node.proposal_id, {})
                own = author is not None and data.get("author") == author and data.get("status") == "proposed"
            out.extend(self.settle_pasted(node.inserted if own else node.deleted, clip_proposals))
        return out

    def replace_range(self, start: int, end: int, content: list[Inline], name: str) -> None:
        """``start``…``end`` replaced by ``content`` as a suggestion (a spelling correction, an
        opening phrase chosen from the list)."""
        self._replace(start, end, content=content, name=name)

    def insert_paragraphs(self, paragraphs: list[FlatBlock], name: str) -> None:
        """Whole paragraphs inserted after the current one (a standard paragraph from the
        palette): proposed in full, one proposal."""
        proposal = self._new_proposal(ProposalKind.INSERT)
        wrapped = [
            dataclasses.replace(
                p, content=[ProposalSpan(proposal.id, [], list(p.content))] if p.content else []
            )
            for p in paragraphs
        ]
        writer_doc = copy.copy(self.session.base)
        writer_doc.proposals = {**self.session.base.proposals, proposal.id: proposal}
        with self._gesture(name):
            cursor = structure_ops.insert_paragraphs_after(
                self.session.text_cursor(), SurfaceWriter(writer_doc), wrapped
            )
            if any(p.content for p in paragraphs):
                self._set_records({proposal.id: proposal})
        self.session.set_text_cursor(cursor)
        self.session.structure_changed()

    # -- new paragraphs ------------------------------------------------------------------------------

    def new_paragraph(self, kind: str = "") -> None:
        """Enter / Ctrl+Enter. An empty paragraph holds nothing to propose yet: what is typed into
        it is a paragraph proposed in full. Enter inside a paragraph proposes the split."""
        cursor = self.session.text_cursor()
        if cursor.hasSelection():
            cursor.setPosition(max(cursor.anchor(), cursor.position()))
            self.session.set_text_cursor(cursor)
        block = cursor.block()
        position = cursor.position()
        rest = [p for p in self._pieces(position, _block_end(block)) if p.category != STRUCK]
        if kind or position in (block.position(), _block_end(block)) or not rest:
            name = "New operative paragraph" if kind == BlockKind.OPERATIVE.value else "New paragraph"
            with self._gesture(name):
                cursor = structure_ops.new_paragraph(cursor, kind, resolution=self.session.is_resolution)
            self.session.set_text_cursor(cursor)
            self.session.structure_changed()
            return
        self._split(block, position)

    def _split(self, block: QTextBlock, position: int) -> None:
        """Enter inside a paragraph: the rest struck here (removed where it is one's own) and
        inserted in full as a new paragraph after it, the two linked as a move."""
        end = _block_end(block)
        content = self._current_content(position, end)
        plan = self._plan(position, end)
        records: dict[str, Proposal | None] = {}
        deletion = None
        if plan.strikes:
            deletion = self._new_proposal(ProposalKind.DELETE)
            records[deletion.id] = deletion
        insertion = self._new_proposal(ProposalKind.INSERT, move_of=deletion.id if deletion else None)
        records[insertion.id] = insertion
        writer_doc = copy.copy(self.session.base)
        writer_doc.proposals = {**self.session.base.proposals, **records}
        with self._gesture("Suggest new paragraph"):
            self._apply(plan, deletion)
            block = self.qdoc.findBlock(position)
            self._write_paragraphs_after(block, SurfaceWriter(writer_doc), [content], insertion.id)
            records.update(self._settle_shrunk(plan, position, end))
            self._set_records(records)
        self._place_cursor(block.next().position())
        self.session.structure_changed()

    def _current_content(self, start: int, end: int) -> list[Inline]:
        """The text of ``start``…``end`` (one paragraph) as it reads now, without what is struck:
        marks and footnote references kept, proposals left out."""
        out: list[Inline] = []
        for piece in self._pieces(start, end):
            if piece.category == STRUCK:
                continue
            fmt = piece.fmt
            text = piece.block.text()[
                piece.start - piece.block.position() : piece.end - piece.block.position()
            ]
            if fmt.objectType() == formats.FOOTNOTE_OBJECT:
                note = fmt.property(formats.NOTE_ID)
                if isinstance(note, str) and note:
                    out.extend(NoteRef(note) for _ in text)
                continue
            if formats.is_joiner(fmt):
                text = text.replace(formats.JOINER, "")
            text = text.replace(formats.OBJECT_CHAR, "").replace("\u2028", " ")
            if not text:
                continue
            marks = formats.marks_of(fmt)
            if out and isinstance(out[-1], Text) and out[-1].marks == marks:
                out[-1] = Text(out[-1].text + text, marks)
            else:
                out.append(Text(text, marks))
        return out

    # -- moving a paragraph --------------------------------------------------------------------------

    def tracks_move(self, block_id: str) -> bool:
        """Whether moving this paragraph is a suggestion: suggesting is on and the paragraph (with
        its subparagraphs) is not wholly the user's own pending insertion."""
        if not self.active:
            return False
        blocks = structure_ops.family(self.qdoc, block_id)
        if not blocks:
            return False
        pieces = self._pieces(blocks[0].position(), _block_end(blocks[-1]))
        return any(p.category != OWN for p in pieces)

    def move(self, block_id: str, before_id: str, offset: int = 0) -> bool:
        """Move a paragraph as a suggestion: deleted in full where it is, a copy inserted in full
        before ``before_id`` ("" = after the last of its kind), the insertion naming the deletion
        (``move_of``). One undo step, "Suggest moving OP 5"; the cursor goes to the copy."""
        session = self.session
        blocks = structure_ops.family(self.qdoc, block_id)
        if not blocks or before_id in {formats.id_of(b.blockFormat()) for b in blocks}:
            return False
        if before_id and structure_ops.find_block(self.qdoc, before_id) is None:
            return False
        _labels, references = session.editor.labels()
        name = (
            references[blocks[0].blockNumber()] if blocks[0].blockNumber() < len(references) else "paragraph"
        )
        deletion = self._new_proposal(ProposalKind.DELETE)
        insertion = self._new_proposal(ProposalKind.INSERT, move_of=deletion.id)
        copies = []
        for flat, block in zip(structure_ops.flat_family(blocks), blocks, strict=True):
            content = self._current_content(block.position(), _block_end(block))
            if not content and block.length() > 1:
                continue  # struck in full already: nothing of it moves
            wrapped = [ProposalSpan(insertion.id, [], content)] if content else []
            copies.append(dataclasses.replace(flat, block_id=fresh_block_id(), content=wrapped))
        if not any(c.content for c in copies):
            return False  # nothing left to move: it is all struck
        kind = formats.kind_of(blocks[0].blockFormat())
        parent_id = structure_ops.family_parent_id(blocks) if not before_id else None
        old_ids = [formats.id_of(b.blockFormat()) or "" for b in blocks]
        writer_doc = copy.copy(session.base)
        writer_doc.proposals = {**session.base.proposals, deletion.id: deletion, insertion.id: insertion}
        with self._gesture(f"Suggest moving {name}"):
            edit = QTextCursor(self.qdoc)
            edit.beginEditBlock()
            structure_ops.place_paragraphs(
                edit, SurfaceWriter(writer_doc), copies, kind, before_id, parent_id
            )
            edit.endEditBlock()
            first = structure_ops.find_block(self.qdoc, old_ids[0])
            last = structure_ops.find_block(self.qdoc, old_ids[-1])
            old_start, old_end = (first.position(), _block_end(last)) if first and last else (0, 0)
            plan = self._plan(old_start, old_end) if first and last else _Plan([], [], set())
            self._apply(plan, deletion)
            records: dict[str, Proposal | None] = {insertion.id: insertion}
            if plan.strikes:
                records[deletion.id] = deletion
            else:
                records[insertion.id] = dataclasses.replace(insertion, move_of=None)
            records.update(self._settle_shrunk(plan, old_start, old_end))
            self._set_records(records)
        session.structure_changed()
        session.refresh()
        session.request_checks()
        session.goto_block(copies[0].block_id, offset)
        return True

    # -- the record of a proposal --------------------------------------------------------------------

    def _set_records(
        self, changes: dict[str, Proposal | None], footnotes: dict[str, Footnote] | None = None
    ) -> None:
        """Proposal records (None: gone) and pasted footnotes into the session's outside-text
        state: an undo command inside the gesture's step."""
        if not changes and not footnotes:
            return
        base = self.session.base
        proposals = dict(base.proposals)
        for proposal_id, record in changes.items():
            if record is None:
                proposals.pop(proposal_id, None)
            else:
                proposals[proposal_id] = record
        document = copy.copy(base)
        document.proposals = proposals
        if footnotes:
            document.footnotes = {
                **base.footnotes,
                **{k: v for k, v in footnotes.items() if k not in base.footnotes},
            }
        self.session.set_outside_text(None, document)

    # -- undo steps and the cursor -------------------------------------------------------------------

    @contextmanager
    def _gesture(self, name: str) -> Iterator[None]:
        """One named undo step for a gesture. A macro of the undo history rather than
        ``session.edit_step``: that one seals the text's last undo level, and a typing run must
        stay open for the next keys to join it (see the module's docstring)."""
        stack = self.session.history
        stack.beginMacro(name)
        try:
            yield
        finally:
            stack.endMacro()
            top = stack.command(stack.index() - 1) if stack.index() else None
            if top is not None and top.childCount() == 0 and top.text() == name:
                top.setObsolete(True)  # nothing recorded (typing joined the previous level)
                stack.undo()

    def _place_cursor(self, position: int) -> None:
        cursor = QTextCursor(self.qdoc)
        cursor.setPosition(max(0, min(position, self.qdoc.characterCount() - 1)))
        self.session.set_text_cursor(cursor)
        self.session.editor.ensureCursorVisible()


# -- the rationale of a proposal ---------------------------------------------------------------------


def set_rationale(session: DocumentSession, proposal_id: str, rationale: str) -> bool:
    """Give a proposal its rationale (an empty one removes it): one undo step; the proposal's
    tooltip shows it. False for a proposal the document does not have."""
    proposal = session.base.proposals.get(proposal_id)
    if proposal is None:
        return False
    text = rationale.strip() or None
    if text == proposal.rationale:
        return True
    record = dataclasses.replace(proposal, rationale=text)
    document = copy.copy(session.base)
    document.proposals = {**session.base.proposals, proposal_id: record}
    with session.edit_step("Add rationale" if text else "Remove rationale"):
        session.set_outside_text(None, document)
        session.suggesting._restyle(proposal_id, record)
    session.refresh()
    return True


def ask_rationale(parent: QWidget, session: DocumentSession, proposal_id: str) -> bool:
    """ "Add rationale…": ask for the proposal's rationale and set it; False if cancelled."""
    proposal = session.base.proposals.get(proposal_id)
    if proposal is None:
        return False
    who = proposal.author or "an unnamed delegation"
    text, ok = QInputDialog.getMultiLineText(
        parent, "Rationale", f"Why {who} proposes this change:", proposal.rationale or ""
    )
    return bool(ok) and set_rationale(session, proposal_id, text)


# -- the surface, character by character -------------------------------------------------------------


def _block_end(block: QTextBlock) -> int:
    """The position of the paragraph's end (after its last character)."""
    return block.position() + block.length() - 1


def _format_at(qdoc, position: int) -> QTextCharFormat:
    """The format of the character at ``position`` (a cursor reports the one before it)."""
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def _text_format(fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` for typed text: not a footnote marker, not the joiner before one."""
    if fmt.objectType() == 0 and not formats.is_joiner(fmt):
        return fmt
    clean = QTextCharFormat(fmt)
    clean.clearProperty(formats.NOTE_ID)
    clean.clearProperty(formats.MARKER_JOINER)
    clean.setObjectType(0)
    return clean


def _unit_before(qdoc, position: int) -> int:
    """Where the character before ``position`` starts (a footnote marker with its joiner is one)."""
    if footnote_marker.pair_ends_at(qdoc, position):
        return position - 2
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position)
    cursor.movePosition(_Move.PreviousCharacter)
    return cursor.position()


def _unit_after(qdoc, position: int) -> int:
    if footnote_marker.pair_starts_at(qdoc, position):
        return position + 2
    cursor = QTextCursor(qdoc)
    cursor.setPosition(position)
    cursor.movePosition(_Move.NextCharacter)
    return cursor.position()


def _masthead_line(block: QTextBlock) -> bool:
    return formats.kind_of(block.blockFormat()) in (formats.TITLE, formats.ORGAN_LINE)


def _has_text(content: list[Inline]) -> bool:
    return any((isinstance(n, Text) and n.text) or isinstance(n, (NoteRef, ProposalSpan)) for n in content)
