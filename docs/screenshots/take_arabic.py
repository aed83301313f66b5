"""Screenshot of a new Arabic draft resolution from the template, right to left, with a second
operative paragraph and its two subparagraphs typed in (README, languages); the check on the
first operative paragraph's end shows the Arabic semicolon.

Run:  xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/take_arabic.py
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from take import new_window, pump, screen  # noqa: E402

from drafting.templates import new_document  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    window = new_window()
    document = new_document(
        "ga-draft",
        on=datetime.date(2026, 11, 23),
        agenda_item="64",
        sponsors=["كازاخستان", "قيرغيزستان"],
        language="ar",
    )
    session = window.files.new_document(document, "General Assembly draft resolution")
    editor = session.editor
    session.goto_block(document.operative[0].id)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    session.new_paragraph("operative")
    editor.insertPlainText("تطلب إلى الأمين العام ما يلي:")
    session.new_paragraph("operative")
    session.set_kind("subparagraph")
    editor.insertPlainText("تعزيز التعاون الدولي؛")
    session.new_paragraph("subparagraph")
    editor.insertPlainText("تبادل المعلومات.")
    pump(app, 1.5)
    screen(app, "arabic-draft.png", window)
    session.mark_saved()
    window.close()


if __name__ == "__main__":
    main()
