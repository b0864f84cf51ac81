"""Writing parameters and secrets together: all of them, or none (the old values go back)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from qbconnector.core.errors import QbConnectorError
from qbconnector.core.settings import Settings
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import SecretStore


def save_all(
    settings_file: SettingsFile,
    vault: SecretStore,
    settings: Settings,
    secrets: Mapping[str, str],
) -> None:
    """Secrets, then settings; when anything fails, the secrets written so far are restored.

    Secrets go first because the vault refuses more often (a locked keyring, a damaged file):
    the settings file, written last and atomically, then never holds parameters whose tokens
    were not saved.
    """
    previous = {name: vault.get(name) for name in secrets}  # a damaged vault stops us here
    try:
        for name, value in secrets.items():
            vault.set(name, value)
        settings_file.save(settings)
    except BaseException:
        for name, old in previous.items():
            with contextlib.suppress(QbConnectorError, OSError):
                vault.set(name, old) if old is not None else vault.delete(name)
        raise
