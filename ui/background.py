"""Work off the GUI thread where only the newest request matters (checks, comparisons).

:class:`LatestOnly` runs one job at a time on a worker thread. A job submitted while one runs
waits; of several waiting jobs only the newest runs (the others would be stale before they
finished). A result is reported, on the GUI thread, only if no newer job was submitted since,
so a slow old result never replaces a newer one. All bookkeeping happens on the GUI thread;
the worker only runs the job and posts its outcome back through a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def describe_error(exc: BaseException) -> str:
    """One line for the user: the error and the innermost place it came from."""
    text = " ".join(str(exc).split())
    line = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        line += f" (in {last.name}, {Path(last.filename).name}:{last.lineno})"
    return line


class _Job:
    """One piece of background work, given to ``QThreadPool.start`` as a plain callable.

    Not a QRunnable subclass: PySide kept those (with auto-delete off, always; with it on, now
    and then) after they had run, and with them the document snapshot their work holds, until
    Penholder quit (``tests/ui/test_background_memory.py``)."""

    def __init__(self, generation: int, work: Callable[[], object], deliver, what: str) -> None:
        self._generation, self._work, self._deliver, self._what = generation, work, deliver, what

    def __call__(self) -> None:
        try:
            outcome: tuple[object, str] = (self._work(), "")
        except Exception as exc:
            log.exception("%s failed (request %d)", self._what, self._generation)
            outcome = (None, describe_error(exc) or f"{self._what} failed")
        # RuntimeError: the owner was deleted while we ran (only without shutdown()); nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._deliver(self._generation, *outcome)


class LatestOnly(QObject):
    done = Signal(int, object, str)
    """(generation, result, error message or "") for the newest submission only."""
    busy = Signal(bool)
    """True when a job starts from idle, False when none is left."""

    _delivered = Signal(int, object, str)  # emitted on the worker thread, received on the GUI thread

    def __init__(self, what: str, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._what = what
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._generation = 0
        self._pending: tuple[int, Callable[[], object]] | None = None
        self._job: _Job | None = None
        self._closed = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def latest_generation(self) -> int:
        return self._generation

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def submit(self, work: Callable[[], object]) -> int:
        """Run ``work`` (it must only read data nobody changes meanwhile); returns its generation."""
        self._generation += 1
        if self._closed:
            return self._generation
        self._pending = (self._generation, work)
        if self._job is None:
            self.busy.emit(True)
            self._start_next()
        return self._generation

    def cancel(self) -> None:
        """Report nothing for the submissions so far (a running job finishes unseen)."""
        self._generation += 1
        self._pending = None

    def shutdown(self) -> None:
        """Drop what waits and wait for the running job, so the application can quit."""
        self._closed = True
        self._pending = None
        if self._job is not None:
            self._pool.waitForDone()
        self._job = None

    def _start_next(self) -> None:
        pending, self._pending = self._pending, None
        assert pending is not None
        self._job = _Job(*pending, self._delivered.emit, self._what)
        self._pool.start(self._job)

    @Slot(int, object, str)
    def _on_delivered(self, generation: int, result: object, error: str) -> None:
        if self._closed:
            return
        self._job = None
        if generation == self._generation:
            self.done.emit(generation, result, error)
        if self._pending is not None:
            self._start_next()
        else:
            self.busy.emit(False)


class EveryJob(QObject):
    """Runs jobs off the GUI thread one after another and reports every one (a file being
    written, unlike a check, is never stale): ``run(work, on_done)`` calls ``on_done(result,
    error)`` on the GUI thread, ``error`` being "" on success or one line for the user."""

    _delivered = Signal(int, object, str)

    def __init__(self, what: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._what = what
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._next = 0
        self._running: dict[int, tuple[_Job, Callable[[object, str], None]]] = {}
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def is_busy(self) -> bool:
        return bool(self._running)

    def run(self, work: Callable[[], object], on_done: Callable[[object, str], None]) -> None:
        self._next += 1
        job = _Job(self._next, work, self._delivered.emit, self._what)
        self._running[self._next] = (job, on_done)
        self._pool.start(job)

    def wait(self) -> None:
        """Let every job finish (quitting must not cut a file short) and report them."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents(self)

    @Slot(int, object, str)
    def _on_delivered(self, key: int, result: object, error: str) -> None:
        entry = self._running.pop(key, None)
        if entry is not None:
            entry[1](result, error)
