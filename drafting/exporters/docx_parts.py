"""The fixed parts of an exported DOCX: content types, relationships, styles, settings and
document properties. Everything is generated here, not copied from a template, so the output
carries no stray metadata and is byte-for-byte reproducible.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from lxml import etree

from drafting.exporters import docx_headers
from drafting.languages import RIGHT_TO_LEFT
from drafting.ooxml import (
    CT_APP,
    CT_CORE,
    CT_FONT_TABLE,
    CT_FOOTNOTES,
    CT_MAIN,
    CT_NUMBERING,
    CT_RELS,
    CT_SETTINGS,
    CT_STYLES,
    CT_THEME,
    RT_APP,
    RT_CORE,
    RT_FONT_TABLE,
    RT_FOOTNOTES,
    RT_NUMBERING,
    RT_OFFICE_DOCUMENT,
    RT_SETTINGS,
    RT_STYLES,
    RT_THEME,
    W_NS,
)

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
LATIN_FONT = "Times New Roman"
CJK_FONT = "SimSun"

# Layout in twentieths of a point (A4 = 11906 x 16838).
INDENT = 567  # 1 cm
PAGE = {"w": 11906, "h": 16838, "top": 1440, "bottom": 1440, "left": 1247, "right": 1247}
TEXT_WIDTH = PAGE["w"] - PAGE["left"] - PAGE["right"]
END_RULE_INDENT = (TEXT_WIDTH - 1814) // 2
"""The short centred rule that ends a UN document is about 3.2 cm wide."""
RULE = '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="auto"/>'


def content_types() -> bytes:
    overrides = [
        ("/word/document.xml", CT_MAIN),
        ("/word/styles.xml", CT_STYLES),
        ("/word/settings.xml", CT_SETTINGS),
        ("/word/footnotes.xml", CT_FOOTNOTES),
        ("/word/numbering.xml", CT_NUMBERING),
        *((f"/word/{part.name}", part.content_type) for part in docx_headers.PARTS),
        ("/word/fontTable.xml", CT_FONT_TABLE),
        ("/word/theme/theme1.xml", CT_THEME),
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
            ("rIdNumbering", RT_NUMBERING, "numbering.xml"),
            *((part.rel_id, part.relationship_type, part.name) for part in docx_headers.PARTS),
            ("rIdFontTable", RT_FONT_TABLE, "fontTable.xml"),
            ("rIdTheme", RT_THEME, "theme/theme1.xml"),
        ]
    )


def settings(*, track_revisions: bool) -> bytes:
    # Children in CT_Settings sequence order: trackRevisions, defaultTabStop, evenAndOddHeaders, …,
    # footnotePr, compat. trackRevisions only switches recording on for the next editor: the
    # caller asks for it only when the file holds tracked revisions.
    track = "<w:trackRevisions/>" if track_revisions else ""
    return (
        XML_HEAD + f'<w:settings xmlns:w="{W_NS}">'
        f'{track}<w:defaultTabStop w:val="{INDENT}"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/></w:compat>'
        "</w:settings>"
    ).encode()


def font_table() -> bytes:
    """The fonts the styles name, as Word lists them (panose and family let a reader substitute)."""
    fonts = (
        (LATIN_FONT, "02020603050405020304", "00", "roman", "variable"),
        (CJK_FONT, "02010600030101010101", "86", "auto", "variable"),
    )
    body = "".join(
        f'<w:font w:name="{name}"><w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        for name, panose, charset, family, pitch in fonts
    )
    return (XML_HEAD + f'<w:fonts xmlns:w="{W_NS}">{body}</w:fonts>').encode()


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def theme() -> bytes:
    """The smallest complete Office theme: colours, Times New Roman / SimSun, plain formats."""
    colours = (
        ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
        ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
        *(
            (name, f'<a:srgbClr val="{value}"/>')
            for name, value in (
                ("dk2", "1F497D"),
                ("lt2", "EEECE1"),
                ("accent1", "4F81BD"),
                ("accent2", "C0504D"),
                ("accent3", "9BBB59"),
                ("accent4", "8064A2"),
                ("accent5", "4BACC6"),
                ("accent6", "F79646"),
                ("hlink", "0000FF"),
                ("folHlink", "800080"),
            )
        ),
    )
    scheme = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in colours)
    font = f'<a:latin typeface="{LATIN_FONT}"/><a:ea typeface="{CJK_FONT}"/><a:cs typeface="{LATIN_FONT}"/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{fill}</a:ln>'
    return (
        XML_HEAD + f'<a:theme xmlns:a="{_A}" name="Penholder">'
        f'<a:themeElements><a:clrScheme name="Penholder">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="Penholder"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont>'
        '</a:fontScheme><a:fmtScheme name="Penholder">'
        f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
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
        f"{based}<w:qFormat/><w:pPr>{_in_order(ppr, PPR_ORDER)}</w:pPr>"
        f"<w:rPr>{_in_order(_with_complex_script(rpr), RPR_ORDER)}</w:rPr></w:style>"
    )


def _char_style(style_id: str, name: str, rpr: str) -> str:
    rpr = _in_order(_with_complex_script(rpr), RPR_ORDER)
    return (
        f'<w:style w:type="character" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>'
    )


def _with_complex_script(rpr: str) -> str:
    """Bold, italics and size for complex-script text too (``w:bCs``, ``w:iCs``, ``w:szCs``):
    Word and LibreOffice format Arabic text by these, not by ``w:b``, ``w:i``, ``w:sz``."""
    extra = ""
    if "<w:b/>" in rpr:
        extra += "<w:bCs/>"
    if "<w:i/>" in rpr:
        extra += "<w:iCs/>"
    if size := re.search(r'<w:sz w:val="(\d+)"/>', rpr):
        extra += f'<w:szCs w:val="{size.group(1)}"/>'
    return rpr + extra


# The xsd:sequence of CT_PPrBase (+ rPr, sectPr, pPrChange of CT_PPr) and of CT_RPr in ECMA-376:
# Word refuses properties out of this order, so every style's children are put in it.
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
]  # fmt: skip
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
    "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
    "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
    "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
]  # fmt: skip


def _in_order(fragment: str, order: list[str]) -> str:
    """The property elements of ``fragment`` in schema order (stable for equal names)."""
    if not fragment:
        return fragment
    holder = etree.fromstring(f'<w:x xmlns:w="{W_NS}">{fragment}</w:x>')
    children = sorted(holder, key=lambda child: order.index(etree.QName(child).localname))
    return "".join(
        etree.tostring(child, encoding="unicode").replace(f' xmlns:w="{W_NS}"', "") for child in children
    )


def styles(language: str) -> bytes:
    """Paragraph styles for each kind of block, named so a reader can tell them apart."""
    east_asia = f' w:eastAsia="{CJK_FONT}"'
    lang = {
        "zh": '<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>',
        "ar": '<w:lang w:val="en-GB" w:bidi="ar-SA"/>',
    }.get(language, '<w:lang w:val="en-GB"/>')
    bidi = "<w:bidi/>" if language in RIGHT_TO_LEFT else ""  # every paragraph right to left
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
        _para_style(
            "PHOperative",
            "PH Operative Paragraph",
            # as printed: number at 1 cm, text from 2 cm, the next lines from the margin
            f'{body}<w:tabs><w:tab w:val="left" w:pos="{2 * INDENT}"/></w:tabs>'
            f'<w:ind w:left="0" w:firstLine="{INDENT}"/>',
        ),
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
            "PHEndRule",
            "PH End Rule",
            f'<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
            f'<w:spacing w:before="480" w:after="0"/><w:ind w:left="{END_RULE_INDENT}" w:right="{END_RULE_INDENT}"/>',
        ),
        _para_style(
            "FootnoteText",
            "footnote text",
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="{INDENT}"'
            f' w:hanging="{INDENT}"/>',
            '<w:sz w:val="17"/>',
        ),
        _para_style(
            docx_headers.HEADER_STYLE,
            "PH Header",
            '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>'
            '<w:spacing w:after="0"/>',
            '<w:b/><w:sz w:val="17"/>',
        ),
        _para_style(
            docx_headers.FOOTER_STYLE,
            "PH Footer",
            f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs><w:spacing w:after="0"/>',
            '<w:b/><w:sz w:val="17"/>',
        ),
        _para_style(
            docx_headers.FIRST_FOOTER_STYLE,
            "PH First Page Footer",
            '<w:spacing w:after="0"/>',
            '<w:sz w:val="16"/>',
        ),
    ]
    return (
        XML_HEAD + f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:cs="{LATIN_FONT}"{east_asia}/>'
        f'<w:sz w:val="20"/><w:szCs w:val="20"/>{lang}'
        f'</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{bidi}<w:spacing w:after="0" w:line="240"'
        ' w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
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
