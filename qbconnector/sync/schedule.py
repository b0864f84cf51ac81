"""Scheduling the writes: as few batch calls as possible, single requests while the batch
budget is spent, customers before the documents that need them.

Intuit counts a batch call as one request against 500 a minute and 10 a second, and allows 40
batch calls a minute: 30 operations ride in each. Once the minute's batch calls are spent the
other requests of the minute can still carry one document each, so the two budgets together
are one schedule: a full batch whenever a batch call may go, else a single request when one
may go, else wait for whichever comes first.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from qbconnector.sync.jobs import Batch, CustomerCreate, Job
from qbconnector.sync.send import Sender
from qbconnector.sync.sender import BatchCall

IDLE_WAIT = 0.05  # seconds to wait before asking the budget again when nothing is in flight


class Budget(Protocol):
    """The company's request budget (the client's rate limiter)."""

    def wait_for(self, *, batch: bool = False) -> float: ...

    def batch_room(self) -> int: ...

    def requests_room(self) -> int: ...


class Work:
    """What a round still has to send: earlier requests to replay as they were, customer
    creates, jobs ready to go, and jobs waiting for their client's new customer."""

    def __init__(
        self,
        jobs: Iterable[Job] = (),
        customers: Iterable[CustomerCreate] = (),
        waiting: Mapping[str, list[Job]] | None = None,
        units: Iterable[Batch] = (),
    ) -> None:
        self.units: deque[Batch] = deque(units)
        self.customers: deque[CustomerCreate] = deque(customers)
        self.jobs: deque[Job] = deque(jobs)
        self.waiting: dict[str, list[Job]] = {code: list(v) for code, v in (waiting or {}).items()}

    @property
    def ready(self) -> int:
        return len(self.customers) + len(self.jobs)

    @property
    def pending(self) -> int:
        return self.ready + sum(len(jobs) for jobs in self.waiting.values())

    def release(self, jobs: Iterable[Job]) -> None:
        """Jobs whose customer now exists."""
        self.jobs.extend(jobs)

    def detach(self, code: str) -> list[Job]:
        """The jobs waiting for client ``code``'s customer, no longer waiting here."""
        return self.waiting.pop(code, [])

    def take(self, size: int) -> tuple[list[CustomerCreate], list[Job]]:
        """Up to ``size`` operations: customer creates first and alone (their documents wait
        on them: a short batch answers sooner), then jobs."""
        if self.customers:
            return [self.customers.popleft() for _ in range(min(size, len(self.customers)))], []
        return [], [self.jobs.popleft() for _ in range(min(size, len(self.jobs)))]

    def leftovers(self) -> list[Job]:
        """Every job not sent (the run stopped); the work is empty afterwards. Replays not
        sent are left out: their rows stay unfinished for the next run to replay."""
        left = list(self.jobs) + [job for jobs in self.waiting.values() for job in jobs]
        self.units.clear()
        self.jobs.clear()
        self.waiting.clear()
        self.customers.clear()
        return left


class Scheduler:
    """Chooses the next unit to send: a batch, a single request, or a wait."""

    def __init__(
        self, budget: Budget | None, batch_size: int, requestids: Callable[[], str], singles: bool
    ) -> None:
        self.budget = budget
        self.batch_size = batch_size
        self.requestids = requestids
        self.singles = singles

    def next_unit(self, work: Work, *, idle: bool) -> Batch | float | None:
        """A unit to send now; else seconds to wait (None: until an answer comes back).

        ``idle`` says nothing is in flight, so nothing will come back: never wait for it.
        """
        if work.units:
            return work.units.popleft()
        if not work.ready:
            return None
        budget = self.budget
        if budget is None:
            return self._batch(work)
        batch_wait = budget.wait_for(batch=True)
        if batch_wait <= 0:
            full = len(work.customers) >= self.batch_size or len(work.jobs) >= self.batch_size
            # Customers go at once (documents wait on them); a batch that is not full waits
            # only for documents a customer in flight will release, unless it can be afforded.
            last = idle or not work.waiting
            if last or full or work.customers or self._affordable(work, budget):
                return self._batch(work, self._size(work, budget))
            return None
        if self.singles and work.jobs:
            single_wait = budget.wait_for(batch=False)
            if single_wait <= 0:
                return Batch.single_of(self.requestids(), work.jobs.popleft())
            return min(batch_wait, single_wait)
        return batch_wait

    def _affordable(self, work: Work, budget: Budget) -> bool:
        """Whether this minute's batch calls can spare one for a batch that is not full."""
        needed = math.ceil(work.pending / self.batch_size)
        return budget.batch_room() > needed

    def _size(self, work: Work, budget: Budget) -> int:
        """Full batches, except for the last documents: when all of them fit in the requests
        that may leave now, they are spread evenly over those (15 operations answer sooner
        than 30, and the requests would go unused)."""
        if work.customers or work.waiting:
            return self.batch_size
        slots = min(budget.requests_room(), budget.batch_room())
        if slots <= 1 or len(work.jobs) > slots * self.batch_size:
            return self.batch_size
        return math.ceil(len(work.jobs) / slots)

    def _batch(self, work: Work, size: int | None = None) -> Batch:
        customers, jobs = work.take(size or self.batch_size)
        return Batch.new(self.requestids(), jobs, customers)


def pump(
    work: Work,
    scheduler: Scheduler,
    sender: Sender,
    *,
    before_send: Callable[[Batch], None],
    after: Callable[[Batch, BatchCall], None],
    should_stop: Callable[[], bool],
    sleep: Callable[[float], object],
) -> list[Job]:
    """Send ``work`` until it is done or the run stops; returns the jobs never sent.

    ``before_send`` runs (on this thread) right before a unit goes out: the ledger rows are
    written there. ``after`` runs on this thread for each answer and may add ready jobs.
    """
    while True:
        wait: float | None = None
        while sender.has_room and not should_stop():
            decision = scheduler.next_unit(work, idle=not sender.running)
            if not isinstance(decision, Batch):
                wait = decision
                break
            before_send(decision)
            sender.submit(decision)
        if not sender.running:
            # Jobs can wait only on customers in flight: with nothing in flight, none waits.
            if should_stop() or not (work.units or work.ready):
                break
            sleep(wait if wait is not None else IDLE_WAIT)
            continue
        for unit, call in sender.answers(wait):
            after(unit, call)
    return work.leftovers()
