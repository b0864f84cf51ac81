"""What a QuickBooks company says about taxes: country, automated sales tax, codes and rates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from qbconnector.quickbooks.taxcodes import (
    TaxCodeInfo,
    TaxRegime,
    parse_tax_codes,
    parse_tax_rates,
    sorted_codes,
)


class QueryApi(Protocol):
    """Anything that runs a QuickBooks query (the client, or the engine's retrying reads)."""

    def query(self, text: str) -> Any: ...


@dataclass(frozen=True)
class CompanyTaxes:
    """The company's tax regime and its tax codes (active first, then by name)."""

    country: str
    regime: TaxRegime
    codes: tuple[TaxCodeInfo, ...]

    @cached_property
    def by_id(self) -> Mapping[str, TaxCodeInfo]:
        return {code.id: code for code in self.codes}

    def code(self, code_id: str) -> TaxCodeInfo | None:
        return self.by_id.get(code_id)


def automated_sales_tax(preferences: Mapping[str, Any]) -> bool:
    """Whether QuickBooks computes US sales tax itself (``TaxPrefs.PartnerTaxEnabled``)."""
    tax_prefs = preferences.get("TaxPrefs")
    return isinstance(tax_prefs, Mapping) and tax_prefs.get("PartnerTaxEnabled") is True


def read_company_taxes(api: QueryApi, preferences: Mapping[str, Any] | None = None) -> CompanyTaxes:
    """Country, automated sales tax, tax codes and rates (three or four queries)."""
    info_rows = api.query("SELECT * FROM CompanyInfo").rows
    country = str(info_rows[0].get("Country") or "") if info_rows else ""
    if preferences is None:
        prefs_rows = api.query("SELECT * FROM Preferences").rows
        preferences = prefs_rows[0] if prefs_rows else {}
    rates = parse_tax_rates(api.query("SELECT * FROM TaxRate").rows)
    codes = parse_tax_codes(api.query("SELECT * FROM TaxCode").rows, rates)
    regime = TaxRegime.of(country, automated_sales_tax(preferences))
    return CompanyTaxes(country, regime, tuple(sorted_codes(codes.values())))
