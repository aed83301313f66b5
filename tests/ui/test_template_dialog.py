"""The "New document" chooser, driven as a user would: click a template, type, press Create or Cancel."""

from __future__ import annotations

import datetime
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit

from drafting.model import BlockKind, DocumentKind
from ui.template_dialog import TemplateDialog, split_sponsor_names


@pytest.fixture
def dialog(qtbot):
    widget = TemplateDialog(on=datetime.date(2026, 6, 1))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_template(qtbot, dialog, name):
    items = dialog.templates.findItems(name, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, name
    rect = dialog.templates.visualItemRect(items[0])
    qtbot.mouseClick(dialog.templates.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.templates.currentItem() is items[0]


def set_date(qtbot, dialog, year, month, day):
    with qtbot.waitSignal(dialog.date.dateChanged):
        dialog.date.setDate(QDate(year, month, day))


def button(dialog, which):
    return dialog.buttons.button(which)


def test_lists_every_template_with_its_description(dialog):
    names = [dialog.templates.item(row).text() for row in range(dialog.templates.count())]
    assert names == [
        "General Assembly resolution",
        "General Assembly draft resolution",
        "Economic and Social Council resolution",
        "Security Council resolution",
        "Commission on Narcotic Drugs resolution",
        "Concept paper",
        "Empty document",
    ]
    assert "General Assembly resolution" in dialog.description.text()


def test_date_defaults_to_today(qtbot):
    widget = TemplateDialog()
    qtbot.addWidget(widget)
    assert widget.date.date() == QDate.currentDate()


def test_ga_draft_in_november_2026(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly draft resolution")
    assert "sponsors line" in dialog.description.text()
    set_date(qtbot, dialog, 2026, 11, 23)
    assert dialog.session.text() == "Eighty-first session"
    assert dialog.symbol.placeholderText() == "A/81/L.__"
    qtbot.keyClicks(dialog.agenda_item, "64")
    qtbot.keyClicks(dialog.sponsors, "Kazakhstan, Kyrgyzstan, Trinidad and Tobago")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    document = dialog.chosen_document()
    head = document.masthead
    assert document.kind is DocumentKind.DRAFT_RESOLUTION
    assert head.session == "Eighty-first session"
    assert head.date == "23 November 2026"
    assert head.symbol == "A/81/L.__"
    assert head.agenda_item == "64"
    assert head.sponsors == ["Kazakhstan", "Kyrgyzstan", "Trinidad and Tobago"]
    assert head.designation == "draft resolution"
    assert [b.kind for b in document.blocks] == [BlockKind.PREAMBULAR, BlockKind.OPERATIVE]


def test_five_sponsors_with_a_final_and_reach_the_docx_as_five(qtbot, dialog):
    """Issue 12, point 8: "…, Turkmenistan and Uzbekistan" was one name, "Turkmenistan and
    Uzbekistan", and the DOCX read "…, Tajikistan and Turkmenistan and Uzbekistan"."""
    import io

    import docx as python_docx

    from drafting.exporters import export_docx

    typed = "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan"
    click_template(qtbot, dialog, "General Assembly draft resolution")
    qtbot.keyClicks(dialog.sponsors, typed)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    document = dialog.chosen_document()
    assert document.masthead.sponsors == [
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    ]
    paragraphs = [p.text for p in python_docx.Document(io.BytesIO(export_docx(document).data)).paragraphs]
    sponsors = [text for text in paragraphs if text.endswith(": draft resolution")]
    assert sponsors == [f"{typed}: draft resolution"]


def test_typed_symbol_is_used(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly resolution")
    qtbot.keyClicks(dialog.symbol, "A/RES/80/123")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.symbol, Qt.Key.Key_Return)
    assert dialog.chosen_document().masthead.symbol == "A/RES/80/123"


def test_session_preview_follows_date_and_template(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly resolution")
    assert dialog.session.text() == "Eightieth session"
    set_date(qtbot, dialog, 2026, 9, 8)  # the 81st session opens that day
    assert dialog.session.text() == "Eighty-first session"
    set_date(qtbot, dialog, 2012, 12, 20)
    assert dialog.session.text() == "Sixty-seventh session"
    click_template(qtbot, dialog, "Economic and Social Council resolution")
    assert dialog.session.text() == "2012 session"
    click_template(qtbot, dialog, "Commission on Narcotic Drugs resolution")
    assert dialog.session.text() == "Fifty-fifth session"
    click_template(qtbot, dialog, "Security Council resolution")
    assert dialog.session.text().startswith("No session")
    assert dialog.session.isReadOnly()


def test_fields_follow_the_template(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly resolution")
    assert not dialog.sponsors.isEnabled()
    assert dialog.agenda_item.isEnabled()
    click_template(qtbot, dialog, "General Assembly draft resolution")
    assert dialog.sponsors.isEnabled()
    click_template(qtbot, dialog, "Security Council resolution")
    assert not dialog.agenda_item.isEnabled()
    assert dialog.symbol.isEnabled()
    click_template(qtbot, dialog, "Concept paper")
    assert not dialog.symbol.isEnabled()
    assert not dialog.agenda_item.isEnabled()
    assert not dialog.sponsors.isEnabled()


def test_sponsors_typed_then_template_changed_are_not_used(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly draft resolution")
    qtbot.keyClicks(dialog.sponsors, "France")
    click_template(qtbot, dialog, "General Assembly resolution")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    document = dialog.chosen_document()
    assert document.kind is DocumentKind.RESOLUTION
    assert document.masthead.sponsors == []


def test_double_click_creates(qtbot, dialog):
    items = dialog.templates.findItems("Empty document", Qt.MatchFlag.MatchExactly)
    rect = dialog.templates.visualItemRect(items[0])
    qtbot.mouseClick(dialog.templates.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseDClick(dialog.templates.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen_document().kind is DocumentKind.PLAIN


def test_cancel_gives_nothing(qtbot, dialog):
    click_template(qtbot, dialog, "General Assembly draft resolution")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen_document() is None


def test_escape_gives_nothing(qtbot, dialog):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.templates, Qt.Key.Key_Escape)
    assert dialog.chosen_document() is None


def test_split_sponsor_names():
    assert split_sponsor_names(" Kazakhstan ,, Bosnia and Herzegovina, and Uzbekistan ") == [
        "Kazakhstan",
        "Bosnia and Herzegovina",
        "Uzbekistan",
    ]
    assert split_sponsor_names("Mexico and Trinidad and Tobago") == ["Mexico", "Trinidad and Tobago"]
    assert split_sponsor_names(
        "United Kingdom of Great Britain and Northern Ireland and Saint Vincent and the Grenadines"
    ) == ["United Kingdom of Great Britain and Northern Ireland", "Saint Vincent and the Grenadines"]


@pytest.mark.parametrize("size", [(560, 400), (640, 440)])
def test_readable_at_a_normal_size(qtbot, dialog, size):
    assert dialog.minimumWidth() >= 560
    assert dialog.minimumHeight() >= 400
    click_template(qtbot, dialog, "General Assembly draft resolution")
    dialog.resize(*size)
    qtbot.waitUntil(lambda: dialog.size().width() == size[0])
    ours = [
        dialog.templates,
        dialog.description,
        dialog.date,
        dialog.session,
        dialog.agenda_item,
        dialog.symbol,
        dialog.sponsors,
        *dialog.buttons.buttons(),
        *(label for label in dialog.findChildren(QLabel) if label.isVisible()),
    ]
    for widget in ours:
        assert widget.isVisible()
        hint = widget.minimumSizeHint()
        assert widget.width() >= hint.width(), widget.objectName() or widget.text()
        assert widget.height() >= hint.height(), widget.objectName() or widget.text()
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()), widget.objectName()
    for field in dialog.findChildren(QLineEdit):
        if field.isVisible() and field.text():
            assert field.fontMetrics().horizontalAdvance(field.text()) < field.width(), field.objectName()
    rows = dialog.templates
    last = rows.visualItemRect(rows.item(rows.count() - 1))
    assert rows.viewport().rect().contains(last)
