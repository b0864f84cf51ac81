"""Held updates: a document QuickBooks changed since our push is not overwritten without asking."""

from __future__ import annotations

import enum
from decimal import Decimal, InvalidOperation

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text
from qbconnector.storage.ledger_schema import LedgerRow, PulledState

CENTS = Decimal("0.01")


class Hold(enum.StrEnum):
    """Why a document that would be updated (or recreated) is held; ``--json`` prints the code."""

    EDITED = "edited-in-quickbooks"
    PAID = "paid"  # paid, partially paid, or overdue with a payment applied
    DELETED = "deleted-in-quickbooks"  # deleted, or (invoices) voided
    ESTIMATE_ACCEPTED = "estimate-accepted"
    ESTIMATE_CONVERTED = "estimate-converted"
    ESTIMATE_CLOSED = "estimate-closed"
    ESTIMATE_REJECTED = "estimate-rejected"


# Every estimate status but Pending is a decision someone took on what the customer saw:
# changing the estimate under it silently would make that decision about another quote.
_ESTIMATE_HOLDS = {
    PulledState.ACCEPTED: Hold.ESTIMATE_ACCEPTED,
    PulledState.CONVERTED: Hold.ESTIMATE_CONVERTED,
    PulledState.CLOSED: Hold.ESTIMATE_CLOSED,
    PulledState.REJECTED: Hold.ESTIMATE_REJECTED,
}


def pulled_state(row: LedgerRow | None) -> PulledState | None:
    """The row's state as the last pull found it (None: never pulled, or unreadable)."""
    if row is None or row.qbo_state is None:
        return None
    try:
        return PulledState(row.qbo_state)
    except ValueError:
        return None  # a value from a newer version: no hold rather than a crash


def hold_for(row: LedgerRow | None) -> Hold | None:
    """Why an update of this row's document must wait for the user (None: it need not)."""
    if row is None or not row.qbo_id:
        return None
    state = pulled_state(row)
    if state is PulledState.DELETED:
        return Hold.DELETED
    if row.qbo_edited or state is PulledState.EDITED:
        return Hold.EDITED
    if row.kind is DocumentKind.INVOICE:
        return Hold.PAID if payment_applied(row, state) else None
    return _ESTIMATE_HOLDS.get(state) if state is not None else None


def payment_applied(row: LedgerRow, state: PulledState | None) -> bool:
    """Whether a payment is applied to the invoice: paid, partially paid, or a balance below
    its total (an overdue invoice can be partly paid)."""
    if state in (PulledState.PAID, PulledState.PARTIALLY_PAID):
        return True
    balance, total = _money(row.qbo_balance), _money(row.qbo_total or row.flowfit_total)
    return balance is not None and total is not None and balance < total


def hold_text(hold: Hold, row: LedgerRow) -> Text:
    """What happened in QuickBooks, that FlowFit's change was not pushed, and what to do."""
    number = row.number
    if row.kind is DocumentKind.INVOICE:
        return _invoice_text(hold, row, number)
    return _quote_text(hold, number)


def _invoice_text(hold: Hold, row: LedgerRow, number: str) -> Text:
    if hold is Hold.DELETED:
        return text("Invoice {number} was deleted or voided in QuickBooks; it is not created "
                    "again on its own. Push anyway to create it anew in QuickBooks, or leave "
                    "it.", number=number)  # fmt: skip
    if hold is Hold.EDITED:
        return text("Invoice {number} was edited in QuickBooks since it was pushed; the change "
                    "made in FlowFit was not pushed so that the edit is not lost. Push anyway "
                    "to overwrite it with the FlowFit version, or leave it.",
                    number=number)  # fmt: skip
    balance = _cents(row.qbo_balance)
    total = _cents(row.qbo_total or row.flowfit_total)
    if pulled_state(row) is PulledState.PAID:
        return text("Invoice {number} was paid in QuickBooks (balance {balance} of {total}); "
                    "the change made in FlowFit was not pushed so that the payment is not "
                    "undone. Push anyway to overwrite it, or leave it.", number=number,
                    balance=balance, total=total)  # fmt: skip
    return text("Invoice {number} was partially paid in QuickBooks (balance {balance} of "
                "{total}); the change made in FlowFit was not pushed so that the payment is "
                "not undone. Push anyway to overwrite it, or leave it.", number=number,
                balance=balance, total=total)  # fmt: skip


def _quote_text(hold: Hold, number: str) -> Text:
    if hold is Hold.DELETED:
        return text("The estimate of quote {number} was deleted in QuickBooks; it is not "
                    "created again on its own. Push anyway to create it anew in QuickBooks, or "
                    "leave it.", number=number)  # fmt: skip
    if hold is Hold.EDITED:
        return text("The estimate of quote {number} was edited in QuickBooks since it was "
                    "pushed; the change made in FlowFit was not pushed so that the edit is not "
                    "lost. Push anyway to overwrite it with the FlowFit version, or leave it.",
                    number=number)  # fmt: skip
    if hold is Hold.ESTIMATE_ACCEPTED:
        return text("The estimate of quote {number} was accepted in QuickBooks; the change made "
                    "in FlowFit was not pushed so that what the customer accepted does not "
                    "change. Push anyway to overwrite it, or leave it.", number=number)  # fmt: skip
    if hold is Hold.ESTIMATE_CONVERTED:
        return text("The estimate of quote {number} was turned into an invoice in QuickBooks; "
                    "the change made in FlowFit was not pushed (that invoice would not follow "
                    "it). Push anyway to overwrite the estimate, or leave it.",
                    number=number)  # fmt: skip
    if hold is Hold.ESTIMATE_REJECTED:
        return text("The estimate of quote {number} was rejected in QuickBooks; the change made "
                    "in FlowFit was not pushed. Push anyway to send the revised quote, or leave "
                    "it.", number=number)  # fmt: skip
    return text("The estimate of quote {number} was closed in QuickBooks; the change made in "
                "FlowFit was not pushed. Push anyway to overwrite it, or leave it.",
                number=number)  # fmt: skip


def _money(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _cents(value: str | None) -> str:
    amount = _money(value)
    return str(amount.quantize(CENTS)) if amount is not None else "?"
