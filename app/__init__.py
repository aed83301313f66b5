"""Penholder application layer: command line, settings, paths, autosave."""

from importlib import metadata as _metadata


def _installed_version() -> str:
    """The one version number, from ``pyproject.toml`` through the installed package's metadata
    (a frozen build carries that metadata too: ``build_installer.py`` copies it)."""
    try:
        return _metadata.version("penholder")
    except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _installed_version()
APP_NAME = "Penholder"
APP_ID = "org.penholder.Penholder"
