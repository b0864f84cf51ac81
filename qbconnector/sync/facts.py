"""Reading what the QuickBooks company can take (currencies, services) before planning."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qbconnector.quickbooks.company_taxes import read_company_taxes
from qbconnector.quickbooks.query import quote_literal
from qbconnector.sync.plan import CompanyFacts
from qbconnector.sync.sender import SyncApi

USABLE_ITEM_TYPES = frozenset({"Service"})


def _currency_prefs(preferences: dict[str, Any]) -> tuple[str | None, bool | None]:
    prefs: dict[str, Any] = preferences.get("CurrencyPrefs", {})
    home = prefs.get("HomeCurrency")
    home_code = home.get("value") if isinstance(home, dict) else None
    enabled = prefs.get("MultiCurrencyEnabled")
    return (
        str(home_code) if home_code else None,
        bool(enabled) if isinstance(enabled, bool) else None,
    )


def _item_usability(api: SyncApi, item_ids: Iterable[str]) -> dict[str, bool]:
    wanted = sorted({item for item in item_ids if item})
    usable = dict.fromkeys(wanted, False)
    if not wanted:
        return usable
    listed = ", ".join(quote_literal(item) for item in wanted)
    for row in api.query(f"SELECT * FROM Item WHERE Id IN ({listed})").rows:
        item_id = str(row.get("Id"))
        if item_id in usable:
            usable[item_id] = row.get("Active", True) is not False and (
                row.get("Type") in USABLE_ITEM_TYPES
            )
    return usable


def fetch_company_facts(api: SyncApi, item_ids: Iterable[str]) -> CompanyFacts:
    """Home currency, multicurrency, whether each item is an active service, and the tax
    regime with its codes (5 queries)."""
    rows = api.query("SELECT * FROM Preferences").rows
    preferences: dict[str, Any] = rows[0] if rows else {}
    home, multicurrency = _currency_prefs(preferences)
    usable = _item_usability(api, item_ids)
    return CompanyFacts(home, multicurrency, usable, read_company_taxes(api, preferences))
