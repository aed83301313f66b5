"""build_installer.py without PyInstaller: the icons it renders (read back by Qt's own ICO and ICNS
readers), the Linux archive's layout and its install.sh (run for real on a stand-in application),
the file type and menu entry, and its command line. The frozen build itself is built and
smoke-tested by CI (``.ci/run``: ``build_installer.py`` then ``build_installer.py --smoke``)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import build_installer as builder

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")
needs_sh = pytest.mark.skipif(not LINUX, reason="install.sh is the Linux installer")


@pytest.fixture
def icons(qapp, tmp_path):
    builder.render_icons(tmp_path)
    return tmp_path


def read_images(path: Path, form: bytes) -> list[tuple[int, int]]:
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path), form)
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


def test_the_windows_icon_holds_every_size_as_qt_reads_it(icons):
    sizes = read_images(icons / "penholder.ico", b"ico")
    assert sorted(sizes) == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def test_the_macos_icon_holds_retina_sizes_as_qt_reads_it(icons):
    sizes = read_images(icons / "penholder.icns", b"icns")
    assert {(128, 128), (256, 256), (512, 512), (1024, 1024)} <= set(sizes)


def test_pngs_are_rendered_for_the_linux_icon_theme(icons):
    from PySide6.QtGui import QImage

    for size in builder.ICON_SIZES:
        image = QImage(str(icons / f"penholder-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_the_file_type_and_the_menu_entry_agree():
    mime = etree.parse(str(ROOT / "packaging" / "linux" / f"{builder.APP_ID}.xml"))
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = mime.find("m:mime-type", ns)
    assert kind.find("m:glob", ns).get("pattern") == "*.penholder"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(ROOT / "packaging" / "linux" / f"{builder.APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["MimeType"].rstrip(";").split(";") == [kind.get("type")]
    assert entry["Icon"] == builder.APP_ID
    assert entry["Exec"].endswith(" %F")  # files from the file manager are passed on


@pytest.fixture
def stand_in_build(tmp_path, monkeypatch, icons):
    """dist/penholder replaced by a stand-in application that prints its arguments, so that the
    packaging and install.sh are tested in seconds; CI tests the same archive with the real build."""
    dist, build = tmp_path / "dist", tmp_path / "build"
    app = dist / "penholder"
    (app / "_internal").mkdir(parents=True)
    (app / "penholder").write_text('#!/bin/sh\necho "stand-in penholder $*"\n', encoding="utf-8")
    (app / "penholder").chmod(0o755)
    (app / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(builder, "DIST", dist)
    monkeypatch.setattr(builder, "BUILD", build)
    monkeypatch.setattr(builder, "ICONS", icons)
    return dist


def unpack(archive: Path, into: Path) -> Path:
    import tarfile

    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
    (folder,) = [p for p in into.iterdir() if p.is_dir()]
    return folder


def install(unpacked: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(unpacked / "install.sh"), *args],
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )


@needs_sh
def test_the_linux_archive_installs_runs_and_uninstalls(stand_in_build, tmp_path):
    archive = builder.package_linux("9.8.7")
    assert archive.name == f"penholder-9.8.7-linux-{builder.machine()}.tar.gz"
    unpacked = unpack(archive, tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    prefix = tmp_path / "prefix with space"

    run = install(unpacked, "--prefix", str(prefix), home=home)
    assert run.returncode == 0, run.stderr
    assert f"Penholder installed in {prefix}/lib/penholder" in run.stdout
    launched = subprocess.run(
        [str(prefix / "bin" / "penholder"), "a file.penholder"], capture_output=True, text=True, check=True
    )
    assert launched.stdout.strip() == "stand-in penholder a file.penholder"
    desktop = (prefix / "share" / "applications" / f"{builder.APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{prefix}/bin/penholder" %F' in desktop
    assert (prefix / "share" / "mime" / "packages" / f"{builder.APP_ID}.xml").is_file()
    for size in builder.ICON_SIZES:
        assert (
            prefix / "share/icons/hicolor" / f"{size}x{size}" / "apps" / f"{builder.APP_ID}.png"
        ).is_file()
    assert (prefix / "share/icons/hicolor/scalable/apps" / f"{builder.APP_ID}.svg").is_file()

    # a second install replaces the first, leaving nothing of the old copy behind
    (prefix / "lib" / "penholder" / "_internal" / "stale.txt").write_text("old", encoding="utf-8")
    assert install(unpacked, "--prefix", str(prefix), home=home).returncode == 0
    assert not (prefix / "lib" / "penholder" / "_internal" / "stale.txt").exists()

    # the installed copy carries install.sh, so it can be removed after the archive is gone
    shutil.rmtree(unpacked)
    removed = subprocess.run(
        ["sh", str(prefix / "lib" / "penholder" / "install.sh"), "--uninstall", "--prefix", str(prefix)],
        env={"PATH": "/usr/bin:/bin", "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    left = [
        p for p in prefix.rglob("*") if p.is_file() and (builder.APP_ID in p.name or p.name == "penholder")
    ]
    assert left == []
    assert not (prefix / "lib" / "penholder").exists()


@needs_sh
def test_install_sh_defaults_to_the_users_local_folder(stand_in_build, tmp_path):
    unpacked = unpack(builder.package_linux("1.0"), tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    run = install(unpacked, home=home)
    assert run.returncode == 0, run.stderr
    assert (home / ".local" / "bin" / "penholder").is_file()
    assert "is not on your PATH" in run.stdout  # ~/.local/bin is not on PATH=/usr/bin:/bin


@needs_sh
def test_install_sh_refuses_unknown_options_in_one_line(stand_in_build, tmp_path):
    unpacked = unpack(builder.package_linux("1.0"), tmp_path / "unpacked")
    run = install(unpacked, "--prefx", "/tmp/x", home=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == "install.sh: unknown option '--prefx' (see --help)"
    run = install(unpacked, "--prefix", home=tmp_path)
    assert run.returncode == 2
    assert "needs a folder" in run.stderr


def test_the_windows_installer_script_is_filled_in_completely():
    script = (ROOT / "packaging" / "windows" / "penholder.iss").read_text(encoding="utf-8")
    placeholders = {"@VERSION@", "@SOURCE@", "@OUTPUT@", "@ICON@"}
    assert all(p in script for p in placeholders)
    assert "PrivilegesRequired=lowest" in script  # installs without administrator rights
    assert r"Software\Classes\.penholder" in script
    assert '"%1"' in script


def test_the_smoke_test_names_what_is_missing():
    run = subprocess.CompletedProcess(
        [],
        2,
        stdout="",
        stderr="penholder: error: internal error (ModuleNotFoundError: No module named 'lxml')",
    )
    assert builder.missing_piece(run).endswith("No module named 'lxml')")
    with pytest.raises(builder.BuildError, match="does not exist: build first"):
        builder.smoke(Path("/nonexistent/penholder"))


def test_help_explains_each_platform():
    run = subprocess.run(
        [sys.executable, str(ROOT / "build_installer.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for words in ("--smoke", "install.sh", "Inno Setup", ".dmg", "not yet tested", "AppImage"):
        assert words in " ".join(run.stdout.split())


def test_the_build_is_pinned_in_the_build_extra():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pin,) = extras["optional-dependencies"]["build"]
    assert pin.startswith("pyinstaller==")
