"""The "New document" chooser: pick a template, date it, and get a :class:`Document` to start from.

Everything the dialog shows about the result (the session line, the placeholder symbol) comes
from :mod:`drafting.templates`, so the preview says exactly what the new document will say.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.languages import ENDONYMS, OFFICIAL_LANGUAGES
from drafting.masthead import split_sponsors
from drafting.model import Document
from drafting.templates import TEMPLATES, TemplateInfo, new_document, template_session

_KEY_ROLE = Qt.ItemDataRole.UserRole
_EARLIEST = QDate(1958, 1, 1)
"""The first year every template can name a session for (the Commission's first numbered annual one)."""
_LATEST = QDate(2199, 12, 31)


def split_sponsor_names(text: str) -> list[str]:
    """The delegations typed in the sponsors field: "Kazakhstan, Kyrgyzstan, Tajikistan,
    Turkmenistan and Uzbekistan" gives five names, "Trinidad and Tobago" stays one
    (``drafting.masthead.split_sponsors``)."""
    return split_sponsors(text, "en")


class TemplateDialog(QDialog):
    """Choose a template and its masthead details; :meth:`chosen_document` is the new document."""

    def __init__(
        self, parent: QWidget | None = None, *, on: datetime.date | None = None, language: str = "en"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New document")
        self.setMinimumSize(560, 400)
        self.resize(640, 440)
        self._document: Document | None = None

        self.templates = QListWidget()
        self.templates.setObjectName("templates")
        self.templates.setAccessibleName("Templates")
        for info in TEMPLATES:
            item = QListWidgetItem(info.name)
            item.setData(_KEY_ROLE, info.key)
            item.setToolTip(info.description)
            self.templates.addItem(item)
        self.templates.setMinimumWidth(self.templates.sizeHintForColumn(0) + 24)

        self.description = QLabel()
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.date = QDateEdit()
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setDateRange(_EARLIEST, _LATEST)
        self.date.setDate(QDate(on.year, on.month, on.day) if on else QDate.currentDate())

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in OFFICIAL_LANGUAGES:
            self.language.addItem(ENDONYMS[code], code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

        self.session = QLineEdit()
        self.session.setObjectName("session")
        self.session.setReadOnly(True)
        self.session.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.session.setAccessibleName("Session")

        self.agenda_item = QLineEdit()
        self.agenda_item.setObjectName("agendaItem")
        self.agenda_item.setPlaceholderText("e.g. 104 or 18 (b)")

        self.symbol = QLineEdit()
        self.symbol.setObjectName("symbol")

        self.sponsors = QLineEdit()
        self.sponsors.setObjectName("sponsors")
        self.sponsors.setPlaceholderText("Comma-separated, e.g. Kazakhstan, Kyrgyzstan, Tajikistan")
        self.sponsors.setToolTip(
            "Delegations sponsoring the draft, separated by commas; the last may follow “and”"
        )

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Language:", self.language)
        form.addRow("&Date:", self.date)
        form.addRow("Session:", self.session)
        form.addRow("&Agenda item:", self.agenda_item)
        form.addRow("S&ymbol (optional):", self.symbol)
        form.addRow("S&ponsors:", self.sponsors)

        top = QHBoxLayout()
        top.addWidget(self.templates, 1)
        top.addWidget(self.description, 1)

        body = QVBoxLayout()
        body.addLayout(top, 1)
        body.addLayout(form)
        body.addWidget(self.error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self.templates.currentRowChanged.connect(self._refresh)
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())
        self.date.dateChanged.connect(self._refresh)
        self.language.currentIndexChanged.connect(self._refresh)
        self.templates.setCurrentRow(0)
        self.templates.setFocus()

    # --- reading the form ---------------------------------------------------------------------

    def selected_template(self) -> TemplateInfo:
        row = max(self.templates.currentRow(), 0)
        return TEMPLATES[row]

    def select_template(self, key: str) -> None:
        """Select the template called ``key`` (as a click on it would)."""
        for row in range(self.templates.count()):
            if self.templates.item(row).data(_KEY_ROLE) == key:
                self.templates.setCurrentRow(row)
                return
        raise ValueError(f"unknown template {key!r}")

    def chosen_date(self) -> datetime.date:
        return self.date.date().toPython()

    def chosen_document(self) -> Document | None:
        """The new document once the dialog was accepted; None if it was cancelled."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self._document

    def build_document(self) -> Document:
        """The document the current choices give (ValueError if they cannot be used)."""
        info = self.selected_template()
        return new_document(
            info.key,
            on=self.chosen_date(),
            agenda_item=self.agenda_item.text() if self.agenda_item.isEnabled() else "",
            symbol=self.symbol.text() if self.symbol.isEnabled() else "",
            sponsors=split_sponsor_names(self.sponsors.text()) if info.takes_sponsors else (),
            language=self.chosen_language(),
        )

    def chosen_language(self) -> str:
        return self.language.currentData()

    # --- behaviour ----------------------------------------------------------------------------

    def accept(self) -> None:
        try:
            self._document = self.build_document()
        except ValueError as exc:
            self.error.setText(f"Cannot create the document: {exc}")
            self.error.show()
            return
        super().accept()

    def _refresh(self) -> None:
        """Make the fields fit the selected template, and say what the session line will be."""
        info = self.selected_template()
        self.error.hide()
        self.description.setText(f"<b>{info.name}</b><br>{info.description}")
        resolution = bool(info.organ)
        self.agenda_item.setEnabled(resolution and info.key != "sc-resolution")
        self.symbol.setEnabled(resolution)
        self.sponsors.setEnabled(info.takes_sponsors)
        on = self.chosen_date()
        try:
            session = template_session(info.key, on, self.chosen_language())
            placeholder = new_document(info.key, on=on).masthead.symbol or ""
        except ValueError as exc:
            session, placeholder = str(exc), ""
        if not session:
            session = (
                "No session (the Security Council meets continuously)" if resolution else "No session line"
            )
        self.session.setText(session)
        self.session.setCursorPosition(0)
        self.symbol.setPlaceholderText(placeholder)


def ask_new_document(parent: QWidget | None = None) -> Document | None:
    """Show the chooser modally; the new document, or None if the user cancelled."""
    dialog = TemplateDialog(parent)
    dialog.exec()
    return dialog.chosen_document()
