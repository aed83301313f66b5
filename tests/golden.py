"""Golden files of the "outputs unchanged" tests: short digests of outputs, and the ``--update``
that records them (only for a change meant to alter output, and saying so)."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path


def digest(value: object) -> str:
    """A short digest of bytes, or of a JSON-able value (keys sorted, so order of building does
    not count)."""
    if not isinstance(value, bytes):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(value).hexdigest()[:20]


def update_main(module: str, path: Path, outputs: Callable[[], dict]) -> None:
    """``python -m MODULE --update``: write the current outputs to the golden file."""
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: python -m {module} --update")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(outputs(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")
