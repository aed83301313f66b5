"""The Preferences dialog: edits a copy of the preferences (:class:`ui.services.Preferences`).

Every control only offers valid values (a fixed list of languages, two exclusive regimes, a
bounded spin box), so the dialog cannot produce settings that ``load_settings`` would refuse.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafting.languages import ENDONYMS, OFFICIAL_LANGUAGES
from drafting.numbering import FOOTNOTE_REGIMES
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
        language_note = QLabel("Arabic is written right to left.")
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
        form.addRow("Document &language:", self.language_combo)
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

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def settings(self) -> Preferences:
        """The edited settings (a new object; the recent files are kept as they were)."""
        regime = next(name for name, button in self.regime_buttons.items() if button.isChecked())
        return replace(
            self._original,
            language=self.language_combo.currentData(),
            footnote_regime=regime,
            un_spelling=self.un_spelling_check.isChecked(),
            delegation=self.delegation_edit.text().strip(),
            autosave_seconds=self.autosave_spin.value(),
        )
