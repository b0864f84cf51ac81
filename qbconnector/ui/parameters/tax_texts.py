"""How the Taxes tab writes rates, codes and the company's regime, in the window's language."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from qbconnector.core.documents import DocumentTax
from qbconnector.quickbooks.taxcodes import TaxCodeInfo, TaxRegime, percent
from qbconnector.services import CompanyTaxes
from qbconnector.ui.i18n import current_language


def rate(value: Decimal) -> str:
    """``9.975 %`` in English, ``9,975 %`` in French."""
    number = percent(value)
    if current_language() == "fr":
        number = number.replace(".", ",")
    return f"{number} %"


def rates(values: Iterable[Decimal]) -> str:
    """``5 % + 9.975 %`` (``0 %`` for none)."""
    return " + ".join(rate(value) for value in values) or rate(Decimal(0))


def components(tax: DocumentTax) -> str:
    """``GST 5 % + QST 9.975 %``: a FlowFit tax's components and their rates."""
    return " + ".join(f"{part.name} {rate(part.rate)}".strip() for part in tax.components)


def code_label(code: TaxCodeInfo) -> str:
    """``GST/QST QC - 9.975 (5 % + 9.975 %)``; inactive codes say so."""
    label = f"{code.name} ({rates(code.rate_values)})"
    return (
        label
        if code.active
        else QCoreApplication.translate("TaxTexts", "%1 (inactive)").replace("%1", label)
    )


def regime_text(company: CompanyTaxes | None) -> str:
    """The company's tax regime in plain words."""
    if company is None:
        return QCoreApplication.translate(
            "TaxTexts", "The company's tax regime shows once its tax codes are loaded."
        )
    country = company.country or "?"
    if company.regime is TaxRegime.US_AUTOMATED:
        return QCoreApplication.translate(
            "TaxTexts",
            "US company with automated sales tax: QuickBooks computes the tax from addresses; "
            "with 'FlowFit's amounts' the tax FlowFit billed is sent as the total tax.",
        )
    if company.regime is TaxRegime.US:
        return QCoreApplication.translate("TaxTexts", "US company: lines are TAX or NON.")
    if country.upper() == "CA":
        text = QCoreApplication.translate(
            "TaxTexts", "Canadian company (country %1): every line carries a tax code."
        )
    else:
        text = QCoreApplication.translate(
            "TaxTexts", "Company outside the US (country %1): every line carries a tax code."
        )
    return text.replace("%1", country)
