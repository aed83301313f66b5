"""The exported DOCX files as LibreOffice sees them: rendered to PDF, and re-saved.

Needs LibreOffice and poppler (``.ci/run`` installs them). Without them the tests are
skipped on a developer machine, but fail under CI, where a skip would hide a broken install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.docx_revisions import spaces_into_changes
from drafting.importers.docx_import import import_docx_file
from drafting.model import plain_text
from drafting.numbering import footnote_numbers
from tests.helpers import CORPUS_FILES, load, structure

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
if not (SOFFICE and PDFTOTEXT):
    if os.environ.get("CI"):
        raise RuntimeError("LibreOffice and pdftotext are required under CI (see .ci/run)")
    pytest.skip("LibreOffice or pdftotext not installed", allow_module_level=True)

# Words, and CJK characters one by one; punctuation is left out because a footnote marker
# sits between a word and its punctuation in print ("sharing¹;").
_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W\u3400-\u9fff]+")


def soffice(args: list[str], workdir: Path) -> None:
    profile = workdir / "lo-profile"
    command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", *args]
    run = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every corpus text exported (tracked changes for the CICA paper), as DOCX, PDF text and
    a DOCX re-saved by LibreOffice through ODT."""
    work = tmp_path_factory.mktemp("lo")
    names = []
    for name in CORPUS_FILES:
        stem = Path(name).stem
        options = DocxOptions(proposals="tracked") if stem.startswith("cica") else DocxOptions()
        (work / f"{stem}.docx").write_bytes(export_docx(load(name).document, options).data)
        names.append(stem)
    docx = [f"{n}.docx" for n in names]
    soffice(["--convert-to", "pdf", "--outdir", "pdf", *docx], work)
    soffice(["--convert-to", "odt", "--outdir", "odt", *docx], work)
    soffice(
        ["--convert-to", "docx:MS Word 2007 XML", "--outdir", "back", *[f"odt/{n}.odt" for n in names]], work
    )
    texts = {}
    for stem in names:
        subprocess.run([PDFTOTEXT, "-layout", f"pdf/{stem}.pdf", f"pdf/{stem}.txt"], cwd=work, check=True)
        texts[stem] = (work / "pdf" / f"{stem}.txt").read_text(encoding="utf-8")
    return work, texts


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def assert_in_order(pieces: list[str], pdf_text: str, what: str) -> None:
    """Each piece's words appear in the PDF in order (pieces may be split by page breaks)."""
    stream = "".join(pdf_text.split())
    position = 0
    for piece in pieces:
        start = None
        for token in tokens(piece):
            found = stream.find(token, position)
            assert found >= 0, f"{what}: {token!r} of {piece[:60]!r} missing after position {position}"
            if start is not None:
                assert found - position < 4000, f"{what}: {piece[:60]!r} is scattered"
            start = found if start is None else start
            position = found + len(token)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_paragraph_and_footnote_is_rendered_in_order(rendered, name):
    _, texts = rendered
    document = load(name).document
    pdf_text = texts[Path(name).stem]
    paragraphs = [plain_text(b.content) for b in document.iter_blocks()]
    assert_in_order([p for p in paragraphs if p.strip()], pdf_text, "paragraphs")
    numbers = footnote_numbers(document)
    notes = sorted(document.footnotes.values(), key=lambda f: numbers[f.id])
    assert_in_order([plain_text(f.content) for f in notes], pdf_text, "footnotes")


def test_67_193_shows_25_footnotes(rendered):
    _, texts = rendered
    document = load("ga-res-67-193-en.txt").document
    numbers = footnote_numbers(document)
    pdf_text = texts["ga-res-67-193-en"]
    for footnote in document.footnotes.values():
        first_words = " ".join(plain_text(footnote.content).split()[:3])
        pattern = rf"^\s*{numbers[footnote.id]}\s+{re.escape(first_words)}"
        assert re.search(pattern, pdf_text, re.MULTILINE), f"footnote {numbers[footnote.id]} not shown"
    assert not re.search(r"^\s*26\s", pdf_text, re.MULTILINE)


def test_67_193_pages_carry_symbol_and_page_number_on_the_outer_side(rendered):
    """UN page furniture as LibreOffice lays it out: page 1 has none but the masthead and its
    footer; pages 2+ the symbol above and "n/m" below, left on even pages, right on odd ones."""
    _, texts = rendered
    pages = texts["ga-res-67-193-en"].split("\f")
    pages = [page for page in pages if page.strip()]
    total = len(pages)
    assert total > 3
    assert f"1/{total}" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        lines = [line for line in page.splitlines() if line.strip()]
        header, footer = lines[0], lines[-1]
        assert header.strip() == "A/RES/67/193", (number, header)
        assert footer.strip() == f"{number}/{total}", (number, footer)
        outer_left = number % 2 == 0
        assert (header.startswith("A/RES") and footer.startswith(f"{number}/")) == outer_left, (
            header,
            footer,
        )


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_libreoffice_resave_imports_the_same(rendered, name):
    work, _ = rendered
    resaved = (work / "back" / f"{Path(name).stem}.docx").read_bytes()
    again = import_docx_file(resaved, name).document
    original = load(name).document
    if Path(name).stem.startswith("cica"):  # exported tracked: the space before the deleted
        for block in original.iter_blocks():  # words travels inside the deletion
            block.content = spaces_into_changes(block.content)
    assert structure(again) == structure(original)


def test_the_order_check_notices_missing_text(rendered):
    _, texts = rendered
    with pytest.raises(AssertionError):
        assert_in_order(
            ["Recalling its resolution 53/115 of 9 December 1998", "Deliberately absent words"],
            texts["ga-res-67-193-en"],
            "paragraphs",
        )


def test_comparison_redline_renders_with_its_changes(tmp_path):
    from drafting.compare import compare
    from drafting.compare.redline import redline_document
    from drafting.importers.text_import import import_text
    from tests.helpers import CORPUS

    source = (CORPUS / "ga-res-67-193-en.txt").read_text(encoding="utf-8")
    revised = source.replace("effective cooperation and practical", "efficient cooperation and practical")
    revised = revised.replace(
        "4. *Encourages* Member States",
        "4. *Decides* to convene an intersessional meeting;\n\n5. *Encourages* Member States",
    )
    comparison = compare(import_text(source).document, import_text(revised).document)
    redline = redline_document(comparison, "Facilitator")
    data = export_docx(redline.document, DocxOptions(proposals="tracked"), redline.deleted_labels).data
    (tmp_path / "redline.docx").write_bytes(data)
    soffice(["--convert-to", "pdf", "--outdir", "pdf", "redline.docx"], tmp_path)
    subprocess.run([PDFTOTEXT, "-layout", "pdf/redline.pdf", "pdf/redline.txt"], cwd=tmp_path, check=True)
    text = (tmp_path / "pdf" / "redline.txt").read_text(encoding="utf-8")
    # LibreOffice shows tracked changes: both the deleted and the inserted words are on the page.
    assert "effective" in text
    assert "efficient" in text
    assert "Decides to convene an intersessional meeting;" in " ".join(text.split())


def test_a_proposal_inside_a_footnote_loads_with_its_author_as_a_tag(tmp_path):
    """A footnote may hold no footnote: LibreOffice refused the whole file ("source file could
    not be loaded") when a proposal in a footnote got its attribution as a footnote of its own."""
    from drafting.importers import load_document
    from drafting.model import Proposal, ProposalKind, ProposalSpan, Text
    from tests.helpers import CORPUS

    document = load_document(CORPUS / "ga-res-67-193-en.txt").document
    note = next(iter(document.footnotes.values()))
    note.content = [*note.content, ProposalSpan("p1", [], [Text(" and Corr.1")])]
    document.proposals["p1"] = Proposal("p1", ProposalKind.INSERT, author="Japan")
    (tmp_path / "note.docx").write_bytes(export_docx(document, DocxOptions(proposals="markup")).data)
    with zipfile.ZipFile(tmp_path / "note.docx") as package:
        footnotes = package.read("word/footnotes.xml").decode("utf-8")
    assert "footnoteReference" not in footnotes
    assert "(Japan)" in footnotes
    soffice(["--convert-to", "pdf", "--outdir", "pdf", "note.docx"], tmp_path)
    assert (tmp_path / "pdf" / "note.pdf").exists(), "LibreOffice could not load the file"
    subprocess.run([PDFTOTEXT, "-layout", "pdf/note.pdf", "pdf/note.txt"], cwd=tmp_path, check=True)
    assert "and Corr.1 (Japan)" in " ".join(
        (tmp_path / "pdf" / "note.txt").read_text(encoding="utf-8").split()
    )
