"""The opener completion popup: offered in the first words of a preambular or operative
paragraph, with "also"/"further" chosen from what the document already has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

from drafting.completion import opener_suggestions
from ui.editor import openers

if TYPE_CHECKING:
    from ui.document_session import DocumentSession

_POPUP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape, Qt.Key.Key_Backtab)


class OpenerCompleter(QCompleter):
    def __init__(self, session: DocumentSession) -> None:
        super().__init__(session.editor)
        self.session = session
        self.suggestions: list[str] = []
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setWidget(session.editor)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(10)
        self.activated[str].connect(self._chosen)
        session.editor.completion_popup = self
        session.completer = self

    def isVisible(self) -> bool:
        return self.popup().isVisible()

    def handle_key(self, event) -> bool:
        """Keys the popup should take instead of the editor (the Qt custom-completer pattern)."""
        if event.key() in _POPUP_KEYS:
            if event.key() == Qt.Key.Key_Tab:
                index = self.popup().currentIndex()
                row = index.row() if index.isValid() else 0
                if 0 <= row < len(self.suggestions):
                    self._chosen(self.suggestions[row])
                self.popup().hide()
                return True
            event.ignore()
            return True
        return False

    def update_for(self, session: DocumentSession) -> None:
        cursor = session.text_cursor()
        found = openers.completion_prefix(cursor)
        if found is None:
            self.popup().hide()
            return
        part, prefix = found
        suggestions = opener_suggestions(
            session.last_snapshot().document,
            part,
            prefix,
            language=session.language,
            exclude_block=session.current_block_id(),
        )
        texts = [s.text for s in suggestions if s.text.lower() != prefix.strip().lower()]
        if not texts:
            self.popup().hide()
            return
        self.suggestions = texts
        self._model.setStringList(texts)
        rect = session.editor.cursorRect()
        rect.setWidth(max(260, self.popup().sizeHintForColumn(0) + 24))
        self.complete(rect)
        self.popup().setCurrentIndex(self._model.index(0, 0))

    def _chosen(self, text: str) -> None:
        self.popup().hide()
        self.session.insert_opener(text)
