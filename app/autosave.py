"""Autosave: every open document with unsaved changes is written to the user data folder
every N seconds (snapshots in :mod:`app.recovery`), so a crash loses at most N seconds."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.recovery import SnapshotStore, document_key
from drafting.storage import PenholderFile

if TYPE_CHECKING:
    from ui.document_session import DocumentSession


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
        self._written: dict[int, int] = {}  # id(session) -> surface revision last written
        self.last_saved: float | None = None

    def set_interval(self, seconds: int) -> None:
        self._timer.start(max(1, int(seconds)) * 1000)

    @staticmethod
    def key(session: DocumentSession) -> str:
        if getattr(session, "autosave_key", None) is None:
            session.autosave_key = document_key(str(session.path) if session.path else None)
        return session.autosave_key

    def save_now(self) -> int:
        """Write a snapshot of every document changed since its last save or snapshot."""
        written = 0
        for session in list(self._sessions()):
            revision = session.qdoc.revision() * 1000 + session.undo.stack.index()
            if not session.modified:
                continue
            if self._written.get(id(session)) == revision:
                continue
            try:
                self.store.write(
                    self.key(session),
                    PenholderFile(session.document(), list(session.revisions)),
                    _source(session),
                )
            except OSError as exc:
                self.failed.emit(f"autosave failed: {exc.strerror or exc}")
                continue
            self._written[id(session)] = revision
            written += 1
        if written:
            self.last_saved = time.time()
            self.saved.emit(self.last_saved)
        return written

    def forget(self, session: DocumentSession) -> None:
        """The document was saved or closed on purpose: its snapshot is no longer needed."""
        self.store.clear(self.key(session))
        self._written.pop(id(session), None)


def _source(session: DocumentSession) -> str | None:
    """The file the text belongs to, for the recovery list: the Penholder file, else the file
    it was imported from."""
    where = session.path or getattr(session, "source", None)
    return str(where) if where else None
