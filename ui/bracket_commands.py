"""Square brackets from the window: Document ▸ Put in brackets, Remove brackets, Delete bracketed
text, the Brackets panel that lists every pair (:mod:`ui.brackets_panel`) and the status bar's
count. Pairs are found by :mod:`drafting.brackets`.

A paragraph's pair is changed on the editing surface, so that suggesting mode records it like
any other edit (the brackets added or removed become the user's proposals) and each gesture is
one named undo step. The editor's text holds a joiner before each footnote marker that the
model's text does not, so a pair is found on the surface by its ``index`` among its
paragraph's pairs, not by the model's offsets. A footnote's pair is changed in the footnote's
text (footnote texts are not tracked in suggesting mode: they are edited as the Footnotes
panel edits them).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel

from drafting.brackets import (
    CLOSE,
    OPEN,
    BracketPair,
    bracket_pairs,
    delete_bracketed,
    pairs_in,
    remove_brackets,
)
from drafting.model import Text
from ui.brackets_panel import BracketRow, BracketsPanel
from ui.dock_layout import show_panel
from ui.editor import formats, structure_ops
from ui.editor.suggesting.deleting import erase

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace


def bracket_rows(session: DocumentSession) -> list[BracketRow]:
    document = session.document()
    labels, numbers = session.block_labels, session.footnote_numbers
    rows = []
    for pair in bracket_pairs(document):
        if pair.in_footnote:
            place = f"footnote {numbers.get(pair.target, '?')}"
        else:
            label = labels.get(pair.target)
            place = label.reference if label is not None else "?"
        rows.append(BracketRow(pair, f"{place} (inside)" if pair.depth else place))
    return rows


class BracketCommands:
    def __init__(self, window: Workspace, panel: BracketsPanel) -> None:
        self.window = window
        self.panel = panel
        self.count_label = QLabel()
        """For the status bar: "3 bracket pairs"."""
        self.count_label.setToolTip("Square brackets in the text: words not yet agreed (Document ▸ Brackets)")
        panel.shown.connect(lambda row: self.goto(row, focus=False))
        panel.activated.connect(lambda row: self.goto(row, focus=True))
        panel.removeRequested.connect(lambda row: self.settle(row, keep=True))
        panel.deleteRequested.connect(lambda row: self.settle(row, keep=False))

    def refresh(self, session: DocumentSession | None) -> None:
        rows = bracket_rows(session) if session is not None else []
        self.panel.set_rows(rows)
        self.count_label.setText(f"{len(rows)} bracket pair{'s' if len(rows) != 1 else ''}" if rows else "")

    def show_panel(self) -> None:
        """Document ▸ Brackets list: the panel's dock to the front, the keyboard in its list."""
        show_panel(self.panel, self.panel.tree)

    # -- gestures --------------------------------------------------------------------------------

    def bracket_selection(self) -> None:
        """Put the selected words in square brackets."""
        session = self.window.current_session()
        if session is None:
            return
        cursor = session.text_cursor()
        start, end = sorted((cursor.anchor(), cursor.position()))
        qdoc = session.qdoc
        if start == end or qdoc.findBlock(start) != qdoc.findBlock(end):
            self.window.show_message("Select the words to bracket, within one paragraph", 4000)
            return
        with self._step(session, "Bracket text"):
            if session.suggesting.applies(start):
                session.suggesting.replace_range(end, end, [Text(CLOSE)], "Suggest bracket")
                session.suggesting.replace_range(start, start, [Text(OPEN)], "Suggest bracket")
            else:
                edit = QTextCursor(qdoc)
                edit.beginEditBlock()
                edit.setPosition(end)
                edit.insertText(CLOSE, self._plain_format(edit))
                edit.setPosition(start)
                edit.insertText(OPEN, self._plain_format(edit))
                edit.endEditBlock()
        self.refresh(session)

    def remove_at_cursor(self, *, keep: bool) -> None:
        """Remove the brackets of the innermost pair around the cursor (``keep`` the words), or
        delete the words with them."""
        session = self.window.current_session()
        if session is None:
            return
        cursor = session.text_cursor()
        block = cursor.block()
        offset = cursor.position() - block.position()
        around = [
            (index, start, end)
            for index, (start, end, _depth) in enumerate(pairs_in(block.text())[0])
            if start <= offset <= end + 1
        ]
        block_id = formats.id_of(block.blockFormat())
        if not around or block_id is None:
            self.window.show_message("The cursor is not inside square brackets", 4000)
            return
        index = max(around, key=lambda item: item[1])[0]  # the innermost: it opens last
        pair = next(
            (p for p in bracket_pairs(session.document()) if p.target == block_id and p.index == index), None
        )
        if pair is not None:
            self.settle(BracketRow(pair, ""), keep=keep)

    def settle(self, row: BracketRow, *, keep: bool) -> None:
        """The words agreed (``keep``: the brackets go) or dropped (the words go with them)."""
        session = self.window.current_session()
        if session is None:
            return
        pair = row.pair
        if pair.in_footnote:
            self._settle_in_footnote(session, pair, keep=keep)
        else:
            place = self._surface_pair(session, pair)
            if place is None:
                self.window.show_message("Those brackets are no longer in the text", 4000)
                return
            start, end = place
            name = "Remove brackets" if keep else "Delete bracketed text"
            with self._step(session, name):
                if session.suggesting.applies(start):
                    recorder = session.suggesting.recorder
                    if keep:
                        erase(recorder, end, end + 1, cursor_at="start")
                        erase(recorder, start, start + 1, cursor_at="end")
                    else:
                        erase(recorder, start, end + 1, cursor_at="end")
                else:
                    edit = QTextCursor(session.qdoc)
                    edit.beginEditBlock()
                    for a, b in ((end, end + 1), (start, start + 1)) if keep else ((start, end + 1),):
                        edit.setPosition(a)
                        edit.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                        edit.removeSelectedText()
                    edit.endEditBlock()
        self.refresh(session)

    def goto(self, row: BracketRow, *, focus: bool) -> None:
        session = self.window.current_session()
        if session is None:
            return
        pair = row.pair
        if pair.in_footnote:
            session.goto_footnote_reference(pair.target)
            return
        place = self._surface_pair(session, pair)
        if place is None:
            return
        start, end = place
        cursor = QTextCursor(session.qdoc)
        cursor.setPosition(start)
        cursor.setPosition(end + 1, QTextCursor.MoveMode.KeepAnchor)
        session.set_text_cursor(cursor)
        session.editor.ensureCursorVisible()
        if focus:
            session.editor.setFocus()

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _surface_pair(session: DocumentSession, pair: BracketPair) -> tuple[int, int] | None:
        """Document positions of the pair's "[" and "]" on the editing surface."""
        block = structure_ops.find_block(session.qdoc, pair.target)
        if block is None:
            return None
        pairs = pairs_in(block.text())[0]
        if pair.index >= len(pairs):
            return None
        start, end, _depth = pairs[pair.index]
        return block.position() + start, block.position() + end

    @staticmethod
    def _settle_in_footnote(session: DocumentSession, pair: BracketPair, *, keep: bool) -> None:
        document = copy.deepcopy(session.document())
        try:
            (remove_brackets if keep else delete_bracketed)(document, pair)
        except ValueError:
            return
        session.set_footnote_content(pair.target, document.footnotes[pair.target].content)

    @staticmethod
    def _plain_format(cursor: QTextCursor) -> QTextCharFormat:
        """The format of the text at the cursor, without a footnote marker's or proposal's part."""
        return formats.plain_format(cursor.charFormat())

    @staticmethod
    def _step(session: DocumentSession, name: str):
        """One named undo step for a gesture made of several edits (suggesting mode's edits are
        steps of their own, gathered here in one)."""
        return session.edit_step(name)
