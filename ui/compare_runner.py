"""Compares two documents off the GUI thread; the newest request wins.

Comparing two long texts takes a noticeable moment, so :class:`CompareRunner` runs
:func:`drafting.compare.compare` on a worker thread and posts the result back through a queued
signal. A runner runs one comparison at a time; a request made meanwhile waits, and of several
waiting requests only the newest runs. A result is emitted only if no newer request was made
since, so a slow old comparison never replaces a newer one. All bookkeeping happens on the GUI
thread. Each runner (each comparison tab) has its own worker thread: comparisons share no
state (each has its own word alphabet), so two tabs compare at the same time. The worker also
makes the parts of the result that are otherwise made on first use
(:meth:`drafting.compare.Comparison.prepare`), so that showing it costs the GUI thread less.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from drafting.compare import compare
from drafting.model import Document
from ui.background import LatestOnly


class CompareRunner(QObject):
    """Background comparisons of document snapshots, newest first."""

    finished = Signal(object)
    """The :class:`drafting.compare.Comparison` of the latest request."""
    failed = Signal(str)
    """A one-line message when the latest comparison raised; the runner keeps working."""
    busy = Signal(bool)
    """True when a comparison starts from idle, False when the last one is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = LatestOnly("comparison", self)
        self._worker.busy.connect(self.busy)
        self._worker.done.connect(self._done)

    @property
    def is_busy(self) -> bool:
        return self._worker.is_busy

    def start(self, old: Document, new: Document) -> None:
        """Compare ``old`` with ``new``, which the caller must not change afterwards (pass
        snapshots). Any earlier request still waiting or running will not be reported."""
        self._worker.submit(lambda: compare(old, new).prepare())

    def cancel(self) -> None:
        """Report nothing for the requests made so far (a running comparison finishes unseen)."""
        self._worker.cancel()

    def shutdown(self) -> None:
        """Drop what is waiting and wait for the running comparison, so the application can quit."""
        self._worker.shutdown()

    def _done(self, _generation: int, comparison: object, error: str) -> None:
        if error:
            self.failed.emit(error)
        else:
            self.finished.emit(comparison)
