"""The sync engine against the sandbox over HTTP: creates, updates, quotes, modes, customers."""

from __future__ import annotations

import dataclasses
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import Client, Document, DocumentKind, Line
from qbconnector.core.settings import PostingMode, Settings
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.payloads import with_customer
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger, Operation, RowState
from qbconnector.sync.jobs import Batch, Job
from qbconnector.sync.pull import pull
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import (
    assert_exactly_once,
    in_home_currency,
    make_engine,
    sample,
    sandbox_client,
    settings_for,
)


@pytest.fixture
def server(sandbox_factory: SandboxFactory) -> SandboxServer:
    return sandbox_factory(time_scale=60, seed=CompanySeed(vendors=["Vendor Taken Inc."]))


def documents(count: int = 40) -> list[Document]:
    return in_home_currency(sample(count * 2))[:count]


def test_every_document_is_created_once_then_unchanged(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    docs = documents()
    engine = make_engine(client, ledger, settings_for(server), batch_size=7)
    first = engine.run(docs)
    second = engine.run(docs)
    assert first.counts()[Outcome.CREATED] == len(docs)
    assert second.counts()[Outcome.UNCHANGED] == len(docs)
    assert_exactly_once(server, docs)


def test_quotes_become_estimates_with_expiration_date(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    quote = next(doc for doc in documents() if doc.kind is DocumentKind.QUOTE)
    make_engine(client, ledger, settings_for(server)).run([quote])
    (estimate,) = server.entities("Estimate")
    assert (estimate["DocNumber"], estimate["ExpirationDate"], server.entities("Invoice")) == (
        quote.number,
        quote.valid_until.isoformat() if quote.valid_until else None,
        [],
    )


def test_changed_document_is_updated_with_sync_token(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    doc = documents(1)[0]
    engine = make_engine(client, ledger, settings_for(server))
    engine.run([doc])
    changed = dataclasses.replace(doc, lines=(Line("Translation", "More words", Decimal(1000),
                                                   Decimal("0.20")),))  # fmt: skip
    report = engine.run([changed])
    (stored,) = server.entities(entity_for(doc))
    row = ledger.get(doc.kind, doc.number)
    assert [r.outcome for r in report.results] == [Outcome.UPDATED]
    assert (stored["TotalAmt"], stored["SyncToken"], row and row.sync_token) == (
        Decimal("200.00"),
        "1",
        "1",
    )


def entity_for(doc: Document) -> str:
    return "Invoice" if doc.kind is DocumentKind.INVOICE else "Estimate"


def test_stale_sync_token_is_reread_once(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    doc = documents(1)[0]
    engine = make_engine(client, ledger, settings_for(server))
    engine.run([doc])
    row = ledger.get(doc.kind, doc.number)
    assert row is not None
    assert row.qbo_id is not None
    pull(client, ledger)  # as the app does at start: the content we pushed is known
    # Someone marks the invoice to be printed in QuickBooks: our stored SyncToken is now stale,
    # but the content is not edited (an edit would hold the update: test_held_updates.py).
    edit = {"Id": row.qbo_id, "SyncToken": "0", "PrintStatus": "NeedToPrint"}
    client.sparse_update(entity_for(doc), edit, "edit-1")
    edited_line = Line("Translation", "Edited in FlowFit", Decimal(10), Decimal(3))
    report = engine.run([dataclasses.replace(doc, lines=(edited_line,))])
    (stored,) = server.entities(entity_for(doc))
    assert ([r.outcome for r in report.results], stored["SyncToken"]) == ([Outcome.UPDATED], "2")


def test_itemized_mode_posts_one_line_per_flowfit_line(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    doc = next(doc for doc in documents() if len(doc.lines) >= 2)
    make_engine(client, ledger, settings_for(server, PostingMode.ITEMIZED)).run([doc])
    (stored,) = server.entities(entity_for(doc))
    sales = [line for line in stored["Line"] if line["DetailType"] == "SalesItemLineDetail"]
    assert [line["Amount"] for line in sales] == [line.amount for line in doc.lines]
    assert stored["CustomerMemo"]["value"].startswith(("Invoice #", "Quote #"))


def test_existing_customer_is_linked_not_created(
    sandbox_factory: SandboxFactory, ledger: Ledger
) -> None:
    doc = documents(1)[0]
    server = sandbox_factory(seed=CompanySeed(customers=[doc.client.name.upper()]))
    client, _vault, _tokens = sandbox_client(server)
    try:
        make_engine(client, ledger, settings_for(server)).run([doc])
    finally:
        client.close()
    link = ledger.customer(doc.client.code)
    assert (len(server.entities("Customer")), link is not None) == (1, True)


def test_vendor_name_conflict_fails_that_document_with_how_to_fix(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    good, other = documents(2)
    taken = dataclasses.replace(other, client=Client(code="VT", name="Vendor Taken Inc."))
    report = make_engine(client, ledger, settings_for(server)).run([good, taken])
    by_number = {r.number: r for r in report.results}
    assert by_number[good.number].outcome is Outcome.CREATED
    assert by_number[taken.number].outcome is Outcome.FAILED
    assert "vendor or an employee" in (by_number[taken.number].message or "")
    assert "rename" in (by_number[taken.number].message or "")


def test_names_with_quotes_are_found_again(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger, tmp_path: Path
) -> None:
    names = ["O'Brien & Fils", "L’Atelier", "Back\\slash\\"]
    docs = [
        dataclasses.replace(doc, client=Client(code=f"C{i}", name=name))
        for i, (doc, name) in enumerate(zip(documents(3), names, strict=True))
    ]
    make_engine(client, ledger, settings_for(server)).run(docs)
    # A fresh ledger has no mapping: each customer must be found by name, not created again.
    with Ledger.open(tmp_path / "other.sqlite3") as fresh:
        report = make_engine(client, fresh, settings_for(server)).run(docs)
        links = fresh.customers()
    # The documents are recognised by DocNumber and PrivateNote, not created twice either.
    assert (len(server.entities("Customer")), len(links), report.counts()[Outcome.FAILED]) == (
        3,
        3,
        0,
    )
    assert_exactly_once(server, docs)


def test_live_checks_block_an_inactive_service_and_a_foreign_currency(
    sandbox_factory: SandboxFactory, ledger: Ledger
) -> None:
    server = sandbox_factory(seed=CompanySeed(inactive_services=["Old service"]))
    client, _vault, _tokens = sandbox_client(server)
    inactive = {str(i["Name"]): str(i["Id"]) for i in server.entities("Item")}["Old service"]
    doc, foreign = documents(2)
    foreign = dataclasses.replace(foreign, currency="EUR")
    try:
        settings = Settings().with_section("services", service_id=inactive)
        report = make_engine(client, ledger, settings).run([doc, foreign])
    finally:
        client.close()
    reasons = {r.number: r.message or "" for r in report.results}
    assert "inactive" in reasons[doc.number]
    assert "EUR" in reasons[foreign.number]
    assert server.entities("Invoice") + server.entities("Estimate") == []


def test_callbacks_report_each_document_once_and_progress_reaches_total(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    docs = documents(25)
    seen: list[DocumentResult] = []
    progress: list[tuple[int, int]] = []
    callbacks = Callbacks(progress=lambda d, t: progress.append((d, t)), result=seen.append)
    make_engine(client, ledger, settings_for(server), batch_size=5).run(docs, callbacks=callbacks)
    assert sorted(r.number for r in seen) == sorted(d.number for d in docs)
    assert progress[-1] == (25, 25)


def test_cancel_stops_between_batches_and_reports_n_of_m(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    docs = documents(30)
    cancel = threading.Event()

    def stop_after_first(result: DocumentResult) -> None:
        cancel.set()

    engine = make_engine(client, ledger, settings_for(server), batch_size=3, in_flight=1)
    report = engine.run(docs, callbacks=Callbacks(result=stop_after_first), cancel=cancel)
    created = report.counts()[Outcome.CREATED]
    assert report.cancelled
    assert report.summary_line().startswith(f"Stopped after {created} of 30")
    assert (created, report.counts()[Outcome.NOT_SENT]) == (3, 27)
    assert ledger.counts()[RowState.PENDING] == 0
    finish = engine.run(docs)
    assert finish.counts()[Outcome.CREATED] == 27
    assert_exactly_once(server, docs)


def _interrupted_batch(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger, *, sent: bool
) -> list[Document]:
    """Leave a batch as a crash would: rows pending in the ledger, sent to QuickBooks or not."""
    docs = documents(12)
    client_docs = [doc for doc in docs if doc.client.code == docs[0].client.code][:3]
    engine = make_engine(client, ledger, settings_for(server))
    engine.run(client_docs[:1])  # the customer exists and is mapped
    link = ledger.customer(client_docs[0].client.code)
    assert link is not None
    planned = engine.plan(client_docs[1:]).to_send
    jobs = [
        Job(p.document.kind, p.document.number, Operation.CREATE,
            with_customer(p.payload, link.qbo_id), p.payload_hash)
        for p in planned
    ]  # fmt: skip
    batch = Batch.new("interrupted-1", jobs)
    ledger.begin_attempts(batch.attempts())
    if sent:
        client.batch(batch.items(), batch.requestid)
    return client_docs


@pytest.mark.parametrize("sent", [True, False])
def test_next_run_replays_an_interrupted_batch_with_its_requestid(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger, sent: bool
) -> None:
    docs = _interrupted_batch(server, client, ledger, sent=sent)
    replays_before = int(server.summary()["replays"])
    report = make_engine(client, ledger, settings_for(server)).run(docs)
    state = server.summary()
    assert (state["replays"] - replays_before, state["replay_mismatches"]) == (int(sent), 0)
    assert {r.outcome for r in report.results} == {Outcome.CREATED, Outcome.UNCHANGED}
    assert ledger.counts()[RowState.PENDING] == 0
    assert_exactly_once(server, docs)
