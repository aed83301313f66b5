"""Benchmark: large and hostile inputs (issue 14).

Run:  .venv/bin/python bench/large_inputs.py [--sizes 1,5] [--repeat 3] [--hostile] [--profile STEP]

For each size (MB of text) the compilation of ``bench/import_export.py`` (A/RES/67/193 repeated,
operative paragraphs numbered on) is built, its paragraphs made distinct ("Decides (item 17) …")
so that no per-text cache of the checker hides the cost, and written to a scratch folder with the
DOCX exported from it. Each step then runs in a fresh subprocess of its own:

* ``import``: ``import_text`` of the text;
* ``check``: ``run_checks`` of the imported document (the document is unpickled first);
* ``text export`` / ``docx export`` / ``docx tracked``: ``export_text``, ``export_docx`` markup and
  tracked changes;
* ``docx import``: ``import_docx_file`` of the exported DOCX.

The subprocess warms the caches on a small input (dictionaries, phrase lists, the treaty registry),
loads its input, then times the step ``--repeat`` times: median and spread (min–max). Memory is the
process's peak resident set (``ru_maxrss``) after the runs, which includes the interpreter, the
modules and the input (about 60 MB before any step), and the part of it the step added. lxml's
allocations are not Python's, so ``tracemalloc`` would miss most of a DOCX step: RSS it is.

``--hostile`` also times the inputs of issue 14 (identical paragraphs, footnotes and tracked
changes, a paragraph of 100,000 spaces, a DOCX over the size caps), once each.
``--profile STEP`` prints the top of a cProfile of one run of STEP at the first size.
Targets (issue 14): 5 MB of text imported, checked and exported (DOCX and text), and its DOCX
imported, each under 5 s and 500 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STEPS = ("import", "check", "text export", "docx export", "docx tracked", "docx import")


def distinct_compilation(megabytes: float) -> str:
    """The compilation text of ``bench/import_export.py``, each operative paragraph made unique."""
    from import_export import compilation_text

    text = compilation_text(int(megabytes * 1_000_000))
    counter = iter(range(1, 10**9))
    return re.sub(r"(?m)^(\d+\. \w+)", lambda m: f"{m.group(1)} (item {next(counter)})", text)


def prepare(megabytes: float, folder: Path) -> dict[str, str]:
    """Write the text, the imported document (pickled) and its DOCX export; return their paths."""
    from drafting.exporters.docx_export import export_docx
    from drafting.importers.text_import import import_text

    text = distinct_compilation(megabytes)
    document = import_text(text).document
    paths = {
        "text": folder / f"{megabytes:g}mb.txt",
        "document": folder / f"{megabytes:g}mb.pickle",
        "docx": folder / f"{megabytes:g}mb.docx",
    }
    paths["text"].write_text(text, encoding="utf-8")
    paths["document"].write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    paths["docx"].write_bytes(export_docx(document).data)
    return {key: str(path) for key, path in paths.items()}


def _child(step: str, paths: dict[str, str], repeat: int, profile: bool) -> dict:
    """Run in the subprocess: warm up, load the input, time the step."""
    import resource
    import statistics
    import time

    from drafting.checks import run_checks
    from drafting.exporters.docx_export import DocxOptions, export_docx
    from drafting.exporters.text_export import export_text
    from drafting.importers.docx_import import import_docx_file
    from drafting.importers.text_import import import_text, import_text_file

    small = import_text(distinct_compilation(0.05)).document
    run_checks(small)
    import_docx_file(export_docx(small).data)
    text_bytes = Path(paths["text"]).read_bytes()
    document = pickle.loads(Path(paths["document"]).read_bytes()) if step != "import" else None
    docx = Path(paths["docx"]).read_bytes() if step == "docx import" else b""
    run = {
        "import": lambda: import_text_file(text_bytes, "large.txt"),
        "check": lambda: run_checks(document),
        "text export": lambda: export_text(document),
        "docx export": lambda: export_docx(document),
        "docx tracked": lambda: export_docx(document, DocxOptions(proposals="tracked")),
        "docx import": lambda: import_docx_file(docx, "large.docx"),
    }[step]

    def rss() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    before = rss()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(run)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "rss": rss(),
        "added": rss() - before,
    }


def measure_step(step: str, paths: dict[str, str], repeat: int, profile: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", json.dumps([step, paths, repeat, profile])]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{step}: {done.stderr.strip()[-2000:]}")
    if profile:
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def hostile(repeat: int) -> None:
    """The inputs issue 14 reported, timed in this process (median of ``repeat``)."""
    import statistics
    import time

    from drafting.checks import run_checks
    from drafting.errors import ImportFailed
    from drafting.importers.docx_import import import_docx_file
    from drafting.importers.text_import import import_text
    from drafting.outline import outline
    from tests.docx_builder import build_docx

    n = 20_000
    head = "The General Assembly,\n\n"
    identical = head + "\n\n".join(["Recalling its resolution 67/193,"] * n)
    cases = {
        f"20,000 identical paragraphs ({len(identical) // 1000} KB): import + outline": lambda: outline(
            import_text(identical).document
        ),
        "16,000 identical footnotes: import": lambda: import_text(
            head
            + "1. Decides"
            + "".join(f"[^{i}]" for i in range(1, 16_001))
            + ";\n\n"
            + "\n".join(f"[^{i}]: Same note." for i in range(1, 16_001))
        ),
        "operative paragraph of 100,000 spaces: import + check": lambda: run_checks(
            import_text(head + "1. Decides" + " " * 100_000 + "to remain seized;\n").document
        ),
    }
    paragraphs = build_docx(
        "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>Recalling its resolution 67/193,</w:t></w:r></w:p>" * n
    )
    changes = build_docx(
        "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p><w:p><w:r><w:t>1. Calls </w:t></w:r>"
        + '<w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="EU"><w:rPr/></w:rPrChange></w:rPr>'
        "<w:t>urgently</w:t></w:r><w:r><w:t> </w:t></w:r>" * n + "<w:r><w:t>upon States.</w:t></w:r></w:p>"
    )
    cases[f"DOCX of 20,000 identical paragraphs ({len(paragraphs) // 1024} KB): import"] = lambda: (
        import_docx_file(paragraphs)
    )
    cases["DOCX of 20,000 identical w:rPrChange runs: import"] = lambda: import_docx_file(changes)
    run = (
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="20"/></w:rPr>'
        '<w:t xml:space="preserve">Recalling its resolution {} of {}, </w:t></w:r>'
    )
    varied = "".join(  # varied text: a compression ratio of about 25, as in the file
        "<w:p>"
        + "".join(run.format(hashlib.sha1(f"{i}-{j}".encode()).hexdigest()[:6], i) for j in range(8))
        + "</w:p>"
        for i in range(96_000)
    )
    inflated = build_docx("<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>" + varied)

    def refused() -> None:
        try:
            import_docx_file(inflated)
        except ImportFailed:
            return
        raise AssertionError("accepted")

    cases[f"DOCX of {len(inflated) / 1e6:.1f} MB whose document.xml is 120 MB: refused"] = refused
    print(f"\nhostile inputs (issue 14), {repeat} runs each")
    print("| input | median | spread |\n|---|---|---|")
    for label, case in cases.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            case()
            times.append(time.perf_counter() - start)
        print(f"| {label} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,5", help="MB of text, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--profile", choices=STEPS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, paths, repeat, profile = json.loads(args.child)
        print(json.dumps(_child(step, paths, repeat, profile)))
        return
    print(f"machine: {platform.machine()} {platform.processor() or ''} Python {platform.python_version()}")
    steps = [s.strip() for s in args.steps.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        sizes = [float(s) for s in args.sizes.split(",")]
        if args.profile:
            paths = prepare(sizes[0], Path(scratch))
            measure_step(args.profile, paths, 1, profile=True)
            return
        print(f"{args.repeat} runs per step, each step in a subprocess of its own")
        print("| text | step | median | spread | peak RSS | added by the step |")
        print("|---|---|---|---|---|---|")
        for size in sizes:
            paths = prepare(size, Path(scratch))
            megabytes = Path(paths["text"]).stat().st_size / 1e6
            docx = Path(paths["docx"]).stat().st_size / 1e6
            for step in steps:
                r = measure_step(step, paths, args.repeat)
                label = f"{megabytes:.2f} MB" + (f" (DOCX {docx:.2f} MB)" if step == "docx import" else "")
                print(
                    f"| {label} | {step} | {r['median']:.2f} s | {r['min']:.2f}–{r['max']:.2f} s"
                    f" | {r['rss']:.0f} MB | {r['added']:.0f} MB |",
                    flush=True,
                )
    if args.hostile:
        hostile(args.repeat)


if __name__ == "__main__":
    main()
