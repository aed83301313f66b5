"""Fonts for texts as they circulate: Times New Roman (or a metric twin), SimSun for Chinese,
a naskh face for Arabic. One place for the editor, the comparison view and printing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument

SERIF = ("Times New Roman", "Liberation Serif", "Times", "Nimbus Roman", "DejaVu Serif")
CHINESE = ("SimSun", "宋体", "AR PL UMing CN", "AR PL UMing TW", "Noto Serif CJK SC", "Source Han Serif SC")
ARABIC = ("Traditional Arabic", "Simplified Arabic", "Amiri", "Noto Naskh Arabic", "DejaVu Sans")


def font_families(language: str) -> list[str]:
    """Families for ``language``, most wanted first; Qt falls back glyph by glyph along the list,
    so Latin text stays in Times even in Chinese and Arabic documents."""
    if language == "zh":
        return [*SERIF[:2], *CHINESE, *SERIF[2:]]
    if language == "ar":
        return [*SERIF[:2], *ARABIC, *SERIF[2:]]
    return list(SERIF)


def body_font(language: str = "en", size: float = 12.0) -> QFont:
    font = QFont()
    font.setFamilies(font_families(language))
    font.setPointSizeF(size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def text_document(language: str, point_size: float, margin: float) -> QTextDocument:
    """An empty text document in the body font, right to left for Arabic."""
    document = QTextDocument()
    document.setDefaultFont(body_font(language, point_size))
    document.setDocumentMargin(margin)
    if language == "ar":
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        document.setDefaultTextOption(option)
    return document
