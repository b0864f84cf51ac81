"""What a fresh sandbox company starts with: settings, sales tax, services, parties."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from qbconnector.sandbox.company import Company
from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.taxes import seed_taxes

DEFAULT_SERVICES = ("Translation", "Revision", "Interpreting")
INCOME_ACCOUNT = {"value": "79", "name": "Services"}


@dataclass
class CompanySeed:
    """Seed data; customers, vendors and employees are display names or full request bodies.

    ``country`` is ``CA`` or ``US`` (each gets its tax codes). ``us_sales_tax_rate`` (percent,
    US only) turns automated sales tax on: ``Preferences.TaxPrefs.PartnerTaxEnabled`` true.
    """

    company_name: str = "Sandbox Translations Inc."
    country: str = "CA"
    home_currency: str = "CAD"
    multicurrency: bool = False
    us_sales_tax_rate: Decimal | None = None
    services: list[str] = field(default_factory=lambda: list(DEFAULT_SERVICES))
    inactive_services: list[str] = field(default_factory=list)
    customers: list[str | dict[str, Any]] = field(default_factory=list)
    vendors: list[str | dict[str, Any]] = field(default_factory=list)
    employees: list[str | dict[str, Any]] = field(default_factory=list)

    @classmethod
    def united_states(cls, us_sales_tax_rate: Decimal | None = None, **fields: Any) -> CompanySeed:
        """A US company in USD; with a rate, automated sales tax (AST) at that percent."""
        fields.setdefault("company_name", "Sandbox Translations LLC")
        return cls(country="US", home_currency="USD", us_sales_tax_rate=us_sales_tax_rate, **fields)


def apply_seed(company: Company, seed: CompanySeed) -> None:
    """Fill an empty company through the same rules as the API (so seeds are valid data)."""
    state = company.state
    state.company_name = seed.company_name
    state.country = seed.country
    state.home_currency = seed.home_currency
    state.multicurrency = seed.multicurrency
    if seed.us_sales_tax_rate is not None:
        if seed.country != "US":
            raise ValueError("us_sales_tax_rate (automated sales tax) is for a US company only")
        if not Decimal(0) <= Decimal(seed.us_sales_tax_rate) < 100:
            raise ValueError("us_sales_tax_rate is a percent from 0 to 100")
        state.us_sales_tax_rate = Decimal(seed.us_sales_tax_rate)
    ctx = WriteContext(state)
    with company.lock:
        seed_taxes(state)
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
