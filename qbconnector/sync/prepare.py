"""From plan to work: results for what is not sent, jobs addressed to their customers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from qbconnector.core.documents import Document
from qbconnector.core.texts import Text
from qbconnector.quickbooks.customers import currency_mismatch_message
from qbconnector.quickbooks.payloads import update_payload
from qbconnector.storage.ledger import CustomerLink
from qbconnector.storage.ledger_schema import Operation
from qbconnector.sync.customers import CustomerOutcome, CustomerResolver, LookedUp, Wanted
from qbconnector.sync.jobs import Job
from qbconnector.sync.plan import Action, Plan, PlannedDocument
from qbconnector.sync.record import failed
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.sync.run_state import RunState
from qbconnector.sync.schedule import Work


def report_plan(run: RunState, the_plan: Plan) -> None:
    """Blocked and unchanged documents get their result now; nothing is sent for them."""
    for item in the_plan.items:
        if item.action is Action.BLOCKED:
            reasons = tuple(reason.text for reason in item.reasons)
            run.finish(DocumentResult(item.document.kind, item.document.number, Outcome.BLOCKED,
                                      item.row.qbo_id if item.row else None,
                                      item.blocked_message, reasons))  # fmt: skip
        elif item.action is Action.HELD:
            run.finish(held_result(item))
        elif item.action is Action.UNCHANGED:
            earlier = run.reconciled.get(item.key)
            qbo_id = item.row.qbo_id if item.row else None
            outcome = earlier.outcome if earlier and earlier.outcome.synced else Outcome.UNCHANGED
            totals = item.row.totals if item.row else None
            run.finish(DocumentResult(item.document.kind, item.document.number, outcome, qbo_id,
                                      totals=totals))  # fmt: skip
    run.report.to_send = len(the_plan.to_send)


def held_result(item: PlannedDocument) -> DocumentResult:
    """The result of a held document: why, in a sentence, and the state the pull found."""
    row, sentence = item.row, item.hold_text
    return DocumentResult(item.document.kind, item.document.number, Outcome.HELD,
                          row.qbo_id if row else None, str(sentence) if sentence else None,
                          note=sentence, hold=item.hold,
                          qbo_state=row.qbo_state if row else None)  # fmt: skip


def job_for(item: PlannedDocument) -> Job:
    """The write of one planned document, not yet addressed to a customer."""
    document = item.document
    row = item.row
    total, tax = str(document.total), str(document.tax_amount)
    if item.action is Action.UPDATE and row is not None and row.qbo_id:
        body = update_payload(item.payload, row.qbo_id, row.sync_token or "0")
        return Job(document.kind, document.number, Operation.UPDATE, body, item.payload_hash,
                   row.qbo_id, flowfit_total=total, flowfit_tax=tax)  # fmt: skip
    return Job(document.kind, document.number, Operation.CREATE, dict(item.payload),
               item.payload_hash, flowfit_total=total, flowfit_tax=tax)  # fmt: skip


class Addressing:
    """Puts each job's customer on it, or fails it with the reason it has none."""

    def __init__(self, run: RunState, resolver: CustomerResolver, multicurrency: bool) -> None:
        self.run = run
        self.resolver = resolver
        self.multicurrency = multicurrency

    def wanted(self, documents: Iterable[Document]) -> dict[str, Wanted]:
        """The customer each client needs (in its first document's currency when the company
        works in several)."""
        wanted: dict[str, Wanted] = {}
        for document in documents:
            currency = document.currency.upper() if self.multicurrency else None
            wanted.setdefault(document.client.code, Wanted(document.client, currency))
        return wanted

    def first_round(self, the_plan: Plan, looked_up: LookedUp) -> Work:
        """Jobs of clients with a customer are ready; the others wait for their create."""
        to_send = the_plan.to_send
        wanted = self.wanted(item.document for item in to_send)
        outcome = CustomerOutcome()
        todo = self.resolver.known(wanted, outcome)
        with self.run.ledger.transaction():  # one commit for every customer found
            missing = self.resolver.find(todo, wanted, outcome, looked_up) if todo else []
        work = Work(customers=[wanted[code].create(code) for code in missing])
        for item in to_send:
            code = item.document.client.code
            job = job_for(item)
            if code in outcome.errors:
                failed(self.run, job, outcome.errors[code])
            elif code in outcome.links:
                work.release(self.address([job], outcome.links[code]))
            else:
                work.waiting.setdefault(code, []).append(job)
        return work

    def created(self, code: str, entity: dict[str, object], jobs: list[Job]) -> list[Job]:
        """Client ``code``'s customer was just created: its jobs, addressed to it."""
        outcome = CustomerOutcome()
        self.resolver.link(code, dict(entity), "created", outcome)
        return self._addressed(code, outcome, jobs)

    def resolve_later(self, waiting: Mapping[str, list[Job]]) -> list[Job]:
        """Clients whose create went wrong: looked up, created again if missing (6240 and
        unknown outcomes included); their jobs addressed, or failed with the reason."""
        documents = [self.run.documents[jobs[0].key] for jobs in waiting.values() if jobs]
        outcome = self.resolver.resolve(self.wanted(documents))
        ready: list[Job] = []
        for code, jobs in waiting.items():
            ready += self._addressed(code, outcome, jobs)
        return ready

    def _addressed(self, code: str, outcome: CustomerOutcome, jobs: list[Job]) -> list[Job]:
        if code in outcome.links:
            return self.address(jobs, outcome.links[code])
        for job in jobs:
            failed(self.run, job, outcome.errors[code])
        return []

    def address(self, jobs: Iterable[Job], link: CustomerLink) -> list[Job]:
        """The jobs addressed to ``link``'s customer; a document in another currency fails."""
        addressed = []
        for job in jobs:
            problem = self._currency_problem(self.run.documents[job.key], link)
            if problem is not None:
                failed(self.run, job, problem)
            else:
                addressed.append(job.with_customer(link.qbo_id))
        return addressed

    def _currency_problem(self, document: Document, link: CustomerLink) -> Text | None:
        wanted = document.currency.upper()
        currency = link.currency
        if self.multicurrency and currency and currency.upper() != wanted:
            return currency_mismatch_message(link.display_name, currency.upper(), wanted)
        return None
