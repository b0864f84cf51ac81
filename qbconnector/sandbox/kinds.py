"""What every entity type offers the generic store: its fields and how to build a record."""

from __future__ import annotations

from typing import Protocol

from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.state import Record

# Fields the server owns on every entity: accepted in a request and ignored.
SERVER_FIELDS = frozenset({"Id", "SyncToken", "MetaData", "domain", "sparse", "status"})


class EntityKind(Protocol):
    """An entity type: the fields it takes and the rules that turn a request into a record."""

    name: str
    writable: frozenset[str]  # kept by a sparse update, nulled by a full update when omitted
    ignored: frozenset[str]  # read-only fields a client may echo back; dropped
    deletable: bool

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        """Validate ``body`` (writable fields only) and return the stored fields."""
        ...
