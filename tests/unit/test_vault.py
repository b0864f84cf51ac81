"""Secret vault: keyring first, a private file otherwise, secrets never leak."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest

from qbconnector.core.logs import configure_logging
from qbconnector.core.redact import MASK, mask, redact, register_secret
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import (
    REFRESH_TOKEN,
    FileVault,
    KeyringVault,
    VaultError,
    open_vault,
)
from tests.conftest import MemoryKeyring

SECRET = "RT1-8475-H3-secretvalue"


def _profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", "--profile").ensure()


def test_keyring_is_used_when_usable(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    opened = open_vault(_profile(tmp_path))
    assert isinstance(opened.store, KeyringVault)
    assert opened.encrypted
    opened.store.set(REFRESH_TOKEN, SECRET)
    assert opened.store.get(REFRESH_TOKEN) == SECRET
    assert any(value == SECRET for value in memory_keyring.store.values())
    assert not (tmp_path / "profile" / "secrets.json").exists()


def test_each_profile_has_its_own_secrets(tmp_path: Path) -> None:
    first = open_vault(Profile(tmp_path / "a", "--profile").ensure()).store
    second = open_vault(Profile(tmp_path / "b", "--profile").ensure()).store
    first.set(REFRESH_TOKEN, SECRET)
    assert second.get(REFRESH_TOKEN) is None


def test_file_fallback_when_no_keyring(tmp_path: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    profile = _profile(tmp_path)
    opened = open_vault(profile)
    assert isinstance(opened.store, FileVault)
    assert not opened.encrypted
    assert opened.warning is not None
    assert "unencrypted" in opened.warning
    opened.store.set(REFRESH_TOKEN, SECRET)
    assert json.loads(profile.vault_file.read_text())[REFRESH_TOKEN] == SECRET
    if os.name == "posix":
        assert profile.vault_file.stat().st_mode & 0o777 == 0o600


def test_secrets_move_from_file_into_a_keyring_that_appears(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    profile = _profile(tmp_path)
    FileVault(profile.vault_file).set(REFRESH_TOKEN, SECRET)
    opened = open_vault(profile)
    assert opened.store.get(REFRESH_TOKEN) == SECRET
    assert not profile.vault_file.exists()


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked(f"locked while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked(f"cannot store {password}")


def test_locked_keyring_is_reported_not_bypassed(tmp_path: Path) -> None:
    keyring.set_keyring(LockedKeyring())
    profile = _profile(tmp_path)
    opened = open_vault(profile)
    assert isinstance(opened.store, KeyringVault)
    with pytest.raises(VaultError, match="locked") as caught:
        opened.store.set(REFRESH_TOKEN, SECRET)
    assert SECRET not in str(caught.value)
    with pytest.raises(VaultError, match="Unlock"):
        opened.store.get(REFRESH_TOKEN)
    assert not profile.vault_file.exists()


def test_damaged_vault_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(VaultError, match="cannot be read"):
        FileVault(path).get(REFRESH_TOKEN)


def test_repr_and_mask_never_show_secrets(tmp_path: Path) -> None:
    vault = FileVault(tmp_path / "secrets.json")
    vault.set(REFRESH_TOKEN, SECRET)
    assert SECRET not in repr(vault)
    assert SECRET not in repr(open_vault(_profile(tmp_path)).store)
    assert SECRET not in mask(SECRET)
    assert "set" in mask(SECRET)


def test_log_records_mask_registered_secrets(tmp_path: Path) -> None:
    register_secret(SECRET)
    log_path = configure_logging(tmp_path / "logs")
    logger = logging.getLogger("qbconnector.test")
    logger.info("refreshing with %s", SECRET)
    try:
        raise RuntimeError(f"server said {SECRET}")
    except RuntimeError:
        logger.exception("call failed")
    for handler in logging.getLogger("qbconnector").handlers:
        handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "refreshing with" in text
    assert "call failed" in text
    assert SECRET not in text
    assert text.count(MASK) >= 2
    assert redact(f"a {SECRET} b") == f"a {MASK} b"
