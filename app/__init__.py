"""Penholder application layer: command line, settings, paths, autosave."""

__version__ = "0.1.0"
APP_NAME = "Penholder"
APP_ID = "org.penholder.Penholder"
