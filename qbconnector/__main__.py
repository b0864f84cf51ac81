"""Entry point for ``python -m qbconnector``."""

from qbconnector.cli import main

raise SystemExit(main())
