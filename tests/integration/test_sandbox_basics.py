"""The sandbox's data API basics over real HTTP: envelope, creates, reads, headers."""

from __future__ import annotations

from decimal import Decimal

import requests

from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession


def invoice_body(
    customer_id: str, tax_code: str, amount: object = 100.0, **extra: object
) -> dict[str, object]:
    line = {
        "DetailType": "SalesItemLineDetail",
        "Amount": amount,
        "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "TaxCodeRef": {"value": tax_code}},
    }
    return {"CustomerRef": {"value": customer_id}, "Line": [line], **extra}


def test_create_customer_returns_string_ids_time_and_intuit_tid(qbo: QboSession) -> None:
    response = qbo.post("customer", {"DisplayName": "Acme Freight LLC"})

    assert response.status_code == 200
    body = response.json()
    customer = body["Customer"]
    assert customer["Id"] == "1"
    assert customer["SyncToken"] == "0"
    assert customer["CurrencyRef"]["value"] == "CAD"
    assert customer["MetaData"]["CreateTime"]
    assert "time" in body
    assert response.headers["intuit_tid"]


def test_intuit_tid_differs_per_response(qbo: QboSession) -> None:
    tids = {qbo.get("companyinfo/" + qbo.server.realm_id).headers["intuit_tid"] for _ in range(3)}

    assert len(tids) == 3


def test_invoice_gets_server_fields(qbo: QboSession, sandbox: SandboxServer) -> None:
    customer_id = qbo.post("customer", {"DisplayName": "Bird"}).json()["Customer"]["Id"]
    query = qbo.query("SELECT * FROM TaxCode WHERE Name = 'HST ON'").json()["QueryResponse"]
    hst = query["TaxCode"][0]["Id"]

    response = qbo.post("invoice", invoice_body(customer_id, hst, 123.45))

    invoice = response.json(parse_float=Decimal)["Invoice"]
    assert invoice["TotalAmt"] == Decimal("139.50")  # 123.45 + 13 % HST (16.0485 -> 16.05)
    assert invoice["Balance"] == Decimal("139.50")
    assert invoice["TxnTaxDetail"]["TotalTax"] == Decimal("16.05")
    assert invoice["Line"][0]["Id"] == "1"
    assert invoice["Line"][0]["LineNum"] == 1
    assert invoice["Line"][-1]["DetailType"] == "SubTotalLineDetail"
    assert invoice["Line"][-1]["Amount"] == Decimal("123.45")
    assert invoice["DocNumber"] == "1001"
    assert len(invoice["TxnDate"]) == 10
    assert sandbox.entities("Invoice")[0]["TotalAmt"] == Decimal("139.50")


def test_read_back_and_company_info(qbo: QboSession) -> None:
    created = qbo.post("customer", {"DisplayName": "Readme"}).json()["Customer"]

    read = qbo.get(f"customer/{created['Id']}").json()["Customer"]
    info = qbo.get(f"companyinfo/{qbo.server.realm_id}").json()["CompanyInfo"]

    assert read == created
    assert info["CompanyName"] == "Sandbox Translations Inc."
    assert info["Country"] == "CA"


def test_unknown_path_is_a_system_fault(qbo: QboSession) -> None:
    response = qbo.get("purchaseorder/1")  # not modelled

    assert response.status_code == 400
    assert response.json()["Fault"]["type"] == "SystemFault"


def test_minorversion_any_value_accepted(qbo: QboSession) -> None:
    response = requests.get(
        f"{qbo.base}/companyinfo/{qbo.server.realm_id}",
        params={"minorversion": "4"},
        headers=qbo.http.headers,
        timeout=5,
    )

    assert response.status_code == 200
