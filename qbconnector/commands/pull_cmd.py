"""`qbconnector pull`: read back from QuickBooks what became of each pushed document."""

from __future__ import annotations

import argparse
import json
from typing import Any

from qbconnector.commands._context import open_context
from qbconnector.core.documents import DocumentKind
from qbconnector.storage.ledger import AppliedPayment, Ledger, LedgerRow
from qbconnector.storage.profile import Profile
from qbconnector.sync.connection import open_client
from qbconnector.sync.differences import difference_line
from qbconnector.sync.pull import PullResult, pull
from qbconnector.sync.pull_session import tell_flowfit

Payments = dict[tuple[DocumentKind, str], list[AppliedPayment]]

HELP = "read back payments, estimate status, edits and deletions of pushed documents"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, profile: Profile) -> int:
    context = open_context(profile, quiet=args.json)
    client = open_client(context.profile, context.settings, context.vault.store)
    try:
        with Ledger.open(context.profile.ledger_file) as ledger:
            result = pull(client, ledger)
            payments = {row.key: ledger.payments(*row.key) for row in result.rows}
    finally:
        client.close()
    tell_flowfit(context.profile, context.settings, result)
    if args.json:
        print(json.dumps(as_json(result, payments), indent=2, ensure_ascii=False))
        return 0
    for line in lines(result, payments):
        print(line)
    return 0


def _entry(row: LedgerRow, payments: list[AppliedPayment]) -> dict[str, Any]:
    return {
        "kind": row.kind.value,
        "number": row.number,
        "qbo_id": row.qbo_id,
        "state": row.qbo_state,
        "balance": row.qbo_balance,
        "changed_at": row.qbo_changed_at,
        "edited_fields": [{"field": d.field, "sent": d.sent, "now": d.now}
                          for d in row.edited_fields],
        "payments": [{"date": p.date, "amount": str(p.amount), "reference": p.reference}
                     for p in payments],
    }  # fmt: skip


def as_json(result: PullResult, payments: Payments | None = None) -> dict[str, Any]:
    """The ``--json`` object: every pushed document, the time read from, and any note."""
    paid = payments or {}
    shown: dict[str, Any] = {"documents": [_entry(row, paid.get(row.key, []))
                                           for row in result.rows],
                             "since": result.since}  # fmt: skip
    if result.note:
        shown["note"] = result.note
    return shown


def lines(result: PullResult, payments: Payments | None = None) -> list[str]:
    """One line per pushed document (then its edited fields and payments), then a summary."""
    out = []
    for row in result.rows:
        state = row.qbo_state or "not seen (pushed more than 30 days before the first pull)"
        balance = f", balance {row.qbo_balance}" if row.qbo_balance is not None else ""
        changed = f", changed {row.qbo_changed_at}" if row.qbo_changed_at else ""
        out.append(f"{row.kind.value} {row.number} (QuickBooks {row.qbo_id}): {state}"
                   f"{balance}{changed}")  # fmt: skip
        if row.edited_fields:
            out.append("  edited in QuickBooks: "
                       + "; ".join(difference_line(d) for d in row.edited_fields))  # fmt: skip
        for payment in (payments or {}).get(row.key, []):
            reference = f", reference {payment.reference}" if payment.reference else ""
            out.append(f"  payment {payment.date or '—'}: {payment.amount}{reference}")
    if result.note:
        out.append(f"note: {result.note}")
    out.append(f"Pulled changes since {result.since}: {result.changed} document(s) changed, "
               f"{len(result.rows)} pushed.")  # fmt: skip
    return out
