"""Sending units (batch calls or single requests) on worker threads, several in flight."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from qbconnector.quickbooks.errors import ServerError
from qbconnector.sync.jobs import Batch
from qbconnector.sync.sender import BatchCall, RetryPolicy, SyncApi, send_batch, send_single

_log = logging.getLogger(__name__)


def send_unit(api: SyncApi, unit: Batch, policy: RetryPolicy) -> BatchCall:
    """Send ``unit`` (from a worker thread); an uncertain answer is re-sent with its requestid."""
    if unit.single:
        (item,) = unit.items()
        return send_single(api, item, unit.requestid, policy)
    return send_batch(api, unit.items(), unit.requestid, policy)


class Sender:
    """A pool of ``in_flight`` worker threads; answers are collected on the caller's thread."""

    def __init__(self, api: SyncApi, policy: RetryPolicy, in_flight: int) -> None:
        self.api = api
        self.policy = policy
        self.in_flight = in_flight
        self._pool = ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="qb-send")
        self.running: dict[Future[BatchCall], Batch] = {}

    def __enter__(self) -> Sender:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True)

    @property
    def has_room(self) -> bool:
        return len(self.running) < self.in_flight

    def submit(self, unit: Batch) -> None:
        self.running[self._pool.submit(send_unit, self.api, unit, self.policy)] = unit

    def answers(self, timeout: float | None) -> Iterable[tuple[Batch, BatchCall]]:
        """The units answered within ``timeout`` seconds (None: until one is)."""
        done, _ = wait(self.running, timeout=timeout, return_when=FIRST_COMPLETED)
        for future in done:
            unit = self.running.pop(future)
            yield unit, _call_of(future, unit)


def _call_of(future: Future[BatchCall], unit: Batch) -> BatchCall:
    try:
        return future.result()
    except Exception as failure:  # noqa: BLE001 - a bug must not lose the ledger's bookkeeping
        _log.exception("request %s failed unexpectedly", unit.requestid)
        # The request may have gone out: the items are reconciled like any uncertain outcome.
        error = ServerError(f"unexpected failure while sending ({type(failure).__name__})")
        return BatchCall(unit.requestid, error=error)
