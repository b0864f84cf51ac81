"""Field rules shared by entities: lengths, dates, names, numbers, references, currencies."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.state import CompanyState, Record, name_key

FORBIDDEN_NAME_CHARS = re.compile(r"[:\t\r\n]")
DATE_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}$")

CURRENCY_NAMES = {
    "AUD": "Australian Dollar",
    "CAD": "Canadian Dollar",
    "CHF": "Swiss Franc",
    "EUR": "Euro",
    "GBP": "British Pound Sterling",
    "INR": "Indian Rupee",
    "JPY": "Japanese Yen",
    "MXN": "Mexican Peso",
    "NZD": "New Zealand Dollar",
    "USD": "United States Dollar",
}


@dataclass
class WriteContext:
    """What a write may look at: the company, request options, ids created in this batch."""

    state: CompanyState
    allow_duplicate_docnum: bool = False
    created_in_batch: set[tuple[str, str]] = field(default_factory=set)


def check_length(value: object, field_name: str, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        raise errors.too_long(field_name, limit, len(value))


def check_string(value: object, field_name: str) -> str:
    if not isinstance(value, str):
        raise errors.invalid_property(field_name, "a string is expected")
    return value


def check_name_chars(value: object, field_name: str) -> None:
    if isinstance(value, str) and FORBIDDEN_NAME_CHARS.search(value):
        raise errors.business(
            f"{field_name} cannot contain a colon (:), a tab or a newline.", field_name
        )


def check_date(record: Record, field_name: str, label: str | None = None) -> None:
    """Dates are YYYY-MM-DD; an empty string is refused (QBO would store 9999-12-31)."""
    if field_name not in record or record[field_name] is None:
        return
    value = record[field_name]
    name = label or field_name
    if value == "":
        raise errors.invalid_property(name, "an empty date is not allowed")
    if not isinstance(value, str) or not DATE_FORMAT.match(value):
        raise errors.invalid_property(name, "dates are written YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise errors.invalid_property(name, "not a calendar date") from None


def to_decimal(value: object, field_name: str) -> Decimal:
    """Numbers arrive as Decimal/int from the JSON parser; strings and bools are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise errors.invalid_property(field_name, "a number is expected")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise errors.invalid_property(field_name, "a number is expected") from None
    if not number.is_finite():
        raise errors.invalid_property(field_name, "a finite number is expected")
    return number


def ref_value(ref: object, field_name: str) -> str:
    """The Id in a ``{"value": ..., "name": ...}`` reference."""
    if not isinstance(ref, dict) or "value" not in ref:
        raise errors.required(f"{field_name}.value")
    value = ref["value"]
    if not isinstance(value, (str, int)) or isinstance(value, bool) or str(value) == "":
        raise errors.invalid_property(f"{field_name}.value", "an Id string is expected")
    return str(value)


def active_reference(ctx: WriteContext, entity: str, ref: object, field_name: str) -> Record:
    """The referenced record; 2500 if unknown, inactive, or created in the same batch."""
    ref_id = ref_value(ref, field_name)
    record = ctx.state.table(entity).get(ref_id)
    if record is None or not record.get("Active", True) or (entity, ref_id) in ctx.created_in_batch:
        raise errors.invalid_reference(field_name, ref_id)
    return record


def name_owner(state: CompanyState, display_name: str, exclude: tuple[str, str]) -> bool:
    """True when another customer, vendor or employee (active or not) uses ``display_name``."""
    return bool(state.owners("party", name_key(display_name)) - {exclude})


def duplicate_name(detail_suffix: str = "") -> errors.FaultError:
    detail = (
        "The name supplied already exists. : Another customer, vendor or employee is already "
        "using this name. Please use a different name."
    )
    return errors.validation(6240, errors.MSG_DUP_NAME, detail + detail_suffix)


def currency_ref(code: str) -> dict[str, str]:
    return {"value": code, "name": CURRENCY_NAMES.get(code, code)}


def check_currency(state: CompanyState, ref: object, field_name: str = "CurrencyRef") -> str:
    """The ISO code of ``ref``; a 6000 fault when the company cannot take that currency."""
    code = ref_value(ref, field_name).upper()
    if code not in CURRENCY_NAMES:
        raise errors.business(f"Currency {code} is not a supported currency.", field_name)
    if not state.multicurrency and code != state.home_currency:
        raise errors.business(
            f"Multicurrency is not enabled for this company; only its home currency "
            f"{state.home_currency} can be used (got {code}).",
            field_name,
        )
    return code


def drop_nones(record: Record) -> Record:
    return {key: value for key, value in record.items() if value is not None}


def reject_unknown(body: Record, allowed: frozenset[str], entity: str) -> None:
    for key in body:
        if key not in allowed:
            raise errors.invalid_property(key, f"not a property of {entity}")


def as_bool(value: Any, field_name: str) -> bool:
    if not isinstance(value, bool):
        raise errors.invalid_property(field_name, "true or false is expected")
    return value
