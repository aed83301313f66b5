"""One version number (pyproject.toml) everywhere, and an application that calls itself Penholder."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_comes_from_pyproject():
    from app import __version__

    assert __version__ == pyproject_version()


def test_the_application_is_named_penholder_with_its_icon_and_version(qapp):
    from app.gui import application

    app = application()
    assert app is qapp
    assert app.applicationName() == "Penholder"
    assert app.organizationName() == "Penholder"
    assert app.applicationVersion() == pyproject_version()
    assert app.desktopFileName() == "org.penholder.Penholder"
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 256} <= sizes


def test_the_icon_draws_something_at_every_size(qapp):
    from ui.app_icon import ICON_SIZES, icon_image

    for size in ICON_SIZES:
        image = icon_image(size)
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255  # the sheet or the nib
        assert corner.alpha() < 255  # rounded corners stay transparent
