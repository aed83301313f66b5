"""Keeping Python's full garbage collections short while the window is in use.

A full (oldest-generation) collection walks every container object the program holds and
stops every thread while it does. With a 1 MB text open (its model, the Qt surface's Python
side, findings, revisions) that walk took 15-150 ms and came at random moments: a key press
that allocated the object that tipped the count, an autosave, a check result arriving
(``bench/editor.py``: single stalls of 150-250 ms although the work itself takes 30-50 ms).

What lives that long does not need to be walked again and again. At a quiet moment after the
heap has grown (a tab opened, or a full collection was slow) the keeper collects once and
moves the survivors into the permanent generation (:func:`gc.freeze`); later full
collections walk only what was made since. Frozen objects are still freed as soon as nothing
refers to them; only reference cycles among them wait. So when a tab closes, the next quiet
moment unfreezes everything, collects it all (the closed document's cycles go) and freezes
again.

A quiet moment: no edit in any document for a whole tick and no background check running.
After ten ticks without one the keeper settles anyway, but only plainly (collecting what is
new is as cheap as the young collections that run all the time); the thorough settle after
a closed tab walks the whole heap (40-90 ms with 1 MB open) and waits for a quiet moment.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer

TICK_MS = 1000
PATIENCE_TICKS = 10
"""Settle after this many ticks even if no quiet one came (someone typing without a pause)."""
SLOW_FULL_COLLECTION_MS = 20.0
"""A full collection at least this long means the unfrozen heap has grown: settle it."""


class Workload(NamedTuple):
    """What the window is doing, as far as the keeper needs to know."""

    tabs: int
    edits: int
    """Grows with every edit in any document (the sessions' change counts added up)."""
    busy: bool
    """A background check is running."""


class _FullCollectionWatch:
    """A :data:`gc.callbacks` entry that notes a slow full collection (any thread)."""

    def __init__(self) -> None:
        self.slow = False
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        elif (time.perf_counter() - self._started) * 1000 >= SLOW_FULL_COLLECTION_MS:
            self.slow = True


_watch: _FullCollectionWatch | None = None


def full_collection_watch() -> _FullCollectionWatch:
    """The process's one watch (installed at first use)."""
    global _watch
    if _watch is None:
        _watch = _FullCollectionWatch()
        gc.callbacks.append(_watch)
    return _watch


def settle(*, thorough: bool) -> None:
    """Collect, then freeze what survives. ``thorough``: unfreeze first, so that reference
    cycles among objects frozen earlier (a closed document's) are collected too."""
    if thorough:
        gc.unfreeze()
    gc.collect()
    gc.freeze()


class HeapKeeper(QObject):
    """Settles the heap (:func:`settle`) at the first quiet tick after it grew or shrank."""

    def __init__(self, workload: Callable[[], Workload], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workload = workload
        self._watch = full_collection_watch()
        self._last = workload()
        self._pending: bool | None = True
        """None: nothing to do; False: a plain settle; True: a thorough one."""
        self._waited = 0
        self.settled = 0
        """How many times the heap was settled (for tests and benchmarks)."""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        now = self._workload()
        if now.tabs < self._last.tabs:
            self._pending = True
        elif (now.tabs > self._last.tabs or self._watch.slow) and self._pending is None:
            self._pending = False
        quiet = now.edits == self._last.edits and not now.busy
        self._last = now
        if self._pending is None:
            return
        self._waited += 1
        if quiet:
            settle(thorough=self._pending)
            self._pending = None
        elif self._waited >= PATIENCE_TICKS:
            settle(thorough=False)
            self._pending = True if self._pending else None
        else:
            return
        self._watch.slow = False
        self._waited = 0
        self.settled += 1
