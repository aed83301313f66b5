"""The bar above an imported text with warnings: shown, details listed, dismissed — by clicking."""

from __future__ import annotations

from PySide6.QtCore import Qt

from drafting import storage
from drafting.importers import load_document
from tests.ui.window_helpers import RES_67_193, open_corpus
from ui.import_notice import ImportNotice, ImportReportDialog

WARNED = """The General Assembly,

Recalling its resolution 67/193 of 20 December 2012,[^1]

1. Decides to remain seized of the matter.[^3]

[^1]: Resolution 67/193.
[^9]: Orphan.
[^7]: Another orphan.
"""


CLEAN = """The General Assembly,

Recalling its resolution 67/193 of 20 December 2012,[^1]

1. Decides to remain seized of the matter.

[^1]: Resolution 67/193.
"""


def notices(window):
    return window.tabs.currentWidget().findChildren(ImportNotice)


def click(qtbot, button):
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_warnings_show_a_bar_with_details_and_a_close_button(qtbot, window, tmp_path):
    source = tmp_path / "warned.md"
    source.write_text(WARNED, encoding="utf-8")
    warnings = load_document(source).report.warnings  # as the importer words them today
    assert len(warnings) == 3
    assert any("footnote 9 is never referenced in the text" in w for w in warnings)
    session = open_corpus(window, source)
    (bar,) = notices(window)
    tab = window.tabs.currentWidget()
    assert tab.session is session
    assert tab.notice is bar
    qtbot.waitUntil(bar.isVisible)
    assert "this file with 3 warnings:" in bar.label.text()
    assert bar.y() < session.editor.y()  # above the text
    assert bar.height() >= bar.details_button.sizeHint().height()  # not squashed

    click(qtbot, bar.details_button)
    dialog = bar.findChild(ImportReportDialog)
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    assert "warned.md with 3 warnings" in text
    for warning in warnings:
        assert warning in text
    assert dialog.text.isReadOnly()
    assert dialog.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    click(qtbot, bar.close_button)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert session.editor.isVisible()


def test_details_list_the_notes_too(qtbot, window, tmp_path):
    source = tmp_path / "plain.md"
    source.write_text("Some paragraph.[^3]\n\nAnother one.\n", encoding="utf-8")
    report = load_document(source).report
    assert report.warnings
    assert report.notes
    open_corpus(window, source)
    (bar,) = notices(window)
    assert f"with {len(report.warnings)} warning" in bar.label.text()
    click(qtbot, bar.details_button)
    text = bar.findChild(ImportReportDialog).text.toPlainText()
    for line in (*report.warnings, *report.notes):
        assert line in text


def test_no_bar_for_a_file_without_warnings(window, tmp_path):
    source = tmp_path / "clean.md"
    source.write_text(CLEAN, encoding="utf-8")
    assert load_document(source).report.warnings == []
    open_corpus(window, source)
    assert notices(window) == []
    assert window.tabs.currentWidget().notice is None
    open_corpus(window, RES_67_193)
    assert notices(window) == []


def test_no_bar_for_a_penholder_file(window, tmp_path):
    source = tmp_path / "warned.md"
    source.write_text(WARNED, encoding="utf-8")
    saved = tmp_path / "warned.penholder"
    first = open_corpus(window, source)
    storage.save(storage.PenholderFile(first.document(), []), saved)
    open_corpus(window, saved)
    assert window.tabs.count() == 2
    assert notices(window) == []
