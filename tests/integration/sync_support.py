"""Helpers for sync tests: a real client on a sandbox, an engine, and sandbox inspections."""

from __future__ import annotations

import collections
import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus
from qbconnector.core.settings import PostingMode, Settings
from qbconnector.flowfit.importer import documents_to_json
from qbconnector.flowfit.samples import generate_documents, tax_definitions
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import TokenManager
from qbconnector.sandbox.connect import suggested_tax_settings
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.vault import ACCESS_TOKEN, REFRESH_TOKEN, MemoryVault
from qbconnector.sync.engine import EngineConfig, SyncEngine
from qbconnector.sync.sender import RetryPolicy

FAST_RETRY = RetryPolicy(retries=4, first_wait=0.01, factor=2.0)


def sandbox_client(
    server: SandboxServer, *, time_scale: float = 60.0, vault: MemoryVault | None = None
) -> tuple[QuickBooksClient, MemoryVault, TokenManager]:
    """A real client on ``server`` with its own token manager (refreshes through the sandbox)."""
    if vault is None:
        vault = MemoryVault()
        grant = server.issue_tokens()
        vault.set(REFRESH_TOKEN, grant["refresh_token"])
        vault.set(ACCESS_TOKEN, grant["access_token"])
    oauth = OAuthSettings(server.client_id, server.client_secret, server.discovery_url,
                          timeout=(2.0, 10.0))  # fmt: skip
    tokens = TokenManager(vault, oauth, lock_file=None, state_file=None)
    config = ClientConfig(server.realm_id, "custom", server.api_base_url, timeout=(2.0, 10.0),
                          backoff=Backoff().time_scaled(time_scale))  # fmt: skip
    limiter = RateLimiter(RateLimits().time_scaled(time_scale))
    return QuickBooksClient(config, tokens, limiter), vault, tokens


def service_ids(server: SandboxServer) -> dict[str, str]:
    return {str(item["Name"]): str(item["Id"]) for item in server.entities("Item")}


def settings_for(server: SandboxServer, mode: PostingMode = PostingMode.SUMMARY) -> Settings:
    ids = service_ids(server)
    settings = Settings().with_section("services", service_id=ids["Translation"],
                                       service_name="Translation",
                                       mapping={"Revision": ids["Revision"],
                                                "Interpretation": ids["Interpreting"]})  # fmt: skip
    settings = settings.with_section("sync", posting_mode=mode)
    return dataclasses.replace(
        settings, taxes=suggested_tax_settings(server.entities, tax_definitions())
    )


def make_engine(
    client: QuickBooksClient,
    ledger: Ledger,
    settings: Settings,
    *,
    batch_size: int = 30,
    in_flight: int = 4,
) -> SyncEngine:
    config = EngineConfig(batch_size=batch_size, in_flight=in_flight, retry=FAST_RETRY, rounds=4)
    return SyncEngine(client, ledger, PayloadOptions.from_settings(settings), config)


def approved(documents: Iterable[Document]) -> list[Document]:
    return [doc for doc in documents if doc.status is DocumentStatus.APPROVED]


def sample(count: int, seed: int = 1) -> list[Document]:
    """Approved sample documents (several clients, names with apostrophes, CAD and USD)."""
    return approved(generate_documents(count, seed))


def in_home_currency(documents: Iterable[Document], currency: str = "CAD") -> list[Document]:
    return [dataclasses.replace(doc, currency=currency) for doc in documents]


def entity_of(kind: DocumentKind) -> str:
    return "Invoice" if kind is DocumentKind.INVOICE else "Estimate"


def doc_number_counts(server: SandboxServer, kind: DocumentKind) -> collections.Counter[str]:
    return collections.Counter(
        str(row.get("DocNumber")) for row in server.entities(entity_of(kind))
    )


def assert_exactly_once(server: SandboxServer, documents: Iterable[Document]) -> None:
    """Each document is in QuickBooks once, no DocNumber twice, no customer name twice."""
    documents = list(documents)
    for kind in DocumentKind:
        counts = doc_number_counts(server, kind)
        wanted = {doc.number for doc in documents if doc.kind is kind}
        assert {number for number, count in counts.items() if count > 1} == set()
        assert set(counts) == wanted
    names = collections.Counter(
        str(row["DisplayName"]).casefold() for row in server.entities("Customer")
    )
    assert [name for name, count in names.items() if count > 1] == []


def write_documents_file(path: Path, documents: Iterable[Document]) -> Path:
    path.write_text(documents_to_json(documents), encoding="utf-8")
    return path


def admin_state(server: SandboxServer) -> dict[str, Any]:
    return json.loads(json.dumps(server.summary(), default=str))  # type: ignore[no-any-return]
