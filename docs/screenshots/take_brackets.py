"""Screenshot of the window with "bis" paragraphs and square brackets (README, negotiation).

Run:  xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/take_brackets.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from PySide6.QtWidgets import QApplication  # noqa: E402
from take import new_window, pump, screen  # noqa: E402

from drafting.brackets import add_brackets  # noqa: E402
from drafting.model import plain_text  # noqa: E402
from tests.test_negotiation_model import _with_new_paragraphs  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    document = _with_new_paragraphs()  # A/RES/62/172 with paragraphs proposed between agreed ones
    for op in document.operative:
        text = plain_text(op.content)
        for words in ("without delay", "to the greatest extent possible"):
            if words in text:
                start = text.index(words)
                add_brackets(document, op.id, start, start + len(words))
    window = new_window()
    session = window.open_document(document, title="A/RES/62/172 under negotiation")
    window.actions["brackets"].trigger()
    pump(app, 1.0)
    session.goto_block(document.operative[1].id)
    pump(app, 0.5)
    rect = session.editor.cursorRect()
    bar = session.editor.verticalScrollBar()
    bar.setValue(bar.value() + rect.top() - 60)
    screen(app, "bis-and-brackets.png", window)


if __name__ == "__main__":
    main()
