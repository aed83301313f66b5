"""The Proposals panel, proposal statuses, paragraphs agreed ad ref and delegation colours,
driven through the widgets a user presses: rows clicked, buttons clicked, menu commands
triggered, Ctrl+Z typed. Offscreen Qt, the real window."""

from __future__ import annotations

import itertools
import json
import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QTextFormat
from PySide6.QtWidgets import QApplication, QColorDialog, QDialogButtonBox, QFileDialog

from app.settings import Settings, load_settings
from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    ProposalStatus,
    Text,
    plain_text,
)
from tests.ui.window_helpers import CICA, open_corpus, put_cursor_at_end_of
from ui.context_menu import build_menu
from ui.editor import formats, margin_marks
from ui.preferences_dialog import PreferencesDialog
from ui.proposals_panel import DELEGATION, KIND, PLACE, STATUS, WORDS

INSERT, DELETE, REPLACE = ProposalKind.INSERT, ProposalKind.DELETE, ProposalKind.REPLACE
PP, OP = BlockKind.PREAMBULAR, BlockKind.OPERATIVE


def compilation() -> Document:
    """A draft under negotiation: six delegations' proposals, a move, one in a footnote."""

    def span(pid, deleted="", inserted=""):
        return ProposalSpan(pid, [Text(deleted)] if deleted else [], [Text(inserted)] if inserted else [])

    blocks = [
        Block("pp1", PP, [Text("Recalling its resolution 75/1 on "), span("p-mx1", "", "the rule of law and "),
                          Text("development,")]),
        Block("op1", OP, [Text("Decides to "), span("p-jp", "convene", "hold"), Text(" a high-level meeting"),
                          span("p-eu", " in 2027"), Text(";")]),
        Block("op-moved", OP, [span("p-br-ins", "", "Decides to remain seized of the matter;")]),
        Block("op2", OP, [Text("Requests the Secretary-General to "), span("p-ru", "", "urgently "),
                          Text("report"), span("p-mx2", " annually"), Text(" on its work;"), NoteRef("fn1")]),
        Block("op3", OP, [Text("Invites Member States to share information;")]),
        Block("op4", OP, [span("p-br-del", "Decides to remain seized of the matter;")]),
    ]  # fmt: skip
    proposals = {
        "p-mx1": Proposal("p-mx1", INSERT, author="Mexico", rationale="As in resolution 76/2"),
        "p-jp": Proposal("p-jp", REPLACE, author="Japan", rationale="Simpler wording"),
        "p-eu": Proposal("p-eu", DELETE, author="European Union"),
        "p-br-ins": Proposal("p-br-ins", INSERT, author="Brazil", move_of="p-br-del"),
        "p-ru": Proposal("p-ru", INSERT, author="Russian Federation", status=ProposalStatus.BRACKETED),
        "p-mx2": Proposal("p-mx2", DELETE, author="Mexico"),
        "p-br-del": Proposal("p-br-del", DELETE, author="Brazil"),
        "p-ch": Proposal("p-ch", INSERT, author="Switzerland"),
    }
    footnotes = {"fn1": Footnote("fn1", [Text("See "), span("p-ch", "", "A/80/1 and "), Text("A/79/1.")])}
    return Document(
        kind=DocumentKind.DRAFT_RESOLUTION, blocks=blocks, proposals=proposals, footnotes=footnotes
    )


def open_compilation(window, document=None):
    session = window.open_document(document or compilation(), title="Compilation")
    show_panel(window)
    return session


def show_panel(window):
    window.actions["proposals"].trigger()  # Document ▸ Proposals
    assert window.proposals.isVisible()
    return window.proposals


def row_texts(panel) -> list[tuple[str, str, str, str]]:
    tree = panel.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [
        (item.text(DELEGATION), item.text(PLACE), item.text(KIND), item.text(STATUS))
        for item in items
        if not item.isHidden()
    ]


def click_row(qtbot, panel, proposal_id: str) -> None:
    item = panel.item_for(proposal_id)
    assert item is not None
    assert not item.isHidden()
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(
        panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 20, rect.center().y())
    )
    assert proposal_id in panel.current_row().ids


def click(qtbot, widget) -> None:
    assert widget.isEnabled()
    assert widget.isVisible()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def undo(qtbot, session) -> None:
    session.editor.setFocus()
    qtbot.keyClick(session.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    session.refresh()


def drawn_colours(session, proposal_id: str) -> set[str]:
    """The colours the proposal's runs are drawn in: the layout's own formats (drawn over the
    text, ``ui.editor.proposal_colours``) where they set one, else the text's."""
    found = set()
    block = session.qdoc.firstBlock()
    while block.isValid():
        overlays = block.layout().formats()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if fmt.property(formats.PROPOSAL_ID) != proposal_id:
                continue
            colour = fmt.foreground().color().name()
            start = fragment.position() - block.position()
            for over in overlays:
                if over.start <= start < over.start + over.length and over.format.hasProperty(
                    QTextFormat.Property.ForegroundBrush
                ):
                    colour = over.format.foreground().color().name()
            found.add(colour)
        block = block.next()
    return found


def tooltips(session, proposal_id: str) -> set[str]:
    tips = set()
    block = session.qdoc.firstBlock()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.charFormat().property(formats.PROPOSAL_ID) == proposal_id:
                tips.add(fragment.charFormat().toolTip())
        block = block.next()
    return tips


def swatch_colour(panel, proposal_id: str) -> str:
    image = panel.item_for(proposal_id).icon(DELEGATION).pixmap(12, 12).toImage()
    return QColor(image.pixel(6, 6)).name()


def pixels(widget, colour: str) -> int:
    """How many pixels of the widget as drawn now are exactly ``colour``."""
    image = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)


# -- the rows -------------------------------------------------------------------------------------


def test_the_cica_paper_shows_its_proposal_and_a_click_goes_to_it(qtbot, window):
    session = open_corpus(window, CICA)
    panel = show_panel(window)
    assert row_texts(panel) == [("a Member State", "section II, item 5", "deletion", "pending")]
    row = panel.rows()[0]
    assert "intelligence sharing" in row.rationale
    assert window.proposal_commands.counts_label.text() == "0 agreed ad ref · 1 with pending proposals"
    assert window.proposal_commands.counts_label.isVisible()

    click_row(qtbot, panel, row.proposal_id)
    cursor = session.editor.textCursor()
    assert cursor.selectedText() == "through regular intelligence sharing"
    assert cursor.charFormat().property(formats.PROPOSAL_ID) == row.proposal_id
    assert "through regular intelligence sharing" in panel.detail.text()

    click(qtbot, panel.withdraw_button)
    assert row_texts(panel)[0][3] == "withdrawn"
    assert session.history.undoText() == "Withdraw proposal by a Member State"
    assert drawn_colours(session, row.proposal_id) == {formats.GREYED_COLOUR}
    assert window.proposal_commands.counts_label.text() == "0 agreed ad ref · 0 with pending proposals"
    undo(qtbot, session)
    assert row_texts(panel)[0][3] == "pending"
    assert session.base.proposals[row.proposal_id].status is ProposalStatus.PROPOSED
    assert drawn_colours(session, row.proposal_id) == {formats.delegation_colour("a Member State").name()}


def test_every_proposal_is_a_row_with_delegation_place_kind_and_status(qtbot, window):
    session = open_compilation(window)
    panel = window.proposals
    assert row_texts(panel) == [
        ("Mexico", "PP 1", "insertion", "pending"),
        ("Japan", "OP 1", "replacement", "pending"),
        ("European Union", "OP 1", "deletion", "pending"),
        ("Brazil", "OP 4 → OP 1 bis", "move", "pending"),
        ("Russian Federation", "OP 2", "insertion", "bracketed"),
        ("Mexico", "OP 2", "deletion", "pending"),
        ("Switzerland", "footnote 1", "insertion", "pending"),
    ]
    japan = panel.rows()[1]
    assert (japan.deleted, japan.inserted, japan.rationale) == ("convene", "hold", "Simpler wording")
    assert panel.item_for("p-jp").text(WORDS) == "convene → hold"
    # the delegation's colour swatch: the colour its text is drawn in
    assert {swatch_colour(panel, "p-jp")} == drawn_colours(session, "p-jp")
    assert window.proposal_commands.counts_label.text() == "0 agreed ad ref · 5 with pending proposals"


def test_the_filters_narrow_the_rows(qtbot, window):
    open_compilation(window)
    panel = window.proposals
    panel.delegation_filter.setFocus()
    qtbot.keyClicks(panel.delegation_filter, "Mex")
    assert panel.delegation_filter.currentText() == "Mexico"
    assert [r[1] for r in row_texts(panel)] == ["PP 1", "OP 2"]
    qtbot.keyClicks(panel.status_filter, "Brack")
    assert row_texts(panel) == []
    assert panel.empty_label.isVisible()
    assert "filters" in panel.empty_label.text()
    qtbot.keyClick(panel.delegation_filter, Qt.Key.Key_Home)  # all delegations
    assert row_texts(panel) == [("Russian Federation", "OP 2", "insertion", "bracketed")]
    qtbot.keyClick(panel.status_filter, Qt.Key.Key_Home)
    qtbot.keyClicks(panel.place_filter, "OP 1")
    assert [r[0] for r in row_texts(panel)] == ["Japan", "European Union"]
    qtbot.keyClick(panel.place_filter, Qt.Key.Key_Home)
    qtbot.keyClicks(panel.search, "rule of law")
    assert [r[0] for r in row_texts(panel)] == ["Mexico"]
    panel.search.clear()
    assert len(row_texts(panel)) == 7


def test_a_click_shows_the_proposal_and_enter_goes_into_the_text(qtbot, window):
    session = open_compilation(window)
    panel = window.proposals
    click_row(qtbot, panel, "p-ru")
    cursor = session.editor.textCursor()
    assert cursor.selectedText() == "urgently "
    assert cursor.charFormat().property(formats.PROPOSAL_ID) == "p-ru"
    assert window.place_label.text() == "OP 2"
    # Enter on the footnote's proposal: to the footnote's reference, and into the text
    click_row(qtbot, panel, "p-ch")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert session.editor.textCursor().charFormat().property(formats.NOTE_ID) == "fn1"
    assert window.focusWidget() is session.editor


# -- settling and statuses: one undo step each -----------------------------------------------------


def test_accept_reject_and_the_move_each_one_undo_step(qtbot, window):
    session = open_compilation(window)
    panel = window.proposals

    click_row(qtbot, panel, "p-jp")
    click(qtbot, panel.accept_button)
    assert session.history.undoText() == "Accept proposal by Japan"
    assert plain_text(session.document().block("op1").content).startswith(
        "Decides to hold a high-level meeting"
    )
    assert "p-jp" not in {r.proposal_id for r in panel.rows()}
    undo(qtbot, session)
    assert "p-jp" in session.document().proposals
    assert panel.item_for("p-jp") is not None
    assert plain_text(session.document().block("op1").content, proposals="both").startswith(
        "Decides to convenehold"
    )

    click_row(qtbot, panel, "p-eu")
    click(qtbot, panel.reject_button)
    assert session.history.undoText() == "Reject proposal by European Union"
    assert plain_text(session.document().block("op1").content).endswith("meeting in 2027;")
    assert "p-eu" not in session.document().proposals
    undo(qtbot, session)
    assert "p-eu" in session.document().proposals

    click_row(qtbot, panel, "p-br-ins")
    assert panel.current_row().ids == ("p-br-ins", "p-br-del")
    click(qtbot, panel.accept_button)
    assert session.history.undoText() == "Accept move by Brazil"
    document = session.document()
    assert {"p-br-ins", "p-br-del"}.isdisjoint(document.proposals)
    assert [plain_text(b.content) for b in document.operative][1] == "Decides to remain seized of the matter;"
    assert len(document.operative) == 4  # the paragraph moved away from is gone
    undo(qtbot, session)
    document = session.document()
    assert {"p-br-ins", "p-br-del"} <= set(document.proposals)
    assert len(document.operative) == 5
    assert row_texts(panel)[3] == ("Brazil", "OP 5 → OP 2", "move", "pending")


def test_withdraw_and_the_status_menu_each_one_undo_step(qtbot, window):
    session = open_compilation(window)
    panel = window.proposals
    mexico = session.document().proposals["p-mx1"]
    colour = drawn_colours(session, "p-mx1")
    assert len(colour) == 1
    assert colour != {formats.GREYED_COLOUR}

    click_row(qtbot, panel, "p-mx1")
    click(qtbot, panel.withdraw_button)
    assert session.history.undoText() == "Withdraw proposal by Mexico"
    assert session.base.proposals["p-mx1"].status is ProposalStatus.WITHDRAWN
    assert mexico.status is ProposalStatus.PROPOSED  # the record kept for undo is not changed
    assert panel.item_for("p-mx1").text(STATUS) == "withdrawn"
    assert not panel.withdraw_button.isEnabled()
    assert drawn_colours(session, "p-mx1") == {formats.GREYED_COLOUR}
    assert all("Status: withdrawn" in tip for tip in tooltips(session, "p-mx1"))
    assert pixels(session.editor.viewport(), formats.GREYED_COLOUR) > 0
    undo(qtbot, session)
    assert session.base.proposals["p-mx1"].status is ProposalStatus.PROPOSED
    assert panel.item_for("p-mx1").text(STATUS) == "pending"
    assert drawn_colours(session, "p-mx1") == colour
    assert all("Status: proposed" in tip for tip in tooltips(session, "p-mx1"))
    assert not session.history.canUndo()

    click_row(qtbot, panel, "p-jp")
    panel.status_actions[ProposalStatus.AGREED_AD_REF].trigger()  # Status ▸ Agreed ad ref
    assert session.history.undoText() == "Mark proposal by Japan agreed ad ref"
    assert panel.item_for("p-jp").text(STATUS) == "agreed ad ref"
    assert panel.status_actions[ProposalStatus.AGREED_AD_REF].isChecked()

    click_row(qtbot, panel, "p-eu")
    panel.status_actions[ProposalStatus.BRACKETED].trigger()
    assert session.history.undoText() == "Bracket proposal by European Union"
    assert session.base.proposals["p-eu"].status is ProposalStatus.BRACKETED
    assert session.history.count() == 2
    undo(qtbot, session)
    assert session.base.proposals["p-eu"].status is ProposalStatus.PROPOSED
    assert session.base.proposals["p-jp"].status is ProposalStatus.AGREED_AD_REF
    undo(qtbot, session)
    assert session.base.proposals["p-jp"].status is ProposalStatus.PROPOSED
    assert panel.item_for("p-jp").text(STATUS) == "pending"


def test_the_panel_is_not_rebuilt_while_typing_leaves_the_proposals_alone(qtbot, window):
    session = open_compilation(window)
    panel = window.proposals
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    rows = panel.rows()
    put_cursor_at_end_of(session, "op3")
    qtbot.keyClicks(session.editor, " Soon")
    session.refresh()
    assert panel.rows() == rows
    assert [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())] == items
    # a new paragraph before them renumbers their places: the same items, updated
    put_cursor_at_end_of(session, "op1")
    qtbot.keyClick(session.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(session.editor, "Welcomes the report;")
    session.refresh()
    assert [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())] == items
    assert panel.item_for("p-ru").text(PLACE) == "OP 3"


# -- paragraphs agreed ad ref ---------------------------------------------------------------------------


def test_mark_paragraph_agreed_ad_ref_counts_survives_saving_and_undoes(qtbot, window, tmp_path, monkeypatch):
    session = open_compilation(window)
    counts = window.proposal_commands.counts_label
    action = window.actions["agreed_ad_ref"]
    assert counts.text() == "0 agreed ad ref · 5 with pending proposals"
    assert pixels(session.editor.viewport(), margin_marks.AGREED_PAPER.name()) == 0

    put_cursor_at_end_of(session, "op3")
    assert not action.isChecked()
    action.trigger()  # Document ▸ Mark paragraph agreed ad ref
    assert session.history.undoText() == "Mark OP 3 agreed ad ref"
    assert session.document().block("op3").agreed_ad_ref
    assert action.isChecked()
    assert counts.text() == "1 agreed ad ref · 5 with pending proposals"
    assert pixels(session.editor.viewport(), margin_marks.AGREED_PAPER.name()) > 20  # "ad ref" in the margin
    undo(qtbot, session)
    assert not session.document().block("op3").agreed_ad_ref
    assert not action.isChecked()
    assert counts.text() == "0 agreed ad ref · 5 with pending proposals"

    # the text's context menu has the same command
    point = session.editor.cursorRect().center()
    menu = build_menu(window, point)
    assert action in menu.actions()
    next(a for a in menu.actions() if a is action).trigger()
    assert session.document().block("op3").agreed_ad_ref
    put_cursor_at_end_of(session, "pp1")
    assert not action.isChecked()
    action.trigger()
    assert session.history.undoText() == "Mark PP 1 agreed ad ref"
    assert counts.text() == "2 agreed ad ref · 5 with pending proposals"

    target = tmp_path / "compilation.penholder"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions["save_as"].trigger()
    assert not session.modified
    window.actions["close"].trigger()
    reopened = window.files.open_path(target)
    document = reopened.document()
    assert [b.id for b in document.iter_blocks() if b.agreed_ad_ref] == ["pp1", "op3"]
    assert counts.text() == "2 agreed ad ref · 5 with pending proposals"
    assert pixels(reopened.editor.viewport(), margin_marks.AGREED_PAPER.name()) > 40
    put_cursor_at_end_of(reopened, "op3")
    assert action.isChecked()
    action.trigger()  # marked again: no longer agreed
    assert reopened.history.undoText() == "Unmark OP 3 agreed ad ref"
    assert counts.text() == "1 agreed ad ref · 5 with pending proposals"


# -- colours --------------------------------------------------------------------------------------------


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    qc = QColor(colour)
    r, g, b = (linear(v) for v in (qc.redF(), qc.greenF(), qc.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


TWELVE = [
    "Argentina", "Australia", "Brazil", "Canada", "China", "Egypt",
    "European Union", "India", "Japan", "Mexico", "Nigeria", "Russian Federation",
]  # fmt: skip


def twelve_delegations() -> Document:
    blocks, proposals = [], {}
    for number, name in enumerate(TWELVE, start=1):
        pid = f"p{number}"
        blocks.append(
            Block(f"op{number}", OP, [Text("Decides "), ProposalSpan(pid, [], [Text(f"({name}) ")])])
        )
        proposals[pid] = Proposal(pid, INSERT, author=name)
    return Document(kind=DocumentKind.DRAFT_RESOLUTION, blocks=blocks, proposals=proposals)


def test_the_first_twelve_delegations_get_twelve_clearly_different_colours(qtbot, window):
    session = open_compilation(window, twelve_delegations())
    colours = {}
    for number, name in enumerate(TWELVE, start=1):
        drawn = drawn_colours(session, f"p{number}")
        assert len(drawn) == 1
        colours[name] = drawn.pop()
    assert len(set(colours.values())) == 12
    closest = min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(colours.values(), 2))
    assert closest > 12  # CIE76 ΔE; the palette's own minimum is 12.7
    # the same for the same document, in another tab (or another session) as well
    again = open_compilation(window, twelve_delegations())
    assert {name: drawn_colours(again, f"p{n}").pop() for n, name in enumerate(TWELVE, 1)} == colours
    assert formats.DelegationColours().assign(TWELVE) == {n: QColor(c) for n, c in colours.items()}
    # the panel's swatches and delegation filter use them
    assert swatch_colour(window.proposals, "p10") == colours["Mexico"]


def test_a_colour_chosen_in_preferences_is_used_for_that_delegations_text(
    qtbot, window, tmp_path, monkeypatch
):
    session = open_compilation(window)
    before = drawn_colours(session, "p-mx1")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ff00aa"))
    seen = []

    def in_the_dialog():
        dialog = QApplication.activeModalWidget()
        try:
            seen.append(dialog.colours.names())
            button = dialog.colours.colour_buttons["Mexico"]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            seen.append(button.text())
            qtbot.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
            )
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    window.actions["preferences"].trigger()  # Edit ▸ Preferences…, modal
    assert {"Mexico", "Japan", "Brazil", "Switzerland"} <= set(seen[0])
    assert seen[1] == "#ff00aa"
    assert window.settings.delegation_colours == {"Mexico": "#ff00aa"}
    stored, notices = load_settings(tmp_path / "data" / "settings.json")
    assert stored.delegation_colours == {"Mexico": "#ff00aa"}
    assert notices == []

    assert drawn_colours(session, "p-mx1") == {"#ff00aa"} != before
    assert drawn_colours(session, "p-mx2") == {"#ff00aa"}
    assert pixels(session.editor.viewport(), "#ff00aa") > 0
    assert swatch_colour(window.proposals, "p-mx1") == "#ff00aa"
    # text written from now on (an undone acceptance writes the paragraph again) has it too
    click_row(qtbot, window.proposals, "p-mx1")
    click(qtbot, window.proposals.accept_button)
    undo(qtbot, session)
    assert drawn_colours(session, "p-mx1") == {"#ff00aa"}


def test_delegation_colours_in_the_settings_file_are_checked(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"delegation_colours": {"Mexico": "#FF00AA", "Japan": "red", "": "#000000", "Peru": 5}}),
        encoding="utf-8",
    )
    settings, notices = load_settings(path)
    assert settings.delegation_colours == {"Mexico": "#ff00aa"}
    assert notices == [
        "setting 'delegation_colours': 3 entries not a delegation and a #rrggbb colour, left out"
    ]
    path.write_text(json.dumps({"delegation_colours": ["Mexico"]}), encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings.delegation_colours == {}
    assert "the default is used" in notices[0]


def test_the_preferences_colour_table_adds_and_resets_delegations(qtbot, monkeypatch):
    dialog = PreferencesDialog(Settings(delegation="Kazakhstan", delegation_colours={"Peru": "#123456"}))
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.colours
    assert {"Peru", "Kazakhstan"} <= set(table.names())
    assert table.colour_buttons["Peru"].text() == "#123456"
    assert "(automatic)" in table.colour_buttons["Kazakhstan"].text()
    assert not table.automatic_buttons["Kazakhstan"].isEnabled()
    # a delegation typed in and Enter: added, and the dialog stays open
    qtbot.keyClicks(table.new_name, "Viet Nam")
    qtbot.keyClick(table.new_name, Qt.Key.Key_Return)
    assert "Viet Nam" in table.names()
    assert dialog.isVisible()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#00aa55"))
    click(qtbot, table.colour_buttons["Viet Nam"])
    click(qtbot, table.automatic_buttons["Peru"])  # back to an automatic colour
    assert dialog.settings().delegation_colours == {"Viet Nam": "#00aa55"}
    # a colour dialog cancelled changes nothing
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor())
    click(qtbot, table.colour_buttons["Kazakhstan"])
    assert dialog.settings().delegation_colours == {"Viet Nam": "#00aa55"}
