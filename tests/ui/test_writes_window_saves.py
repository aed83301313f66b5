"""Saving from the window never loses work (issue 14, "Nothing lost"): two windows on one file keep
one autosave snapshot each; a read-only file, a folder that is gone or a failing snapshot is a
message, not a traceback, and the text stays unsaved; a link chosen in a Save dialog is
written through."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.recovery import SnapshotStore
from drafting import storage
from drafting.importers import load_document
from drafting.model import plain_text
from tests.ui.window_helpers import RES_67_193, new_draft

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions and links")


def a_penholder_file(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    storage.save(storage.PenholderFile(load_document(RES_67_193).document, []), path)
    return path


def type_at_end(qtbot, session, text):
    session.editor.moveCursor(session.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(session.editor, text)


def all_text(document):
    return "\n".join(plain_text(block.content) for block in document.iter_blocks())


def messages_of(monkeypatch, kind="warning"):
    said = []
    monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: said.append(a[2]) or QMessageBox.StandardButton.Ok)
    return said


def dead_pid():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_two_windows_on_one_file_keep_one_snapshot_each(qtbot, make_window, tmp_path):
    path = a_penholder_file(tmp_path / "shared.penholder")
    first, second = make_window(), make_window()
    a = first.files.open_path(path)
    b = second.files.open_path(path)
    type_at_end(qtbot, b, " Typed in window B.")
    assert second.autosaver.save_now() == 1
    second.autosaver.wait()
    type_at_end(qtbot, a, " Typed in window A.")
    assert first.autosaver.save_now() == 1
    first.autosaver.wait()
    assert a.autosave_key != b.autosave_key

    first.actions["save"].trigger()  # File ▸ Save in window A: forgets A's snapshot only
    assert not a.modified
    assert "Typed in window A." in all_text(storage.load(path).document)
    store = second.autosaver.store
    snapshot_b = store.folder / f"{b.autosave_key}.penholder"
    assert "Typed in window B." in all_text(storage.load(snapshot_b).document)
    assert not (store.folder / f"{a.autosave_key}.penholder").exists()

    # Were window B's process killed now, its snapshot would be offered after the restart.
    record = store.folder / f"{b.autosave_key}.json"
    record.write_text(record.read_text().replace(f'"pid": {os.getpid()}', f'"pid": {dead_pid()}'))
    (orphan,) = SnapshotStore(store.folder).orphans()
    assert orphan.source == str(path)
    assert "Typed in window B." in all_text(storage.load(orphan.path).document)


def test_the_lock_warning_says_what_opening_anyway_risks(qtbot, window, tmp_path, monkeypatch):
    from app.recovery import FileLock

    path = a_penholder_file(tmp_path / "shared.penholder")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = FileLock(str(path.resolve()))
        lock.folder.mkdir(parents=True, exist_ok=True)
        lock.path.write_text(str(other.pid), encoding="ascii")
        asked = messages_of(monkeypatch, "question")
        monkeypatch.setattr(
            QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes
        )
        session = window.files.open_path(path)
        assert session is not None
        (question,) = asked
        assert f"process {other.pid}" in question
        assert "saved last" in question  # what happens to the other copy's changes
        assert "autosaved" in question
    finally:
        other.kill()
        other.wait()


@posix_only
def test_saving_over_a_read_only_file_says_so_and_keeps_the_changes(qtbot, window, tmp_path, monkeypatch):
    path = a_penholder_file(tmp_path / "final.penholder")
    before = path.read_bytes()
    session = window.files.open_path(path)
    path.chmod(0o444)
    type_at_end(qtbot, session, " Late change.")
    said = messages_of(monkeypatch)
    window.actions["save"].trigger()
    assert len(said) == 1, said
    assert "final.penholder is read-only" in said[0]
    assert path.read_bytes() == before
    assert session.modified
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_saving_into_a_folder_that_is_gone_says_so_and_keeps_the_changes(
    qtbot, window, tmp_path, monkeypatch
):
    """A USB stick pulled out, a network share gone: storage.save raises StorageError."""
    path = a_penholder_file(tmp_path / "stick" / "draft.penholder")
    session = window.files.open_path(path)
    shutil.rmtree(path.parent)
    type_at_end(qtbot, session, " Typed after the stick was pulled.")
    said = messages_of(monkeypatch)
    window.actions["save"].trigger()
    assert len(said) == 1, said
    assert "draft.penholder could not be saved" in said[0]
    assert "Traceback" not in said[0]
    assert session.modified
    assert window.autosaver.save_now() == 1  # the autosave still has the text
    window.autosaver.wait()


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into any folder")
def test_saving_into_a_read_only_folder_says_so(qtbot, window, tmp_path, monkeypatch):
    path = a_penholder_file(tmp_path / "locked" / "draft.penholder")
    session = window.files.open_path(path)
    path.parent.chmod(0o555)
    try:
        type_at_end(qtbot, session, " More.")
        said = messages_of(monkeypatch)
        window.actions["save"].trigger()
        assert len(said) == 1
        assert "could not be saved" in said[0]
        assert session.modified
    finally:
        path.parent.chmod(0o755)


@posix_only
def test_save_as_and_export_through_a_link_write_its_target_and_keep_the_link(
    qtbot, window, tmp_path, monkeypatch
):
    real = a_penholder_file(tmp_path / "elsewhere" / "real.penholder")
    link = tmp_path / "link.penholder"
    link.symlink_to(real)
    session = new_draft(window)
    type_at_end(qtbot, session, " Saved through a link.")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(link), ""))
    said = messages_of(monkeypatch)
    window.actions["save_as"].trigger()
    assert said == []
    assert link.is_symlink()
    assert link.resolve() == real
    assert "Saved through a link." in all_text(storage.load(real).document)
    assert not session.modified
    type_at_end(qtbot, session, " Again.")
    window.actions["save"].trigger()
    assert said == []
    assert link.is_symlink()
    assert "Again." in all_text(storage.load(real).document)

    target = tmp_path / "elsewhere" / "out.txt"
    exported = tmp_path / "out.txt"
    exported.symlink_to(target)  # dangling: the export creates the file it names
    assert window.files.export_to(session, exported, "txt")
    assert said == []
    assert exported.is_symlink()
    assert "Again." in target.read_text(encoding="utf-8")


def test_one_failing_snapshot_does_not_stop_the_others(qtbot, window):
    failing, fine = new_draft(window), new_draft(window)
    type_at_end(qtbot, failing, " first")
    type_at_end(qtbot, fine, " second")
    folder = window.autosaver.store.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{window.autosaver.key(failing)}.penholder").mkdir()  # cannot be replaced
    assert window.autosaver.save_now() == 2
    window.autosaver.wait()
    assert window.statusBar().currentMessage().startswith("autosave failed:")
    assert "second" in all_text(storage.load(folder / f"{fine.autosave_key}.penholder").document)
    assert window.autosaver.save_now() == 1  # the failed one is tried again at the next tick
    window.autosaver.wait()
