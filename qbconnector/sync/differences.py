"""Which fields of a document edited in QuickBooks differ from what we sent, and their names."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from qbconnector.core.texts import Text, text
from qbconnector.storage.ledger import FieldDifference, LedgerRow

__all__ = ["difference_line", "differences", "field_label"]

# Fields a user cares about, as QuickBooks names them; each read as text to compare.
HEADER_FIELDS: dict[str, Callable[[Any], str | None]] = {
    "CustomerRef": lambda value: _ref(value),
    "TxnDate": lambda value: _plain(value),
    "DueDate": lambda value: _plain(value),
    "ExpirationDate": lambda value: _plain(value),
    "DocNumber": lambda value: _plain(value),
    "CustomerMemo": lambda value: _ref(value),
    "PrivateNote": lambda value: _plain(value),
}
LINE_FIELDS: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "Amount": lambda line: _amount(line.get("Amount")),
    "Description": lambda line: _plain(line.get("Description")),
    "ItemRef": lambda line: _ref(_detail(line).get("ItemRef")),
    "TaxCodeRef": lambda line: _ref(_detail(line).get("TaxCodeRef")),
    "Qty": lambda line: _number(_detail(line).get("Qty")),
}
LABELS: dict[str, Text] = {
    "CustomerRef": text("customer"),
    "TxnDate": text("date"),
    "DueDate": text("due date"),
    "ExpirationDate": text("expiration date"),
    "DocNumber": text("number"),
    "CustomerMemo": text("message to the customer"),
    "PrivateNote": text("private note"),
    "TotalAmt": text("total"),
    "Lines": text("number of lines"),
}
LINE_LABELS: dict[str, Callable[[int], Text]] = {
    "Amount": lambda n: text("line {line} amount", line=n),
    "Description": lambda n: text("line {line} description", line=n),
    "ItemRef": lambda n: text("line {line} product or service", line=n),
    "TaxCodeRef": lambda n: text("line {line} tax code", line=n),
    "Qty": lambda n: text("line {line} quantity", line=n),
}
_LINE_FIELD = re.compile(r"Line\[(\d+)\]\.(\w+)")


def differences(row: LedgerRow, record: dict[str, Any]) -> tuple[FieldDifference, ...]:
    """Compare QuickBooks' ``record`` with the body last synced (fields we did not send are not
    compared: QuickBooks fills them in itself). Empty when that body is not known."""
    if not row.synced_payload:
        return ()  # pushed before the ledger kept sent bodies
    try:
        sent = json.loads(row.synced_payload, parse_float=Decimal)
    except ValueError:
        return ()
    found = [
        FieldDifference(name, read(sent[name]), read(record.get(name)))
        for name, read in HEADER_FIELDS.items()
        if name in sent and read(sent[name]) != read(record.get(name))
    ]
    found.extend(_line_differences(_sales_lines(sent), _sales_lines(record)))
    total = _amount(record.get("TotalAmt"))
    if row.qbo_total is not None and _amount(row.qbo_total) != total:
        found.append(FieldDifference("TotalAmt", _amount(row.qbo_total), total))
    return tuple(found)


def _line_differences(
    sent: list[dict[str, Any]], now: list[dict[str, Any]]
) -> list[FieldDifference]:
    found = []
    for number, (ours, theirs) in enumerate(zip(sent, now, strict=False), start=1):
        for name, read in LINE_FIELDS.items():
            if read(ours) is not None and read(ours) != read(theirs):
                found.append(FieldDifference(f"Line[{number}].{name}", read(ours), read(theirs)))
    if len(sent) != len(now):
        found.append(FieldDifference("Lines", str(len(sent)), str(len(now))))
    return found


def field_label(field: str) -> Text:
    """A field's name for people (translatable); the QuickBooks name when unknown."""
    match = _LINE_FIELD.fullmatch(field)
    if match and match.group(2) in LINE_LABELS:
        return LINE_LABELS[match.group(2)](int(match.group(1)))
    return LABELS.get(field, text("{field}", field=field))


def difference_line(difference: FieldDifference) -> str:
    """``due date 2026-12-31 → 2027-01-15`` (English, for the command line)."""
    return f"{field_label(difference.field)} {difference.sent or '—'} → {difference.now or '—'}"


def _sales_lines(body: dict[str, Any]) -> list[dict[str, Any]]:
    lines = body.get("Line") or []
    return [line for line in lines if isinstance(line, dict) and
            line.get("DetailType") == "SalesItemLineDetail"]  # fmt: skip


def _detail(line: dict[str, Any]) -> dict[str, Any]:
    detail = line.get("SalesItemLineDetail")
    return detail if isinstance(detail, dict) else {}


def _ref(value: Any) -> str | None:
    return _plain(value.get("value")) if isinstance(value, dict) else _plain(value)


def _plain(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _amount(value: Any) -> str | None:
    number = _decimal(value)
    return None if number is None else str(number.quantize(Decimal("0.01")))


def _number(value: Any) -> str | None:
    number = _decimal(value)
    return None if number is None else format(number.normalize(), "f")


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
