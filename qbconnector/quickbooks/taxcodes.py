"""The company's QuickBooks tax codes and rates, its tax regime, and matching FlowFit taxes."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from qbconnector.core.documents import DocumentTax

# US companies put one of these pseudo-codes on each line; the rate lives elsewhere.
US_TAXABLE = "TAX"
US_NOT_TAXABLE = "NON"
# Preferred, in this order, as the code for lines no tax applies to.
UNTAXED_NAMES = ("exempt", "zero-rated", "out of scope")


class TaxRegime(enum.StrEnum):
    """How the company takes taxes: a code per line (non-US), US codes, or US automated tax."""

    LINE_CODES = "line-codes"  # Canada, UK, AU...: TaxCodeRef on every line
    US = "us"  # TAX / NON per line; the rate from TxnTaxCodeRef
    US_AUTOMATED = "us-automated"  # QuickBooks computes from addresses (PartnerTaxEnabled)

    @classmethod
    def of(cls, country: str, automated_sales_tax: bool) -> TaxRegime:
        if country.strip().upper() not in ("US", "USA"):
            return cls.LINE_CODES
        return cls.US_AUTOMATED if automated_sales_tax else cls.US


@dataclass(frozen=True)
class TaxRateInfo:
    """A QuickBooks TaxRate: its Id, name and value in percent."""

    id: str
    name: str
    value: Decimal
    active: bool = True


@dataclass(frozen=True)
class TaxCodeInfo:
    """A QuickBooks TaxCode with the sales rates it applies, in QuickBooks' order."""

    id: str
    name: str
    active: bool
    rates: tuple[TaxRateInfo, ...] = ()
    description: str = ""

    @property
    def rate_values(self) -> tuple[Decimal, ...]:
        return tuple(rate.value for rate in self.rates)

    @property
    def total_rate(self) -> Decimal:
        return sum(self.rate_values, Decimal(0))

    def label(self) -> str:
        """``GST/QST QC - 9.975 (5 % + 9.975 %)``: how a person recognises the code."""
        if not self.rates:
            return self.name
        return f"{self.name} ({' + '.join(f'{percent(v)} %' for v in self.rate_values)})"


def percent(value: Decimal) -> str:
    """9.9750 -> '9.975', 5.0 -> '5': a rate as people write it."""
    return format(value.normalize(), "f")


def same_rates(first: Iterable[Decimal], second: Iterable[Decimal]) -> bool:
    """Whether two lists of rates hold the same values, whatever their order."""
    return sorted(Decimal(v).normalize() for v in first) == sorted(
        Decimal(v).normalize() for v in second
    )


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _ref_value(ref: object) -> str:
    return str(ref.get("value", "")) if isinstance(ref, Mapping) else ""


def parse_tax_rates(rows: Iterable[Mapping[str, Any]]) -> dict[str, TaxRateInfo]:
    """TaxRate query rows by Id; rows without a usable RateValue are left out."""
    rates: dict[str, TaxRateInfo] = {}
    for row in rows:
        value = _decimal(row.get("RateValue", ""))
        if value is None or not row.get("Id"):
            continue
        rate_id = str(row["Id"])
        rates[rate_id] = TaxRateInfo(
            rate_id, str(row.get("Name", "")), value, row.get("Active", True) is not False
        )
    return rates


def parse_tax_codes(
    rows: Iterable[Mapping[str, Any]], rates: Mapping[str, TaxRateInfo]
) -> dict[str, TaxCodeInfo]:
    """TaxCode query rows by Id, each with its sales rates looked up in ``rates``."""
    codes: dict[str, TaxCodeInfo] = {}
    for row in rows:
        if not row.get("Id"):
            continue
        rate_list = row.get("SalesTaxRateList")
        details = rate_list.get("TaxRateDetail", []) if isinstance(rate_list, Mapping) else []
        ordered = sorted(
            (d for d in details if isinstance(d, Mapping)),
            key=lambda detail: int(_decimal(detail.get("TaxOrder", 0)) or 0),
        )
        code_rates = tuple(
            rates[_ref_value(d.get("TaxRateRef"))]
            for d in ordered
            if _ref_value(d.get("TaxRateRef")) in rates
        )
        code_id = str(row["Id"])
        codes[code_id] = TaxCodeInfo(
            code_id,
            str(row.get("Name", "")),
            row.get("Active", True) is not False,
            code_rates,
            str(row.get("Description") or ""),
        )
    return codes


def sorted_codes(codes: Iterable[TaxCodeInfo]) -> list[TaxCodeInfo]:
    """Active codes first, then by name."""
    return sorted(codes, key=lambda code: (not code.active, code.name.casefold()))


def suggest_code(tax: DocumentTax, codes: Iterable[TaxCodeInfo]) -> TaxCodeInfo | None:
    """The active code whose rates are the FlowFit tax's rates (the shortest name on a tie)."""
    matches = [code for code in codes if code.active and same_rates(code.rate_values, tax.rates)]
    if not matches:
        return None
    return min(matches, key=lambda code: (len(code.name), code.name.casefold()))


def suggest_untaxed_code(codes: Iterable[TaxCodeInfo]) -> TaxCodeInfo | None:
    """An active 0 % code for lines without tax: Exempt, else Zero-rated, else Out of Scope."""
    by_name = {code.name.strip().casefold(): code for code in codes if code.active}
    for name in UNTAXED_NAMES:
        if name in by_name and by_name[name].total_rate == 0:
            return by_name[name]
    return None


def find_code(codes: Iterable[TaxCodeInfo], wanted: str) -> list[TaxCodeInfo]:
    """The codes an Id or a name (any letter case) names: one, none, or several."""
    listed = list(codes)
    by_id = [code for code in listed if code.id == wanted]
    if by_id:
        return by_id
    folded = wanted.strip().casefold()
    return [code for code in listed if code.name.strip().casefold() == folded]


def component_rates(
    tax: DocumentTax, code: TaxCodeInfo
) -> list[tuple[TaxRateInfo, Decimal]] | None:
    """Each FlowFit component paired with the code's rate of the same value, with its amount.

    None when the rates do not pair up (the planner blocks such a document first).
    """
    if not same_rates(code.rate_values, tax.rates):
        return None
    free: list[TaxRateInfo] = list(code.rates)
    pairs: list[tuple[TaxRateInfo, Decimal]] = []
    for component in tax.components:
        match = next(r for r in free if r.value.normalize() == component.rate.normalize())
        free.remove(match)
        pairs.append((match, component.amount))
    return pairs


def rates_text(values: Sequence[Decimal]) -> str:
    """'5 % + 9.975 %' (or '0 %' for none)."""
    return " + ".join(f"{percent(v)} %" for v in values) or "0 %"
