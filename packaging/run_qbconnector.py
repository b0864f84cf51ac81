"""Launcher frozen by PyInstaller (qbconnector.spec): the same entry point as `qbconnector`."""

import multiprocessing

# First of all: when the window's sync process starts (spawn), this program is run again with
# multiprocessing's arguments; freeze_support() serves it and exits before the app would start.
multiprocessing.freeze_support()

from qbconnector.cli import main  # noqa: E402 - after freeze_support, as PyInstaller requires

raise SystemExit(main())
