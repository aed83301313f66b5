"""Runs the real Penholder window in its own process, for the crash-recovery test.

``type FILE TEXT``: open FILE as ``penholder FILE`` does, type TEXT into the editor with real
key events, wait for the autosave timer to write a snapshot, print "AUTOSAVED" and keep running
until killed. ``recover``: start as after a crash, press "Recover selected" in the recovery
dialog that appears, print the recovered documents' text as JSON and exit.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.gui import start_window
from drafting.model import plain_text


def type_and_wait(path: str, text: str) -> None:
    app = QApplication.instance() or QApplication([])
    window = start_window([path], ask_recovery=False)
    window.show()
    session = window.current_session()
    session.editor.moveCursor(session.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(session.editor, text)

    def autosaved(_when: float) -> None:
        print("AUTOSAVED", flush=True)

    window.autosaver.saved.connect(autosaved)
    app.exec()


def recover() -> None:
    app = QApplication.instance() or QApplication([])

    def press_recover() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, press_recover)
            return
        dialog.recover_button.click()

    QTimer.singleShot(50, press_recover)
    window = start_window([], ask_recovery=True)
    texts = []
    for session in window.sessions():
        document = session.document()
        texts.append(
            {
                "name": session.display_name,
                "modified": session.modified,
                "text": "\n".join(plain_text(b.content) for b in document.iter_blocks()),
            }
        )
    print(json.dumps(texts), flush=True)
    for session in window.sessions():
        session.mark_saved()
    window.close()


if __name__ == "__main__":
    if sys.argv[1] == "type":
        type_and_wait(sys.argv[2], sys.argv[3])
    else:
        recover()
