"""Never losing work: autosave snapshots, finding them again after a crash, and lock files that
notice one document open twice. No Qt here; the editor's timer calls :meth:`SnapshotStore.write`.

A snapshot is a Penholder file in the user data folder's ``autosave`` folder with a small
JSON record beside it (which file it belongs to, which process wrote it, when). A snapshot
whose process is no longer running is an orphan: the work of a session that crashed.

Each open document has a snapshot of its own (:func:`snapshot_key`), even when two windows or
two Penholders have the same file open (after "Open anyway" at the lock warning): a save in one
forgets only its own snapshot, and after a crash of both each is offered. A record that cannot
be read is skipped (and logged), never a reason for the window not to start.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import logging
import math
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.paths import user_data_dir
from drafting import storage
from drafting.atomic import atomic_write_bytes, process_alive

__all__ = ["FileLock", "Snapshot", "SnapshotStore", "document_key", "process_alive", "snapshot_key"]

log = logging.getLogger(__name__)
MAX_PID = 2**31 - 1


@dataclass(frozen=True)
class Snapshot:
    key: str
    path: Path
    source: str | None
    """The file the snapshot belongs to, or None for a document never saved."""
    pid: int
    saved_at: float


class SnapshotStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or user_data_dir() / "autosave"

    def write(self, key: str, penholder_file: storage.PenholderFile, source: str | None) -> Path:
        """Save a snapshot of an open document atomically; returns its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.penholder"
        storage.save(penholder_file, path, readable=False)  # compact: see storage.dumps
        record = {"source": source, "pid": os.getpid(), "saved_at": time.time()}
        atomic_write_bytes(self.folder / f"{key}.json", json.dumps(record).encode("utf-8"))
        return path

    def clear(self, key: str) -> None:
        """Forget a snapshot (after a clean save or close). Best effort: a missing or unusable
        autosave folder must never stop a document from closing."""
        for suffix in (".penholder", ".json"):
            with contextlib.suppress(OSError):
                (self.folder / f"{key}{suffix}").unlink()

    def orphans(self) -> list[Snapshot]:
        """Snapshots left by sessions that are no longer running, newest first. A snapshot of a
        running Penholder (this one or another) is never listed, so never offered or discarded
        here; a record that cannot be read is skipped and logged (it runs at start-up: nothing
        in the autosave folder may stop the window from opening)."""
        try:
            records = sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []
        except OSError as exc:
            log.warning("autosave folder %s cannot be read: %s", self.folder, exc)
            return []
        found = []
        for record_path in records:
            key = record_path.stem
            snapshot_path = self.folder / f"{key}.penholder"
            try:
                source, pid, saved_at = _read_record(record_path)
            except (OSError, ValueError, KeyError, TypeError, RecursionError, OverflowError) as exc:
                log.warning("autosave record %s skipped: it is damaged (%s)", record_path.name, exc)
                continue
            if snapshot_path.is_file() and not process_alive(pid):
                found.append(Snapshot(key, snapshot_path, source, pid, saved_at))
        return sorted(found, key=lambda s: s.saved_at, reverse=True)


def _read_record(path: Path) -> tuple[str | None, int, float]:
    """(source, pid, saved_at) of a snapshot record, each of the type the recovery dialog needs;
    raises ValueError, TypeError, KeyError, OSError, RecursionError for anything else."""
    record = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(record, dict):
        raise TypeError("not a JSON object")
    pid, saved_at, source = record["pid"], record["saved_at"], record.get("source")
    if type(pid) is not int or not 0 < pid <= MAX_PID:
        raise ValueError(f"process id {pid!r}")
    if type(saved_at) not in (int, float) or not math.isfinite(saved_at):
        raise ValueError(f"time {saved_at!r}")
    datetime.datetime.fromtimestamp(saved_at)  # shown in the dialog: must be a date
    if source is not None and (not isinstance(source, str) or not source.strip() or "\0" in source):
        raise ValueError(f"source {source!r}")
    return source, pid, float(saved_at)


def document_key(source: str | None) -> str:
    """A stable name for a file (its lock), or a fresh one for an unsaved document."""
    seed = os.path.abspath(source) if source else f"untitled-{uuid.uuid4().hex}"  # never two alike
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


def snapshot_key(source: str | None) -> str:
    """The snapshot name of one open document: the file's :func:`document_key` (which file it
    is, for someone looking into the folder) and a part no other session shares. A key by
    path alone was shared by two windows on one file: a save in one deleted the other's
    snapshot, and after a crash of both only the one written last was there."""
    return f"{document_key(source)}-{uuid.uuid4().hex[:12]}"


class FileLock:
    """Marks a document as open in this process; another process sees who holds it."""

    def __init__(self, source: str, folder: Path | None = None) -> None:
        self.folder = folder or user_data_dir() / "locks"
        self.path = self.folder / f"{document_key(source)}.lock"

    def holder(self) -> int | None:
        """The process id that has the file open, if it is still running (and not us)."""
        try:
            pid = int(self.path.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return None
        return pid if pid != os.getpid() and process_alive(pid) else None

    def acquire(self) -> bool:
        """Take the lock; False if another running Penholder holds it (a stale lock is taken over)."""
        if self.holder() is not None:
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, str(os.getpid()).encode("ascii"))
        return True

    def release(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if int(self.path.read_text(encoding="utf-8").strip()) == os.getpid():
                self.path.unlink()
