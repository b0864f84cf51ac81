"""Keeping several batches in flight on worker threads; results are handled on the caller's."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from qbconnector.quickbooks.errors import ServerError
from qbconnector.sync.jobs import Batch
from qbconnector.sync.sender import BatchCall, RetryPolicy, SyncApi, send_batch

_log = logging.getLogger(__name__)


def _call_of(future: Future[BatchCall], batch: Batch) -> BatchCall:
    try:
        return future.result()
    except Exception as failure:  # noqa: BLE001 - a bug must not lose the ledger's bookkeeping
        _log.exception("batch %s failed unexpectedly", batch.requestid)
        # The request may have gone out: the items are reconciled like any uncertain outcome.
        error = ServerError(f"unexpected failure while sending ({type(failure).__name__})")
        return BatchCall(batch.requestid, error=error)


def dispatch(
    api: SyncApi,
    batches: Sequence[Batch],
    *,
    in_flight: int,
    policy: RetryPolicy,
    before_send: Callable[[Batch], None],
    after: Callable[[Batch, BatchCall], None],
    should_stop: Callable[[], bool],
) -> list[Batch]:
    """Send ``batches``, at most ``in_flight`` at once; returns the batches never sent.

    ``before_send`` runs (on this thread) right before a batch goes out: the ledger rows are
    written there. ``after`` runs on this thread for each answer. ``should_stop`` is asked
    before each new batch: once it says yes, batches in flight finish and no more start.
    """
    queue = deque(batches)
    with ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="qb-batch") as pool:
        running: dict[Future[BatchCall], Batch] = {}
        while queue or running:
            while queue and len(running) < in_flight and not should_stop():
                batch = queue.popleft()
                before_send(batch)
                future = pool.submit(send_batch, api, batch.items(), batch.requestid, policy)
                running[future] = batch
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                batch = running.pop(future)
                after(batch, _call_of(future, batch))
    return list(queue)
