"""The tax parts of an Invoice or Estimate: each line's TaxCodeRef and the TxnTaxDetail."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import Document, to_cents
from qbconnector.core.settings import TaxAmounts, TaxSettings
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.taxcodes import (
    US_NOT_TAXABLE,
    US_TAXABLE,
    TaxRegime,
    component_rates,
)


def _money(amount: Decimal) -> float:
    return float(str(to_cents(amount)))


@dataclass(frozen=True)
class TaxPlan:
    """How one run sends taxes: the saved tax parameters and what the company has.

    ``company`` None means the company was not asked (no tax fields are sent).
    """

    settings: TaxSettings
    company: CompanyTaxes | None = None

    @property
    def regime(self) -> TaxRegime | None:
        return self.company.regime if self.company is not None else None

    def line_code(self, document: Document, taxable_line: bool) -> str | None:
        """The TaxCodeRef value of a line, or None to send none."""
        taxed = document.tax is not None and taxable_line
        regime = self.regime
        if regime is TaxRegime.LINE_CODES:
            if taxed:
                assert document.tax is not None
                return self.settings.mapping.get(document.tax.code, "")
            return self.settings.untaxed_code
        if regime in (TaxRegime.US, TaxRegime.US_AUTOMATED) and document.tax is not None:
            return US_TAXABLE if taxed else US_NOT_TAXABLE
        return None  # a US document without tax: QuickBooks' default (NON), as before

    def transaction_fields(self, document: Document) -> dict[str, Any]:
        """GlobalTaxCalculation and TxnTaxDetail for the document ({} when none apply)."""
        regime = self.regime
        if regime is TaxRegime.LINE_CODES:
            fields: dict[str, Any] = {"GlobalTaxCalculation": "TaxExcluded"}
            tax_lines = self._tax_lines(document)
            if tax_lines:
                fields["TxnTaxDetail"] = {"TaxLine": tax_lines}
            return fields
        if regime is None or document.tax is None:
            return {}
        detail: dict[str, Any] = {}
        mapped = self.settings.mapping.get(document.tax.code)
        if regime is TaxRegime.US and mapped:
            detail["TxnTaxCodeRef"] = {"value": mapped}
        if self.settings.amounts is TaxAmounts.FLOWFIT:
            detail["TotalTax"] = _money(document.tax_amount)
        return {"TxnTaxDetail": detail} if detail else {}

    def _tax_lines(self, document: Document) -> list[dict[str, Any]]:
        """FlowFit's amounts as QuickBooks' override: one TaxLine per rate of the mapped code."""
        tax = document.tax
        if (
            tax is None
            or self.company is None
            or self.settings.amounts is not TaxAmounts.FLOWFIT
            or not any(line.taxable for line in document.lines)
        ):
            return []
        code = self.company.code(self.settings.mapping.get(tax.code, ""))
        pairs = component_rates(tax, code) if code is not None else None
        if not pairs:
            return []
        taxable = _money(document.taxable_subtotal)
        return [
            {
                "Amount": _money(amount),
                "DetailType": "TaxLineDetail",
                "TaxLineDetail": {
                    "TaxRateRef": {"value": rate.id},
                    "PercentBased": True,
                    "TaxPercent": float(str(rate.value)),
                    "NetAmountTaxable": taxable,
                },
            }
            for rate, amount in pairs
        ]
