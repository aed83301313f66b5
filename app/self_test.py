"""``penholder --self-test FILE``: prove that this installation of Penholder really works.

Meant for installers and for ``build_installer.py --smoke``, which run it on the frozen build: a
module or data file left out of a build shows up only when the code that needs it runs, so this
opens the real window with FILE, waits until the checks panel shows the first check's findings,
spells a misspelt word in every language with a dictionary, prints the document to a PDF (Qt's
print support), draws the application icon (Qt's SVG support), closes the window as a user would
and prints one line:

    self-test ok: penholder 0.1.0, platform offscreen, ... window shown 0.61 s, first check 0.93 s

or ``self-test failed: <what>`` with exit status 1. Times are counted from the start of the
process where the system tells it (Linux), otherwise from the start of Python.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT_SECONDS = 60.0
SPELLING_PROBE = ("developmnet", "development")
"""An English misspelling and the suggestion every English dictionary makes for it."""


def process_age() -> float:
    """Seconds since this process started: from ``/proc`` on Linux (10 ms resolution, and it
    counts the frozen build's own unpacking and loading), else since Python started."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter()


def check_spelling() -> str:
    """Every language with a dictionary loads it (pyspellchecker's data is really there), and
    English suggests the usual correction."""
    from drafting.spelling import LANGUAGES, Speller, checker

    for language in sorted(LANGUAGES):
        try:
            checker(language)
        except (ValueError, OSError) as exc:
            raise SelfTestError(f"no spelling dictionary for '{language}' ({exc})") from exc
    wrong, right = SPELLING_PROBE
    suggestions = Speller("en").suggest(wrong)
    if right not in suggestions:
        raise SelfTestError(f"spelling suggests {suggestions} for '{wrong}', not '{right}'")
    return f"spelling in {len(LANGUAGES)} languages, '{wrong}' → '{right}'"


def check_printing(session) -> str:
    """The document printed to a PDF through QPrinter (Qt's print support), then read back by the
    PDF importer (pypdfium2 and its native library)."""
    from PySide6.QtPrintSupport import QPrinter

    from drafting.importers import load_document
    from ui.print_document import print_to

    with tempfile.TemporaryDirectory(prefix="penholder-self-test-") as folder:
        target = Path(folder) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        print_to(printer, session.document(), language=session.language)
        size = target.stat().st_size if target.exists() else 0
        if size < 1000 or not target.read_bytes().startswith(b"%PDF"):
            raise SelfTestError(f"printing to PDF wrote {size} bytes")
        read_back = sum(1 for _ in load_document(target).document.iter_blocks())
    if read_back == 0:
        raise SelfTestError("the printed PDF read back with no paragraphs (PDF import)")
    return f"printed to PDF and read back ({read_back} paragraphs)"


def check_icon() -> str:
    from ui.app_icon import icon_image

    image = icon_image(32)
    if image.isNull() or image.pixelColor(16, 16).alpha() == 0:
        raise SelfTestError("the application icon draws nothing (Qt's SVG support is missing)")
    return "icon ok"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


class SelfTestError(Exception):
    """What the self-test found missing or wrong, said in one line."""


def run_self_test(files: list[str]) -> int:
    """Open the window with ``files``, wait for the first check, check the rest, print one line."""
    from PySide6.QtCore import QTimer

    from app.gui import application, start_window

    if len(files) != 1 or not Path(files[0]).is_file():
        print("self-test failed: give one file to open (penholder --self-test FILE)", flush=True)
        return 1
    app = application()
    window = start_window(files, ask_recovery=False)
    window.show()
    outcome: dict[str, object] = {}
    deadline = time.monotonic() + TIMEOUT_SECONDS

    def shown() -> None:
        outcome["shown"] = process_age()
        QTimer.singleShot(20, poll)

    def poll() -> None:
        session = window.current_session()
        if session is not None and session.checks_current and window.tabs.count() == 1:
            outcome["checked"] = process_age()
            finish(session)
        elif time.monotonic() > deadline:
            outcome["error"] = f"no check result shown within {TIMEOUT_SECONDS:.0f} s"
            window.close()
            app.quit()
        else:
            QTimer.singleShot(20, poll)

    def finish(session) -> None:
        parts = [f"penholder {window.services.version}{' (frozen)' if getattr(sys, 'frozen', False) else ''}"]
        parts.append(f"platform {app.platformName()}")
        findings = window.checks.visible_findings()
        errors = sum(1 for f in findings if f.severity.value == "error")
        parts.append(
            f"{Path(files[0]).name} open, {_count(len(findings), 'finding')} shown"
            f" ({_count(errors, 'error')})"
        )
        try:
            parts += [check_spelling(), check_printing(session), check_icon()]
        except SelfTestError as exc:
            outcome["error"] = str(exc)
        outcome["parts"] = parts
        window.close()  # as a user closing the window: unsaved work would be asked about
        if window.isVisible():
            outcome["error"] = "the window did not close"
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()
    if "error" in outcome:
        print(f"self-test failed: {outcome['error']}", flush=True)
        return 1
    timing = f"window shown {outcome['shown']:.2f} s, first check {outcome['checked']:.2f} s after start"
    print("self-test ok: " + ", ".join(outcome["parts"]) + "; " + timing, flush=True)  # type: ignore[arg-type]
    return 0
