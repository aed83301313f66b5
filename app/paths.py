"""Where Penholder keeps the user's own files (the user dictionary, …).

``PENHOLDER_DATA_DIR`` overrides the platform's folder: for tests, portable installs and
machines where the home folder is read-only.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir as _platform_data_dir
from platformdirs import user_log_dir as _platform_log_dir

from app import APP_NAME

DATA_DIR_VARIABLE = "PENHOLDER_DATA_DIR"


def user_data_dir() -> Path:
    """The folder for the user's data (not created here)."""
    override = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(_platform_data_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    """Penholder's log (warnings, unexpected errors): the platform's log folder, or the overriding
    data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    folder = Path(override).expanduser() if override else Path(_platform_log_dir(APP_NAME, appauthor=False))
    return folder / "penholder.log"


def user_dictionary_path() -> Path:
    """The user dictionary: one word a line, UTF-8 (see :mod:`drafting.spelling`)."""
    return user_data_dir() / "user-dictionary.txt"
