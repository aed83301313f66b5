"""``penholder --self-test FILE``: the real window in its own process, one line, the exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"


def self_test(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PENHOLDER_DATA_DIR=str(tmp_path / "data"))
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_self_test_opens_the_window_waits_for_the_checks_and_says_ok(tmp_path):
    run = self_test(tmp_path, "--self-test", str(CORPUS / "ga-res-67-193-en.txt"))
    assert run.returncode == 0, run.stdout + run.stderr
    line = run.stdout.strip().splitlines()[-1]
    assert line.startswith("self-test ok: penholder ")
    assert "platform offscreen" in line
    assert "1 finding shown (1 error)" in line  # the Single Convention's 1954, as in the checks panel
    assert "'developmnet' → 'development'" in line
    assert "printed to PDF and read back" in line
    assert "window shown" in line
    assert "first check" in line
    # nothing left behind: no autosave snapshot, no lock
    data = tmp_path / "data"
    assert not list(data.glob("autosave/*.json"))
    assert not list(data.glob("locks/*"))


def test_a_missing_file_fails_the_self_test_in_one_line(tmp_path):
    run = self_test(tmp_path, "--self-test", str(tmp_path / "absent.txt"))
    assert run.returncode == 1
    assert run.stdout.strip() == "self-test failed: give one file to open (penholder --self-test FILE)"
    assert "Traceback" not in run.stderr


def test_the_self_test_takes_no_command(tmp_path):
    run = self_test(tmp_path, "--self-test", str(CORPUS / "ga-res-67-193-en.txt"), "check")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
