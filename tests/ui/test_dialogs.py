"""Preferences, recovery and document-details dialogs, driven as a user drives them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.recovery import Snapshot, SnapshotStore
from app.settings import Settings
from drafting import storage
from drafting.model import Block, BlockKind, Document, Masthead, Text
from tests.helpers import load
from ui.masthead_dialog import MastheadDialog
from ui.preferences_dialog import PreferencesDialog
from ui.recovery_dialog import RECOVER_COLUMN, UNREADABLE, RecoveryDialog, autosave_time


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


# --- preferences ------------------------------------------------------------------------------


def open_preferences(qtbot, settings: Settings) -> PreferencesDialog:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preferences_round_trip(qtbot):
    before = Settings(recent_files=("/drafts/a.penholder",))
    dialog = open_preferences(qtbot, before)
    names = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    assert names == ["English", "Français", "Español", "Русский", "中文", "العربية"]

    dialog.language_combo.setFocus()
    qtbot.keyClick(dialog.language_combo, Qt.Key.Key_End)  # the last entry: Arabic
    click(qtbot, dialog.regime_buttons["current"])
    click(qtbot, dialog.un_spelling_check)
    qtbot.keyClicks(dialog.delegation_edit, "  Mexico ")
    dialog.autosave_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.autosave_spin, "120")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    after = dialog.settings()
    assert after == Settings(
        language="ar",
        footnote_regime="current",
        un_spelling=False,
        delegation="Mexico",
        autosave_seconds=120,
        recent_files=("/drafts/a.penholder",),
    )
    assert after.right_to_left
    assert before == Settings(recent_files=("/drafts/a.penholder",))  # the input is not changed


def test_preferences_show_the_current_settings(qtbot):
    settings = Settings(language="fr", footnote_regime="current", un_spelling=False, delegation="Peru")
    dialog = open_preferences(qtbot, settings)
    assert dialog.language_combo.currentText() == "Français"
    assert dialog.regime_buttons["current"].isChecked()
    assert not dialog.regime_buttons["legacy"].isChecked()
    assert dialog.delegation_edit.placeholderText() == "e.g. Mexico"
    assert dialog.settings() == settings


def test_preferences_cannot_produce_invalid_settings(qtbot):
    dialog = open_preferences(qtbot, Settings(language="xx", footnote_regime="odd", autosave_seconds=2))
    dialog.autosave_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.autosave_spin, "99999")
    result = dialog.settings()
    assert result.language == "en"
    assert result.footnote_regime == "legacy"
    assert 5 <= result.autosave_seconds <= 3600
    click(qtbot, dialog.regime_buttons["current"])
    click(qtbot, dialog.regime_buttons["current"])  # a radio button cannot be unticked into "no regime"
    assert dialog.settings().footnote_regime == "current"


# --- recovery ---------------------------------------------------------------------------------


@pytest.fixture
def snapshots(tmp_path) -> list[Snapshot]:
    """Two good snapshots written by the store, and one damaged file."""
    store = SnapshotStore(tmp_path)
    saved_at = datetime(2026, 11, 23, 18, 40).timestamp()
    resolution = load("ga-res-67-193-en.txt").document
    first = store.write("k1", storage.PenholderFile(resolution, []), "/drafts/67-193.penholder")
    untitled = Document(
        blocks=[Block("b1", BlockKind.PARAGRAPH, [Text("Notes for the informal consultations")])]
    )
    second = store.write("k2", storage.PenholderFile(untitled, []), None)
    damaged = tmp_path / "k3.penholder"
    damaged.write_bytes(b'{"format": "penholder", "schema_version": 1, "document": {"blocks": ')
    return [
        Snapshot("k1", first, "/drafts/67-193.penholder", 999_999, saved_at),
        Snapshot("k2", second, None, 999_999, time.time()),
        Snapshot("k3", damaged, "/drafts/broken.penholder", 999_999, saved_at),
    ]


def open_recovery(qtbot, snapshots) -> RecoveryDialog:
    dialog = RecoveryDialog(snapshots)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog: RecoveryDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def toggle(qtbot, dialog: RecoveryDialog, row: int) -> None:
    """Click the row's "Recover" check box, as a user does."""
    table = dialog.table
    rect = table.visualItemRect(table.item(row, RECOVER_COLUMN))
    point = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_recovery_lists_documents_with_time_and_preview(qtbot, snapshots):
    dialog = open_recovery(qtbot, snapshots)
    assert cell(dialog, 0, 0) == "67-193.penholder"
    assert cell(dialog, 0, 1) == "23 Nov 2026 18:40"
    assert "International cooperation against the world drug problem" in cell(dialog, 0, 2)
    assert cell(dialog, 1, 0) == "Untitled document"
    assert cell(dialog, 1, 2) == "Notes for the informal consultations"
    assert cell(dialog, 2, 0) == "broken.penholder"
    assert cell(dialog, 2, 2) == UNREADABLE
    assert [dialog.is_checked(row) for row in range(3)] == [True, True, False]
    assert not dialog.table.item(2, RECOVER_COLUMN).flags() & Qt.ItemFlag.ItemIsEnabled


def test_recover_selected(qtbot, snapshots):
    dialog = open_recovery(qtbot, snapshots)
    toggle(qtbot, dialog, 1)
    toggle(qtbot, dialog, 2)  # the damaged one cannot be ticked
    assert [dialog.is_checked(row) for row in range(3)] == [True, False, False]
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.recover_button)
    recover, discard = dialog.choices()
    assert recover == [snapshots[0]]
    assert discard == [snapshots[1], snapshots[2]]
    assert storage.load(recover[0].path).document.masthead.symbol == "A/RES/67/193"


def test_discard_all_and_decide_later(qtbot, snapshots):
    dialog = open_recovery(qtbot, snapshots)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.discard_button)
    assert dialog.choices() == ([], snapshots)

    later = open_recovery(qtbot, snapshots)
    with qtbot.waitSignal(later.rejected):
        click(qtbot, later.later_button)
    assert later.result() == QDialog.DialogCode.Rejected
    assert later.choices() == ([], [])

    escaped = open_recovery(qtbot, snapshots)
    click(qtbot, escaped.discard_button)
    escaped.open()
    qtbot.keyClick(escaped, Qt.Key.Key_Escape)
    assert escaped.choices() == ([], [])


def test_a_missing_snapshot_file_is_not_a_traceback(qtbot, tmp_path):
    gone = Snapshot("k9", tmp_path / "k9.penholder", None, 999_999, 0.0)
    dialog = open_recovery(qtbot, [gone])
    assert cell(dialog, 0, 2) == UNREADABLE
    click(qtbot, dialog.recover_button)
    assert dialog.choices() == ([], [gone])


def test_autosave_time_is_english_whatever_the_locale():
    assert autosave_time(datetime(2026, 3, 5, 9, 7).timestamp()) == "5 Mar 2026 09:07"


# --- document details -------------------------------------------------------------------------


def open_masthead(qtbot, masthead: Masthead) -> MastheadDialog:
    dialog = MastheadDialog(masthead)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_masthead_round_trip(qtbot):
    original = Masthead(
        organ="General Assembly",
        symbol="A/C.3/80/L.7",
        session="Eightieth session",
        sponsors=["Mexico"],
        provenance="[on the report of the Third Committee (A/80/1)]",
    )
    dialog = open_masthead(qtbot, original)
    assert dialog.windowTitle() == "Document details"
    assert dialog.fields["symbol"].text() == "A/C.3/80/L.7"
    assert not dialog.symbol_warning_shown

    fields = dialog.fields
    retype(qtbot, fields["distribution"], "Limited")
    qtbot.keyClicks(fields["date"], "3 November 2025")
    retype(qtbot, fields["original_language"], "English")
    qtbot.keyClicks(fields["agenda_item"], " 104 ")
    qtbot.keyClicks(fields["agenda_title"], "International drug control")
    retype(qtbot, fields["designation"], "revised draft resolution")
    qtbot.keyClicks(fields["title"], "International cooperation against the world drug problem")
    qtbot.keyClicks(fields["organ_line"], "The General Assembly,")
    retype(qtbot, fields["session"], "")
    dialog.sponsors_edit.setFocus()
    qtbot.keyClick(dialog.sponsors_edit, Qt.Key.Key_End)
    for line in ("", "  Peru ", "", "Chile"):
        qtbot.keyClick(dialog.sponsors_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.sponsors_edit, line)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    result = dialog.masthead()
    assert result is not original
    assert result == Masthead(
        organ="General Assembly",
        symbol="A/C.3/80/L.7",
        distribution="Limited",
        date="3 November 2025",
        original_language="English",
        session=None,
        agenda_item="104",
        agenda_title="International drug control",
        provenance="[on the report of the Third Committee (A/80/1)]",
        sponsors=["Mexico", "Peru", "Chile"],
        designation="revised draft resolution",
        title="International cooperation against the world drug problem",
        organ_line="The General Assembly,",
    )
    assert original.sponsors == ["Mexico"]


def test_an_unrecognised_symbol_warns_but_is_kept(qtbot):
    dialog = open_masthead(qtbot, Masthead())
    assert not dialog.symbol_warning_shown  # empty is fine
    qtbot.keyClicks(dialog.fields["symbol"], "A/RES/67")
    assert dialog.symbol_warning_shown
    qtbot.keyClicks(dialog.fields["symbol"], "/193")
    assert not dialog.symbol_warning_shown
    retype(qtbot, dialog.fields["symbol"], "CICA/2024/7")
    assert dialog.symbol_warning_shown
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.masthead().symbol == "CICA/2024/7"
