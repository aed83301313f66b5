"""Suggesting mode for one document: whether it is on, where it applies, and the entry points
the editor widget, the session and the window call. Each gesture is carried out by its own
module (typing, deleting, paragraphs, moving, pasting); they share the :class:`Recorder`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeyEvent

from drafting.model import Footnote, Inline
from ui.editor.suggesting import deleting, inserting, keys, moving, pasting, whole_paragraphs
from ui.editor.suggesting.recorder import Recorder
from ui.editor.suggesting.surface import is_masthead_line
from ui.editor.writer import FlatBlock

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


class Suggester(QObject):
    """Suggesting mode for one document (Word keeps Track Changes per document too)."""

    toggled = Signal(bool)
    oralChanged = Signal(object)
    """Oral revisions recorded from now on at this meeting (a str), or no longer (None)."""

    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session)
        self.session = session
        self.active = False
        self.recorder = Recorder(session)

    # -- state ---------------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        """Suggesting mode on or off; off also ends the recording of oral revisions."""
        if not on:
            self.oral_meeting = None
        if on != self.active:
            self.active = on
            self.toggled.emit(on)

    @property
    def oral_meeting(self) -> str | None:
        """The meeting whose oral revisions are being recorded (None: they are not): the new
        proposals of suggesting mode are oral revisions read out there."""
        return self.recorder.oral_meeting

    @oral_meeting.setter
    def oral_meeting(self, meeting: str | None) -> None:
        meeting = (meeting or "").strip() or None
        if meeting != self.recorder.oral_meeting:
            self.recorder.oral_meeting = meeting
            self.oralChanged.emit(meeting)

    @property
    def author_source(self) -> Callable[[], str | None]:
        """Who the user speaks for (the window passes ``Settings.delegation``)."""
        return self.recorder.author_source

    @author_source.setter
    def author_source(self, source: Callable[[], str | None]) -> None:
        self.recorder.author_source = source

    @property
    def author(self) -> str | None:
        return self.recorder.author

    def applies(self, position: int | None = None) -> bool:
        """Whether an edit at the cursor (or at ``position``) is a suggestion: suggesting is on
        and it is not in the title or the organ line, which the model keeps as plain strings of
        the masthead (no proposal can live there; they are edited as outside suggesting mode)."""
        if not self.active:
            return False
        qdoc = self.session.qdoc
        if position is not None:
            return not is_masthead_line(qdoc.findBlock(position))
        cursor = self.session.text_cursor()
        ends = (qdoc.findBlock(cursor.anchor()), cursor.block())
        return not all(is_masthead_line(block) for block in ends)

    # -- gestures ------------------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Carry out a key that would change the text; True when it was handled here."""
        return self.applies() and keys.handle_key(self.recorder, event)

    def type_text(self, text: str) -> None:
        inserting.type_text(self.recorder, text)

    def backspace(self) -> None:
        deleting.backspace(self.recorder)

    def delete_forward(self) -> None:
        deleting.delete_forward(self.recorder)

    def delete_word(self, *, backward: bool) -> None:
        deleting.delete_word(self.recorder, backward=backward)

    def delete_selection(self) -> None:
        deleting.delete_selection(self.recorder)

    def replace_range(self, start: int, end: int, content: list[Inline], name: str) -> None:
        """``start``…``end`` replaced by ``content`` as a suggestion (a spelling correction, an
        opening phrase chosen from the list)."""
        inserting.replace(self.recorder, start, end, content=content, name=name)

    def paste(self, paragraphs: list[list[Inline]], footnotes: dict[str, Footnote] | None = None) -> None:
        pasting.paste(self.recorder, paragraphs, footnotes)

    def settle_pasted(self, content: list[Inline], clip_proposals: dict[str, dict]) -> list[Inline]:
        return pasting.settle_pasted(self.recorder, content, clip_proposals)

    def new_paragraph(self, kind: str = "") -> None:
        whole_paragraphs.new_paragraph(self.recorder, kind)

    def insert_paragraphs(self, paragraphs: list[FlatBlock], name: str) -> None:
        whole_paragraphs.insert_paragraphs(self.recorder, paragraphs, name)

    def tracks_move(self, block_id: str) -> bool:
        """Whether moving this paragraph is a suggestion: suggesting is on and the paragraph (with
        its subparagraphs) is not wholly the user's own pending insertion."""
        return self.active and moving.is_tracked_move(self.recorder, block_id)

    def move(self, block_id: str, before_id: str, offset: int = 0) -> bool:
        return moving.move(self.recorder, block_id, before_id, offset)
