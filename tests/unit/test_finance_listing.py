"""The Finance list's Qt-free parts: QuickBooks state per row, and web addresses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.core.settings import Environment
from qbconnector.storage.ledger import RowState
from qbconnector.storage.ledger_schema import Totals
from qbconnector.sync.details import web_address
from qbconnector.sync.listing import LedgerView, ListedDocument, QbState, join_ledger

SYNCED_AT = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def listed(number: str, updated: dt.datetime | None) -> ListedDocument:
    return ListedDocument(DocumentKind.INVOICE, number, dt.date(2026, 2, 1), "Acme", "P-1",
                          Decimal("0.00"), Decimal("10.00"), "CAD", DocumentStatus.APPROVED,
                          updated,
                          QbState.NOT_SYNCED, None, "", None, "")  # fmt: skip


def view(state: RowState, error: str = "") -> LedgerView:
    return LedgerView(state, "42", "INV-1", SYNCED_AT, SYNCED_AT, error)


@pytest.mark.parametrize(
    ("state", "updated", "expected"),
    [
        (RowState.SYNCED, SYNCED_AT - dt.timedelta(hours=1), QbState.SYNCED),
        (RowState.SYNCED, dt.datetime(2026, 3, 1, 13, 0), QbState.CHANGED),  # naive is UTC
        (RowState.FAILED, None, QbState.FAILED),
        (RowState.UNCERTAIN, None, QbState.UNCERTAIN),
        (RowState.PENDING, None, QbState.UNCERTAIN),
    ],
)
def test_ledger_state_becomes_the_list_state(
    state: RowState, updated: dt.datetime | None, expected: QbState
) -> None:
    (row,) = join_ledger([listed("INV-1", updated)], {"INV-1": view(state, "refused")})
    assert row.qb_state is expected
    assert row.error == ("" if state is RowState.SYNCED else "refused")


def test_rows_without_ledger_state_stay_not_synced() -> None:
    (row,) = join_ledger([listed("INV-2", None)], {"INV-1": view(RowState.SYNCED)})
    assert (row.qb_state, row.qb_number, row.last_sync) == (QbState.NOT_SYNCED, "", None)


def test_web_addresses_for_sandbox_production_and_quotes() -> None:
    assert web_address(Environment.SANDBOX, DocumentKind.INVOICE, "17") == (
        "https://sandbox.qbo.intuit.com/app/invoice?txnId=17"
    )
    assert web_address(Environment.PRODUCTION, DocumentKind.QUOTE, "9") == (
        "https://qbo.intuit.com/app/estimate?txnId=9"
    )
    assert web_address(Environment.CUSTOM, DocumentKind.INVOICE, "9") is None
    assert web_address(Environment.PRODUCTION, DocumentKind.INVOICE, None) is None


def test_a_synced_document_whose_quickbooks_total_differs_shows_it() -> None:
    totals = Totals(Decimal("10.00"), Decimal("0"), Decimal("10.01"), Decimal("0.01"))
    differing = view(RowState.SYNCED)._replace(totals=totals)
    row = listed("INV-1", None).with_ledger(differing)
    assert row.qb_state is QbState.TOTALS_DIFFER
    assert row.qbo_total == Decimal("10.01")
    equal = dataclasses.replace(totals, qbo_total=Decimal("10.00"), qbo_tax=Decimal("0"))
    assert (
        listed("INV-1", None).with_ledger(view(RowState.SYNCED)._replace(totals=equal)).qb_state
        is QbState.SYNCED
    )
