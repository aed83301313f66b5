"""Build small DOCX files by hand, the way Word writes them, for importer tests."""

from __future__ import annotations

import io
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'


def build_docx(
    body: str,
    *,
    footnotes: str = "",
    styles: str = "",
    numbering: str = "",
    footnote_style_ids: tuple[str, str] = ("FootnoteText", "FootnoteReference"),
) -> bytes:
    """A DOCX whose document.xml body is ``body`` (WordprocessingML, ``w:`` prefix)."""
    text_id, ref_id = footnote_style_ids
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml"'
            ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            f"{XML_DECL}<Relationships {PKG_RELS}>"
            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            f"{XML_DECL}<Relationships {PKG_RELS}>"
            f'<Relationship Id="rId1" Type="{RELS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId2" Type="{RELS}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId3" Type="{RELS}/numbering" Target="numbering.xml"/></Relationships>'
        ),
        "word/document.xml": f"{XML_DECL}<w:document {W}><w:body>{body}</w:body></w:document>",
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
            f'<w:style w:type="paragraph" w:styleId="{text_id}"><w:name w:val="footnote text"/></w:style>'
            f'<w:style w:type="character" w:styleId="{ref_id}"><w:name w:val="footnote reference"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            f"{styles}</w:styles>"
        ),
        "word/footnotes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes {W}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            f"</w:p></w:footnote>{footnotes}</w:footnotes>"
        ),
        "word/numbering.xml": f"{XML_DECL}<w:numbering {W}>{numbering}</w:numbering>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return out.getvalue()


def p(*runs: str, style: str | None = None, num: tuple[int, int] | None = None, ppr_extra: str = "") -> str:
    ppr = ""
    if style or num or ppr_extra:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}{ppr_extra}</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "", tag: str = "t") -> str:
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:{tag} xml:space="preserve">{text}</w:{tag}></w:r>'


def note_ref(word_id: int, ref_style: str = "FootnoteReference") -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:footnoteReference w:id="{word_id}"/></w:r>'


def footnote(word_id: int, *content: str) -> str:
    return (
        f'<w:footnote w:id="{word_id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f"<w:footnoteRef/></w:r>{''.join(content)}</w:p></w:footnote>"
    )
