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
    QB_STATE = 9
    QB_NUMBER = 10
    QB_TOTAL = 11
    LAST_SYNC = 12
    ERROR = 13


MONEY_COLUMNS = frozenset({Column.TAX, Column.TOTAL, Column.QB_TOTAL})


@dataclass(frozen=True)
class RowFilter:
    """What the list shows: every word of ``text`` in the number, client or project, and the
    FlowFit status and QuickBooks state when given (None: any)."""

    text: str = ""
    status: DocumentStatus | None = None
    state: QbState | None = None


def search_text(row: ListedDocument) -> str:
    return f"{row.number}\n{row.client}\n{row.project}".casefold()


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
Background = Callable[[Callable[[], Any], Callable[[Any], None]], object]


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


def make_listing(rows: list[ListedDocument], sort: SortState, row_filter: RowFilter) -> Listing:
    """Search texts, sort order and filtered order of ``rows`` (pure: for a worker thread)."""
    search = [search_text(row) for row in rows]
    ordered = sorted_indices(rows, sort)
    return Listing(rows, search, sort, row_filter, ordered,
                   filtered_indices(rows, search, ordered, row_filter))  # fmt: skip
