"""Batch (30 items, bId correlation, independence) and requestid replay of writes."""

from __future__ import annotations

from typing import Any

import requests

from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession


def sales_line(qbo: QboSession) -> dict[str, Any]:
    """A line with the company's GST code (found by name: a Canadian line needs one)."""
    found = qbo.query("SELECT * FROM TaxCode WHERE Name = 'GST'").json()["QueryResponse"]
    code = {"value": found["TaxCode"][0]["Id"]}
    return {
        "DetailType": "SalesItemLineDetail",
        "Amount": 10,
        "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "TaxCodeRef": code},
    }


def by_bid(response: requests.Response) -> dict[str, dict[str, Any]]:
    assert response.status_code == 200, response.text
    return {item["bId"]: item for item in response.json()["BatchItemResponse"]}


def test_mixed_batch_correlated_by_bid(qbo: QboSession) -> None:
    customer = qbo.post("customer", {"DisplayName": "Taken"}).json()["Customer"]
    line = sales_line(qbo)
    invoice = qbo.post(
        "invoice", {"CustomerRef": {"value": customer["Id"]}, "Line": [line]}
    ).json()["Invoice"]
    items = [
        {"bId": "b1", "operation": "create", "Customer": {"DisplayName": "Taken"}},
        {
            "bId": "b2",
            "operation": "create",
            "Invoice": {"CustomerRef": {"value": customer["Id"]}, "Line": [line]},
        },
        {
            "bId": "b3",
            "operation": "update",
            "Invoice": {"Id": invoice["Id"], "SyncToken": "0", "sparse": True, "PrivateNote": "x"},
        },
        {"bId": "b4", "Query": "select * from Item where Type = 'Service'"},
        {"bId": "b5", "operation": "delete", "Invoice": {"Id": invoice["Id"], "SyncToken": "0"}},
    ]

    answers = by_bid(qbo.post("batch", {"BatchItemRequest": items}))

    assert answers["b1"]["Fault"]["Error"][0]["code"] == "6240"
    assert answers["b2"]["Invoice"]["SyncToken"] == "0"
    assert answers["b3"]["Invoice"]["PrivateNote"] == "x"
    assert len(answers["b4"]["QueryResponse"]["Item"]) == 3
    assert answers["b5"]["Fault"]["Error"][0]["code"] == "5010"  # b3 moved the SyncToken on


def test_items_do_not_see_each_other(qbo: QboSession, sandbox: SandboxServer) -> None:
    line = sales_line(qbo)
    items = [
        {"bId": "c", "operation": "create", "Customer": {"DisplayName": "Fresh"}},
        {
            "bId": "i",
            "operation": "create",
            "Invoice": {"CustomerRef": {"value": "1"}, "Line": [line]},
        },
    ]

    answers = by_bid(qbo.post("batch", {"BatchItemRequest": items}))

    assert answers["c"]["Customer"]["Id"] == "1"
    assert answers["i"]["Fault"]["Error"][0]["code"] == "2500"
    assert sandbox.entities("Invoice") == []


def test_batch_limits(qbo: QboSession) -> None:
    query = {"Query": "select count(*) from Item"}
    thirty = [{"bId": f"q{n}", **query} for n in range(30)]

    ok = qbo.post("batch", {"BatchItemRequest": thirty})
    too_many = qbo.post("batch", {"BatchItemRequest": [*thirty, {"bId": "q30", **query}]})
    long_bid = qbo.post("batch", {"BatchItemRequest": [{"bId": "b" * 11, **query}]}, requestid="r1")
    long_requestid = qbo.post("batch", {"BatchItemRequest": thirty}, requestid="r" * 37)
    long_bid_no_requestid = qbo.post("batch", {"BatchItemRequest": [{"bId": "b" * 11, **query}]})

    assert len(by_bid(ok)) == 30
    for response in (too_many, long_bid, long_requestid):
        assert response.status_code == 400
        assert response.json()["Fault"]["type"] == "ValidationFault"
    assert long_bid_no_requestid.status_code == 200


def test_requestid_replays_write_byte_identical(qbo: QboSession, sandbox: SandboxServer) -> None:
    first = qbo.post("customer", {"DisplayName": "Once"}, requestid="req-1")
    again = qbo.post("customer", {"DisplayName": "Once"}, requestid="req-1")
    other_body = qbo.post("customer", {"DisplayName": "Different"}, requestid="req-1")

    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert other_body.content == first.content
    assert again.headers["intuit_tid"] != first.headers["intuit_tid"]
    assert [c["DisplayName"] for c in sandbox.entities("Customer")] == ["Once"]
    assert sandbox.summary()["replay_mismatches"] == 1


def test_requestid_replays_batch_and_errors(qbo: QboSession, sandbox: SandboxServer) -> None:
    batch = {
        "BatchItemRequest": [{"bId": "n", "operation": "create", "Customer": {"DisplayName": "B"}}]
    }
    first = qbo.post("batch", batch, requestid="batch-1")
    again = qbo.post("batch", batch, requestid="batch-1")
    error = qbo.post("customer", {"DisplayName": "B"}, requestid="dup-1")
    error_again = qbo.post("customer", {"DisplayName": "B"}, requestid="dup-1")

    assert again.content == first.content
    assert len(sandbox.entities("Customer")) == 1
    assert error.status_code == error_again.status_code == 400
    assert error_again.content == error.content


def test_requestid_length_limit(qbo: QboSession) -> None:
    response = qbo.post("customer", {"DisplayName": "Long"}, requestid="x" * 51)

    assert response.status_code == 400
    assert response.json()["Fault"]["Error"][0]["element"] == "requestid"
