"""Helpers for client tests against the sandbox: clients closed after the test, a file vault."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from qbconnector.quickbooks.client import AccessTokenSource, ClientConfig, QuickBooksClient
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import StaticTokenSource
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.atomic import atomic_write_text

ClientFactory = Callable[..., QuickBooksClient]


@pytest.fixture
def client_for() -> Iterator[ClientFactory]:
    """``client_for(server, tokens=None, limits=None, backoff=None, **config)``; closed after."""
    clients: list[QuickBooksClient] = []

    def build(
        server: SandboxServer,
        tokens: AccessTokenSource | None = None,
        limits: RateLimits | None = None,
        backoff: Backoff | None = None,
        **config: Any,
    ) -> QuickBooksClient:
        source = tokens or StaticTokenSource(server.issue_tokens()["access_token"])
        client = QuickBooksClient(
            ClientConfig(
                realm_id=config.pop("realm_id", server.realm_id),
                environment="custom",
                base_url=server.api_base_url,
                backoff=backoff or Backoff(first=0.01, cap=0.1),
                **config,
            ),
            source,
            RateLimiter(limits) if limits else None,
        )
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


class FileVault:
    """A JSON-file SecretStore for tests that share one vault between processes; writes are
    atomic, and callers serialise writers (the token lock does)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"FileVault({self.path.name})"

    def _read(self) -> dict[str, str]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(key): str(value) for key, value in loaded.items()}

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        secrets = self._read()
        secrets[name] = value
        atomic_write_text(self.path, json.dumps(secrets))

    def delete(self, name: str) -> None:
        secrets = self._read()
        if secrets.pop(name, None) is not None:
            atomic_write_text(self.path, json.dumps(secrets))
