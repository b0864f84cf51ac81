"""What `qbconnector sync` prints: a progress bar, the plan as text or JSON."""

from __future__ import annotations

import time
from typing import Any, TextIO

from qbconnector.quickbooks.customers import display_name
from qbconnector.quickbooks.payloads import ENTITY_FOR_KIND, update_payload, with_customer
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.plan import Action, Plan, PlannedDocument

BAR_WIDTH = 30


class ProgressBar:
    """``[#####.....] 120/300`` redrawn in place on a terminal, at most ten times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._last = 0.0

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if not finished and now - self._last < 0.1:
            return
        self._last = now
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total}")
        if finished:
            self.stream.write("\n")
        self.stream.flush()


def plan_lines(the_plan: Plan, note: str | None) -> list[str]:
    """One line per document, then the counts."""
    lines = [note] if note else []
    for item in the_plan.items:
        document = item.document
        text = f"{document.kind.value} {document.number}: {item.action.value}"
        if item.action is Action.BLOCKED:
            text += " - " + item.blocked_message
        elif item.action is Action.HELD and item.hold_text is not None:
            text += " - " + str(item.hold_text)
        lines.append(text)
    counts = the_plan.counts()
    lines.append(
        f"Plan: {counts[Action.CREATE]} to create, {counts[Action.UPDATE]} to update, "
        f"{counts[Action.UNCHANGED]} unchanged, {counts[Action.BLOCKED]} blocked, "
        f"{counts[Action.HELD]} held (nothing sent)."
    )
    return lines


def _payload(item: PlannedDocument, ledger: Ledger) -> tuple[dict[str, Any], str]:
    """The body that would be sent, and whether its customer exists or is to be found/created."""
    client = item.document.client
    link = ledger.customer(client.code)
    if link is not None:
        payload, customer = with_customer(item.payload, link.qbo_id), "mapped"
    else:
        payload = {**item.payload, "CustomerRef": {"name": display_name(client)}}
        customer = "to be found by name or created"
    row = item.row
    if item.action is Action.UPDATE and row is not None and row.qbo_id:
        payload = update_payload(payload, row.qbo_id, row.sync_token or "0")
    return payload, customer


def plan_json(the_plan: Plan, ledger: Ledger, note: str | None) -> dict[str, Any]:
    """The plan with the exact payloads (CustomerRef by name when the customer is not known)."""
    entries: list[dict[str, Any]] = []
    for item in the_plan.items:
        document = item.document
        entry: dict[str, Any] = {
            "kind": document.kind.value,
            "number": document.number,
            "action": item.action.value,
        }
        if item.action is Action.BLOCKED:
            entry["reasons"] = [
                {"code": reason.blocker.value, "message": reason.message} for reason in item.reasons
            ]
        elif item.action is Action.HELD:
            sentence, row = item.hold_text, item.row
            entry.update(reason=item.hold.value if item.hold else None,
                         state=row.qbo_state if row else None,
                         message=str(sentence) if sentence else None)  # fmt: skip
        elif item.action in (Action.CREATE, Action.UPDATE):
            payload, customer = _payload(item, ledger)
            entry.update(entity=ENTITY_FOR_KIND[document.kind], customer=customer, payload=payload)
        entries.append(entry)
    counts = {action.value: count for action, count in the_plan.counts().items()}
    result: dict[str, Any] = {"plan": entries, "counts": counts}
    if note:
        result["note"] = note
    return result
