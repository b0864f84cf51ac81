"""One sync run, top to bottom: reconcile → plan → schedule → send → record, then follow-ups,
then the documents' PDFs (``pdf_step`` / ``attach``).

The modules below it know only those under them: ``plan`` (decisions), ``prepare`` (jobs and
their customers), ``schedule`` (which unit goes when), ``send`` (worker threads), ``record``
(the ledger and the results), ``followups`` (what stays unclear).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Sequence

from qbconnector.core.documents import Document
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.sync.attach import Attacher, Key, PdfOutcome
from qbconnector.sync.customers import CustomerResolver, LookedUp, lookup_statements
from qbconnector.sync.facts import facts_from_rows, facts_statements, remember_taxes
from qbconnector.sync.followups import follow_up, reconcile_unfinished
from qbconnector.sync.jobs import Batch
from qbconnector.sync.pdf_step import attach_documents
from qbconnector.sync.plan import Action, CompanyFacts, Plan
from qbconnector.sync.prepare import Addressing, report_plan
from qbconnector.sync.read_ahead import read_together
from qbconnector.sync.record import CustomerAnswer, apply_call
from qbconnector.sync.results import Callbacks, SyncReport
from qbconnector.sync.run_state import FollowUps, RunContext, RunState, RunStopError
from qbconnector.sync.schedule import Budget, Scheduler, Work, pump
from qbconnector.sync.send import Sender
from qbconnector.sync.sender import BatchCall

Planner = Callable[[Iterable[Document], CompanyFacts], Plan]


class SyncRun(RunState):
    """One run of the engine; ``execute`` never raises for QuickBooks trouble."""

    def __init__(
        self,
        context: RunContext,
        documents: Sequence[Document],
        callbacks: Callbacks,
        cancel: threading.Event | None,
        *,
        planner: Planner,
        refresh: Callable[[], object] | None = None,
        attacher: Attacher | None = None,
    ) -> None:
        super().__init__(context, documents, callbacks, cancel)
        self._planner = planner
        self._refresh = refresh
        self._attacher = attacher  # None: the API given cannot upload (not a real client)
        config = context.config
        self.resolver = CustomerResolver(context.api, context.ledger, config.retry,
                                         requestids=context.requestids)  # fmt: skip
        self.addressing = Addressing(self, self.resolver, multicurrency=False)
        budget: Budget | None = getattr(context.api, "limiter", None)
        self.scheduler = Scheduler(budget, config.batch_size, context.requestids, config.singles)

    def execute(self) -> SyncReport:
        try:
            facts, customers = self._read_ahead()
            self.addressing.multicurrency = facts.multicurrency is True
            reconcile_unfinished(self, self.send)
            settled: dict[Key, PdfOutcome] = {}
            if self._attacher is not None:  # unfinished uploads too, before anything is sent
                settled = self._attacher.reconcile()
            remember_taxes(self.ledger, facts)  # after the checks that may stop the run
            the_plan = self._planner(self.documents.values(), facts)
            if self._refresh is not None and the_plan.with_action(Action.UPDATE, Action.HELD):
                # An update must not overwrite what was edited or paid in QuickBooks since the
                # last pull: one change-data-capture read, then the plan again.
                self._refresh()
                the_plan = self._planner(self.documents.values(), facts)
            report_plan(self, the_plan)
            self.progress()
            if the_plan.to_send and not self.should_stop():
                self.send_rounds(self.addressing.first_round(the_plan, customers))
            if self._attacher is not None and not self.should_stop():
                attach_documents(self, self._attacher, settled)
        except RunStopError as stop:
            self.stop = stop
        except QuickBooksError as error:
            self.stop = RunStopError(str(error), error.exit_code)
        return self.close_out()

    def _read_ahead(self) -> tuple[CompanyFacts, LookedUp]:
        """The company's facts and the customers named like the clients the ledger does not
        link yet, read together: the first writes leave one round trip after the start."""
        linked = self.ledger.customers()
        clients = {doc.client.code: doc.client for doc in self.documents.values()}
        unknown = [client for code, client in clients.items() if code not in linked]
        item_ids = self.context.options.item_ids()
        facts_part = facts_statements(item_ids)
        statements = facts_part + lookup_statements(unknown)
        config = self.context.config
        # This run's batch calls: its documents', and about two of customers.
        needed = 2 + math.ceil(len(self.documents) / config.batch_size)
        answers = read_together(self.api, statements, budget=self.scheduler.budget,
                                batch_calls_needed=needed, requestid=self.context.requestids,
                                policy=config.retry)  # fmt: skip
        facts = facts_from_rows(item_ids, answers[: len(facts_part)])
        return facts, LookedUp.of(unknown, answers[len(facts_part) :])

    def send_rounds(self, work: Work) -> None:
        """Send, settle what is unclear, send again: at most ``rounds`` times."""
        rounds = self.context.config.rounds
        for round_number in range(rounds):
            if not (work.units or work.pending) or self.should_stop():
                break
            follow_ups = self.send(work)
            if follow_ups.customers and not self.should_stop():
                # Customers whose create went wrong are settled within the round.
                again = self.send(Work(self.addressing.resolve_later(follow_ups.customers)))
                follow_ups.check += again.check
                follow_ups.stale += again.stale
                follow_ups.update += again.update
            last = round_number == rounds - 1
            work = Work(follow_up(self, follow_ups, last_round=last))
        if self.stop is not None:
            raise self.stop

    def send(self, work: Work) -> FollowUps:
        """Send ``work`` (ledger rows first), record each answer; unsent jobs are reported."""
        follow_ups = FollowUps()
        config = self.context.config

        def before_send(unit: Batch) -> None:
            if not unit.replay:
                self.ledger.begin_attempts(unit.attempts())

        def after(unit: Batch, call: BatchCall) -> None:
            for answer in apply_call(self, unit, call, follow_ups):
                self._customer_answered(work, answer, follow_ups)
            self.progress()

        with Sender(self.api, config.retry, config.in_flight) as sender:
            unsent = pump(work, self.scheduler, sender, before_send=before_send, after=after,
                          should_stop=self.should_stop, sleep=self.cancel.wait)  # fmt: skip
        for job in unsent:
            self.not_sent(job)
        return follow_ups

    def _customer_answered(self, work: Work, answer: CustomerAnswer, follow_ups: FollowUps) -> None:
        jobs = work.detach(answer.code)
        if answer.entity is None:
            follow_ups.customers.setdefault(answer.code, []).extend(jobs)
            return
        with self.ledger.transaction():
            work.release(self.addressing.created(answer.code, answer.entity, jobs))
