"""The FlowFit connector API source end to end, against the sandbox's stand-in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.core.errors import ExitCode
from qbconnector.flowfit.api import FlowFitApiClient, FlowFitApiError
from qbconnector.flowfit.importer import parse_json
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import open_vault
from qbconnector.sync.pull_session import pull_profile
from tests.cli_helpers import run_cli
from tests.integration.cli_sync_support import configure_profile, run_sync
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import in_home_currency, sample, write_documents_file

SYNC_NUMBER = "1001"


@pytest.fixture
def documents_file(tmp_path: Path) -> Path:
    docs = in_home_currency(sample(40, seed=5))
    return write_documents_file(tmp_path / "flowfit-documents.json", docs)


@pytest.fixture
def server(sandbox_factory: SandboxFactory, documents_file: Path) -> SandboxServer:
    return sandbox_factory(flowfit_documents=documents_file, flowfit_sync_number=SYNC_NUMBER)


def configure_api_profile(profile: Path, server: SandboxServer) -> None:
    """A profile reading its documents from the stand-in's FlowFit API."""
    configure_profile(profile, server, "--flowfit-api-url", server.flowfit_url,
                      "--customer-sync-number", SYNC_NUMBER)  # fmt: skip


def _records(documents_file: Path) -> list[dict[str, object]]:
    return json.loads(documents_file.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_client_pages_through_approved_documents(
    server: SandboxServer, documents_file: Path
) -> None:
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER, page_size=3)
    try:
        invoices = client.documents(DocumentKind.INVOICE, status=DocumentStatus.APPROVED)
    finally:
        client.close()
    expected = [r["number"] for r in _records(documents_file) if r["kind"] == "invoice"]
    assert [doc.number for doc in invoices] == expected
    assert server.flowfit is not None
    assert server.flowfit.requests >= len(expected) // 3


def test_client_filters_by_updated_since(server: SandboxServer, documents_file: Path) -> None:
    records = _records(documents_file)
    stamps = sorted(str(r["updated_at"]) for r in records)
    middle = dt.datetime.fromisoformat(stamps[len(stamps) // 2])
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER)
    try:
        found = [*client.documents(DocumentKind.INVOICE, updated_since=middle),
                 *client.documents(DocumentKind.QUOTE, updated_since=middle)]  # fmt: skip
    finally:
        client.close()
    assert sorted(doc.number for doc in found) == sorted(
        str(r["number"])
        for r in records
        if dt.datetime.fromisoformat(str(r["updated_at"])) >= middle
    )


def test_wrong_sync_number_is_bad_input(server: SandboxServer) -> None:
    client = FlowFitApiClient(server.flowfit_url, "NOT-ME")
    try:
        with pytest.raises(FlowFitApiError) as raised:
            client.documents(DocumentKind.INVOICE)
    finally:
        client.close()
    assert raised.value.exit_code is ExitCode.BAD_INPUT


def test_sync_from_the_api_pushes_and_reports_back(
    server: SandboxServer, documents_file: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    configure_api_profile(profile, server)
    first = run_sync(profile, "--json")
    records = _records(documents_file)
    approved = sorted(str(r["number"]) for r in records if r["status"] == "approved")
    pushed = sorted(
        str(r["DocNumber"]) for r in server.entities("Invoice") + server.entities("Estimate")
    )
    assert (first.returncode, pushed) == (0, approved)
    assert server.flowfit is not None
    reported = {(r["number"], r["state"]) for r in server.flowfit.results}
    assert reported == {(number, "synced") for number in approved}
    # A change in FlowFit comes back through the API as an update.
    # (A later due date: a new quantity would also need a new tax amount.)
    changed = next(r for r in records if r["status"] == "approved" and r["kind"] == "invoice")
    changed["due_date"] = "2099-01-31"
    documents_file.write_text(json.dumps(records), encoding="utf-8")
    second = json.loads(run_sync(profile, "--json").stdout)
    updated = [entry["number"] for entry in second["synced"] if entry["action"] == "update"]
    assert updated == [changed["number"]]


def test_unreachable_api_exits_4(tmp_path: Path, sandbox_factory: SandboxFactory) -> None:
    server = sandbox_factory()  # no stand-in: the API paths answer 404
    profile = tmp_path / "profile"
    configure_profile(profile, server, "--flowfit-api-url", "http://127.0.0.1:9/flowfit",
                      "--customer-sync-number", SYNC_NUMBER)  # fmt: skip
    done = run_sync(profile)
    assert (done.returncode, "FlowFit API" in done.stderr) == (4, True)


def test_documents_keep_their_content(server: SandboxServer, documents_file: Path) -> None:
    record = _records(documents_file)[0]
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER)
    try:
        kind = DocumentKind(str(record["kind"]))
        (doc,) = client.documents(kind, numbers=[str(record["number"])])
    finally:
        client.close()
    original = next(d for d in in_home_currency(sample(40, seed=5)) if d.number == record["number"])
    assert dataclasses.replace(doc, extra={}) == original


# Rates as JSON numbers, amounts as text: the API reads both exactly, like the import format.
TAXED_INVOICE = """[{"kind": "invoice", "number": "INV-2001", "status": "approved",
 "date": "2026-11-02", "currency": "CAD", "client": {"code": "MUSEE", "name": "Musee"},
 "project": {"number": "P-3001"}, "updated_at": "2026-11-02T10:15:00-05:00",
 "tax": {"code": "TPS-TVQ", "name": "GST + QST", "components": [
   {"name": "GST", "rate": 5, "amount": "12.50"}, {"name": "QST", "rate": 9.975, "amount": 24.94}]},
 "total": "327.44",
 "lines": [{"service": "Translation", "quantity": "1000", "unit_price": "0.25"},
           {"service": "Certified copy", "quantity": "2", "unit_price": "20",
            "taxable": false}]}]"""


def test_documents_from_the_api_carry_their_tax(
    tmp_path: Path, sandbox_factory: SandboxFactory
) -> None:
    path = tmp_path / "taxed.json"
    path.write_text(TAXED_INVOICE, encoding="utf-8")
    server = sandbox_factory(flowfit_documents=path, flowfit_sync_number=SYNC_NUMBER)
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER)
    try:
        (invoice,) = client.documents(DocumentKind.INVOICE)
        assert invoice == parse_json(TAXED_INVOICE, "taxed.json")[0]
        assert invoice.tax is not None
        assert invoice.tax.rates == (Decimal(5), Decimal("9.975"))
        assert [line.taxable for line in invoice.lines] == [True, False]
        assert (invoice.tax_amount, invoice.total) == (Decimal("37.44"), Decimal("327.44"))

        path.write_text(TAXED_INVOICE.replace('"rate": 9.975', '"rate": 0.09975'), "utf-8")
        with pytest.raises(FlowFitApiError) as raised:
            client.documents(DocumentKind.INVOICE)
    finally:
        client.close()
    message = str(raised.value)
    assert "(INV-2001)" in message
    assert "field tax.components[1].amount: QST is 24.94, but 0.09975 %" in message
    assert "wrong rate" in message


def test_a_document_whose_total_does_not_add_up_is_blocked_alone(
    tmp_path: Path, sandbox_factory: SandboxFactory
) -> None:
    path = tmp_path / "taxed.json"
    path.write_text(TAXED_INVOICE.replace('"total": "327.44"', '"total": "327.45"'), "utf-8")
    server = sandbox_factory(flowfit_documents=path, flowfit_sync_number=SYNC_NUMBER)
    profile = tmp_path / "profile"
    configure_api_profile(profile, server)
    done = run_sync(profile, "--json")
    assert done.returncode == ExitCode.SOME_FAILED
    (blocked,) = json.loads(done.stdout)["blocked"]
    assert blocked["number"] == "INV-2001"
    assert "327.45" in blocked["reasons"][0]
    assert "a difference of 0.01" in blocked["reasons"][0]
    assert server.entities("Invoice") == []


def test_a_pull_tells_flowfit_what_was_paid_and_accepted(
    server: SandboxServer, documents_file: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    configure_api_profile(profile, server)
    assert run_sync(profile).returncode == 0
    assert server.flowfit is not None
    assert run_cli(profile, "pull").returncode == 0  # the first pull tells every state
    first = {(r["number"], r["state"]) for r in server.flowfit.results if r["action"] == "pull"}
    assert len(first) == len(server.entities("Invoice")) + len(server.entities("Estimate"))
    invoice = server.entities("Invoice")[0]
    estimate = server.entities("Estimate")[0]
    server.record_payment(str(invoice["Id"]), Decimal(str(invoice["TotalAmt"])))
    server.set_estimate_status(str(estimate["Id"]), "Accepted", accepted_by="Client")
    server.flowfit.results.clear()
    assert run_cli(profile, "pull").returncode == 0
    pulled = {(r["number"], r["state"], r["qbo_state"], r.get("balance"))
              for r in server.flowfit.results}  # fmt: skip
    assert pulled == {
        (invoice["DocNumber"], "pulled", "paid", "0.00"),
        (estimate["DocNumber"], "pulled", "accepted", None),
    }
    # Nothing changed since: the next pull tells FlowFit nothing more.
    server.flowfit.results.clear()
    assert run_cli(profile, "pull").returncode == 0
    assert server.flowfit.results == []


def test_the_stand_in_refuses_a_result_outside_the_contract(server: SandboxServer) -> None:
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER)
    try:
        refused = {"kind": "invoice", "number": "INV-1", "state": "paid", "action": "pull"}
        with pytest.raises(FlowFitApiError, match="HTTP 400"):
            client._call("POST", "sync-results", json_body={"results": [refused]})
        assert server.flowfit is not None
        assert server.flowfit.results == []
    finally:
        client.close()


def test_the_window_s_pull_tells_flowfit_too(
    server: SandboxServer, documents_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "profile"
    configure_api_profile(folder, server)
    assert run_sync(folder).returncode == 0
    profile = Profile(folder, "--profile")
    settings = SettingsFile(profile.settings_file).load().settings
    vault = open_vault(profile).store
    pull_profile(profile, settings, vault)  # as Refresh from QuickBooks does
    invoice = server.entities("Invoice")[0]
    server.record_payment(str(invoice["Id"]), Decimal("1.00"))
    assert server.flowfit is not None
    server.flowfit.results.clear()
    pull_profile(profile, settings, vault)
    assert [(r["number"], r["qbo_state"]) for r in server.flowfit.results] in (
        [(invoice["DocNumber"], "partially-paid")],
        [(invoice["DocNumber"], "overdue")],
    )
