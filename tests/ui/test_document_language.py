"""The language belongs to the document (issue 17): the default in Preferences changes new
documents only; Document ▸ Language changes the open one as one undo step; File ▸ New takes the
default. Driven through the menus, the Preferences dialog and the keyboard."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from app.settings import Settings
from drafting import storage
from drafting.importers import load_document
from drafting.model import plain_text
from tests.helpers import CORPUS
from tests.ui.test_negotiation_commands import in_modal, menu_action
from tests.ui.window_helpers import RES_67_193, open_corpus, settle

CHINESE = CORPUS / "ga-draft-central-asia-drugs-zh.txt"
CTRL = Qt.KeyboardModifier.ControlModifier


def language_action(window, name: str):
    menu = menu_action(window, "&Document", "&Language").menu()
    menu.aboutToShow.emit()  # as opening the menu does: the current document's language is checked
    return next(a for a in menu.actions() if a.text().startswith(name))


def findings(session) -> list[tuple[str, str, str]]:
    return sorted((f.label, f.rule, f.message) for f in session.findings)


def test_a_chinese_document_stays_chinese_when_the_default_language_changes(qtbot, make_window):
    window = make_window(Settings(language="en"))
    session = open_corpus(window, CHINESE)
    assert session.language == "zh"
    settle(qtbot, session)
    before = findings(session)
    errors = sorted(f.label for f in session.findings if f.severity.value == "error")
    assert errors == ["PP 10", "PP 16", "PP 8"]

    def choose_arabic(dialog) -> None:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    failures = in_modal(qtbot, choose_arabic)
    menu_action(window, "&Edit", "Pr&eferences…").trigger()
    assert failures == []
    assert window.settings.language == "ar"
    assert session.language == "zh"
    assert session.editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.language_label.text() == "Chinese"
    assert not session.history.canUndo()  # nothing happened to the document
    settle(qtbot, session)
    assert findings(session) == before
    assert language_action(window, "Chinese").isChecked()


def test_the_status_bar_counts_a_chinese_document_in_characters(qtbot, make_window):
    window = make_window(Settings(language="en"))
    session = open_corpus(window, CHINESE)
    settle(qtbot, session)
    count, unit = window.words_label.text().split()
    assert unit == "characters"
    assert int(count.replace(",", "")) > 3000
    language_action(window, "English").trigger()
    qtbot.waitUntil(lambda: window.words_label.text().endswith(" words"), timeout=3000)
    assert int(window.words_label.text().split()[0].replace(",", "")) < 200


def test_document_language_is_one_undoable_step_and_is_saved(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window(Settings(language="en"))
    session = open_corpus(window, RES_67_193)
    assert language_action(window, "English").isChecked()
    language_action(window, "Arabic").trigger()
    assert session.language == "ar"
    assert session.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert session.undo.stack.undoText() == "Language: Arabic"
    assert window.undo_action.text() == "&Undo Language: Arabic"
    assert window.language_label.text() == "Arabic"
    assert language_action(window, "Arabic").isChecked()
    assert window.settings.language == "en"  # the default for new documents is not touched
    session.editor.setFocus()
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, CTRL)
    assert session.language == "en"
    assert session.editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.language_label.text() == "English"
    assert language_action(window, "English").isChecked()
    window.redo_action.trigger()
    assert session.language == "ar"
    language_action(window, "French").trigger()
    path = tmp_path / "fr.penholder"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    menu_action(window, "&File", "Save &As…").trigger()
    assert storage.load(path).document.language == "fr"
    assert load_document(path).document.language == "fr"


def test_a_new_document_takes_the_default_language(qtbot, make_window):
    window = make_window(Settings(language="ar"))
    failures = in_modal(qtbot, lambda dialog: dialog.accept())
    menu_action(window, "&File", "&New…").trigger()
    assert failures == []
    session = window.current_session()
    assert session.language == "ar"
    assert session.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.language_label.text() == "Arabic"
    document = session.document()  # the template in Arabic: masthead, organ line, openers
    assert document.masthead.organ_line == "إن الجمعية العامة،"
    assert document.masthead.session.startswith("الدورة ")
    assert plain_text(document.preambular[0].content).startswith("إذ تشير إلى")
    assert plain_text(document.operative[0].content).startswith("تقرر")
    assert "الجمعية العامة" in window.tabs.currentWidget().masthead.text()


def test_the_template_dialog_offers_every_language_and_previews_its_session(qtbot, make_window):
    from ui.template_dialog import TemplateDialog

    dialog = TemplateDialog(None, on=datetime.date(2026, 11, 23), language="fr")
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "fr"
    assert dialog.session.text() == "Quatre-vingt-unième session"
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.session.text() == "第八十一届会议"
    assert dialog.build_document().masthead.organ_line == "大会，"
