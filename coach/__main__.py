"""`python -m coach` runs the same command line as `coach`."""

from coach.cli import main

raise SystemExit(main())
