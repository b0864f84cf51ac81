"""Sending one batch from a worker thread; an uncertain answer is re-sent with its requestid."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from qbconnector.quickbooks.batch import BatchItem, BatchItemResult, BatchResult
from qbconnector.quickbooks.client import EntityResult, QueryResult
from qbconnector.quickbooks.errors import NetworkError, QuickBooksError, ValidationError

_T = TypeVar("_T")


class SyncApi(Protocol):
    """The part of the QuickBooks client the engine uses (QuickBooksClient provides it)."""

    def batch(self, items: Sequence[BatchItem], request_id: str) -> BatchResult: ...

    def create(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult: ...

    def sparse_update(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult: ...

    def query(self, select: str) -> QueryResult: ...

    def read(self, entity: str, entity_id: str) -> EntityResult: ...


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently an uncertain batch is re-sent with its requestid."""

    retries: int = 3
    first_wait: float = 1.0
    factor: float = 2.0

    def waits(self) -> list[float]:
        return [self.first_wait * self.factor**attempt for attempt in range(self.retries)]


@dataclass(frozen=True)
class BatchCall:
    """The answer to one batch, or the error that ended the attempts (never both)."""

    requestid: str
    result: BatchResult | None = None
    error: QuickBooksError | None = None
    tries: int = 1


def _worth_retrying(error: QuickBooksError) -> bool:
    # Uncertain outcomes (reset, timeout, 5xx) and certainly-unsent requests can both be sent
    # again safely with the same requestid; a refusal (4xx) cannot change by repeating it.
    return bool(error.outcome_uncertain) or isinstance(error, NetworkError)


def send_batch(
    api: SyncApi,
    items: Sequence[BatchItem],
    requestid: str,
    policy: RetryPolicy,
    sleep: Callable[[float], Any] = time.sleep,
) -> BatchCall:
    """Send ``items`` with ``requestid``; on an uncertain outcome send the very same again."""
    return _with_retries(lambda: api.batch(items, requestid), requestid, policy, sleep)


def send_single(
    api: SyncApi,
    item: BatchItem,
    requestid: str,
    policy: RetryPolicy,
    sleep: Callable[[float], Any] = time.sleep,
) -> BatchCall:
    """Send one create or sparse update as its own request, answered like a one-item batch:
    QuickBooks' refusal (400) is that item's error, anything else the call's."""
    assert item.entity is not None
    assert item.body is not None
    entity, body = item.entity, item.body
    write = api.sparse_update if item.operation == "update" else api.create

    def call() -> BatchResult:
        try:
            answer = write(entity, body, requestid)
        except ValidationError as refusal:
            result = BatchItemResult(item.bid, error=refusal)
            return BatchResult({item.bid: result}, (), refusal.intuit_tid, requestid)
        result = BatchItemResult(item.bid, entity_name=entity, entity=answer.entity)
        return BatchResult({item.bid: result}, (), answer.intuit_tid, requestid)

    return _with_retries(call, requestid, policy, sleep)


def _with_retries(
    call: Callable[[], BatchResult],
    requestid: str,
    policy: RetryPolicy,
    sleep: Callable[[float], Any],
) -> BatchCall:
    waits = policy.waits()
    tries = 0
    while True:
        tries += 1
        try:
            return BatchCall(requestid, call(), tries=tries)
        except QuickBooksError as error:
            if not _worth_retrying(error) or tries > len(waits):
                return BatchCall(requestid, error=error, tries=tries)
            sleep(waits[tries - 1])


class RetryingReads:
    """Wraps a client so that queries and reads are retried like batches (reads are harmless
    to repeat); batches pass through, :func:`send_batch` retries them with their requestid."""

    def __init__(
        self, api: SyncApi, policy: RetryPolicy, sleep: Callable[[float], Any] = time.sleep
    ) -> None:
        self.api = api
        self.policy = policy
        self._sleep = sleep

    @property
    def limiter(self) -> Any:
        """The wrapped client's rate limiter (None for an API without one)."""
        return getattr(self.api, "limiter", None)

    def batch(self, items: Sequence[BatchItem], request_id: str) -> BatchResult:
        return self.api.batch(items, request_id)

    def create(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult:
        return self.api.create(entity, body, request_id)

    def sparse_update(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult:
        return self.api.sparse_update(entity, body, request_id)

    def query(self, select: str) -> QueryResult:
        return self._retried(lambda: self.api.query(select))

    def read(self, entity: str, entity_id: str) -> EntityResult:
        return self._retried(lambda: self.api.read(entity, entity_id))

    def _retried(self, call: Callable[[], _T]) -> _T:
        for wait in self.policy.waits():
            try:
                return call()
            except QuickBooksError as error:
                if not _worth_retrying(error):
                    raise
            self._sleep(wait)
        return call()
