"""Benchmark: memory of the window as a 1 MB document is opened and closed again, five times.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_memory.py [--times 5]

Prints the resident size after start and after each open (until the first check is shown) and
close of the 1 MB compilation (``bench/import_export.py``). The event loop runs as ``exec()``
runs it, so that ``deleteLater`` is carried out. A closed document that stays in memory shows
as a step per round; a freed one as a flat line (Python's allocator keeps the high-water mark).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from import_export import compilation_text  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.gui import configure_runtime, make_window  # noqa: E402
from app.settings import Settings  # noqa: E402


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_loop(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    configure_runtime()
    folder = Path(tempfile.mkdtemp(prefix="penholder-bench-"))
    os.environ["PENHOLDER_DATA_DIR"] = str(folder / "data")
    source = folder / "compilation-1mb.txt"
    source.write_text(compilation_text(), encoding="utf-8")
    window = make_window(Settings())
    window.show()
    run_loop(1500)
    sizes = [resident_mb()]
    for _ in range(args.times):
        session = window.files.open_path(source)
        while not session.checks_current:
            run_loop(20)
        run_loop(1500)
        session.mark_saved()
        window.close_tab(window.tabs.indexOf(session.editor.parentWidget()))
        del session
        run_loop(2500)
        sizes.append(resident_mb())
    print(f"resident MB after start, then after each open and close of 1 MB: {[round(s) for s in sizes]}")
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
