"""Benchmark: size and start-up time of the frozen build (``python build_installer.py`` first).

Run:  .venv/bin/python bench/frozen_start.py [--runs 10] [--cold]

Prints the onedir size, the archive size, and for ``penholder --version`` and for the window
(``penholder --self-test`` on A/RES/67/193, offscreen: the time from the start of the process
until the window is shown, and until the first check's findings are shown) the median and the
spread over the runs. ``--cold`` drops the page cache before each run (needs root on Linux) so
that every file is read from disk, as at the first start after logging in; otherwise the runs
are warm (the second and later starts of a session).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_installer import DIST, clean_environment, executable, folder_size, machine, project_version  # noqa: E402

SHOWN = re.compile(r"window shown ([0-9.]+) s, first check ([0-9.]+) s")


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    with open("/proc/sys/vm/drop_caches", "w") as caches:
        caches.write("3\n")


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each run (root)")
    args = parser.parse_args()
    program = executable()
    if not program.exists():
        print(f"{program} is missing: run python build_installer.py first", file=sys.stderr)
        return 1
    archive = DIST / f"penholder-{project_version()}-linux-{machine()}.tar.gz"
    print(f"onedir {folder_size(program.parent) / 1e6:.0f} MB", end="")
    print(f", archive {archive.stat().st_size / 1e6:.0f} MB" if archive.exists() else "")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        sample = home / "ga-res-67-193-en.txt"
        shutil.copy2(ROOT / "tests" / "corpus" / sample.name, sample)
        env = clean_environment(home)
        version, shown, checked = [], [], []
        for _ in range(args.runs):
            if args.cold:
                drop_caches()
            started = time.perf_counter()
            subprocess.run([str(program), "--version"], env=env, capture_output=True, check=True)
            version.append(time.perf_counter() - started)
            if args.cold:
                drop_caches()
            run = subprocess.run(
                [str(program), "--self-test", str(sample)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            found = SHOWN.search(run.stdout)
            if found is None:
                print(f"unexpected self-test output: {run.stdout!r}", file=sys.stderr)
                return 1
            shown.append(float(found.group(1)))
            checked.append(float(found.group(2)))
    kind = "cold (page cache dropped)" if args.cold else "warm"
    print(f"{args.runs} runs, {kind}, {os.cpu_count()} CPUs")
    print(f"penholder --version:      {spread(version)}")
    print(f"window shown:             {spread(shown)}")
    print(f"first check shown:        {spread(checked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
