"""The frozen build's entry point: the same as the ``penholder`` command (``app.cli.main``)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
