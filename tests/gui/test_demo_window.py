"""The demo window: DEMO banner, connected to its sandbox, secrets kept out of the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qbconnector.app import build_window, create_application
from qbconnector.core.documents import DocumentKind
from qbconnector.demo import DemoEnvironment, prepare_demo
from qbconnector.flowfit.store import DocumentStore
from qbconnector.storage.profile import Profile
from tests.conftest import MemoryKeyring


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoEnvironment]:
    environment = prepare_demo(Profile(tmp_path / "demo", "--profile"))
    yield environment
    environment.stop()


def test_demo_window_says_demo_and_connects(
    qtbot: QtBot, demo: DemoEnvironment, memory_keyring: MemoryKeyring
) -> None:
    window = build_window(create_application(), demo.profile, language="en", demo=True)
    window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    assert window.banner.text().startswith("DEMO")
    assert window.banner.property("environment") == "demo"
    window.parameters.server.test_button.click()
    qtbot.waitUntil(window.parameters.server.test_button.isEnabled, timeout=10_000)
    assert "Traductions Démo inc." in window.banner.text()
    assert memory_keyring.store == {}
    with DocumentStore.open(demo.profile.store_file) as store:
        latest_invoice = store.latest(DocumentKind.INVOICE)
    assert latest_invoice is not None
    preview = window.parameters.invoices.editor.preview_label
    qtbot.waitUntil(lambda: latest_invoice.number in preview.text(), timeout=5_000)
    window.close()
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=5_000)
