"""GUI fixtures: a main window on a throw-away profile, closed after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


@pytest.fixture
def window_factory(qtbot: QtBot, profile: Profile) -> Iterator[Callable[[], MainWindow]]:
    """Builds main windows on ``profile`` once the test has prepared it; closes them after,
    waiting until every worker thread they started has ended."""
    built: list[MainWindow] = []

    def build() -> MainWindow:
        window = build_window(create_application(), profile, language="en",
                              services=ConnectorServices(profile))  # fmt: skip
        window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        qtbot.addWidget(window)
        window.show()
        built.append(window)
        return window

    yield build
    for window in built:
        window.close()
        qtbot.waitUntil(lambda w=window: not w.runner.is_busy(), timeout=20_000)
        assert not window.finance.sync.is_busy()
        assert not window.finance.pulse.isActive()
        assert not window.finance.auto_sync.timer.isActive()
