"""The window's menus and toolbar: every command with its name, shortcut and menu place.

Kept apart from the window so the list of commands reads as one table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

SK = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    key: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    checkable: bool = False


MENUS: dict[str, list[Command | str]] = {
    "&File": [
        Command("new", "&New…", SK.New, "New document from a template", QStyle.StandardPixmap.SP_FileIcon),
        Command(
            "open",
            "&Open…",
            SK.Open,
            "Open a Penholder file or import a Word, PDF, text or Markdown file",
            QStyle.StandardPixmap.SP_DialogOpenButton,
        ),
        "recent",
        Command("save", "&Save", SK.Save, "Save the document", QStyle.StandardPixmap.SP_DialogSaveButton),
        Command("save_as", "Save &As…", SK.SaveAs),
        "-",
        # Ctrl+Shift+E is Track Changes in Word: here it switches suggesting mode.
        Command("export_docx", "Export as &Word…", "Ctrl+Alt+E", "Write a .docx with real footnotes"),
        Command("export_text", "Export as &Text…"),
        Command(
            "export_pdf",
            "Export as &PDF…",
            None,
            "A PDF of the Word file, made by LibreOffice: footnotes at the foot of each page",
        ),
        Command("print", "&Print…", SK.Print),
        "-",
        Command(
            "compile_returns",
            "Co&mpile returns…",
            None,
            "Delegations' returns of the current draft in one text: every change a proposal by its delegation",
        ),
        "-",
        Command("close", "&Close", SK.Close),
        Command("quit", "&Quit", SK.Quit),
    ],
    "&Edit": [
        "undo",
        "redo",
        "-",
        Command("cut", "Cu&t", SK.Cut),
        Command("copy", "&Copy", SK.Copy),
        Command("paste", "&Paste", SK.Paste),
        "-",
        Command("find", "&Find…", SK.Find),
        Command("replace", "&Replace…", "Ctrl+H"),
        "-",
        Command(
            "move_up", "Move paragraph &up", "Alt+Shift+Up", "Move the paragraph (with its subparagraphs) up"
        ),
        Command(
            "move_down",
            "Move paragraph do&wn",
            "Alt+Shift+Down",
            "Move the paragraph (with its subparagraphs) down",
        ),
        "-",
        Command(
            "suggesting",
            "&Suggest changes",
            "Ctrl+Shift+E",
            "Suggesting mode (Track Changes): your edits become proposals by your delegation",
            checkable=True,
        ),
        Command(
            "oral_revisions",
            "Record &oral revisions…",
            None,
            "Suggesting mode for the changes a sponsor reads out at a meeting: each becomes an oral revision",
            checkable=True,
        ),
        "-",
        Command("preferences", "Pr&eferences…", "Ctrl+,"),
    ],
    "F&ormat": [
        Command("bold", "&Bold", SK.Bold),
        Command("italic", "&Italic", SK.Italic),
        Command("underline", "&Underline", SK.Underline),
        "-",
        Command("kind_preambular", "&Preambular paragraph", "Ctrl+1"),
        Command("kind_operative", "&Operative paragraph", "Ctrl+2"),
        Command("kind_subparagraph", "&Subparagraph", "Ctrl+3"),
        Command("kind_heading", "&Heading", "Ctrl+4"),
        Command("kind_paragraph", "Plain p&aragraph", "Ctrl+5"),
        "-",
        Command("new_operative", "New operative paragraph", "Ctrl+Return"),
        Command("level_down", "Down a level ((a), (i))", "Tab"),
        Command("level_up", "Up a level", "Shift+Tab"),
    ],
    "&Insert": [
        Command("footnote", "&Footnote", "Ctrl+Alt+F", "Insert a footnote at the cursor"),
        Command("recite", "&Cite a footnote again…", "Ctrl+Alt+R"),
        Command("phrases", "Opening &phrases and standard paragraphs", "Ctrl+Alt+P"),
    ],
    "&Document": [
        Command("details", "Document &details…", "Ctrl+Alt+D"),
        "language",
        Command("check", "&Check now", "F7"),
        "-",
        Command(
            "agreed_ad_ref",
            "Mark paragraph &agreed ad ref",
            "Ctrl+Alt+A",
            "The paragraph at the cursor was agreed ad referendum (again: it no longer is)",
        ),
        Command("proposals", "Pr&oposals", "Ctrl+Alt+O", "Every proposal of the document, to settle one"),
        Command(
            "bracket_text",
            "Put in &brackets",
            "Ctrl+Alt+B",
            "Square brackets around the selected words: not yet agreed",
        ),
        Command(
            "remove_brackets",
            "Remove brac&kets (words agreed)",
            "Ctrl+Alt+K",
            "Take away the brackets around the cursor and keep the words in them",
        ),
        Command(
            "delete_bracketed",
            "De&lete bracketed text",
            None,
            "Delete the words in the brackets around the cursor, brackets and all",
        ),
        Command("brackets", "Brac&kets list", None, "Every pair of square brackets in the document"),
        "-",
        Command(
            "save_revision",
            "Save &revision…",
            "Ctrl+Alt+S",
            "Keep the current text in the file as a named revision",
        ),
        Command("compare_revision", "Compare with the last re&vision", "Ctrl+Alt+C"),
        Command(
            "make_revision",
            "&Make next revision (Rev.N)…",
            None,
            "Agreed proposals in, turned-down ones out, open ones kept or bracketed; with the Word redline",
        ),
        Command(
            "orally_revised",
            "&Text as orally revised",
            None,
            "In a new tab: the text with its oral revisions applied, the other proposals kept",
        ),
        Command("compare_file", "Compare with a &file…"),
        Command(
            "compare_languages",
            "Compare &language versions…",
            None,
            "Check this text against its other language versions: paragraphs, footnotes, numbers, symbols",
        ),
    ],
    "&View": ["docks"],
    "&Help": [Command("about", "&About Penholder")],
}

TOOLBAR = ("new", "open", "save", "-", "undo", "redo", "-", "footnote", "check", "-", "suggesting")

# Shortcuts that the editor handles itself (keys inside text), shown in menus only.
_EDITOR_KEYS = {"new_operative", "level_down", "level_up", "cut", "copy", "paste"}


def build(
    window: QMainWindow, handlers: dict[str, Callable[[], None]], extra: dict[str, QAction | QMenu]
) -> dict[str, QAction]:
    """Create menus and toolbar; ``extra`` supplies ready-made items ("undo", "redo", "recent", "docks")."""
    actions: dict[str, QAction] = {}
    style = window.style()
    for title, entries in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif isinstance(entry, str):
                item = extra[entry]
                if isinstance(item, QMenu):
                    menu.addMenu(item)
                else:
                    menu.addAction(item)
                    actions[entry] = item
            else:
                action = QAction(entry.text, window)
                if entry.shortcut is not None:
                    action.setShortcut(QKeySequence(entry.shortcut))
                    if entry.key in _EDITOR_KEYS:
                        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                if entry.tip:
                    action.setStatusTip(entry.tip)
                    action.setToolTip(entry.tip)
                if entry.checkable:
                    action.setCheckable(True)
                if entry.icon is not None:
                    action.setIcon(style.standardIcon(entry.icon))
                action.triggered.connect(handlers[entry.key])
                menu.addAction(action)
                actions[entry.key] = action
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for key in TOOLBAR:
        if key == "-":
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[key])
    window.addToolBar(toolbar)
    return actions
