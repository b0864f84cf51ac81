"""Change Data Capture: every change since a time, all pages, deleted objects flagged."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import requests

from qbconnector.quickbooks.errors import QuickBooksError, ServerError, ValidationError
from qbconnector.quickbooks.faults import error_from_fault, fault_from_json

MAX_PER_ENTITY = 1000  # QuickBooks answers at most this many objects per entity per call
LOOK_BACK = dt.timedelta(days=30)
MAX_CALLS = 200  # 200,000 changes per entity: beyond that something is wrong, not just busy
_NOT_ENTITY_KEYS = frozenset({"startPosition", "maxResults", "totalCount"})

RawCall = Callable[[str, str, dict[str, str]], requests.Response]


@dataclass(frozen=True)
class CdcChange:
    """One object that changed: its latest full payload, or a tombstone when deleted."""

    entity: str
    entity_id: str
    deleted: bool
    last_updated: str  # MetaData.LastUpdatedTime, exactly as QuickBooks wrote it
    record: dict[str, Any]  # amounts as Decimal


@dataclass(frozen=True)
class CdcResult:
    """Changes per entity (in the order asked), each object once, oldest change first."""

    changes: tuple[CdcChange, ...]
    server_time: str | None  # the ``time`` of the last answer
    intuit_tids: tuple[str | None, ...]

    def of(self, entity: str) -> list[CdcChange]:
        return [change for change in self.changes if change.entity == entity]

    @property
    def latest_change(self) -> str | None:
        """The newest LastUpdatedTime seen: the next ``changed_since`` (answers are inclusive,
        so that object comes back once more; compare SyncTokens to skip it)."""
        if not self.changes:
            return None
        return max(self.changes, key=lambda change: _moment(change.last_updated)).last_updated


def is_look_back_refusal(error: QuickBooksError) -> bool:
    """QuickBooks refused ``changedSince`` as older than its 30 days: do a full read instead."""
    text = f"{error.message} {error.detail or ''}".lower()
    return isinstance(error, ValidationError) and "older than" in text


def since_text(changed_since: dt.datetime | str) -> str:
    if isinstance(changed_since, str):
        return changed_since
    if changed_since.tzinfo is None:
        raise ValueError("changed_since needs a time zone (QuickBooks reads it as given)")
    return changed_since.isoformat(timespec="milliseconds")


def fetch_changes(
    call: RawCall, entities: Sequence[str], changed_since: dt.datetime | str
) -> CdcResult:
    """Call CDC until every entity is complete: an entity with 1000 objects in an answer is
    asked again from its newest object's time (the others are not asked again)."""
    names = list(dict.fromkeys(entities))
    if not names or any(not name.isalpha() for name in names):
        raise ValueError("CDC needs entity names such as 'Invoice', 'Payment'")
    pending = {name: since_text(changed_since) for name in names}
    found: dict[str, dict[str, CdcChange]] = {name: {} for name in names}
    tids: list[str | None] = []
    server_time: str | None = None
    while pending:
        if len(tids) >= MAX_CALLS:
            raise ServerError(f"CDC did not finish after {MAX_CALLS} calls")
        since = min(pending.values(), key=_moment)
        asked = [name for name, value in pending.items() if value == since]
        response = call("GET", "cdc", {"entities": ",".join(asked), "changedSince": since})
        tid = response.headers.get("intuit_tid")
        tids.append(tid)
        body = _body(response, tid)
        server_time = str(body["time"]) if "time" in body else server_time
        answered = _groups(body, tid)
        for name in asked:
            rows = answered.get(name.lower(), [])
            newest = _keep(found[name], name, rows)
            if len(rows) < MAX_PER_ENTITY:
                del pending[name]
            elif newest is None or _moment(newest) <= _moment(since):
                raise ServerError(
                    f"CDC cannot page {name}: {MAX_PER_ENTITY} changes share one time ({since})",
                    intuit_tid=tid,
                )
            else:
                pending[name] = newest
    ordered = [
        change
        for name in names
        for change in sorted(found[name].values(), key=lambda c: _moment(c.last_updated))
    ]
    return CdcResult(tuple(ordered), server_time, tuple(tids))


def query_changes(call: RawCall, entity: str, after: str, page_size: int = 1000) -> CdcResult:
    """Objects of ``entity`` last updated after ``after``, by a ``MetaData.LastUpdatedTime``
    query, every page: the fallback beyond CDC's 30 days. Deleted objects cannot be seen."""
    if not entity.isalpha():
        raise ValueError("a query needs an entity name such as 'Invoice'")
    # Whole seconds, rounded down: the query language's form (re-reading one is harmless).
    stamp = _moment(after).replace(microsecond=0).isoformat()
    select = f"SELECT * FROM {entity} WHERE MetaData.LastUpdatedTime > '{stamp}'"
    seen: dict[str, CdcChange] = {}
    tids: list[str | None] = []
    while len(tids) < MAX_CALLS:
        start = len(tids) * page_size + 1
        response = call("GET", "query", {
            "query": f"{select} STARTPOSITION {start} MAXRESULTS {page_size}"})  # fmt: skip
        tid = response.headers.get("intuit_tid")
        tids.append(tid)
        answer = _body(response, tid).get("QueryResponse")
        rows = answer.get(entity, []) if isinstance(answer, dict) else []
        _keep(seen, entity, rows if isinstance(rows, list) else [])
        if len(rows) < page_size:
            ordered = sorted(seen.values(), key=lambda change: _moment(change.last_updated))
            return CdcResult(tuple(ordered), None, tuple(tids))
    raise ServerError(f"the {entity} query did not finish after {MAX_CALLS} pages")


def _keep(seen: dict[str, CdcChange], entity: str, rows: list[Any]) -> str | None:
    """Record each row (the newest version of an object wins); the newest time in ``rows``."""
    newest: str | None = None
    for row in rows:
        if not isinstance(row, dict) or "Id" not in row:
            continue
        stamp = str((row.get("MetaData") or {}).get("LastUpdatedTime", ""))
        if not stamp:
            raise ServerError(f"CDC {entity} {row['Id']} has no LastUpdatedTime")
        change = CdcChange(entity, str(row["Id"]), row.get("status") == "Deleted", stamp, row)
        old = seen.get(change.entity_id)
        if old is None or _moment(old.last_updated) <= _moment(stamp):
            seen[change.entity_id] = change
        if newest is None or _moment(newest) < _moment(stamp):
            newest = stamp
    return newest


def _body(response: requests.Response, tid: str | None) -> dict[str, Any]:
    try:
        body = json.loads(response.content, parse_float=Decimal)  # money stays exact
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise ServerError("unreadable CDC answer", intuit_tid=tid)
    fault = fault_from_json(body)
    if fault is not None and "Fault" in body:
        raise error_from_fault(fault, response.status_code, tid)
    return body


def _groups(body: dict[str, Any], tid: str | None) -> dict[str, list[Any]]:
    """Lower-case entity name -> rows, from ``CDCResponse[].QueryResponse[]``."""
    cdc_response = body.get("CDCResponse")
    if not isinstance(cdc_response, list):
        raise ServerError("CDC answer without CDCResponse", intuit_tid=tid)
    groups: dict[str, list[Any]] = {}
    for block in cdc_response:
        responses = block.get("QueryResponse", []) if isinstance(block, dict) else []
        for response in responses if isinstance(responses, list) else [responses]:
            if not isinstance(response, dict):
                continue
            for key, rows in response.items():
                if key not in _NOT_ENTITY_KEYS and isinstance(rows, list):
                    groups.setdefault(key.lower(), []).extend(rows)
    return groups


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ServerError(f"CDC time {text!r} is not a date-time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
