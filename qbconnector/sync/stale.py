"""A stale SyncToken (5010) on an update: hold it when QuickBooks' newer version is an edit or
a payment, instead of overwriting it with a re-read SyncToken."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from qbconnector.quickbooks.cdc import CdcChange
from qbconnector.storage.ledger_schema import LedgerRow, Pulled
from qbconnector.sync.holds import Hold, hold_for
from qbconnector.sync.pull import derive


def with_pulled(row: LedgerRow, pulled: Pulled) -> LedgerRow:
    """``row`` as it reads once ``pulled`` is stored."""
    balance = str(pulled.balance) if pulled.balance is not None else None
    return dataclasses.replace(
        row, qbo_state=pulled.state.value, qbo_balance=balance, qbo_changed_at=pulled.changed_at,
        qbo_edited=int(pulled.edited), qbo_due_date=pulled.due_date,
        qbo_fingerprint=pulled.fingerprint, qbo_fingerprint_token=pulled.fingerprint_token,
    )  # fmt: skip


def hold_after_stale(
    row: LedgerRow, entity_name: str, record: dict[str, Any], today: dt.date
) -> tuple[Hold, Pulled] | None:
    """Why the re-read ``record`` must not be overwritten (with what to store), or None.

    The record is judged as a pull would judge it (the same fingerprint), so a payment or an
    edit made since the last pull holds the update; a change we made ourselves does not."""
    exact = _decimals(record)
    meta = exact.get("MetaData") or {}
    change = CdcChange(entity_name, str(exact.get("Id", row.qbo_id)), False,
                       str(meta.get("LastUpdatedTime", "")), exact)  # fmt: skip
    pulled = derive(row, change, today)
    hold = hold_for(with_pulled(row, pulled))
    return (hold, pulled) if hold is not None else None


def _decimals(value: Any) -> Any:
    """A read's amounts as the Decimals a pull's CDC answer holds: a float's shortest form is
    the text QuickBooks wrote; where it is not (trailing zeros), the fingerprint differs and
    the update is held: the safe side."""
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dict):
        return {key: _decimals(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decimals(item) for item in value]
    return value
