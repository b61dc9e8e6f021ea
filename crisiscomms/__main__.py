"""Allow ``python -m crisiscomms``."""

import sys

from .cli import main

sys.exit(main())
