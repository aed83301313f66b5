"""Compiling delegations' returns into one attributed text (``drafting.compilation``, ``penholder compile``).

The base is A/RES/67/193 as a zero draft. Four returns are made here, each the way a delegation
would make it:

1. the European Union and 2. Japan: tracked changes in Word files written by Penholder (the edits
   are proposals put straight into the model, then exported in tracked mode);
3. Mexico: a flat ODT with tracked changes written here by hand, turned into a Word file by
   LibreOffice (skipped without LibreOffice, except under CI);
4. Switzerland: a clean edited copy (a Word file without tracked changes, whose document
   properties name Switzerland).

EU and Japan make one change identically (one proposal "European Union, Japan"); Japan and
Switzerland make one change identically, one tracked and one found by comparison; EU and Japan
change the same words differently (a collision: Japan's becomes "OP 16 alt"), and Mexico makes
Japan's change too (the alternative is "Japan, Mexico").
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from drafting import storage
from drafting.compilation import Compilation, Return, compile_returns, read_return
from drafting.exporters import DocxOptions, export_docx
from drafting.exporters.layout import masthead_lines, organ_line_parts
from drafting.exporters.text_export import export_text
from drafting.importers import load_document
from drafting.model import (
    Block,
    BlockKind,
    Document,
    Footnote,
    Inline,
    Mark,
    NoteRef,
    Proposal,
    ProposalKind,
    ProposalSpan,
    Text,
    plain_text,
)
from drafting.numbering import block_labels, footnote_numbers
from drafting.proposal_ops import accept_all, reject_all
from tests.helpers import CORPUS
from tests.test_cli import one_line_error, penholder

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ITALIC = frozenset({Mark.ITALIC})
EU, JAPAN, MEXICO, SWITZERLAND = "European Union", "Japan", "Mexico", "Switzerland"
EU_DATE, JAPAN_DATE, MEXICO_DATE = "2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z", "2026-03-04T10:00:00Z"
NEW_OP = "Invites Member States to share information on new psychoactive substances;"


def needs_libreoffice() -> None:
    if SOFFICE is None:
        if os.environ.get("CI"):
            raise RuntimeError("LibreOffice is required under CI (see .ci/run)")
        pytest.skip("LibreOffice not installed")


# --- making the returns ------------------------------------------------------------------------


def place(document: Document, reference: str) -> list[Inline]:
    """The content of the paragraph ("OP 3") or footnote ("fn 25") so called in ``document``."""
    if reference.startswith("fn "):
        numbers = footnote_numbers(document)
        number = int(reference.split()[1])
        return next(f for fid, f in document.footnotes.items() if numbers[fid] == number).content
    return block(document, reference).content


def block(document: Document, reference: str) -> Block:
    labels = block_labels(document)
    return next(b for b in document.iter_blocks() if labels[b.id].reference == reference)


def propose(
    document: Document, reference: str, before: str, old: str, new: str, author: str, date: str
) -> None:
    """Record, as a delegation's edit, ``old`` (found right after ``before``) replaced by ``new``."""
    content = place(document, reference)
    for i, node in enumerate(content):
        if isinstance(node, Text) and before + old in node.text:
            at = node.text.index(before + old) + len(before)
            proposal_id = f"edit-{len(document.proposals) + 1}"
            deleted = [Text(old, node.marks)] if old else []
            inserted = [Text(new, node.marks)] if new else []
            pieces = [
                Text(node.text[:at], node.marks),
                ProposalSpan(proposal_id, deleted, inserted),
                Text(node.text[at + len(old) :], node.marks),
            ]
            content[i : i + 1] = [p for p in pieces if not isinstance(p, Text) or p.text]
            kind = (
                ProposalKind.REPLACE if old and new else ProposalKind.DELETE if old else ProposalKind.INSERT
            )
            document.proposals[proposal_id] = Proposal(proposal_id, kind, author=author, date=date)
            return
    raise AssertionError(f"{before + old!r} not in {reference}")


def propose_paragraph(document: Document, after: str, opener: str, rest: str, author: str, date: str) -> None:
    target = block(document, after)
    proposal_id = f"edit-{len(document.proposals) + 1}"
    new = Block(
        "new-op", BlockKind.OPERATIVE, [ProposalSpan(proposal_id, [], [Text(opener, ITALIC), Text(rest)])]
    )
    document.blocks.insert(document.blocks.index(target) + 1, new)
    document.proposals[proposal_id] = Proposal(proposal_id, ProposalKind.INSERT, author=author, date=date)


def propose_deletion(document: Document, reference: str, author: str, date: str) -> None:
    target = block(document, reference)
    proposal_id = f"edit-{len(document.proposals) + 1}"
    target.content = [ProposalSpan(proposal_id, target.content, [])]
    document.proposals[proposal_id] = Proposal(proposal_id, ProposalKind.DELETE, author=author, date=date)


def edit(document: Document, reference: str, old: str, new: str) -> None:
    """A clean edit: the text changed, no trace of it."""
    content = place(document, reference)
    for i, node in enumerate(content):
        if isinstance(node, Text) and old in node.text:
            content[i] = Text(node.text.replace(old, new, 1), node.marks)
            return
    raise AssertionError(f"{old!r} not in {reference}")


def eu_return(base: Document) -> Document:
    document = copy.deepcopy(base)
    propose(document, "OP 3", "effective cooperation and ", "practical", "concrete", EU, EU_DATE)
    propose(document, "OP 16", "adopt, ", "where necessary", "where appropriate", EU, EU_DATE)
    opener, rest = NEW_OP.split(" ", 1)
    propose_paragraph(document, "OP 10", opener, " " + rest, EU, EU_DATE)
    return document


def japan_return(base: Document) -> Document:
    document = copy.deepcopy(base)
    propose(document, "OP 3", "effective cooperation and ", "practical", "concrete", JAPAN, JAPAN_DATE)
    propose(document, "OP 13", "it is ", "absolutely ", "", JAPAN, JAPAN_DATE)
    propose(document, "OP 16", "adopt, ", "where necessary", "as a matter of priority", JAPAN, JAPAN_DATE)
    propose_deletion(document, "OP 46", JAPAN, JAPAN_DATE)
    propose(document, "fn 25", "A/67/157", "", " and Corr.1", JAPAN, JAPAN_DATE)
    return document


MEXICO_CHANGES = {
    "OP 16": [("adopt, ", "where necessary", "as a matter of priority")],
    "OP 12": [("has ", "remained stable", "not decreased")],
    "fn 1": [("S-20/2, annex", "", ", para. 1")],
}


def switzerland_return(base: Document) -> Document:
    document = copy.deepcopy(base)
    edit(document, "OP 13", "absolutely imperative", "imperative")
    edit(document, "OP 4", "adequate consideration", "due consideration")
    moved = block(document, "PP 5")  # moved after PP 6
    document.blocks.remove(moved)
    document.blocks.insert(document.blocks.index(block(document, "PP 5")) + 1, moved)
    return document


_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def flat_odt(
    document: Document, changes: dict[str, list[tuple[str, str, str]]], author: str, date: str
) -> str:
    """``document`` as a flat ODT file (masthead lines, typed paragraph numbers, real footnotes,
    a repeated footnote as a superscript number), with ``changes`` recorded as ODF tracked changes
    (``<text:tracked-changes>``) by ``author``: the file a delegation's LibreOffice would save."""
    labels = block_labels(document)
    numbers = footnote_numbers(document)
    regions: list[str] = []
    cited: set[str] = set()
    info = (
        f"<office:change-info><dc:creator>{escape(author)}</dc:creator>"
        f"<dc:date>{date}</dc:date></office:change-info>"
    )

    def run(text: str, marks) -> str:
        return (
            f'<text:span text:style-name="I">{escape(text)}</text:span>'
            if Mark.ITALIC in marks
            else escape(text)
        )

    def change(old: str, new: str, marks) -> str:
        out = ""
        if old:
            regions.append(
                f'<text:changed-region xml:id="c{len(regions) + 1}" text:id="c{len(regions) + 1}">'
                f"<text:deletion>{info}<text:p>{run(old, marks)}</text:p></text:deletion></text:changed-region>"
            )
            out += f'<text:change text:change-id="c{len(regions)}"/>'
        if new:
            regions.append(
                f'<text:changed-region xml:id="c{len(regions) + 1}" text:id="c{len(regions) + 1}">'
                f"<text:insertion>{info}</text:insertion></text:changed-region>"
            )
            n = len(regions)
            out += (
                f'<text:change-start text:change-id="c{n}"/>{run(new, marks)}'
                f'<text:change-end text:change-id="c{n}"/>'
            )
        return out

    def inline(content: list[Inline], edits: list[tuple[str, str, str]]) -> str:
        out = []
        for node in content:
            if isinstance(node, Text):
                text = node.text
                for before, old, new in edits:
                    if before + old in text:
                        at = text.index(before + old) + len(before)
                        out.append(run(text[:at], node.marks) + change(old, new, node.marks))
                        text = text[at + len(old) :]
                out.append(run(text, node.marks))
            elif isinstance(node, NoteRef):
                number = numbers[node.footnote_id]
                if node.footnote_id in cited:
                    out.append(f'<text:span text:style-name="S">{number}</text:span>')
                    continue
                cited.add(node.footnote_id)
                body = inline(document.footnotes[node.footnote_id].content, changes.get(f"fn {number}", []))
                out.append(
                    f'<text:note text:id="n{number}" text:note-class="footnote"><text:note-citation>{number}'
                    f"</text:note-citation><text:note-body><text:p>{body}</text:p></text:note-body></text:note>"
                )
        return "".join(out)

    paragraphs = [escape(line.text) for line in masthead_lines(document)]
    before, italic, after = organ_line_parts(document)
    paragraphs.append(escape(before) + run(italic, ITALIC) + escape(after))

    def add(b: Block) -> None:
        label = labels[b.id].label
        paragraphs.append(
            (f"{label}\t" if label else "") + inline(b.content, changes.get(labels[b.id].reference, []))
        )
        for child in b.children:
            add(child)

    for b in document.blocks:
        add(b)
    for line in (document.masthead.adoption_meeting, document.masthead.adoption_date):
        paragraphs.append(run(line, ITALIC))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_ODF} office:version="1.3"'
        ' office:mimetype="application/vnd.oasis.opendocument.text">'
        f"<office:meta><dc:creator>{escape(author)}</dc:creator></office:meta><office:automatic-styles>"
        '<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>'
        '<style:style style:name="S" style:family="text"><style:text-properties style:text-position="super 58%"/>'
        "</style:style></office:automatic-styles><office:body><office:text>"
        f'<text:tracked-changes text:track-changes="true">{"".join(regions)}</text:tracked-changes>'
        + "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
        + "</office:text></office:body></office:document>"
    )


def libreoffice_docx(fodt: Path) -> Path:
    profile = fodt.parent / "lo-profile"
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx", "--outdir",
         str(fodt.parent), str(fodt)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return fodt.with_suffix(".docx")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """The base saved as a Penholder file, and the returns as files (Mexico's only with LibreOffice)."""
    work = tmp_path_factory.mktemp("compile")
    imported = load_document(CORPUS / "ga-res-67-193-en.txt").document
    storage.save(storage.PenholderFile(imported, []), work / "base.penholder")
    base = load_document(work / "base.penholder").document
    out = {"base": work / "base.penholder"}
    tracked = DocxOptions(proposals="tracked")
    (work / "eu.docx").write_bytes(export_docx(eu_return(base), tracked).data)
    (work / "japan.docx").write_bytes(export_docx(japan_return(base), tracked).data)
    (work / "clean.docx").write_bytes(
        export_docx(switzerland_return(base), DocxOptions(author=SWITZERLAND)).data
    )
    out.update(eu=work / "eu.docx", japan=work / "japan.docx", switzerland=work / "clean.docx")
    if SOFFICE:
        fodt = work / "mexico.fodt"
        fodt.write_text(flat_odt(base, MEXICO_CHANGES, MEXICO, MEXICO_DATE[:-1]), encoding="utf-8")
        out["mexico"] = libreoffice_docx(fodt)
    return out


def compiled(files: dict[str, Path], *names: str) -> Compilation:
    base = load_document(files["base"]).document
    return compile_returns(base, [read_return(files[name]) for name in names])


def proposals(document: Document) -> list[tuple[str, str, str, str]]:
    """(paragraph or footnote, author, deleted text, inserted text) of every proposal, in reading order."""
    labels = block_labels(document)
    numbers = footnote_numbers(document)
    places = [(labels[b.id].reference, b.content) for b in document.iter_blocks()]
    places += [
        (f"fn {numbers[fid]}", f.content)
        for fid, f in sorted(document.footnotes.items(), key=lambda i: numbers[i[0]])
    ]
    return [
        (where, document.proposals[n.proposal_id].author, plain_text(n.deleted), plain_text(n.inserted))
        for where, content in places
        for n in content
        if isinstance(n, ProposalSpan)
    ]


def texts(document: Document) -> dict[str, str]:
    numbers = footnote_numbers(document)
    labels = block_labels(document)
    out = {labels[b.id].reference: plain_text(b.content) for b in document.iter_blocks()}
    out.update({f"fn {numbers[fid]}": plain_text(f.content) for fid, f in document.footnotes.items()})
    return out


PP5 = (
    "Recalling further the adoption by the Economic and Social Council of its resolution 2012/12 of 26 July 2012"
    " on the strategy for the period 2012–2015 for the United Nations Office on Drugs and Crime,"
)
OP46 = "Further decides to conduct the special session and its preparatory process from within existing resources;"


# --- the compilation -------------------------------------------------------------------------


def test_four_returns_compile_to_exactly_the_expected_proposals(files):
    needs_libreoffice()
    result = compiled(files, "eu", "japan", "mexico", "switzerland")
    assert proposals(result.document) == [
        ("PP 5", SWITZERLAND, PP5, ""),
        ("PP 6 bis", SWITZERLAND, "", PP5),
        ("OP 3", "European Union, Japan", "practical", "concrete"),
        ("OP 4", SWITZERLAND, "adequate", "due"),
        ("OP 10 bis", EU, "", NEW_OP),
        ("OP 12", MEXICO, "remained stable", "not decreased"),
        ("OP 13", "Japan, Switzerland", "absolutely ", ""),
        ("OP 16", EU, "where necessary", "where appropriate"),
        ("OP 16 alt", "Japan, Mexico", "where necessary", "as a matter of priority"),
        ("OP 46", JAPAN, OP46, ""),
        ("fn 1", MEXICO, "", ", para. 1"),
        ("fn 25", JAPAN, "", " and Corr.1"),
    ]
    document = result.document
    alternative = block(document, "OP 16 alt")
    assert alternative.alternative_to == block(document, "OP 16").id
    moved = next(p for p in document.proposals.values() if p.move_of)
    assert document.proposals[moved.move_of].author == moved.author == SWITZERLAND
    assert result.report.summary() == "12 proposals from 4 delegations, 1 collision (kept as alternatives)"
    dates = {p.author: p.date for p in document.proposals.values()}
    assert dates[EU] == EU_DATE
    assert dates[JAPAN] == JAPAN_DATE
    assert dates[MEXICO] == MEXICO_DATE
    assert dates["Japan, Mexico"] == JAPAN_DATE  # the earliest of the two
    assert dates[SWITZERLAND] is None  # a clean copy carries no dates
    lines = [str(line) for line in result.report.returns]
    assert lines == [
        "European Union (eu.docx): 3 changes, read as tracked changes",
        "Japan (japan.docx): 5 changes, read as tracked changes",
        "Mexico (mexico.docx): 3 changes, read as tracked changes",
        "Switzerland (clean.docx): 4 changes, compared with the base (no proposals in it)",
    ]
    assert result.report.unplaced == []


def test_accepting_every_proposal_but_the_alternatives_gives_the_hand_merge(files):
    needs_libreoffice()
    document = compiled(files, "eu", "japan", "mexico", "switzerland").document
    document.blocks = [b for b in document.blocks if b.alternative_to is None]
    merged = texts(accept_all(document))
    base = texts(load_document(files["base"]).document)
    hand = {
        "PP 5": "Noting with appreciation the efforts of the Secretary-General to develop, within the United"
        " Nations system, an effective and comprehensive approach to transnational organized crime and the world"
        " drug problem, and reaffirming the crucial role of Member States in this regard,",
        "PP 6": PP5,
        "OP 3": "Calls upon Member States to engage in effective cooperation and concrete action aimed at addressing"
        " the world drug problem on the basis of the principle of common and shared responsibility;",
        "OP 4": "Encourages Member States to give due consideration to the negative effects of the world drug"
        " problem and its consequences on development and on society in general;",
        "OP 11": NEW_OP,
        "OP 13": "Expresses its concern that, despite the efforts of Member States and the international community,"
        " the extent of illicit drug use has not decreased, although patterns of abuse, production and"
        " trafficking continue to shift from country to country;",
        "OP 14": "Stresses that it is imperative for Member States to strengthen international efforts in order"
        " to achieve more effective results in countering the world drug problem;",
        "OP 17": "Encourages Member States to adopt, where appropriate, measures to strengthen public awareness of"
        " the risks, threats and negative impacts to society posed by the abuse of drugs;",
        "OP 47": "Takes note of the report of the Secretary-General, and requests that he submit to the General"
        " Assembly at its sixty-eighth session a report on the implementation of the present resolution.",
        "fn 1": "Resolution S-20/2, annex, para. 1.",
        "fn 25": "A/67/157 and Corr.1.",
    }
    assert {k: merged[k] for k in hand} == hand
    # Everything else reads as in the base: PP 5 and PP 6 changed places, the new OP 11 moves
    # OP 11-45 one further on, and OP 46 is gone.
    changed = {"PP 5", "PP 6", "OP 3", "OP 4", "OP 12", "OP 13", "OP 16", "OP 46", "OP 47", "fn 1", "fn 25"}
    for reference, text in base.items():
        if reference in changed:
            continue
        word, number, *rest = reference.split(" ")
        if word == "OP" and 11 <= int(number) <= 45:
            reference = " ".join(["OP", str(int(number) + 1), *rest])
        assert merged[reference] == text, reference
    assert len(merged) == len(base)


def test_without_libreoffice_three_returns_compile_exactly(files):
    result = compiled(files, "eu", "japan", "switzerland")
    assert proposals(result.document) == [
        ("PP 5", SWITZERLAND, PP5, ""),
        ("PP 6 bis", SWITZERLAND, "", PP5),
        ("OP 3", "European Union, Japan", "practical", "concrete"),
        ("OP 4", SWITZERLAND, "adequate", "due"),
        ("OP 10 bis", EU, "", NEW_OP),
        ("OP 13", "Japan, Switzerland", "absolutely ", ""),
        ("OP 16", EU, "where necessary", "where appropriate"),
        ("OP 16 alt", JAPAN, "where necessary", "as a matter of priority"),
        ("OP 46", JAPAN, OP46, ""),
        ("fn 25", JAPAN, "", " and Corr.1"),
    ]
    assert result.report.summary() == "10 proposals from 3 delegations, 1 collision (kept as alternatives)"
    document = result.document
    (moved,) = [p for p in document.proposals.values() if p.move_of]
    assert (moved.kind, document.proposals[moved.move_of].kind) == (ProposalKind.INSERT, ProposalKind.DELETE)
    assert sorted(result.moves) == sorted([moved.id, moved.move_of])
    assert block(document, "PP 6 bis").content == [
        ProposalSpan(moved.id, [], block(document, "PP 5").content[0].deleted)
    ]


def test_rejecting_every_proposal_and_alternative_gives_the_base(files):
    result = compiled(files, "eu", "japan", "switzerland")
    document = result.document
    document.blocks = [b for b in document.blocks if b.alternative_to is None]
    assert export_text(reject_all(document)) == export_text(load_document(files["base"]).document)


def test_a_named_return_is_the_author_of_all_its_changes(files):
    base = load_document(files["base"]).document
    result = compile_returns(
        base, [read_return(files["japan"], "Japan (as circulated)"), read_return(files["eu"])]
    )
    authors = {p.author for p in result.document.proposals.values()}
    assert authors == {"Japan (as circulated)", "Japan (as circulated), European Union", EU}


def test_the_order_of_the_returns_orders_the_names_and_decides_who_stays_in_place(files):
    result = compiled(files, "japan", "eu")
    found = proposals(result.document)
    assert ("OP 3", "Japan, European Union", "practical", "concrete") in found
    assert ("OP 16", JAPAN, "where necessary", "as a matter of priority") in found
    assert ("OP 16 alt", EU, "where necessary", "where appropriate") in found


def test_a_clean_return_is_attributed_to_its_document_properties_else_its_file_name(files, tmp_path):
    assert read_return(files["switzerland"]).delegation == SWITZERLAND
    copy_without = tmp_path / "Norway.docx"
    with zipfile.ZipFile(files["switzerland"]) as source, zipfile.ZipFile(copy_without, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                data = data.replace(b"<dc:creator>Switzerland</dc:creator>", b"")
            target.writestr(item, data)
    assert read_return(copy_without).delegation == "Norway"
    text = tmp_path / "Peru.txt"
    text.write_text(export_text(switzerland_return(load_document(files["base"]).document)), encoding="utf-8")
    ret = read_return(text)
    assert ret.delegation == "Peru"
    assert not ret.document.proposals


def test_a_return_in_negotiation_markup_is_read_as_its_proposals(files, tmp_path):
    base = load_document(files["base"]).document
    markup = tmp_path / "eu-markup.docx"  # struck, underlined, "Proposed by European Union." notes
    markup.write_bytes(export_docx(eu_return(base)).data)
    ret = read_return(markup)
    assert ret.read_as == "negotiation markup"
    result = compile_returns(base, [read_return(files["eu"]), ret])
    assert {p.author for p in result.document.proposals.values()} == {EU}
    assert result.report.proposals == 3
    assert (
        str(result.report.returns[1])
        == "European Union (eu-markup.docx): 3 changes, read as negotiation markup"
    )


def test_a_changed_footnote_of_a_clean_return_is_one_proposal_in_the_footnote(files):
    base = load_document(files["base"]).document
    clean = copy.deepcopy(base)
    edit(clean, "fn 25", "A/67/157", "A/67/157 and Corr.1")
    edit(clean, "fn 3", "S-20/4 E", "S-20/4 E and F")
    result = compile_returns(base, [Return(clean, "Peru")])
    assert proposals(result.document) == [
        ("fn 3", "Peru", "", " and F"),
        ("fn 25", "Peru", "", " and Corr.1"),
    ]
    assert len(result.document.footnotes) == len(base.footnotes)


def test_tracked_changes_that_do_not_apply_to_the_base_are_compared_instead(files):
    base = load_document(files["base"]).document
    other = japan_return(base)
    edit(other, "OP 2", "common and shared", "common")  # an untracked edit too
    result = compile_returns(base, [Return(other, "Japan", "japan.penholder")])
    line = result.report.returns[0]
    assert line.read_as.startswith("compared with the base")
    assert "rejecting its 5 proposals does not give the base text" in line.notes[0]
    found = proposals(result.document)
    assert ("OP 2", "Japan", "and shared ", "") in found or ("OP 2", "Japan", " and shared", "") in found
    assert ("OP 13", "Japan", "absolutely ", "") in found


def test_a_collision_in_a_footnote_is_reported_not_lost(files):
    base = load_document(files["base"]).document
    a, b = copy.deepcopy(base), copy.deepcopy(base)
    propose(a, "fn 25", "A/67/157", "", " and Corr.1", "Peru", EU_DATE)
    propose(b, "fn 25", "A/67/157", "", " and Add.1", "Chile", EU_DATE)
    result = compile_returns(base, [Return(a, "Peru"), Return(b, "Chile")])
    assert ("fn 25", "Peru", "", " and Corr.1") in proposals(result.document)
    (unplaced,) = result.report.unplaced
    assert unplaced.delegation == "Chile"
    assert unplaced.where == "footnote 25"
    assert "Add.1" in unplaced.change
    assert "Peru" in unplaced.why
    assert any(
        line.startswith("not placed: Chile's change in footnote 25") for line in result.report.details()
    )


def test_a_collision_in_a_subparagraph_gives_an_alternative_of_the_whole_paragraph(files):
    base = load_document(files["base"]).document
    a, b = copy.deepcopy(base), copy.deepcopy(base)
    propose(a, "OP 17 (b)", "include, ", "inter alia", "among others", "Peru", EU_DATE)
    propose(b, "OP 17 (b)", "include, ", "inter alia", "in particular", "Chile", EU_DATE)
    result = compile_returns(base, [Return(a, "Peru"), Return(b, "Chile")])
    assert proposals(result.document) == [
        ("OP 17 (b)", "Peru", "inter alia", "among others"),
        ("OP 17 alt (b)", "Chile", "inter alia", "in particular"),
    ]
    alternative = block(result.document, "OP 17 alt")
    assert [plain_text(c.content)[:20] for c in alternative.children] == [
        plain_text(c.content)[:20] for c in block(base, "OP 17").children
    ]


def test_the_same_change_cut_differently_is_one_proposal(files):
    base = load_document(files["base"]).document
    a, b = copy.deepcopy(base), copy.deepcopy(base)
    propose(a, "OP 13", "it is", " absolutely", "", "Peru", EU_DATE)  # the space before
    propose(b, "OP 13", "it is ", "absolutely ", "", "Chile", EU_DATE)  # the space after
    result = compile_returns(base, [Return(a, "Peru"), Return(b, "Chile")])
    assert proposals(result.document) == [("OP 13", "Peru, Chile", " absolutely", "")]


def test_a_paragraph_deleted_in_two_pieces_is_the_paragraph_deleted(files):
    base = load_document(files["base"]).document
    whole, pieces = copy.deepcopy(base), copy.deepcopy(base)
    propose_deletion(whole, "OP 46", "Peru", EU_DATE)
    opener, rest = block(pieces, "OP 46").content  # "Further decides" (italic), " to conduct …"
    propose(pieces, "OP 46", "", opener.text, "", "Chile", EU_DATE)  # as markup text has it:
    propose(pieces, "OP 46", " ", rest.text[1:], "", "Chile", EU_DATE)  # ~~*Further decides*~~ ~~to …~~
    assert len([n for n in block(pieces, "OP 46").content if isinstance(n, ProposalSpan)]) == 2
    result = compile_returns(base, [Return(whole, "Peru"), Return(pieces, "Chile")])
    assert proposals(result.document) == [("OP 46", "Peru, Chile", OP46, "")]


def test_a_rationale_footnote_becomes_the_proposals_rationale(files):
    base = load_document(files["base"]).document
    ret = copy.deepcopy(base)
    propose(ret, "OP 13", "it is ", "absolutely ", "", "Peru", EU_DATE)
    content = block(ret, "OP 13").content
    at = next(i for i, n in enumerate(content) if isinstance(n, ProposalSpan)) + 1
    content.insert(at, NoteRef("why"))
    ret.footnotes["why"] = Footnote("why", [Text("Stronger than the agreed language.")])
    ret.proposals["edit-1"].rationale_footnote_id = "why"
    result = compile_returns(base, [Return(ret, "Peru")])
    assert result.report.returns[0].read_as == "read as proposals"
    (proposal,) = result.document.proposals.values()
    assert (proposal.author, proposal.rationale) == ("Peru", "Stronger than the agreed language.")
    assert set(result.document.footnotes) == set(base.footnotes)


def test_a_return_without_changes_adds_nothing(files):
    base = load_document(files["base"]).document
    result = compile_returns(base, [Return(copy.deepcopy(base), "Peru", "peru.penholder")])
    assert result.document.proposals == {}
    assert (
        str(result.report.returns[0])
        == "Peru (peru.penholder): 0 changes, compared with the base (no proposals in it)"
    )
    assert result.report.summary() == "0 proposals from 0 delegations, 0 collisions (kept as alternatives)"


def test_the_compilation_is_saved_and_exported(files, tmp_path):
    result = compiled(files, "eu", "japan", "switzerland")
    storage.save(storage.PenholderFile(result.document, []), tmp_path / "out.penholder")
    again = load_document(tmp_path / "out.penholder").document
    assert proposals(again) == proposals(result.document)
    data = export_docx(result.document, DocxOptions(proposals="tracked"), moves=result.moves).data
    (tmp_path / "out.docx").write_bytes(data)
    back = load_document(tmp_path / "out.docx").document
    authors = sorted({p.author for p in back.proposals.values()})
    assert authors == sorted({p.author for p in result.document.proposals.values()})


# --- the command line --------------------------------------------------------------------------


def test_cli_compiles_to_a_penholder_file_and_to_word(files, tmp_path):
    out = tmp_path / "out.penholder"
    run = penholder("compile", str(files["base"]), str(files["eu"]), str(files["japan"]), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert run.stdout == "7 proposals from 2 delegations, 1 collision (kept as alternatives)\n"
    assert run.stderr.splitlines() == [
        "penholder: European Union (eu.docx): 3 changes, read as tracked changes",
        "penholder: Japan (japan.docx): 5 changes, read as tracked changes",
    ]
    document = load_document(out).document
    assert ("OP 3", "European Union, Japan", "practical", "concrete") in proposals(document)
    docx = tmp_path / "out.docx"
    run = penholder(
        "compile", str(files["base"]), str(files["eu"]), f"{files['switzerland']}=Swiss Confederation",
        "-o", str(docx), "--proposals", "tracked",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout == "7 proposals from 2 delegations, 0 collisions (kept as alternatives)\n"
    assert "penholder: Swiss Confederation (clean.docx): 4 changes" in run.stderr
    back = load_document(docx).document
    assert {p.author for p in back.proposals.values()} == {EU, "Swiss Confederation"}
    markup = tmp_path / "markup.docx"
    assert penholder("compile", str(files["base"]), str(files["eu"]), "-o", str(markup)).returncode == 0
    assert b"w:ins " not in zipfile.ZipFile(markup).read("word/document.xml")


def test_cli_errors_are_one_line(files, tmp_path):
    base = str(files["base"])
    line = one_line_error(
        penholder("compile", base, str(tmp_path / "missing.docx"), "-o", str(tmp_path / "o.penholder"))
    )
    assert "missing.docx: no such file" in line
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    line = one_line_error(penholder("compile", base, str(picture), "-o", str(tmp_path / "o.penholder")))
    assert "unknown file type '.png'" in line
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"this is not a zip file at all")
    line = one_line_error(penholder("compile", base, str(fake), "-o", str(tmp_path / "o.penholder")))
    assert "fake.docx" in line
    line = one_line_error(penholder("compile", base, str(files["eu"]), "-o", str(tmp_path / "o.pdf")))
    assert "must be .penholder or .docx" in line
    assert not (tmp_path / "o.penholder").exists()
    assert not (tmp_path / "o.pdf").exists()
    line = one_line_error(penholder("compile", base, f"{files['eu']}=", "-o", str(tmp_path / "o.docx")))
    assert "give the delegation's name" in line
    line = one_line_error(penholder("compile", base, "-o", str(tmp_path / "o.docx")))
    assert "the following arguments are required" in line


def test_a_masthead_field_a_return_does_not_carry_is_no_change_but_a_changed_one_is_reported(files, tmp_path):
    base = load_document(files["base"]).document
    base.masthead.job_number = "12-48890"  # as read from a PDF; a text file does not carry it
    text = export_text(base)
    assert "12-48890" not in text
    plain = tmp_path / "plain.txt"
    plain.write_text(text.replace("*Reaffirming* the", "*Reaffirming also* the", 1), encoding="utf-8")
    quiet = compile_returns(base, [read_return(plain, "Peru")])
    assert quiet.report.unplaced == []
    assert quiet.report.summary().startswith("1 proposal from 1 delegation")
    retitled = tmp_path / "retitled.txt"
    retitled.write_text(text.replace(base.masthead.title, "A new title", 1), encoding="utf-8")
    loud = compile_returns(base, [read_return(retitled, "Peru")])
    assert [u.where for u in loud.report.unplaced] == ["the masthead"]
