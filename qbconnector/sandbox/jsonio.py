"""JSON in and out with money kept as Decimal inside and written as plain numbers."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def _encode_default(value: object) -> object:
    # Amounts have at most 15 significant digits (QBO's "10.5 format"), which a float's
    # shortest repr reproduces exactly, so readers parsing with Decimal get the same value.
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and "." not in str(value)
            else float(value)
        )
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(payload: object) -> str:
    return json.dumps(payload, default=_encode_default, ensure_ascii=False, separators=(",", ":"))


def dump_bytes(payload: object) -> bytes:
    return dumps(payload).encode("utf-8")


def loads(text: str | bytes) -> Any:
    """Parse JSON, reading every non-integer number as a Decimal."""
    return json.loads(text, parse_float=Decimal)


def copy(payload: Any) -> Any:
    """A deep copy through JSON, so callers never share the store's objects."""
    return loads(dumps(payload))
