"""A pull whose last read is beyond CDC's 30 days: what changed before is found by queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.cdc import CdcChange, CdcResult
from qbconnector.quickbooks.client import QuickBooksClient

__all__ = ["QUERIED", "too_old", "with_queries"]

# Customers are left out: their only change a pull acts on, a deletion, cannot be queried.
QUERIED = ("Invoice", "Estimate", "Payment")


def too_old(cursor: str) -> Text:
    return text(
        "The last pull read changes up to {cursor}, more than 30 days ago; QuickBooks keeps 30 "
        "days of changes, so the older ones were found by searching the invoices, estimates and "
        "payments changed since. A deletion older than 30 days cannot be found that way: such a "
        "document keeps its last state. Pull at least once a month (automatic sync does) to "
        "miss nothing.",
        cursor=cursor,
    )


def with_queries(client: QuickBooksClient, result: CdcResult, cursor: str) -> CdcResult:
    """``result`` (CDC's 30 days) completed with every object changed after ``cursor``, found by
    ``MetaData.LastUpdatedTime`` queries (paged); the newest version of each object wins."""
    newest = {(change.entity, change.entity_id): change for change in result.changes}
    tids = list(result.intuit_tids)
    for entity in QUERIED:
        found = client.changed_after(entity, cursor)
        tids.extend(found.intuit_tids)
        for change in found.changes:
            old = newest.get((entity, change.entity_id))
            if old is None or _moment(old.last_updated) < _moment(change.last_updated):
                newest[(entity, change.entity_id)] = change
    ordered = sorted(newest.values(), key=lambda change: _moment(change.last_updated))
    return CdcResult(_by_entity(ordered, [*QUERIED, "Customer"]), result.server_time, tuple(tids))


def _by_entity(changes: list[CdcChange], entities: Sequence[str]) -> tuple[CdcChange, ...]:
    rank = {name: index for index, name in enumerate(entities)}
    return tuple(sorted(changes, key=lambda change: rank.get(change.entity, len(rank))))


def _moment(stamp: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
