"""The profile folder: --profile, then QBCONNECTOR_PROFILE, then the per-user default."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbconnector.storage.profile import PROFILE_ENV, resolve_profile


def test_cli_flag_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROFILE_ENV, str(tmp_path / "env"))
    profile = resolve_profile(tmp_path / "flag")
    assert profile.root == tmp_path / "flag"
    assert profile.source == "--profile"


def test_environment_variable_points_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PROFILE_ENV, str(tmp_path / "env"))
    profile = resolve_profile(None).ensure()
    assert profile.source == PROFILE_ENV
    for path in (
        profile.settings_file,
        profile.vault_file,
        profile.ledger_file,
        profile.store_file,
        profile.log_dir,
        profile.token_lock_file,
    ):
        assert tmp_path / "env" in path.parents
    assert profile.log_dir.is_dir()


def test_default_is_the_per_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    profile = resolve_profile(None)
    assert profile.source == "default"
    assert profile.root == tmp_path / "xdg" / "qbconnector"
