"""Penholder as a real process: ``python -m app FILE`` opens the window with the file, and a
Penholder killed with SIGKILL after typing and autosave gives the text back on restart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafting import storage
from drafting.importers import load_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
DRIVER = Path(__file__).with_name("penholder_driver.py")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")


def environment(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PENHOLDER_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return env


def a_penholder_file(tmp_path: Path) -> Path:
    path = tmp_path / "draft.penholder"
    document = load_document(CORPUS / "ga-res-62-172-en.txt").document
    storage.save(storage.PenholderFile(document, []), path)
    return path


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_python_m_app_file_opens_the_window_with_the_file(tmp_path):
    data = tmp_path / "data"
    path = a_penholder_file(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", str(path)],
        env=environment(data),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # Opening a Penholder file takes its lock: the window is up with the file open.
        locks = data / "locks"
        assert wait_for(lambda: locks.exists() and any(locks.glob("*.lock")), 30), process.stderr
        lock = next(locks.glob("*.lock"))
        assert lock.read_text().strip() == str(process.pid)
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(10)


def test_killed_penholder_gives_the_typed_text_back(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"autosave_seconds": 5}), encoding="utf-8")
    path = a_penholder_file(tmp_path)
    typed = " Typed just before the power cut."
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "type", str(path), typed],
        env=environment(data),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()  # blocks until the autosave timer has fired (5 s)
        assert line.strip() == "AUTOSAVED"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert typed.strip() not in path.read_text(encoding="utf-8")  # the file itself was never saved

    restarted = subprocess.run(
        [sys.executable, str(DRIVER), "recover"],
        env=environment(data),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restarted.returncode == 0, restarted.stderr
    recovered = json.loads(restarted.stdout.strip().splitlines()[-1])
    assert len(recovered) == 1
    assert typed.strip() in recovered[0]["text"]
    assert recovered[0]["name"] == "draft (recovered)"
    assert recovered[0]["modified"]  # recovered text is not yet saved
