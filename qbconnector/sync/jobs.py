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
# The bId of a document sent as a single request (its unit's requestid names the request).
SINGLE_BID = "s"


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
    # what FlowFit billed (decimal text), to compare with QuickBooks' answer
    flowfit_total: str | None = None
    flowfit_tax: str | None = None

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return (self.kind, self.number)

    @property
    def entity(self) -> str:
        return ENTITY_FOR_KIND[self.kind]

    def with_customer(self, customer_id: str) -> Job:
        """The same write addressed to the QuickBooks customer ``customer_id``."""
        return replace(self, body={**self.body, "CustomerRef": {"value": customer_id}})

    def with_sync_token(self, sync_token: str) -> Job:
        """The same update with the SyncToken just re-read (after a stale-object refusal)."""
        return replace(self, body={**self.body, "SyncToken": sync_token}, stale_retried=True)

    @classmethod
    @damaged_rows("ledger.sqlite3")
    def from_row(cls, row: LedgerRow) -> Job:
        """The attempt a pending or uncertain row describes (its payload is kept for this)."""
        return cls(row.kind, row.number, row.operation, json_object(row.payload or "{}"),
                   row.payload_hash or "", row.qbo_id, flowfit_total=row.flowfit_total,
                   flowfit_tax=row.flowfit_tax)  # fmt: skip


@dataclass(frozen=True)
class CustomerCreate:
    """A QuickBooks customer to create for the FlowFit client ``code`` (not in the ledger:
    QuickBooks' unique names make a repeated create fail with 6240, never duplicate)."""

    code: str
    body: dict[str, Any]


@dataclass(frozen=True)
class Batch:
    """What one request carries, under one requestid: up to 30 jobs and customer creates in a
    batch call, or one job (``single``) as a plain create or update. ``bids[i]`` names
    ``jobs[i]``; ``customer_bids[i]`` names ``customers[i]``."""

    requestid: str
    jobs: tuple[Job, ...]
    bids: tuple[str, ...]
    replay: bool = False  # re-sending an earlier attempt: its ledger rows already exist
    customers: tuple[CustomerCreate, ...] = ()
    customer_bids: tuple[str, ...] = ()
    single: bool = False

    @classmethod
    def new(
        cls, requestid: str, jobs: Sequence[Job], customers: Sequence[CustomerCreate] = ()
    ) -> Batch:
        return cls(requestid, tuple(jobs), tuple(f"b{index}" for index in range(len(jobs))),
                   customers=tuple(customers),
                   customer_bids=tuple(f"c{index}" for index in range(len(customers))))  # fmt: skip

    @classmethod
    def single_of(cls, requestid: str, job: Job) -> Batch:
        return cls(requestid, (job,), (SINGLE_BID,), single=True)

    @classmethod
    def replay_of(cls, requestid: str, rows: Sequence[LedgerRow]) -> Batch:
        """The batch (or single request) that ``rows`` were sent in, in its original order."""
        ordered = sorted(rows, key=lambda row: _bid_order(row.bid))
        jobs = tuple(Job.from_row(row) for row in ordered)
        single = len(ordered) == 1 and ordered[0].bid == SINGLE_BID
        return cls(requestid, jobs, tuple(str(row.bid) for row in ordered), replay=True,
                   single=single)  # fmt: skip

    @property
    def size(self) -> int:
        return len(self.jobs) + len(self.customers)

    def items(self) -> list[BatchItem]:
        documents = [
            BatchItem(bid=bid, entity=job.entity, operation=job.operation.value, body=job.body)
            for bid, job in zip(self.bids, self.jobs, strict=True)
        ]
        customers = [
            BatchItem(bid=bid, entity="Customer", operation="create", body=customer.body)
            for bid, customer in zip(self.customer_bids, self.customers, strict=True)
        ]
        return customers + documents

    def attempts(self) -> list[Attempt]:
        return [self._attempt(bid, job) for bid, job in zip(self.bids, self.jobs, strict=True)]

    def _attempt(self, bid: str, job: Job) -> Attempt:
        body = payload_text(job.body)
        return Attempt(
            job.kind, job.number, job.operation, body, job.payload_hash, self.requestid, bid,
            job.flowfit_total, job.flowfit_tax,
        )  # fmt: skip


def _bid_order(bid: str | None) -> tuple[int, str]:
    match = _BID.match(bid or "")
    return (int(match.group(1)), "") if match else (1 << 30, bid or "")


def replayable(rows_of_request: Sequence[LedgerRow]) -> bool:
    """Whether every row sent under one requestid is still unfinished and fully recorded, so
    the very same request can be sent again."""
    return bool(rows_of_request) and all(
        row.state.unfinished
        and row.payload
        and row.bid
        and (_BID.match(row.bid) or (row.bid == SINGLE_BID and len(rows_of_request) == 1))
        for row in rows_of_request
    )
