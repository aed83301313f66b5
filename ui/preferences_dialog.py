"""The Preferences dialog: edits a copy of the preferences (:class:`ui.services.Preferences`).

Every control only offers valid values (a fixed list of languages, two exclusive regimes, a
bounded spin box, colours from a colour dialog), so the dialog cannot produce settings that
``load_settings`` would refuse.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.languages import ENDONYMS, OFFICIAL_LANGUAGES
from drafting.numbering import FOOTNOTE_REGIMES
from ui.editor import formats
from ui.proposals_panel import swatch
from ui.services import Preferences

REGIME_EXPLANATIONS = {
    "legacy": "Legacy: a footnote may be cited again by its number (older Editorial Manual)",
    "current": "Current: each reference once; a repeat becomes a new footnote",
}
AUTOSAVE_RANGE = (5, 3600)


class PreferencesDialog(QDialog):
    def __init__(self, settings: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._original = settings

        self.language_combo = QComboBox()
        for code in OFFICIAL_LANGUAGES:
            self.language_combo.addItem(ENDONYMS[code], code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        language_note = QLabel("For new documents; an open document's is in Document ▸ Language.")
        language_note.setEnabled(False)

        self.regime_group = QButtonGroup(self)
        self.regime_buttons: dict[str, QRadioButton] = {}
        regime_box = QVBoxLayout()
        for regime in FOOTNOTE_REGIMES:
            button = QRadioButton(REGIME_EXPLANATIONS[regime])
            self.regime_group.addButton(button)
            self.regime_buttons[regime] = button
            regime_box.addWidget(button)
        chosen = settings.footnote_regime if settings.footnote_regime in FOOTNOTE_REGIMES else "legacy"
        self.regime_buttons[chosen].setChecked(True)

        self.un_spelling_check = QCheckBox("Check UN house spelling (-ize, programme, centre …)")
        self.un_spelling_check.setChecked(bool(settings.un_spelling))

        self.delegation_edit = QLineEdit(settings.delegation)
        self.delegation_edit.setPlaceholderText("e.g. Mexico")
        delegation_note = QLabel("The author of proposals and tracked changes.")
        delegation_note.setEnabled(False)

        self.autosave_spin = QSpinBox()
        self.autosave_spin.setRange(*AUTOSAVE_RANGE)
        self.autosave_spin.setSuffix(" seconds")
        self.autosave_spin.setValue(settings.autosave_seconds)

        form = QFormLayout()
        form.addRow("Default &language:", self.language_combo)
        form.addRow("", language_note)
        form.addRow("Footnote regime:", regime_box)
        form.addRow("Spelling:", self.un_spelling_check)
        form.addRow("&Delegation:", self.delegation_edit)
        form.addRow("", delegation_note)
        form.addRow("&Autosave every:", self.autosave_spin)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.colours = DelegationColoursTable(
            dict(getattr(settings, "delegation_colours", None) or {}),
            [settings.delegation] if settings.delegation else [],
            self,
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.colours)
        layout.addWidget(self.buttons)

    def settings(self) -> Preferences:
        """The edited settings (a new object; the recent files are kept as they were)."""
        regime = next(name for name, button in self.regime_buttons.items() if button.isChecked())
        colours = (
            {"delegation_colours": self.colours.chosen()}
            if hasattr(self._original, "delegation_colours")
            else {}
        )
        return replace(
            self._original,
            language=self.language_combo.currentData(),
            footnote_regime=regime,
            un_spelling=self.un_spelling_check.isChecked(),
            delegation=self.delegation_edit.text().strip(),
            autosave_seconds=self.autosave_spin.value(),
            **colours,
        )


class DelegationColoursTable(QGroupBox):
    """Delegation -> the colour of its proposals: a button that opens a colour dialog, and one
    that gives the delegation back its automatic colour. Lists the delegations of the open
    documents and those with a colour of their own; another can be added by name."""

    NAME, COLOUR, AUTOMATIC = range(3)

    def __init__(self, chosen: dict[str, str], extra: list[str], parent: QWidget | None = None) -> None:
        super().__init__("Delegation colours", parent)
        self._chosen = {
            name: QColor(value).name() for name, value in chosen.items() if QColor(value).isValid()
        }
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Delegation", "Colour", ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COLOUR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.AUTOMATIC, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.colour_buttons: dict[str, QPushButton] = {}
        self.automatic_buttons: dict[str, QPushButton] = {}
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText("Another delegation, e.g. Japan")
        self.add_button = QPushButton("Add", self)
        self.add_button.clicked.connect(self._add_typed)
        self.new_name.installEventFilter(self)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(adding)
        for name in dict.fromkeys([*formats.DELEGATION_COLOURS.known(), *self._chosen, *extra]):
            self.add(name)

    def chosen(self) -> dict[str, str]:
        """The colours the user chose (delegations left automatic are not in it)."""
        return dict(self._chosen)

    def names(self) -> list[str]:
        return list(self.colour_buttons)

    def add(self, name: str) -> None:
        name = name.strip()
        if not name or name in self.colour_buttons:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, self.NAME, QTableWidgetItem(name))
        colour = QPushButton(self.table)
        colour.setAccessibleName(f"Colour of {name}")
        colour.clicked.connect(lambda _checked=False, n=name: self.choose(n))
        automatic = QPushButton("Automatic", self.table)
        automatic.setToolTip("Give the delegation one of Penholder's own colours again")
        automatic.clicked.connect(lambda _checked=False, n=name: self.set_colour(n, None))
        self.table.setCellWidget(row, self.COLOUR, colour)
        self.table.setCellWidget(row, self.AUTOMATIC, automatic)
        self.colour_buttons[name] = colour
        self.automatic_buttons[name] = automatic
        self._show(name)

    def choose(self, name: str) -> None:
        """Ask for the delegation's colour in a colour dialog."""
        chosen = QColorDialog.getColor(self.colour(name), self, f"Colour of {name}'s proposals")
        if chosen.isValid():
            self.set_colour(name, chosen.name())

    def set_colour(self, name: str, colour: str | None) -> None:
        if colour is None:
            self._chosen.pop(name, None)
        else:
            self._chosen[name] = QColor(colour).name()
        self._show(name)

    def colour(self, name: str) -> QColor:
        chosen = self._chosen.get(name)
        return QColor(chosen) if chosen else formats.DELEGATION_COLOURS.automatic(name)

    def _show(self, name: str) -> None:
        colour = self.colour(name)
        button = self.colour_buttons[name]
        button.setIcon(swatch(colour, 14))
        button.setText(colour.name() if name in self._chosen else f"{colour.name()} (automatic)")
        button.setToolTip(f"Choose the colour of {name}'s proposals")
        self.automatic_buttons[name].setEnabled(name in self._chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the name field adds the delegation (and does not close the dialog).
        if (
            watched is self.new_name
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add_typed()
            return True
        return super().eventFilter(watched, event)

    def _add_typed(self) -> None:
        self.add(self.new_name.text())
        self.new_name.clear()
