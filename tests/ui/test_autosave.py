"""Autosave in the real window: the snapshot is written off the GUI thread, a save while it is
being written leaves no stale snapshot behind, and a failure is said in the status bar."""

from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.recovery import SnapshotStore
from drafting import storage
from drafting.model import plain_text
from tests.ui.window_helpers import new_draft


def test_the_snapshot_is_written_on_a_worker_thread(qtbot, window, monkeypatch):
    writers = []
    real_write = SnapshotStore.write

    def spy(self, *args):
        writers.append(threading.current_thread())
        return real_write(self, *args)

    monkeypatch.setattr(SnapshotStore, "write", spy)
    session = new_draft(window)
    qtbot.keyClicks(session.editor, " typed")
    assert window.autosaver.save_now() == 1
    window.autosaver.wait()
    assert writers
    assert all(thread is not threading.main_thread() for thread in writers)
    snapshot = window.autosaver.store.folder / f"{session.autosave_key}.penholder"
    assert "typed" in plain_text(storage.load(snapshot).document.operative[0].content)


def test_saving_while_a_snapshot_is_written_leaves_no_snapshot(qtbot, window, tmp_path, monkeypatch):
    release = threading.Event()
    real_write = SnapshotStore.write

    def slow(self, *args):
        release.wait(10)  # the user saves while the worker is still writing
        return real_write(self, *args)

    monkeypatch.setattr(SnapshotStore, "write", slow)
    session = new_draft(window)
    qtbot.keyClicks(session.editor, " typed")
    assert window.autosaver.save_now() == 1
    target = tmp_path / "draft.penholder"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(session.editor, "s", modifier=Qt.KeyboardModifier.ControlModifier)  # Save
    assert target.exists()
    assert not session.modified
    release.set()
    window.autosaver.wait()
    assert list(window.autosaver.store.folder.glob("*.penholder")) == []
    assert window.autosaver.save_now() == 0  # saved: nothing to autosave


def test_a_failed_autosave_is_said_and_tried_again(qtbot, window, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the autosave folder should be")
    window.autosaver.store.folder = blocker / "autosave"
    session = new_draft(window)
    qtbot.keyClicks(session.editor, " typed")
    assert window.autosaver.save_now() == 1
    window.autosaver.wait()
    assert window.statusBar().currentMessage().startswith("autosave failed:")
    assert "Traceback" not in window.statusBar().currentMessage()
    assert window.autosaver.save_now() == 1  # not marked as saved: the next tick tries again
    window.autosaver.wait()
