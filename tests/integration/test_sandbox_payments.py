"""Payments applied to invoices, estimate acceptance and conversion, in the sandbox over HTTP."""

from __future__ import annotations

from decimal import Decimal

import pytest
import requests

from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession
from tests.integration.pullback_support import (
    fault_code,
    invoice_now,
    new_customer,
    new_txn,
    pay,
    post_exact,
)


def test_partial_then_full_payment_lowers_the_balance_to_zero(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    assert invoice["Balance"] == Decimal("105")

    first = pay(qbo, customer, invoice["Id"], Decimal("40.25"))
    assert first.status_code == 200, first.text
    payment = first.json(parse_float=Decimal)["Payment"]
    assert payment["TotalAmt"] == Decimal("40.25")
    assert payment["Line"][0]["LinkedTxn"] == [{"TxnId": invoice["Id"], "TxnType": "Invoice"}]
    after_first = invoice_now(qbo, invoice["Id"])
    assert after_first["Balance"] == Decimal("64.75")
    assert after_first["SyncToken"] == "1"  # paying bumps the invoice (pitfall 7)
    assert after_first["MetaData"]["LastUpdatedTime"] > invoice["MetaData"]["LastUpdatedTime"]
    assert {"TxnId": payment["Id"], "TxnType": "Payment"} in after_first["LinkedTxn"]

    second = pay(qbo, customer, invoice["Id"], Decimal("64.75"))
    assert second.status_code == 200, second.text
    paid = invoice_now(qbo, invoice["Id"])
    assert paid["Balance"] == Decimal("0")
    assert paid["SyncToken"] == "2"
    assert [link["TxnType"] for link in paid["LinkedTxn"]] == ["Payment", "Payment"]
    rows = qbo.query("SELECT * FROM Payment").json()["QueryResponse"]["Payment"]
    assert len(rows) == 2
    by_customer = qbo.query(f"SELECT * FROM Payment WHERE CustomerRef = '{customer}'")
    assert by_customer.json()["QueryResponse"]["maxResults"] == 2


def test_over_payment_is_refused_and_changes_nothing(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)

    over = pay(qbo, customer, invoice["Id"], Decimal("105.01"))
    assert over.status_code == 400
    assert fault_code(over) == "6000"
    assert "open balance" in over.json()["Fault"]["Error"][0]["Detail"]
    lines_beyond_total = pay(qbo, customer, invoice["Id"], 50, total=40)
    assert lines_beyond_total.status_code == 400
    assert pay(qbo, customer, invoice["Id"], 60).status_code == 200
    second_over = pay(qbo, customer, invoice["Id"], 50)  # 45 left
    assert second_over.status_code == 400
    assert invoice_now(qbo, invoice["Id"])["Balance"] == Decimal("45")


def test_payment_rules_refer_to_real_invoices_of_the_same_customer(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    other = new_customer(qbo, "Other Customer")
    invoice = new_txn(qbo, "invoice", customer)

    assert fault_code(pay(qbo, customer, "999", 10)) == "2500"
    assert fault_code(pay(qbo, other, invoice["Id"], 10)) == "6000"
    no_total = qbo.post("payment", {"CustomerRef": {"value": customer}})
    assert fault_code(no_total) == "2020"
    credit_memo = qbo.post(
        "payment",
        {
            "CustomerRef": {"value": customer},
            "TotalAmt": 10,
            "Line": [{"Amount": 10, "LinkedTxn": [{"TxnId": "1", "TxnType": "CreditMemo"}]}],
        },
    )
    assert fault_code(credit_memo) == "2010"
    unapplied = qbo.post("payment", {"CustomerRef": {"value": customer}, "TotalAmt": 25})
    assert unapplied.json(parse_float=Decimal)["Payment"]["UnappliedAmt"] == Decimal("25")


def test_deleting_a_payment_restores_the_balance(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    payment = pay(qbo, customer, invoice["Id"], 100).json()["Payment"]

    deleted = qbo.post(
        "payment", {"Id": payment["Id"], "SyncToken": payment["SyncToken"]}, operation="delete"
    )

    assert deleted.json()["Payment"]["status"] == "Deleted"
    restored = invoice_now(qbo, invoice["Id"])
    assert restored["Balance"] == Decimal("105")
    assert restored["LinkedTxn"] == []
    assert restored["SyncToken"] == "2"


def test_changing_a_payment_moves_the_balance(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    payment = pay(qbo, customer, invoice["Id"], 100).json(parse_float=Decimal)["Payment"]

    smaller = {**payment, "TotalAmt": 30, "Line": [{**payment["Line"][0], "Amount": 30}]}
    updated = post_exact(qbo, "payment", smaller)

    assert updated.status_code == 200, updated.text
    assert invoice_now(qbo, invoice["Id"])["Balance"] == Decimal("75")
    stale = post_exact(qbo, "payment", smaller)  # the old SyncToken again
    assert fault_code(stale) == "5010"


def test_a_paid_invoice_keeps_its_payments_and_cannot_be_voided_or_deleted(
    qbo: QboSession,
) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    pay(qbo, customer, invoice["Id"], 50)
    stale = qbo.post(
        "invoice", {"Id": invoice["Id"], "SyncToken": "0", "sparse": True, "PrivateNote": "x"}
    )
    assert fault_code(stale) == "5010"  # the payment moved the SyncToken on
    current = invoice_now(qbo, invoice["Id"])

    edited = qbo.post(
        "invoice",
        {"Id": current["Id"], "SyncToken": current["SyncToken"], "sparse": True, "LinkedTxn": []},
    )
    assert edited.status_code == 200
    assert edited.json(parse_float=Decimal)["Invoice"]["Balance"] == Decimal("55")
    assert edited.json()["Invoice"]["LinkedTxn"][0]["TxnType"] == "Payment"
    token = {"Id": current["Id"], "SyncToken": edited.json()["Invoice"]["SyncToken"]}
    assert fault_code(qbo.post("invoice", token, operation="void")) == "6000"
    assert fault_code(qbo.post("invoice", token, operation="delete")) == "6000"


def test_voided_invoice_has_zero_balance_and_takes_no_payment(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    voided = qbo.post("invoice", {"Id": invoice["Id"], "SyncToken": "0"}, operation="void").json(
        parse_float=Decimal
    )["Invoice"]

    assert voided["Balance"] == Decimal("0")
    assert fault_code(pay(qbo, customer, invoice["Id"], 1)) == "6000"


def test_estimate_accepted_then_converted_links_both_ways(qbo: QboSession) -> None:
    customer = new_customer(qbo)
    estimate = new_txn(qbo, "estimate", customer)
    assert estimate["TxnStatus"] == "Pending"

    accepted = qbo.post(
        "estimate",
        {"Id": estimate["Id"], "SyncToken": "0", "sparse": True, "TxnStatus": "Accepted"},
    ).json()["Estimate"]
    assert accepted["TxnStatus"] == "Accepted"
    assert accepted["SyncToken"] == "1"

    invoice = new_txn(
        qbo, "invoice", customer, LinkedTxn=[{"TxnId": estimate["Id"], "TxnType": "Estimate"}]
    )
    assert invoice["LinkedTxn"] == [{"TxnId": estimate["Id"], "TxnType": "Estimate"}]
    closed = qbo.get(f"estimate/{estimate['Id']}").json()["Estimate"]
    assert closed["TxnStatus"] == "Closed"
    assert closed["LinkedTxn"] == [{"TxnId": invoice["Id"], "TxnType": "Invoice"}]
    assert closed["SyncToken"] == "2"

    twice = qbo.post(
        "invoice",
        {
            "CustomerRef": {"value": customer},
            "Line": invoice["Line"][:1],
            "LinkedTxn": [{"TxnId": estimate["Id"], "TxnType": "Estimate"}],
        },
    )
    assert fault_code(twice) == "6000"
    bad_status = qbo.post(
        "estimate", {"Id": estimate["Id"], "SyncToken": "2", "sparse": True, "TxnStatus": "Won"}
    )
    assert fault_code(bad_status) == "2010"


def test_admin_records_payments_and_acceptance_as_a_quickbooks_user(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    estimate = new_txn(qbo, "estimate", customer)

    over = requests.post(
        f"{sandbox.admin_url}/payment", json={"invoice_id": invoice["Id"], "amount": "200"}
    )
    assert over.status_code == 400
    assert over.json()["Fault"]["Error"][0]["code"] == "6000"
    paid = requests.post(
        f"{sandbox.admin_url}/payment", json={"invoice_id": invoice["Id"], "amount": "105"}
    )
    assert paid.status_code == 200, paid.text
    accepted = sandbox.set_estimate_status(estimate["Id"], "Accepted", accepted_by="Amy")

    assert invoice_now(qbo, invoice["Id"])["Balance"] == Decimal("0")
    assert accepted["TxnStatus"] == "Accepted"
    assert accepted["AcceptedBy"] == "Amy"
    with pytest.raises(TypeError):
        sandbox.record_payment(invoice["Id"], 1.5)  # money is never a float
    exact = requests.post(
        f"{sandbox.admin_url}/payment", json={"invoice_id": invoice["Id"], "amount": 0.1}
    )
    assert exact.status_code == 400  # read as Decimal 0.1, then refused: nothing is left to pay
    assert exact.json()["Fault"]["Error"][0]["code"] == "6000"
