"""The scheduler's choices: full batches, customers first, singles while batch calls are spent."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from qbconnector.core.documents import DocumentKind
from qbconnector.storage.ledger_schema import Operation
from qbconnector.sync.jobs import Batch, CustomerCreate, Job
from qbconnector.sync.schedule import Scheduler, Work


@dataclass
class FakeBudget:
    """Waits and batch room as the test says."""

    batch_wait: float = 0.0
    single_wait: float = 0.0
    room: int = 40
    requests: int = 1

    def wait_for(self, *, batch: bool = False) -> float:
        return self.batch_wait if batch else self.single_wait

    def batch_room(self) -> int:
        return self.room

    def requests_room(self) -> int:
        return self.requests


def jobs(count: int, start: int = 0) -> list[Job]:
    return [Job(DocumentKind.INVOICE, f"INV-{n}", Operation.CREATE, {"DocNumber": f"INV-{n}"},
                f"h{n}") for n in range(start, start + count)]  # fmt: skip


def scheduler(budget: FakeBudget | None, singles: bool = True) -> Scheduler:
    ids = itertools.count()
    return Scheduler(budget, 30, lambda: f"r{next(ids)}", singles)


def test_full_batches_while_batch_calls_may_go() -> None:
    work = Work(jobs(65))
    chosen = scheduler(FakeBudget()).next_unit(work, idle=False)
    assert isinstance(chosen, Batch)
    assert (len(chosen.jobs), chosen.single) == (30, False)
    assert work.ready == 35


def test_customers_go_first_and_alone() -> None:
    work = Work(jobs(40), [CustomerCreate("C1", {"DisplayName": "C1"})], {"C1": jobs(5, 100)})
    chosen = scheduler(FakeBudget()).next_unit(work, idle=False)
    assert isinstance(chosen, Batch)
    assert [customer.code for customer in chosen.customers] == ["C1"]
    assert chosen.jobs == ()


def test_a_batch_that_is_not_full_waits_for_released_documents_unless_affordable() -> None:
    work = Work(jobs(10), waiting={"C1": jobs(5, 100)})
    assert scheduler(FakeBudget(room=1)).next_unit(work, idle=False) is None
    chosen = scheduler(FakeBudget(room=40)).next_unit(work, idle=False)
    assert isinstance(chosen, Batch)
    assert len(chosen.jobs) == 10


def test_the_last_documents_go_even_in_a_batch_that_is_not_full() -> None:
    work = Work(jobs(10))
    chosen = scheduler(FakeBudget(room=1)).next_unit(work, idle=False)
    assert isinstance(chosen, Batch)
    assert len(chosen.jobs) == 10


def test_the_last_documents_spread_over_the_requests_that_may_leave_now() -> None:
    work = Work(jobs(50))
    sizes = []
    budget = FakeBudget(requests=4)
    while work.ready:
        chosen = scheduler(budget).next_unit(work, idle=False)
        assert isinstance(chosen, Batch)
        sizes.append(len(chosen.jobs))
        budget.requests -= 1
    assert sizes == [13, 13, 12, 12]


def test_full_batches_while_more_documents_come_or_more_than_fit_now() -> None:
    waiting = Work(jobs(40), waiting={"C1": jobs(5, 100)})
    more = Work(jobs(130))
    for work in (waiting, more):
        chosen = scheduler(FakeBudget(requests=4)).next_unit(work, idle=False)
        assert isinstance(chosen, Batch)
        assert len(chosen.jobs) == 30


def test_singles_while_the_batch_calls_are_spent() -> None:
    work = Work(jobs(50))
    chosen = scheduler(FakeBudget(batch_wait=20.0)).next_unit(work, idle=False)
    assert isinstance(chosen, Batch)
    assert chosen.single
    assert chosen.bids == ("s",)
    assert work.ready == 49


def test_waits_for_whichever_budget_frees_first() -> None:
    work = Work(jobs(50))
    wait = scheduler(FakeBudget(batch_wait=20.0, single_wait=0.3)).next_unit(work, idle=False)
    assert wait == 0.3
    assert scheduler(FakeBudget(batch_wait=2.0), singles=False).next_unit(work, idle=False) == 2.0


def test_replays_go_as_they_were() -> None:
    replay = Batch.new("old", jobs(3))
    work = Work(jobs(40), units=[replay])
    assert scheduler(FakeBudget(batch_wait=9.0)).next_unit(work, idle=False) is replay


def test_without_a_budget_everything_goes_in_batches() -> None:
    work = Work(jobs(31))
    first = scheduler(None).next_unit(work, idle=False)
    second = scheduler(None).next_unit(work, idle=False)
    assert isinstance(first, Batch)
    assert isinstance(second, Batch)
    assert (len(first.jobs), len(second.jobs)) == (30, 1)
