"""Every client operation against the loopback sandbox over real HTTP."""

from __future__ import annotations

import uuid

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.batch import BatchItem
from qbconnector.quickbooks.query import where_equals
from qbconnector.quickbooks.ratelimit import RateLimits
from qbconnector.sandbox.server import SandboxServer
from tests.integration import client_helpers
from tests.integration.client_helpers import ClientFactory
from tests.integration.conftest import SandboxFactory

client_for = client_helpers.client_for  # the fixture, shared with the other client tests

INVOICE_LINE = {
    "DetailType": "SalesItemLineDetail",
    "Amount": 100.0,
    "SalesItemLineDetail": {"ItemRef": {"value": "1"}},
}


def _rid() -> str:
    return uuid.uuid4().hex


def test_company_info_tests_the_connection(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    result = client_for(sandbox).company_info()
    assert result.entity["CompanyName"]
    assert result.intuit_tid


def test_create_read_and_sparse_update(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    created = client.create("Customer", {"DisplayName": "Acme Freight"}, _rid())
    customer_id = created.entity["Id"]
    assert created.intuit_tid
    read = client.read("Customer", customer_id)
    assert read.entity["DisplayName"] == "Acme Freight"
    updated = client.sparse_update(
        "Customer",
        {"Id": customer_id, "SyncToken": read.entity["SyncToken"], "Notes": "VIP"},
        _rid(),
    )
    assert updated.entity["Notes"] == "VIP"
    assert updated.entity["DisplayName"] == "Acme Freight"
    assert updated.entity["SyncToken"] != read.entity["SyncToken"]


def test_a_repeated_requestid_creates_once(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    request_id = _rid()
    first = client.create("Customer", {"DisplayName": "Once"}, request_id)
    again = client.create("Customer", {"DisplayName": "Once"}, request_id)
    assert first.entity["Id"] == again.entity["Id"]
    assert [c["DisplayName"] for c in sandbox.entities("Customer")].count("Once") == 1


def test_stale_sync_token(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    created = client.create("Customer", {"DisplayName": "Stale"}, _rid()).entity
    client.sparse_update("Customer", {**_ids(created), "Notes": "a"}, _rid())
    with pytest.raises(errors.StaleObjectError) as raised:
        client.sparse_update("Customer", {**_ids(created), "Notes": "b"}, _rid())
    assert (raised.value.code, raised.value.http_status) == ("5010", 400)
    assert raised.value.intuit_tid


def test_duplicate_name(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    client.create("Customer", {"DisplayName": "Twin"}, _rid())
    with pytest.raises(errors.DuplicateNameError):
        client.create("Customer", {"DisplayName": "Twin"}, _rid())


def test_duplicate_doc_number(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    customer = client.create("Customer", {"DisplayName": "Buyer"}, _rid()).entity
    exempt = sandbox.tax_code_id("Exempt")  # a Canadian company wants a tax code on each line
    line = {
        **INVOICE_LINE,
        "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "TaxCodeRef": {"value": exempt}},
    }
    invoice = {"CustomerRef": {"value": customer["Id"]}, "DocNumber": "F-1", "Line": [line]}
    client.create("Invoice", invoice, _rid())
    with pytest.raises(errors.DuplicateDocNumberError):
        client.create("Invoice", invoice, _rid())


def test_validation_error_keeps_quickbooks_fields(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    with pytest.raises(errors.ValidationError) as raised:
        client_for(sandbox).create("Invoice", {"CustomerRef": {"value": "999"}}, _rid())
    assert raised.value.code
    assert raised.value.message
    assert raised.value.http_status == 400


def test_wrong_realm_is_an_authorization_error(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    with pytest.raises(errors.AuthorizationError) as raised:
        client_for(sandbox, realm_id="123").company_info()
    assert raised.value.http_status == 403


def test_a_dead_token_is_an_authentication_error(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    sandbox.expire_access_token()
    with pytest.raises(errors.AuthenticationError) as raised:
        client.company_info()
    assert raised.value.code == "3200"


def test_query_with_quotes_and_like_fallback(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    for name in ("O'Brien Trucking", "O\u2019Brien Trucking", "Back\\slash\\"):
        client.create("Customer", {"DisplayName": name}, _rid())
    for name in ("O'Brien Trucking", "O\u2019Brien Trucking", "Back\\slash\\"):
        condition = where_equals("DisplayName", name)
        rows = client.query(f"SELECT * FROM Customer WHERE {condition.text}").rows
        kept = [row for row in rows if condition.keeps(row)]
        assert [row["DisplayName"] for row in kept] == [name]


def test_query_pages_past_1000_rows(
    sandbox_factory: SandboxFactory, client_for: ClientFactory
) -> None:
    # Limits stay on, sixty times faster, on both sides.
    sandbox = sandbox_factory(time_scale=60.0)
    client = client_for(sandbox, limits=RateLimits().time_scaled(60.0))
    for start in range(0, 1005, 30):
        items = [
            BatchItem(f"c{n}", "Customer", "create", {"DisplayName": f"Customer {n:04d}"})
            for n in range(start, min(start + 30, 1005))
        ]
        assert all(item.ok for item in client.batch(items, _rid()).items.values())
    result = client.query("SELECT * FROM Customer WHERE DisplayName LIKE 'Customer %'")
    assert len(result.rows) == 1005
    assert len({row["Id"] for row in result.rows}) == 1005
    assert len(result.intuit_tids) == 2
    assert client.count("FROM Customer WHERE DisplayName LIKE 'Customer %'") == 1005


def test_empty_query_result(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    result = client_for(sandbox).query("SELECT * FROM Customer WHERE DisplayName = 'nobody'")
    assert result.rows == []


def test_batch_mixes_operations_and_matches_by_bid(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    existing = client.create("Customer", {"DisplayName": "Taken"}, _rid()).entity
    result = client.batch(
        [
            BatchItem("new", "Customer", "create", {"DisplayName": "Fresh"}),
            BatchItem("dup", "Customer", "create", {"DisplayName": "Taken"}),
            BatchItem(
                "upd", "Customer", "update", {**_ids(existing), "sparse": True, "Notes": "n"}
            ),
            BatchItem("items", query="SELECT * FROM Item WHERE Type = 'Service'"),
        ],
        request_id=str(uuid.uuid4()),
    )
    assert result.items["new"].entity is not None
    assert result.items["new"].entity["DisplayName"] == "Fresh"
    assert isinstance(result.items["dup"].error, errors.DuplicateNameError)
    assert result.items["upd"].entity is not None
    assert result.items["upd"].entity["Notes"] == "n"
    assert result.items["items"].query_response is not None
    assert len(result.items["items"].query_response["Item"]) == 3
    assert result.missing == ()
    assert result.intuit_tid


def _ids(entity: dict[str, object]) -> dict[str, object]:
    return {"Id": entity["Id"], "SyncToken": entity["SyncToken"]}
