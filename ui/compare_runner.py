"""Compares two documents off the GUI thread; the newest request wins.

Comparing two long texts takes a noticeable moment, so :class:`CompareRunner` runs
:func:`drafting.compare.compare` on a worker thread and posts the result back through a queued
signal. At most one comparison runs at a time (the engine's word alphabet is shared, so two
must never run at once); a request made meanwhile waits, and of several waiting requests only
the newest runs. A result is emitted only if no newer request was made since, so a slow old
comparison never replaces a newer one. All bookkeeping happens on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from drafting.compare import compare
from drafting.model import Document
from ui.check_runner import describe_error

log = logging.getLogger(__name__)


class _CompareJob(QRunnable):
    """One comparison on the worker thread; reports through ``deliver`` (a queued signal's emit)."""

    def __init__(
        self, generation: int, old: Document, new: Document, deliver: Callable[[int, object, str], None]
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner holds the Python reference until the result is back
        self._generation = generation
        self._old = old
        self._new = new
        self._deliver = deliver

    def run(self) -> None:
        try:
            result: object = compare(self._old, self._new)
            error = ""
        except Exception as exc:
            log.exception("comparison %d failed", self._generation)
            result, error = None, describe_error(exc) or "the comparison failed"
        # RuntimeError: the runner was deleted while we ran (only without shutdown()); nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._deliver(self._generation, result, error)


class CompareRunner(QObject):
    """Background comparisons of document snapshots, newest first."""

    finished = Signal(object)
    """The :class:`drafting.compare.Comparison` of the latest request."""
    failed = Signal(str)
    """A one-line message when the latest comparison raised; the runner keeps working."""
    busy = Signal(bool)
    """True when a comparison starts from idle, False when the last one is done."""

    _delivered = Signal(int, object, str)  # emitted on the worker thread, received on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._pending: tuple[int, Document, Document] | None = None
        self._job: _CompareJob | None = None
        self._closed = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def start(self, old: Document, new: Document) -> None:
        """Compare ``old`` with ``new``, which the caller must not change afterwards (pass
        snapshots). Any earlier request still waiting or running will not be reported."""
        self._generation += 1
        if self._closed:
            return
        self._pending = (self._generation, old, new)
        if self._job is None:
            self.busy.emit(True)
            self._start_next()

    def cancel(self) -> None:
        """Report nothing for the requests made so far (a running comparison finishes unseen)."""
        self._generation += 1
        self._pending = None

    def shutdown(self) -> None:
        """Drop what is waiting and wait for the running comparison, so the application can quit."""
        self._closed = True
        self._pending = None
        self._pool.waitForDone()
        self._job = None

    def _start_next(self) -> None:
        request, self._pending = self._pending, None
        assert request is not None
        self._job = _CompareJob(*request, self._delivered.emit)
        self._pool.start(self._job)

    @Slot(int, object, str)
    def _on_delivered(self, generation: int, comparison: object, error: str) -> None:
        if self._closed:
            return
        self._job = None
        if generation == self._generation:
            if error:
                self.failed.emit(error)
            else:
                self.finished.emit(comparison)
        if self._pending is not None:
            self._start_next()
        else:
            self.busy.emit(False)
