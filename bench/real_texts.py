"""Structure on real resolutions: how many real-ga80 texts read exactly (PP, OP, FN).

Run:  .venv/bin/python bench/real_texts.py [-v]

Compares the preambular, operative and footnote counts of every text in
``shared/corpus/real-ga80`` with its ``expected.json`` (made independently of Penholder), lists
the misses (all with -v), counts the import warnings, and times the whole run.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.importers import load_document  # noqa: E402
from tests.helpers import shared_corpus  # noqa: E402


def main() -> int:
    corpus = shared_corpus() / "real-ga80"
    expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    exact = warnings = unreferenced = 0
    started = time.perf_counter()
    for name, want in expected.items():
        result = load_document(corpus / name)
        document = result.document
        got = (len(document.preambular), len(document.operative), len(document.footnotes))
        good = got == (want["pp"], want["op"], want["fn"])
        exact += good
        warnings += len(result.report.warnings)
        unreferenced += sum("never referenced" in w for w in result.report.warnings)
        if not good or "-v" in sys.argv:
            wanted = tuple(want[k] for k in ("pp", "op", "fn"))
            print(f"{'ok ' if good else 'BAD'} {name:28} got PP/OP/FN {got} expected {wanted}")
    elapsed = time.perf_counter() - started
    print(
        f"structure exact: {exact}/{len(expected)}; import warnings: {warnings} "
        f"({unreferenced} unreferenced footnotes); {elapsed * 1000:.0f} ms for all"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
