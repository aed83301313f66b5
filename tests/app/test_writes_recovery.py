"""Autosave snapshots are per window (issue 14, "Nothing lost"): two Penholders on one file (after
"Open anyway") each keep their own snapshot, so a save in one does not delete the other's and
both are recovered after ``kill -9``. A damaged autosave record never stops the window from
starting.

Run as a script, this file is the Penholder under test (``type FILE TEXT [--save]``): it opens
FILE as ``penholder FILE`` does, answers "Open anyway" at the lock warning (printing it), types
TEXT with real key events, autosaves, optionally saves with File ▸ Save, and runs until killed.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if __name__ != "__main__":
    import pytest

    from app.recovery import SnapshotStore, document_key, snapshot_key
    from drafting import storage
    from drafting.importers import load_document

    pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")

CORPUS = ROOT / "tests" / "corpus"
RECOVER_DRIVER = Path(__file__).with_name("penholder_driver.py")


# -- the Penholder under test ----------------------------------------------------------------------


def run_penholder(path: str, text: str, save: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.gui import start_window

    def open_anyway(*args, **kwargs):
        print("ASKED " + json.dumps(args[2]), flush=True)
        return QMessageBox.StandardButton.Yes

    QMessageBox.question = open_anyway
    app = QApplication.instance() or QApplication([])
    window = start_window([path], ask_recovery=False)
    window.show()
    session = window.current_session()
    session.editor.moveCursor(session.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(session.editor, text)
    window.autosaver.save_now()
    window.autosaver.wait()
    print("AUTOSAVED", flush=True)
    if save:
        window.actions["save"].trigger()
        print("SAVED" if not session.modified else "NOT SAVED", flush=True)
    app.exec()


if __name__ == "__main__":
    run_penholder(sys.argv[2], sys.argv[3], "--save" in sys.argv[4:])
    sys.exit(0)


# -- tests --------------------------------------------------------------------------------------------


def environment(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PENHOLDER_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return env


def a_penholder_file(tmp_path: Path) -> Path:
    path = tmp_path / "draft.penholder"
    storage.save(storage.PenholderFile(load_document(CORPUS / "ga-res-62-172-en.txt").document, []), path)
    return path


def start(path: Path, text: str, data: Path, *, save: bool = False) -> subprocess.Popen[str]:
    command = [sys.executable, __file__, "type", str(path), text] + (["--save"] if save else [])
    return subprocess.Popen(
        command, env=environment(data), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def lines_until(process: subprocess.Popen[str], last: str, timeout: float = 90) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
            if line.strip() == last:
                return lines
    raise AssertionError(f"no {last!r} from the Penholder under test: {lines}")


def kill_9(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(10)


def recovered_texts(data: Path) -> list[dict]:
    restarted = subprocess.run(
        [sys.executable, str(RECOVER_DRIVER), "recover"],
        env=environment(data),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restarted.returncode == 0, restarted.stderr
    return json.loads(restarted.stdout.strip().splitlines()[-1])


def test_two_killed_penholders_on_one_file_are_both_recovered(tmp_path):
    data = tmp_path / "data"
    path = a_penholder_file(tmp_path)
    first = start(path, " Text typed in the first window.", data)
    second = None
    try:
        assert lines_until(first, "AUTOSAVED")[-1] == "AUTOSAVED"
        second = start(path, " Text typed in the second window.", data)
        asked, *_ = lines_until(second, "AUTOSAVED")
    finally:
        kill_9(first, *([second] if second else []))
    recovered = recovered_texts(data)
    texts = " ".join(item["text"] for item in recovered)
    assert "Text typed in the first window." in texts
    assert "Text typed in the second window." in texts
    assert len(recovered) == 2
    assert all(item["modified"] and item["name"] == "draft (recovered)" for item in recovered)
    assert asked.startswith("ASKED ")  # the second one was warned, and opened anyway
    warning = json.loads(asked[len("ASKED ") :])
    assert f"process {first.pid}" in warning
    assert "saved last" in warning


def test_a_save_in_one_penholder_keeps_the_snapshot_of_the_other(tmp_path):
    data = tmp_path / "data"
    path = a_penholder_file(tmp_path)
    b = start(path, " Typed in B, never saved.", data)
    a = None
    try:
        lines_until(b, "AUTOSAVED")
        a = start(path, " Typed in A and saved.", data, save=True)
        assert lines_until(a, "SAVED")[-1] == "SAVED"
        kill_9(b)
    finally:
        kill_9(b, *([a] if a else []))
    saved = path.read_text(encoding="utf-8")
    assert "Typed in A and saved." in saved
    assert "Typed in B" not in saved
    (recovered,) = recovered_texts(data)
    assert "Typed in B, never saved." in recovered["text"]


def test_snapshot_keys_are_per_session_and_name_the_file():
    first, second = snapshot_key("/drafts/a.penholder"), snapshot_key("/drafts/a.penholder")
    assert first != second
    assert first.startswith(document_key("/drafts/a.penholder"))
    assert second.startswith(document_key("/drafts/a.penholder"))
    assert snapshot_key(None) != snapshot_key(None)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_damaged_autosave_records_do_not_stop_the_window_from_starting(qtbot, tmp_path, monkeypatch, caplog):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.gui import start_window

    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "data" / "autosave"
    store = SnapshotStore(folder)
    document = load_document(CORPUS / "ga-res-67-193-en.txt").document
    pid = dead_pid()
    good = store.write("good", storage.PenholderFile(document, []), str(tmp_path / "good.penholder"))
    (folder / "good.json").write_text(
        json.dumps({"source": str(tmp_path / "good.penholder"), "pid": pid, "saved_at": 1.7e9})
    )
    damaged_records = {
        "list": "[1, 2]",
        "source-number": json.dumps({"source": 5, "pid": pid, "saved_at": 1.7e9}),
        "source-object": json.dumps({"source": {"a": 1}, "pid": pid, "saved_at": 1.7e9}),
        "far-future": json.dumps({"source": None, "pid": pid, "saved_at": 1e300}),
        "not-a-number": f'{{"source": null, "pid": {pid}, "saved_at": NaN}}',
        "huge-pid": json.dumps({"source": None, "pid": 2**80, "saved_at": 1.7e9}),
        "text-pid": json.dumps({"source": None, "pid": "12", "saved_at": 1.7e9}),
        "deep": "[" * 100_000 + "]" * 100_000,
    }
    for key, record in damaged_records.items():
        (folder / f"{key}.penholder").write_bytes(good.read_bytes())
        (folder / f"{key}.json").write_text(record)
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "binary.penholder").write_bytes(good.read_bytes())
    (folder / "folder.json").mkdir()
    (folder / "folder.penholder").write_bytes(good.read_bytes())
    (folder / "truncated.penholder").write_bytes(good.read_bytes()[:500])  # damaged snapshot
    (folder / "truncated.json").write_text(json.dumps({"source": None, "pid": pid, "saved_at": 1.7e9}))

    offered = []

    def press_recover() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, press_recover)
            return
        offered.append(dialog.table.rowCount())
        dialog.recover_button.click()

    QTimer.singleShot(50, press_recover)
    window = start_window([], ask_recovery=True)
    qtbot.addWidget(window)
    try:
        assert offered == [2]  # the good snapshot and the truncated one ("cannot be read")
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert any(title.endswith("good (recovered)") for title in titles), titles
        skipped = " ".join(r.getMessage() for r in caplog.records)
        for key in (*damaged_records, "binary"):
            assert f"{key}.json" in skipped, key
    finally:
        for session in list(window.sessions()):
            session.mark_saved()
        window.close()
