"""The penholder command as a user runs it: a real subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CORPUS

ROOT = Path(__file__).resolve().parent.parent


def penholder(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=cwd or ROOT, capture_output=True, text=True, env=env
    )


def one_line_error(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 2, run
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("penholder: error: ")
    return lines[0]


def test_version_and_help():
    from app import __version__

    run = penholder("--version")
    assert run.returncode == 0
    assert run.stdout.strip() == f"penholder {__version__}"
    run = penholder("--help")
    assert run.returncode == 0
    for command in ("import", "outline", "export"):
        assert command in run.stdout


def test_outline_json_67_193():
    run = penholder("outline", str(CORPUS / "ga-res-67-193-en.txt"), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    for key in (
        "kind",
        "language",
        "symbol",
        "title",
        "organ",
        "preambular",
        "operative",
        "footnotes",
        "proposals",
        "import_report",
    ):
        assert key in data
    assert data["kind"] == "resolution"
    assert data["symbol"] == "A/RES/67/193"
    assert data["organ"] == "General Assembly"
    assert len(data["preambular"]) == 27
    assert len(data["operative"]) == 47
    assert [op["number"] for op in data["operative"]] == list(range(1, 48))
    op17 = data["operative"][16]
    assert [s["label"] for s in op17["subparagraphs"]] == ["(a)", "(b)", "(c)"]
    assert len(data["footnotes"]) == 25
    fn15 = data["footnotes"][14]
    assert (fn15["number"], fn15["references"]) == (15, 5)
    assert data["preambular"][3]["footnotes"] == [7, 8, 9]
    assert {"id", "text"} <= set(data["preambular"][0])
    assert {"id", "number", "text"} <= set(data["footnotes"][0])
    assert data["import_report"]["discarded"] == []


def test_outline_json_cica_proposal():
    run = penholder("outline", str(CORPUS / "cica-concept-paper-rev1-en-ru-kk.txt"), "--json")
    data = json.loads(run.stdout)
    (proposal,) = data["proposals"]
    assert {"id", "kind", "text", "author", "rationale"} <= set(proposal)
    assert proposal["kind"] == "delete"
    assert proposal["text"] == "through regular intelligence sharing"
    assert proposal["author"] == "a Member State"
    assert proposal["rationale"].startswith("Focusing merely")
    assert proposal["block_reference"] == "section II, item 5"


def test_outline_json_62_172_report():
    data = json.loads(penholder("outline", str(CORPUS / "ga-res-62-172-en.txt"), "--json").stdout)
    discarded = data["import_report"]["discarded"]
    assert {"line", "text", "reason"} <= set(discarded[0])
    assert [d["line"] for d in discarded] == sorted(d["line"] for d in discarded)
    assert any(d["text"] == "[DU1]" and d["line"] == 1 for d in discarded)


def test_outline_for_a_terminal():
    run = penholder("outline", str(CORPUS / "sco-un-event-2017-en.txt"))
    assert run.returncode == 0
    assert "note: not a resolution" in run.stdout


def test_import_then_outline_and_export(tmp_path):
    out = tmp_path / "zh.penholder"
    run = penholder("import", str(CORPUS / "ga-draft-central-asia-drugs-zh.txt"), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "22 preambular and 15 operative" in run.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["format"] == "penholder"
    data = json.loads(penholder("outline", str(out), "--json").stdout)
    assert (len(data["preambular"]), len(data["operative"]), len(data["footnotes"])) == (22, 15, 9)
    txt = tmp_path / "zh.txt"
    assert penholder("export", str(out), "-o", str(txt)).returncode == 0
    assert "决议草案*" in txt.read_text(encoding="utf-8")
    md = tmp_path / "zh.md"
    assert penholder("export", str(out), "-o", str(md)).returncode == 0
    assert "[^1]:" in md.read_text(encoding="utf-8")


WARNED = """Some opening paragraph that cites a note.[^3]

Another paragraph.[^1]

[^1]: A real footnote.
[^9]: Orphan.
"""


def warned_source(tmp_path: Path):
    """A small text the importer reports on; the report as the importer words it today."""
    from drafting.importers import load_document

    source = _write(tmp_path / "warned.md", WARNED.encode("utf-8"))
    report = load_document(source).report
    assert any("footnote 9 is never referenced in the text" in w for w in report.warnings)
    assert any("[^3]" in w for w in report.warnings)
    assert any(n.startswith("not a resolution") for n in report.notes)
    return source, report


def test_import_prints_every_warning_and_note_after_the_summary(tmp_path):
    source, report = warned_source(tmp_path)
    run = penholder("import", str(source), "-o", str(tmp_path / "warned.penholder"))
    assert run.returncode == 0, run.stderr
    summary, *rest = run.stderr.splitlines()
    assert summary.startswith(f"{tmp_path / 'warned.penholder'}: ")
    assert summary.endswith(f"{len(report.warnings)} warnings (below)")
    assert rest == [
        *(f"penholder: warning: {w}" for w in report.warnings),
        *(f"penholder: note: {n}" for n in report.notes),
    ]
    assert (tmp_path / "warned.penholder").exists()


def test_import_of_a_clean_text_prints_only_the_summary(tmp_path):
    run = penholder(
        "import", str(CORPUS / "ga-draft-central-asia-drugs-zh.txt"), "-o", str(tmp_path / "zh.penholder")
    )
    assert run.returncode == 0
    assert len(run.stderr.splitlines()) == 1
    assert "warning" not in run.stderr


def test_outline_lists_the_import_warnings_right_after_the_counts(tmp_path):
    source, report = warned_source(tmp_path)
    lines = penholder("outline", str(source)).stdout.splitlines()
    count = len(report.warnings)
    counts = next(i for i, line in enumerate(lines) if line.endswith(f"{count} import warnings"))
    block = lines[counts + 1 :]
    assert block[: count + 1] == [
        f"import warnings ({count}):",
        *(f"  warning: {w}" for w in report.warnings),
    ]
    assert block[count + 1 : count + 2 + len(report.notes)] == [
        "import notes:",
        *(f"  note: {n}" for n in report.notes),
    ]
    data = json.loads(penholder("outline", str(source), "--json").stdout)
    assert data["import_report"]["warnings"] == report.warnings
    assert data["import_report"]["notes"] == report.notes


def test_help_names_pdf_among_the_inputs():
    assert ".pdf" in penholder("--help").stdout
    assert ".pdf" in penholder("import", "--help").stdout


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "folder.txt", None), "is a folder"),
        (lambda d: _write(d / "bin.txt", b"\x00\x01\x02\x03"), "binary"),
        (lambda d: _write(d / "latin.txt", "Décide".encode("latin-1")), "not UTF-8"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "x.odt", b"PK"), "unknown file type"),
        (lambda d: _write(d / "broken.penholder", b'{"format": "penholder", "sch'), "damaged"),
    ],
)
def test_unreadable_input_gives_one_clear_line(tmp_path, make, expected):
    path = make(tmp_path)
    line = one_line_error(penholder("outline", str(path)))
    assert expected in line


def _write(path: Path, data: bytes | None) -> Path:
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    return path


def test_bad_usage(tmp_path):
    assert "required" in one_line_error(penholder("import", str(CORPUS / "ga-res-62-172-en.txt")))
    line = one_line_error(
        penholder("import", str(CORPUS / "ga-res-62-172-en.txt"), "-o", str(tmp_path / "x.txt"))
    )
    assert ".penholder" in line
    assert "unknown output type" in one_line_error(
        penholder("export", str(CORPUS / "ga-res-62-172-en.txt"), "-o", str(tmp_path / "x.odt"))
    )
    assert "unknown option" in one_line_error(penholder("--frobnicate"))


def test_a_mistyped_command_is_named_as_such():
    line = one_line_error(penholder("comapre", "a.txt", "b.txt"))
    assert "unknown command 'comapre'" in line
    assert "compare" in line


def test_several_files_open_in_the_window_each_in_a_tab(monkeypatch, tmp_path):
    """Issue 13, point 11: ``penholder a.docx b.docx`` said "unknown command 'a.docx'"."""
    from app import cli, gui

    opened = []
    monkeypatch.setattr(gui, "run", lambda files: opened.append(files) or 0)
    assert cli.main([str(tmp_path / "a.docx"), str(tmp_path / "b.docx")]) == 0
    assert opened == [[str(tmp_path / "a.docx"), str(tmp_path / "b.docx")]]


def test_input_file_untouched(tmp_path):
    source = tmp_path / "in.txt"
    data = (CORPUS / "ga-res-62-172-en.txt").read_bytes()
    source.write_bytes(data)
    penholder("import", str(source), "-o", str(tmp_path / "out.penholder"))
    penholder("export", str(source), "-o", str(tmp_path / "out.txt"))
    assert source.read_bytes() == data


def test_docx_export_and_import(tmp_path):
    out = tmp_path / "cica.docx"
    run = penholder(
        "export",
        str(CORPUS / "cica-concept-paper-rev1-en-ru-kk.txt"),
        "-o",
        str(out),
        "--proposals",
        "tracked",
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(penholder("outline", str(out), "--json").stdout)
    (proposal,) = data["proposals"]
    assert (proposal["kind"], proposal["author"]) == ("delete", "a Member State")
    saved = tmp_path / "cica.penholder"
    assert penholder("import", str(out), "-o", str(saved)).returncode == 0
    bad = penholder("export", str(saved), "-o", str(tmp_path / "x.docx"), "--timestamp", "yesterday")
    assert "--timestamp" in one_line_error(bad)


def test_check_exit_codes_and_json(tmp_path):
    run = penholder("check", str(CORPUS / "ga-res-67-193-en.txt"), "--json")
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert data["summary"] == {"error": 1, "warning": 0, "info": 0}
    (finding,) = data["findings"]
    assert {"rule", "severity", "label", "block", "start", "end", "message", "excerpt", "fix"} <= set(finding)
    assert (finding["rule"], finding["label"], finding["fix"]["text"]) == (
        "treaty.wrong-year",
        "PP 7",
        "1961",
    )
    clean = penholder("check", str(CORPUS / "ga-res-62-172-en.txt"))
    assert clean.returncode == 0
    assert "OP 8:" in clean.stdout
    assert "0 errors, 2 warnings, 0 notes" in clean.stdout
    current = json.loads(
        penholder(
            "check", str(CORPUS / "ga-res-67-193-en.txt"), "--json", "--footnote-regime", "current"
        ).stdout
    )
    assert current["summary"]["warning"] == 15


def test_check_uses_the_user_dictionary(tmp_path):
    import os

    source = tmp_path / "draft.txt"
    source.write_text(
        "The General Assembly,\n\nRecalling the frobnication,\n\n1. *Decides* to act.\n", encoding="utf-8"
    )
    env_dir = tmp_path / "data"
    run = subprocess.run(
        [sys.executable, "-m", "app", "check", str(source), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PENHOLDER_DATA_DIR": str(env_dir)},
    )
    assert [f["rule"] for f in json.loads(run.stdout)["findings"]] == ["spelling.unknown-word"]
    env_dir.mkdir()
    (env_dir / "user-dictionary.txt").write_text("frobnication\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "app", "check", str(source), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PENHOLDER_DATA_DIR": str(env_dir)},
    )
    assert json.loads(run.stdout)["findings"] == []


def test_penholder_without_a_display_says_so_in_one_line():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "app"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no display" in result.stderr
