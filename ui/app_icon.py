"""Penholder's application icon, drawn from the SVG in ``resources/icons`` at the sizes a task bar,
a title bar and an Alt+Tab switcher ask for (read through importlib.resources, so a frozen build
finds it as the source tree does)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from drafting.resources import read_bytes

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_image(size: int) -> QImage:
    """The icon as a square ``size`` × ``size`` image with a transparent background."""
    renderer = QSvgRenderer(QByteArray(read_bytes("icons", "penholder.svg")))
    if not renderer.isValid():
        raise ValueError("the application icon (resources/icons/penholder.svg) could not be read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def application_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(icon_image(size)))
    return icon
