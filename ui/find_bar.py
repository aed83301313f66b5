"""Find and replace (Ctrl+F / Ctrl+H): a bar under the editor, not a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget


class FindBar(QWidget):
    replaceAllRequested = Signal(str, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = None
        # Two rows (find, replace), so that the fields keep a usable width in a small window.
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setVerticalSpacing(2)
        self.find_field = QLineEdit(placeholderText="Find")
        self.replace_field = QLineEdit(placeholderText="Replace with")
        self.case = QCheckBox("Match case")
        self.status = QLabel()
        previous = QPushButton("Previous")
        following = QPushButton("Next")
        self.replace_button = QPushButton("Replace")
        self.replace_all_button = QPushButton("Replace all")
        close = QPushButton("Close")
        for field in (self.find_field, self.replace_field):
            field.setMinimumWidth(160)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for column, widget in enumerate((self.find_field, previous, following, self.status, close)):
            layout.addWidget(widget, 0, column)
        layout.addWidget(self.replace_field, 1, 0)
        layout.addWidget(self.replace_button, 1, 1)
        layout.addWidget(self.replace_all_button, 1, 2)
        layout.addWidget(self.case, 1, 3, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(3, 1)
        self.find_field.returnPressed.connect(self.find_next)
        following.clicked.connect(self.find_next)
        previous.clicked.connect(lambda: self.find_next(backward=True))
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(
            lambda: self.replaceAllRequested.emit(
                self.find_field.text(), self.replace_field.text(), self.case.isChecked()
            )
        )
        close.clicked.connect(self.hide)

    def open(self, editor, *, replace: bool) -> None:
        self.editor = editor
        self.replace_field.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        selected = editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def _flags(self, backward: bool) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        return flags

    def find_next(self, backward: bool = False) -> bool:
        needle = self.find_field.text()
        if self.editor is None or not needle:
            return False
        doc = self.editor.document()
        found = doc.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():
            start = QTextCursor(doc)
            start.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = doc.find(needle, start, self._flags(backward))
        if found.isNull():
            self.status.setText("Not found")
            return False
        self.status.setText("")
        self.editor.setTextCursor(found)
        return True

    def replace_one(self) -> None:
        if self.editor is None:
            return
        cursor = self.editor.textCursor()
        sensitivity = (
            Qt.CaseSensitivity.CaseSensitive if self.case.isChecked() else Qt.CaseSensitivity.CaseInsensitive
        )
        needle = self.find_field.text()
        if cursor.hasSelection() and (
            cursor.selectedText() == needle
            or (
                sensitivity == Qt.CaseSensitivity.CaseInsensitive
                and cursor.selectedText().lower() == needle.lower()
            )
        ):
            cursor.insertText(self.replace_field.text())
        self.find_next()


def replace_all(doc: QTextDocument, needle: str, replacement: str, match_case: bool) -> int:
    """Replace every occurrence as one edit block; returns how many."""
    if not needle:
        return 0
    flags = QTextDocument.FindFlag.FindCaseSensitively if match_case else QTextDocument.FindFlag(0)
    cursor = QTextCursor(doc)
    edit = QTextCursor(doc)
    edit.beginEditBlock()
    count = 0
    while True:
        cursor = doc.find(needle, cursor, flags)
        if cursor.isNull():
            break
        cursor.insertText(replacement)
        count += 1
    edit.endEditBlock()
    return count
