"""Jobs (one document write each) and the batches that carry them, with their ledger attempts."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.quickbooks.batch import BatchItem
from qbconnector.quickbooks.payloads import ENTITY_FOR_KIND
from qbconnector.storage.ledger_schema import Attempt, LedgerRow, Operation
from qbconnector.storage.readsafe import damaged_rows, json_object

_BID = re.compile(r"^b(\d+)$")


def payload_text(payload: dict[str, Any]) -> str:
    """The exact JSON kept in the ledger; loading it gives back the same body, key order too."""
    return json.dumps(payload, ensure_ascii=False)


@dataclass(frozen=True)
class Job:
    """One create or sparse update of one document, with the exact body to send."""

    kind: DocumentKind
    number: str
    operation: Operation
    body: dict[str, Any]
    payload_hash: str
    qbo_id: str | None = None
    stale_retried: bool = False

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return (self.kind, self.number)

    @property
    def entity(self) -> str:
        return ENTITY_FOR_KIND[self.kind]

    def with_sync_token(self, sync_token: str) -> Job:
        """The same update with the SyncToken just re-read (after a stale-object refusal)."""
        return replace(self, body={**self.body, "SyncToken": sync_token}, stale_retried=True)

    @classmethod
    @damaged_rows("ledger.sqlite3")
    def from_row(cls, row: LedgerRow) -> Job:
        """The attempt a pending or uncertain row describes (its payload is kept for this)."""
        return cls(row.kind, row.number, row.operation, json_object(row.payload or "{}"),
                   row.payload_hash or "", row.qbo_id)  # fmt: skip


@dataclass(frozen=True)
class Batch:
    """Up to 30 jobs sent in one call under one requestid; ``bids[i]`` names ``jobs[i]``."""

    requestid: str
    jobs: tuple[Job, ...]
    bids: tuple[str, ...]
    replay: bool = False  # re-sending an earlier attempt: its ledger rows already exist

    @classmethod
    def new(cls, requestid: str, jobs: Sequence[Job]) -> Batch:
        return cls(requestid, tuple(jobs), tuple(f"b{index}" for index in range(len(jobs))))

    @classmethod
    def replay_of(cls, requestid: str, rows: Sequence[LedgerRow]) -> Batch:
        """The batch that ``rows`` were sent in, in its original order."""
        ordered = sorted(rows, key=lambda row: _bid_order(row.bid))
        jobs = tuple(Job.from_row(row) for row in ordered)
        return cls(requestid, jobs, tuple(str(row.bid) for row in ordered), replay=True)

    def items(self) -> list[BatchItem]:
        return [
            BatchItem(bid=bid, entity=job.entity, operation=job.operation.value, body=job.body)
            for bid, job in zip(self.bids, self.jobs, strict=True)
        ]

    def attempts(self) -> list[Attempt]:
        return [self._attempt(bid, job) for bid, job in zip(self.bids, self.jobs, strict=True)]

    def _attempt(self, bid: str, job: Job) -> Attempt:
        body = payload_text(job.body)
        return Attempt(
            job.kind, job.number, job.operation, body, job.payload_hash, self.requestid, bid
        )


def _bid_order(bid: str | None) -> tuple[int, str]:
    match = _BID.match(bid or "")
    return (int(match.group(1)), "") if match else (1 << 30, bid or "")


def replayable(rows_of_request: Sequence[LedgerRow]) -> bool:
    """Whether every row sent under one requestid is still unfinished and fully recorded, so
    the very same batch can be sent again."""
    return bool(rows_of_request) and all(
        row.state.unfinished and row.payload and row.bid for row in rows_of_request
    )
