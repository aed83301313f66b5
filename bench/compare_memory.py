"""Benchmark: peak memory of comparing the 1 MB pair (issue 18: measured, at most 300 MB).

Run:  .venv/bin/python bench/compare_memory.py [--repeat N]

Two views, each in fresh processes (a process's peak resident size only grows):

* the command a user runs, ``penholder compare OLD.txt NEW.txt`` on the two ~1 MB text files
  of ``bench/compare.py``'s pair (import both, compare, print the summary): the child's peak
  resident size (``ru_maxrss``), interpreter and libraries included;
* the comparison alone, the two models in memory: resident size before it, the peak while it
  runs (Linux ``VmHWM`` after resetting it through ``/proc/self/clear_refs``), and the peak of
  Python's own allocations during it (``tracemalloc``, which slows it but counts every block).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def comparison_alone() -> dict[str, float]:
    """Run in a child: the models built, then one comparison measured."""
    import tracemalloc

    from compare import SOURCE, combined, revise

    from drafting.compare import compare

    old = combined([SOURCE] * 25)
    new = combined([revise(SOURCE, seed) for seed in range(25)])
    before = _status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current size
    result = compare(old, new).prepare()
    peak = _status_kb("VmHWM")
    del result
    tracemalloc.start()
    compare(old, new).prepare()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"before_mb": before / 1024, "peak_mb": peak / 1024, "python_peak_mb": traced_peak / 2**20}


def command_peak(old: Path, new: Path) -> float:
    """Peak resident size (MB) of one ``penholder compare`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [sys.executable, "-m", "app", "compare", str(old), str(new)],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if after <= before:  # RUSAGE_CHILDREN holds the largest child so far: runs must not shrink
        raise RuntimeError("measure each command in a process of its own (see main)")
    return after / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--command", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(comparison_alone()))
        return
    if args.command:
        print(json.dumps({"command_peak_mb": command_peak(Path(args.command[0]), Path(args.command[1]))}))
        return
    from compare import SOURCE, combined, revise

    from drafting.exporters import export_text

    print(f"machine: {platform.machine()} Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "old.txt"), Path(folder, "new.txt")
        old.write_text(export_text(combined([SOURCE] * 25)), encoding="utf-8")
        new.write_text(export_text(combined([revise(SOURCE, seed) for seed in range(25)])), encoding="utf-8")
        print(f"pair: {old.stat().st_size / 1024:.0f} KB / {new.stat().st_size / 1024:.0f} KB of text")
        runs = [_child(["--command", str(old), str(new)]) for _ in range(args.repeat)]
    _report("penholder compare OLD NEW, peak resident size", [r["command_peak_mb"] for r in runs])
    alone = [_child(["--child"]) for _ in range(args.repeat)]
    _report("comparison alone: resident size before it", [r["before_mb"] for r in alone])
    _report("comparison alone: peak resident size while it runs", [r["peak_mb"] for r in alone])
    _report("comparison alone: peak of Python allocations during it", [r["python_peak_mb"] for r in alone])


def _child(arguments: list[str]) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, *arguments], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _report(label: str, values: list[float]) -> None:
    print(
        f"{label}: median {statistics.median(values):.1f} MB"
        f" (min {min(values):.1f}, max {max(values):.1f}), {len(values)} runs"
    )


if __name__ == "__main__":
    main()
