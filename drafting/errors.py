"""Exceptions the core raises. Each carries a message fit to show a user as one line."""

from __future__ import annotations


class DraftingError(Exception):
    """Base class: something a user did or gave cannot be handled; the message says why."""


class ImportFailed(DraftingError):
    """An input file cannot be read as a document."""


class StorageError(DraftingError):
    """A Penholder file cannot be read or written."""


class ExportFailed(DraftingError):
    """A document cannot be written in the requested format."""
