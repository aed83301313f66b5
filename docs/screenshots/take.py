"""Screenshots of the editor window for the README, taken on a virtual X screen.

Run:  xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots/take.py
(Debian: apt install xvfb libxcb-cursor0). Writes the PNGs next to this script.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
os.environ["PENHOLDER_DATA_DIR"] = tempfile.mkdtemp(prefix="penholder-shots-")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from app.gui import make_window  # noqa: E402
from app.settings import Settings  # noqa: E402
from drafting.templates import new_document  # noqa: E402
from ui.compare_view import CompareView  # noqa: E402
from ui.editor import formats, structure_ops  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.proposal_commands import resolve_proposal  # noqa: E402
from ui.template_dialog import TemplateDialog  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def pump(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.02)


def screen(app: QApplication, name: str, widget=None) -> None:
    pump(app, 0.4)
    image = widget.grab() if widget is not None else app.primaryScreen().grabWindow(0)
    image.save(str(HERE / name))
    print("wrote", HERE / name)


def new_window() -> MainWindow:
    window = make_window(Settings())
    window.resize(1440, 900)
    window.move(0, 0)
    window.show()
    return window


def main() -> None:
    app = QApplication.instance() or QApplication([])
    # 1. A/RES/67/193 open, the checks dock showing the finding, the cursor on it.
    window = new_window()
    session = window.files.open_path(CORPUS / "ga-res-67-193-en.txt")
    pump(app, 1.5)
    window.checks.tree.setCurrentItem(window.checks.tree.topLevelItem(0))
    session.goto_finding(window.checks.visible_findings()[0])
    bar = session.editor.verticalScrollBar()
    bar.setValue(max(0, bar.value() - 120))
    screen(app, "main-window-67-193.png", window)

    # 2. The template chooser.
    dialog = TemplateDialog(window, on=datetime.date(2026, 11, 23))
    dialog.select_template("ga-draft")
    dialog.agenda_item.setText("31")
    dialog.sponsors.setText("Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan")
    dialog.show()
    screen(app, "template-chooser.png", dialog)
    dialog.close()

    # 3. Phrase completion in a new draft: the second "Recalling" is offered as "Recalling also".
    document = new_document(
        "ga-draft", on=datetime.date(2026, 11, 23), agenda_item="31", sponsors=["Kazakhstan", "Uzbekistan"]
    )
    session = window.files.new_document(document, "General Assembly draft resolution")
    pp = session.document().preambular[0]
    block = structure_ops.find_block(session.qdoc, pp.id)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    session.editor.setTextCursor(cursor)
    session.editor.setFocus()
    window.phrases_dock.raise_()
    QTest.keyClick(session.editor, Qt.Key.Key_Return)
    QTest.keyClicks(session.editor, "Rec")
    pump(app, 0.5)
    screen(app, "phrase-completion.png")
    session.completer.popup().hide()

    # 4. The CICA concept paper with its proposed deletion struck through, tooltip shown.
    session = window.files.open_path(next(CORPUS.glob("cica-*")))
    window.outline_dock.raise_()
    block = session.qdoc.firstBlock()
    target = None
    while block.isValid() and target is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.charFormat().property(formats.PROPOSAL_ROLE) == "deleted":
                target = fragment.position()
                break
        block = block.next()
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(target)
    session.editor.setTextCursor(cursor)
    session.editor.ensureCursorVisible()
    bar = session.editor.verticalScrollBar()
    bar.setValue(bar.value() + session.editor.viewport().height() // 3)
    pump(app, 1.0)
    rect = session.editor.cursorRect(cursor)

    point = session.editor.viewport().mapToGlobal(rect.center() + QPoint(40, 4))
    QToolTip.showText(point, cursor.charFormat().toolTip() or _tooltip_after(cursor), session.editor)
    screen(app, "cica-proposal.png")
    QToolTip.hideText()

    # 5. The CICA case end to end: revision, accept the proposal, revision, compare.
    window.revision_commands.save_revision("Rev.1 as circulated", "2024-06-03")
    resolve_proposal(session, next(iter(session.document().proposals)), accept=True)
    window.revision_commands.save_revision("Rev.1 after informals", "2024-06-20")
    window.revisions_dock.raise_()
    tab = window.revision_commands.compare(0, 1) or window.tabs.currentWidget()
    wait_for_comparison(app, tab)
    tab.view.select_change(0)
    screen(app, "compare-cica-inline.png", window)
    tab.view.set_mode(CompareView.SIDE_BY_SIDE)
    tab.view.select_change(0)
    screen(app, "compare-cica-side-by-side.png", window)

    # 6. A/RES/67/193: Rev.1, a round of edits, compared with the current text.
    session = window.files.open_path(CORPUS / "ga-res-67-193-en.txt")
    window.revision_commands.save_revision("Rev.1", "2026-11-02")
    ops = session.document().operative
    session.move_block(ops[11].id, ops[2].id)
    block = structure_ops.find_block(session.qdoc, ops[3].id)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    session.editor.setTextCursor(cursor)
    session.new_paragraph("operative")
    QTest.keyClicks(
        session.editor, "Decides to convene a high-level meeting on the world drug problem in 2027;"
    )
    for block_id, old, new in ((ops[2].id, "Calls upon", "Urges"), (ops[7].id, "Urges", "Strongly urges")):
        block = structure_ops.find_block(session.qdoc, block_id)
        start = block.position() + block.text().index(old)
        cursor = QTextCursor(session.qdoc)
        cursor.setPosition(start)
        cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new)
    window.revision_commands.compare(0, -1)
    tab = window.tabs.currentWidget()
    wait_for_comparison(app, tab)
    tab.view.select_change(1)
    screen(app, "compare-67-193-inline.png", window)
    tab.view.set_mode(CompareView.SIDE_BY_SIDE)
    tab.view.select_change(3)
    screen(app, "compare-67-193-side-by-side.png", window)
    for s in window.sessions():
        s.mark_saved()
    window.close()


def wait_for_comparison(app: QApplication, tab) -> None:
    deadline = time.time() + 30
    while (tab.comparison() is None or tab.view.is_busy()) and time.time() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _tooltip_after(cursor: QTextCursor) -> str:
    probe = QTextCursor(cursor)
    probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
    return probe.charFormat().toolTip()


if __name__ == "__main__":
    main()
