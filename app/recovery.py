"""Never losing work: autosave snapshots, finding them again after a crash, and lock files that
notice one document open twice. No Qt here; the editor's timer calls :meth:`SnapshotStore.write`.

A snapshot is a Penholder file in the user data folder's ``autosave`` folder with a small
JSON record beside it (which file it belongs to, which process wrote it, when). A snapshot
whose process is no longer running is an orphan: the work of a session that crashed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.paths import user_data_dir
from drafting import storage
from drafting.atomic import atomic_write_bytes


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (best effort, every platform)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
        storage.save(penholder_file, path)
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
        """Snapshots left by sessions that are no longer running, newest first."""
        found = []
        for record_path in self.folder.glob("*.json") if self.folder.exists() else []:
            key = record_path.stem
            snapshot_path = self.folder / f"{key}.penholder"
            try:
                record = json.loads(record_path.read_text(encoding="utf-8"))
                pid, saved_at = int(record["pid"]), float(record["saved_at"])
                source = record.get("source")
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if snapshot_path.exists() and not process_alive(pid):
                found.append(Snapshot(key, snapshot_path, source, pid, saved_at))
        return sorted(found, key=lambda s: s.saved_at, reverse=True)


def document_key(source: str | None) -> str:
    """A stable snapshot name for a file (or a fresh one for an unsaved document)."""
    seed = os.path.abspath(source) if source else f"untitled-{uuid.uuid4().hex}"  # never two alike
    return hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]


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
