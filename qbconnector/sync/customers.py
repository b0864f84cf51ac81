"""Customers before documents: stored mapping, else DisplayName look-up, else create."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from qbconnector.core.documents import Client
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.batch import MAX_BATCH_ITEMS, BatchItem, BatchItemResult
from qbconnector.quickbooks.customers import customer_payload, display_name, name_taken_message
from qbconnector.quickbooks.errors import DuplicateNameError, QuickBooksError
from qbconnector.quickbooks.query import UnsearchableValueError, quote_literal, where_equals
from qbconnector.storage.ledger import CustomerLink, Ledger
from qbconnector.sync.jobs import CustomerCreate
from qbconnector.sync.sender import RetryPolicy, SyncApi, send_batch

ROUNDS = 3
NAMES_PER_QUERY = 40  # names in one IN (...) look-up: keeps the query's URL short
LOOKUPS_AT_ONCE = 4


def new_requestid() -> str:
    """A batch requestid (QuickBooks allows 36 characters for batches)."""
    return uuid.uuid4().hex


@dataclass
class CustomerOutcome:
    """Per FlowFit client code: the QuickBooks customer, or why there is none."""

    links: dict[str, CustomerLink] = field(default_factory=dict)
    errors: dict[str, Text] = field(default_factory=dict)


@dataclass(frozen=True)
class LookedUp:
    """Customers looked up ahead: those found by folded name, and every name searched."""

    rows: Mapping[str, dict[str, Any]]
    searched: frozenset[str]

    @classmethod
    def of(cls, clients: Sequence[Client], answers: Sequence[Sequence[dict[str, Any]]]) -> LookedUp:
        names = frozenset(folded_name(client) for client in clients)
        return cls(customers_by_name(clients, answers), names)


@dataclass(frozen=True)
class Wanted:
    """A client that needs a customer, and the currency it would be created in."""

    client: Client
    currency: str | None

    def create(self, code: str) -> CustomerCreate:
        return CustomerCreate(code, customer_payload(self.client, self.currency))


def inactive_message(name: str) -> Text:
    return text(
        "The QuickBooks customer '{name}' is inactive. Make it active again in QuickBooks "
        "(Sales > Customers, filter Inactive, Make active), then synchronize again.",
        name=name,
    )


def _chunks(items: Sequence[Any], size: int = MAX_BATCH_ITEMS) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _folded(name: object) -> str:
    # QuickBooks compares names ignoring case and surrounding blanks (6240 says so too).
    return str(name or "").strip().casefold()


def folded_name(client: Client) -> str:
    """The key QuickBooks compares a client's customer name by."""
    return _folded(display_name(client))


def _statements(names: Sequence[str]) -> list[str]:
    """Queries finding customers by these display names: IN (...) lists, and one query per
    name no literal can hold (searched with LIKE, rows filtered by the caller)."""
    listed: list[str] = []
    statements = []
    for name in names:
        try:
            listed.append(quote_literal(name))
        except UnsearchableValueError:
            condition = where_equals("DisplayName", name)
            statements.append(f"SELECT * FROM Customer WHERE {condition.text}")
    for chunk in _chunks(listed, NAMES_PER_QUERY):
        statements.append(f"SELECT * FROM Customer WHERE DisplayName IN ({', '.join(chunk)})")
    return statements


def lookup_statements(clients: Sequence[Client]) -> list[str]:
    """The queries finding the customers named like ``clients``."""
    names = {folded_name(client): display_name(client) for client in clients}
    return _statements(list(names.values()))


def customers_by_name(
    clients: Sequence[Client], answers: Sequence[Sequence[dict[str, Any]]]
) -> dict[str, dict[str, Any]]:
    """The rows answering :func:`lookup_statements` that carry one of the clients' names."""
    wanted = {folded_name(client) for client in clients}
    return {
        _folded(row.get("DisplayName")): row
        for answer in answers
        for row in answer
        if _folded(row.get("DisplayName")) in wanted
    }


class CustomerResolver:
    """Finds or creates the QuickBooks customer of each client, recording links in the ledger."""

    def __init__(
        self,
        api: SyncApi,
        ledger: Ledger,
        policy: RetryPolicy,
        *,
        requestids: Callable[[], str] = new_requestid,
    ) -> None:
        self.api = api
        self.ledger = ledger
        self.policy = policy
        self._requestids = requestids

    def resolve(self, wanted: Mapping[str, Wanted]) -> CustomerOutcome:
        """Links for every client code in ``wanted`` (or an error per code)."""
        outcome = CustomerOutcome()
        todo = self.known(wanted, outcome)
        refused: set[str] = set()  # codes whose create met 6240: never created again
        for round_number in range(ROUNDS):
            if not todo:
                break
            missing = self.find(todo, wanted, outcome)
            for code in [code for code in missing if code in refused]:
                outcome.errors[code] = name_taken_message(display_name(wanted[code].client))
            to_create = [code for code in missing if code not in refused]
            if round_number == ROUNDS - 1:
                for code in to_create:
                    outcome.errors[code] = text(
                        "QuickBooks did not confirm the customer was created; synchronize again."
                    )
                break
            todo = self._create(to_create, wanted, outcome, refused)
        return outcome

    def known(self, wanted: Mapping[str, Wanted], outcome: CustomerOutcome) -> list[str]:
        """Put the clients the ledger links in ``outcome``; return the other codes."""
        links = self.ledger.customers()
        todo = []
        for code in wanted:
            if code in links:
                outcome.links[code] = links[code]
            else:
                todo.append(code)
        return todo

    # -- look-up -------------------------------------------------------------------------------

    def find(
        self,
        codes: list[str],
        wanted: Mapping[str, Wanted],
        outcome: CustomerOutcome,
        ahead: LookedUp | None = None,
    ) -> list[str]:
        """Link the codes whose name exists; return those not found. ``ahead`` holds what
        was looked up already; the other names are looked up now.

        Raises the client's QuickBooksError when QuickBooks cannot be asked.
        """
        found = dict(ahead.rows) if ahead else {}
        searched = ahead.searched if ahead else frozenset()
        unknown = [wanted[code].client for code in codes
                   if folded_name(wanted[code].client) not in searched]  # fmt: skip
        found.update(self.look_up(unknown))
        missing = []
        for code in codes:
            row = found.get(folded_name(wanted[code].client))
            if row is None:
                missing.append(code)
            else:
                self.link(code, row, "found", outcome)
        return missing

    def look_up(self, clients: Sequence[Client]) -> dict[str, dict[str, Any]]:
        """The existing customers named like these clients, by folded name (a few queries at
        once). Reads only, so it may run beside other work on another thread."""
        statements = lookup_statements(clients)
        if not statements:
            return {}
        with ThreadPoolExecutor(min(LOOKUPS_AT_ONCE, len(statements))) as pool:
            answers = list(pool.map(lambda statement: self.api.query(statement).rows, statements))
        return customers_by_name(clients, answers)

    # -- creation ------------------------------------------------------------------------------

    def _create(
        self,
        codes: list[str],
        wanted: Mapping[str, Wanted],
        outcome: CustomerOutcome,
        refused: set[str],
    ) -> list[str]:
        """Create customers; return the codes to look up again (6240 or an unknown outcome)."""
        again: list[str] = []
        for chunk in _chunks(codes):
            items = [
                BatchItem(bid=f"c{index}", entity="Customer", operation="create",
                          body=wanted[code].create(code).body)
                for index, code in enumerate(chunk)
            ]  # fmt: skip
            answers = self._send(items)
            for index, code in enumerate(chunk):
                answer = answers.get(f"c{index}")
                if answer is not None and answer.ok and answer.entity is not None:
                    self.link(code, answer.entity, "created", outcome)
                elif answer is not None and isinstance(answer.error, DuplicateNameError):
                    refused.add(code)
                    again.append(code)
                elif answer is None or (
                    answer.error is not None and answer.error.outcome_uncertain
                ):
                    again.append(code)
                else:
                    outcome.errors[code] = describe(answer)
        return again

    # -- plumbing ------------------------------------------------------------------------------

    def _send(self, items: list[BatchItem]) -> dict[str, BatchItemResult]:
        call = send_batch(self.api, items, self._requestids(), self.policy)
        if call.error is not None:
            if call.error.outcome_uncertain:
                return {}  # every item unknown: looked up again
            raise call.error
        assert call.result is not None
        return call.result.items

    def link(self, code: str, row: dict[str, Any], how: str, outcome: CustomerOutcome) -> None:
        """Keep the customer ``row`` as client ``code``'s (an inactive one is an error)."""
        name = str(row.get("DisplayName", ""))
        if row.get("Active") is False:
            outcome.errors[code] = inactive_message(name)
            return
        currency = row.get("CurrencyRef")
        link = CustomerLink(
            code,
            name,
            str(row["Id"]),
            currency.get("value") if isinstance(currency, dict) else None,
        )
        self.ledger.link_customer(link, how=how)
        outcome.links[code] = link


def describe(answer: BatchItemResult | None) -> Text:
    if answer is None:
        return text("QuickBooks did not answer for this customer; synchronize again.")
    error: QuickBooksError | None = answer.error
    if error is None:
        return text("QuickBooks gave an unexpected answer for this customer; synchronize again.")
    return text("QuickBooks refused the customer: {error}", error=error)
