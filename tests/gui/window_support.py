"""Opening a main window for a test: English, unsaved changes discarded, shown."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qbconnector.app import build_window, create_application
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.ui.main_window import MainWindow


def open_test_window(qtbot: QtBot, profile: Profile) -> MainWindow:
    """The window on ``profile``, shown; closing it is the caller's."""
    window = build_window(create_application(), profile, language="en",
                          services=ConnectorServices(profile))  # fmt: skip
    # A modal dialog would block the test run: unsaved changes are discarded unless a test
    # says otherwise.
    window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    return window
