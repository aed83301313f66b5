"""The main window: tabs of documents, the four docks, menus, status bar.

It assembles and forwards: each gesture goes to the current tab's
:class:`~ui.document_session.DocumentSession`; file dialogs and prompts live in
:mod:`ui.file_commands`; the panels only receive data and emit signals.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from drafting.checks import CheckSettings
from drafting.languages import LANGUAGE_NAMES, count_unit
from drafting.model import BlockKind, Document
from ui import actions as action_table
from ui.bracket_commands import BracketCommands
from ui.brackets_panel import BracketsPanel
from ui.checks_panel import ChecksPanel
from ui.compare_tab import CompareTab
from ui.completion import OpenerCompleter
from ui.dock_layout import NARROW, DockLayout
from ui.document_session import DocumentSession
from ui.document_tab import DocumentTab
from ui.edit_commands import EditCommands
from ui.editor import formats
from ui.file_commands import FileCommands
from ui.fix_commands import FixCommands
from ui.footnotes_panel import FootnotesPanel, footnote_entries
from ui.language_commands import LanguageCommands, follow_direction
from ui.negotiation_commands import NegotiationCommands
from ui.oral_revisions import OralRevisionCommands
from ui.outline_panel import OutlinePanel, outline_entries
from ui.parity_commands import ParityCommands
from ui.phrase_palette import PhrasePalette
from ui.proposal_commands import ProposalCommands
from ui.proposals_panel import ProposalsPanel
from ui.revision_commands import RevisionCommands
from ui.revisions_panel import RevisionsPanel
from ui.services import Services
from ui.status_bar import autosave_text, build_status_bar


class MainWindow(QMainWindow):
    """The window over the open documents; it implements :class:`ui.workspace.Workspace` for the
    command objects and gets what belongs to the application as :class:`ui.services.Services`."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.settings = services.settings
        self.setWindowTitle("Penholder")
        DockLayout.fit_to_screen(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.currentChanged.connect(self._current_changed)
        self.tabs.tabBarClicked.connect(self._tab_clicked)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)
        self.files = FileCommands(self)
        self.edits = EditCommands(self)
        self.autosaver = services.autosave(self.sessions, self.settings.autosave_seconds, self)
        self.autosaver.saved.connect(lambda _t: self._update_status())
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self._build_docks()
        self._build_status_bar()
        self._build_actions()
        self._connected: DocumentSession | None = None
        self._update_actions()

    # -- building ----------------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.outline = OutlinePanel()
        self.checks = ChecksPanel()
        self.footnotes = FootnotesPanel()
        self.phrases = PhrasePalette()
        self.revisions = RevisionsPanel()
        self.proposals = ProposalsPanel()
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.outline_dock = self._dock("Outline", "outline", self.outline, left)
        self.phrases_dock = self._dock("Phrases", "phrases", self.phrases, left)
        self.checks_dock = self._dock("Checks", "checks", self.checks, right)
        self.footnotes_dock = self._dock("Footnotes", "footnotes", self.footnotes, right)
        self.revisions_dock = self._dock("Revisions", "revisions", self.revisions, right)
        self.proposals_dock = self._dock("Proposals", "proposals", self.proposals, right)
        self.tabifyDockWidget(self.checks_dock, self.proposals_dock)
        self.proposal_commands = ProposalCommands(self, self.proposals)
        self.brackets = BracketsPanel()
        self.brackets_dock = self._dock("Brackets", "brackets", self.brackets, right)
        self.tabifyDockWidget(self.proposals_dock, self.brackets_dock)
        self.bracket_commands = BracketCommands(self, self.brackets)
        self.tabifyDockWidget(self.outline_dock, self.phrases_dock)
        self.tabifyDockWidget(self.footnotes_dock, self.revisions_dock)
        self.outline_dock.raise_()
        self.resizeDocks([self.outline_dock, self.checks_dock], [300, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.checks_dock, self.footnotes_dock], [480, 300], Qt.Orientation.Vertical)
        self.docks = DockLayout(self, self.checks_dock)
        self.outline.activated.connect(lambda block_id: self._with_session(lambda s: s.goto_block(block_id)))
        self.outline.shown.connect(
            lambda block_id: self._with_session(lambda s: s.goto_block(block_id, focus=False))
        )
        self.outline.moveRequested.connect(self._move_requested)
        self.checks.activated.connect(lambda finding: self._with_session(lambda s: s.goto_finding(finding)))
        self.fixes = FixCommands(self)
        self.checks.fixRequested.connect(self.fixes.fix)
        self.checks.fixAllRequested.connect(self.fixes.fix_all)
        self.footnotes.activated.connect(
            lambda note_id: self._with_session(lambda s: s.goto_footnote_reference(note_id))
        )
        self.footnotes.edited.connect(
            lambda note_id, content: self._with_session(lambda s: s.set_footnote_content(note_id, content))
        )
        self.phrases.chosen.connect(self.edits.phrase_chosen)
        self.revision_commands = RevisionCommands(self)
        self.negotiation_commands = NegotiationCommands(self)
        self.oral_revisions = OralRevisionCommands(self, self.edits.show_suggesting)
        self.language_commands = LanguageCommands(self)
        self.parity_commands = ParityCommands(self)
        r = self.revision_commands
        self.revisions.saveRequested.connect(lambda: r.save_revision())
        self.revisions.viewRequested.connect(r.view)
        self.revisions.restoreRequested.connect(r.restore)
        self.revisions.renameRequested.connect(r.rename)
        self.revisions.deleteRequested.connect(r.delete)
        self.revisions.compareRequested.connect(r.compare)
        self._phrases_stale = True
        self._phrases_visible = False
        self.phrases_dock.visibilityChanged.connect(self._phrases_shown)

    def _build_status_bar(self) -> None:
        counts = [self.proposal_commands.counts_label, self.bracket_commands.count_label]
        status = build_status_bar(self.statusBar(), counts, lambda: self.edits.toggle_suggesting())
        self.place_label, self.words_label = status.place, status.words
        self.language_label, self.autosave_label = status.language, status.autosave
        self.suggesting_indicator = status.suggesting

    def _build_actions(self) -> None:
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setShortcut("Ctrl+Z")
        self.undo_action.triggered.connect(lambda: self._with_session(lambda s: s.history.undo()))
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setShortcuts(["Ctrl+Y", "Ctrl+Shift+Z"])
        self.redo_action.triggered.connect(lambda: self._with_session(lambda s: s.history.redo()))
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        docks_menu = QMenu("&Panels", self)
        for dock in (
            self.outline_dock,
            self.checks_dock,
            self.footnotes_dock,
            self.phrases_dock,
            self.revisions_dock,
            self.proposals_dock,
            self.brackets_dock,
        ):
            docks_menu.addAction(dock.toggleViewAction())
        f = self.files
        handlers = {
            "new": f.new_from_template,
            "open": f.open_dialog,
            "save": f.save,
            "save_as": f.save_as,
            "export_docx": lambda: f.export("docx"),
            "export_text": lambda: f.export("txt"),
            "export_pdf": lambda: f.export("pdf"),
            "print": f.print_document,
            "close": lambda: self.close_tab(self.tabs.currentIndex()),
            "quit": self.close,
            "cut": lambda: self._editor_call("cut"),
            "copy": lambda: self._editor_call("copy"),
            "paste": lambda: self._editor_call("paste"),
            "find": lambda: self._open_find(replace=False),
            "replace": lambda: self._open_find(replace=True),
            "move_up": lambda: self._move_paragraph("up"),
            "move_down": lambda: self._move_paragraph("down"),
            "preferences": f.preferences,
            "bold": lambda: self.edits.toggle_mark("bold"),
            "italic": lambda: self.edits.toggle_mark("italic"),
            "underline": lambda: self.edits.toggle_mark("underline"),
            "kind_preambular": lambda: self._set_kind(BlockKind.PREAMBULAR.value),
            "kind_operative": lambda: self._set_kind(BlockKind.OPERATIVE.value),
            "kind_subparagraph": lambda: self._set_kind(BlockKind.SUBPARAGRAPH.value),
            "kind_heading": lambda: self._set_kind(BlockKind.HEADING.value),
            "kind_paragraph": lambda: self._set_kind(BlockKind.PARAGRAPH.value),
            "new_operative": lambda: self._with_session(lambda s: s.new_paragraph(BlockKind.OPERATIVE.value)),
            "level_down": lambda: self._with_session(lambda s: s.change_level(+1)),
            "level_up": lambda: self._with_session(lambda s: s.change_level(-1)),
            "footnote": self.insert_footnote,
            "recite": self.files.recite_footnote,
            "phrases": self._show_phrases,
            "details": f.edit_details,
            "check": lambda: self._with_session(lambda s: s.request_checks()),
            "suggesting": lambda: self.edits.toggle_suggesting(),
            "oral_revisions": lambda: self.oral_revisions.toggle_recording(),
            "agreed_ad_ref": lambda: self.proposal_commands.toggle_agreed(),
            "proposals": lambda: self.proposal_commands.show_panel(),
            "bracket_text": lambda: self.bracket_commands.bracket_selection(),
            "remove_brackets": lambda: self.bracket_commands.remove_at_cursor(keep=True),
            "delete_bracketed": lambda: self.bracket_commands.remove_at_cursor(keep=False),
            "brackets": lambda: self.bracket_commands.show_panel(),
            "save_revision": lambda: self.revision_commands.save_revision(),
            "compare_revision": self._compare_with_revision,
            "compare_file": lambda: self.revision_commands.compare_with_file(),
            "compare_languages": lambda: self.parity_commands.compare_language_versions(),
            "compile_returns": lambda: self.negotiation_commands.compile_returns(),
            "make_revision": lambda: self.negotiation_commands.make_revision(),
            "orally_revised": lambda: self.oral_revisions.open_as_orally_revised(),
            "about": self._about,
        }
        extra = {
            "undo": self.undo_action,
            "redo": self.redo_action,
            "recent": self.recent_menu,
            "docks": docks_menu,
            "language": self.language_commands.menu,
        }
        self.actions = action_table.build(self, handlers, extra)
        self.proposal_commands.bind_agreed_action(self.actions["agreed_ad_ref"])

    # -- sessions ----------------------------------------------------------------------------------

    def sessions(self) -> Iterator[DocumentSession]:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, DocumentTab):
                yield tab.session

    def current_session(self) -> DocumentSession | None:
        tab = self.tabs.currentWidget()
        return tab.session if isinstance(tab, DocumentTab) else None

    def _with_session(self, action) -> None:
        session = self.current_session()
        if session is not None:
            action(session)

    def check_settings(self) -> CheckSettings:
        from drafting.errors import DraftingError
        from drafting.spelling import load_user_words

        try:
            words = load_user_words(self.services.user_dictionary())
        except DraftingError as exc:
            self.statusBar().showMessage(f"The user dictionary could not be read: {exc}", 8000)
            words = frozenset()
        return CheckSettings(footnote_regime=self.settings.footnote_regime, user_words=frozenset(words))

    def hidden_rules(self) -> frozenset[str]:
        return frozenset() if self.settings.un_spelling else frozenset({"spelling.house-style"})

    def add_session(self, session: DocumentSession, title: str) -> None:
        OpenerCompleter(session)
        session.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        session.editor.customContextMenuRequested.connect(self.edits.context_menu)
        self.edits.attach_suggesting(session)
        tab = DocumentTab(session)
        tab.find_bar.replaceAllRequested.connect(self.edits.replace_all)
        tab.masthead.editRequested.connect(self.files.edit_details)
        index = self.tabs.addTab(tab, title)
        session.history.cleanChanged.connect(lambda _clean: self._update_tab_title(session))
        session.renamed.connect(lambda: (self._update_tab_title(session), self._update_status()))
        self.tabs.setCurrentIndex(index)
        session.editor.setFocus()
        self._update_tab_title(session)

    def open_document(self, document: Document, *, title: str = "Untitled", **kwargs) -> DocumentSession:
        session = DocumentSession(document, check_settings=self.check_settings(), **kwargs)
        session.hidden_rules = self.hidden_rules()
        session.display_name = title
        self.add_session(session, title)
        return session

    def show_session(self, session: DocumentSession) -> None:
        self.tabs.setCurrentWidget(session.editor.parentWidget())

    def show_notice(self, session: DocumentSession, notice) -> None:
        session.editor.parentWidget().show_notice(notice)

    def show_message(self, message: str, milliseconds: int = 0) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def show_revisions(self, session: DocumentSession) -> None:
        if session is self.current_session():
            self.revisions.set_revisions(session.revisions)

    def selected_revisions(self) -> list[int]:
        return self.revisions.selected_indices()

    def remember_file(self, path: Path) -> None:
        self.settings = self.services.remember_file(self.settings, str(path.resolve()))
        with contextlib.suppress(OSError):  # the recent-files list is a convenience, not worth a prompt
            self.services.store_settings(self.settings)

    def close_tab(self, index: int) -> bool:
        """Close a tab (asking to save unsaved work); False if the user kept it open."""
        tab = self.tabs.widget(index)
        if tab is None:
            return True
        session = getattr(tab, "session", None)
        if session is not None:
            if not self.files.may_close(session):
                return False
            self.files.closed(session)
        else:
            tab.close()  # a comparison: nothing to save
            if tab is self.tabs.currentWidget():
                # Panels back while the editor under the tab is still hidden: it is laid out
                # once, at its own width, not first at the comparison's and then again.
                self.docks.give_comparisons_room(False)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()
        return True

    def close_session(self, session: DocumentSession) -> bool:
        return self.close_tab(self.tabs.indexOf(session.editor.parentWidget()))

    def close_all(self) -> bool:
        while self.tabs.count():
            if not self.close_tab(self.tabs.count() - 1):
                return False
        return True

    def _update_tab_title(self, session: DocumentSession) -> None:
        if not shiboken6.isValid(session.history):
            return  # the document is being destroyed (closing the window)
        for index in range(self.tabs.count()):
            if getattr(self.tabs.widget(index), "session", None) is session:
                name = session.display_name
                self.tabs.setTabText(index, ("• " if session.modified else "") + name)
                self.tabs.setTabToolTip(index, _tab_tip(session, name))
        current = self.current_session()
        if current is not None:
            name = current.display_name
            self.setWindowTitle(f"{name}{' (unsaved changes)' if current.modified else ''} — Penholder")
        else:
            self.setWindowTitle("Penholder")

    def _tab_clicked(self, index: int) -> None:
        """From a comparison to a document's tab: the panels come back before the text is
        shown, so that a 1 MB text is laid out once at its own width (not at the comparison's
        full width first: 0.1-0.2 s each)."""
        clicked = self.tabs.widget(index)
        if clicked is not None and not isinstance(clicked, CompareTab):
            if isinstance(self.tabs.currentWidget(), CompareTab):
                self.docks.give_comparisons_room(False)

    def _current_changed(self, _index: int) -> None:
        self.statusBar().clearMessage()
        self.docks.give_comparisons_room(isinstance(self.tabs.currentWidget(), CompareTab))
        if self._connected is not None:
            for signal, slot in self._connections:
                signal.disconnect(slot)
        session = self.current_session()
        self._connected = session
        self._connections = []
        if session is not None:
            pairs = [
                (session.refreshed, self._refresh_panels),
                (session.findingsChanged, self.checks.set_findings),
                (session.checkingChanged, self.checks.set_busy),
                (session.editor.cursorPositionChanged, self._cursor_moved),
                (session.footnoteOrphaned, self.files.orphaned_footnote),
            ]
            for signal, slot in pairs:
                signal.connect(slot)
                self._connections.append((signal, slot))
            self.undo_action.setEnabled(session.history.canUndo())
            self._connections.append((session.history.indexChanged, self._undo_changed))
            session.history.indexChanged.connect(self._undo_changed)
            self.checks.set_findings(session.findings)
            self.checks.set_busy(session.runner.is_busy)
            self.revisions.set_revisions(session.revisions)
            self._refresh_panels()
            self._update_tab_title(session)
        elif not isinstance(self.tabs.currentWidget(), CompareTab):
            # No document left: empty panels. (Beside a comparison the panels stepped aside
            # with their contents, so that going back to the document rebuilds nothing.)
            self.checks.set_findings([])
            self.checks.set_busy(False)
            self.outline.set_entries([])
            self.footnotes.set_footnotes([])
            self.revisions.set_revisions([])
            self.proposal_commands.refresh(None)
            self.bracket_commands.refresh(None)
        self._undo_changed()
        self._update_actions()
        self.edits.show_suggesting()

    def _update_actions(self) -> None:
        has = self.current_session() is not None
        for key in ("save", "save_as", "export_docx", "export_text", "export_pdf", "print", "close", "footnote",
                    "recite", "details", "check", "find", "replace", "save_revision", "compare_revision",
                    "compare_file", "compare_languages", "agreed_ad_ref", "suggesting", "make_revision",
                    "oral_revisions", "orally_revised", "bracket_text", "remove_brackets",
                    "delete_bracketed"):  # fmt: skip
            self.actions[key].setEnabled(has)

    def _undo_changed(self, *_args: object) -> None:
        session = self.current_session()
        stack = session.history if session else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(f"&Undo {stack.undoText()}" if stack and stack.canUndo() else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redoText()}" if stack and stack.canRedo() else "&Redo")

    # -- panels ------------------------------------------------------------------------------------

    def _refresh_panels(self) -> None:
        session = self.current_session()
        if session is None:
            return
        document = session.document()
        facts = session.paragraph_facts
        follow_direction(self._panel_views(), document.language)
        self.outline.set_entries(outline_entries(document, facts, session.block_labels))
        entries = footnote_entries(document, session.footnote_numbers, session.reference_counts)
        self.footnotes.set_footnotes(entries)
        self.proposal_commands.refresh(session)
        self.bracket_commands.refresh(session)
        if self._phrases_visible:
            self.phrases.set_context(document, self._palette_kind(session))
        else:
            self._phrases_stale = True  # refreshed when the palette is shown (it costs 0.1 s on 1 MB)
        self.words_label.setText(count_unit(document.language, sum(fact.words for fact in facts.values())))
        self._update_status()

    def _panel_views(self) -> list[QWidget]:
        """The panels' views of the document's own words, mirrored for a right-to-left text."""
        return [
            self.outline.tree,
            self.footnotes.list,
            self.footnotes.editor,
            self.checks.tree,
            self.proposals.tree,
            self.brackets.tree,
        ]

    def _phrases_shown(self, visible: bool) -> None:
        # QDockWidget.visibilityChanged also reports a dock hidden behind another's tab.
        self._phrases_visible = visible
        session = self.current_session()
        if visible and self._phrases_stale and session is not None:
            self._phrases_stale = False
            self.phrases.set_context(session.document(), self._palette_kind(session))

    def _palette_kind(self, session: DocumentSession) -> str:
        kind = session.editor.current_kind()
        return "operative" if kind in ("operative", "subparagraph") else "preambular"

    def _cursor_moved(self) -> None:
        session = self.current_session()
        if session is None:
            return
        self.place_label.setText(session.editor.reference_at_cursor())
        block_id = session.current_block_id()
        if block_id:
            self.outline.select_block(block_id)
        fmt = session.text_cursor().charFormat()
        note_id = fmt.property(formats.NOTE_ID)
        if isinstance(note_id, str):
            self.footnotes.select(note_id)

    def _update_status(self) -> None:
        session = self.current_session()
        language = session.language if session else self.settings.language
        self.language_label.setText(LANGUAGE_NAMES.get(language, language))
        saved = None if session is None else not session.modified
        has_path = session is not None and bool(session.path)
        text = autosave_text(saved, has_path, self.autosaver.last_saved, self.settings.autosave_seconds)
        self.autosave_label.setText(text)
        if session is not None:
            self.place_label.setText(session.editor.reference_at_cursor())

    # -- commands ----------------------------------------------------------------------------------

    def _editor_call(self, name: str) -> None:
        self._with_session(lambda s: getattr(s.editor, name)())

    def _open_find(self, *, replace: bool) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, DocumentTab):
            tab.find_bar.open(tab.session.editor, replace=replace)

    def _set_kind(self, kind: str) -> None:
        self._with_session(lambda s: s.set_kind(kind))

    def insert_footnote(self) -> None:
        session = self.current_session()
        if session is None:
            return
        note_id = session.insert_footnote()
        self.footnotes_dock.show()
        self.footnotes_dock.raise_()
        self._refresh_panels()
        self.footnotes.select(note_id)
        self.footnotes.editor.setFocus()

    def open_comparison(
        self, old: Document, new: Document, old_title: str, new_title: str, *, against=None
    ) -> CompareTab:
        """Open a comparison in a tab; it is computed in the background."""
        tab = CompareTab(self, old, new, old_title, new_title, against)
        index = self.tabs.addTab(tab, f"Compare: {old_title} → {new_title}")
        self.tabs.setTabToolTip(index, tab.title())
        self.tabs.setCurrentIndex(index)
        return tab

    def _compare_with_revision(self) -> None:
        session = self.current_session()
        if session is None:
            return
        if not session.revisions:
            self.statusBar().showMessage("No revision saved yet: Document ▸ Save revision… keeps one", 5000)
            return
        self.revisions_dock.show()
        self.revisions_dock.raise_()
        self.revision_commands.compare(len(session.revisions) - 1, -1)

    def _show_phrases(self) -> None:
        self.phrases_dock.show()
        self.phrases_dock.raise_()
        self.phrases.setFocus()

    def _move_requested(self, block_id: str, before_id: str) -> None:
        self._with_session(lambda s: s.move_block(block_id, before_id))

    def _move_paragraph(self, how: str) -> None:
        """Edit ▸ Move paragraph up/down (Alt+Shift+Up/Down, as in Word): the paragraph at the
        cursor, with its subparagraphs, among its siblings; the cursor stays in it."""
        session = self.current_session()
        if session is None:
            return
        block_id = session.current_block_id()
        before = self.outline.move_target(block_id, how) if block_id else None
        if before is None:
            self.statusBar().showMessage("This paragraph cannot move further that way", 3000)
            return
        offset = session.text_cursor().positionInBlock()
        if session.suggesting.tracks_move(block_id):
            session.suggesting.move(block_id, before, offset)  # the cursor goes to the copy
            return
        session.move_block(block_id, before)
        session.goto_block(block_id, offset)

    def apply_settings(self, settings) -> None:
        self.settings = settings  # the language there is the default for new documents only
        self.autosaver.set_interval(settings.autosave_seconds)
        self.proposal_commands.apply_colours(settings)
        for session in self.sessions():
            session.hidden_rules = self.hidden_rules()
            session.set_check_settings(self.check_settings())
        try:
            self.services.store_settings(settings)
        except OSError as exc:
            QMessageBox.warning(
                self, "Penholder", f"The preferences could not be saved: {exc.strerror or exc}"
            )
        self._update_status()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, n=name: self.files.open_path(Path(n)))
        if not self.settings.recent_files:
            self.recent_menu.addAction("(none)").setEnabled(False)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Penholder",
            f"Penholder {self.services.version}\n"
            "A drafting assistant for United Nations resolutions and negotiation texts.",
        )

    NARROW = NARROW

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "docks"):
            self.docks.resized(event.size().width())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.outline_dock.raise_()  # raising before the window is shown has no effect
        self.footnotes_dock.raise_()
        self.checks_dock.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_all():
            self.files.pdf_jobs.wait()  # a PDF being made is finished, not cut short
            self.autosaver.wait()
            event.accept()
        else:
            event.ignore()


def _tab_tip(session: DocumentSession, name: str) -> str:
    if session.path:
        return str(session.path)
    source = getattr(session, "source", None)
    if source:
        return f"Imported from {source}: Save keeps it as a Penholder file"
    return name
