"""Leaving a comparison tab (a click on the document's tab, or closing the comparison): the
panels come back before the text is shown, so the text is laid out once at its own width,
never first at the comparison's full width (two layouts of a 1 MB text were 0.2-0.4 s), and
the panels, which kept their contents beside the comparison, are not rebuilt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, Qt

from tests.ui.test_revisions_compare import RES_67_193, wait_comparison
from ui.compare_tab import CompareTab


class Widths(QObject):
    """The widths a widget is resized to."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.seen.append(event.size().width())
        return False


def open_comparison(qtbot, window, session) -> CompareTab:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        session.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    tab = window.tabs.currentWidget()
    assert isinstance(tab, CompareTab)
    wait_comparison(qtbot, tab)
    return tab


def test_the_text_is_laid_out_at_its_own_width_after_a_comparison(qtbot, window):
    window.resize(1320, 860)
    session = window.files.open_path(RES_67_193)
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    qtbot.wait(50)
    viewport = session.editor.viewport()
    width = viewport.width()
    widths = Widths()
    viewport.installEventFilter(widths)
    first_item = window.outline.tree.topLevelItem(0)
    assert first_item is not None

    tab = open_comparison(qtbot, window, session)
    assert not window.outline_dock.isVisible()
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert window.current_session() is session
    qtbot.wait(50)
    assert window.outline_dock.isVisible()
    assert viewport.width() == width
    assert set(widths.seen) <= {width}, widths.seen  # never laid out at the comparison's width
    assert window.outline.tree.topLevelItem(0) is first_item  # kept, not rebuilt

    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(tab)).center())
    assert window.tabs.currentWidget() is tab
    qtbot.wait(50)
    widths.seen.clear()
    close = bar.tabButton(window.tabs.indexOf(tab), bar.ButtonPosition.RightSide)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.tabs.count() == 1
    qtbot.wait(50)
    assert window.current_session() is session
    assert window.outline_dock.isVisible()
    assert viewport.width() == width
    assert set(widths.seen) <= {width}, widths.seen
    assert window.outline.tree.topLevelItem(0) is first_item
    viewport.removeEventFilter(widths)
