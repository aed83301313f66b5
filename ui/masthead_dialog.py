"""The "Document details" dialog: edits the masthead of a document.

Fields the dialog does not show (organization, organ, adoption heading, provenance, the
sponsors note) are carried over unchanged. The symbol is checked softly: one that
:func:`drafting.symbols.parse_symbol` does not recognise gets a warning, but is kept as typed,
because the grammar does not know every series.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafting.model import Masthead
from drafting.symbols import parse_symbol, split_double

DISTRIBUTIONS = ("", "General", "Limited", "Restricted")
ORIGINAL_LANGUAGES = ("", "English", "French", "Spanish", "Russian", "Chinese", "Arabic")
DESIGNATIONS = ("", "draft resolution", "revised draft resolution")
SYMBOL_WARNING = (
    "Not a recognised UN document symbol (e.g. A/RES/67/193, A/C.3/67/L.15); it is kept as typed."
)

TEXT_FIELDS = (
    ("symbol", "&Symbol:"),
    ("distribution", "&Distribution:"),
    ("date", "D&ate:"),
    ("original_language", "&Original language:"),
    ("session", "S&ession:"),
    ("agenda_item", "Agenda &item:"),
    ("agenda_title", "Agenda item &title:"),
    ("designation", "Desig&nation:"),
    ("title", "Tit&le:"),
    ("organ_line", "Or&gan line:"),
    ("adoption_meeting", "Adoption &meeting:"),
    ("adoption_date", "Adoption date:"),
)
"""Masthead fields edited as one line of text, in form order (sponsors come after the designation)."""
_CHOICES = {
    "distribution": DISTRIBUTIONS,
    "original_language": ORIGINAL_LANGUAGES,
    "designation": DESIGNATIONS,
}
_PLACEHOLDERS = {
    "symbol": "A/C.3/67/L.15",
    "date": "23 November 2026",
    "session": "Sixty-seventh session",
    "agenda_item": "104",
    "organ_line": "The General Assembly,",
    "adoption_meeting": "60th plenary meeting",
    "adoption_date": "20 December 2012",
}


def symbol_recognised(text: str) -> bool:
    """Whether ``text`` is a UN symbol (or a double symbol whose halves both are)."""
    parts = split_double(text)
    return bool(parts) and all(parse_symbol(part) is not None for part in parts)


class MastheadDialog(QDialog):
    def __init__(self, masthead: Masthead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Document details")
        self._original = masthead
        self.fields: dict[str, QLineEdit] = {}
        """The line edit of each field in :data:`TEXT_FIELDS` (inside a combo box for some)."""

        form = QFormLayout()
        for name, label in TEXT_FIELDS:
            value = getattr(masthead, name) or ""
            if name in _CHOICES:
                combo = QComboBox()
                combo.setEditable(True)
                combo.addItems(list(_CHOICES[name]))
                combo.setCurrentText(value)
                edit = combo.lineEdit()
                widget: QWidget = combo
            else:
                edit = QLineEdit(value)
                widget = edit
            edit.setPlaceholderText(_PLACEHOLDERS.get(name, ""))
            self.fields[name] = edit
            form.addRow(label, widget)
            if name == "symbol":
                self.symbol_warning = QLabel(SYMBOL_WARNING)
                self.symbol_warning.setWordWrap(True)
                self.symbol_warning.setStyleSheet("color: #a15c00;")
                form.addRow("", self.symbol_warning)
            if name == "designation":
                self.sponsors_edit = QPlainTextEdit("\n".join(masthead.sponsors))
                self.sponsors_edit.setPlaceholderText("One delegation per line")
                self.sponsors_edit.setTabChangesFocus(True)
                self.sponsors_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
                form.addRow("S&ponsors:", self.sponsors_edit)
        self.fields["symbol"].textChanged.connect(self._check_symbol)
        self._check_symbol(self.fields["symbol"].text())

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _check_symbol(self, text: str) -> None:
        text = text.strip()
        self.symbol_warning.setVisible(bool(text) and not symbol_recognised(text))

    @property
    def symbol_warning_shown(self) -> bool:
        return not self.symbol_warning.isHidden()

    def masthead(self) -> Masthead:
        """The edited masthead: a new object; empty fields are None, sponsors one per line."""
        values: dict[str, str | None] = {
            name: edit.text().strip() or None for name, edit in self.fields.items()
        }
        sponsors = [line.strip() for line in self.sponsors_edit.toPlainText().splitlines() if line.strip()]
        return replace(self._original, **values, sponsors=sponsors)
