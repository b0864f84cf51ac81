"""Batch requests: validating items, building the body, matching results to items by bId."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.quickbooks.faults import error_from_fault, fault_from_json

MAX_BATCH_ITEMS = 30
MAX_BID_LENGTH = 10
MAX_BATCH_REQUEST_ID_LENGTH = 36

Operation = Literal["create", "update", "delete"]


@dataclass(frozen=True)
class BatchItem:
    """One operation of a batch: an entity write (``operation`` + ``entity`` + ``body``) or a
    ``query``. Updates are sent as given: include ``"sparse": True`` for a sparse update."""

    bid: str
    entity: str | None = None
    operation: Operation | None = None
    body: dict[str, Any] | None = None
    query: str | None = None
    options_data: str | None = None  # e.g. "void" together with operation "update"

    def as_request(self) -> dict[str, Any]:
        if self.query is not None:
            return {"bId": self.bid, "Query": self.query}
        request: dict[str, Any] = {"bId": self.bid, "operation": self.operation}
        request[str(self.entity)] = self.body
        if self.options_data:
            request["optionsData"] = self.options_data
        return request


@dataclass(frozen=True)
class BatchItemResult:
    """What QuickBooks answered for one bId: an entity, a query response, or an error."""

    bid: str
    entity_name: str | None = None
    entity: dict[str, Any] | None = None
    query_response: dict[str, Any] | None = None
    error: QuickBooksError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class BatchResult:
    """Results by bId; ``missing`` lists bIds the answer did not mention (outcome unknown)."""

    items: dict[str, BatchItemResult]
    missing: tuple[str, ...]
    intuit_tid: str | None
    request_id: str
    extra: tuple[str, ...] = field(default=())  # bIds answered but never asked (ignored)


def validate_batch(items: Sequence[BatchItem], request_id: str) -> None:
    """Raise ValueError unless QuickBooks would accept these items with this requestid."""
    if not 1 <= len(items) <= MAX_BATCH_ITEMS:
        raise ValueError(f"a batch holds 1 to {MAX_BATCH_ITEMS} items, not {len(items)}")
    if not 1 <= len(request_id) <= MAX_BATCH_REQUEST_ID_LENGTH:
        raise ValueError(f"a batch requestid must be 1 to {MAX_BATCH_REQUEST_ID_LENGTH} characters")
    seen: set[str] = set()
    for item in items:
        if not 1 <= len(item.bid) <= MAX_BID_LENGTH:
            raise ValueError(f"bId {item.bid!r} must be 1 to {MAX_BID_LENGTH} characters")
        if item.bid in seen:
            raise ValueError(f"bId {item.bid!r} is used twice in one batch")
        seen.add(item.bid)
        _validate_item(item)


def _validate_item(item: BatchItem) -> None:
    if item.query is not None:
        if item.operation or item.entity or item.body is not None:
            raise ValueError(f"batch item {item.bid!r}: a query item carries nothing else")
        return
    if item.operation not in ("create", "update", "delete"):
        raise ValueError(f"batch item {item.bid!r}: operation must be create, update or delete")
    if not item.entity or not item.entity.isalpha() or not isinstance(item.body, dict):
        raise ValueError(f"batch item {item.bid!r}: needs an entity name and a body")


def batch_body(items: Sequence[BatchItem]) -> dict[str, Any]:
    return {"BatchItemRequest": [item.as_request() for item in items]}


def parse_batch_response(
    body: dict[str, Any], items: Sequence[BatchItem], intuit_tid: str | None, request_id: str
) -> BatchResult:
    """Match each BatchItemResponse to its item by bId (never by position)."""
    asked = {item.bid for item in items}
    results: dict[str, BatchItemResult] = {}
    extra: list[str] = []
    responses = body.get("BatchItemResponse")
    for response in responses if isinstance(responses, list) else []:
        if not isinstance(response, dict):
            continue
        bid = response.get("bId")
        if not isinstance(bid, str) or bid not in asked:
            extra.append(str(bid))
            continue
        results[bid] = _item_result(bid, response, intuit_tid)
    missing = tuple(item.bid for item in items if item.bid not in results)
    return BatchResult(results, missing, intuit_tid, request_id, tuple(extra))


def _item_result(bid: str, response: dict[str, Any], intuit_tid: str | None) -> BatchItemResult:
    fault = fault_from_json(response)
    if fault is not None:
        return BatchItemResult(bid, error=error_from_fault(fault, None, intuit_tid))
    query_response = response.get("QueryResponse")
    if isinstance(query_response, dict):
        return BatchItemResult(bid, query_response=query_response)
    for key, value in response.items():
        if key not in {"bId", "time"} and isinstance(value, dict):
            return BatchItemResult(bid, entity_name=key, entity=value)
    return BatchItemResult(bid)
