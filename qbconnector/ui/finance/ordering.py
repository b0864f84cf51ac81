"""The Finance list's row order: columns, sort keys, filters, and the work done off the GUI
thread for a big list (search texts, sorted and filtered orders)."""

from __future__ import annotations

import datetime as dt
import enum
import heapq
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from qbconnector.core.documents import DocumentStatus
from qbconnector.storage.ledger_schema import PulledState
from qbconnector.sync.listing import ListedDocument, QbState
from qbconnector.ui.messages import error_text

SORTED_ORDER = [QbState.FAILED, QbState.UNCERTAIN, QbState.TOTALS_DIFFER, QbState.CHANGED,
                QbState.SYNCING, QbState.NOT_SYNCED, QbState.SYNCED]  # fmt: skip


class Column(enum.IntEnum):
    CHECK = 0
    NUMBER = 1
    DATE = 2
    CLIENT = 3
    PROJECT = 4
    TAX = 5
    TOTAL = 6
    CURRENCY = 7
    STATUS = 8
    QB_STATE = 9  # "Sync": what our pushes did
    PULLED = 10  # "In QuickBooks": what became of it there (paid, edited...), last pulled
    BALANCE = 11
    QB_NUMBER = 12
    QB_TOTAL = 13
    LAST_SYNC = 14
    ERROR = 15


MONEY_COLUMNS = frozenset({Column.TAX, Column.TOTAL, Column.QB_TOTAL, Column.BALANCE})
# Most urgent first when sorted by the pulled state; never pulled last.
PULLED_ORDER = [PulledState.DELETED, PulledState.EDITED, PulledState.OVERDUE,
                PulledState.PARTIALLY_PAID, PulledState.UNPAID, PulledState.PENDING,
                PulledState.ACCEPTED, PulledState.REJECTED, PulledState.CLOSED,
                PulledState.CONVERTED, PulledState.PAID]  # fmt: skip
_PULLED_RANK = {state: rank for rank, state in enumerate(PULLED_ORDER)}
# "Unpaid" is what is still owed: partly paid and overdue invoices owe too.
OWED = frozenset({PulledState.UNPAID, PulledState.PARTIALLY_PAID, PulledState.OVERDUE})


@dataclass(frozen=True)
class RowFilter:
    """What the list shows: every word of ``text`` in the number, client or project, and the
    FlowFit status, sync state and pulled state when given (None: any). ``pulled`` UNPAID
    also takes partly paid and overdue invoices; EDITED takes every row edited in QuickBooks."""

    text: str = ""
    status: DocumentStatus | None = None
    state: QbState | None = None
    pulled: PulledState | None = None


def pulled_matches(row: ListedDocument, wanted: PulledState) -> bool:
    """Whether ``row`` is what the "In QuickBooks" filter ``wanted`` asks for."""
    if wanted is PulledState.UNPAID:
        return row.qbo_state in OWED
    if wanted is PulledState.EDITED:
        return row.qbo_edited or row.qbo_state is PulledState.EDITED
    return row.qbo_state is wanted


def search_text(row: ListedDocument) -> str:
    return f"{row.number}\n{row.client}\n{row.project}".casefold()


def _pulled_rank(state: PulledState | None) -> int:
    return _PULLED_RANK[state] if state is not None else len(PULLED_ORDER)


SortKey = Callable[[ListedDocument], Any]
_NO_TIME = dt.datetime.min.replace(tzinfo=dt.UTC)
SORT_KEYS: dict[Column, SortKey] = {
    Column.NUMBER: lambda row: row.number.casefold(),
    Column.DATE: lambda row: row.date,
    Column.CLIENT: lambda row: row.client.casefold(),
    Column.PROJECT: lambda row: row.project.casefold(),
    Column.TAX: lambda row: row.tax,
    Column.TOTAL: lambda row: row.total,
    Column.QB_TOTAL: lambda row: row.qbo_total if row.qbo_total is not None else Decimal(-1),
    Column.CURRENCY: lambda row: row.currency,
    Column.STATUS: lambda row: row.status.value,
    Column.QB_STATE: lambda row: SORTED_ORDER.index(row.qb_state),
    Column.PULLED: lambda row: _pulled_rank(row.qbo_state),
    Column.BALANCE: lambda row: row.qbo_balance if row.qbo_balance is not None else Decimal(-1),
    Column.QB_NUMBER: lambda row: row.qb_number.casefold(),
    Column.LAST_SYNC: lambda row: row.last_sync or _NO_TIME,
    Column.ERROR: lambda row: error_text(row.error).casefold(),
}


COLUMN_COUNT = len(Column)
# Below this many rows a sort or a filter takes a few milliseconds: it is done at once. Above,
# it runs on a worker thread and the view keeps its order until the new one is ready.
BACKGROUND_ROWS = 20_000
SORT_RUN = 4096
SortState = tuple[Column, Qt.SortOrder] | None
Background = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Any], None]], object]


def sorted_indices(rows: list[ListedDocument], sort: SortState) -> list[int]:
    """Stored-row indices in ``sort``'s order (pure: runs on any thread).

    Sorted in runs of SORT_RUN rows merged in Python: one sorted() over 100,000 keys holds
    the interpreter lock for tens of milliseconds, and the window would wait that long.
    """
    count = len(rows)
    if sort is None:
        return list(range(count))
    column, order = sort
    key = SORT_KEYS[column]
    keys = [key(row) for row in rows]
    descending = order is Qt.SortOrder.DescendingOrder
    runs = [
        sorted(range(start, min(start + SORT_RUN, count)), key=keys.__getitem__,
               reverse=descending)
        for start in range(0, count, SORT_RUN)
    ]  # fmt: skip
    if len(runs) == 1:
        return runs[0]
    return list(heapq.merge(*runs, key=keys.__getitem__, reverse=descending))


def filtered_indices(
    rows: list[ListedDocument], search: list[str], indices: list[int], wanted: RowFilter
) -> list[int]:
    """The indices whose rows ``wanted`` accepts, in the same order (pure)."""
    chosen = indices
    for word in wanted.text.casefold().split():
        chosen = [stored for stored in chosen if word in search[stored]]
    if wanted.status is not None:
        chosen = [stored for stored in chosen if rows[stored].status is wanted.status]
    if wanted.state is not None:
        chosen = [stored for stored in chosen if rows[stored].qb_state is wanted.state]
    if wanted.pulled is not None:
        pulled = wanted.pulled
        chosen = [stored for stored in chosen if pulled_matches(rows[stored], pulled)]
    return chosen


@dataclass(frozen=True)
class Listing:
    """Rows with everything the model derives from them, made off the GUI thread."""

    rows: list[ListedDocument]
    search: list[str]
    sort: SortState
    row_filter: RowFilter
    sorted: list[int]
    order: list[int]
    where: dict[str, int]  # document number -> index in rows


def make_listing(rows: list[ListedDocument], sort: SortState, row_filter: RowFilter) -> Listing:
    """Search texts, sort order, filtered order and the number index of ``rows`` (pure: for a
    worker thread; indexing 100,000 numbers on the GUI thread took 35-50 ms)."""
    search = [search_text(row) for row in rows]
    ordered = sorted_indices(rows, sort)
    where = {row.number: index for index, row in enumerate(rows)}
    return Listing(rows, search, sort, row_filter, ordered,
                   filtered_indices(rows, search, ordered, row_filter), where)  # fmt: skip
