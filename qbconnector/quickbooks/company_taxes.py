"""What a QuickBooks company says about taxes: country, automated sales tax, codes and rates."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, Protocol

from qbconnector.quickbooks.taxcodes import (
    TaxCodeInfo,
    TaxRateInfo,
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


COMPANY_INFO_QUERY = "SELECT * FROM CompanyInfo"
PREFERENCES_QUERY = "SELECT * FROM Preferences"
TAX_RATE_QUERY = "SELECT * FROM TaxRate"
TAX_CODE_QUERY = "SELECT * FROM TaxCode"


def taxes_from_rows(
    info_rows: list[dict[str, Any]],
    preferences: Mapping[str, Any],
    rate_rows: list[dict[str, Any]],
    code_rows: list[dict[str, Any]],
) -> CompanyTaxes:
    """The company's taxes from the answers to the four queries above."""
    country = str(info_rows[0].get("Country") or "") if info_rows else ""
    codes = parse_tax_codes(code_rows, parse_tax_rates(rate_rows))
    regime = TaxRegime.of(country, automated_sales_tax(preferences))
    return CompanyTaxes(country, regime, tuple(sorted_codes(codes.values())))


def read_company_taxes(api: QueryApi, preferences: Mapping[str, Any] | None = None) -> CompanyTaxes:
    """Country, automated sales tax, tax codes and rates (three or four queries)."""
    if preferences is None:
        prefs_rows = api.query(PREFERENCES_QUERY).rows
        preferences = prefs_rows[0] if prefs_rows else {}
    return taxes_from_rows(
        api.query(COMPANY_INFO_QUERY).rows,
        preferences,
        api.query(TAX_RATE_QUERY).rows,
        api.query(TAX_CODE_QUERY).rows,
    )


def taxes_to_json(taxes: CompanyTaxes) -> str:
    """The company's taxes as JSON, kept so offline views build the payloads a run sends."""
    return json.dumps(
        {
            "country": taxes.country,
            "regime": taxes.regime.value,
            "codes": [
                {
                    "id": code.id,
                    "name": code.name,
                    "active": code.active,
                    "description": code.description,
                    "rates": [
                        {"id": r.id, "name": r.name, "value": str(r.value), "active": r.active}
                        for r in code.rates
                    ],
                }
                for code in taxes.codes
            ],
        }
    )


def taxes_from_json(stored: str | None) -> CompanyTaxes | None:
    """What :func:`taxes_to_json` wrote; None when absent or unreadable."""
    if not stored:
        return None
    try:
        data = json.loads(stored)
        codes = tuple(
            TaxCodeInfo(
                str(code["id"]), str(code["name"]), bool(code["active"]),
                tuple(TaxRateInfo(str(r["id"]), str(r["name"]), Decimal(str(r["value"])),
                                  bool(r["active"])) for r in code["rates"]),
                str(code.get("description", "")),
            )
            for code in data["codes"]
        )  # fmt: skip
        return CompanyTaxes(str(data["country"]), TaxRegime(data["regime"]), codes)
    except (ValueError, KeyError, TypeError, ArithmeticError):
        return None
