"""Reading what the QuickBooks company can take (currencies, services) before planning."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from qbconnector.quickbooks.company_taxes import (
    COMPANY_INFO_QUERY,
    PREFERENCES_QUERY,
    TAX_CODE_QUERY,
    TAX_RATE_QUERY,
    taxes_from_rows,
    taxes_to_json,
)
from qbconnector.quickbooks.query import quote_literal
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.plan import CompanyFacts
from qbconnector.sync.sender import SyncApi

USABLE_ITEM_TYPES = frozenset({"Service"})
COMPANY_TAXES_CURSOR = "company-taxes"


def remember_taxes(ledger: Ledger, facts: CompanyFacts) -> None:
    """Keep the company's taxes in the ledger, so offline views build the payloads a run
    sends (the details dialog)."""
    if facts.taxes is not None:
        ledger.set_cursor(COMPANY_TAXES_CURSOR, taxes_to_json(facts.taxes))


def _currency_prefs(preferences: dict[str, Any]) -> tuple[str | None, bool | None]:
    prefs: dict[str, Any] = preferences.get("CurrencyPrefs", {})
    home = prefs.get("HomeCurrency")
    home_code = home.get("value") if isinstance(home, dict) else None
    enabled = prefs.get("MultiCurrencyEnabled")
    return (
        str(home_code) if home_code else None,
        bool(enabled) if isinstance(enabled, bool) else None,
    )


def _items_query(wanted: list[str]) -> str:
    return f"SELECT * FROM Item WHERE Id IN ({', '.join(quote_literal(item) for item in wanted)})"


def _item_usability(wanted: list[str], rows: list[dict[str, Any]]) -> dict[str, bool]:
    usable = dict.fromkeys(wanted, False)
    for row in rows:
        item_id = str(row.get("Id"))
        if item_id in usable:
            usable[item_id] = row.get("Active", True) is not False and (
                row.get("Type") in USABLE_ITEM_TYPES
            )
    return usable


def facts_statements(item_ids: Iterable[str]) -> list[str]:
    """The queries :func:`facts_from_rows` needs, in its order."""
    statements = [PREFERENCES_QUERY, COMPANY_INFO_QUERY, TAX_RATE_QUERY, TAX_CODE_QUERY]
    wanted = sorted({item for item in item_ids if item})
    return [*statements, _items_query(wanted)] if wanted else statements


def facts_from_rows(item_ids: Iterable[str], answers: list[list[dict[str, Any]]]) -> CompanyFacts:
    """Home currency, multicurrency, whether each item is an active service, and the tax
    regime with its codes, from the answers to :func:`facts_statements`."""
    wanted = sorted({item for item in item_ids if item})
    preferences_rows, info_rows, rate_rows, code_rows = answers[:4]
    preferences: dict[str, Any] = preferences_rows[0] if preferences_rows else {}
    home, multicurrency = _currency_prefs(preferences)
    usable = _item_usability(wanted, answers[4] if wanted else [])
    taxes = taxes_from_rows(info_rows, preferences, rate_rows, code_rows)
    return CompanyFacts(home, multicurrency, usable, taxes)


def fetch_company_facts(api: SyncApi, item_ids: Iterable[str]) -> CompanyFacts:
    """The company's facts: five queries sent at once (one round trip, not five)."""
    statements = facts_statements(item_ids)
    with ThreadPoolExecutor(len(statements), thread_name_prefix="qb-facts") as pool:
        answers = list(pool.map(lambda statement: api.query(statement).rows, statements))
    return facts_from_rows(item_ids, answers)
