"""Held updates against the sandbox: what was edited, paid or deleted in QuickBooks is not
overwritten or recreated without the user's say-so; push anyway does it exactly once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger, LedgerRow, RowState
from qbconnector.sync.engine import SyncEngine
from qbconnector.sync.holds import Hold
from qbconnector.sync.pull import pull
from qbconnector.sync.results import Callbacks, Outcome, SyncReport
from qbconnector.sync.sender import RetryingReads
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import (
    FAST_RETRY,
    doc_number_counts,
    entity_of,
    in_home_currency,
    make_engine,
    sample,
    settings_for,
)

MEMO = {"CustomerMemo": {"value": "Changed in QuickBooks"}}


@pytest.fixture
def server(sandbox_factory: SandboxFactory) -> SandboxServer:
    return sandbox_factory(time_scale=60)


def _documents() -> tuple[list[Document], Document]:
    docs = in_home_currency(sample(12))
    invoices = [doc for doc in docs if doc.kind is DocumentKind.INVOICE][:3]
    quote = next(doc for doc in docs if doc.kind is DocumentKind.QUOTE)
    due = dt.date.today() + dt.timedelta(days=365)  # open, not overdue
    return [dataclasses.replace(doc, due_date=due) for doc in invoices], quote


def _changed(document: Document) -> Document:
    """The document edited in FlowFit: a later due date (changes what would be pushed)."""
    if document.kind is DocumentKind.INVOICE:
        assert document.due_date is not None
        return dataclasses.replace(document, due_date=document.due_date + dt.timedelta(days=7))
    assert document.valid_until is not None
    return dataclasses.replace(document, valid_until=document.valid_until + dt.timedelta(days=7))


def _pushed(engine: SyncEngine, client: QuickBooksClient, *documents: Document) -> None:
    report = engine.run(list(documents))
    assert report.counts()[Outcome.CREATED] == len(documents), report.results
    pull(client, engine.ledger)


def _row(ledger: Ledger, document: Document) -> LedgerRow:
    row = ledger.get(document.kind, document.number)
    assert row is not None
    return row


def _record(server: SandboxServer, document: Document, ledger: Ledger) -> dict[str, Any]:
    qbo_id = _row(ledger, document).qbo_id
    return next(r for r in server.entities(entity_of(document.kind)) if r["Id"] == qbo_id)


def _only(report: SyncReport, outcome: Outcome) -> Any:
    (result,) = report.results
    assert result.outcome is outcome, result
    return result


def test_edited_invoice_is_held_then_pushed_anyway(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    server.edit_in_quickbooks("Invoice", str(_row(ledger, invoice).qbo_id), changes=MEMO)
    pull(client, ledger)
    before = _record(server, invoice, ledger)
    changed = _changed(invoice)
    held = _only(engine.run([changed]), Outcome.HELD)
    assert (held.hold, held.qbo_state) == (Hold.EDITED, "edited-in-quickbooks")
    assert "edited in QuickBooks" in held.message
    assert "Push anyway" in held.message
    assert _record(server, invoice, ledger) == before  # nothing was sent
    entry = engine.run([changed]).as_json()["held"]
    assert entry == [{"kind": "invoice", "number": invoice.number, "reason": "edited-in-quickbooks",
                      "state": "edited-in-quickbooks", "message": held.message}]  # fmt: skip
    _only(engine.run([changed], overwrite=[changed.key]), Outcome.UPDATED)
    after = _record(server, invoice, ledger)
    assert after["DueDate"] == str(changed.due_date)
    assert int(after["SyncToken"]) > int(before["SyncToken"])  # QuickBooks' current SyncToken
    row = _row(ledger, invoice)
    assert (row.qbo_edited, row.qbo_state) == (0, None)
    _only(engine.run([changed]), Outcome.UNCHANGED)  # not held again for the same change
    pull(client, ledger)
    assert _row(ledger, invoice).qbo_state == "unpaid"


def test_edit_made_after_the_last_pull_is_not_overwritten(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    server.edit_in_quickbooks("Invoice", str(_row(ledger, invoice).qbo_id), changes=MEMO)
    before = _record(server, invoice, ledger)  # no pull since the edit
    held = _only(engine.run([_changed(invoice)]), Outcome.HELD)
    assert held.hold is Hold.EDITED
    assert _record(server, invoice, ledger) == before


@pytest.mark.parametrize("change", ["edit", "payment"])
def test_change_between_pull_and_send_is_caught_by_the_stale_synctoken(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger, change: str
) -> None:
    """An engine that cannot read changes first (not a QuickBooksClient) still holds: the
    stale SyncToken (5010) makes it re-read the record and judge it as a pull would."""
    (invoice, *_), _ = _documents()
    settings = settings_for(server)
    engine = make_engine(client, ledger, settings)
    _pushed(engine, client, invoice)
    qbo_id = str(_row(ledger, invoice).qbo_id)
    if change == "edit":
        server.edit_in_quickbooks("Invoice", qbo_id, changes=MEMO)
    else:
        server.record_payment(qbo_id, Decimal("10.00"))
    before = _record(server, invoice, ledger)
    blind = SyncEngine(RetryingReads(client, FAST_RETRY), ledger, engine.options, engine.config)
    held = _only(blind.run([_changed(invoice)]), Outcome.HELD)
    assert held.hold is (Hold.EDITED if change == "edit" else Hold.PAID)
    assert _record(server, invoice, ledger) == before
    assert _row(ledger, invoice).state is RowState.FAILED  # planned again next run, still held
    _only(engine.run([_changed(invoice)]), Outcome.HELD)
    _only(blind.run([_changed(invoice)], overwrite=[invoice.key]), Outcome.UPDATED)
    assert _record(server, invoice, ledger)["DueDate"] == str(_changed(invoice).due_date)


def test_paid_and_partially_paid_invoices_are_held(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    (paid, partial, open_one), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, paid, partial, open_one)
    server.record_payment(str(_row(ledger, paid).qbo_id), paid.total)
    server.record_payment(str(_row(ledger, partial).qbo_id), Decimal("10.00"))
    before = [_record(server, doc, ledger) for doc in (paid, partial)]
    report = engine.run([_changed(doc) for doc in (paid, partial, open_one)])
    outcomes = {r.number: (r.outcome, r.hold, r.qbo_state) for r in report.results}
    assert outcomes == {
        paid.number: (Outcome.HELD, Hold.PAID, "paid"),
        partial.number: (Outcome.HELD, Hold.PAID, "partially-paid"),
        open_one.number: (Outcome.UPDATED, None, None),
    }
    messages = {r.number: r.message for r in report.results}
    assert f"(balance 0.00 of {paid.total:.2f})" in messages[paid.number]
    assert f"(balance {partial.total - 10:.2f} of {partial.total:.2f})" in messages[partial.number]
    assert [_record(server, doc, ledger) for doc in (paid, partial)] == before
    assert report.final_exit_code() == 1


def test_deleted_invoice_is_not_recreated_until_pushed_anyway_then_once(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    old_id = str(_row(ledger, invoice).qbo_id)
    server.delete_in_quickbooks("Invoice", old_id)
    changed = _changed(invoice)
    held = _only(engine.run([changed]), Outcome.HELD)
    assert held.hold is Hold.DELETED
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 0
    created = _only(engine.run([changed], overwrite=[changed.key]), Outcome.CREATED)
    assert created.qbo_id != old_id
    for _ in range(2):  # asked again: nothing more is created
        _only(engine.run([changed], overwrite=[changed.key]), Outcome.UNCHANGED)
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 1
    history = ledger.history(DocumentKind.INVOICE, invoice.number)
    (recreated,) = [entry for entry in history if entry.action == "recreate"]
    assert (recreated.qbo_id, old_id in str(recreated.message)) == (created.qbo_id, True)
    pull(client, ledger)
    assert _row(ledger, invoice).qbo_state == "unpaid"


def test_unchanged_deleted_invoice_is_left_alone_unless_pushed_anyway(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    server.delete_in_quickbooks("Invoice", str(_row(ledger, invoice).qbo_id))
    pull(client, ledger)
    _only(engine.run([invoice]), Outcome.UNCHANGED)  # nothing to send: nothing is recreated
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 0
    _only(engine.run([invoice], overwrite=[invoice.key]), Outcome.CREATED)
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 1


def test_voided_invoice_pushed_anyway_fails_on_its_kept_number(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    """QuickBooks keeps a voided invoice, and its number: recreating it is refused (6140)
    and said plainly, never created under a duplicate number."""
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    server.void_in_quickbooks(str(_row(ledger, invoice).qbo_id))
    changed = _changed(invoice)
    assert _only(engine.run([changed]), Outcome.HELD).hold is Hold.DELETED
    failed = _only(engine.run([changed], overwrite=[changed.key]), Outcome.FAILED)
    assert "already has an invoice numbered" in failed.message
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 1


def test_accepted_then_converted_estimate_is_held(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    _, quote = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, quote)
    estimate_id = str(_row(ledger, quote).qbo_id)
    server.set_estimate_status(estimate_id, "Accepted", accepted_by="Client")
    before = _record(server, quote, ledger)
    held = _only(engine.run([_changed(quote)]), Outcome.HELD)
    assert (held.hold, held.qbo_state) == (Hold.ESTIMATE_ACCEPTED, "accepted")
    assert _record(server, quote, ledger) == before
    _only(engine.run([_changed(quote)], overwrite=[quote.key]), Outcome.UPDATED)


def test_recreate_whose_answer_is_lost_is_settled_once_by_the_next_run(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    """Push anyway of a deleted invoice is a create like any other: its answers lost (work
    done, no reply), the run ends unsure; the next one, without push anyway, replays its
    requestid and finds the one invoice QuickBooks made."""
    (invoice, *_), _ = _documents()
    engine = make_engine(client, ledger, settings_for(server))
    _pushed(engine, client, invoice)
    server.delete_in_quickbooks("Invoice", str(_row(ledger, invoice).qbo_id))
    changed = _changed(invoice)

    def lose_answers(done: int, total: int) -> None:  # first called once planned, before sending
        server.set_faults(drop=1.0)

    report = engine.run([changed], overwrite=[changed.key],
                        callbacks=Callbacks(progress=lose_answers))  # fmt: skip
    server.set_faults(drop=0.0)
    assert report.counts()[Outcome.CREATED] == 0
    assert _row(ledger, invoice).state.unfinished
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 1  # it did arrive
    again = engine.run([changed])
    assert again.counts()[Outcome.CREATED] + again.counts()[Outcome.UNCHANGED] == 1, again.results
    assert doc_number_counts(server, DocumentKind.INVOICE)[invoice.number] == 1
    (record,) = [r for r in server.entities("Invoice") if r["DocNumber"] == invoice.number]
    assert _row(ledger, invoice).qbo_id == record["Id"]
    assert _row(ledger, invoice).qbo_state is None  # the old Id's deletion no longer applies
