"""Sales tax as the sandbox enforces and computes it (reference §12), over real HTTP."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
import requests

from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory

QC = "GST/QST QC - 9.975"
OpenSession = Callable[[SandboxServer], QboSession]


def rows(response: requests.Response, entity: str) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return response.json()["QueryResponse"].get(entity, [])  # type: ignore[no-any-return]


def code_id(qbo: QboSession, name: str) -> str:
    """A tax code's Id found by query, as a client does (never a hard-coded Id)."""
    found = rows(qbo.query(f"SELECT * FROM TaxCode WHERE Name = '{name}'"), "TaxCode")
    assert len(found) == 1, found
    return str(found[0]["Id"])


def rate_id(qbo: QboSession, name: str) -> str:
    found = rows(qbo.query(f"SELECT * FROM TaxRate WHERE Name = '{name}'"), "TaxRate")
    assert len(found) == 1, found
    return str(found[0]["Id"])


def wire(value: Any) -> Any:
    """requests cannot send a Decimal; its float's repr is the same decimal text."""
    return float(value) if isinstance(value, Decimal) else value


def line(amount: Any, code: str | None, item: str = "1") -> dict[str, Any]:
    detail: dict[str, Any] = {"ItemRef": {"value": item}}
    if code is not None:
        detail["TaxCodeRef"] = {"value": code}
    return {
        "DetailType": "SalesItemLineDetail",
        "Amount": wire(amount),
        "SalesItemLineDetail": detail,
    }


def customer(qbo: QboSession, name: str = "Tax Client") -> str:
    """The Id of the customer ``name``, created on first use."""
    found = rows(qbo.query(f"SELECT * FROM Customer WHERE DisplayName = '{name}'"), "Customer")
    if found:
        return str(found[0]["Id"])
    response = qbo.post("customer", {"DisplayName": name})
    assert response.status_code == 200, response.text
    return str(response.json()["Customer"]["Id"])


def post_txn(
    qbo: QboSession, lines: list[dict[str, Any]], entity: str = "invoice", **extra: Any
) -> requests.Response:
    return qbo.post(entity, {"CustomerRef": {"value": customer(qbo)}, "Line": lines, **extra})


def created(response: requests.Response, entity: str = "Invoice") -> dict[str, Any]:
    assert response.status_code == 200, response.text
    return response.json()[entity]  # type: ignore[no-any-return]


def error_of(response: requests.Response) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["Fault"]["type"] == "ValidationFault"
    return body["Fault"]["Error"][0]  # type: ignore[no-any-return]


def tax_by_rate(txn: dict[str, Any]) -> dict[str, tuple[Decimal, Decimal]]:
    """rate Id -> (Amount, NetAmountTaxable), read as Decimal from the JSON."""
    out = {}
    for tax_line in txn["TxnTaxDetail"]["TaxLine"]:
        detail = tax_line["TaxLineDetail"]
        assert tax_line["DetailType"] == "TaxLineDetail"
        assert detail["PercentBased"] is True
        key = detail["TaxRateRef"]["value"]
        out[key] = (Decimal(str(tax_line["Amount"])), Decimal(str(detail["NetAmountTaxable"])))
    return out


def money(value: Any) -> Decimal:
    return Decimal(str(value))


@pytest.fixture
def us(sandbox_factory: SandboxFactory, qbo_for: OpenSession) -> QboSession:
    """A US company without automated sales tax."""
    return qbo_for(sandbox_factory(seed=CompanySeed.united_states()))


@pytest.fixture
def ast_us(sandbox_factory: SandboxFactory, qbo_for: OpenSession) -> QboSession:
    """A US company with automated sales tax at 8.25 %."""
    return qbo_for(sandbox_factory(seed=CompanySeed.united_states(Decimal("8.25"))))


# -- the Canadian rule -----------------------------------------------------------------------


@pytest.mark.parametrize("entity", ["invoice", "estimate"])
def test_line_without_tax_code_refused_with_intuit_wording(qbo: QboSession, entity: str) -> None:
    good = line(10, code_id(qbo, "GST"))

    error = error_of(post_txn(qbo, [good, line(10, None)], entity))

    assert error["code"] == "6000"
    assert (
        error["Message"] == "A business validation error has occurred while processing your request"
    )
    assert error["Detail"] == (
        "Business Validation Error: Make sure all your transactions have a GST/HST rate "
        "before you save."
    )
    assert qbo.server.entities(entity.capitalize()) == []


@pytest.mark.parametrize("bad", ["999", "inactive", "TAX", "NON"])
def test_unknown_inactive_and_us_codes_are_invalid_references(qbo: QboSession, bad: str) -> None:
    value = code_id(qbo, "HST ON 2010") if bad == "inactive" else bad

    error = error_of(post_txn(qbo, [line(10, value)]))

    assert error["code"] == "2500"
    assert error["Message"] == "Invalid Reference Id"
    assert error["element"] == "Line.SalesItemLineDetail.TaxCodeRef"
    assert value in error["Detail"]


# -- computation -------------------------------------------------------------------------------


def test_compound_gst_qst_is_computed_per_rate_half_up(qbo: QboSession) -> None:
    invoice = created(post_txn(qbo, [line(Decimal("4495.16"), code_id(qbo, QC))]))

    taxes = tax_by_rate(invoice)
    assert taxes[rate_id(qbo, "QST")] == (Decimal("448.39"), Decimal("4495.16"))
    assert taxes[rate_id(qbo, "GST")] == (Decimal("224.76"), Decimal("4495.16"))
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("673.15")
    assert money(invoice["TotalAmt"]) == Decimal("5168.31")
    assert money(invoice["Balance"]) == Decimal("5168.31")
    percents = {t["TaxLineDetail"]["TaxPercent"] for t in invoice["TxnTaxDetail"]["TaxLine"]}
    assert {money(p) for p in percents} == {Decimal("5"), Decimal("9.975")}
    assert invoice["GlobalTaxCalculation"] == "TaxExcluded"
    assert invoice["Line"][0]["SalesItemLineDetail"]["TaxCodeRef"] == {"value": code_id(qbo, QC)}


def test_simple_hst_on(qbo: QboSession) -> None:
    invoice = created(post_txn(qbo, [line(1000, code_id(qbo, "HST ON"))]))

    assert tax_by_rate(invoice) == {rate_id(qbo, "HST ON"): (Decimal("130.00"), Decimal(1000))}
    assert money(invoice["TotalAmt"]) == Decimal("1130.00")


@pytest.mark.parametrize("name", ["Exempt", "Zero-rated", "Out of Scope"])
def test_exempt_and_zero_lines_carry_no_tax(qbo: QboSession, name: str) -> None:
    invoice = created(post_txn(qbo, [line(250, code_id(qbo, name))]))

    assert tax_by_rate(invoice) == {rate_id(qbo, name): (Decimal(0), Decimal(250))}
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == 0
    assert money(invoice["TotalAmt"]) == Decimal(250)


def test_mixed_lines_sum_the_taxable_amount_per_rate(qbo: QboSession) -> None:
    lines = [
        line(100, code_id(qbo, QC)),
        line(200, code_id(qbo, "GST")),
        line(50, code_id(qbo, "Exempt")),
        line(Decimal("0.10"), code_id(qbo, QC)),
    ]
    invoice = created(post_txn(qbo, lines))

    taxes = tax_by_rate(invoice)
    assert taxes[rate_id(qbo, "GST")] == (Decimal("15.01"), Decimal("300.10"))  # 15.005 up
    assert taxes[rate_id(qbo, "QST")] == (Decimal("9.98"), Decimal("100.10"))  # 9.984975
    assert taxes[rate_id(qbo, "Exempt")] == (Decimal(0), Decimal(50))
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("24.99")
    assert money(invoice["TotalAmt"]) == Decimal("375.09")
    order = [t["TaxLineDetail"]["TaxRateRef"]["value"] for t in invoice["TxnTaxDetail"]["TaxLine"]]
    assert order == sorted(order, key=int)  # one TaxLine per rate, by rate Id


def test_discount_is_taken_off_the_total_not_the_taxable_amount(qbo: QboSession) -> None:
    discount = {"DetailType": "DiscountLineDetail", "Amount": 10, "DiscountLineDetail": {}}
    invoice = created(post_txn(qbo, [line(100, code_id(qbo, "HST ON")), discount]))

    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("13.00")
    assert money(invoice["TotalAmt"]) == Decimal("103.00")


def test_estimates_are_computed_like_invoices(qbo: QboSession) -> None:
    estimate = created(
        post_txn(qbo, [line(Decimal("4495.16"), code_id(qbo, QC))], "estimate"), "Estimate"
    )

    assert money(estimate["TxnTaxDetail"]["TotalTax"]) == Decimal("673.15")
    assert money(estimate["TotalAmt"]) == Decimal("5168.31")
    assert "Balance" not in estimate


@pytest.mark.parametrize("calculation", ["TaxInclusive", "NotApplicable"])
def test_inclusive_and_not_applicable_are_refused_in_canada(
    qbo: QboSession, calculation: str
) -> None:
    response = post_txn(qbo, [line(100, code_id(qbo, "GST"))], GlobalTaxCalculation=calculation)

    error = error_of(response)
    assert error["code"] == "6000"
    assert calculation in error["Detail"]


# -- the override ------------------------------------------------------------------------------


def tax_line(rate: str, amount: Any) -> dict[str, Any]:
    return {
        "Amount": wire(amount),
        "DetailType": "TaxLineDetail",
        "TaxLineDetail": {"TaxRateRef": {"value": rate}, "PercentBased": True},
    }


def test_penny_case_kept_when_overridden_with_a_tax_line(qbo: QboSession) -> None:
    qst = rate_id(qbo, "QST")
    override = {"TaxLine": [tax_line(qst, Decimal("448.40"))]}

    invoice = created(
        post_txn(qbo, [line(Decimal("4495.16"), code_id(qbo, QC))], TxnTaxDetail=override)
    )

    taxes = tax_by_rate(invoice)
    assert taxes[qst] == (Decimal("448.40"), Decimal("4495.16"))
    assert taxes[rate_id(qbo, "GST")] == (Decimal("224.76"), Decimal("4495.16"))
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("673.16")
    assert money(invoice["TotalAmt"]) == Decimal("5168.32")
    assert money(invoice["Balance"]) == Decimal("5168.32")


def test_override_of_a_rate_no_line_uses_is_refused(qbo: QboSession) -> None:
    override = {"TaxLine": [tax_line(rate_id(qbo, "PST BC"), 7)]}

    error = error_of(post_txn(qbo, [line(100, code_id(qbo, "GST"))], TxnTaxDetail=override))

    assert error["code"] == "6000"
    assert "PST BC" in error["Detail"]
    assert qbo.server.entities("Invoice") == []


def test_override_amount_must_be_a_number(qbo: QboSession) -> None:
    override = {"TaxLine": [tax_line(rate_id(qbo, "GST"), "5.00")]}

    error = error_of(post_txn(qbo, [line(100, code_id(qbo, "GST"))], TxnTaxDetail=override))

    assert error["code"] == "2010"
    assert error["element"] == "TxnTaxDetail.TaxLine.Amount"


def test_total_tax_alone_is_ignored_in_canada(qbo: QboSession) -> None:
    response = post_txn(qbo, [line(1000, code_id(qbo, "HST ON"))], TxnTaxDetail={"TotalTax": 99})

    invoice = created(response)
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("130.00")
    assert money(invoice["TotalAmt"]) == Decimal("1130.00")


def test_updates_recompute_and_overrides_need_resending(qbo: QboSession) -> None:
    hst = code_id(qbo, "HST ON")
    hst_rate = rate_id(qbo, "HST ON")
    override = {"TaxLine": [tax_line(hst_rate, Decimal("13.01"))]}
    invoice = created(post_txn(qbo, [line(100, hst)], TxnTaxDetail=override))
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("13.01")

    def sparse(token: str, **fields: Any) -> dict[str, Any]:
        body = {"Id": invoice["Id"], "SyncToken": token, "sparse": True, **fields}
        return created(qbo.post("invoice", body))

    # Not touching the lines keeps the stored (overridden) tax.
    noted = sparse("0", PrivateNote="memo")
    assert money(noted["TxnTaxDetail"]["TotalTax"]) == Decimal("13.01")
    # New lines without TxnTaxDetail: recomputed, the old override is gone.
    relined = sparse("1", Line=[line(200, hst)])
    assert money(relined["TxnTaxDetail"]["TotalTax"]) == Decimal("26.00")
    assert money(relined["TotalAmt"]) == Decimal("226.00")
    # New lines with the override sent again: kept.
    again = sparse("2", Line=[line(200, hst)], TxnTaxDetail=override)
    assert money(again["TxnTaxDetail"]["TotalTax"]) == Decimal("13.01")
    assert tax_by_rate(again)[hst_rate] == (Decimal("13.01"), Decimal(200))
    # A full update is whatever it sends.
    full = created(
        qbo.post(
            "invoice",
            {
                "Id": invoice["Id"],
                "SyncToken": "3",
                "CustomerRef": invoice["CustomerRef"],
                "Line": [line(300, hst)],
            },
        )
    )
    assert money(full["TxnTaxDetail"]["TotalTax"]) == Decimal("39.00")
    assert money(full["Balance"]) == Decimal("339.00")


def test_update_with_a_missing_code_is_refused(qbo: QboSession) -> None:
    invoice = created(post_txn(qbo, [line(100, code_id(qbo, "GST"))]))
    body = {"Id": invoice["Id"], "SyncToken": "0", "sparse": True, "Line": [line(5, None)]}

    assert error_of(qbo.post("invoice", body))["code"] == "6000"


def test_void_clears_the_tax(qbo: QboSession) -> None:
    invoice = created(post_txn(qbo, [line(100, code_id(qbo, "GST"))]))

    voided = created(qbo.post("invoice", {"Id": invoice["Id"], "SyncToken": "0"}, operation="void"))

    assert money(voided["TxnTaxDetail"]["TotalTax"]) == 0
    assert money(voided["TotalAmt"]) == 0


def test_batch_items_follow_the_same_rules(qbo: QboSession) -> None:
    client = customer(qbo)
    qst = rate_id(qbo, "QST")

    def create(bid: str, lines: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        body = {"CustomerRef": {"value": client}, "Line": lines, **extra}
        return {"bId": bid, "operation": "create", "Invoice": body}

    items = [
        create("ok", [line(Decimal("4495.16"), code_id(qbo, QC))]),
        create("nocode", [line(10, None)]),
        create("badcode", [line(10, "NON")]),
        create(
            "over",
            [line(Decimal("4495.16"), code_id(qbo, QC))],
            TxnTaxDetail={"TaxLine": [tax_line(qst, Decimal("448.40"))]},
        ),
        {"bId": "q", "Query": "SELECT * FROM TaxCode WHERE Active = false"},
        {"bId": "tc", "operation": "create", "TaxCode": {"Name": "Mine"}},
    ]
    response = qbo.post("batch", {"BatchItemRequest": items})

    assert response.status_code == 200, response.text
    answers = {item["bId"]: item for item in response.json()["BatchItemResponse"]}
    assert money(answers["ok"]["Invoice"]["TotalAmt"]) == Decimal("5168.31")
    assert answers["nocode"]["Fault"]["Error"][0]["code"] == "6000"
    assert "GST/HST rate" in answers["nocode"]["Fault"]["Error"][0]["Detail"]
    assert answers["badcode"]["Fault"]["Error"][0]["code"] == "2500"
    assert money(answers["over"]["Invoice"]["TotalAmt"]) == Decimal("5168.32")
    assert [c["Name"] for c in answers["q"]["QueryResponse"]["TaxCode"]] == ["HST ON 2010"]
    assert "Fault" in answers["tc"]


# -- the tax entities --------------------------------------------------------------------------


def test_tax_codes_queried_by_active_name_and_id(qbo: QboSession) -> None:
    active = rows(qbo.query("SELECT * FROM TaxCode WHERE Active = true"), "TaxCode")
    inactive = rows(qbo.query("SELECT * FROM TaxCode WHERE Active = false"), "TaxCode")
    names = {code["Name"] for code in active}
    two = [code_id(qbo, "GST"), code_id(qbo, "HST ON")]
    by_ids = rows(
        qbo.query(f"SELECT * FROM TaxCode WHERE Id IN ('{two[0]}', '{two[1]}')"), "TaxCode"
    )

    assert names == {
        "GST",
        QC,
        "HST ON",
        "HST NB/NL/PE",
        "GST/PST BC - 7",
        "GST/PST MB - 7",
        "GST/PST SK - 6",
        "Exempt",
        "Zero-rated",
        "Out of Scope",
    }
    assert [code["Name"] for code in inactive] == ["HST ON 2010"]
    assert sorted(code["Name"] for code in by_ids) == ["GST", "HST ON"]
    qc = next(code for code in active if code["Name"] == QC)
    assert qc["TaxGroup"] is True
    assert qc["Taxable"] is True
    assert qc["Active"] is True
    assert qc["PurchaseTaxRateList"] == {"TaxRateDetail": []}
    details = qc["SalesTaxRateList"]["TaxRateDetail"]
    assert [d["TaxRateRef"]["name"] for d in details] == ["GST", "QST"]
    assert all(d["TaxTypeApplicable"] == "TaxOnAmount" and d["TaxOrder"] == 0 for d in details)
    assert qc["domain"] == "QBO"
    assert qc["SyncToken"] == "0"
    assert qc["MetaData"]["CreateTime"]


def test_tax_rates_and_agencies_read_and_queried(qbo: QboSession) -> None:
    rates = rows(qbo.query("SELECT * FROM TaxRate WHERE Active = true"), "TaxRate")
    by_name = {rate["Name"]: rate for rate in rates}
    qst = qbo.get(f"taxrate/{rate_id(qbo, 'QST')}").json()["TaxRate"]
    agency_id = qst["AgencyRef"]["value"]
    agency = rows(qbo.query(f"SELECT * FROM TaxAgency WHERE Id = '{agency_id}'"), "TaxAgency")
    agencies = rows(qbo.query("SELECT * FROM TaxAgency WHERE Active = true"), "TaxAgency")
    code = qbo.get(f"taxcode/{code_id(qbo, 'HST ON')}").json()["TaxCode"]

    expected = {
        "GST": "5",
        "QST": "9.975",
        "HST ON": "13",
        "HST": "15",
        "PST BC": "7",
        "PST MB": "7",
        "PST SK": "6",
        "Exempt": "0",
        "Zero-rated": "0",
        "Out of Scope": "0",
    }
    assert {name: money(rate["RateValue"]) for name, rate in by_name.items()} == {
        name: Decimal(value) for name, value in expected.items()
    }
    assert money(qst["RateValue"]) == Decimal("9.975")
    assert qst["SpecialTaxType"] == "NONE"
    assert qst["DisplayType"] == "ReadOnly"
    assert agency[0]["DisplayName"] == "Revenu Québec"
    assert {a["DisplayName"] for a in agencies} >= {"Canada Revenue Agency", "Revenu Québec"}
    assert len(agencies) == 5
    assert code["Name"] == "HST ON"
    assert qbo.get("taxcode/9999").json()["Fault"]["Error"][0]["code"] == "610"


@pytest.mark.parametrize("entity", ["taxcode", "taxrate", "taxagency"])
def test_tax_entities_cannot_be_written(qbo: QboSession, entity: str) -> None:
    created_one = qbo.post(entity, {"Name": "Mine", "RateValue": 3})
    updated = qbo.post(entity, {"Id": "1", "SyncToken": "0", "sparse": True, "Name": "x"})
    deleted = qbo.post(entity, {"Id": "1", "SyncToken": "0"}, operation="delete")

    for response in (created_one, updated, deleted):
        error = error_of(response)
        assert error["Message"] == "Unsupported Operation"
        assert "taxservice/taxcode" in error["Detail"]


def test_preferences_tax_prefs_in_canada(qbo: QboSession) -> None:
    prefs = qbo.get("preferences").json()["Preferences"]

    assert prefs["TaxPrefs"] == {"UsingSalesTax": True, "PartnerTaxEnabled": False}


# -- admin ---------------------------------------------------------------------------------


def test_admin_switches_a_tax_code_and_reports_the_country(qbo: QboSession) -> None:
    admin = qbo.server.admin_url
    gst = code_id(qbo, "GST")

    off = requests.post(f"{admin}/taxcode", json={"name_or_id": "GST", "active": False}, timeout=5)
    refused = post_txn(qbo, [line(10, gst)])
    on = requests.post(f"{admin}/taxcode", json={"name_or_id": gst, "active": True}, timeout=5)
    accepted = post_txn(qbo, [line(10, gst)])
    unknown = requests.post(
        f"{admin}/taxcode", json={"name_or_id": "Nope", "active": True}, timeout=5
    )
    company = requests.get(f"{admin}/company", timeout=5).json()

    assert off.status_code == 200
    assert off.json()["Active"] is False
    assert error_of(refused)["code"] == "2500"
    assert on.json()["Active"] is True
    assert accepted.status_code == 200
    assert unknown.status_code == 400
    assert company["country"] == "CA"
    assert company["partner_tax_enabled"] is False
    assert qbo.server.tax_code_id("GST") == gst
    assert qbo.server.set_tax_code_active("GST", False)["Active"] is False


# -- the United States -------------------------------------------------------------------------


def test_us_lines_take_tax_or_non_defaulting_to_non(us: QboSession) -> None:
    invoice = created(post_txn(us, [line(100, None), line(50, "TAX")]))

    codes = [row["SalesItemLineDetail"]["TaxCodeRef"]["value"] for row in invoice["Line"][:2]]
    assert codes == ["NON", "TAX"]
    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == 0  # no TxnTaxCodeRef: no tax
    assert money(invoice["TotalAmt"]) == Decimal(150)
    assert invoice["CurrencyRef"]["value"] == "USD"


@pytest.mark.parametrize("bad", ["GST", "1", "tax"])
def test_us_line_codes_other_than_tax_non_are_invalid(us: QboSession, bad: str) -> None:
    error = error_of(post_txn(us, [line(100, bad)]))

    assert error["code"] == "2500"
    assert error["element"] == "Line.SalesItemLineDetail.TaxCodeRef"


def test_us_rate_comes_from_the_transaction_tax_code(us: QboSession) -> None:
    california = code_id(us, "California")
    nyc = code_id(us, "New York City")
    lines = [line(Decimal("99.99"), "TAX"), line(40, "NON")]

    ca_invoice = created(post_txn(us, lines, TxnTaxDetail={"TxnTaxCodeRef": {"value": california}}))
    ny_invoice = created(post_txn(us, lines, TxnTaxDetail={"TxnTaxCodeRef": {"value": nyc}}))

    assert ca_invoice["TxnTaxDetail"]["TxnTaxCodeRef"]["value"] == california
    assert money(ca_invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("7.25")  # 7.249275
    assert money(ca_invoice["TotalAmt"]) == Decimal("147.24")
    assert tax_by_rate(ca_invoice) == {
        rate_id(us, "California"): (Decimal("7.25"), Decimal("99.99"))
    }
    assert money(ny_invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("8.50")  # 4.00 + 4.50
    assert len(ny_invoice["TxnTaxDetail"]["TaxLine"]) == 2


@pytest.mark.parametrize("bad", ["999", "inactive"])
def test_us_unknown_or_inactive_transaction_code_refused(us: QboSession, bad: str) -> None:
    value = code_id(us, "Old County") if bad == "inactive" else bad

    response = post_txn(us, [line(10, "TAX")], TxnTaxDetail={"TxnTaxCodeRef": {"value": value}})

    error = error_of(response)
    assert error["code"] == "2500"
    assert error["element"] == "TxnTaxDetail.TxnTaxCodeRef"


def test_us_without_ast_has_partner_tax_off(us: QboSession) -> None:
    prefs = us.get("preferences").json()["Preferences"]

    assert prefs["TaxPrefs"] == {"UsingSalesTax": True, "PartnerTaxEnabled": False}
    assert us.get("companyinfo/" + us.server.realm_id).json()["CompanyInfo"]["Country"] == "US"


def test_ast_recomputes_taxable_lines_and_ignores_the_code_sent(ast_us: QboSession) -> None:
    california = code_id(ast_us, "California")
    lines = [line(100, "TAX"), line(Decimal("21.21"), "TAX"), line(50, "NON")]

    invoice = created(
        post_txn(ast_us, lines, TxnTaxDetail={"TxnTaxCodeRef": {"value": california}})
    )

    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("10.00")  # 8.25 % of 121.21
    assert money(invoice["TotalAmt"]) == Decimal("181.21")
    assert money(invoice["Balance"]) == Decimal("181.21")
    prefs = ast_us.get("preferences").json()["Preferences"]
    assert prefs["TaxPrefs"]["PartnerTaxEnabled"] is True


def test_ast_keeps_total_tax_sent_as_the_override(ast_us: QboSession) -> None:
    invoice = created(post_txn(ast_us, [line(100, "TAX")], TxnTaxDetail={"TotalTax": 9.13}))
    estimate = created(
        post_txn(ast_us, [line(100, "TAX")], "estimate", TxnTaxDetail={"TotalTax": 0}), "Estimate"
    )
    bad = post_txn(ast_us, [line(100, "TAX")], TxnTaxDetail={"TotalTax": "9.13"})

    assert money(invoice["TxnTaxDetail"]["TotalTax"]) == Decimal("9.13")
    assert money(invoice["TotalAmt"]) == Decimal("109.13")
    assert money(estimate["TotalAmt"]) == Decimal(100)
    assert error_of(bad)["code"] == "2010"


def test_seed_refuses_ast_outside_the_us_and_unseeded_countries(
    sandbox_factory: SandboxFactory,
) -> None:
    with pytest.raises(ValueError, match="US company only"):
        sandbox_factory(seed=CompanySeed(us_sales_tax_rate=Decimal(5)))
    with pytest.raises(ValueError, match="CA and US only"):
        sandbox_factory(seed=CompanySeed(country="GB", home_currency="GBP"))


def test_us_updates_keep_the_transaction_code_and_recompute(us: QboSession) -> None:
    california = {"value": code_id(us, "California")}
    invoice = created(post_txn(us, [line(100, "TAX")], TxnTaxDetail={"TxnTaxCodeRef": california}))

    body = {"Id": invoice["Id"], "SyncToken": "0", "sparse": True, "Line": [line(200, "TAX")]}
    relined = created(us.post("invoice", body))

    assert relined["TxnTaxDetail"]["TxnTaxCodeRef"]["value"] == california["value"]
    assert money(relined["TxnTaxDetail"]["TotalTax"]) == Decimal("14.50")
    assert money(relined["TotalAmt"]) == Decimal("214.50")


def test_ast_update_with_new_lines_drops_the_old_total_tax(ast_us: QboSession) -> None:
    sent = {"TotalTax": 1}
    invoice = created(post_txn(ast_us, [line(100, "TAX")], TxnTaxDetail=sent))

    def sparse(token: str, **fields: Any) -> dict[str, Any]:
        body = {"Id": invoice["Id"], "SyncToken": token, "sparse": True, **fields}
        return created(ast_us.post("invoice", body))

    noted = sparse("0", PrivateNote="memo")
    relined = sparse("1", Line=[line(200, "TAX")])

    assert money(noted["TxnTaxDetail"]["TotalTax"]) == Decimal(1)
    assert money(relined["TxnTaxDetail"]["TotalTax"]) == Decimal("16.50")
    assert money(relined["Balance"]) == Decimal("216.50")
