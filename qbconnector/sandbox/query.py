"""Runs a parsed query over records: filterable fields, comparisons, ordering, paging."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.query_parser import Condition, Literal, Query
from qbconnector.sandbox.state import Record

DEFAULT_PAGE = 100
MAX_PAGE = 1000
_META = ("MetaData.CreateTime", "MetaData.LastUpdatedTime")
_PARTY = ("Id", "DisplayName", "GivenName", "MiddleName", "FamilyName", "CompanyName", "Active")
_PARTY_MORE = ("PrimaryEmailAddr", "Balance", "FullyQualifiedName", "PrintOnCheckName")
_SALES = ("Id", "DocNumber", "TxnDate", "CustomerRef", "TotalAmt", "CurrencyRef")
FILTERABLE: dict[str, tuple[str, ...]] = {
    "Customer": (*_PARTY, *_PARTY_MORE, *_META),
    "Vendor": (*_PARTY, *_PARTY_MORE, *_META),
    "Employee": (*_PARTY, "PrimaryEmailAddr", *_META),
    "Item": ("Id", "Name", "Active", "Type", "Sku", "FullyQualifiedName", *_META),
    "Invoice": (*_SALES, "DueDate", "Balance", *_META),
    "Estimate": (*_SALES, "TxnStatus", "ExpirationDate", *_META),
    "Payment": ("Id", "TxnDate", "CustomerRef", "TotalAmt", "PaymentRefNum", *_META),
    "Attachable": (
        "Id",
        "FileName",
        "ContentType",
        "Category",
        "AttachableRef.EntityRef.value",
        "AttachableRef.EntityRef.type",
        *_META,
    ),
    "TaxAgency": ("Id", "DisplayName", "Active", *_META),
    "TaxRate": ("Id", "Name", "Active", "RateValue", "AgencyRef", *_META),
    "TaxCode": ("Id", "Name", "Active", "Taxable", "TaxGroup", *_META),
    "CompanyInfo": ("Id", "CompanyName", *_META),
    "Preferences": ("Id", *_META),
}


def entity_name(given: str) -> str:
    for name in FILTERABLE:
        if name.lower() == given.lower():
            return name
    raise errors.validation(
        4000, errors.MSG_PARSE_QUERY, f"QueryParserError: Invalid entity name: {given}"
    )


def _field(entity: str, given: str) -> str:
    for name in FILTERABLE[entity]:
        if name.lower() == given.lower():
            return name
    raise errors.validation(
        4001, errors.MSG_INVALID_QUERY, f"QueryValidationError: property '{given}' is not queryable"
    )


def run(query: Query, records: Iterable[Record]) -> dict[str, Any]:
    """The ``QueryResponse`` object for ``query`` over all records of its entity."""
    entity = query.entity
    tests = [(_field(entity, c.field), _test(c)) for c in query.conditions]
    order = [(_field(entity, name), desc) for name, desc in query.order] or [("Id", False)]
    matches = [r for r in records if all(any(map(test, _values(r, f))) for f, test in tests)]
    if query.count:
        return {"totalCount": len(matches)}
    for field_name, descending in reversed(order):  # stable sorts: last key first
        matches.sort(key=_sorter(field_name), reverse=descending)
    page_size = min(query.max_results if query.max_results is not None else DEFAULT_PAGE, MAX_PAGE)
    page = matches[query.start_position - 1 : query.start_position - 1 + page_size]
    if not page:
        return {}
    if query.columns:
        page = [_project(record, query.columns) for record in page]
    return {entity: page, "startPosition": query.start_position, "maxResults": len(page)}


def _project(record: Record, columns: list[str]) -> Record:
    wanted = {column.split(".")[0].lower() for column in columns} | {"id"}
    projected = {key: value for key, value in record.items() if key.lower() in wanted}
    projected.update({"domain": "QBO", "sparse": True})
    return projected


def _sorter(field_name: str) -> Callable[[Record], tuple[int, Any]]:
    return lambda record: _sort_key(field_name, _lookup(record, field_name))


def _values(record: Record, path: str) -> list[Any]:
    """Every value at ``path``; a list on the way (AttachableRef) gives one per element."""
    head, _, rest = path.partition(".")
    value = record.get(head) if isinstance(record, dict) else None
    if isinstance(value, list) and rest:
        return [found for item in value for found in _values(item, rest)]
    if not rest:
        return [_lookup(record, head)]
    if isinstance(value, dict):
        return _values(value, rest)
    return [None]


def _lookup(record: Record, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    if isinstance(value, dict):  # a reference compares by its Id, an e-mail by its address
        return value.get("value", value.get("Address"))
    return value


def _test(condition: Condition) -> Callable[[Any], bool]:
    """Whether a value meets ``condition``; ``IN`` over plain names compares by set, so a
    look-up of 40 names among thousands of customers does not try every pair."""
    names = _plain_names(condition.values) if condition.operator == "in" else None
    if names is None:
        return lambda value: _matches(value, condition)

    def is_in(value: Any) -> bool:
        if isinstance(value, str):  # no literal is a date-time: strings compare casefolded
            return value.casefold() in names
        return _matches(value, condition)

    return is_in


def _plain_names(literals: tuple[Literal, ...]) -> frozenset[str] | None:
    """The casefolded literals when each is text that is not a date-time, else None."""
    texts = [value for value in literals if isinstance(value, str)]
    if len(texts) < len(literals):
        return None
    if any("T" in text and _as_datetime(text) is not None for text in texts):
        return None
    return frozenset(text.casefold() for text in texts)


def _matches(value: Any, condition: Condition) -> bool:
    if value is None:
        return False
    if condition.operator == "in":
        return any(_compare(value, literal) == 0 for literal in condition.values)
    if condition.operator == "like":
        pattern = str(condition.values[0])
        regex = ".*".join(re.escape(part) for part in pattern.split("%"))
        return re.fullmatch(regex, str(value), re.IGNORECASE | re.DOTALL) is not None
    outcome = _compare(value, condition.values[0])
    if outcome is None:
        return False
    return {
        "=": outcome == 0,
        "!=": outcome != 0,
        "<": outcome < 0,
        ">": outcome > 0,
        "<=": outcome <= 0,
        ">=": outcome >= 0,
    }[condition.operator]


def _compare(value: Any, literal: Literal) -> int | None:
    """-1/0/1, or None when the two cannot be compared (never matches)."""
    left: Any
    right: Any
    if isinstance(literal, bool) or isinstance(value, bool):
        if not (isinstance(literal, bool) and isinstance(value, bool)):
            return None
        left, right = int(value), int(literal)
    elif isinstance(value, (int, Decimal)) or isinstance(literal, Decimal):
        try:
            left, right = Decimal(str(value)), Decimal(str(literal))
        except ArithmeticError:
            return None
    else:
        left, right = _comparable_strings(str(value), str(literal))
    return int((left > right) - (left < right))


def _comparable_strings(value: str, literal: str) -> tuple[Any, Any]:
    if "T" in value or "T" in literal:
        left, right = _as_datetime(value), _as_datetime(literal)
        if left is not None and right is not None:
            return left, right
    # String comparisons are case-insensitive, as in QuickBooks.
    return value.casefold(), literal.casefold()


def _as_datetime(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def _sort_key(field_name: str, value: Any) -> tuple[int, Any]:
    if value is None:
        return (2, "")
    if isinstance(value, bool):
        return (0, Decimal(int(value)))
    if isinstance(value, (int, Decimal)):
        return (0, Decimal(value))
    text = str(value)
    if field_name in ("Id", "CustomerRef") and text.isdigit():
        return (0, Decimal(text))
    return (1, text.casefold())
