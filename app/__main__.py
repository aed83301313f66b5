"""``python -m app``: the same as the ``penholder`` command."""

import sys

from app.cli import main

sys.exit(main())
