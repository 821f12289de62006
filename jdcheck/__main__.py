"""``python -m jdcheck``: the command line of jdcheck/cli.py."""

import sys

from .cli import main

sys.exit(main())
