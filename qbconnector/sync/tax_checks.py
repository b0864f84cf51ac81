"""Pre-flight checks of a document's taxes against the parameters and the company's codes."""

from __future__ import annotations

from decimal import Decimal

from qbconnector.core.documents import Document
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.tax_payload import TaxPlan
from qbconnector.quickbooks.taxcodes import TaxRegime, rates_text, same_rates


def total_problem(document: Document) -> Text | None:
    """The total FlowFit stated, when it is not subtotal + tax."""
    stated = document.stated_total
    if stated is None or stated == document.total:
        return None
    return text(
        "The total {stated} is not the subtotal {subtotal} plus the tax {tax} ({total}; a "
        "difference of {difference}). Correct the document in FlowFit.",
        stated=stated, subtotal=document.subtotal, tax=document.tax_amount,
        total=document.total, difference=stated - document.total,
    )  # fmt: skip


def tax_problems(document: Document, taxes: TaxPlan) -> list[tuple[str, Text]]:
    """(blocker name, sentence) for every tax problem; empty when the company is not known."""
    company = taxes.company
    if company is None:
        return []
    if company.regime is TaxRegime.LINE_CODES:
        return _line_code_problems(document, taxes, company)
    if company.regime is TaxRegime.US and document.tax is not None:
        return _mapped_code_problems(document, taxes, company)
    return []


def _line_code_problems(
    document: Document, taxes: TaxPlan, company: CompanyTaxes
) -> list[tuple[str, Text]]:
    problems: list[tuple[str, Text]] = []
    untaxed_lines = document.tax is None or any(not line.taxable for line in document.lines)
    if untaxed_lines:
        problems += _untaxed_code_problems(taxes, company)
    if document.tax is not None and any(line.taxable for line in document.lines):
        problems += _mapped_code_problems(document, taxes, company)
    return problems


def _untaxed_code_problems(taxes: TaxPlan, company: CompanyTaxes) -> list[tuple[str, Text]]:
    code_id = taxes.settings.untaxed_code
    if not code_id:
        sentence = text(
            "QuickBooks needs a tax code on lines without tax (such as Exempt, Zero-rated or "
            "Out of Scope): choose the code for untaxed lines in Parameters > Taxes."
        )
        return [("no-untaxed-code", sentence)]
    code = company.code(code_id)
    if code is None or not code.active:
        name = taxes.settings.code_names.get(code_id, code_id)
        return [("tax-code-unusable", text(
            "The tax code for untaxed lines, {code}, is inactive or no longer exists in "
            "QuickBooks: choose another one in Parameters > Taxes.", code=name))]  # fmt: skip
    return []


def _mapped_code_problems(
    document: Document, taxes: TaxPlan, company: CompanyTaxes
) -> list[tuple[str, Text]]:
    tax = document.tax
    assert tax is not None
    code_id = taxes.settings.mapping.get(tax.code)
    if not code_id:
        return [("tax-unmapped", text(
            "The FlowFit tax {tax} ({name}) has no QuickBooks tax code: map it in "
            "Parameters > Taxes.", tax=tax.code, name=tax.name))]  # fmt: skip
    code = company.code(code_id)
    if code is None or not code.active:
        name = taxes.settings.code_names.get(code_id, code_id)
        return [("tax-code-unusable", text(
            "The FlowFit tax {tax} is mapped to the QuickBooks tax code {code}, which is "
            "inactive or no longer exists: map it to another code in Parameters > Taxes.",
            tax=tax.code, code=name))]  # fmt: skip
    wanted = tax.rates
    have = code.rate_values
    if company.regime is TaxRegime.US:
        wanted, have = (sum(wanted, Decimal(0)),), (code.total_rate,)
    if not same_rates(wanted, have):
        return [("tax-rates-differ", text(
            "The FlowFit tax {tax} ({rates}) is mapped to {code} ({code_rates}): the rates "
            "differ. Map it to a code with the same rates in Parameters > Taxes.",
            tax=tax.code, rates=rates_text(tax.rates), code=code.name,
            code_rates=rates_text(code.rate_values)))]  # fmt: skip
    return []
