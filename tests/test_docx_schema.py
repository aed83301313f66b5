"""Every DOCX Penholder writes, checked by readers that are not Penholder's.

Every corpus text is exported in every option set (proposals as markup or tracked changes,
insertions underlined or bold, repeats as NOTEREF or superscript, with and without a
timestamp), and a comparison redline is written through ``penholder compare``. Each file:

* every XML part validates against the ECMA-376 transitional schemas in ``shared/ooxml-xsd``
  (after markup-compatibility processing, as the standard prescribes: ``mc:Ignorable`` is
  removed once every prefix it names is checked to be declared);
* python-docx and docx2python open it without error, and see its text;
* openxml-audit (the Open XML SDK's rules in Python) finds no error on one file per case.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from drafting.exporters import DocxOptions, export_docx
from drafting.model import Document
from drafting.ooxml import MC_NS, R_NS, W_NS
from tests.helpers import CORPUS, CORPUS_FILES, load, shared_corpus, three_author_compilation

XSD = shared_corpus().parent / "ooxml-xsd"
pytestmark = pytest.mark.skipif(
    not (XSD / "wml.xsd").is_file(),
    reason=f"the ECMA-376 schemas are not at {XSD} (the shared folder beside the repository)",
)

OPTION_SETS = [
    DocxOptions(proposals=p, insertion=i, repeats=r, timestamp=t)
    for p, i, r, t in itertools.product(
        ("markup", "tracked"),
        ("underline", "bold"),
        ("noteref", "superscript"),
        (None, "2026-11-23T10:00:00Z"),
    )
]
STORY_PARTS = re.compile(r"^word/(document|footnotes|header\d+|footer\d+)\.xml$")

# The Dublin Core schemas that opc-coreProperties.xsd imports live at dublincore.org; these are
# the declarations it uses, after dc.xsd / dcterms.xsd of 2003-04-02 (W3CDTF as a pattern).
_DC = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://purl.org/dc/elements/1.1/"
  xmlns="http://purl.org/dc/elements/1.1/" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="XML_XSD"/>
  <xs:complexType name="SimpleLiteral"><xs:simpleContent><xs:extension base="xs:string">
    <xs:attribute ref="xml:lang" use="optional"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:element name="any" type="SimpleLiteral" abstract="true"/>
  <xs:element name="title" substitutionGroup="any"/><xs:element name="creator" substitutionGroup="any"/>
  <xs:element name="subject" substitutionGroup="any"/><xs:element name="description" substitutionGroup="any"/>
  <xs:element name="identifier" substitutionGroup="any"/><xs:element name="language" substitutionGroup="any"/>
  <xs:element name="date" substitutionGroup="any"/>
</xs:schema>"""
_DCTERMS = r"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://purl.org/dc/terms/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="XML_XSD"/>
  <xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd"/>
  <xs:element name="created" substitutionGroup="dc:date"/>
  <xs:element name="modified" substitutionGroup="dc:date"/>
  <xs:complexType name="W3CDTF"><xs:simpleContent><xs:restriction base="dc:SimpleLiteral">
    <xs:pattern value="\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}:\d{2})?)?)?)?"/>
    <xs:attribute ref="xml:lang" use="prohibited"/></xs:restriction></xs:simpleContent></xs:complexType>
</xs:schema>"""


class _DublinCore(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url.endswith("/dc.xsd"):
            return self.resolve_string(_DC.replace("XML_XSD", str(XSD / "xml.xsd")), context)
        if url.endswith("/dcterms.xsd"):
            return self.resolve_string(_DCTERMS.replace("XML_XSD", str(XSD / "xml.xsd")), context)
        return None


@cache
def schema(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_DublinCore())
    return etree.XMLSchema(etree.parse(str(XSD / name), parser))


def schema_for(part: str, root: etree._Element) -> etree.XMLSchema:
    if part == "[Content_Types].xml":
        return schema("opc-xsd/opc-contentTypes.xsd")
    if part.endswith(".rels"):
        return schema("opc-xsd/opc-relationships.xsd")
    if part == "docProps/core.xml":
        return schema("opc-xsd/opc-coreProperties.xsd")
    if part == "docProps/app.xml":
        return schema("shared-documentPropertiesExtended.xsd")
    if root.tag.startswith(f"{{{W_NS}}}"):
        return schema("wml.xsd")
    if root.tag == "{http://schemas.openxmlformats.org/drawingml/2006/main}theme":
        return schema("dml-main.xsd")
    raise AssertionError(f"{part}: no schema for a {root.tag} part; every part must be validated")


def markup_compatibility(part: str, root: etree._Element) -> list[str]:
    """ECMA-376 Part 3 processing before validation: each ``mc:Ignorable`` prefix must be
    declared where it is named; the attribute and anything in an ignorable namespace go."""
    problems = []
    ignorable: set[str] = set()
    for element in root.iter():
        names = element.attrib.pop(f"{{{MC_NS}}}Ignorable", None)
        for prefix in (names or "").split():
            if prefix not in element.nsmap:
                problems.append(f"{part}: mc:Ignorable names '{prefix}', which is not declared")
            else:
                ignorable.add(element.nsmap[prefix])
    for element in list(root.iter()):
        if etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for key in list(element.attrib):
            if etree.QName(key).namespace in ignorable:
                del element.attrib[key]
    return problems


def violations(name: str, data: bytes) -> tuple[list[str], int]:
    """Schema violations of every part of ``data``, and the number of parts checked."""
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for part in names:
            root = etree.fromstring(archive.read(part))
            problems += markup_compatibility(part, root)
            checker = schema_for(part, root)
            if not checker.validate(root):
                problems += [f"{name} {part}:{e.line}: {e.message}" for e in checker.error_log]
    return problems, len(names)


def _label(options: DocxOptions) -> str:
    return (
        f"{options.proposals}-{options.insertion}-{options.repeats}-{'time' if options.timestamp else 'none'}"
    )


@cache
def _document(name: str) -> Document:
    return load(name).document


@cache
def _exports(name: str) -> dict[str, bytes]:
    return {_label(o): export_docx(_document(name), o).data for o in OPTION_SETS}


def revised_67_193() -> str:
    """A/RES/67/193 after a round: OP 12 moved after OP 40, an OP inserted, a word changed,
    a footnote edited."""
    source = (CORPUS / "ga-res-67-193-en.txt").read_text(encoding="utf-8")
    lines = source.split("\n")
    moved = next(i for i, line in enumerate(lines) if line.startswith("12. *Expresses its concern*"))
    paragraph = lines.pop(moved)
    after = next(i for i, line in enumerate(lines) if line.startswith("40. *Encourages*"))
    lines[after + 1 : after + 1] = ["", paragraph]
    revised = "\n".join(lines)
    revised = revised.replace("effective cooperation and practical", "efficient cooperation and practical")
    revised = revised.replace(
        "4. *Encourages* Member States",
        "4. *Decides* to convene an intersessional meeting;\n\n5. *Encourages* Member States",
    )
    return revised.replace(
        "¹⁹ A/CONF.157/24 (Part I), chap. III.", "¹⁹ A/CONF.157/24 (Part I), chap. III, para. 5."
    )


@pytest.fixture(scope="module")
def redline(tmp_path_factory) -> bytes:
    work = tmp_path_factory.mktemp("redline")
    (work / "new.txt").write_text(revised_67_193(), encoding="utf-8")
    out = work / "redline.docx"
    assert main(["compare", str(CORPUS / "ga-res-67-193-en.txt"), str(work / "new.txt"), "-o", str(out)]) == 0
    data = out.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml")
    assert b"<w:del " in body
    assert b"<w:ins " in body
    return data


# --- the ECMA-376 schemas -------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_part_of_every_export_is_schema_valid(name):
    problems = []
    parts = 0
    for label, data in _exports(name).items():
        found, count = violations(f"{name} [{label}]", data)
        problems += found
        parts += count
    assert parts >= len(OPTION_SETS) * 9
    assert problems == [], "\n".join(problems[:20])


def test_the_comparison_redline_is_schema_valid(redline):
    problems, parts = violations("redline", redline)
    assert problems == [], "\n".join(problems[:20])
    assert parts >= 9


def three_authors() -> bytes:
    return export_docx(three_author_compilation(), DocxOptions(proposals="tracked")).data


def test_a_compilation_with_three_authors_is_schema_valid():
    data = three_authors()
    problems, _parts = violations("three authors", data)
    assert problems == [], "\n".join(problems[:20])
    document_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert set(re.findall(r'w:author="([^"]+)"', document_xml)) == {
        "Mexico",
        "European Union",
        "Group of 77 and China",
    }


def test_the_schema_check_catches_misordered_properties():
    """The check itself: w:ind after w:jc (the defect of issue 12) is reported."""
    data = export_docx(_document("ga-res-62-172-en.txt")).data
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for part in source.namelist():
            content = source.read(part)
            if part == "word/styles.xml":
                content = re.sub(rb"(<w:ind [^>]*/>)(<w:jc [^>]*/>)", rb"\2\1", content)
            target.writestr(part, content)
    problems, _ = violations("broken", buffer.getvalue())
    assert any("styles.xml" in p and "ind" in p for p in problems), problems


def _declared_order(*definitions: tuple[str, str]) -> list[str]:
    """Element names in the order ``wml.xsd`` declares them (``("complexType", "CT_PPrBase")``…):
    read from the standard, not copied from the exporter's own list."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = etree.parse(str(XSD / "wml.xsd")).getroot()
    names: list[str] = []
    for kind, name in definitions:
        definition = root.find(f"{xs}{kind}[@name='{name}']")
        names += [e.get("name") for e in definition.iter(f"{xs}element")]
    return names


def test_every_style_lists_its_properties_in_schema_order():
    with zipfile.ZipFile(io.BytesIO(export_docx(_document("ga-res-67-193-en.txt")).data)) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    ppr_order = _declared_order(("complexType", "CT_PPrBase"), ("complexType", "CT_PPr"))
    rpr_order = _declared_order(("group", "EG_RPrBase"))
    checked = 0
    for props, order in (("pPr", ppr_order), ("rPr", rpr_order)):
        for element in styles.iter(f"{{{W_NS}}}{props}"):
            names = [etree.QName(child).localname for child in element]
            assert all(n in order for n in names), names
            assert names == sorted(names, key=order.index), (
                element.getparent().get(f"{{{W_NS}}}styleId"),
                names,
            )
            checked += 1
    assert checked > 40


# --- independent readers --------------------------------------------------------------------


def _all_files(redline: bytes) -> dict[str, bytes]:
    files = {f"{name} [{label}]": data for name in CORPUS_FILES for label, data in _exports(name).items()}
    files["redline"] = redline
    files["three authors"] = three_authors()
    return files


def test_python_docx_opens_every_file(redline):
    docx = pytest.importorskip("docx")
    for name, data in _all_files(redline).items():
        document = docx.Document(io.BytesIO(data))
        assert document.paragraphs, name
        section = document.sections[0]
        assert section.different_first_page_header_footer, name
        assert document.settings.odd_and_even_pages_header_footer, name
        assert section.footer.paragraphs, name


def test_docx2python_opens_every_file(redline):
    """docx2python looks up ``r:`` on the root of document.xml: KeyError('r') without it."""
    reader = pytest.importorskip("docx2python")
    for name, data in _all_files(redline).items():
        with reader.docx2python(io.BytesIO(data)) as content:
            text = content.text
            assert len(text) > 500, name
            assert content.footnotes is not None, name


def test_story_parts_declare_word_namespaces(redline):
    for name, data in _all_files(redline).items():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            stories = [p for p in archive.namelist() if STORY_PARTS.match(p)]
            assert {"word/document.xml", "word/footnotes.xml"} <= set(stories)
            for part in stories:
                root = etree.fromstring(archive.read(part))
                assert root.nsmap.get("r") == R_NS, (name, part)
                assert root.nsmap.get("w") == W_NS, (name, part)
                for prefix in root.get(f"{{{MC_NS}}}Ignorable", "").split():
                    assert prefix in root.nsmap, (name, part, prefix)


def test_openxml_audit_finds_no_error(redline, tmp_path):
    audit = pytest.importorskip("openxml_audit")
    files = {f"{Path(n).stem}-{label}": _exports(n)[label] for n in CORPUS_FILES for label in (
        _label(OPTION_SETS[0]), _label(OPTION_SETS[-1]))}  # fmt: skip
    files["redline"] = redline
    for name, data in files.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        result = audit.OpenXmlValidator().validate(path)  # one per file: it keeps state
        messages = [f"{e.part_uri}: {e.description}" for e in result.errors]
        assert result.is_valid, (name, messages[:10])
        verdict = str(audit.predict(result))
        assert "risk" not in verdict.lower(), (name, verdict)


# --- settings --------------------------------------------------------------------------------


def _settings(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/settings.xml")


def test_track_revisions_only_when_the_file_has_revisions(redline):
    clean = export_docx(_document("ga-res-67-193-en.txt"), DocxOptions(proposals="tracked")).data
    assert b"trackRevisions" not in _settings(clean)
    cica = export_docx(
        _document("cica-concept-paper-rev1-en-ru-kk.txt"), DocxOptions(proposals="tracked")
    ).data
    assert b"<w:trackRevisions/>" in _settings(cica)
    assert b"<w:trackRevisions/>" in _settings(redline)
    markup = export_docx(
        _document("cica-concept-paper-rev1-en-ru-kk.txt"), DocxOptions(proposals="markup")
    ).data
    assert b"trackRevisions" not in _settings(markup)
