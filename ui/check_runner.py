"""Runs the checks off the GUI thread, newest request first, and a debouncer to call it after typing.

The runner keeps at most one check in flight. A request made while a check runs waits; if
several arrive meanwhile, only the newest runs next (the ones in between would be stale
before they finished). Results come back on the GUI thread and are emitted only for the
latest generation requested, so a slow old check can never overwrite a newer result.

All bookkeeping (``_running``, ``_pending``, the generation counter) is touched only on
the GUI thread; the worker only runs :func:`drafting.checks.run_checks` and posts its
outcome back through a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from drafting.checks import CheckSettings, run_checks
from drafting.model import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Request:
    generation: int
    document: Document
    settings: CheckSettings


def describe_error(exc: BaseException) -> str:
    """One line for the user: the error and the innermost place it came from."""
    text = " ".join(str(exc).split())
    line = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        line += f" (in {last.name}, {Path(last.filename).name}:{last.lineno})"
    return line


class _CheckJob(QRunnable):
    """One check on the worker thread; reports through ``deliver`` (a queued signal's emit)."""

    def __init__(self, request: _Request, deliver: Callable[[int, object, str], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner holds the Python reference until the result is back
        self._request = request
        self._deliver = deliver

    def run(self) -> None:
        request = self._request
        try:
            findings = run_checks(request.document, request.settings)
        except Exception as exc:
            log.exception("checks failed for generation %d", request.generation)
            outcome: tuple[object, str] = (None, describe_error(exc) or "checks failed")
        else:
            outcome = (findings, "")
        # RuntimeError: the runner was deleted while we ran (only without shutdown()); nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._deliver(request.generation, *outcome)


class CheckRunner(QObject):
    """Background checks of document snapshots, coalesced and generation-stamped."""

    finished = Signal(int, object)
    """(generation, list[Finding]) for the latest generation only."""
    failed = Signal(int, str)
    """(generation, one-line message) when a rule raised; the runner keeps working."""
    busy = Signal(bool)
    """True when a check starts from idle, False when the last one is done."""

    _delivered = Signal(int, object, str)  # emitted on the worker thread, received on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._pending: _Request | None = None
        self._job: _CheckJob | None = None
        self._closed = False
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def latest_generation(self) -> int:
        """The generation of the newest request (0 before the first)."""
        return self._generation

    @property
    def is_busy(self) -> bool:
        return self._job is not None

    def request(self, document: Document, settings: CheckSettings | None = None) -> int:
        """Schedule a check of ``document``, which the caller must not mutate afterwards.

        Returns the request's generation. After :meth:`shutdown` nothing runs any more and the
        returned generation is never reported.
        """
        self._generation += 1
        if self._closed:
            return self._generation
        self._pending = _Request(self._generation, document, settings or CheckSettings())
        if self._job is None:
            self.busy.emit(True)
            self._start_next()
        return self._generation

    def shutdown(self) -> None:
        """Drop what is pending and wait for the running check, so the application can quit."""
        self._closed = True
        self._pending = None
        self._pool.waitForDone()
        self._job = None

    def _start_next(self) -> None:
        request, self._pending = self._pending, None
        assert request is not None
        self._job = _CheckJob(request, self._delivered.emit)
        self._pool.start(self._job)

    @Slot(int, object, str)
    def _on_delivered(self, generation: int, findings: object, error: str) -> None:
        if self._closed:
            return
        self._job = None
        if generation == self._generation:
            if error:
                self.failed.emit(generation, error)
            else:
                self.finished.emit(generation, findings)
        if self._pending is not None:
            self._start_next()
        else:
            self.busy.emit(False)


class Debouncer(QObject):
    """Calls ``callback`` once, ``interval_ms`` after the last :meth:`poke`."""

    def __init__(
        self, interval_ms: int, callback: Callable[[], object], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fire)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def poke(self) -> None:
        """(Re)start the countdown."""
        self._timer.start()

    def flush(self) -> None:
        """Run the callback now if a call is pending (e.g. before saving)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire()

    def cancel(self) -> None:
        self._timer.stop()

    def _fire(self) -> None:
        self._callback()
