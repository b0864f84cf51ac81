"""The client's CDC and attachment calls against the sandbox over real HTTP."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from decimal import Decimal

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.cdc import is_look_back_refusal
from qbconnector.quickbooks.ratelimit import RateLimits
from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.server import SandboxServer
from tests.integration import client_helpers
from tests.integration.client_helpers import ClientFactory
from tests.integration.conftest import SandboxFactory

client_for = client_helpers.client_for  # the fixture, shared with the other client tests

PDF = b"%PDF-1.7\n" + hashlib.sha256(b"seed").digest() * 500 + b"\n%%EOF\n"


def _rid() -> str:
    return uuid.uuid4().hex


def _invoice(server: SandboxServer, customer_name: str = "Bird Translations") -> dict[str, str]:
    company = server.company
    with company.lock:
        ctx = WriteContext(company.state)
        customer = company.create("Customer", {"DisplayName": customer_name}, ctx)
        line = {
            "DetailType": "SalesItemLineDetail",
            "Amount": Decimal(200),
            "SalesItemLineDetail": {
                "ItemRef": {"value": "1"},
                "TaxCodeRef": {"value": server.tax_code_id("GST")},
            },
        }
        invoice = company.create(
            "Invoice", {"CustomerRef": {"value": customer["Id"]}, "Line": [line]}, ctx
        )
    return {"customer": customer["Id"], "invoice": invoice["Id"]}


def _since(server: SandboxServer, **delta: float) -> dt.datetime:
    return server.company.clock.now() - dt.timedelta(**delta)


def test_cdc_brings_back_payments_edits_and_deletions(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    since = _since(sandbox, seconds=2)
    paid = _invoice(sandbox)
    gone = _invoice(sandbox, "Gone Ltd")
    sandbox.record_payment(paid["invoice"], "80.50")
    sandbox.edit_in_quickbooks("Invoice", paid["invoice"], {"PrivateNote": "edited"})
    sandbox.delete_in_quickbooks("Invoice", gone["invoice"])

    result = client.cdc(["Invoice", "Payment"], since)

    invoices = {change.entity_id: change for change in result.of("Invoice")}
    assert invoices[gone["invoice"]].deleted
    assert invoices[gone["invoice"]].record["status"] == "Deleted"
    edited = invoices[paid["invoice"]]
    assert not edited.deleted
    assert edited.record["Balance"] == Decimal("129.50")  # 210 - 80.50, exact
    assert edited.record["SyncToken"] == "2"
    assert edited.record["PrivateNote"] == "edited"
    (payment,) = result.of("Payment")
    assert payment.record["Line"][0]["LinkedTxn"][0]["TxnId"] == paid["invoice"]
    assert result.latest_change == max(c.last_updated for c in result.changes)
    assert result.server_time
    assert len(result.intuit_tids) == 1


def test_cdc_pages_past_1000_changes_asking_again_only_for_the_full_entity(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    since = _since(sandbox, seconds=2)
    company = sandbox.company
    with company.lock:
        for number in range(2050):
            company.create(
                "Customer", {"DisplayName": f"Bulk {number}"}, WriteContext(company.state)
            )
    _invoice(sandbox)
    before = sandbox.limiter.stats()["admitted"]

    result = client.cdc(["Customer", "Invoice"], since)

    customers = result.of("Customer")
    assert len(customers) == 2051  # 2,050 bulk + the invoice's customer, each once
    assert len({change.entity_id for change in customers}) == 2051
    assert [c.last_updated for c in customers] == sorted(c.last_updated for c in customers)
    assert len(result.of("Invoice")) == 1
    assert sandbox.limiter.stats()["admitted"] - before == 3  # 1000 + 1000 + 51 (overlaps)
    assert len(result.intuit_tids) == 3


def test_cdc_past_30_days_is_a_typed_refusal(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)

    with pytest.raises(errors.ValidationError) as refused:
        client.cdc(["Invoice"], _since(sandbox, days=31))

    assert is_look_back_refusal(refused.value)
    assert refused.value.http_status == 400
    with pytest.raises(ValueError, match="time zone"):
        client.cdc(["Invoice"], dt.datetime(2026, 12, 1))


def test_cdc_and_downloads_go_through_the_shared_rate_limiter(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox, limits=RateLimits(per_second=50, per_minute=500))
    ids = _invoice(sandbox)
    attachable = client.upload_attachment(
        "Invoice", ids["invoice"], "a.pdf", "application/pdf", PDF, _rid()
    )
    before = client.limiter.stats.requests

    client.cdc(["Invoice"], _since(sandbox, days=1))
    client.download_attachment(attachable.attachable_id)

    assert client.limiter.stats.requests - before == 2  # the file link itself is not an API call


def test_upload_replay_and_download_with_the_same_hash(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    ids = _invoice(sandbox)
    request_id = _rid()

    first = client.upload_attachment(
        "Invoice", ids["invoice"], "INV-1001.pdf", "application/pdf", PDF, request_id
    )
    again = client.upload_attachment(
        "Invoice", ids["invoice"], "INV-1001.pdf", "application/pdf", PDF, request_id
    )

    assert again.attachable_id == first.attachable_id
    assert len(sandbox.entities("Attachable")) == 1
    assert first.size == len(PDF)
    assert first.intuit_tid
    data = client.download_attachment(first.attachable_id)
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(PDF).hexdigest()


def test_upload_refusals_are_typed_errors(
    sandbox_factory: SandboxFactory, client_for: ClientFactory
) -> None:
    server = sandbox_factory(attachment_max_bytes=4096)
    client = client_for(server)
    ids = _invoice(server)

    with pytest.raises(errors.ValidationError, match="too large"):
        client.upload_attachment("Invoice", ids["invoice"], "a.pdf", "application/pdf", PDF, _rid())
    with pytest.raises(errors.ValidationError, match="Unsupported file type"):
        client.upload_attachment(
            "Invoice", ids["invoice"], "a.exe", "application/x-msdownload", b"MZ", _rid()
        )
    with pytest.raises(errors.ObjectNotFoundError):
        client.upload_attachment("Invoice", "999", "a.pdf", "application/pdf", b"%PDF", _rid())
    with pytest.raises(ValueError, match="empty"):
        client.upload_attachment("Invoice", ids["invoice"], "a.pdf", "application/pdf", b"", _rid())
    with pytest.raises(errors.ObjectNotFoundError):
        client.download_attachment("4242")
    assert server.entities("Attachable") == []
