"""Launcher frozen by PyInstaller (qbconnector.spec): the same entry point as `qbconnector`."""

from qbconnector.cli import main

raise SystemExit(main())
