"""The print rendering shows everything the editor paints (numbers, labels, footnote numbers)
as text, keeps marks and proposals, and goes into a PDF that a PDF reader can read."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from drafting.model import (
    Block,
    BlockKind,
    Document,
    DocumentKind,
    Footnote,
    Mark,
    Masthead,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.numbering import footnote_numbers
from tests.helpers import load
from ui.print_document import export_pdf, print_document, print_to

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")


@pytest.fixture(scope="module")
def resolution() -> Document:
    return load("ga-res-67-193-en.txt").document


@pytest.fixture(scope="module")
def cica() -> Document:
    return load("cica-concept-paper-rev1-en-ru-kk.txt").document


def fragments(text: QTextDocument):
    """(text, char format, block format) of every run of the rendering, tables included."""
    block = text.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            yield fragment.text(), fragment.charFormat(), block.blockFormat()
            iterator += 1
        block = block.next()


def pdf_text(path, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_operative_paragraph_carries_its_number(qtbot, resolution):
    text = print_document(resolution).toPlainText()
    op12 = plain_text(resolution.operative[11].content)
    assert f"12.\t{op12}" in text
    op17 = resolution.operative[16]
    first_sub = plain_text(op17.children[0].content)
    assert f"(a)\t{first_sub}" in text


def test_masthead_title_and_organ_line(qtbot, resolution):
    text = print_document(resolution)
    plain = text.toPlainText()
    assert "A/RES/67/193" in plain
    assert "Sixty-seventh session" in plain
    assert "Agenda item 104" in plain
    assert "67/193. International cooperation against the world drug problem" in plain
    formats = {run: (char, block) for run, char, block in fragments(text)}
    _symbol_char, symbol_block = formats["A/RES/67/193"]
    assert symbol_block.alignment() & Qt.AlignmentFlag.AlignRight
    title_char, title_block = formats["67/193. International cooperation against the world drug problem"]
    assert title_char.fontWeight() >= 700
    assert title_block.alignment() & Qt.AlignmentFlag.AlignHCenter
    organ_char, _ = formats["The General Assembly"]
    assert organ_char.fontItalic()
    # An operative number hangs in the indent: the paragraph's later lines line up with its text.
    op_block = next(block for run, _c, block in fragments(text) if run.startswith("12.\t"))
    assert op_block.textIndent() < 0 < op_block.leftMargin()
    pp_block = next(block for run, _c, block in fragments(text) if run.startswith("Reaffirming"))
    assert pp_block.textIndent() > 0


def test_footnote_numbers_are_superscript_and_repeat(qtbot, resolution):
    numbers = footnote_numbers(resolution)
    text = print_document(resolution)
    superscripts = [
        run
        for run, char, _block in fragments(text)
        if char.verticalAlignment() == char.VerticalAlignment.AlignSuperScript and run.isdigit()
    ]
    # Footnote 15 is cited five times in 67/193: every citation shows its number (plus the note itself).
    fifteen = next(fid for fid, n in numbers.items() if n == 15)
    cited = sum(
        1
        for block in resolution.iter_blocks()
        for node in block.content
        if isinstance(node, NoteRef) and node.footnote_id == fifteen
    )
    assert cited > 1
    assert superscripts.count("15") == cited + 1


def test_footnote_texts_come_at_the_end_with_their_numbers(qtbot, resolution):
    plain = print_document(resolution).toPlainText()
    numbers = footnote_numbers(resolution)
    end = plain.index("20 December 2012", plain.index("60th plenary meeting"))
    for footnote_id, number in numbers.items():
        body = plain_text(resolution.footnotes[footnote_id].content)
        match = re.search(rf"(?m)^{number}\s+{re.escape(body)}$", plain)
        assert match, f"footnote {number} missing"
        assert match.start() > end
    assert plain.index("Resolution S-20/2, annex.") < plain.index("A/67/157.", end)


def test_proposals_are_struck_and_underlined(qtbot, cica):
    runs = list(fragments(print_document(cica)))
    struck = [run for run, char, _ in runs if char.fontStrikeOut()]
    assert struck == ["through regular intelligence sharing"]

    document = Document(
        kind=DocumentKind.DRAFT_RESOLUTION,
        masthead=Masthead(
            symbol="A/C.3/80/L.7", sponsors=["Mexico", "Peru"], organ_line="The General Assembly,"
        ),
        blocks=[
            Block(
                "op1",
                BlockKind.OPERATIVE,
                [
                    Text("Decides "),
                    ProposalSpan("p1", [Text("to consider")], [Text("to keep under review")]),
                    Text(" the question"),
                    NoteRef("f1"),
                    Text(";"),
                ],
            )
        ],
        footnotes={"f1": Footnote("f1", [Text("See A/80/1.")])},
        proposals={"p1": Proposal("p1", ProposalKind.REPLACE, author="Mexico")},
    )
    rendering = print_document(document)
    runs = list(fragments(rendering))
    assert [run for run, char, _ in runs if char.fontStrikeOut()] == ["to consider"]
    assert [run for run, char, _ in runs if char.fontUnderline()] == ["to keep under review"]
    plain = rendering.toPlainText()
    assert "Mexico and Peru: draft resolution" in plain
    assert "1.\tDecides to consider to keep under review (Mexico) the question1;" in plain


def test_marks_are_kept(qtbot):
    document = Document(
        blocks=[
            Block(
                "p1",
                BlockKind.PREAMBULAR,
                [
                    Text("Recalling", frozenset({Mark.ITALIC})),
                    Text(" the "),
                    Text("World Drug Report", frozenset({Mark.BOLD, Mark.UNDERLINE})),
                    Text(" old", frozenset({Mark.STRIKE})),
                    Text(","),
                ],
            )
        ]
    )
    runs = {run: char for run, char, _ in fragments(print_document(document))}
    assert runs["Recalling"].fontItalic()
    assert not runs[" the "].fontItalic()
    assert runs["World Drug Report"].fontWeight() >= 700
    assert runs["World Drug Report"].fontUnderline()
    assert runs[" old"].fontStrikeOut()


def test_headings_of_a_concept_paper_carry_numerals(qtbot, cica):
    plain = print_document(cica).toPlainText()
    assert re.search(r"(?m)^II\.\t\S", plain)
    assert re.search(r"(?m)^VI\.\tImplementation$", plain)


def test_arabic_is_laid_out_right_to_left_and_chinese_has_a_chinese_font(qtbot):
    italic = frozenset({Mark.ITALIC})
    document = Document(
        language="ar",
        masthead=Masthead(organ="الجمعية العامة", symbol="A/RES/67/193", session="الدورة السابعة والستون"),
        blocks=[
            Block(
                "p1",
                BlockKind.PREAMBULAR,
                [Text("إذ تؤكد من جديد", italic), Text(" "), Text("Ibid.", italic)],
            ),
            Block("o1", BlockKind.OPERATIVE, [Text("تقرر أن تبقي المسألة قيد نظرها؛")]),
        ],
    )
    runs = list(fragments(print_document(document)))
    assert {block.layoutDirection() for _r, _c, block in runs} == {Qt.LayoutDirection.RightToLeft}
    # The operative number ("1 -", as Arabic UN texts print it) hangs on the right, where an Arabic line starts.
    operative = next(block for run, _c, block in runs if run.startswith("1 -\t"))
    assert operative.rightMargin() > 0 == operative.leftMargin()
    # The masthead is mirrored: the organ on the right, the symbol on the left.
    organ = next(block for run, _c, block in runs if run == "الجمعية العامة")
    symbol = next(block for run, _c, block in runs if run == "A/RES/67/193")
    assert organ.alignment() & Qt.AlignmentFlag.AlignRight
    assert symbol.alignment() & Qt.AlignmentFlag.AlignLeft
    # Arabic script is never slanted (fonts without slanted Arabic glyphs would print blanks).
    assert not next(char for run, char, _b in runs if "إذ تؤكد" in run).fontItalic()
    assert next(char for run, char, _b in runs if run == "Ibid.").fontItalic()
    english = {
        block.layoutDirection() for _r, _c, block in fragments(print_document(document, language="en"))
    }
    assert Qt.LayoutDirection.RightToLeft not in english

    chinese = print_document(load("ga-draft-central-asia-drugs-zh.txt").document)
    families = chinese.defaultFont().families()
    assert families[0] == "Times New Roman"
    assert any(name in families for name in ("SimSun", "AR PL UMing CN"))
    assert chinese.defaultFont().pointSize() == 12


@needs_pdftotext
def test_pdf_of_a_resolution(qtbot, tmp_path, resolution):
    path = tmp_path / "67-193.pdf"
    export_pdf(resolution, path)
    assert path.read_bytes().startswith(b"%PDF")
    first_page = pdf_text(path, 1)
    assert "A/RES/67/193" in first_page
    assert "The General Assembly" in first_page
    everything = pdf_text(path)
    assert re.search(r"12\.\s+Expresses its concern", everything)
    assert "A/67/157." in everything


@needs_pdftotext
def test_pdf_of_the_cica_concept_paper_keeps_the_struck_text(qtbot, tmp_path, cica):
    path = tmp_path / "cica.pdf"
    export_pdf(cica, path)
    assert "through regular intelligence sharing" in " ".join(pdf_text(path).split())


@needs_pdftotext
def test_print_to_a_printer_uses_its_paper(qtbot, tmp_path, resolution):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    print_to(printer, resolution)
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True).stdout
    assert "612 x 792 pts" in info  # US Letter
    first_page = pdf_text(tmp_path / "printed.pdf", 1)
    assert "A/RES/67/193" in first_page
    assert "The General Assembly" in first_page


def test_pdf_to_an_unwritable_place_raises_a_clear_oserror(qtbot, tmp_path, resolution):
    target = tmp_path / "missing-folder" / "out.pdf"
    with pytest.raises(OSError, match=r"The PDF could not be saved as .*out\.pdf"):
        export_pdf(resolution, target)
    assert not target.parent.exists()


# --- File > Export as PDF in the window: made from the DOCX by LibreOffice, or the Qt fallback ------


def _menu_action(window, menu_title, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def _export_pdf_from_the_menu(qtbot, window, monkeypatch, target):
    """Open 67/193, choose File > Export as PDF…, answer the file dialog with ``target``.
    Returns the captions the file dialog was shown with and the messages boxes shown."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from tests.ui.window_helpers import RES_67_193, open_corpus

    captions, messages = [], []

    def save_dialog(parent, caption, folder, filters, *args, **kwargs):
        captions.append(caption)
        assert "*.pdf" in filters
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    open_corpus(window, RES_67_193)
    _menu_action(window, "&File", "Export as &PDF…").trigger()
    return captions, messages


def _producer(path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"Producer:\s*(.*)", info).group(1)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed",
)
def test_window_pdf_export_is_made_from_the_docx_by_libreoffice(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "67-193.pdf"
    captions, messages = _export_pdf_from_the_menu(qtbot, window, monkeypatch, target)
    # LibreOffice works off the GUI thread: the menu command returns at once and the window
    # keeps handling events (here a timer) while the PDF is being made.
    assert window.statusBar().currentMessage() == "Making 67-193.pdf with LibreOffice…"
    assert window.files.pdf_jobs.is_busy
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(window.files.pdf_jobs.is_busy))
    timer.start(20)
    qtbot.waitUntil(lambda: not window.files.pdf_jobs.is_busy, timeout=120_000)
    timer.stop()
    assert any(ticks), "the event loop ran while LibreOffice worked"
    assert captions == ["Export as PDF"]
    assert messages == []
    assert _producer(target).startswith("LibreOffice")
    assert window.statusBar().currentMessage() == "Exported 67-193.pdf"
    first_page = pdf_text(target, 1)
    assert "A/RES/67/193" in first_page
    # Real footnotes: footnote 1 on the first page, not gathered on the last one.
    assert re.search(r"^\s*Resolution S-20/2, annex\.\s*$", first_page, re.MULTILINE)


@needs_pdftotext
def test_window_pdf_export_without_libreoffice_says_so_and_falls_back_to_qt(
    qtbot, window, monkeypatch, tmp_path
):
    from drafting.exporters import pdf_export

    monkeypatch.setattr(pdf_export.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf_export, "_CANDIDATES", ())
    target = tmp_path / "67-193.pdf"
    captions, messages = _export_pdf_from_the_menu(qtbot, window, monkeypatch, target)
    (caption,) = captions
    assert "LibreOffice is not installed" in caption
    assert "footnotes at the end" in caption
    (message,) = messages
    assert "LibreOffice is not installed" in message
    assert "install LibreOffice" in message
    assert "LibreOffice is not installed" in window.statusBar().currentMessage()
    assert not _producer(target).startswith("LibreOffice")  # Qt's own PDF writer
    assert "A/RES/67/193" in pdf_text(target, 1)


@needs_pdftotext
def test_window_pdf_export_falls_back_to_qt_when_libreoffice_fails(qtbot, window, monkeypatch, tmp_path):
    """LibreOffice is there but fails on the worker thread: the user still gets a PDF, Qt's own,
    and is told why, on the GUI thread."""
    from drafting.exporters import pdf_export

    def broken(*args, **kwargs):
        raise pdf_export.PdfConversionFailed("LibreOffice stopped with exit status 81")

    monkeypatch.setattr(pdf_export, "export_pdf", broken)
    target = tmp_path / "67-193.pdf"
    _, messages = _export_pdf_from_the_menu(qtbot, window, monkeypatch, target)
    qtbot.waitUntil(lambda: not window.files.pdf_jobs.is_busy, timeout=60_000)
    (message,) = messages
    assert "exit status 81" in message
    assert "exit status 81" in window.statusBar().currentMessage()
    assert not _producer(target).startswith("LibreOffice")
    assert "A/RES/67/193" in pdf_text(target, 1)
