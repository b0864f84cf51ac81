"""Tax parts of payloads and the tax pre-flight: compound, simple, exempt, US, blockers."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from qbconnector.core.documents import Document, DocumentKind, DocumentTax, Line, TaxComponent
from qbconnector.core.settings import PostingMode, TaxAmounts, TaxSettings
from qbconnector.core.template import parse_template
from qbconnector.core.variables import sample_document
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.payloads import PayloadOptions, document_payload
from qbconnector.quickbooks.tax_payload import TaxPlan
from qbconnector.quickbooks.taxcodes import (
    TaxCodeInfo,
    TaxRateInfo,
    TaxRegime,
    component_rates,
    find_code,
    parse_tax_codes,
    parse_tax_rates,
    suggest_code,
    suggest_untaxed_code,
)
from qbconnector.sync.plan import Blocker, CompanyFacts, preflight

GST = TaxRateInfo("1", "GST", Decimal("5"))
QST = TaxRateInfo("2", "QST", Decimal("9.975"))
HST = TaxRateInfo("3", "HST ON", Decimal("13"))
ZERO = TaxRateInfo("4", "Exempt", Decimal("0"))
CODES = (
    TaxCodeInfo("10", "GST", True, (GST,)),
    TaxCodeInfo("11", "GST/QST QC - 9.975", True, (GST, QST)),
    TaxCodeInfo("12", "HST ON", True, (HST,)),
    TaxCodeInfo("13", "Exempt", True, (ZERO,)),
    TaxCodeInfo("14", "Out of Scope", True, (ZERO,)),
    TaxCodeInfo("15", "HST ON 2010", False, (HST,)),
)
CANADA = CompanyTaxes("CA", TaxRegime.LINE_CODES, CODES)
US = CompanyTaxes("US", TaxRegime.US, (TaxCodeInfo("30", "Ohio", True, (
    TaxRateInfo("31", "Ohio", Decimal("5.75")),)),))  # fmt: skip
US_AST = CompanyTaxes("US", TaxRegime.US_AUTOMATED, ())
QC_TAX = DocumentTax(
    "TPS-TVQ",
    "GST + QST",
    (TaxComponent("GST", Decimal("5"), Decimal("224.76")),
     TaxComponent("QST", Decimal("9.975"), Decimal("448.40"))),
)  # fmt: skip
SAVED = TaxSettings(mapping={"TPS-TVQ": "11", "HST": "12"}, untaxed_code="13")


def document(tax: DocumentTax | None = QC_TAX, *lines: Line) -> Document:
    base = sample_document(DocumentKind.INVOICE)
    chosen = lines or (Line("TRA", "Translation", Decimal("1"), Decimal("4495.16")),)
    return dataclasses.replace(base, lines=chosen, tax=tax)


def options(
    company: CompanyTaxes | None = CANADA,
    settings: TaxSettings = SAVED,
    mode: PostingMode = PostingMode.SUMMARY,
) -> PayloadOptions:
    return PayloadOptions(
        templates={kind: parse_template("Doc %DOCUMENT_NUMBER%") for kind in DocumentKind},
        posting_mode=mode,
        service_id="7",
        taxes=TaxPlan(settings, company),
    )


def test_compound_tax_goes_as_the_mapped_code_with_flowfits_amounts_as_the_override() -> None:
    payload = document_payload(document(), options(), customer_id="1")
    (line,) = payload["Line"]
    assert line["SalesItemLineDetail"]["TaxCodeRef"] == {"value": "11"}
    assert line["Amount"] == 4495.16
    assert payload["GlobalTaxCalculation"] == "TaxExcluded"
    tax_lines = payload["TxnTaxDetail"]["TaxLine"]
    assert [(t["TaxLineDetail"]["TaxRateRef"]["value"], t["Amount"]) for t in tax_lines] == [
        ("1", 224.76),
        ("2", 448.40),  # FlowFit's cent, where QuickBooks would compute 448.39
    ]
    assert {t["TaxLineDetail"]["NetAmountTaxable"] for t in tax_lines} == {4495.16}


def test_quickbooks_mode_sends_codes_but_no_override() -> None:
    settings = dataclasses.replace(SAVED, amounts=TaxAmounts.QUICKBOOKS)
    payload = document_payload(document(), options(settings=settings), customer_id="1")
    assert "TxnTaxDetail" not in payload
    assert payload["Line"][0]["SalesItemLineDetail"]["TaxCodeRef"] == {"value": "11"}


def test_summary_mode_splits_taxable_and_untaxed_lines() -> None:
    lines = (
        Line("TRA", "Translation", Decimal("100"), Decimal("2.50")),
        Line("DIS", "Courier", Decimal("1"), Decimal("40"), taxable=False),
    )
    tax = DocumentTax("HST", "HST", (TaxComponent("HST", Decimal("13"), Decimal("32.50")),))
    payload = document_payload(document(tax, *lines), options(), customer_id="1")
    assert [(line["Amount"], line["SalesItemLineDetail"]["TaxCodeRef"]["value"])
            for line in payload["Line"]] == [(250.0, "12"), (40.0, "13")]  # fmt: skip
    (tax_line,) = payload["TxnTaxDetail"]["TaxLine"]
    assert tax_line["Amount"] == 32.5
    assert tax_line["TaxLineDetail"]["NetAmountTaxable"] == 250.0


def test_itemized_lines_each_carry_their_code() -> None:
    lines = (
        Line("TRA", "Translation", Decimal("100"), Decimal("2.50")),
        Line("DIS", "Courier", Decimal("1"), Decimal("40"), taxable=False),
    )
    tax = DocumentTax("HST", "HST", (TaxComponent("HST", Decimal("13"), Decimal("32.50")),))
    payload = document_payload(
        document(tax, *lines), options(mode=PostingMode.ITEMIZED), customer_id="1"
    )
    codes = [line["SalesItemLineDetail"]["TaxCodeRef"]["value"] for line in payload["Line"]]
    assert codes == ["12", "13"]


def test_untaxed_document_in_canada_uses_the_untaxed_code_and_no_override() -> None:
    payload = document_payload(document(None), options(), customer_id="1")
    assert payload["Line"][0]["SalesItemLineDetail"]["TaxCodeRef"] == {"value": "13"}
    assert "TxnTaxDetail" not in payload


def test_us_document_uses_tax_and_non_with_the_total_tax_override() -> None:
    tax = DocumentTax("OH", "Ohio", (TaxComponent("Ohio", Decimal("5.75"), Decimal("14.38")),))
    lines = (
        Line("TRA", "Translation", Decimal("1"), Decimal("250")),
        Line("DIS", "Courier", Decimal("1"), Decimal("40"), taxable=False),
    )
    settings = TaxSettings(mapping={"OH": "30"})
    payload = document_payload(
        document(tax, *lines), options(US, settings, PostingMode.ITEMIZED), customer_id="1"
    )
    codes = [line["SalesItemLineDetail"]["TaxCodeRef"]["value"] for line in payload["Line"]]
    assert codes == ["TAX", "NON"]
    assert payload["TxnTaxDetail"] == {"TxnTaxCodeRef": {"value": "30"}, "TotalTax": 14.38}
    assert "GlobalTaxCalculation" not in payload
    automated = document_payload(document(tax, *lines), options(US_AST, settings), "1")
    assert automated["TxnTaxDetail"] == {"TotalTax": 14.38}


def test_us_document_without_tax_is_sent_as_before() -> None:
    untaxed = document(None)
    before = document_payload(untaxed, options(None), customer_id="1")
    assert document_payload(untaxed, options(US), customer_id="1") == before
    assert "TaxCodeRef" not in before["Line"][0]["SalesItemLineDetail"]


def blockers(doc: Document, opts: PayloadOptions) -> list[Blocker]:
    return [reason.blocker for reason in preflight(doc, opts, CompanyFacts())]


def test_an_unmapped_tax_is_blocked_with_the_fix_named() -> None:
    settings = dataclasses.replace(SAVED, mapping={})
    reasons = preflight(document(), options(settings=settings), CompanyFacts())
    assert [reason.blocker for reason in reasons] == [Blocker.TAX_UNMAPPED]
    assert "TPS-TVQ" in reasons[0].message
    assert "Parameters > Taxes" in reasons[0].message


def test_a_mapping_to_an_inactive_or_unknown_code_is_blocked() -> None:
    for code_id in ("15", "99"):
        settings = dataclasses.replace(SAVED, mapping={"TPS-TVQ": code_id})
        assert blockers(document(), options(settings=settings)) == [Blocker.TAX_CODE_UNUSABLE]


def test_a_mapped_code_with_other_rates_is_blocked() -> None:
    settings = dataclasses.replace(SAVED, mapping={"TPS-TVQ": "12"})
    reasons = preflight(document(), options(settings=settings), CompanyFacts())
    assert [reason.blocker for reason in reasons] == [Blocker.TAX_RATES_DIFFER]
    assert "5 % + 9.975 %" in reasons[0].message
    assert "13 %" in reasons[0].message


def test_untaxed_lines_without_an_untaxed_code_are_blocked() -> None:
    settings = dataclasses.replace(SAVED, untaxed_code="")
    assert blockers(document(None), options(settings=settings)) == [Blocker.NO_UNTAXED_CODE]
    # A fully taxable document needs no such code.
    assert blockers(document(), options(settings=settings)) == []


def test_a_stated_total_that_does_not_add_up_is_blocked() -> None:
    wrong = dataclasses.replace(document(), stated_total=Decimal("5168.31"))
    reasons = preflight(wrong, options(), CompanyFacts())
    assert [reason.blocker for reason in reasons] == [Blocker.TOTAL_MISMATCH]
    assert "-0.01" in reasons[0].message
    right = dataclasses.replace(document(), stated_total=Decimal("5168.32"))
    assert blockers(right, options()) == []


def test_nothing_is_checked_when_the_company_is_unknown() -> None:
    assert blockers(document(), options(None, TaxSettings())) == []


def test_us_automated_tax_needs_no_mapping() -> None:
    assert blockers(document(), options(US_AST, TaxSettings())) == []
    assert blockers(document(), options(US, TaxSettings())) == [Blocker.TAX_UNMAPPED]


def test_suggestions_match_rates_and_prefer_exempt_for_untaxed_lines() -> None:
    assert suggest_code(QC_TAX, CODES) == CODES[1]
    hst = DocumentTax("HST", "HST", (TaxComponent("HST", Decimal("13.000"), Decimal("1")),))
    assert suggest_code(hst, CODES) == CODES[2]  # the inactive HST ON 2010 is never suggested
    pst = DocumentTax("PST", "PST", (TaxComponent("PST", Decimal("7"), Decimal("1")),))
    assert suggest_code(pst, CODES) is None
    assert suggest_untaxed_code(CODES) == CODES[3]


def test_find_code_by_id_or_name_in_any_case() -> None:
    assert find_code(CODES, "11") == [CODES[1]]
    assert find_code(CODES, "gst/qst qc - 9.975") == [CODES[1]]
    assert find_code(CODES, "nothing") == []


def test_components_pair_with_rates_whatever_the_order() -> None:
    reversed_tax = dataclasses.replace(QC_TAX, components=QC_TAX.components[::-1])
    pairs = component_rates(reversed_tax, CODES[1])
    assert pairs == [(QST, Decimal("448.40")), (GST, Decimal("224.76"))]
    assert component_rates(QC_TAX, CODES[2]) is None


def test_tax_codes_parse_from_query_rows() -> None:
    rates = parse_tax_rates(
        [{"Id": "1", "Name": "GST", "RateValue": 5}, {"Id": "2", "Name": "QST", "RateValue": 9.975},
         {"Id": "3", "Name": "broken", "RateValue": "x"}]
    )  # fmt: skip
    assert set(rates) == {"1", "2"}
    assert rates["2"].value == Decimal("9.975")
    detail = [{"TaxRateRef": {"value": "2"}, "TaxOrder": 1},
              {"TaxRateRef": {"value": "1"}, "TaxOrder": 0}]  # fmt: skip
    codes = parse_tax_codes(
        [{"Id": "5", "Name": "GST/QST QC - 9.975", "Active": True,
          "SalesTaxRateList": {"TaxRateDetail": detail}},
         {"Id": "6", "Name": "Old", "Active": False}],
        rates,
    )  # fmt: skip
    assert codes["5"].rate_values == (Decimal("5"), Decimal("9.975"))
    assert codes["5"].label() == "GST/QST QC - 9.975 (5 % + 9.975 %)"
    assert not codes["6"].active
    assert codes["6"].rates == ()


@pytest.mark.parametrize("amounts", list(TaxAmounts))
def test_a_change_of_tax_changes_the_payload_hash(amounts: TaxAmounts) -> None:
    from qbconnector.quickbooks.payloads import payload_hash

    settings = dataclasses.replace(SAVED, amounts=amounts)
    hst = DocumentTax("HST", "HST", (TaxComponent("HST", Decimal("13"), Decimal("584.37")),))
    first = payload_hash(document_payload(document(), options(settings=settings), None))
    second = payload_hash(document_payload(document(hst), options(settings=settings), None))
    assert first != second
