"""Fuzzing the command line: mutated texts, Word files and Penholder files through every command.

Run:  .venv/bin/python bench/fuzz.py [--cases 10000] [--seed 1] [--timeout 10] [--memory-mb 2048]

Seeds are the corpus texts (``../shared/corpus``: the five texts and the real GA80
resolutions), Word files exported from them (markup and tracked changes) and Penholder files
made from them (with a revision). Each case mutates one seed (bytes flipped, inserted,
deleted, repeated, truncated; long runs of one character class; for Word files the parts
inside the zip or the zip's own bytes; for Penholder files its JSON values) and runs one
command on it: ``outline``, ``check``, ``export`` (DOCX, text), ``import`` or ``compare``.

The commands run in worker processes through ``app.cli.main`` (the code behind ``penholder``),
each worker under a memory cap (``RLIMIT_AS``); a case still running after ``--timeout``
seconds is stopped and counted. Counted as failures: an internal error (the command line's
"internal error … please report it", an exception escaping ``main``, a worker that died), an
exit code other than 0, 1 (findings), 2 (refused) and a run over the time limit. Every
failure is written to ``--keep`` (default ``fuzz-failures/``) with its command, to replay:
``penholder COMMAND FILE``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import pickle
import random
import resource
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

ACCEPTED_CODES = {0, 1, 2}
"""0 done, 1 findings or differences, 2 refused with a message (``app/cli.py``)."""

RUNS = {
    "spaces": " ",
    "digits": "7",
    "letters": "a",
    "superscripts": "¹",
    "brackets": "[",
    "parentheses": "(",
    "slashes": "/",
    "quotes": "“",
    "stops": ".",
    "semicolons": ";",
    "newlines": "\n",
    "tabs": "\t",
    "stars": "*",
    "tildes": "~",
    "markers": "[^1]",
    "symbols": "A/RES/67/",
    "chinese": "，",
}


@dataclass(frozen=True)
class Case:
    number: int
    kind: str  # txt, docx, penholder
    data: bytes
    command: str  # outline, check, export-docx, export-txt, import, compare
    mutation: str


# -- seeds ---------------------------------------------------------------------------------------


def seeds() -> dict[str, list[bytes]]:
    """The seed files of each kind, made once."""
    from drafting import storage
    from drafting.exporters import DocxOptions, export_docx
    from drafting.importers import load_document
    from drafting.revisions import add_revision

    texts = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "real-ga80" / "texts").glob("*.txt"))[:12]
    result: dict[str, list[bytes]] = {"txt": [], "docx": [], "penholder": []}
    for path in texts:
        result["txt"].append(path.read_bytes())
    for path in texts[:8]:
        document = load_document(path).document
        result["docx"].append(export_docx(document).data)
        result["docx"].append(export_docx(document, DocxOptions(proposals="tracked")).data)
        penholder_file = storage.PenholderFile(document, [])
        add_revision(penholder_file, "Rev.1", document, "2026-11-02")
        result["penholder"].append(storage.dumps(penholder_file).encode("utf-8"))
    return result


# -- mutations -----------------------------------------------------------------------------------


def mutate_bytes(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    data = bytearray(data)
    how = rng.choice(["flip", "insert", "delete", "repeat", "truncate", "run"])
    if not data:
        return bytes(data), how
    at = rng.randrange(len(data))
    if how == "flip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "insert":
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif how == "delete":
        del data[at : at + rng.randint(1, 4096)]
    elif how == "repeat":
        piece = bytes(data[at : at + rng.randint(1, 200)])
        data[at:at] = piece * rng.choice([2, 50, 1000, 20000])
    elif how == "truncate":
        del data[at:]
    else:
        name, char = rng.choice(sorted(RUNS.items()))
        data[at:at] = (char * (rng.choice([1000, 20000, 100000]) // len(char))).encode("utf-8")
        how = f"run of {name}"
    return bytes(data), how


def mutate_text(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """Text-aware: the mutation lands between characters, so the file stays UTF-8 mostly."""
    if rng.random() < 0.3:
        return mutate_bytes(rng, data)
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    how = rng.choice(["duplicate lines", "shuffle lines", "run in a line", "drop lines"])
    if how == "duplicate lines":
        at = rng.randrange(len(lines))
        lines[at:at] = [lines[at]] * rng.choice([10, 1000, 20000])
    elif how == "shuffle lines":
        start = rng.randrange(len(lines))
        chunk = lines[start : start + 40]
        rng.shuffle(chunk)
        lines[start : start + 40] = chunk
    elif how == "run in a line":
        at = rng.randrange(len(lines))
        name, char = rng.choice(sorted(RUNS.items()))
        line = lines[at]
        cut = rng.randrange(len(line) + 1)
        lines[at] = line[:cut] + char * (rng.choice([500, 20000, 100000]) // len(char)) + line[cut:]
        how = f"run of {name} in a line"
    else:
        start = rng.randrange(len(lines))
        del lines[start : start + rng.randint(1, 50)]
    return "\n".join(lines).encode("utf-8"), how


def mutate_docx(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if rng.random() < 0.35:
        mutated, how = mutate_bytes(rng, data)
        return mutated, f"zip bytes: {how}"
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = rng.choice(sorted(parts))
    if name.endswith((".xml", ".rels")):
        xml = parts[name]
        how = rng.choice(["bytes", "duplicate element", "drop element", "doctype"])
        if how == "duplicate element":
            start = xml.find(b"<w:p", rng.randrange(max(1, len(xml))))
            end = xml.find(b"</w:p>", start)
            if start >= 0 and end > start:
                piece = xml[start : end + 6]
                xml = xml[:start] + piece * rng.choice([2, 100, 5000]) + xml[start:]
        elif how == "drop element":
            start = xml.find(b"<", rng.randrange(max(1, len(xml))))
            end = xml.find(b">", start)
            if start >= 0 and end > start:
                xml = xml[:start] + xml[end + 1 :]
        elif how == "doctype":
            xml = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "ee">]>' + xml.split(b"?>", 1)[-1]
        else:
            xml, how = mutate_bytes(rng, xml)
        parts[name] = xml
    else:
        parts[name], how = mutate_bytes(rng, parts[name])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part, content in parts.items():
            target.writestr(part, content)
    return out.getvalue(), f"{name}: {how}"


def mutate_json(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    if rng.random() < 0.4:
        return mutate_bytes(rng, data)
    try:
        tree = json.loads(data)
    except ValueError:
        return mutate_bytes(rng, data)
    nodes: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                nodes.append((node, key))
                walk(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                nodes.append((node, index))
                walk(value)

    walk(tree)
    if not nodes:
        return mutate_bytes(rng, data)
    parent, key = rng.choice(nodes)
    if isinstance(parent, list) and rng.random() < 0.4:
        count = rng.choice([2, 100, 5000])
        parent[key:key] = [parent[key]] * count  # type: ignore[index]
        return json.dumps(tree).encode("utf-8"), f"item {key} repeated {count} times"
    if isinstance(parent[key], str) and rng.random() < 0.5:  # type: ignore[index]
        name, char = rng.choice(sorted(RUNS.items()))
        parent[key] += char * (rng.choice([500, 20000, 100000]) // len(char))  # type: ignore[index]
        return json.dumps(tree).encode("utf-8"), f"run of {name} after the text at {key!r}"
    replacement = rng.choice(
        [None, True, -1, 10**30, 1.5, "", "x" * 100000, [], {}, [[[]]], {"kind": "operative"}, "¹" * 5000]
    )
    parent[key] = replacement  # type: ignore[index]
    return json.dumps(tree).encode("utf-8"), f"value at {key!r} -> {str(replacement)[:20]!r}"


MUTATORS = {"txt": mutate_text, "docx": mutate_docx, "penholder": mutate_json}
COMMANDS = {
    "txt": ["outline", "check", "export-docx", "export-txt", "import", "compare"],
    "docx": ["outline", "check", "export-txt", "import", "compare"],
    "penholder": ["outline", "check", "export-docx", "compare"],
}


def cases(count: int, seed: int, seed_files: dict[str, list[bytes]]):
    rng = random.Random(seed)
    kinds = ["txt", "docx", "penholder"]
    for number in range(count):
        kind = kinds[number % 3]
        data, how = MUTATORS[kind](rng, rng.choice(seed_files[kind]))
        yield Case(number, kind, data, rng.choice(COMMANDS[kind]), how)


# -- running -------------------------------------------------------------------------------------


def argv_for(case: Case, folder: Path, seed_files: dict[str, list[bytes]]) -> list[str]:
    source = folder / f"case.{case.kind}"
    source.write_bytes(case.data)
    for stale in folder.glob("out*"):
        stale.unlink()
    if case.command == "outline":
        return ["outline", str(source)]
    if case.command == "check":
        return ["check", str(source), "--json"]
    if case.command == "export-docx":
        return ["export", str(source), "-o", str(folder / "out.docx")]
    if case.command == "export-txt":
        return ["export", str(source), "-o", str(folder / "out.txt")]
    if case.command == "import":
        return ["import", str(source), "-o", str(folder / "out.penholder")]
    other = folder / f"other.{case.kind}"
    other.write_bytes(seed_files[case.kind][case.number % len(seed_files[case.kind])])
    return ["compare", str(other), str(source)]


def _send(stream, value: object) -> None:
    data = pickle.dumps(value)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _receive(stream) -> object:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    return pickle.loads(stream.read(struct.unpack("<Q", head)[0]))


def serve(memory_mb: int) -> None:
    """A worker process (``fuzz.py --serve MB``): seed files, then cases, come in on stdin;
    (exit code, last error line, seconds) go out on stdout, which the commands do not see."""
    channel_in, channel_out = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.environ["PENHOLDER_DATA_DIR"] = tempfile.mkdtemp(prefix="penholder-fuzz-data-")
    from app import cli

    folder = Path(tempfile.mkdtemp(prefix="penholder-fuzz-"))
    seed_files = _receive(channel_in)
    try:
        while True:
            fields = _receive(channel_in)
            if fields is None:
                break
            case = Case(*fields)  # sent as a tuple: the parent may know this module by another name
            argv = argv_for(case, folder, seed_files)
            out, err = io.StringIO(), io.StringIO()
            start = time.perf_counter()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = cli.main(argv)
            except BaseException as exc:  # noqa: BLE001 - what escapes main is what we look for
                code = -1
                err.write(f"escaped main: {type(exc).__name__}: {exc}\n")
            seconds = time.perf_counter() - start
            lines = [line for line in err.getvalue().splitlines() if line.strip()]
            internal = [line for line in lines if "internal error" in line or "escaped main" in line]
            _send(channel_out, (code, (internal or lines or [""])[-1][:300], seconds))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Worker:
    """A worker process of its own (no fork of a process that may hold Qt or threads)."""

    def __init__(self, memory_mb: int, seed_files: dict[str, list[bytes]]) -> None:
        self._memory_mb, self._seed_files = memory_mb, seed_files
        self._start()

    def _start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--serve", str(self._memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        _send(self.process.stdin, self._seed_files)

    def run(self, case: Case, timeout: float) -> tuple[int | str, str, float]:
        try:
            _send(self.process.stdin, dataclasses.astuple(case))
        except OSError:
            self.restart()
            return "died", "worker died before the case", 0.0
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if ready:
            try:
                return _receive(self.process.stdout)  # type: ignore[return-value]
            except EOFError:
                code = self.process.wait()
                self.restart()
                return "died", f"worker died (exit {code})", 0.0
        self.restart()
        return "timeout", f"over {timeout:g} s", timeout

    def restart(self) -> None:
        self.process.kill()
        self.process.wait()
        self._start()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            _send(self.process.stdin, None)
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def failure(result: tuple[int | str, str, float]) -> str | None:
    """What is wrong with a case's result, or None."""
    code, line, _seconds = result
    if code == "timeout":
        return "timeout"
    if code == "died" or code == -1 or "internal error" in line:
        return "internal error"
    if code not in ACCEPTED_CODES:
        return f"exit code {code}"
    return None


def run(
    count: int, seed: int, timeout: float, memory_mb: int, jobs: int, keep: Path | None, quiet: bool = False
):
    """Run ``count`` cases; returns (per-case results, failures)."""
    seed_files = seeds()
    workers = [Worker(memory_mb, seed_files) for _ in range(jobs)]
    results: list[tuple[Case, tuple]] = []
    failures: list[tuple[Case, str, str]] = []
    pending = iter(cases(count, seed, seed_files))
    try:
        # One case per worker at a time, workers taking turns through a simple round robin.
        import concurrent.futures as futures

        with futures.ThreadPoolExecutor(jobs) as pool:
            lanes = [pool.submit(_lane, worker, pending, timeout, results) for worker in workers]
            for lane in lanes:
                lane.result()
    finally:
        for worker in workers:
            worker.stop()
    for case, result in sorted(results, key=lambda item: item[0].number):
        problem = failure(result)
        if problem:
            failures.append((case, problem, result[1]))
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"case-{case.number}.{case.kind}").write_bytes(case.data)
                with (keep / "failures.txt").open("a", encoding="utf-8") as log:
                    log.write(
                        f"case-{case.number}.{case.kind}\t{case.command}\t{case.mutation}\t{problem}\t{result[1]}\n"
                    )
    return results, failures


def _lane(worker: Worker, pending, timeout: float, results: list) -> None:
    import threading

    lock = _LANE_LOCK.setdefault("lock", threading.Lock())
    while True:
        with lock:
            case = next(pending, None)
        if case is None:
            return
        results.append((case, worker.run(case, timeout)))


_LANE_LOCK: dict = {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space cap per worker")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    parser.add_argument("--serve", type=int, metavar="MB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return 0
    start = time.perf_counter()
    results, failures = run(args.cases, args.seed, args.timeout, args.memory_mb, args.jobs, args.keep)
    seconds = [result[2] for _case, result in results]
    by_kind: dict[str, int] = {}
    for case, _result in results:
        by_kind[case.kind] = by_kind.get(case.kind, 0) + 1
    print(
        f"{len(results)} cases ({', '.join(f'{n} {k}' for k, n in sorted(by_kind.items()))}), seed {args.seed}, "
        f"{time.perf_counter() - start:.0f} s in all"
    )
    print(f"per case: median {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds):.2f} s")
    slowest = sorted(results, key=lambda item: item[1][2], reverse=True)[:5]
    for case, result in slowest:
        print(f"  slow: case {case.number} {case.kind} {case.command} ({case.mutation}): {result[2]:.2f} s")
    kinds: dict[str, int] = {}
    for _case, problem, _line in failures:
        kinds[problem] = kinds.get(problem, 0) + 1
    print(f"failures: {len(failures)} {kinds if kinds else ''}")
    for case, problem, line in failures[:40]:
        print(f"  case {case.number} {case.kind} {case.command} ({case.mutation}): {problem}: {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
