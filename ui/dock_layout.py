"""Where the panels go as the window's width and contents change.

A comparison tab gets the whole width (the editing panels step aside and come back as they
were); below :data:`NARROW` pixels the left panels join the right ones as tabs, one column,
so that the text keeps room to be read. The window opens at a size that fits the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

NARROW = 1000
"""Below this width the panels share one column on the right, so that the text keeps room."""
PREFERRED_SIZE = (1320, 860)


class DockLayout:
    def __init__(self, window: QMainWindow, column_dock: QDockWidget) -> None:
        self.window = window
        self.column_dock = column_dock
        """The dock the others join as tabs in a narrow window."""
        self._narrow_from: bytes | None = None
        """The dock layout before a narrow window gathered the docks in one column."""
        self._before_comparison: bytes | None = None

    @staticmethod
    def fit_to_screen(window: QMainWindow) -> None:
        """1320×860, or nine tenths of a smaller screen's free area."""
        screen = window.screen().availableGeometry() if window.screen() else None
        width, height = PREFERRED_SIZE
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9))
        window.resize(width, height)

    def give_comparisons_room(self, comparing: bool) -> None:
        if comparing and self._before_comparison is None:
            self._before_comparison = self.window.saveState()
            for dock in self.window.findChildren(QDockWidget):
                dock.hide()
        elif not comparing and self._before_comparison is not None:
            self.window.restoreState(self._before_comparison)
            self._before_comparison = None

    def resized(self, width: int) -> None:
        if self._before_comparison is None:
            self.fit(width < NARROW)

    def fit(self, narrow: bool) -> None:
        """In a narrow window the left panels join the right ones as tabs (one column of docks);
        widened again, the panels go back where they were."""
        window = self.window
        if narrow and self._narrow_from is None:
            self._narrow_from = window.saveState()
            right = Qt.DockWidgetArea.RightDockWidgetArea
            for dock in window.findChildren(QDockWidget):
                if (
                    window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
                    and not dock.isFloating()
                ):
                    window.addDockWidget(right, dock)
                    window.tabifyDockWidget(self.column_dock, dock)
            self.column_dock.raise_()
        elif not narrow and self._narrow_from is not None:
            state, self._narrow_from = self._narrow_from, None
            window.restoreState(state)


def show_panel(panel: QWidget, focus: QWidget) -> None:
    """A panel's dock to the front (Document ▸ Proposals, Brackets list), the keyboard in ``focus``."""
    dock = panel.parentWidget()
    if isinstance(dock, QDockWidget):
        dock.show()
        dock.raise_()
    focus.setFocus()
