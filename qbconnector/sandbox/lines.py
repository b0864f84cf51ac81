"""Sales-form lines: validation, Qty x UnitPrice check, tax codes, numbering, subtotal, discount."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.rules import (
    WriteContext,
    active_reference,
    check_date,
    check_length,
    check_string,
    reject_unknown,
    to_decimal,
)
from qbconnector.sandbox.state import Record
from qbconnector.sandbox.taxes import line_tax_code

CENT = Decimal("0.01")
MAX_LINES = 750
LINE_FIELDS = frozenset(
    {
        "Id",
        "LineNum",
        "Description",
        "Amount",
        "DetailType",
        "SalesItemLineDetail",
        "DescriptionLineDetail",
        "DiscountLineDetail",
        "SubTotalLineDetail",
        "LinkedTxn",
        "CustomField",
        "ProjectRef",
    }
)


@dataclass
class LineResult:
    lines: list[Record]
    subtotal: Decimal
    discount: Decimal


def build_lines(ctx: WriteContext, raw_lines: object) -> LineResult:
    """Number the lines, check them, and append the server's SubTotalLineDetail line."""
    if not isinstance(raw_lines, list) or not raw_lines:
        raise errors.required("Line")
    if len(raw_lines) > MAX_LINES:
        raise errors.business(f"A transaction can have at most {MAX_LINES} lines.", "Line")
    numbered: list[Record] = []
    discounts: list[Record] = []
    subtotal = Decimal(0)
    for raw in raw_lines:
        if not isinstance(raw, dict):
            raise errors.invalid_property("Line", "each line is an object")
        reject_unknown(raw, LINE_FIELDS, "Line")
        detail_type = raw.get("DetailType")
        if detail_type == "SubTotalLineDetail":
            continue  # the server computes its own subtotal line
        if detail_type == "DiscountLineDetail":
            discounts.append(raw)
            continue
        line = _numbered_line(ctx, raw, detail_type, len(numbered) + 1)
        if detail_type == "SalesItemLineDetail":
            subtotal += line["Amount"]
        numbered.append(line)
    if not any(line["DetailType"] == "SalesItemLineDetail" for line in numbered):
        raise errors.required("Line")
    subtotal_line = {
        "Amount": subtotal,
        "DetailType": "SubTotalLineDetail",
        "SubTotalLineDetail": {},
    }
    discount_lines = [_discount_line(raw, subtotal) for raw in discounts]
    discount = sum((line["Amount"] for line in discount_lines), Decimal(0))
    return LineResult([*numbered, subtotal_line, *discount_lines], subtotal, discount)


def _numbered_line(ctx: WriteContext, raw: Record, detail_type: object, number: int) -> Record:
    line: Record = {"Id": str(number), "LineNum": number}
    if "Description" in raw and raw["Description"] is not None:
        description = check_string(raw["Description"], "Line.Description")
        check_length(description, "Line.Description", 4000)
        line["Description"] = description
    if detail_type == "SalesItemLineDetail":
        line.update(_sales_line(ctx, raw))
    elif detail_type == "DescriptionOnly":
        if raw.get("Amount") is not None:
            line["Amount"] = to_decimal(raw["Amount"], "Line.Amount")
        line["DetailType"] = "DescriptionOnly"
        line["DescriptionLineDetail"] = dict(raw.get("DescriptionLineDetail") or {})
    elif detail_type is None:
        raise errors.required("Line.DetailType")
    else:
        raise errors.invalid_property("Line.DetailType", f"{detail_type!r} is not supported")
    if raw.get("LinkedTxn") is not None:
        line["LinkedTxn"] = raw["LinkedTxn"]
    return line


def _sales_line(ctx: WriteContext, raw: Record) -> Record:
    detail = raw.get("SalesItemLineDetail")
    if not isinstance(detail, dict):
        raise errors.required("Line.SalesItemLineDetail")
    if raw.get("Amount") is None:
        raise errors.required("Line.Amount")
    amount = to_decimal(raw["Amount"], "Line.Amount")
    if "ItemRef" not in detail:
        raise errors.required("Line.SalesItemLineDetail.ItemRef")
    item = active_reference(ctx, "Item", detail["ItemRef"], "Line.SalesItemLineDetail.ItemRef")
    out: dict[str, Any] = dict(detail)
    out["ItemRef"] = {"value": str(item["Id"]), "name": item["Name"]}
    qty = _optional_number(detail, "Qty")
    unit_price = _optional_number(detail, "UnitPrice")
    if qty is not None and unit_price is not None and _cents(qty * unit_price) != _cents(amount):
        raise errors.validation(
            6070,
            errors.MSG_AMOUNT,
            f"Amount calculation incorrect in the request. Amount {amount} does not equal "
            f"Qty {qty} x UnitPrice {unit_price}.",
            "Line.Amount",
        )
    for name, value in (("Qty", qty), ("UnitPrice", unit_price)):
        if value is not None:
            out[name] = value
    check_date(out, "ServiceDate", "Line.SalesItemLineDetail.ServiceDate")
    out["TaxCodeRef"] = line_tax_code(ctx, detail.get("TaxCodeRef"))
    return {"Amount": amount, "DetailType": "SalesItemLineDetail", "SalesItemLineDetail": out}


def _optional_number(detail: Record, name: str) -> Decimal | None:
    if detail.get(name) is None:
        return None
    return to_decimal(detail[name], f"Line.SalesItemLineDetail.{name}")


def _discount_line(raw: Record, subtotal: Decimal) -> Record:
    detail = raw.get("DiscountLineDetail")
    if not isinstance(detail, dict):
        raise errors.required("Line.DiscountLineDetail")
    if detail.get("PercentBased") is True:
        percent = to_decimal(
            detail.get("DiscountPercent"), "Line.DiscountLineDetail.DiscountPercent"
        )
        amount = _cents(subtotal * percent / 100)
    elif raw.get("Amount") is None:
        raise errors.required("Line.Amount")
    else:
        amount = to_decimal(raw["Amount"], "Line.Amount")
    return {"Amount": amount, "DetailType": "DiscountLineDetail", "DiscountLineDetail": detail}


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
