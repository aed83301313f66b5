"""Autosave: every open document with unsaved changes is written to the user data folder
every N seconds (snapshots in :mod:`app.recovery`), so a crash loses at most N seconds.

Only reading the text happens on the GUI thread (it is incremental, a few milliseconds at
1 MB); turning it into a Penholder file (compact JSON, about 11 ms at 1 MB where the indented
form took 70) and writing it runs on a worker thread, one write at a time, so typing never
waits for autosave.

Each document writes a snapshot of its own (``app.recovery.snapshot_key``), also two windows on
one file; a snapshot that cannot be written (full disk, unusable folder: OSError or the
StorageError ``storage.save`` makes of it) is said in the status bar, tried again at the next
tick, and does not keep the other documents from being written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.recovery import SnapshotStore, snapshot_key
from drafting.errors import DraftingError
from drafting.storage import PenholderFile
from ui.background import EveryJob

if TYPE_CHECKING:
    from ui.document_session import DocumentSession

log = logging.getLogger(__name__)


class Autosaver(QObject):
    saved = Signal(float)
    """Time of the last autosave (``time.time()``)."""
    failed = Signal(str)

    def __init__(
        self,
        sessions: Callable[[], Iterable[DocumentSession]],
        seconds: int,
        store: SnapshotStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self.store = store or SnapshotStore()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.save_now)
        self.set_interval(seconds)
        self._writer = EveryJob("autosave", self)
        self._forgotten: dict[str, int] = {}
        """Snapshot key -> how often it was forgotten: a write that started before the last
        forget removes what it wrote (the document was saved or closed meanwhile)."""
        self.last_saved: float | None = None

    def set_interval(self, seconds: int) -> None:
        self._timer.start(max(1, int(seconds)) * 1000)

    @staticmethod
    def key(session: DocumentSession) -> str:
        """The session's own snapshot name, chosen once (see ``app.recovery.snapshot_key``)."""
        if session.autosave_key is None:
            session.autosave_key = snapshot_key(str(session.path) if session.path else None)
        return session.autosave_key

    def save_now(self) -> int:
        """Start writing a snapshot of every document changed since its last save or snapshot;
        returns how many. The writes finish on the worker (see :meth:`wait`)."""
        started = 0
        for session in list(self._sessions()):
            stamp = session.change_count
            if not session.modified or session.autosaved_at == stamp:
                continue
            key = self.key(session)
            try:
                content = PenholderFile(session.document(), list(session.revisions))
            except Exception as exc:  # one document must not stop the others
                log.exception("autosave could not read %s", session.display_name)
                self.failed.emit(f"autosave failed: {session.display_name}: {exc}")
                continue
            source = _source(session)
            forgotten = self._forgotten.get(key, 0)
            session.autosaved_at = stamp

            def done(
                problem: object, error: str, session=session, stamp=stamp, key=key, forgotten=forgotten
            ) -> None:
                self._written(session, stamp, key, forgotten, str(problem or error))

            self._writer.run(lambda k=key, c=content, s=source: self._write(k, c, s), done)
            started += 1
        return started

    def _write(self, key: str, content: PenholderFile, source: str | None) -> str:
        """On the worker thread: "" when written, else why not (for the status bar)."""
        try:
            self.store.write(key, content, source)
        except OSError as exc:
            return exc.strerror or str(exc)
        except DraftingError as exc:  # StorageError: storage.save's words for an OSError
            return str(exc)
        return ""

    def _written(self, session: DocumentSession, stamp: int, key: str, forgotten: int, error: str) -> None:
        if self._forgotten.get(key, 0) != forgotten:
            self.store.clear(key)  # saved or closed while this was being written
            return
        if error:
            if session.autosaved_at == stamp:
                session.autosaved_at = None  # try again at the next tick
            self.failed.emit(f"autosave failed: {error}")
            return
        self.last_saved = time.time()
        self.saved.emit(self.last_saved)

    def wait(self) -> None:
        """Let the snapshots being written finish (before quitting, and in tests)."""
        self._writer.wait()

    def forget(self, session: DocumentSession) -> None:
        """The document was saved or closed on purpose: its snapshot is no longer needed."""
        key = self.key(session)
        self._forgotten[key] = self._forgotten.get(key, 0) + 1
        self.store.clear(key)
        session.autosaved_at = None


def _source(session: DocumentSession) -> str | None:
    """The file the text belongs to, for the recovery list: the Penholder file, else the file
    it was imported from."""
    where = session.path or session.source
    return str(where) if where else None
