"""Integration helpers: a bare HTTP session on the sandbox (its fixtures: sandbox_fixtures)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests

from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from tests.integration.sync_support import sandbox_client
from tests.sandbox_fixtures import SandboxFactory

__all__ = ["QboSession", "SandboxFactory"]


class QboSession:
    """A bare ``requests`` session bound to one sandbox realm (the sandbox's own tests only)."""

    def __init__(self, server: SandboxServer, access_token: str) -> None:
        self.server = server
        self.http = requests.Session()
        self.http.headers.update(
            {"Authorization": f"Bearer {access_token}", "Accept": "application/json"}
        )
        self.base = f"{server.api_base_url}/v3/company/{server.realm_id}"

    def post(self, path: str, body: object, **params: str) -> requests.Response:
        return self.http.post(
            f"{self.base}/{path}", json=body, params={"minorversion": "75", **params}
        )

    def get(self, path: str, **params: str) -> requests.Response:
        return self.http.get(f"{self.base}/{path}", params={"minorversion": "75", **params})

    def query(self, text: str) -> requests.Response:
        return self.get("query", query=text)

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def qbo(sandbox: SandboxServer) -> Iterator[QboSession]:
    """An authorised session on the ``sandbox`` fixture."""
    session = QboSession(sandbox, sandbox.issue_tokens()["access_token"])
    yield session
    session.close()


@pytest.fixture
def qbo_for() -> Iterator[Callable[[SandboxServer], QboSession]]:
    """Authorised sessions on sandboxes from ``sandbox_factory``; closed after the test."""
    sessions: list[QboSession] = []

    def open_session(server: SandboxServer) -> QboSession:
        session = QboSession(server, server.issue_tokens()["access_token"])
        sessions.append(session)
        return session

    yield open_session
    for session in sessions:
        session.close()


@pytest.fixture
def client(server: SandboxServer) -> Iterator[QuickBooksClient]:
    """A real client on the test module's ``server`` fixture (sync tests define one)."""
    built, _vault, _tokens = sandbox_client(server)
    yield built
    built.close()


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.sqlite3", who="tester") as opened:
        yield opened
