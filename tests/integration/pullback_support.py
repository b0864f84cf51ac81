"""Shared steps for the pull-back tests: a customer, an invoice or estimate, money as Decimal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qbconnector.sandbox import jsonio
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession


def line(amount: object, tax_code: str, qty: object | None = None) -> dict[str, Any]:
    detail: dict[str, Any] = {"ItemRef": {"value": "1"}, "TaxCodeRef": {"value": tax_code}}
    if qty is not None:
        detail.update({"Qty": qty, "UnitPrice": Decimal(str(amount)) / Decimal(str(qty))})
    return {"DetailType": "SalesItemLineDetail", "Amount": amount, "SalesItemLineDetail": detail}


def new_customer(qbo: QboSession, name: str = "Bird Translations") -> str:
    response = qbo.post("customer", {"DisplayName": name})
    assert response.status_code == 200, response.text
    return str(response.json()["Customer"]["Id"])


def new_txn(
    qbo: QboSession, entity: str, customer_id: str, amount: object = 100, **extra: Any
) -> dict[str, Any]:
    """An invoice or estimate (lowercase ``entity``) taxed at GST 5 %: 100 -> 105."""
    gst = qbo.server.tax_code_id("GST")
    body = {"CustomerRef": {"value": customer_id}, "Line": [line(amount, gst)], **extra}
    response = qbo.post(entity, body)
    assert response.status_code == 200, response.text
    return dict(response.json(parse_float=Decimal)[entity.capitalize()])


def post_exact(qbo: QboSession, path: str, body: object, **params: str) -> Any:
    """POST with Decimal amounts written as exact JSON numbers (requests' json= cannot)."""
    return qbo.http.post(
        f"{qbo.base}/{path}",
        data=jsonio.dump_bytes(body),
        params={"minorversion": "75", **params},
        headers={"Content-Type": "application/json"},
    )


def pay(qbo: QboSession, customer_id: str, invoice_id: str, amount: object, **extra: Any) -> Any:
    body = {
        "CustomerRef": {"value": customer_id},
        "TotalAmt": extra.pop("total", amount),
        "Line": [{"Amount": amount, "LinkedTxn": [{"TxnId": invoice_id, "TxnType": "Invoice"}]}],
        **extra,
    }
    return post_exact(qbo, "payment", body)


def invoice_now(qbo: QboSession, invoice_id: str) -> dict[str, Any]:
    return dict(qbo.get(f"invoice/{invoice_id}").json(parse_float=Decimal)["Invoice"])


def fault_code(response: Any) -> str:
    return str(response.json()["Fault"]["Error"][0]["code"])


def stored(server: SandboxServer, entity: str, record_id: str) -> dict[str, Any]:
    return next(r for r in server.entities(entity) if r["Id"] == record_id)
