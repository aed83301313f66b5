"""Reading and writing files for the window: which reader a file needs, atomic saves that
notice a file changed on disk by someone else, and exports. No dialogs here.

Every file written here was chosen by the user in a dialog (or is the file they opened), so a
symbolic link is written through to its target and kept (:func:`output_target`), unlike on the
command line, where ``drafting.atomic`` refuses links. A read-only file is never replaced.
Every failure is a :class:`FileProblem` with one line for a message box: ``storage.save``
reports a failed write as StorageError, not OSError."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from drafting import storage
from drafting.atomic import check_writable
from drafting.errors import DraftingError
from drafting.exporters import export_document
from drafting.exporters.docx_export import DocxOptions
from drafting.importers import ImportReport, load_document
from drafting.model import Document
from drafting.storage import PenholderFile, Revision

PENHOLDER_SUFFIX = ".penholder"
IMPORT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
OPEN_FILTER = ";;".join(
    (
        "Penholder and importable files (*.penholder *.txt *.md *.docx *.pdf)",
        "Penholder files (*.penholder)",
        "Word files (*.docx)",
        "PDF files (*.pdf)",
        "Text files (*.txt *.md)",
    )
)


class FileProblem(Exception):
    """A file could not be read or written; the message is one line for the user."""


@dataclass(frozen=True)
class DiskStamp:
    """What the file on disk looked like when we last read or wrote it."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return cls(info.st_mtime_ns, info.st_size)


@dataclass
class Opened:
    document: Document
    path: Path | None
    """Where Save writes: the file itself for a Penholder file, None for an import."""
    source: Path
    revisions: list[Revision] = field(default_factory=list)
    stamp: DiskStamp | None = None
    notices: list[str] = field(default_factory=list)
    report: ImportReport | None = None
    """What the importer could not resolve; None for a Penholder file."""


def open_file(path: Path) -> Opened:
    """Open a Penholder file, or import a text/Markdown/Word/PDF file as a new unsaved document."""
    if path.suffix.lower() == PENHOLDER_SUFFIX:
        stamp = DiskStamp.of(path)
        try:
            pf = storage.load(path)
        except DraftingError as exc:
            raise FileProblem(_named(str(exc), path)) from None
        except OSError as exc:
            raise FileProblem(f"{path.name}: {exc.strerror or exc}") from None
        return Opened(pf.document, path, path, list(pf.revisions), stamp)
    try:
        result = load_document(path)
    except DraftingError as exc:
        raise FileProblem(_named(str(exc), path)) from None
    except OSError as exc:
        raise FileProblem(f"{path.name}: {exc.strerror or exc}") from None
    notices = [f"{path.name}: {line}" for line in _report_lines(result.report)]
    return Opened(result.document, None, path, [], None, notices, result.report)


def _report_lines(report: ImportReport) -> list[str]:
    """The status-bar line; the warnings have their own bar above the text (ui.import_notice)."""
    lines = list(report.notes)
    if report.discarded:
        lines.append(f"{len(report.discarded)} line(s) were not part of the text (see 'penholder import')")
    return lines[:6]


def changed_on_disk(path: Path, stamp: DiskStamp | None) -> bool:
    """True if ``path`` exists and differs from what we last read or wrote."""
    now = DiskStamp.of(path)
    return now is not None and now != stamp


def output_target(path: Path) -> Path:
    """Where a file the user chose is written: ``path``, or through a symbolic link its target
    (the link stays; a dangling link's target is created). Raises FileProblem for a read-only
    file, before anything is written (the document stays modified, nothing is lost)."""
    try:
        return check_writable(path, follow_links=True)
    except OSError as exc:
        reason = exc.strerror or f"{path.name}: {exc}"
        raise FileProblem(f"{reason}: it was not changed. Save your text under another name.") from None


def save_file(path: Path, document: Document, revisions: list[Revision]) -> DiskStamp | None:
    """Save atomically; returns the new stamp. Raises FileProblem with a one-line reason."""
    target = output_target(path)
    try:
        storage.save(PenholderFile(document, list(revisions)), target)
    except DraftingError as exc:  # StorageError: a full disk, a folder gone or read-only
        raise FileProblem(_named(str(exc), target)) from None
    except OSError as exc:
        raise FileProblem(f"could not save {path.name}: {exc.strerror or exc}") from None
    return DiskStamp.of(path)


def export_file(path: Path, document: Document, *, author: str = "") -> list[str]:
    """Export to .docx, .txt or .md by the file's suffix (PDF: ``FileCommands._export_pdf``).
    Returns warnings about what the format could not carry."""
    target = output_target(path)
    try:
        return export_document(document, target, DocxOptions(author=author or None))
    except DraftingError as exc:
        raise FileProblem(str(exc)) from None
    except OSError as exc:
        raise FileProblem(f"could not write {path.name}: {exc.strerror or exc}") from None


def display_name(path: Path | None, source: Path | None) -> str:
    """The document's name in its tab, the title bar and Save As: the file's name without its
    suffix, whether it is a Penholder file or imported (the tab's tooltip says which)."""
    if path is not None:
        return path.stem
    if source is not None:
        return source.stem
    return "Untitled"


def _named(message: str, path: Path) -> str:
    """Messages about a file name it as the user sees it in the tab: by its name, not its path."""
    for spelled in {str(path), str(path.resolve()), str(path.absolute())}:
        message = message.replace(spelled, path.name)
    return message


def is_writable_folder(path: Path) -> bool:
    return os.access(path.parent if path.parent != Path() else Path.cwd(), os.W_OK)
