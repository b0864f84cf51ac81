"""Change Data Capture: what changed (or was deleted) since a time, per entity, oldest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.clock import parse_time
from qbconnector.sandbox.state import Record

LOOK_BACK = dt.timedelta(days=30)
MAX_PER_ENTITY = 1000
# Entities whose changes CDC reports here (QuickBooks reports almost all; these are modelled).
CDC_ENTITIES = (
    "Invoice",
    "Estimate",
    "Payment",
    "Customer",
    "Vendor",
    "Employee",
    "Item",
    "Attachable",
)


def parse_params(params: dict[str, str], now: dt.datetime) -> tuple[list[str], dt.datetime]:
    """The entities asked for and ``changedSince``; 400 faults for missing or bad values."""
    raw_entities = params.get("entities", "").strip()
    if not raw_entities:
        raise errors.required("entities")
    entities: list[str] = []
    for given in raw_entities.split(","):
        name = next((e for e in CDC_ENTITIES if e.lower() == given.strip().lower()), None)
        if name is None:
            raise errors.invalid_property("entities", f"{given.strip()!r} is not a CDC entity")
        if name not in entities:
            entities.append(name)
    raw_since = params.get("changedSince", "").strip()
    if not raw_since:
        raise errors.required("changedSince")
    try:
        since = parse_time(raw_since)
    except ValueError:
        raise errors.invalid_property("changedSince", f"{raw_since!r} is not a date-time") from None
    if since < now - LOOK_BACK:
        # Wording seen from QuickBooks (Wish-Org/QuickBooksSharp#19); the code is our pick.
        raise errors.validation(
            500,
            "Unsupported Operation",
            f"Operation cdc with changedSince date {raw_since} which is older than fixed days "
            f"is not supported.",
            "changedSince",
        )
    return entities, since


def changes(
    entity: str, records: list[Record], tombstones: list[Record], since: dt.datetime
) -> dict[str, Any]:
    """One entity's ``QueryResponse`` element: at most 1000 objects, oldest change first."""
    dated: list[tuple[dt.datetime, int, Record]] = []
    for record in [*records, *tombstones]:
        moment = parse_time(str(record["MetaData"]["LastUpdatedTime"]))
        if moment >= since:
            dated.append((moment, int(record["Id"]), record))
    dated.sort(key=lambda item: (item[0], item[1]))
    page = [record for _, _, record in dated[:MAX_PER_ENTITY]]
    if not page:
        return {}
    return {entity: page, "startPosition": 1, "maxResults": len(page)}
