"""What a fresh sandbox company starts with: settings, services, customers, vendors, employees."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qbconnector.sandbox.company import Company
from qbconnector.sandbox.rules import WriteContext

DEFAULT_SERVICES = ("Translation", "Revision", "Interpreting")
INCOME_ACCOUNT = {"value": "79", "name": "Services"}


@dataclass
class CompanySeed:
    """Seed data; customers, vendors and employees are display names or full request bodies."""

    company_name: str = "Sandbox Translations Inc."
    country: str = "CA"
    home_currency: str = "CAD"
    multicurrency: bool = False
    services: list[str] = field(default_factory=lambda: list(DEFAULT_SERVICES))
    inactive_services: list[str] = field(default_factory=list)
    customers: list[str | dict[str, Any]] = field(default_factory=list)
    vendors: list[str | dict[str, Any]] = field(default_factory=list)
    employees: list[str | dict[str, Any]] = field(default_factory=list)


def apply_seed(company: Company, seed: CompanySeed) -> None:
    """Fill an empty company through the same rules as the API (so seeds are valid data)."""
    state = company.state
    state.company_name = seed.company_name
    state.country = seed.country
    state.home_currency = seed.home_currency
    state.multicurrency = seed.multicurrency
    ctx = WriteContext(state)
    with company.lock:
        for name in seed.services:
            company.create("Item", _service(name, active=True), ctx)
        for name in seed.inactive_services:
            company.create("Item", _service(name, active=False), ctx)
        for entity, entries in (
            ("Customer", seed.customers),
            ("Vendor", seed.vendors),
            ("Employee", seed.employees),
        ):
            for entry in entries:
                body = {"DisplayName": entry} if isinstance(entry, str) else dict(entry)
                company.create(entity, body, ctx)


def _service(name: str, active: bool) -> dict[str, Any]:
    return {
        "Name": name,
        "Type": "Service",
        "Description": name,
        "IncomeAccountRef": dict(INCOME_ACCOUNT),
        "Active": active,
    }
