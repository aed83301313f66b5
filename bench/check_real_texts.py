"""Precision of the checker on real, clean, adopted UN resolutions.

Run:  .venv/bin/python bench/check_real_texts.py [--seeds] [--list error|warning|all] [--rule RULE]
      [--json OUT.json] [FILE ...]

Runs the checks exactly as ``penholder check --footnote-regime legacy`` does (same library calls as
app/cli.py, without the user's dictionary so that the measurement is reproducible) over every text
in /work/shared/corpus/real-ga80/texts (and, with ``--seeds``, the five seed texts of
/work/shared/corpus/*.txt). These texts are adopted resolutions: nearly every error reported on them
is a false alarm, either of the importer (a mis-read text) or of a rule.

Prints errors and warnings per rule and in total; ``--list`` prints each finding (file, label,
rule, message, excerpt), ``--rule`` restricts the listing to one rule (prefix match).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.checks import CheckSettings, run_checks  # noqa: E402
from drafting.importers import load_document  # noqa: E402
from tests.helpers import shared_corpus  # noqa: E402

CORPUS = shared_corpus()
REAL = CORPUS / "real-ga80" / "texts"


def corpus_files(seeds: bool) -> list[Path]:
    files = sorted(p for p in REAL.iterdir() if p.name.endswith((".md", ".raw.txt")))
    if seeds:
        files += sorted(CORPUS.glob("*.txt"))
    return files


def check_file(path: Path, spelling: bool = True) -> list:
    result = load_document(path)
    settings = CheckSettings(
        footnote_regime="legacy",
        literal_footnote_numbers=result.report.literal_footnote_numbers,
        user_words=frozenset(),
        spelling=spelling,
    )
    return run_checks(result.document, settings)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="check these files instead of the corpus")
    parser.add_argument("--seeds", action="store_true", help="also check the five seed texts")
    parser.add_argument("--list", choices=("error", "warning", "info", "all"), help="print each finding")
    parser.add_argument("--rule", help="list only findings of rules starting with this")
    parser.add_argument("--json", type=Path, help="write every finding as JSON to this file")
    args = parser.parse_args()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

    files = args.files or corpus_files(args.seeds)
    per_rule: dict[str, Counter] = {}
    per_file: dict[str, Counter] = {}
    dump = []
    crashed = []
    for path in files:
        try:
            findings = check_file(path)
        except Exception as exc:  # noqa: BLE001 -- a crash is a finding of the benchmark, not its end
            crashed.append((path.name, repr(exc)))
            continue
        per_file[path.name] = Counter(f.severity.value for f in findings)
        for f in findings:
            per_rule.setdefault(f.rule, Counter())[f.severity.value] += 1
            dump.append({"file": path.name, **f.to_json()})
            if args.list and (args.list == "all" or f.severity.value == args.list):
                if args.rule and not f.rule.startswith(args.rule):
                    continue
                print(f"{path.name}\t{f.label}\t{f.severity.value}\t{f.rule}\t{f.message}\t«{f.excerpt}»")

    if args.list:
        print()
    print(f"{'rule':32} {'error':>6} {'warning':>8} {'info':>6}")
    totals = Counter()
    for rule_id in sorted(per_rule):
        c = per_rule[rule_id]
        totals.update(c)
        print(f"{rule_id:32} {c['error']:>6} {c['warning']:>8} {c['info']:>6}")
    print(f"{'TOTAL':32} {totals['error']:>6} {totals['warning']:>8} {totals['info']:>6}")
    print(f"files: {len(per_file)} checked, {sum(1 for c in per_file.values() if c['error'])} with errors")
    for name, error in crashed:
        print(f"CRASH {name}: {error}")
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
