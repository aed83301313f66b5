"""Document ▸ Language: the language belongs to the document (stored in its file, detected on
import), not to the preferences, which only hold the default for new documents. Changing it is
one undo step of the document it is changed in; the menu shows the current document's language
and follows the tab, undo and redo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from drafting.languages import ENDONYMS, LANGUAGE_NAMES, OFFICIAL_LANGUAGES, RIGHT_TO_LEFT

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LanguageCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.menu = QMenu("&Language", window)
        self.menu.setObjectName("language-menu")
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code in OFFICIAL_LANGUAGES:
            name = LANGUAGE_NAMES[code]
            text = name if ENDONYMS[code] == name else f"{name} ({ENDONYMS[code]})"
            action = QAction(text, self.menu)
            action.setCheckable(True)
            action.setData(code)
            action.setStatusTip(
                f"The document is in {name}: direction, checks, spelling and exports follow it"
            )
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.menu.aboutToShow.connect(self.show_current)

    def set_language(self, code: str) -> None:
        """The current document's language, as one undo step."""
        session = self.window.current_session()
        if session is None:
            return
        session.change_language(code)
        self.show_current()

    def show_current(self) -> None:
        """Check the current document's language; nothing to change without a document."""
        session = self.window.current_session()
        for code, action in self.actions.items():
            action.setEnabled(session is not None)
            action.setChecked(session is not None and session.language == code)


def follow_direction(views: list[QWidget], language: str) -> None:
    """The panels' views right to left for an Arabic document (rows read from the right, the
    outline indented from the right, as in the text), left to right otherwise."""
    rtl = language in RIGHT_TO_LEFT
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    for view in views:
        if view.layoutDirection() != direction:
            view.setLayoutDirection(direction)
