"""Benchmark: the window stays responsive while two 1 MB revisions are compared.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/compare_window.py [--runs N]

Opens the comparison of the ~1 MB pair of ``bench/compare.py`` (25 copies of A/RES/67/193
against 25 revisions of it) in a comparison tab. While the comparison runs in the background,
a 10 ms timer on the GUI thread records how late each tick fires: that lateness is how long
the window could not react to a key or a click. Reported: the time until the comparison is
shown, and the median / worst tick lateness while it ran (the worst includes building and
showing the result on the GUI thread, which is the only part that does not run in the
background).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compare import SOURCE, combined, revise  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import configure_runtime  # noqa: E402
from app.settings import Settings  # noqa: E402
from drafting.model import plain_text  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    configure_runtime()  # as the application does at start
    old = combined([SOURCE] * 25)
    new = combined([revise(SOURCE, seed) for seed in range(25)])
    size = sum(len(plain_text(b.content)) for b in old.iter_blocks())
    print(f"texts: {size / 1e6:.2f} M characters, {len(old.blocks)} / {len(new.blocks)} paragraphs")
    window = MainWindow(Settings())
    window.show()
    totals, medians, worsts, during = [], [], [], []
    for _ in range(args.runs):
        lateness: list[float] = []
        background: list[float] = []
        last = time.perf_counter()
        timer = QTimer()
        timer.setInterval(10)

        def tick(lateness=lateness) -> None:
            nonlocal last
            now = time.perf_counter()
            lateness.append(max(0.0, (now - last) * 1000 - 10))
            last = now

        timer.timeout.connect(tick)
        timer.start()
        start = time.perf_counter()
        tab = window.open_comparison(old, new, "25 × A/RES/67/193", "25 revisions")
        while tab.comparison() is None:
            app.processEvents()
            time.sleep(0.001)
            if tab.view.is_busy():
                background = list(lateness)
        totals.append((time.perf_counter() - start) * 1000)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)
        timer.stop()
        medians.append(statistics.median(lateness))
        worsts.append(max(lateness))
        during.append(max(background) if background else 0.0)
        window.files.close_tab(window.tabs.indexOf(tab))
    print(
        f"comparison shown after: median {statistics.median(totals):.0f} ms ({min(totals):.0f}–{max(totals):.0f})"
    )
    print(f"GUI timer lateness, median of runs: {statistics.median(medians):.1f} ms")
    print(
        f"worst lateness while the comparison ran in the background: {statistics.median(during):.0f} ms "
        f"(runs: {', '.join(f'{x:.0f}' for x in during)})"
    )
    print(
        f"worst lateness overall, including showing the result: {statistics.median(worsts):.0f} ms "
        f"(runs: {', '.join(f'{x:.0f}' for x in worsts)})"
    )
    window.close()


if __name__ == "__main__":
    main()
