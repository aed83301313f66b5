"""Qt runs here, offscreen, and survives tens of thousands of calls.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every void Qt call and aborts
after a few thousand ("Fatal Python error: none_dealloc"). The dependency pin avoids it;
this test proves the installed pair is safe by making the calls.
"""

from __future__ import annotations

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CALLS = 60_000


def test_many_void_qt_calls_in_a_fresh_interpreter():
    code = f"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range({CALLS}):
    label.setText("x")      # void
    label.setIndent(i % 7)  # void
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"


def test_key_events_reach_a_widget_under_pytest_qt(qtbot):
    """The window tests drive widgets with real key events; this shows that they arrive (typed
    text, a shortcut undoing it) under the platform the tests run on."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPlainTextEdit

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor, "The General Assembly,")
    assert editor.toPlainText() == "The General Assembly,"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() != "The General Assembly,"
