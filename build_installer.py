"""Build Penholder as a desktop application for the platform this runs on, and smoke-test it.

    python build_installer.py            build with PyInstaller (onedir), then package it
    python build_installer.py --smoke    run the smoke test on what was built (and, on Linux, on
                                         a copy installed from the archive into a temporary prefix)

Linux: dist/penholder-VERSION-linux-ARCH.tar.gz, holding the application and ``install.sh
[--prefix DIR]`` (default ~/.local): a ``penholder`` launcher in PREFIX/bin, the menu entry, the
icon and the .penholder file type; plus an AppImage when ``appimagetool`` is on the PATH.
Windows (not yet tested): an Inno Setup installer when ``iscc`` is on the PATH, else a zip.
macOS (not yet tested): Penholder.app in a .dmg (``hdiutil``).

Needs the build extra: ``pip install -e ".[build]"`` (PyInstaller, pinned). Everything goes to
``build/`` (work files, icons) and ``dist/`` (results); both are ignored by git.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = BUILD / "icons"
PACKAGING = ROOT / "packaging"
APP_ID = "org.penholder.Penholder"
CORPUS = ROOT / "tests" / "corpus"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMOKE_TIMEOUT = 120


class BuildError(Exception):
    """A step of the build or the smoke test failed; the message says which and why."""


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def system() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    raise BuildError(f"no packaging is written for {sys.platform}")


def machine() -> str:
    name = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "arm64", "aarch64": "aarch64"}.get(name, name)


def onedir() -> Path:
    return DIST / "penholder"


def executable(folder: Path | None = None) -> Path:
    """The console executable in a built folder (on Windows the window has its own, Penholder.exe)."""
    folder = folder or onedir()
    if system() == "windows":
        return folder / "penholder-cli.exe"
    return folder / "penholder"


# -- icons -----------------------------------------------------------------------------------------


def render_icons(target: Path = ICONS) -> dict[str, Path]:
    """PNGs of every size, an ICO (Windows) and an ICNS (macOS), drawn from resources/icons/penholder.svg
    by Qt's SVG renderer: one source, no image tool needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication

    from ui.app_icon import icon_image

    _app = QGuiApplication.instance() or QGuiApplication([])
    target.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    for size in (*ICON_SIZES, 1024):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not icon_image(size).save(buffer, "PNG"):
            raise BuildError(f"could not render the {size}px icon")
        pngs[size] = bytes(buffer.data())
        if size in ICON_SIZES:
            (target / f"penholder-{size}.png").write_bytes(pngs[size])
    (target / "penholder.ico").write_bytes(ico_file({s: pngs[s] for s in (16, 24, 32, 48, 64, 128, 256)}))
    (target / "penholder.icns").write_bytes(icns_file(pngs))
    return {"ico": target / "penholder.ico", "icns": target / "penholder.icns"}


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries, data = b"", b""
    offset = 6 + 16 * len(pngs)
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}
"""The ICNS element types that hold PNG data, by pixel size (macOS 10.7 and later)."""


def icns_file(pngs: dict[int, bytes]) -> bytes:
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size, kind in ICNS_TYPES.items()
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


# -- build -----------------------------------------------------------------------------------------


def build() -> Path:
    """Run PyInstaller on packaging/penholder.spec; returns the onedir folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError('PyInstaller is not installed: pip install -e ".[build]"') from exc
    render_icons()
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        str(PACKAGING / "penholder.spec"),
    ]
    run = subprocess.run(command, cwd=ROOT, check=False)
    if run.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit status {run.returncode}); its messages are above")
    if not executable().exists():
        raise BuildError(f"PyInstaller finished but {executable()} is missing")
    print(f"built {onedir()} in {time.monotonic() - started:.0f} s ({folder_size(onedir()) / 1e6:.0f} MB)")
    for plugin, missing in unresolved_plugin_libraries(onedir()).items():
        print(
            f"warning: {plugin} needs {', '.join(missing)}, missing on this machine and so not in the build"
        )
    return onedir()


def unresolved_plugin_libraries(folder: Path) -> dict[str, list[str]]:
    """Linux: the libraries each bundled Qt plugin imports that neither the build nor this machine
    has, leaving out those PyInstaller leaves to the system on purpose (C library, OpenGL,
    Wayland client). PyInstaller bundles what it finds; a library missing here (libxcb-icccm4
    without its package, say) is missing in the build, and the plugin fails on a user's machine."""
    if system() != "linux" or shutil.which("ldd") is None:
        return {}
    from PyInstaller.depend.dylib import include_library

    internal = folder / "_internal"
    search = os.pathsep.join(str(p) for p in (internal, internal / "PySide6" / "Qt" / "lib"))
    found: dict[str, list[str]] = {}
    for plugin in sorted((internal / "PySide6" / "Qt" / "plugins").rglob("*.so")):
        run = subprocess.run(
            ["ldd", str(plugin)],
            env={**os.environ, "LD_LIBRARY_PATH": search},
            capture_output=True,
            text=True,
        )
        missing = {line.split()[0] for line in run.stdout.splitlines() if "not found" in line}
        missing = {name for name in missing if include_library(name)}  # not left to the system on purpose
        if missing:
            found[plugin.name] = sorted(missing)
    return found


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def package() -> list[Path]:
    version = project_version()
    kind = system()
    if kind == "linux":
        made = [package_linux(version)]
        appimage = package_appimage(version)
        if appimage:
            made.append(appimage)
        return made
    if kind == "windows":
        return [package_windows(version)]
    return [package_macos(version)]


def linux_tree(version: str) -> Path:
    """The folder that becomes the Linux archive: the application, install.sh, the menu entry,
    the MIME type and the icons laid out as under PREFIX/share."""
    name = f"penholder-{version}-linux-{machine()}"
    stage = BUILD / "package" / name
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(onedir(), stage / "penholder", symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "install.sh", stage / "install.sh")
    (stage / "install.sh").chmod(0o755)
    applications = stage / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.desktop", applications)
    mime = stage / "share" / "mime" / "packages"
    mime.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP_ID}.xml", mime)
    hicolor = stage / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(ICONS / f"penholder-{size}.png", folder / f"{APP_ID}.png")
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "penholder.svg", scalable / f"{APP_ID}.svg")
    (stage / "README.txt").write_text(
        f"Penholder {version}\n\n"
        "Install for yourself:   ./install.sh              (into ~/.local)\n"
        "Install elsewhere:      ./install.sh --prefix DIR\n"
        "Remove:                 ./install.sh --uninstall [--prefix DIR]\n"
        "Or run it from here:    ./penholder/penholder [FILE]\n",
        encoding="utf-8",
    )
    return stage


def package_linux(version: str) -> Path:
    stage = linux_tree(version)
    archive = DIST / f"{stage.name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(stage, arcname=stage.name)
    print(f"wrote {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return archive


def package_appimage(version: str) -> Path | None:
    tool = shutil.which("appimagetool")
    if tool is None:
        print("no AppImage: appimagetool is not on the PATH")
        return None
    appdir = BUILD / "Penholder.AppDir"
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(onedir(), appdir / "usr" / "lib" / "penholder", symlinks=True)
    (appdir / "AppRun").write_text(
        '#!/bin/sh\nhere="$(dirname "$(readlink -f "$0")")"\nexec "$here/usr/lib/penholder/penholder" "$@"\n',
        encoding="utf-8",
    )
    (appdir / "AppRun").chmod(0o755)
    desktop = (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    (appdir / f"{APP_ID}.desktop").write_text(desktop.replace("@EXEC@", "penholder"), encoding="utf-8")
    shutil.copy2(ICONS / "penholder-256.png", appdir / f"{APP_ID}.png")
    shutil.copy2(ICONS / "penholder-256.png", appdir / ".DirIcon")
    target = DIST / f"penholder-{version}-{machine()}.AppImage"
    run = subprocess.run([tool, str(appdir), str(target)], check=False, env={**os.environ, "ARCH": machine()})
    if run.returncode != 0:
        raise BuildError(f"appimagetool failed (exit status {run.returncode})")
    print(f"wrote {target}")
    return target


def package_windows(version: str) -> Path:
    """An Inno Setup installer (per-user, no administrator rights needed) when iscc is on the
    PATH, else a zip of the application folder. Not yet tested."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc:
        script = (PACKAGING / "windows" / "penholder.iss").read_text(encoding="utf-8")
        for key, value in {
            "@VERSION@": version,
            "@SOURCE@": str(onedir()),
            "@OUTPUT@": str(DIST),
            "@ICON@": str(ICONS / "penholder.ico"),
        }.items():
            script = script.replace(key, value)
        filled = BUILD / "penholder.iss"
        filled.write_text(script, encoding="utf-8")
        run = subprocess.run([iscc, "/Q", str(filled)], check=False)
        if run.returncode != 0:
            raise BuildError(f"Inno Setup (iscc) failed (exit status {run.returncode})")
        return DIST / f"penholder-{version}-windows-x64-setup.exe"
    print("no installer: Inno Setup's iscc is not on the PATH; writing a zip instead")
    archive = DIST / f"penholder-{version}-windows-x64.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(onedir().rglob("*")):
            zipped.write(path, Path("penholder") / path.relative_to(onedir()))
    return archive


def package_macos(version: str) -> Path:
    """Penholder.app in a compressed disk image with a link to /Applications. Not yet tested."""
    bundle = DIST / "Penholder.app"
    if not bundle.is_dir():
        raise BuildError(f"{bundle} is missing: PyInstaller did not make the app bundle")
    stage = BUILD / "dmg"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / "Penholder.app", symlinks=True)
    (stage / "Applications").symlink_to("/Applications")
    image = DIST / f"penholder-{version}-macos-{machine()}.dmg"
    command = ["hdiutil", "create", "-volname", "Penholder", "-srcfolder", str(stage), "-ov"]
    run = subprocess.run([*command, "-format", "UDZO", str(image)], check=False)
    if run.returncode != 0:
        raise BuildError(f"hdiutil failed (exit status {run.returncode})")
    return image


# -- smoke test ------------------------------------------------------------------------------------


def clean_environment(home: Path) -> dict[str, str]:
    """What the smoke test gives the built program: no venv, no PYTHONPATH, a bare PATH, an empty
    home and data folder, the offscreen Qt platform (``env -i PATH=/usr/bin:/bin`` and a little)."""
    env = {
        "PATH": "/usr/bin:/bin" if os.name != "nt" else os.environ.get("PATH", ""),
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PENHOLDER_DATA_DIR": str(home / "data"),
        "LANG": "C.UTF-8",
    }
    if os.name == "nt":
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"), USERPROFILE=str(home))
    return env


def smoke(program: Path, say=lambda line: print(line, flush=True)) -> None:
    """Run the built program (never the source tree) through every kind of work Penholder does,
    in a folder of its own; ``say`` gets one line per step. Raises BuildError naming the failed
    step, with the module or file that was missing when the program says so."""
    if not program.exists():
        raise BuildError(f"{program} does not exist: build first (python build_installer.py)")
    program = program.resolve()
    with tempfile.TemporaryDirectory(prefix="penholder-smoke-") as folder:
        work = Path(folder)
        (work / "home").mkdir()
        env = clean_environment(work / "home")
        for name in ("ga-res-67-193-en.txt", "ga-res-62-172-en.txt"):
            shutil.copy2(CORPUS / name, work / name)

        def step(title: str, *args: str, allowed: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
            started = time.monotonic()
            try:
                run = subprocess.run(
                    [str(program), *args],
                    cwd=work,
                    env=env,
                    capture_output=True,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                    timeout=SMOKE_TIMEOUT,
                    check=False,
                )
            except subprocess.TimeoutExpired as exc:
                raise BuildError(f"{title}: no answer within {SMOKE_TIMEOUT} s") from exc
            if run.returncode not in allowed:
                raise BuildError(f"{title}: exit status {run.returncode}: {missing_piece(run)}")
            say(f"ok  {title} ({time.monotonic() - started:.2f} s)")
            return run

        version = project_version()
        run = step("--version", "--version")
        expect(run.stdout.strip() == f"penholder {version}", f"--version printed {run.stdout.strip()!r}")

        # 'check' exits with 1 when it finds an error, as here
        run = step("check finds the 1954 error", "check", "ga-res-67-193-en.txt", "--json", allowed=(1,))
        findings = json.loads(run.stdout)["findings"]
        expect(
            any(f["rule"] == "treaty.wrong-year" and "not 1954" in f["message"] for f in findings),
            "check did not report the Single Convention's 1954 (should be 1961)",
        )

        (work / "misspelt.txt").write_text(
            "The General Assembly,\n\nRecalling its resolution 66/1,\n\n"
            "1. Decides to continue the developmnet of the programme.\n",
            encoding="utf-8",
        )
        run = step("spelling suggests a word", "check", "misspelt.txt", allowed=(0, 1))
        expect("did you mean 'development'" in run.stdout, "no spelling suggestion for 'developmnet'")

        source = step("outline", "outline", "ga-res-62-172-en.txt", "--json")
        step("export to DOCX", "export", "ga-res-62-172-en.txt", "-o", "exported.docx")
        step("import the DOCX", "import", "exported.docx", "-o", "reimported.penholder")
        back = step("outline of the reimported file", "outline", "reimported.penholder", "--json")
        before, after = json.loads(source.stdout)["counts"], json.loads(back.stdout)["counts"]
        expect(before == after, f"the DOCX round trip changed the structure: {before} became {after}")

        text = (work / "ga-res-62-172-en.txt").read_text(encoding="utf-8")
        changed = text.replace("Recalling", "Recalling further", 1).replace("Urges", "Calls upon", 1)
        (work / "revised.txt").write_text(changed, encoding="utf-8")
        step("compare to HTML", "compare", "ga-res-62-172-en.txt", "revised.txt", "-o", "redline.html")
        html = (work / "redline.html").read_text(encoding="utf-8")
        expect("<ins" in html and "further" in html, "the redline shows no insertion")

        run = step("window self-test", "--self-test", "ga-res-67-193-en.txt")
        result = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
        expect(result.startswith("self-test ok"), f"the self-test said {result!r}")
        say(f"    {result}")

        step("import a second file", "import", "ga-res-67-193-en.txt", "-o", "second.penholder")
        started = time.monotonic()
        forwarded = second_file_goes_to_the_running_window(program, work, env)
        say(f"ok  a second file opens in the running window ({time.monotonic() - started:.2f} s)")
        say(f"    {forwarded}")


def second_file_goes_to_the_running_window(program: Path, work: Path, env: dict[str, str]) -> str:
    """Start the window with one Penholder file, then ``penholder SECOND`` as a file manager would:
    it must exit at once, and SECOND must be open in the first window (its lock names that
    window's process). Proves Qt's local sockets (QtNetwork) are in the build."""
    locks = Path(env["PENHOLDER_DATA_DIR"]) / "locks"

    def held_by(pid: int) -> int:
        held = 0
        for lock in locks.glob("*.lock") if locks.is_dir() else ():
            try:
                held += lock.read_text(encoding="ascii").strip() == str(pid)
            except OSError:
                continue
        return held

    def wait(condition, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.05)
        return False

    window = subprocess.Popen(
        [str(program), "reimported.penholder"],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        expect(wait(lambda: held_by(window.pid) == 1, 60), "the window did not open reimported.penholder")
        started = time.monotonic()
        second = subprocess.run(
            [str(program), "second.penholder"], cwd=work, env=env, capture_output=True, text=True, timeout=60
        )
        handed = time.monotonic() - started
        expect(second.returncode == 0, f"the second penholder said: {missing_piece(second)}")
        expect(
            wait(lambda: held_by(window.pid) == 2, 30),
            "second.penholder did not open in the running window",
        )
        return f"the second process exited after {handed:.2f} s; the first window has both files"
    finally:
        window.kill()
        window.wait(30)
        if window.stderr is not None:
            window.stderr.close()


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise BuildError(message)


def missing_piece(run: subprocess.CompletedProcess[str]) -> str:
    """The line that names what is missing (a module, a data file, a plugin), else the last lines."""
    output = (run.stderr or "") + (run.stdout or "")
    signs = ("No module named", "does not exist", "No such file", "Qt platform plugin")
    for line in output.splitlines():
        if any(sign.lower() in line.lower() for sign in signs):
            return line.strip()
    tail = [line for line in output.strip().splitlines() if line.strip()][-5:]
    return " | ".join(tail) or "no output"


def smoke_installed(archive: Path, say=lambda line: print(line, flush=True)) -> None:
    """Unpack the Linux archive, install it with its install.sh into a temporary prefix, smoke-test
    PREFIX/bin/penholder from there, then uninstall."""
    with tempfile.TemporaryDirectory(prefix="penholder-install-") as folder:
        work = Path(folder)
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="tar")
        unpacked = next(p for p in work.iterdir() if p.is_dir())
        prefix = work / "prefix"
        env = {"PATH": "/usr/bin:/bin", "HOME": str(work)}
        install = subprocess.run(
            ["sh", str(unpacked / "install.sh"), "--prefix", str(prefix)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if install.returncode != 0:
            raise BuildError(f"install.sh failed: {install.stderr.strip() or install.stdout.strip()}")
        shutil.rmtree(unpacked)  # the installed copy must stand on its own
        placed = [
            prefix / "bin" / "penholder",
            prefix / "share" / "applications" / f"{APP_ID}.desktop",
            prefix / "share" / "mime" / "packages" / f"{APP_ID}.xml",
            prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
        ]
        for path in placed:
            expect(path.exists(), f"install.sh did not put {path.relative_to(prefix)} in place")
        desktop = placed[1].read_text(encoding="utf-8")
        expect(f'Exec="{prefix}/bin/penholder" %F' in desktop, "the menu entry does not start the launcher")
        say(f"ok  install.sh --prefix {prefix}")
        smoke(prefix / "bin" / "penholder", say)
        uninstall = subprocess.run(
            ["sh", str(prefix / "lib" / "penholder" / "install.sh"), "--uninstall", "--prefix", str(prefix)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        left = [p.relative_to(prefix) for p in placed if p.exists()]
        expect(uninstall.returncode == 0 and not left, f"install.sh --uninstall left {left}")
        say("ok  install.sh --uninstall removed everything it installed")


# -- command line ----------------------------------------------------------------------------------


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_installer.py",
        description=__doc__.split("\n\n", 1)[0],
        epilog="Linux: dist/penholder-VERSION-linux-ARCH.tar.gz with install.sh [--prefix DIR] (default"
        " ~/.local: launcher, menu entry, icon, .penholder file type), and an AppImage when appimagetool"
        " is on the PATH. Windows (not yet tested): an Inno Setup installer when iscc is on the PATH,"
        " else a zip. macOS (not yet tested): Penholder.app in a .dmg made with hdiutil.",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="do not build: run the smoke test on the built application in dist/ (--version, check,"
        " spelling, export and re-import, compare, the window's --self-test), with a bare environment;"
        " on Linux also install the archive into a temporary prefix and smoke-test the installed copy",
    )
    parser.add_argument(
        "--executable",
        type=Path,
        metavar="PATH",
        help="with --smoke: test this Penholder executable instead (an installed one, say)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    try:
        if args.smoke:
            started = time.monotonic()
            smoke(args.executable or executable())
            if args.executable is None and system() == "linux":
                archive = DIST / f"penholder-{project_version()}-linux-{machine()}.tar.gz"
                if not archive.exists():
                    raise BuildError(f"{archive.name} is missing: build first (python build_installer.py)")
                smoke_installed(archive)
            print(f"smoke test passed in {time.monotonic() - started:.0f} s")
            return 0
        if args.executable is not None:
            raise BuildError("--executable goes with --smoke")
        build()
        for made in package():
            print(f"made {made}")
        return 0
    except BuildError as exc:
        print(f"build_installer.py: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
