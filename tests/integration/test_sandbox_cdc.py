"""Change Data Capture in the sandbox over HTTP: edits, payments, deletes, paging, 30 days."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession
from tests.integration.pullback_support import fault_code, new_customer, new_txn, pay


def cdc(qbo: QboSession, entities: str, since: str) -> Any:
    return qbo.get("cdc", entities=entities, changedSince=since)


def groups(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json(parse_float=Decimal)
    assert "time" in body
    return list(body["CDCResponse"][0]["QueryResponse"])


def ago(server: SandboxServer, **delta: float) -> str:
    return (server.company.clock.now() - dt.timedelta(**delta)).isoformat(timespec="seconds")


def test_an_admin_edit_bumps_sync_token_and_shows_in_cdc(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    since = invoice["MetaData"]["LastUpdatedTime"]

    edited = sandbox.edit_in_quickbooks(
        "Invoice",
        invoice["Id"],
        {"DueDate": "2027-01-31", "PrivateNote": "changed in QuickBooks"},
        line_amounts={"1": "150"},
    )

    assert edited["SyncToken"] == "1"
    assert edited["MetaData"]["LastUpdatedTime"] > since
    assert edited["TotalAmt"] == Decimal("157.5")  # 150 + GST 5 %, recomputed
    found = groups(cdc(qbo, "Invoice,Customer", since))
    invoices = found[0]["Invoice"]
    assert [(row["Id"], row["SyncToken"]) for row in invoices] == [(invoice["Id"], "1")]
    assert invoices[0]["DueDate"] == "2027-01-31"
    assert found[1] == {}  # the customer was created before ``since``


def test_cdc_has_changes_grouped_by_entity_in_the_order_asked(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    since = ago(sandbox, seconds=5)
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    estimate = new_txn(qbo, "estimate", customer)
    pay(qbo, customer, invoice["Id"], 5)

    found = groups(cdc(qbo, "Estimate,Invoice,Payment,Customer", since))

    assert [next(key for key in group if key[0].isupper()) for group in found] == [
        "Estimate",
        "Invoice",
        "Payment",
        "Customer",
    ]
    assert found[0]["Estimate"][0]["Id"] == estimate["Id"]
    paid = found[1]["Invoice"][0]
    assert paid["Balance"] == Decimal("100")
    assert paid["LinkedTxn"][0]["TxnType"] == "Payment"
    assert found[2]["startPosition"] == 1
    assert found[2]["maxResults"] == 1


def test_a_deleted_invoice_comes_back_as_a_tombstone(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    customer = new_customer(qbo)
    kept = new_txn(qbo, "invoice", customer)
    gone = new_txn(qbo, "invoice", customer)
    voided = new_txn(qbo, "invoice", customer)
    since = voided["MetaData"]["LastUpdatedTime"]
    qbo.post("invoice", {"Id": gone["Id"], "SyncToken": "0"}, operation="delete")
    sandbox.void_in_quickbooks(voided["Id"])

    rows = groups(cdc(qbo, "Invoice", since))[0]["Invoice"]

    by_id = {row["Id"]: row for row in rows}
    assert kept["Id"] not in by_id or by_id[kept["Id"]]["SyncToken"] == "0"
    tombstone = by_id[gone["Id"]]
    assert set(tombstone) == {"Id", "status", "domain", "MetaData"}
    assert tombstone["status"] == "Deleted"
    assert tombstone["MetaData"]["LastUpdatedTime"] >= since
    assert by_id[voided["Id"]]["Balance"] == Decimal("0")
    assert [row["Id"] for row in rows][-2:] == [gone["Id"], voided["Id"]]  # by change time


def test_cdc_answers_at_most_1000_per_entity_oldest_first(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    since = ago(sandbox, seconds=5)
    company = sandbox.company
    with company.lock:  # in-process: 1,050 creates in a fraction of a second
        for number in range(1050):
            company.create(
                "Customer", {"DisplayName": f"Bulk {number}"}, WriteContext(company.state)
            )

    first = groups(cdc(qbo, "Customer", since))[0]
    assert first["maxResults"] == 1000
    times = [row["MetaData"]["LastUpdatedTime"] for row in first["Customer"]]
    assert times == sorted(times)
    assert len(set(times)) == 1000  # strictly increasing: a page boundary is exact

    rest = groups(cdc(qbo, "Customer", times[-1]))[0]["Customer"]
    assert len(rest) == 51  # at or after: the last one again, then the 50 left
    assert rest[0]["Id"] == first["Customer"][-1]["Id"]


def test_the_30_day_rule_and_bad_parameters(qbo: QboSession, sandbox: SandboxServer) -> None:
    assert cdc(qbo, "Invoice", ago(sandbox, days=29)).status_code == 200
    old = cdc(qbo, "Invoice", ago(sandbox, days=30, seconds=5))
    assert old.status_code == 400
    assert fault_code(old) == "500"
    assert "older than fixed days" in old.json()["Fault"]["Error"][0]["Detail"]

    assert fault_code(qbo.get("cdc", entities="Invoice")) == "2020"
    assert fault_code(qbo.get("cdc", changedSince=ago(sandbox, days=1))) == "2020"
    assert fault_code(cdc(qbo, "Invoice", "last tuesday")) == "2010"
    assert fault_code(cdc(qbo, "Invoice,Spaceship", ago(sandbox, days=1))) == "2010"
    assert cdc(qbo, "invoice", ago(sandbox, days=1).split("T")[0]).status_code == 200  # a date


def test_thirty_days_later_an_old_change_is_out_of_reach(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    customer = new_customer(qbo)
    invoice = new_txn(qbo, "invoice", customer)
    stamp = invoice["MetaData"]["LastUpdatedTime"]

    sandbox.advance_clock(31 * 86400)

    assert cdc(qbo, "Invoice", stamp).status_code == 400
    assert groups(cdc(qbo, "Invoice", ago(sandbox, days=1))) == [{}]
    later = new_txn(qbo, "invoice", customer)
    assert later["MetaData"]["LastUpdatedTime"][:10] > stamp[:10]


def test_cdc_is_metered_like_a_read(qbo: QboSession, sandbox: SandboxServer) -> None:
    before = sandbox.limiter.stats()["admitted"]
    cdc(qbo, "Invoice", ago(sandbox, days=1))
    assert sandbox.limiter.stats()["admitted"] == before + 1
