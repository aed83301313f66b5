"""Editing commands of the window: marks, find and replace all, phrases from the palette, the
editor's context menu, the user dictionary and suggesting mode. Each lands on the current
document as one named undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QMessageBox

from drafting.errors import DraftingError
from drafting.ids import new_id
from drafting.model import Mark, Text
from drafting.phrases import opening_phrase
from drafting.spelling import add_user_word
from ui.context_menu import build_menu
from ui.editor.writer import FlatBlock
from ui.find_bar import replace_all as replace_everywhere

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace


class EditCommands:
    def __init__(self, window: Workspace) -> None:
        self.window = window

    def replace_all(self, needle: str, replacement: str, match_case: bool) -> None:
        session = self.window.current_session()
        if session is None:
            return
        with session.edit_step(f"Replace all “{needle}”"):
            count = replace_everywhere(session.qdoc, needle, replacement, match_case)
        self.window.show_message(f"{count} replaced", 4000)

    def toggle_mark(self, mark: str) -> None:
        session = self.window.current_session()
        if session is None:
            return
        cursor = session.text_cursor()
        current = cursor.charFormat()
        fmt = QTextCharFormat()
        if mark == "bold":
            fmt.setFontWeight(
                QFont.Weight.Normal if current.fontWeight() >= QFont.Weight.DemiBold else QFont.Weight.Bold
            )
        elif mark == "italic":
            fmt.setFontItalic(not current.fontItalic())
        else:
            fmt.setFontUnderline(not current.fontUnderline())
        if not cursor.hasSelection():
            session.editor.mergeCurrentCharFormat(fmt)
            return
        with session.edit_step(mark.capitalize()):
            cursor.mergeCharFormat(fmt)

    def phrase_chosen(self, text: str, kind: str) -> None:
        """An opener goes at the start of the current (empty) paragraph or of a new one after it;
        a standard paragraph is inserted after the current one, its opening phrase italic."""
        session = self.window.current_session()
        if session is None:
            return
        cursor = session.text_cursor()
        block = cursor.block()
        is_opener = opening_phrase(text, kind, session.language) == text.strip()
        if is_opener and not block.text().strip():
            session.insert_opener(text)
        elif is_opener:
            with session.edit_step("Insert opening phrase"):
                session.insert_paragraphs("Insert opening phrase", [FlatBlock(kind, new_id("p"), 0, [])])
                session.insert_opener(text)
        else:
            phrase = opening_phrase(text, kind, session.language)
            italic = frozenset({Mark.ITALIC}) if session.language != "zh" else frozenset()
            content = [Text(phrase, italic), Text(text[len(phrase) :])] if phrase else [Text(text)]
            session.insert_paragraphs("Insert standard paragraph", [FlatBlock(kind, new_id("p"), 0, content)])
        session.editor.setFocus()

    def context_menu(self, point) -> None:
        session = self.window.current_session()
        menu = build_menu(self.window, point)
        if session is not None and menu is not None:
            menu.exec(session.editor.viewport().mapToGlobal(point))

    # -- suggesting mode (Track Changes) ----------------------------------------------------------

    def attach_suggesting(self, session: DocumentSession) -> None:
        """A new document's suggestions are by the delegation in the preferences."""
        session.suggesting.author_source = lambda: self.window.settings.delegation or None
        session.suggesting.toggled.connect(lambda _on: self.show_suggesting())
        session.suggesting.oralChanged.connect(lambda _meeting: self.show_suggesting())

    def toggle_suggesting(self) -> None:
        """Ctrl+Shift+E, Edit ▸ Suggest changes, the status bar's "Editing"/"Suggesting": the
        current document's suggesting mode on or off. The first time it goes on without a
        delegation in the preferences, the user is asked for one (once; Cancel is an answer)."""
        session = self.window.current_session()
        if session is None:
            self.show_suggesting()
            return
        on = not session.suggesting.active
        if on:
            self.window.files.ask_author_once()
        session.suggesting.set_active(on)
        who = self.window.settings.delegation or "an unnamed delegation"
        message = (
            f"Suggesting: your edits are proposals by {who}" if on else "Editing: your edits change the text"
        )
        self.window.show_message(message, 4000)
        self.show_suggesting()
        session.editor.setFocus()

    def show_suggesting(self) -> None:
        """The actions' check marks and the status bar's indicator show the current document's
        mode, and the meeting whose oral revisions are being recorded."""
        session = self.window.current_session()
        on = bool(session is not None and session.suggesting.active)
        oral = session.suggesting.oral_meeting if session is not None and on else None
        actions = getattr(self.window, "actions", None)
        actions = actions if isinstance(actions, dict) else {}
        for key, checked in (("suggesting", on), ("oral_revisions", oral is not None)):
            if key in actions:
                actions[key].setChecked(checked)
        indicator = getattr(self.window, "suggesting_indicator", None)
        if indicator is not None:
            indicator.setText(
                f"Recording oral revisions ({oral})" if oral else "Suggesting" if on else "Editing"
            )
            indicator.setChecked(on)
            indicator.setEnabled(session is not None)
            indicator.setToolTip(
                f"Recording oral revisions ({oral}): your edits are proposals read out there"
                " (Ctrl+Shift+E to edit the text)"
                if oral
                else "Suggesting: your edits are proposals (Ctrl+Shift+E to edit the text)"
                if on
                else "Editing: your edits change the text (Ctrl+Shift+E to suggest changes instead)"
            )

    def add_to_dictionary(self, word: str) -> None:
        try:
            add_user_word(self.window.services.user_dictionary(), word)
        except (DraftingError, ValueError) as exc:
            QMessageBox.warning(
                self.window, "Penholder", f"“{word}” could not be added to the dictionary: {exc}"
            )
            return
        for session in self.window.sessions():
            session.set_check_settings(self.window.check_settings())
        self.window.show_message(f"“{word}” added to your dictionary", 4000)
