"""Runs the checks off the GUI thread, newest request first, and a debouncer to call it after typing.

The runner keeps at most one check in flight. A request made while a check runs waits; if
several arrive meanwhile, only the newest runs next (the ones in between would be stale
before they finished). Results come back on the GUI thread and are emitted only for the
latest generation requested, so a slow old check can never overwrite a newer result.

The machinery is :class:`ui.background.LatestOnly`, shared with the comparison runner.

Checks are incremental: the runner keeps one :class:`drafting.checks.incremental.IncrementalChecker`,
which re-checks only the paragraphs that changed since the previous snapshot and returns what
``run_checks`` would. The checker is not thread-safe, and need not be: LatestOnly starts a job only
when none is in flight (``submit`` starts one only if ``_job`` is None; the next starts from
``_on_delivered`` on the GUI thread, after the running job's work has returned), on a pool of its
own with at most one thread, so the checker is only ever used by one worker thread at a time. A
snapshot is compared with the previous one by value, never by identity, so the reader's reuse of
content lists between snapshots is harmless.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from drafting.checks import CheckSettings
from drafting.checks.incremental import IncrementalChecker
from drafting.model import Document
from ui.background import LatestOnly, describe_error

__all__ = ["CheckRunner", "Debouncer", "describe_error"]


class CheckRunner(QObject):
    """Background checks of document snapshots, coalesced and generation-stamped."""

    finished = Signal(int, object)
    """(generation, list[Finding]) for the latest generation only."""
    failed = Signal(int, str)
    """(generation, one-line message) when a rule raised; the runner keeps working."""
    busy = Signal(bool)
    """True when a check starts from idle, False when the last one is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = LatestOnly("checks", self)
        self._checker = IncrementalChecker()  # used on the worker thread only, one job at a time
        self._worker.busy.connect(self.busy)
        self._worker.done.connect(self._done)

    @property
    def latest_generation(self) -> int:
        """The generation of the newest request (0 before the first)."""
        return self._worker.latest_generation

    @property
    def is_busy(self) -> bool:
        return self._worker.is_busy

    def request(self, document: Document, settings: CheckSettings | None = None) -> int:
        """Schedule a check of ``document``, which the caller must not mutate afterwards.

        Returns the request's generation. After :meth:`shutdown` nothing runs any more and the
        returned generation is never reported.
        """
        settings = settings or CheckSettings()
        checker = self._checker
        return self._worker.submit(lambda: checker.check(document, settings))

    def shutdown(self) -> None:
        """Drop what is pending and wait for the running check, so the application can quit."""
        self._worker.shutdown()

    def _done(self, generation: int, findings: object, error: str) -> None:
        if error:
            self.failed.emit(generation, error)
        else:
            self.finished.emit(generation, findings)


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
