"""The planner: what a sync would do with each document, with pre-flight checks, sending nothing."""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus
from qbconnector.core.settings import PostingMode
from qbconnector.core.template import FieldLimit
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.customers import display_name_problem
from qbconnector.quickbooks.payloads import (
    MAX_DOC_NUMBER,
    PayloadOptions,
    document_payload,
    payload_hash,
)
from qbconnector.storage.ledger_schema import LedgerRow, RowState
from qbconnector.sync.holds import Hold, hold_for, hold_text
from qbconnector.sync.pdf_checks import pdf_problems
from qbconnector.sync.tax_checks import tax_problems, total_problem

_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")


class Action(enum.StrEnum):
    """What the sync does with one document."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    BLOCKED = "blocked"
    HELD = "held"  # QuickBooks changed it since our push: sent only when the user says so


class Blocker(enum.StrEnum):
    """Why a document cannot be pushed; the GUI offers a fix per kind."""

    NO_SERVICE = "no-service"
    INACTIVE_SERVICE = "inactive-service"
    DOC_NUMBER_TOO_LONG = "doc-number-too-long"
    DESCRIPTION_TOO_LONG = "description-too-long"
    CLIENT_NAME = "client-name"
    NOT_APPROVED = "not-approved"
    NO_LINES = "no-lines"
    CURRENCY = "currency"
    TAX_UNMAPPED = "tax-unmapped"
    TAX_CODE_UNUSABLE = "tax-code-unusable"
    TAX_RATES_DIFFER = "tax-rates-differ"
    NO_UNTAXED_CODE = "no-untaxed-code"
    TOTAL_MISMATCH = "total-mismatch"
    PDF_UNREADABLE = "pdf-unreadable"  # the document's PDF is missing or cannot be read
    PDF_NOT_PDF = "pdf-not-pdf"
    PDF_TOO_BIG = "pdf-too-big"  # over QuickBooks' 100 MB per attachment
    PDF_CHANGED = "pdf-changed"  # not the file imported: import the document again


@dataclass(frozen=True)
class Reason:
    """One pre-flight problem, with a sentence that says what to fix."""

    blocker: Blocker
    text: Text

    @property
    def message(self) -> str:
        return str(self.text)


@dataclass(frozen=True)
class CompanyFacts:
    """What the QuickBooks company can take; None means "not known" and skips that check."""

    home_currency: str | None = None
    multicurrency: bool | None = None
    # QuickBooks Item Id -> usable (exists, active, a service); ids absent are unknown
    items: Mapping[str, bool] | None = None
    taxes: CompanyTaxes | None = None  # the tax regime and codes; None skips the tax checks


@dataclass(frozen=True)
class PlannedDocument:
    """One document's decision; ``payload`` has no CustomerRef yet (customers come first)."""

    document: Document
    action: Action
    payload: dict[str, Any]
    payload_hash: str
    row: LedgerRow | None = None
    reasons: tuple[Reason, ...] = ()
    hold: Hold | None = None  # held: why; create/update: the hold the user lifted, if any

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return self.document.key

    @property
    def hold_text(self) -> Text | None:
        """Held: what happened in QuickBooks and what the user can do."""
        if self.hold is None or self.row is None:
            return None
        return hold_text(self.hold, self.row)

    @property
    def blocked_message(self) -> str:
        return " ".join(reason.message for reason in self.reasons)


@dataclass(frozen=True)
class Plan:
    """Decisions for every document given, in the order given."""

    items: tuple[PlannedDocument, ...]
    facts: CompanyFacts = field(default_factory=CompanyFacts)

    def with_action(self, *actions: Action) -> list[PlannedDocument]:
        return [item for item in self.items if item.action in actions]

    @property
    def to_send(self) -> list[PlannedDocument]:
        return self.with_action(Action.CREATE, Action.UPDATE)

    def counts(self) -> dict[Action, int]:
        tally = Counter(item.action for item in self.items)
        return {action: tally.get(action, 0) for action in Action}


def _service_reasons(
    document: Document, options: PayloadOptions, facts: CompanyFacts
) -> list[Reason]:
    if not options.service_id:
        return [Reason(Blocker.NO_SERVICE, text("No QuickBooks service is selected: choose one "
                       "in Parameters > Quickbooks services."))]  # fmt: skip
    used = {options.service_id}
    if options.posting_mode is PostingMode.ITEMIZED:
        used |= {options.item_for(line) for line in document.lines}
    if facts.items is None:
        return []
    unusable = sorted(item for item in used if not facts.items.get(item, False))
    if not unusable:
        return []
    return [Reason(Blocker.INACTIVE_SERVICE, text("The QuickBooks service {items} is inactive, "
                   "deleted or not a service: choose another one in Parameters > Quickbooks "
                   "services.", items=", ".join(unusable)))]  # fmt: skip


def _description_reasons(document: Document, options: PayloadOptions) -> list[Reason]:
    reasons: list[Reason] = []
    rendered = options.description(document)
    limit = options.description_limit()
    if len(rendered) > limit:
        reasons.append(
            Reason(
                Blocker.DESCRIPTION_TOO_LONG,
                text(
                    "The description is {length} "
                    "characters long; QuickBooks accepts at most {limit}. Shorten the "
                    "naming convention.",
                    length=len(rendered),
                    limit=limit,
                ),
            )
        )
    if options.posting_mode is PostingMode.ITEMIZED:
        for index, line in enumerate(document.lines, start=1):
            if len(line.description) > FieldLimit.LINE_DESCRIPTION:
                reasons.append(
                    Reason(
                        Blocker.DESCRIPTION_TOO_LONG,
                        text(
                            "Line {line}'s description is {length} characters long; QuickBooks "
                            "accepts at most {limit}. Shorten it in FlowFit.",
                            line=index,
                            length=len(line.description),
                            limit=int(FieldLimit.LINE_DESCRIPTION),
                        ),
                    )
                )
    return reasons


def _currency_reasons(document: Document, facts: CompanyFacts) -> list[Reason]:
    currency = document.currency.upper()
    if not _ISO_CURRENCY.match(currency):
        return [Reason(Blocker.CURRENCY, text("'{currency}' is not an ISO currency code (such "
                       "as CAD or USD). Correct it in FlowFit.",
                       currency=document.currency))]  # fmt: skip
    home = (facts.home_currency or "").upper()
    if facts.multicurrency is False and home and currency != home:
        return [Reason(Blocker.CURRENCY, text("The QuickBooks company works only in {home} and "
                       "this document is in {currency}. Turn on multicurrency in QuickBooks "
                       "(Account and settings > Advanced > Currency), or issue the document in "
                       "{home}.", home=home, currency=currency))]  # fmt: skip
    return []


def preflight(document: Document, options: PayloadOptions, facts: CompanyFacts) -> list[Reason]:
    """Every reason this document cannot be pushed (empty when it can)."""
    reasons: list[Reason] = []
    if document.status is not DocumentStatus.APPROVED:
        status = document.status.value
        reasons.append(Reason(Blocker.NOT_APPROVED, (
            text("The invoice is {status}, not approved; only approved documents are pushed.",
                 status=status)
            if document.kind is DocumentKind.INVOICE
            else text("The quote is {status}, not approved; only approved documents are pushed.",
                      status=status)
        )))  # fmt: skip
    if not document.lines:
        reasons.append(Reason(Blocker.NO_LINES, (
            text("The invoice has no lines; QuickBooks needs at least one.")
            if document.kind is DocumentKind.INVOICE
            else text("The quote has no lines; QuickBooks needs at least one.")
        )))  # fmt: skip
    if len(document.number) > MAX_DOC_NUMBER:
        reasons.append(Reason(Blocker.DOC_NUMBER_TOO_LONG, text("The number '{number}' has "
                              "{length} characters; QuickBooks accepts at most {limit}.",
                              number=document.number, length=len(document.number),
                              limit=MAX_DOC_NUMBER)))  # fmt: skip
    name_problem = display_name_problem(document.client)
    if name_problem:
        reasons.append(Reason(Blocker.CLIENT_NAME, name_problem))
    reasons += _service_reasons(document, options, facts)
    reasons += _description_reasons(document, options)
    reasons += _currency_reasons(document, facts)
    stated = total_problem(document)
    if stated is not None:
        reasons.append(Reason(Blocker.TOTAL_MISMATCH, stated))
    reasons += [Reason(Blocker(name), sentence) for name, sentence in
                tax_problems(document, options.taxes)]  # fmt: skip
    reasons += [Reason(Blocker(name), sentence) for name, sentence in pdf_problems(document)]
    return reasons


def decide(
    document: Document,
    options: PayloadOptions,
    facts: CompanyFacts,
    row: LedgerRow | None,
    *,
    overwrite: bool = False,
) -> PlannedDocument:
    """The plan for one document, given its ledger row; ``overwrite`` lifts its hold."""
    payload = document_payload(document, options, customer_id=None)
    digest = payload_hash(payload)
    unchanged = row is not None and row.state is RowState.SYNCED and row.payload_hash == digest
    reasons = tuple(preflight(document, options, facts))
    hold = hold_for(row)
    recreate = overwrite and hold is Hold.DELETED
    if unchanged and document.status is DocumentStatus.APPROVED and not recreate:
        action = Action.UNCHANGED  # nothing would be sent, so nothing can be refused or held
    elif reasons:
        action = Action.BLOCKED
    elif hold is not None and not overwrite:
        action = Action.HELD
    elif row is not None and row.qbo_id and not recreate:
        action = Action.UPDATE
    else:
        action = Action.CREATE  # new, or pushed anyway after QuickBooks deleted it
    kept = hold if action in (Action.HELD, Action.CREATE, Action.UPDATE) else None
    return PlannedDocument(document, action, payload, digest, row, reasons, kept)


def plan(
    documents: Iterable[Document],
    options: PayloadOptions,
    *,
    rows: Mapping[tuple[DocumentKind, str], LedgerRow] | None = None,
    facts: CompanyFacts | None = None,
    overwrite: Collection[tuple[DocumentKind, str]] = (),
) -> Plan:
    """Decide create / update / unchanged / blocked / held for each document; sends nothing.

    ``overwrite`` names the documents whose hold the user lifted (push anyway)."""
    known = facts or CompanyFacts()
    ledger_rows = rows or {}
    lifted = frozenset(overwrite)
    decided = tuple(
        decide(document, options, known, ledger_rows.get(document.key),
               overwrite=document.key in lifted)
        for document in documents
    )  # fmt: skip
    return Plan(decided, known)
