"""Benchmark: the window stays responsive while two 1 MB revisions are compared and shown.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/compare_window.py [--runs N]
          [--switch-interval app|default|SECONDS]

Opens the comparison of the ~1 MB pair of ``bench/compare.py`` (25 copies of A/RES/67/193
against 25 revisions of it) in a comparison tab of the main window, waits until its texts are
complete, then switches the tab to side by side and waits again. A 10 ms precise timer on the
GUI thread records how late each tick fires: that lateness is how long the window could not
react to a key or a click (the longest GUI stall). The event loop runs as in the application
(a real ``QEventLoop``, no polling). Reported per phase, median and spread over the runs:

* opening the tab — the call that makes the comparison tab (``MainWindow.open_comparison``);
* comparing — the comparison runs on its worker thread;
* showing the result — the call that receives it (``CompareView.set_comparison``: the list of
  changes and the first screen of text), timed directly;
* writing the inline view — from then until the whole inline redline is written and laid out;
* switching to side by side — the call (``set_mode``: the first screens of both texts), timed
  directly, then writing the two texts until both are complete;
* the longest stall of the whole run (the longest of all these).

``--switch-interval`` sets the interpreter's switch interval: ``app`` as the application sets
it at start (``app.gui.configure_runtime``), ``default`` Python's 5 ms, or a number of seconds.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compare import SOURCE, combined, revise  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import configure_runtime  # noqa: E402
from app.settings import Settings  # noqa: E402
from drafting.model import plain_text  # noqa: E402
from ui.compare_view import CompareView  # noqa: E402

try:
    from app.gui import make_window
except ImportError:  # a version from before the window was given its services
    from ui.main_window import MainWindow as make_window

TICK_MS = 10


class GcWatch:
    """Python's cyclic garbage collections, on any thread: each holds the interpreter (every
    thread waits) for its whole length, 40-60 ms for a full one with two 1 MB texts and their
    comparison in memory, wherever in the program the allocation that set it off happened."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []
        """(start, end, generation) of each collection, perf_counter seconds."""
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses.append((self._start, time.perf_counter(), info["generation"]))

    def longest(self, since: float) -> float:
        return max(((end - start) * 1000 for start, end, _ in self.pauses if start >= since), default=0.0)

    def within(self, start: float, end: float, at_least_ms: float = 10.0) -> bool:
        """Whether a collection of at least ``at_least_ms`` ran between ``start`` and ``end``."""
        return any(b > start and a < end and (b - a) * 1000 >= at_least_ms for a, b, _ in self.pauses)


class StallMeter:
    """A precise 10 ms timer on the GUI thread; ``take()`` returns the worst lateness since the
    last call (ms), ``take_without_gc()`` the worst of the ticks that no garbage collection of
    10 ms or more delayed (what the program's own work costs)."""

    def __init__(self, collections: GcWatch) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.collections = collections
        self.worst = 0.0
        self.worst_without_gc = 0.0
        self.ticks: list[float] = []
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def restart(self) -> None:
        """Count lateness from now on (after a stretch that was timed by itself)."""
        self._last = time.perf_counter()

    def stop(self) -> None:
        self.timer.stop()
        self._tick()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self._last) * 1000 - TICK_MS)
        self.ticks.append(late)
        self.worst = max(self.worst, late)
        if not self.collections.within(self._last, now):
            self.worst_without_gc = max(self.worst_without_gc, late)
        self._last = now

    def take(self) -> float:
        self._tick()
        worst, self.worst = self.worst, 0.0
        return worst

    def take_without_gc(self) -> float:
        worst, self.worst_without_gc = self.worst_without_gc, 0.0
        return worst


class Timed:
    """Wraps a method of a class so that each call's duration is recorded; the stall meter
    restarts after it, so the call counts once, as itself, not again as timer lateness."""

    def __init__(self, owner: type, name: str, meter: StallMeter) -> None:
        self.calls: list[float] = []
        self.before: list[float] = []
        """The meter's worst lateness up to each call."""
        original = getattr(owner, name)

        def timed(this, *args, **kwargs):
            self.before.append(meter.take())
            start = time.perf_counter()
            try:
                return original(this, *args, **kwargs)
            finally:
                end = time.perf_counter()
                self.calls.append((end - start) * 1000)
                self.gc.append(meter.collections.within(start, end))
                meter.restart()

        self.gc: list[bool] = []
        """Whether a garbage collection of 10 ms or more ran during each call."""

        setattr(owner, name, timed)


def run_until(condition, timeout: float = 60.0) -> None:
    """Run the event loop until ``condition()`` holds (checked every 5 ms by a timer)."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    deadline = time.perf_counter() + timeout

    def test() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    check.timeout.connect(test)
    check.start()
    if not condition():
        loop.exec()
    check.stop()


def settle(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def building(view: CompareView) -> bool:
    """Whether the view is still writing its texts (a view from before texts were written in
    pieces has no such state: it is complete when shown, so the bench runs on older versions)."""
    is_building = getattr(view, "is_building", None)
    return bool(is_building and is_building())


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms ({min(values):.0f}–{max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--switch-interval", default="app")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if args.switch_interval == "app":
        configure_runtime()  # as the application does at start
    elif args.switch_interval != "default":
        sys.setswitchinterval(float(args.switch_interval))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()};"
        f" switch interval {sys.getswitchinterval() * 1000:g} ms"
    )
    old = combined([SOURCE] * 25)
    new = combined([revise(SOURCE, seed) for seed in range(25)])
    size = sum(len(plain_text(b.content)) for b in old.iter_blocks())
    print(f"texts: {size / 1e6:.2f} M characters, {len(old.blocks)} / {len(new.blocks)} paragraphs")
    window = make_window(Settings())
    window.resize(1400, 900)
    window.show()
    settle(200)
    collections = GcWatch()
    meter = StallMeter(collections)
    received = Timed(CompareView, "set_comparison", meter)
    switch = Timed(CompareView, "set_mode", meter)
    opening = Timed(type(window), "open_comparison", meter)
    shown, complete, side_done = [], [], []
    comparing, writing, side, overall, own, longest_gc = [], [], [], [], [], []
    for _ in range(args.runs):
        meter.start()
        meter.take_without_gc()
        start = time.perf_counter()
        tab = window.open_comparison(old, new, "25 × A/RES/67/193", "25 revisions")
        meter.take()
        run_until(lambda tab=tab: tab.comparison() is not None)
        comparing.append(received.before[-1])
        shown.append((time.perf_counter() - start) * 1000)
        run_until(lambda tab=tab: not building(tab.view))
        writing.append(meter.take())
        complete.append((time.perf_counter() - start) * 1000)
        assert len(tab.view.anchors()) == len(tab.view.changes()), "the inline view is not complete"
        settle(100)
        meter.take()
        switched = time.perf_counter()
        tab.view.set_mode(CompareView.SIDE_BY_SIDE)
        run_until(lambda tab=tab: not building(tab.view))
        side.append(meter.take())
        side_done.append((time.perf_counter() - switched) * 1000)
        settle(100)
        meter.stop()
        calls = [(timed.calls[-1], timed.gc[-1]) for timed in (opening, received, switch)]
        overall.append(max(comparing[-1], writing[-1], side[-1], meter.take(), *(c for c, _ in calls)))
        own.append(max(meter.take_without_gc(), *(c for c, collected in calls if not collected)))
        longest_gc.append(collections.longest(since=start))
        close_tab = getattr(window, "close_tab", None) or window.files.close_tab  # older versions
        close_tab(window.tabs.indexOf(tab))
        settle(300)
    print(f"comparison shown after {spread(shown)}; inline view complete after {spread(complete)}")
    print(f"side-by-side texts complete after switching: {spread(side_done)}")
    print("longest GUI stall per run (timed calls; else 10 ms timer lateness):")
    for label, values in (
        ("opening the tab (call)", opening.calls),
        ("while comparing in the background", comparing),
        ("showing the result (call)", received.calls),
        ("while writing the inline view", writing),
        ("switching to side by side (call)", switch.calls),
        ("while writing the side-by-side texts", side),
        ("whole run", overall),
        ("whole run, but for garbage collections", own),
        ("longest garbage collection (any thread)", longest_gc),
    ):
        print(f"  {label:38} {spread(values)}  (runs: {', '.join(f'{v:.0f}' for v in values)})")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
