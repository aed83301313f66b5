"""The core stays free of Qt and of the application layers (SPEC §6)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "ui", "app")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_drafting_imports_no_qt_ui_or_app():
    offenders = []
    for path in sorted((ROOT / "drafting").rglob("*.py")):
        for module in imported_modules(path):
            if module.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_the_scan_would_catch_an_offender(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport app.cli\n")
    assert {m.split(".")[0] for m in imported_modules(bad)} >= {"PySide6", "app"}


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, drafting.importers, drafting.exporters, drafting.outline, drafting.storage;"
        "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','ui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
