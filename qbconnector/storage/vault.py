"""Secret vault: OAuth tokens and the client secret, kept out of the settings file."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import keyring
import keyring.errors

from qbconnector.core.errors import QbConnectorError
from qbconnector.core.redact import register_secret
from qbconnector.storage.atomic import atomic_write_text
from qbconnector.storage.profile import Profile
from qbconnector.storage.readsafe import read_small_file

# The names of the secrets qbconnector keeps; each is stored separately and stays small
# (the Windows Credential Manager caps one secret at 2,560 bytes).
REFRESH_TOKEN = "refresh_token"
ACCESS_TOKEN = "access_token"
CLIENT_SECRET = "client_secret"


class SecretStore(Protocol):
    """What the rest of the code needs from a vault: get, set and delete named secrets."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemoryVault:
    """A vault that forgets everything on exit: for tests and for the in-memory access token."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._secrets.get(name)

    def set(self, name: str, value: str) -> None:
        self._secrets[name] = value
        register_secret(value)

    def delete(self, name: str) -> None:
        self._secrets.pop(name, None)

    def __repr__(self) -> str:
        return f"MemoryVault(names={sorted(self._secrets)})"


class VaultError(QbConnectorError):
    """The secret store refused or failed; the message says which store and what to do."""


class KeyringVault:
    """Secrets in the operating system's keyring, one entry per secret and per profile."""

    SERVICE = "qbconnector"

    def __init__(self, profile_key: str, backend_name: str) -> None:
        self._profile_key = profile_key
        self.backend_name = backend_name

    def _username(self, name: str) -> str:
        return f"{self._profile_key}:{name}"

    def get(self, name: str) -> str | None:
        try:
            value: str | None = keyring.get_password(self.SERVICE, self._username(name))
        except keyring.errors.KeyringError as error:
            raise _keyring_failure("read", self.backend_name, error) from None
        return value

    def set(self, name: str, value: str) -> None:
        try:
            keyring.set_password(self.SERVICE, self._username(name), value)
        except (keyring.errors.KeyringError, OSError) as error:
            raise _keyring_failure("save", self.backend_name, error) from None
        if value:
            register_secret(value)

    def delete(self, name: str) -> None:
        try:
            keyring.delete_password(self.SERVICE, self._username(name))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise _keyring_failure("delete", self.backend_name, error) from None

    def __repr__(self) -> str:
        return f"KeyringVault(backend={self.backend_name!r})"


def _keyring_failure(action: str, backend: str, error: BaseException) -> VaultError:
    # Never include str(error): some backends echo what they were given.
    if isinstance(error, keyring.errors.KeyringLocked):
        return VaultError(
            f"The {backend} is locked, so qbconnector could not {action} its secrets. "
            "Unlock it (log in to the desktop session or unlock the keychain) and try again."
        )
    return VaultError(
        f"The {backend} refused to {action} a secret ({type(error).__name__}). "
        "Check that it is unlocked and working, then try again."
    )


class FileVault:
    """Secrets in a JSON file readable only by the user (mode 0600); not encrypted."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(read_small_file(self.path).decode("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as error:
            raise VaultError(
                f"The secrets file {self.path} cannot be read ({type(error).__name__}). "
                "Restore it from a backup, or enter the tokens again in Parameters."
            ) from None
        if not isinstance(data, dict):
            raise VaultError(f"The secrets file {self.path} is damaged; enter the tokens again.")
        secrets = {str(key): str(value) for key, value in data.items()}
        for value in secrets.values():
            register_secret(value)
        return secrets

    def _write(self, secrets: dict[str, str]) -> None:
        atomic_write_text(self.path, json.dumps(secrets, indent=2) + "\n", mode=0o600)

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        secrets = self._read()
        secrets[name] = value
        self._write(secrets)
        register_secret(value)

    def delete(self, name: str) -> None:
        secrets = self._read()
        if secrets.pop(name, None) is not None:
            self._write(secrets)

    def names(self) -> list[str]:
        return sorted(self._read())

    def __repr__(self) -> str:
        return f"FileVault(path={str(self.path)!r})"


@dataclass(frozen=True)
class OpenedVault:
    """The vault chosen for a profile and what the user must be told about it."""

    store: SecretStore
    description: str  # e.g. "Secret Service keyring" or "file, not encrypted"
    encrypted: bool
    warning: str | None = None


def usable_keyring_name() -> str | None:
    """The active keyring backend's name, or None when it would not keep secrets safely."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    # keyrings.alt's backends are plain text or weakly encrypted: never treat them as safe.
    if module.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        return None
    if module.startswith("keyring.backends.chainer") and not getattr(backend, "backends", None):
        return None
    try:
        if float(backend.priority) <= 0:
            return None
    except Exception:  # noqa: BLE001 - a backend's priority may raise when it is unusable
        return None
    return str(getattr(backend, "name", type(backend).__name__))


def open_vault(profile: Profile, *, prefer_file: bool = False) -> OpenedVault:
    """The OS keyring when it works; otherwise the profile's 0600 file, with a warning."""
    backend = None if prefer_file else usable_keyring_name()
    if backend is None:
        warning = (
            "No system keyring is available, so the QuickBooks tokens are stored unencrypted in "
            f"{profile.vault_file} (readable only by your user account)."
        )
        return OpenedVault(FileVault(profile.vault_file), "file, not encrypted", False, warning)
    key = hashlib.sha256(str(profile.root).encode("utf-8")).hexdigest()[:12]
    vault = KeyringVault(key, backend)
    _move_file_secrets_into(vault, FileVault(profile.vault_file))
    return OpenedVault(vault, backend, True)


def _move_file_secrets_into(vault: KeyringVault, file_vault: FileVault) -> None:
    # A keyring that appeared after a file fallback takes the secrets over; the file goes last,
    # so a failure half way leaves every secret in at least one place.
    if not file_vault.path.exists():
        return
    for name in file_vault.names():
        value = file_vault.get(name)
        if value is not None:
            vault.set(name, value)
    file_vault.path.unlink()
