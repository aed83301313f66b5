"""Writing long comparison texts into the view in pieces, so the window never freezes.

Writing (and laying out) the inline redline of two 1 MB texts takes about half a second of
GUI-thread work, and Qt text documents can only be written on the thread that shows them.
:class:`PieceBuilder` therefore writes into documents **already shown** by their browsers,
a piece at a time, and hands control back to the event loop between pieces: a key press, a
click or a paint waits for one piece at most.

* Each piece is a few commits of about :data:`COMMIT_CHARACTERS`. A commit is one edit block,
  so Qt lays out just that stretch once, at its end (a document shown while it grows is laid
  out as it grows; one given to a browser complete would be laid out in steps of up to
  200,000 characters, each a freeze of its own). A piece ends after the commit that passes
  :data:`PIECE_SECONDS`.
* :meth:`PieceBuilder.start` writes the beginning of each document at once, the first screen,
  so that it is there when the view is first painted (the caller says how much; the
  comparison view writes a text of up to :data:`SHORT_TEXT` characters whole, so that a
  resolution of some 40 KB is complete at once, as quick comparisons and tests expect).
* Several documents (the two side-by-side texts) are written together: each commit goes to
  the one that is furthest behind, so both first screens come first.

Nothing depends on the time but how soon the texts are complete: the pieces are cut by the
clock, the texts are the same.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

SHORT_TEXT = 60_000
"""Characters of a text short enough to be written whole at once (some 30 ms; A/RES/67/193,
38 KB, makes a redline of 37,300)."""
FIRST_SCREEN = 8_000
"""Characters written at once of a longer text: more than a screenful."""
COMMIT_CHARACTERS = 4_000
"""Written per edit block (one layout pass each, about 2 ms)."""
PIECE_SECONDS = 0.02
"""GUI time a piece may take before the event loop gets its turn (plus one commit)."""


@dataclass
class Job:
    """A document being written at its end by ``cursor``, one paragraph per step of ``steps``."""

    cursor: QTextCursor
    steps: Iterator[None]
    finished: bool = False

    @property
    def written(self) -> int:
        return self.cursor.position()


class PieceBuilder(QObject):
    """Runs writing jobs in pieces from the event loop until all are finished."""

    progressed = Signal()
    """A piece was written (more paragraphs, anchors or rows are there)."""
    finished = Signal()
    """Every job is finished (not emitted after :meth:`cancel`)."""

    def __init__(self, jobs: list[Job], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = list(jobs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the events already waiting: input and paint come first
        self._timer.timeout.connect(self._piece)

    def start(self, at_once: int | None = FIRST_SCREEN) -> None:
        """Write the first ``at_once`` characters of every document now (None: all of them),
        the rest in pieces from the event loop."""
        if at_once is None:
            self._write()
        else:
            self._write(until=at_once)
        self._after_piece()

    def finish(self) -> None:
        """Write everything now (printing, exporting: the whole text is needed at once)."""
        self._timer.stop()
        if self._jobs:
            self._write()
            self._after_piece()

    def cancel(self) -> None:
        """Stop writing (the documents keep what was written)."""
        self._timer.stop()
        self._jobs = []

    def is_running(self) -> bool:
        return bool(self._jobs)

    def _piece(self) -> None:
        self._write(deadline=time.perf_counter() + PIECE_SECONDS)
        self._after_piece()

    def _after_piece(self) -> None:
        running = bool(self._jobs)
        if running:
            self._timer.start()
        self.progressed.emit()
        if not running:
            self.finished.emit()

    def _write(self, *, until: int | None = None, deadline: float | None = None) -> None:
        """Commit after commit, to the job furthest behind, until every job has written
        ``until`` characters, the ``deadline`` has passed, or all are finished."""
        while self._jobs:
            job = min(self._jobs, key=lambda j: j.written)
            if until is not None and job.written >= until:
                return
            self._commit(job)
            if job.finished:
                self._jobs.remove(job)
            if deadline is not None and time.perf_counter() >= deadline:
                return

    def _commit(self, job: Job) -> None:
        cursor = job.cursor
        target = cursor.position() + COMMIT_CHARACTERS
        cursor.beginEditBlock()
        try:
            while cursor.position() < target:
                next(job.steps)
        except StopIteration:
            job.finished = True
        except BaseException:
            self.cancel()  # a faulty step would fail again in every piece
            raise
        finally:
            cursor.endEditBlock()
