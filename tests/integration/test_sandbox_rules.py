"""QuickBooks' business rules as the sandbox enforces them, with the exact fault shapes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory


def exempt_code(qbo: QboSession) -> str:
    """The Canadian company's Exempt tax code, found by name (every line needs a TaxCodeRef)."""
    found = qbo.query("SELECT * FROM TaxCode WHERE Name = 'Exempt'").json()["QueryResponse"]
    return str(found["TaxCode"][0]["Id"])


def sales_line(qbo: QboSession, amount: Any, item: str = "1", **detail: Any) -> dict[str, Any]:
    """A sales line taxed Exempt (0 %, so totals stay the line amounts) unless told otherwise."""
    detail.setdefault("TaxCodeRef", {"value": exempt_code(qbo)})
    return {
        "DetailType": "SalesItemLineDetail",
        "Amount": amount,
        "SalesItemLineDetail": {"ItemRef": {"value": item}, **detail},
    }


def new_customer(qbo: QboSession, name: str = "Acme", **fields: Any) -> dict[str, Any]:
    response = qbo.post("customer", {"DisplayName": name, **fields})
    assert response.status_code == 200, response.text
    return response.json()["Customer"]  # type: ignore[no-any-return]


def fault_of(response: Any, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["Fault"]["type"] == "ValidationFault"
    assert "time" in body
    return body["Fault"]["Error"][0]  # type: ignore[no-any-return]


def test_display_name_unique_across_customers_vendors_employees(qbo: QboSession) -> None:
    assert qbo.post("vendor", {"DisplayName": "Shared Name"}).status_code == 200

    for entity, name in (("customer", "Shared Name"), ("employee", "  shared name ")):
        error = fault_of(qbo.post(entity, {"DisplayName": name}))
        assert error["code"] == "6240"
        assert error["Message"] == "Duplicate Name Exists Error"
        assert error["element"] == ""


def test_inactive_customer_still_holds_its_name(qbo: QboSession) -> None:
    customer = new_customer(qbo, "Gone Ltd")
    update = {"Id": customer["Id"], "SyncToken": "0", "sparse": True, "Active": False}
    assert qbo.post("customer", update).status_code == 200

    assert fault_of(qbo.post("customer", {"DisplayName": "Gone Ltd"}))["code"] == "6240"


@pytest.mark.parametrize("name", ["Parent:Child", "Tab\tName", "Line\nBreak"])
def test_display_name_forbidden_characters(qbo: QboSession, name: str) -> None:
    error = fault_of(qbo.post("customer", {"DisplayName": name}))

    assert error["code"] == "6000"
    assert error["element"] == "DisplayName"


def test_display_name_built_from_name_parts(qbo: QboSession) -> None:
    customer = qbo.post("customer", {"GivenName": "Ann", "FamilyName": "Lee"}).json()["Customer"]

    assert customer["DisplayName"] == "Ann Lee"
    assert fault_of(qbo.post("customer", {"Notes": "no name"}))["code"] == "2020"


@pytest.mark.parametrize(
    ("entity", "field", "limit"),
    [("customer", "DisplayName", 500), ("item", "Name", 100)],
)
def test_name_length_limits(qbo: QboSession, entity: str, field: str, limit: int) -> None:
    extra = {"IncomeAccountRef": {"value": "79"}} if entity == "item" else {}

    ok = qbo.post(entity, {field: "x" * limit, **extra})
    too_long = qbo.post(entity, {field: "y" * (limit + 1), **extra})

    assert ok.status_code == 200, ok.text
    error = fault_of(too_long)
    assert error["code"] == "2050"
    assert error["element"] == field
    assert f"Max:{limit}" in error["Detail"]


@pytest.mark.parametrize(
    ("field", "value", "element"),
    [
        ("DocNumber", "D" * 22, "DocNumber"),
        ("PrivateNote", "p" * 4001, "PrivateNote"),
        ("CustomerMemo", {"value": "m" * 1001}, "CustomerMemo.value"),
    ],
)
def test_invoice_text_limits(qbo: QboSession, field: str, value: Any, element: str) -> None:
    customer = new_customer(qbo)
    body = {"CustomerRef": {"value": customer["Id"]}, "Line": [sales_line(qbo, 10)], field: value}

    error = fault_of(qbo.post("invoice", body))

    assert error["code"] == "2050"
    assert error["element"] == element


def test_line_description_limit(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    line = {**sales_line(qbo, 10), "Description": "d" * 4001}
    body = {"CustomerRef": {"value": customer["Id"]}, "Line": [line]}

    assert fault_of(qbo.post("invoice", body))["element"] == "Line.Description"
    line["Description"] = "d" * 4000
    assert qbo.post("invoice", body).status_code == 200


def test_duplicate_doc_number_per_entity_type(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    body = {
        "CustomerRef": {"value": customer["Id"]},
        "Line": [sales_line(qbo, 5)],
        "DocNumber": "F-1",
    }
    assert qbo.post("invoice", body).status_code == 200

    error = fault_of(qbo.post("invoice", body))
    estimate = qbo.post("estimate", body)
    allowed = qbo.post("invoice", body, include="allowduplicatedocnum")

    assert error["code"] == "6140"
    assert error["Message"] == "Duplicate Document Number Error"
    assert estimate.status_code == 200
    assert allowed.status_code == 200


def test_amount_must_equal_qty_times_unit_price_as_decimal(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    ref = {"value": customer["Id"]}

    exact = qbo.post(
        "invoice", {"CustomerRef": ref, "Line": [sales_line(qbo, 0.3, Qty=3, UnitPrice=0.1)]}
    )
    wrong = qbo.post(
        "invoice", {"CustomerRef": ref, "Line": [sales_line(qbo, 100, Qty=3, UnitPrice=33.33)]}
    )

    assert exact.status_code == 200, exact.text
    assert exact.json(parse_float=Decimal)["Invoice"]["TotalAmt"] == Decimal("0.3")
    error = fault_of(wrong)
    assert error["code"] == "6070"
    assert error["element"] == "Line.Amount"


def test_references_must_exist_and_be_active(qbo: QboSession, sandbox: SandboxServer) -> None:
    customer = new_customer(qbo)
    inactive = qbo.post(
        "item", {"Name": "Old", "IncomeAccountRef": {"value": "79"}, "Active": False}
    ).json()["Item"]

    cases = [
        ({"value": "999"}, "1", "CustomerRef"),
        ({"value": customer["Id"]}, "999", "Line.SalesItemLineDetail.ItemRef"),
        ({"value": customer["Id"]}, inactive["Id"], "Line.SalesItemLineDetail.ItemRef"),
    ]
    for customer_ref, item_id, element in cases:
        body = {"CustomerRef": customer_ref, "Line": [sales_line(qbo, 1, item=item_id)]}
        error = fault_of(qbo.post("invoice", body))
        assert error["code"] == "2500"
        assert error["Message"] == "Invalid Reference Id"
        assert error["element"] == element
    assert sandbox.entities("Invoice") == []


def test_read_missing_is_610(qbo: QboSession) -> None:
    error = fault_of(qbo.get("invoice/4242"))

    assert error["code"] == "610"
    assert error["Message"] == "Object Not Found"


def test_sync_token_must_match_and_increments(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    first = qbo.post(
        "customer", {"Id": customer["Id"], "SyncToken": "0", "sparse": True, "Notes": "a"}
    )
    stale = qbo.post(
        "customer", {"Id": customer["Id"], "SyncToken": "0", "sparse": True, "Notes": "b"}
    )

    assert first.json()["Customer"]["SyncToken"] == "1"
    error = fault_of(stale)
    assert error["code"] == "5010"
    assert error["Message"] == "Stale Object Error"
    assert qbo.get(f"customer/{customer['Id']}").json()["Customer"]["Notes"] == "a"


def test_sparse_update_keeps_other_fields_full_update_nulls_them(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    body = {
        "CustomerRef": {"value": customer["Id"]},
        "Line": [sales_line(qbo, 10)],
        "PrivateNote": "keep me",
        "DocNumber": "S-1",
    }
    invoice = qbo.post("invoice", body).json()["Invoice"]

    sparse = qbo.post(
        "invoice", {"Id": invoice["Id"], "SyncToken": "0", "sparse": True, "DueDate": "2030-01-31"}
    ).json()["Invoice"]
    full = qbo.post(
        "invoice",
        {
            "Id": invoice["Id"],
            "SyncToken": "1",
            "CustomerRef": {"value": customer["Id"]},
            "Line": [sales_line(qbo, 20)],
        },
    ).json()["Invoice"]

    assert sparse["PrivateNote"] == "keep me"
    assert sparse["DocNumber"] == "S-1"
    assert sparse["DueDate"] == "2030-01-31"
    assert "PrivateNote" not in full
    assert "DocNumber" not in full
    assert full["TotalAmt"] == 20
    assert full["SyncToken"] == "2"


def test_line_with_a_sales_line_is_required(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    ref = {"value": customer["Id"]}
    only_text = [{"DetailType": "DescriptionOnly", "Description": "note"}]

    for body in ({"CustomerRef": ref}, {"CustomerRef": ref, "Line": only_text}):
        error = fault_of(qbo.post("invoice", body))
        assert error["code"] == "2020"
        assert "Line" in error["Detail"]


def test_txn_date_defaults_and_empty_dates_are_refused(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    base = {"CustomerRef": {"value": customer["Id"]}, "Line": [sales_line(qbo, 1)]}

    created = qbo.post("invoice", base).json()["Invoice"]
    empty_due = qbo.post("invoice", {**base, "DueDate": ""})
    empty_txn = qbo.post("invoice", {**base, "TxnDate": ""})

    assert len(created["TxnDate"]) == 10
    for response in (empty_due, empty_txn):
        assert fault_of(response)["code"] == "2010"


def test_discount_and_totals(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    discount = {
        "DetailType": "DiscountLineDetail",
        "DiscountLineDetail": {"PercentBased": True, "DiscountPercent": 10},
    }
    body = {"CustomerRef": {"value": customer["Id"]}, "Line": [sales_line(qbo, 35), discount]}

    estimate = qbo.post("estimate", body).json(parse_float=Decimal)["Estimate"]

    assert [line["DetailType"] for line in estimate["Line"]] == [
        "SalesItemLineDetail",
        "SubTotalLineDetail",
        "DiscountLineDetail",
    ]
    assert estimate["TotalAmt"] == Decimal("31.5")
    assert estimate["TxnStatus"] == "Pending"


def test_home_currency_only_without_multicurrency(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    body = {
        "CustomerRef": {"value": customer["Id"]},
        "Line": [sales_line(qbo, 1)],
        "CurrencyRef": {"value": "USD"},
    }

    invoice_error = fault_of(qbo.post("invoice", body))
    customer_error = fault_of(
        qbo.post("customer", {"DisplayName": "US", "CurrencyRef": {"value": "USD"}})
    )

    assert invoice_error["code"] == "6000"
    assert invoice_error["element"] == "CurrencyRef"
    assert customer_error["code"] == "6000"


def test_multicurrency_company(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    server = sandbox_factory(seed=CompanySeed(home_currency="CAD", multicurrency=True))
    qbo = qbo_for(server)
    usd = new_customer(qbo, "Yankee Inc", CurrencyRef={"value": "USD"})
    line = [sales_line(qbo, 50)]

    ok = qbo.post(
        "invoice",
        {"CustomerRef": {"value": usd["Id"]}, "Line": line, "CurrencyRef": {"value": "USD"}},
    )
    missing = qbo.post("invoice", {"CustomerRef": {"value": usd["Id"]}, "Line": line})
    mismatch = qbo.post(
        "invoice",
        {"CustomerRef": {"value": usd["Id"]}, "Line": line, "CurrencyRef": {"value": "CAD"}},
    )

    assert ok.status_code == 200, ok.text
    assert ok.json()["Invoice"]["ExchangeRate"] == 1
    assert fault_of(missing)["code"] == "2020"
    assert fault_of(mismatch)["code"] == "6000"
    prefs = qbo.get("preferences").json()["Preferences"]["CurrencyPrefs"]
    assert prefs == {"MultiCurrencyEnabled": True, "HomeCurrency": {"value": "CAD"}}


def test_read_only_delivery_info_is_refused(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    body = {
        "CustomerRef": {"value": customer["Id"]},
        "Line": [sales_line(qbo, 1)],
        "DeliveryInfo": {"DeliveryType": "Email"},
    }

    error = fault_of(qbo.post("invoice", body))

    assert error["code"] == "2010"
    assert error["element"] == "DeliveryInfo"


def test_delete_and_void(qbo: QboSession, sandbox: SandboxServer) -> None:
    customer = new_customer(qbo)
    body = {"CustomerRef": {"value": customer["Id"]}, "Line": [sales_line(qbo, 9)]}
    first = qbo.post("invoice", body).json()["Invoice"]
    second = qbo.post("invoice", body).json()["Invoice"]

    deleted = qbo.post("invoice", {"Id": first["Id"], "SyncToken": "0"}, operation="delete")
    voided = qbo.post("invoice", {"Id": second["Id"], "SyncToken": "0"}, operation="void")
    no_delete = qbo.post("customer", {"Id": customer["Id"], "SyncToken": "0"}, operation="delete")

    assert deleted.json()["Invoice"] == {"Id": first["Id"], "status": "Deleted", "domain": "QBO"}
    assert fault_of(qbo.get(f"invoice/{first['Id']}"))["code"] == "610"
    assert voided.json()["Invoice"]["TotalAmt"] == 0
    assert voided.json()["Invoice"]["SyncToken"] == "1"
    assert fault_of(no_delete)["code"] == "6000"
    assert [invoice["Id"] for invoice in sandbox.entities("Invoice")] == [second["Id"]]
