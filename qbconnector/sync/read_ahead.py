"""The reads a run starts with, sent together: batch calls of query items side by side (five
to a call when this minute's batch calls can spare them, else as few as hold them when they
would be nearly full), else single queries side by side.

Ten requests a second is Intuit's limit: five facts and a few customer look-ups sent one by
one would take most of the first second's budget from the writes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from qbconnector.quickbooks.batch import MAX_BATCH_ITEMS, BatchItem
from qbconnector.quickbooks.query import MAX_PAGE_SIZE, has_paging_clause
from qbconnector.sync.schedule import Budget
from qbconnector.sync.sender import RetryPolicy, SyncApi, send_batch

Rows = list[dict[str, Any]]
QUERIES_AT_ONCE = 10  # Intuit's requests in flight
READS_PER_SPARE_CALL = 5


def _paged(statement: str) -> str:
    return statement if has_paging_clause(statement) else f"{statement} MAXRESULTS {MAX_PAGE_SIZE}"


def _rows(query_response: dict[str, Any]) -> Rows:
    rows = next((value for value in query_response.values() if isinstance(value, list)), [])
    return [row for row in rows if isinstance(row, dict)]


def read_together(
    api: SyncApi,
    statements: Sequence[str],
    *,
    budget: Budget | None,
    batch_calls_needed: int,
    requestid: Callable[[], str],
    policy: RetryPolicy,
) -> list[Rows]:
    """The rows of each statement, in order; every statement is answered in full."""
    if not statements:
        return []
    if budget is None or len(statements) < 2:
        return _singles(api, statements)
    calls = _calls(len(statements), budget.batch_room() - batch_calls_needed)
    if calls is None:
        return _singles(api, statements)
    size = math.ceil(len(statements) / calls)
    chunks = [statements[start : start + size] for start in range(0, len(statements), size)]
    ids = [requestid() for _ in chunks]
    with ThreadPoolExecutor(min(QUERIES_AT_ONCE, len(chunks))) as pool:
        parts = list(pool.map(lambda chunk, rid: _batched(api, chunk, rid, policy), chunks, ids))
    answers = [rows for part in parts for rows in part]
    missing = [s for s, rows in zip(statements, answers, strict=True) if rows is None]
    again = iter(_singles(api, missing))
    return [rows if rows is not None else next(again) for rows in answers]


def _calls(statements: int, spare: int) -> int | None:
    """How many batch calls carry the reads (None: single queries), given the batch calls the
    writes leave this minute: a few reads to a call when they can be spared (5 answer sooner
    than 10), else as few calls as hold them, if that is worth it."""
    fewest = math.ceil(statements / MAX_BATCH_ITEMS)
    if spare >= fewest:
        return max(fewest, min(spare, math.ceil(statements / READS_PER_SPARE_CALL)))
    return fewest if _worth_it(statements, fewest) else None


def _worth_it(statements: int, calls: int) -> bool:
    """Whether batch calls cost the minute's budget about what single queries would, when the
    writes need every batch call: a call spent on reads carries 30 writes fewer, a query sent
    alone one request fewer; and the calls answer in one round trip where singles, ten a
    second, take seconds."""
    return calls * MAX_BATCH_ITEMS <= statements + MAX_BATCH_ITEMS // 2


def _batched(
    api: SyncApi, statements: Sequence[str], requestid: str, policy: RetryPolicy
) -> list[Rows | None]:
    """The rows of each statement from one batch call; None where it must be asked alone."""
    items = [BatchItem(bid=f"q{index}", query=_paged(s)) for index, s in enumerate(statements)]
    call = send_batch(api, items, requestid, policy)
    if call.result is None:
        return [None] * len(items)
    answers: list[Rows | None] = []
    for item in items:
        answer = call.result.items.get(item.bid)
        response = answer.query_response if answer is not None else None
        rows = _rows(response) if response is not None else None
        # A full page may have more behind it: that statement is asked again, paged.
        answers.append(rows if rows is not None and len(rows) < MAX_PAGE_SIZE else None)
    return answers


def _singles(api: SyncApi, statements: Sequence[str]) -> list[Rows]:
    if not statements:
        return []
    with ThreadPoolExecutor(min(QUERIES_AT_ONCE, len(statements))) as pool:
        return list(pool.map(lambda statement: api.query(statement).rows, statements))
