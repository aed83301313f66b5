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


def test_ui_never_imports_the_application_layer():
    """One direction, app → ui → drafting: ui gets what belongs to the application (settings,
    autosave, locks, paths, version) as ``ui.services.Services``, never by importing app."""
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for module in imported_modules(path):
            if module.split(".")[0] == "app":
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


COMMAND_MODULES = ("edit_commands", "file_commands", "revision_commands", "compare_tab", "context_menu")


def window_private_uses(path: Path) -> list[str]:
    """``self.window._something`` / ``window._something``: a command reaching into the window."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if (isinstance(owner, ast.Attribute) and owner.attr == "window") or (
                isinstance(owner, ast.Name) and owner.id == "window"
            ):
                found.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_command_objects_use_the_window_only_through_its_public_interface():
    offenders = [use for name in COMMAND_MODULES for use in window_private_uses(ROOT / "ui" / f"{name}.py")]
    assert offenders == []


def test_the_private_use_scan_would_catch_one(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("class C:\n    def f(self):\n        self.window._update_tab_title(None)\n")
    assert window_private_uses(bad) == ["bad.py:3 self.window._update_tab_title"]
