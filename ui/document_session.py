"""One open document: its surface, undo history, model snapshot, footnotes and checks.

The main window holds one session per tab and forwards gestures to it; the session turns them
into named undo steps on the surface (see :mod:`ui.editor.structure_ops`) and keeps what the
surface does not hold (masthead fields, footnote texts, proposals) in ``base``.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from drafting.checks import CheckSettings, Finding
from drafting.checks.fixes import fix_all
from drafting.languages import LANGUAGE_NAMES
from drafting.model import (
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    Inline,
    Mark,
    Text,
    plain_text,
)
from drafting.numbering import BlockLabel, block_labels, footnote_numbers, footnote_reference_counts
from drafting.storage import Revision
from ui.check_runner import CheckRunner, Debouncer
from ui.editor import first_read, formats, openers, structure_ops
from ui.editor.findings_view import finding_range, spelling_selections
from ui.editor.footnote_marker import FootnoteMarkers
from ui.editor.reader import Snapshot, SurfaceReader
from ui.editor.suggesting import Suggester
from ui.editor.widget import DraftEditor
from ui.editor.writer import FlatBlock, SurfaceWriter, load_into
from ui.paragraph_texts import ParagraphFacts, ParagraphTexts, cited_in_order
from ui.paste import paste_clip
from ui.session_footnotes import FootnoteGestures
from ui.suggested_fix import fix_is_suggested, suggest_fix, suggest_fixes
from ui.undo_bridge import CallbackStep, UndoBridge

REFRESH_MS = 250
"""Pause in typing after which outline, footnote numbers and panels are refreshed."""
CHECK_MS = 600
"""Pause in typing after which the checks run (in the background)."""


class DocumentSession(FootnoteGestures, QObject):
    refreshed = Signal()
    """The model snapshot changed (outline, footnotes and labels may have changed)."""
    findingsChanged = Signal(list)
    checkingChanged = Signal(bool)
    footnoteOrphaned = Signal(str, int)
    renamed = Signal()
    """The document got a new file name (Save As): tab titles follow."""

    def __init__(
        self,
        document: Document,
        *,
        path: Path | None = None,
        source: Path | None = None,
        revisions: list[Revision] | None = None,
        check_settings: CheckSettings | None = None,
    ) -> None:
        super().__init__()
        self.base = document
        self.path = path
        self.source = source or path
        """The file this text came from (itself for a Penholder file; the .docx, .txt… imported)."""
        self.revisions: list[Revision] = list(revisions or [])
        self.check_settings = check_settings or CheckSettings()
        self.qdoc = QTextDocument(self)
        self.markers = FootnoteMarkers(self)
        self.markers.numbers = footnote_numbers(document)
        # The surface is filled before it has a layout or a view: with either, every insertion
        # is laid out at once, which made opening a 1 MB text five times slower.
        written = load_into(self.qdoc, document)
        self.markers.install(self.qdoc)
        self.editor = DraftEditor(self.qdoc, document.language)
        self.suggesting = Suggester(self)
        """Suggesting mode (Track Changes) for this document: off until the user turns it on."""
        self.editor.suggesting = self.suggesting
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.reader = SurfaceReader(self.qdoc)
        self.reader.seed(first_read.conversions(self.qdoc, written))
        self.undo = UndoBridge(self.qdoc, after_text_step=self._after_undo)
        self.findings: list[Finding] = []
        self._snapshot: Snapshot | None = None
        self._referenced: set[str] = set()
        self._check_generation = 0
        self._findings_revision = -1
        self._requested_revision = -2
        self.runner = CheckRunner(self)
        self.runner.finished.connect(self._checks_finished)
        self.runner.busy.connect(self.checkingChanged)
        self._refresh_later = Debouncer(REFRESH_MS, self.refresh, self)
        self._check_later = Debouncer(CHECK_MS, self.request_checks, self)
        self.qdoc.contentsChanged.connect(self._contents_changed)
        self.editor.undoRequested.connect(self.undo.stack.undo)
        self.editor.redoRequested.connect(self.undo.stack.redo)
        self.editor.newParagraphRequested.connect(self.new_paragraph)
        self.editor.indentRequested.connect(self.change_level)
        self.editor.typedAtParagraphStart.connect(self._typed)
        self.editor.clip_source = lambda: (self.base.footnotes, self.base.proposals)
        self.editor.clipPasted.connect(lambda clip: paste_clip(self, clip))
        self.completer = None  # ui.completion.OpenerCompleter, attached by the window
        self._unsaved = False
        self.replaceable = False
        """The blank document Penholder starts with: opening a file replaces it while unchanged."""
        self.hidden_rules: frozenset[str] = frozenset()
        """Rules the user switched off (UN spelling off hides ``spelling.house-style``)."""
        self.display_name = "Untitled"
        # What this document holds outside its text, for the application (see ui.services):
        self.lock = None
        """The lock of the Penholder file while it is open here (``ui.services.FileLock``)."""
        self.disk_stamp: object = None
        """The file's modification stamp when opened or last saved (``ui.file_io``)."""
        self.autosave_key: str | None = None
        """The name of this document's autosave snapshot (chosen by the autosaver)."""
        self.autosaved_at: int | None = None
        """:attr:`change_count` when the last snapshot was taken (None: none since saving)."""
        self.change_count = 0
        """Grows with every change to the text or to what lies outside it (an undo included)."""
        self.qdoc.contentsChanged.connect(self._count_change)
        self.undo.stack.indexChanged.connect(self._count_change)
        self.reference_counts: dict[str, int] = {}
        self._facts = ParagraphTexts()
        self.paragraph_facts: dict[str, ParagraphFacts] = {}
        """Per paragraph (by id, in reading order): text, words, footnotes cited; as of the last refresh."""
        self._structure: tuple = ()
        self.block_labels: dict[str, BlockLabel] = {}
        """Block id -> its label and reference ("OP 12"), as of the last refresh."""
        self.refresh()
        QTimer.singleShot(0, self.request_checks)

    # -- what the window and the commands use (they do not reach into the editor or the stack) --

    @property
    def history(self):
        """The undo history (a ``QUndoStack``): the window's Undo and Redo follow it."""
        return self.undo.stack

    def edit_step(self, name: str):
        """``with session.edit_step("Bold"): …``: whatever changes inside is one named undo step."""
        return self.undo.step(name)

    def text_cursor(self) -> QTextCursor:
        return self.editor.textCursor()

    def set_text_cursor(self, cursor: QTextCursor) -> None:
        self.editor.setTextCursor(cursor)

    def structure_changed(self) -> None:
        """Paragraphs were added, removed or changed kind: margin labels are painted again."""
        self.editor.mark_structure_changed()

    @property
    def footnote_numbers(self) -> dict[str, int]:
        """Footnote id -> the number shown (as of the last refresh)."""
        return self.markers.numbers

    def text_is_read(self) -> bool:
        """Whether the last snapshot is the text as it stands (findings' places are exact)."""
        return self._snapshot is not None and self._snapshot.revision == self.qdoc.revision()

    # -- reading -----------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.base.language

    def snapshot(self) -> Snapshot:
        """The model as the surface stands now (read incrementally if it changed)."""
        if self._snapshot is None or self._snapshot.revision != self.qdoc.revision():
            self._snapshot = self.reader.read(self.base)
        return self._snapshot

    def last_snapshot(self) -> Snapshot:
        """The latest snapshot without reading (may lag the surface by one pause in typing)."""
        return self._snapshot if self._snapshot is not None else self.snapshot()

    def document(self) -> Document:
        return self.snapshot().document

    def refresh(self) -> None:
        """Re-read the surface, renumber footnotes, notice orphaned footnotes, tell the panels."""
        snapshot = self.snapshot()
        self.paragraph_facts = self._facts.read(snapshot.document)
        cited = cited_in_order(self.paragraph_facts)
        numbers = footnote_numbers(snapshot.document, cited)
        if numbers != self.markers.numbers:
            self.markers.numbers = numbers
            self.qdoc.markContentsDirty(0, self.qdoc.characterCount())
        self.reference_counts = footnote_reference_counts(snapshot.document, cited)
        referenced = set(self.reference_counts)
        for footnote_id in sorted(self._referenced - referenced):
            if footnote_id in self.base.footnotes and footnote_id not in self.editor.clipboard_notes:
                self.footnoteOrphaned.emit(footnote_id, numbers.get(footnote_id, 0))
        self._referenced = referenced
        structure = _structure(snapshot.document)
        if structure != self._structure:
            self._structure = structure
            self.block_labels = block_labels(snapshot.document)
            self.editor.mark_structure_changed()
        self.refreshed.emit()

    def _count_change(self, *_args: object) -> None:
        self.change_count += 1

    def _contents_changed(self) -> None:
        self._refresh_later.poke()
        self._check_later.poke()

    def _after_undo(self) -> None:
        self.editor.mark_structure_changed()
        self._refresh_later.poke()

    # -- checks ------------------------------------------------------------------------------------

    def request_checks(self) -> None:
        snapshot = self.snapshot()
        self._requested_revision = snapshot.revision
        self._check_generation = self.runner.request(snapshot.document, self.check_settings)

    def _checks_finished(self, generation: int, findings: list[Finding]) -> None:
        if self._snapshot is None or generation != self._check_generation:
            return
        findings = [f for f in findings if f.rule not in self.hidden_rules]
        self.findings = findings
        self._findings_revision = self._requested_revision
        if self._requested_revision == self.qdoc.revision() == self._snapshot.revision:
            self.editor.setExtraSelections(spelling_selections(self.qdoc, self._snapshot, findings))
        self.findingsChanged.emit(findings)

    @property
    def checks_current(self) -> bool:
        """The findings shown are those of the text as it stands (no check pending or running)."""
        return (
            self._findings_revision == self.qdoc.revision()
            and not self._check_later.pending
            and not self.runner.is_busy
        )

    def set_check_settings(self, settings: CheckSettings) -> None:
        self.check_settings = settings
        self.request_checks()

    def apply_fix(self, finding: Finding) -> bool:
        """Apply a finding's safe fix as one undo step (in suggesting mode, propose it; raises
        :class:`~ui.suggested_fix.FixNotProposable` for a fix that cannot be a proposal);
        False if the text changed since."""
        if finding.fix is None:
            return False
        if fix_is_suggested(self, finding):  # proposed, as any edit while suggesting
            return suggest_fix(self, finding)
        return self.apply_fixes([finding], f"Fix: {finding.fix.description}") == (1, 0)

    def apply_fixes(self, findings: list[Finding], name: str) -> tuple[int, int]:
        """Apply the findings' fixes (those that still apply) as one undo step: how many were
        applied and how many could not be (the text changed since the check, or two overlap).
        In suggesting mode each is proposed (see :mod:`ui.suggested_fix`)."""
        fixes = [f.fix for f in findings if f.fix is not None]
        if any(fix_is_suggested(self, f) for f in findings):
            return suggest_fixes(self, findings, name)
        document = self.document()
        results, skipped = fix_all(document, fixes)
        if not results:
            return 0, skipped
        footnotes = dict(document.footnotes)
        for fixed in results.values():
            footnotes.update(fixed.new_footnotes)
        blocks = {target: fixed for target, fixed in results.items() if target not in footnotes}
        for target, fixed in results.items():
            if target in footnotes:
                footnotes[target] = Footnote(target, fixed.content)
        source = copy.copy(document)
        source.footnotes = footnotes
        with self.undo.step(name):
            for target, fixed in blocks.items():
                structure_ops.replace_content(self.qdoc, self._writer(source), target, fixed.content)
            if footnotes != document.footnotes:
                self._set_footnotes(None, footnotes)
        self.refresh()
        self.request_checks()
        return len(fixes) - skipped, skipped

    def goto_finding(self, finding: Finding) -> None:
        if finding.target in self.base.footnotes:
            self.goto_footnote_reference(finding.target)
            return
        place = finding_range(self.qdoc, self.snapshot(), finding)
        if place is None:
            self.goto_block(finding.target)
            return
        cursor = QTextCursor(self.qdoc)
        cursor.setPosition(place[0])
        cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()

    # -- navigation --------------------------------------------------------------------------------

    def goto_block(self, block_id: str, offset: int = 0, *, focus: bool = True) -> None:
        """The cursor to the paragraph (``offset`` characters in), scrolled into view; the
        keyboard focus goes to the text unless ``focus`` is False (an Outline click)."""
        block = structure_ops.find_block(self.qdoc, block_id)
        if block is None:
            return
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(offset, max(block.length() - 1, 0)))
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        if focus:
            self.editor.setFocus()

    def current_block_id(self) -> str | None:
        return formats.id_of(self.editor.textCursor().blockFormat())

    # -- structure ---------------------------------------------------------------------------------

    def _writer(self, document: Document | None = None) -> SurfaceWriter:
        return SurfaceWriter(document or self.base)

    @property
    def is_resolution(self) -> bool:
        return self.base.kind in (DocumentKind.RESOLUTION, DocumentKind.DRAFT_RESOLUTION)

    def new_paragraph(self, kind: str = "") -> None:
        if self.suggesting.active:
            self.suggesting.new_paragraph(kind)
            return
        name = "New operative paragraph" if kind == BlockKind.OPERATIVE.value else "New paragraph"
        with self.undo.step(name):
            cursor = structure_ops.new_paragraph(
                self.editor.textCursor(), kind, resolution=self.is_resolution
            )
        self.editor.setTextCursor(cursor)
        self.editor.mark_structure_changed()

    def change_level(self, delta: int) -> None:
        name = "Make subparagraph" if delta > 0 else "Raise paragraph level"
        with self.undo.step(name):
            changed = structure_ops.change_level(self.editor.textCursor(), delta)
        if changed:
            self.editor.mark_structure_changed()

    def set_kind(self, kind: str) -> None:
        with self.undo.step(f"Make {formats.KIND_NAMES.get(kind, kind).lower()}"):
            structure_ops.set_kind(self.editor.textCursor(), kind, depth=1 if kind == "subparagraph" else 0)
        self.editor.mark_structure_changed()

    def move_block(self, block_id: str, before_id: str) -> bool:
        """Move a paragraph (with its subparagraphs) before another; one undo step."""
        if self.suggesting.tracks_move(block_id):
            return self.suggesting.move(block_id, before_id)
        _labels, references = self.editor.labels()
        block = structure_ops.find_block(self.qdoc, block_id)
        name = references[block.blockNumber()] if block is not None else "paragraph"
        with self.undo.step(f"Move {name}"):
            moved = structure_ops.move_family(self.qdoc, self._writer(), block_id, before_id)
        if moved:
            self.editor.mark_structure_changed()
            self.refresh()
            self.request_checks()
            self.goto_block(block_id)
        return moved

    def insert_paragraphs(self, name: str, paragraphs: list[FlatBlock]) -> None:
        if self.suggesting.active:
            self.suggesting.insert_paragraphs(paragraphs, name)
            return
        with self.undo.step(name):
            cursor = structure_ops.insert_paragraphs_after(
                self.editor.textCursor(), self._writer(), paragraphs
            )
        self.editor.setTextCursor(cursor)
        self.editor.mark_structure_changed()

    def insert_template(self, paragraphs: list[FlatBlock], name: str) -> None:
        """Fill an empty document with a template's paragraphs as one undo step."""
        cursor = QTextCursor(self.qdoc)
        with self.undo.step(name):
            cursor.beginEditBlock()
            self._writer().write_paragraphs(cursor, paragraphs, first_in_place=True)
            cursor.endEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)
        self.editor.mark_structure_changed()
        self.refresh()

    def insert_text(self, name: str, content: list[Inline]) -> None:
        with self.undo.step(name):
            cursor = self.editor.textCursor()
            cursor.beginEditBlock()
            self._writer().write_inlines(cursor, content)
            cursor.endEditBlock()
        self.editor.setTextCursor(cursor)

    # -- opening phrases ---------------------------------------------------------------------------

    def _typed(self) -> None:
        cursor = self.editor.textCursor()
        place = openers.opener_to_italicize(cursor, self.language)
        if place is not None:
            with self.undo.step("Italicize opening phrase"):
                openers.italicize(cursor, *place)
        if self.completer is not None:
            self.completer.update_for(self)

    def insert_opener(self, phrase: str) -> None:
        phrases_italic = self.language != "zh"
        if self.suggesting.active:
            cursor = self.editor.textCursor()
            marks = frozenset({Mark.ITALIC}) if phrases_italic else frozenset()
            content: list[Inline] = [Text(phrase, marks), Text(" ")]
            start, end = cursor.block().position(), cursor.position()
            self.suggesting.replace_range(start, end, content, "Suggest insertion")
            return
        with self.undo.step("Insert opening phrase"):
            cursor = openers.replace_opening(self.editor.textCursor(), phrase, italic=phrases_italic)
        self.editor.setTextCursor(cursor)

    # -- whole-document and paragraph edits (restore a revision, accept / reject a change) ---------

    def set_outside_text(self, name: str | None, document: Document) -> None:
        """Footnotes, proposals and masthead from ``document`` as one undoable command."""

        def apply(value: object) -> None:
            footnotes, proposals, masthead = value  # type: ignore[misc]
            title, organ = self.base.masthead.title, self.base.masthead.organ_line
            self.base.footnotes, self.base.proposals = dict(footnotes), dict(proposals)
            self.base.masthead = copy.deepcopy(masthead)
            self.base.masthead.title, self.base.masthead.organ_line = title, organ
            self._snapshot = None
            self.refresh()
            self._check_later.poke()

        old = (dict(self.base.footnotes), dict(self.base.proposals), copy.deepcopy(self.base.masthead))
        new = (dict(document.footnotes), dict(document.proposals), copy.deepcopy(document.masthead))
        self.undo.push(CallbackStep(name or "Document", apply, old, new))

    def replace_document(self, document: Document, name: str) -> None:
        """Make ``document`` the current text (restoring a revision, accepting a proposal): one step."""
        from ui.editor.writer import flatten

        document = copy.deepcopy(document)
        with self.undo.step(name):
            self.set_outside_text(None, document)
            structure_ops.replace_all(self.qdoc, SurfaceWriter(document), list(flatten(document)))
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.editor.mark_structure_changed()
        self.refresh()
        self.request_checks()

    def replace_paragraph(self, block_id: str, content: list[Inline], source: Document, name: str) -> bool:
        """Give one paragraph the content it has in ``source`` (footnotes it cites come along)."""
        with self.undo.step(name):
            self._adopt_footnotes(content, source)
            done = structure_ops.replace_content(self.qdoc, SurfaceWriter(source), block_id, content)
        self.refresh()
        return done

    def delete_paragraph(self, block_id: str, name: str) -> bool:
        with self.undo.step(name):
            done = structure_ops.delete_family(self.qdoc, block_id)
        self.editor.mark_structure_changed()
        self.refresh()
        return done

    def insert_paragraphs_after(
        self, anchor_id: str | None, paragraphs: list[FlatBlock], source: Document, name: str
    ) -> bool:
        with self.undo.step(name):
            for para in paragraphs:
                self._adopt_footnotes(para.content, source)
            done = structure_ops.insert_after_block(self.qdoc, SurfaceWriter(source), anchor_id, paragraphs)
        self.editor.mark_structure_changed()
        self.refresh()
        return done

    # -- document-level ----------------------------------------------------------------------------

    def set_masthead(self, masthead) -> None:
        document = copy.copy(self.base)
        document.masthead = masthead
        self.set_outside_text("Edit document details", document)

    def set_language(self, language: str) -> None:
        self.base.language = language
        self._snapshot = None
        self.editor.set_language(language)
        self.request_checks()

    def change_language(self, language: str) -> None:
        """The document's language changed by the user: one undo step ("Language: French")."""
        if language == self.language:
            return
        name = f"Language: {LANGUAGE_NAMES.get(language, language)}"
        self.undo.push(CallbackStep(name, self._language_step, self.language, language))

    def _language_step(self, language: object) -> None:
        self.set_language(str(language))
        self.refresh()

    @property
    def modified(self) -> bool:
        return self._unsaved or not self.undo.stack.isClean()

    def mark_saved(self) -> None:
        self._unsaved = False
        self.undo.stack.setClean()
        self.undo.stack.cleanChanged.emit(True)

    def mark_unsaved(self) -> None:
        """A recovered or imported text: unsaved although nothing was typed yet."""
        self._unsaved = True
        self.undo.stack.cleanChanged.emit(False)

    def set_file(self, path: Path, stamp: object, lock) -> None:
        """The document now lives in ``path`` (saved there): its name, stamp and lock follow."""
        if self.path != path:
            self.release_lock()
            self.lock = lock
            if lock is not None:
                lock.acquire()
        self.path = path
        self.source = path
        self.disk_stamp = stamp
        self.display_name = path.stem
        self.mark_saved()
        self.renamed.emit()

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        """The tab is closing: stop the background work and let the session go.

        Its Qt children (timers, the undo bridge) hold bound methods of the session, and Qt's
        parent-to-child link is invisible to Python's cycle collector: left alone, a closed
        document (its model, its text surface) would stay in memory until Penholder quits.
        Deleting the Qt object cuts those links."""
        self.release_lock()
        self.runner.shutdown()
        self._refresh_later.cancel()
        self._check_later.cancel()
        self.deleteLater()


def _structure(document: Document) -> tuple:
    """What the labels depend on (``drafting.numbering.block_labels``): the language and, in
    reading order, each paragraph's id, kind, numbering and number of children (which with the
    order describe the tree) and the headings' texts (an "Annex" heading starts the annex).
    Typing in an ordinary paragraph leaves it unchanged."""
    return (
        document.language,
        tuple(
            (
                block.id,
                block.kind,
                block.numbered,
                block.alternative_to,
                len(block.children),
                plain_text(block.content) if block.kind is BlockKind.HEADING else None,
            )
            for block in document.iter_blocks()
        ),
    )
