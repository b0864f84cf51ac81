"""Test connection and the QuickBooks services list: the look-ups the Parameters tabs need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from qbconnector.core.settings import Settings
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.company_taxes import CompanyTaxes, read_company_taxes
from qbconnector.quickbooks.tokenstate import TokenStatus, read_token_times
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import REFRESH_TOKEN, SecretStore
from qbconnector.sync.connection import open_client

SERVICES_QUERY = "SELECT * FROM Item WHERE Type = 'Service'"


@dataclass(frozen=True)
class ServiceItem:
    """A QuickBooks Item of type Service."""

    id: str
    name: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class ConnectionReport:
    """What Test connection found."""

    company_name: str
    country: str
    access_expires: dt.datetime | None
    refresh_expires: dt.datetime | None
    refresh_hard_expires: dt.datetime | None


def _client(profile: Profile, settings: Settings, vault: SecretStore) -> QuickBooksClient:
    # Testing works before the connector is switched on: that is when people test.
    enabled = replace(settings, server=replace(settings.server, enabled=True))
    return open_client(profile, enabled, vault)


def token_status(profile: Profile, vault: SecretStore) -> TokenStatus:
    """Expiry times of the saved tokens, read from the profile without any network call."""
    times = read_token_times(profile.token_state_file)
    return TokenStatus.from_times(times, bool(vault.get(REFRESH_TOKEN)))


def test_connection(profile: Profile, settings: Settings, vault: SecretStore) -> ConnectionReport:
    """Read CompanyInfo with the saved parameters and tokens (refreshing them if needed)."""
    client = _client(profile, settings, vault)
    try:
        info = client.company_info().entity
    finally:
        client.close()
    status = token_status(profile, vault)
    return ConnectionReport(
        company_name=str(info.get("CompanyName") or info.get("LegalName") or "?"),
        country=str(info.get("Country") or ""),
        access_expires=status.access_expires_at,
        refresh_expires=status.refresh_expires_at,
        refresh_hard_expires=status.refresh_hard_expires_at,
    )


def list_service_items(
    profile: Profile, settings: Settings, vault: SecretStore
) -> list[ServiceItem]:
    """Every Item of type Service in the company, active ones first, by name."""
    client = _client(profile, settings, vault)
    try:
        rows = client.query(SERVICES_QUERY).rows
    finally:
        client.close()
    items = [
        ServiceItem(
            id=str(row.get("Id", "")),
            name=str(row.get("Name", "")),
            description=str(row.get("Description") or ""),
            active=bool(row.get("Active", True)),
        )
        for row in rows
    ]
    return sorted(items, key=lambda item: (not item.active, item.name.casefold()))


def list_tax_codes(profile: Profile, settings: Settings, vault: SecretStore) -> CompanyTaxes:
    """The company's tax regime and tax codes with their rates (inactive ones included)."""
    client = _client(profile, settings, vault)
    try:
        return read_company_taxes(client)
    finally:
        client.close()
