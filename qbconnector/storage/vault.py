"""Secret vault: OAuth tokens and the client secret, kept out of the settings file."""

from __future__ import annotations

from typing import Protocol

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

    def delete(self, name: str) -> None:
        self._secrets.pop(name, None)

    def __repr__(self) -> str:
        return f"MemoryVault(names={sorted(self._secrets)})"
