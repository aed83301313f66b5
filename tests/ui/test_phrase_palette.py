"""The phrase palette: grouped suggestions for the document, filtering as you type, choosing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from drafting.model import Document, Masthead
from tests.helpers import load
from ui.phrase_palette import OPERATIVE_GROUP, PREAMBULAR_GROUP, STANDARD_GROUP, PhrasePalette


@pytest.fixture(scope="module")
def res_67_193() -> Document:
    return load("ga-res-67-193-en.txt").document


@pytest.fixture
def palette(qtbot) -> PhrasePalette:
    widget = PhrasePalette()
    qtbot.addWidget(widget)
    widget.resize(360, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_texts(palette: PhrasePalette) -> list[str]:
    return [text for _, text, _ in palette.visible_entries()]


def groups_in_order(palette: PhrasePalette) -> list[str]:
    seen: list[str] = []
    for group, _, _ in palette.visible_entries():
        if group not in seen:
            seen.append(group)
    return seen


def item_for(palette: PhrasePalette, text: str):
    matches = palette.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    assert len(matches) == 1, f"{text!r} shown {len(matches)} times"
    return matches[0]


def double_click(qtbot, palette: PhrasePalette, text: str) -> None:
    item = item_for(palette, text)
    palette.tree.scrollToItem(item)
    rect = palette.tree.visualItemRect(item)
    viewport = palette.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_search_field(palette):
    assert palette.search_field.placeholderText() == "Search phrases"


def test_groups_follow_the_kind_at_the_cursor(palette, res_67_193):
    palette.set_context(res_67_193, "preambular")
    assert groups_in_order(palette) == [PREAMBULAR_GROUP, OPERATIVE_GROUP, STANDARD_GROUP]
    palette.set_context(res_67_193, "operative")
    assert groups_in_order(palette) == [OPERATIVE_GROUP, PREAMBULAR_GROUP, STANDARD_GROUP]
    assert palette.visible_entries()[0] == (OPERATIVE_GROUP, "Further urges", "operative")
    standard = [(text, kind) for group, text, kind in palette.visible_entries() if group == STANDARD_GROUP]
    assert standard[0][1] == "operative"


def test_openers_carry_also_and_further(palette, res_67_193):
    palette.set_context(res_67_193, "preambular")
    shown = shown_texts(palette)
    assert "Recalling further" in shown
    assert "Recalling" not in shown
    assert "Further decides" in shown
    assert "Having considered" in shown  # not used in 67/193: plain form
    palette.set_context(Document(), "preambular")
    assert "Recalling" in shown_texts(palette)
    assert "Recalling further" not in shown_texts(palette)


def test_typing_filters_and_double_click_chooses(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "preambular")
    qtbot.keyClicks(palette.search_field, "recalling")
    shown = shown_texts(palette)
    assert "Recalling further" in shown
    assert "Reaffirming further" not in shown
    assert "Recalling further its resolution [number] of [date]," in shown  # the standard paragraph
    assert all("recalling" in text.casefold() for text in shown)
    assert groups_in_order(palette) == [PREAMBULAR_GROUP, STANDARD_GROUP]  # no operative opener matches
    with qtbot.waitSignal(palette.chosen) as blocker:
        double_click(qtbot, palette, "Recalling further")
    assert blocker.args == ["Recalling further", "preambular"]


def test_enter_in_the_search_field_chooses_the_first_match(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "operative")
    qtbot.keyClicks(palette.search_field, "decides")
    assert shown_texts(palette)[0] == "Further decides"
    with qtbot.waitSignal(palette.chosen) as blocker:
        qtbot.keyClick(palette.search_field, Qt.Key.Key_Return)
    assert blocker.args == ["Further decides", "operative"]


def test_arrow_down_then_enter_in_the_list(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "operative")
    qtbot.keyClicks(palette.search_field, "urges")
    qtbot.keyClick(palette.search_field, Qt.Key.Key_Down)
    assert palette.current_text() == shown_texts(palette)[0]
    qtbot.keyClick(palette.tree, Qt.Key.Key_Down)
    expected = palette.current_text()
    assert expected == shown_texts(palette)[1]
    with qtbot.waitSignal(palette.chosen) as blocker:
        qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert blocker.args[0] == expected


def test_a_filter_with_no_match_shows_nothing_and_chooses_nothing(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "preambular")
    qtbot.keyClicks(palette.search_field, "zzzz")
    assert palette.visible_entries() == []
    with qtbot.assertNotEmitted(palette.chosen):
        qtbot.keyClick(palette.search_field, Qt.Key.Key_Return)
    palette.search_field.clear()
    assert len(palette.visible_entries()) > 100


def test_double_clicking_a_group_header_chooses_nothing(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "preambular")
    header = palette.tree.topLevelItem(0)
    rect = palette.tree.visualItemRect(header)
    with qtbot.assertNotEmitted(palette.chosen):
        qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_standard_paragraphs_name_the_next_session(qtbot, palette, res_67_193):
    palette.set_context(res_67_193, "operative")
    qtbot.keyClicks(palette.search_field, "report on the implementation")
    report = (
        "Further requests the Secretary-General to submit to the General Assembly at its sixty-eighth "
        "session a report on the implementation of the present resolution;"
    )
    assert shown_texts(palette) == [report]
    with qtbot.waitSignal(palette.chosen) as blocker:
        double_click(qtbot, palette, report)
    assert blocker.args == [report, "operative"]


def test_a_new_document_gets_the_session_after_its_own(qtbot, palette):
    document = Document(masthead=Masthead(organ="General Assembly", session="Eighty-first session"))
    palette.set_context(document, "operative")
    qtbot.keyClicks(palette.search_field, "eighty-second")
    shown = shown_texts(palette)
    assert any(t.startswith("Requests the Secretary-General to submit") for t in shown)
    assert any(t.startswith("Decides to include in the provisional agenda") for t in shown)


def test_the_filter_survives_a_new_context(qtbot, palette, res_67_193):
    palette.set_context(Document(), "preambular")
    qtbot.keyClicks(palette.search_field, "recall")
    assert "Recalling" in shown_texts(palette)
    palette.set_context(res_67_193, "preambular")
    assert "Recalling further" in shown_texts(palette)
    assert "Welcoming further" not in shown_texts(palette)


def test_the_title_of_a_standard_paragraph_is_searchable(qtbot, palette):
    palette.set_context(Document(), "preambular")
    qtbot.keyClicks(palette.search_field, "extrabudgetary")
    assert [kind for _, _, kind in palette.visible_entries()] == ["operative"]
    palette.search_field.clear()
    qtbot.keyClicks(palette.search_field, "earlier resolution")  # the title, not in the text
    assert shown_texts(palette) == ["Recalling its resolution [number] of [date],"]
