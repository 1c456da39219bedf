"""`python -m decisionaid` runs the command line."""

import sys

from decisionaid.cli import main

sys.exit(main())
