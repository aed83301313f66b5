"""Autosave snapshots survive a killed process and are found again; lock files notice a document
open twice. The processes here are real: a child Python writes a snapshot and is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.recovery import FileLock, SnapshotStore, document_key, process_alive
from drafting import storage
from tests.helpers import load

ROOT = Path(__file__).resolve().parents[2]


def test_snapshot_of_a_live_session_is_not_an_orphan(tmp_path):
    store = SnapshotStore(tmp_path)
    document = load("ga-res-62-172-en.txt").document
    store.write("k1", storage.PenholderFile(document, []), "/drafts/62-172.penholder")
    assert store.orphans() == []  # this process is alive
    store.clear("k1")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="kill -9 is POSIX")
def test_a_killed_session_leaves_a_snapshot_that_is_recovered(tmp_path):
    child = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from app.recovery import SnapshotStore
        from drafting import storage
        from drafting.importers import load_document
        document = load_document({str(ROOT / "tests" / "corpus" / "ga-res-67-193-en.txt")!r}).document
        SnapshotStore(__import__("pathlib").Path({str(tmp_path)!r})).write(
            "draft", storage.PenholderFile(document, []), None)
        print("saved", flush=True)
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "saved"
    store = SnapshotStore(tmp_path)
    assert store.orphans() == []  # still running
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    (orphan,) = store.orphans()
    recovered = storage.load(orphan.path).document
    assert recovered == load("ga-res-67-193-en.txt").document
    assert orphan.source is None


def test_damaged_records_are_skipped(tmp_path):
    (tmp_path / "x.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "x.penholder").write_text("{}", encoding="utf-8")
    assert SnapshotStore(tmp_path).orphans() == []


def test_lock_file_notices_a_second_holder(tmp_path):
    lock = FileLock("/drafts/a.penholder", tmp_path)
    assert lock.acquire()
    assert lock.holder() is None  # we hold it ourselves
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock.path.write_text(str(sleeper.pid), encoding="utf-8")  # another Penholder has it open
        assert lock.holder() == sleeper.pid
        assert not FileLock("/drafts/a.penholder", tmp_path).acquire()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert FileLock("/drafts/a.penholder", tmp_path).acquire()  # a stale lock is taken over
    lock.release()
    assert not lock.path.exists()


def test_keys_and_process_checks():
    assert document_key("/a/b.penholder") == document_key("/a/b.penholder")
    first = document_key(None)
    time.sleep(0.001)
    assert document_key(None) != first  # each unsaved document gets its own snapshot
    assert process_alive(os.getpid())
    assert not process_alive(0)


def test_snapshots_are_written_compact_and_read_back_whole(tmp_path):
    """Snapshots use the C JSON encoder (no indentation): the autosave worker then holds the
    interpreter for a fraction of the time; what is recovered is the same document."""
    store = SnapshotStore(tmp_path)
    document = load("ga-res-67-193-en.txt").document
    earlier = load("ga-res-62-172-en.txt").document
    revisions = [storage.Revision("Rev.1", "2026-12-01", earlier)]
    path = store.write("k1", storage.PenholderFile(document, revisions), None)
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") == 1
    assert text.endswith("}\n")
    again = storage.load(path)
    assert again.document == document
    assert [r.document for r in again.revisions] == [earlier]
    kept = tmp_path / "kept.penholder"
    storage.save(storage.PenholderFile(document, revisions), kept)
    assert kept.read_text(encoding="utf-8").count("\n") > 1000  # files users keep stay one item per line
    assert storage.load(kept).document == again.document
