"""The window on a damaged profile: it opens, says what is wrong in a banner, never crashes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.ui.main_window import MainWindow
from tests.gui.window_support import open_test_window


def _too_new(profile: Path) -> None:
    data = json.loads((profile / "settings.json").read_text())
    (profile / "settings.json").write_text(json.dumps({**data, "version": 99}))


def _write(name: str, content: bytes) -> Callable[[Path], None]:
    def damage(profile: Path) -> None:
        (profile / name).write_bytes(content)

    return damage


def _logs_a_file(profile: Path) -> None:
    (profile / "logs").write_text("x")  # the profile fixture copies no logs folder


DAMAGE: dict[str, tuple[Callable[[Path], None], str | None]] = {
    "settings-too-new": (_too_new, "newer qbconnector"),
    "settings-invalid-json": (_write("settings.json", b"{oops"), "kept as"),
    "settings-empty": (_write("settings.json", b""), "kept as"),
    "settings-bad-field": (_write("settings.json", b'{"server": {"realm_id": 5}}'), "kept in"),
    "secrets-damaged": (_write("secrets.json", b"{oops"), "secrets.json"),
    "secrets-a-list": (_write("secrets.json", b"[]"), "secrets.json"),
    "documents-not-a-database": (_write("documents.sqlite3", b"garbage" * 500), None),
    "ledger-not-a-database": (_write("ledger.sqlite3", b"garbage" * 500), None),
    "logs-a-file": (_logs_a_file, None),
}


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[[Path], MainWindow]]:
    built: list[MainWindow] = []

    def build(folder: Path) -> MainWindow:
        window = open_test_window(qtbot, Profile(folder, "--profile"))
        built.append(window)
        return window

    yield build
    for window in built:
        window.close()
        qtbot.waitUntil(lambda w=window: not w.runner.is_busy(), timeout=20_000)


@pytest.mark.parametrize("case", DAMAGE)
def test_the_window_opens_on_a_damaged_profile(
    profile: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot, case: str
) -> None:
    damage, needle = DAMAGE[case]
    damage(profile)
    window = open_window(profile)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    if needle is not None:
        assert window.problem_banner.isVisible()
        assert needle in window.problem_banner.text()
    if case == "settings-too-new":
        assert not window.parameters.isEnabled()  # saving would overwrite the newer file
        assert json.loads((profile / "settings.json").read_text())["version"] == 99


def test_a_sound_profile_shows_no_banner(
    profile: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    window = open_window(profile)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert not window.problem_banner.isVisible()


def test_a_window_save_the_vault_refuses_writes_nothing(profile: Path) -> None:
    from qbconnector.storage.vault import OpenedVault, VaultError

    class RefusingVault:
        def get(self, name: str) -> str | None:
            return "old"

        def set(self, name: str, value: str) -> None:
            raise VaultError("The keyring is locked; unlock it and try again.")

        def delete(self, name: str) -> None:
            raise VaultError("locked")

    before = (profile / "settings.json").read_bytes()
    services = ConnectorServices(
        Profile(profile, "--profile"), OpenedVault(RefusingVault(), "test keyring", True)
    )
    settings = services.load_settings().settings.with_section("server", realm_id="555")
    with pytest.raises(VaultError):
        services.save(settings, {"refresh_token": "RT-new"})
    assert (profile / "settings.json").read_bytes() == before
