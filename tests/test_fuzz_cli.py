"""The command line under fuzzing (``bench/fuzz.py``, fixed seed, a sample small enough for
every CI run): mutated texts, Word files and Penholder files through every command end in a
result or a one-line refusal, never an internal error, a dead process or a hang. The full run
(10,000 cases, 10 s each) is ``bench/fuzz.py``; its figures are in ``bench/RESULTS.md``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANG = 120.0
"""Seconds after which a case counts as hung: a guard, not a benchmark (the bench's limit is 10 s)."""


def _fuzz():
    spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_mutated_inputs_through_every_command_end_cleanly(tmp_path):
    fuzz = _fuzz()
    results, failures = fuzz.run(
        count=240, seed=20261205, timeout=HANG, memory_mb=2048, jobs=2, keep=tmp_path
    )
    assert len(results) == 240
    assert {case.kind for case, _result in results} == {"txt", "docx", "penholder"}
    worked = sum(1 for _case, result in results if result[0] == 0)
    refused = sum(1 for _case, result in results if result[0] == 2)
    assert worked > 40  # the mutations leave many inputs readable: the commands really ran
    assert refused > 20  # and damage many: the refusals really ran
    assert not failures, "\n".join(
        f"case {case.number} ({case.kind}, {case.command}, {case.mutation}): {problem}: {line}"
        for case, problem, line in failures
    )
