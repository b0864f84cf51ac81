"""The batch endpoint: up to 30 independent create/update/delete/void/query items by bId."""

from __future__ import annotations

from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.company import KINDS, Company
from qbconnector.sandbox.rules import WriteContext

MAX_ITEMS = 30
MAX_BID_WITH_REQUESTID = 10
OPERATIONS = ("create", "update", "delete")


def run_batch(company: Company, body: object, allow_dup: bool, has_requestid: bool) -> list[Any]:
    """The ``BatchItemResponse`` list; a per-item failure is a Fault in that item only."""
    items = _items(body, has_requestid)
    # Items may not see each other's creations: QuickBooks runs them independently.
    ctx = WriteContext(company.state, allow_duplicate_docnum=allow_dup)
    answers: list[Any] = []
    for item in items:
        bid = item["bId"]
        try:
            answers.append({"bId": bid, **_run_item(company, item, ctx)})
        except errors.FaultError as fault:
            answers.append({"bId": bid, "Fault": fault.fault()})
    return answers


def _items(body: object, has_requestid: bool) -> list[dict[str, Any]]:
    if not isinstance(body, dict) or not isinstance(body.get("BatchItemRequest"), list):
        raise errors.required("BatchItemRequest")
    items = body["BatchItemRequest"]
    if not items:
        raise errors.required("BatchItemRequest")
    if len(items) > MAX_ITEMS:
        raise errors.invalid_property(
            "BatchItemRequest", f"{len(items)} items sent; a batch takes at most {MAX_ITEMS}"
        )
    seen: set[str] = set()
    for item in items:
        bid = item.get("bId") if isinstance(item, dict) else None
        if not isinstance(bid, str) or not bid:
            raise errors.required("BatchItemRequest.bId")
        if bid in seen:
            raise errors.invalid_property("bId", f"bId {bid!r} is used twice")
        if has_requestid and len(bid) > MAX_BID_WITH_REQUESTID:
            raise errors.invalid_property(
                "bId", f"bId {bid!r} is longer than {MAX_BID_WITH_REQUESTID} with a requestid"
            )
        seen.add(bid)
    return list(items)


def _run_item(company: Company, item: dict[str, Any], ctx: WriteContext) -> dict[str, Any]:
    if "Query" in item:
        return {"QueryResponse": company.query(str(item["Query"]))}
    operation = item.get("operation")
    if operation not in OPERATIONS:
        raise errors.invalid_property("operation", f"{operation!r}; use create, update or delete")
    entities = [key for key in item if key in KINDS]
    if len(entities) != 1:
        raise errors.invalid_property("BatchItemRequest", "name exactly one entity per item")
    entity = entities[0]
    options = str(item.get("optionsData", "")).lower()
    item_ctx = WriteContext(
        ctx.state,
        allow_duplicate_docnum=ctx.allow_duplicate_docnum or "allowduplicatedocnum" in options,
        created_in_batch=ctx.created_in_batch,
    )
    payload = item[entity]
    if operation == "create":
        record = company.create(entity, payload, item_ctx)
        ctx.created_in_batch.add((entity, str(record["Id"])))
    elif operation == "delete":
        record = company.delete(entity, payload)
    elif "void" in options:
        record = company.void(entity, payload)
    else:
        record = company.update(entity, payload, item_ctx)
    return {entity: record}
