"""GUI fixtures: a main window on a throw-away profile, closed after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qbconnector.storage.profile import Profile
from qbconnector.ui.main_window import MainWindow
from tests.gui.window_support import open_test_window


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", "--profile").ensure()


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    built = open_test_window(qtbot, profile)
    yield built
    built.close()
    qtbot.waitUntil(lambda: not built.runner.is_busy(), timeout=10_000)


@pytest.fixture
def window_factory(qtbot: QtBot, profile: Profile) -> Iterator[Callable[[], MainWindow]]:
    """Builds main windows on ``profile`` once the test has prepared it; closes them after,
    waiting until every worker thread they started has ended."""
    built: list[MainWindow] = []

    def build() -> MainWindow:
        window = open_test_window(qtbot, profile)
        built.append(window)
        return window

    yield build
    for window in built:
        window.close()
        qtbot.waitUntil(lambda w=window: not w.runner.is_busy(), timeout=20_000)
        assert not window.finance.sync.is_busy()
        assert not window.finance.pulse.isActive()
        assert not window.finance.auto_sync.timer.isActive()
