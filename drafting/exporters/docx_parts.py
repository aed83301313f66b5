"""The fixed parts of an exported DOCX: content types, relationships, styles, settings and
document properties. Everything is generated here, not copied from a template, so the output
carries no stray metadata and is byte-for-byte reproducible.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from drafting.ooxml import (
    CT_APP,
    CT_CORE,
    CT_FOOTNOTES,
    CT_MAIN,
    CT_RELS,
    CT_SETTINGS,
    CT_STYLES,
    RT_APP,
    RT_CORE,
    RT_FOOTNOTES,
    RT_OFFICE_DOCUMENT,
    RT_SETTINGS,
    RT_STYLES,
    W_NS,
)

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LATIN_FONT = "Times New Roman"
CJK_FONT = "SimSun"

# Layout in twentieths of a point (A4 = 11906 x 16838).
INDENT = 567  # 1 cm
PAGE = {"w": 11906, "h": 16838, "top": 1440, "bottom": 1440, "left": 1247, "right": 1247}
TEXT_WIDTH = PAGE["w"] - PAGE["left"] - PAGE["right"]
RULE = '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="auto"/>'


def content_types() -> bytes:
    overrides = [
        ("/word/document.xml", CT_MAIN),
        ("/word/styles.xml", CT_STYLES),
        ("/word/settings.xml", CT_SETTINGS),
        ("/word/footnotes.xml", CT_FOOTNOTES),
        ("/docProps/core.xml", CT_CORE),
        ("/docProps/app.xml", CT_APP),
    ]
    body = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in overrides)
    return (
        XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{CT_RELS}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + body + "</Types>"
    ).encode()


def _relationships(rels: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>' for rid, rtype, target in rels
    )
    return (
        XML_HEAD
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + body
        + "</Relationships>"
    ).encode()


def package_relationships() -> bytes:
    return _relationships(
        [
            ("rId1", RT_OFFICE_DOCUMENT, "word/document.xml"),
            ("rId2", RT_CORE, "docProps/core.xml"),
            ("rId3", RT_APP, "docProps/app.xml"),
        ]
    )


def document_relationships() -> bytes:
    return _relationships(
        [
            ("rId1", RT_STYLES, "styles.xml"),
            ("rId2", RT_SETTINGS, "settings.xml"),
            ("rId3", RT_FOOTNOTES, "footnotes.xml"),
        ]
    )


def settings(*, track_revisions: bool) -> bytes:
    # Children in CT_Settings sequence order: trackRevisions, defaultTabStop, …, footnotePr, compat.
    track = "<w:trackRevisions/>" if track_revisions else ""
    return (
        XML_HEAD + f'<w:settings xmlns:w="{W_NS}">'
        f'{track}<w:defaultTabStop w:val="{INDENT}"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/></w:compat>'
        "</w:settings>"
    ).encode()


def core_properties(
    title: str | None, subject: str | None, author: str | None, timestamp: str | None
) -> bytes:
    """Document properties: title and subject from the document; no author or dates unless asked."""
    fields = []
    if title:
        fields.append(f"<dc:title>{escape(title)}</dc:title>")
    if subject:
        fields.append(f"<dc:subject>{escape(subject)}</dc:subject>")
    if author:
        fields.append(f"<dc:creator>{escape(author)}</dc:creator>")
    if timestamp:
        fields.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{escape(timestamp)}</dcterms:created>')
        fields.append(f'<dcterms:modified xsi:type="dcterms:W3CDTF">{escape(timestamp)}</dcterms:modified>')
    return (
        XML_HEAD + "<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + "".join(fields) + "</cp:coreProperties>"
    ).encode()


def app_properties() -> bytes:
    return (
        XML_HEAD
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>Penholder</Application></Properties>"
    ).encode()


def _para_style(style_id: str, name: str, ppr: str = "", rpr: str = "", based_on: str = "Normal") -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"{based}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _char_style(style_id: str, name: str, rpr: str) -> str:
    return (
        f'<w:style w:type="character" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>'
    )


def styles(language: str) -> bytes:
    """Paragraph styles for each kind of block, named so a reader can tell them apart."""
    east_asia = f' w:eastAsia="{CJK_FONT}"'
    lang = '<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>' if language == "zh" else '<w:lang w:val="en-GB"/>'
    hang = f'<w:ind w:left="{2 * INDENT}" w:hanging="{INDENT}"/>'
    right = f'<w:ind w:left="{12 * INDENT}"/>'
    body = '<w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/>'
    defined = [
        _para_style(
            "PHMastheadTop",
            "PH Masthead Top",
            f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:after="60"/>',
        ),
        _para_style("PHOrgan", "PH Organ", f'<w:pBdr>{RULE}</w:pBdr><w:spacing w:after="240"/>'),
        _para_style("PHMastheadRight", "PH Masthead Right", f'<w:spacing w:after="0"/>{right}'),
        _para_style("PHMasthead", "PH Masthead", '<w:spacing w:after="0"/>'),
        _para_style(
            "PHAgendaTitle", "PH Agenda Title", '<w:spacing w:before="120" w:after="120"/>', "<w:b/>"
        ),
        _para_style(
            "PHAdoptionHeading",
            "PH Adoption Heading",
            '<w:spacing w:before="360" w:after="120"/>',
            '<w:b/><w:sz w:val="24"/>',
        ),
        _para_style("PHProvenance", "PH Provenance", '<w:spacing w:after="240"/>'),
        _para_style("PHSponsors", "PH Sponsors", '<w:spacing w:before="240" w:after="240"/>', "<w:b/>"),
        _para_style(
            "PHTitle",
            "PH Title",
            f'<w:keepNext/><w:spacing w:before="240" w:after="240"/>{hang}',
            '<w:b/><w:sz w:val="24"/>',
        ),
        _para_style("PHOrganLine", "PH Organ Line", f'{body}<w:ind w:firstLine="{INDENT}"/>'),
        _para_style("PHPreambular", "PH Preambular Paragraph", f'{body}<w:ind w:firstLine="{INDENT}"/>'),
        _para_style("PHOperative", "PH Operative Paragraph", f"{body}{hang}"),
        _para_style(
            "PHSubparagraph1", "PH Subparagraph", f'{body}<w:ind w:left="{3 * INDENT}" w:hanging="{INDENT}"/>'
        ),
        _para_style(
            "PHSubparagraph2",
            "PH Subparagraph 2",
            f'{body}<w:ind w:left="{4 * INDENT}" w:hanging="{INDENT}"/>',
        ),
        _para_style(
            "PHSectionHeading",
            "PH Section Heading",
            f'<w:keepNext/><w:spacing w:before="240" w:after="120"/>{hang}',
            "<w:b/>",
        ),
        _para_style("PHListItem", "PH List Item", f"{body}{hang}"),
        _para_style("PHParagraph", "PH Paragraph", f'{body}<w:ind w:firstLine="{INDENT}"/>'),
        _para_style("PHFront", "PH Front Matter", '<w:spacing w:after="120"/>'),
        _para_style(
            "PHDocumentTitle",
            "PH Document Title",
            '<w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/>',
            '<w:b/><w:sz w:val="24"/>',
        ),
        _para_style("PHAdoptionLine", "PH Adoption Line", f'<w:spacing w:before="240"/>{right}', "<w:i/>"),
        _para_style(
            "FootnoteText",
            "footnote text",
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="{INDENT}"'
            f' w:hanging="{INDENT}"/>',
            '<w:sz w:val="17"/>',
        ),
    ]
    return (
        XML_HEAD + f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:cs="{LATIN_FONT}"{east_asia}/>'
        f'<w:sz w:val="20"/><w:szCs w:val="20"/>{lang}'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        "</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        + "".join(defined)
        + _char_style("PHOrganChar", "PH Organ Name", '<w:b/><w:sz w:val="34"/>')
        + _char_style("PHSymbolChar", "PH Document Symbol", '<w:b/><w:sz w:val="30"/>')
        + '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        "</w:styles>"
    ).encode()
