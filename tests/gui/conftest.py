"""GUI fixtures: a main window on a throw-away profile, closed after each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qbconnector.app import build_window, create_application
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.ui.main_window import MainWindow


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", "--profile").ensure()


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    app = create_application()
    built = build_window(app, profile, language="en", services=ConnectorServices(profile))
    # A modal dialog would block the test run: unsaved changes are discarded unless a test
    # says otherwise.
    built.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(built)
    built.show()
    yield built
    built.close()
    qtbot.waitUntil(lambda: not built.runner.is_busy(), timeout=10_000)
