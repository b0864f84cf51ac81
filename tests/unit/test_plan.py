"""The planner: create / update / unchanged / blocked, and every pre-flight reason."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from qbconnector.core.documents import Client, Document, DocumentKind, DocumentStatus, Line
from qbconnector.core.settings import PostingMode
from qbconnector.core.template import parse_template
from qbconnector.core.variables import sample_document
from qbconnector.quickbooks.payloads import PayloadOptions, document_payload, payload_hash
from qbconnector.storage.ledger_schema import LedgerRow, Operation, RowState
from qbconnector.sync.plan import Action, Blocker, CompanyFacts, decide, plan

INVOICE = sample_document(DocumentKind.INVOICE)
QUOTE = sample_document(DocumentKind.QUOTE)
OPTIONS = PayloadOptions(
    templates={
        DocumentKind.INVOICE: parse_template("Invoice %DOCUMENT_NUMBER%"),
        DocumentKind.QUOTE: parse_template("Quote %DOCUMENT_NUMBER%"),
    },
    service_id="7",
    service_mapping={"REV": "9"},
)
FACTS = CompanyFacts(home_currency="CAD", multicurrency=False, items={"7": True, "9": True})


def row(document: Document, state: RowState, qbo_id: str | None, digest: str | None) -> LedgerRow:
    return LedgerRow(document.kind, document.number, state, Operation.CREATE, qbo_id, "0",
                     document.number, digest, None, "r", "b", 1, None, "t", "t", None)  # fmt: skip


def digest_of(document: Document, options: PayloadOptions = OPTIONS) -> str:
    return payload_hash(document_payload(document, options, None))


def blockers(document: Document, options: PayloadOptions = OPTIONS,
             facts: CompanyFacts = FACTS) -> set[Blocker]:  # fmt: skip
    return {reason.blocker for reason in decide(document, options, facts, None).reasons}


def test_new_document_is_created() -> None:
    assert decide(INVOICE, OPTIONS, FACTS, None).action is Action.CREATE


def test_synced_and_same_hash_is_unchanged() -> None:
    synced = row(INVOICE, RowState.SYNCED, "55", digest_of(INVOICE))
    assert decide(INVOICE, OPTIONS, FACTS, synced).action is Action.UNCHANGED


def test_synced_and_changed_is_updated() -> None:
    synced = row(INVOICE, RowState.SYNCED, "55", "old-hash")
    assert decide(INVOICE, OPTIONS, FACTS, synced).action is Action.UPDATE


def test_template_change_makes_synced_documents_updates() -> None:
    synced = row(INVOICE, RowState.SYNCED, "55", digest_of(INVOICE))
    other = dataclasses.replace(
        OPTIONS, templates={**OPTIONS.templates, DocumentKind.INVOICE: parse_template("X")}
    )
    assert decide(INVOICE, other, FACTS, synced).action is Action.UPDATE


def test_failed_create_is_created_again() -> None:
    failed = row(INVOICE, RowState.FAILED, None, digest_of(INVOICE))
    assert decide(INVOICE, OPTIONS, FACTS, failed).action is Action.CREATE


def test_failed_update_is_updated_again() -> None:
    failed = row(INVOICE, RowState.FAILED, "55", digest_of(INVOICE))
    assert decide(INVOICE, OPTIONS, FACTS, failed).action is Action.UPDATE


@pytest.mark.parametrize("status", [DocumentStatus.DRAFT, DocumentStatus.CANCELLED])
def test_drafts_and_cancelled_are_blocked(status: DocumentStatus) -> None:
    document = dataclasses.replace(INVOICE, status=status)
    assert blockers(document) == {Blocker.NOT_APPROVED}


def test_cancelled_after_sync_is_blocked_not_unchanged() -> None:
    document = dataclasses.replace(INVOICE, status=DocumentStatus.CANCELLED)
    synced = row(document, RowState.SYNCED, "55", digest_of(document))
    assert decide(document, OPTIONS, FACTS, synced).action is Action.BLOCKED


def test_no_lines_is_blocked() -> None:
    assert blockers(dataclasses.replace(INVOICE, lines=())) == {Blocker.NO_LINES}


def test_doc_number_over_21_characters_is_blocked() -> None:
    document = dataclasses.replace(INVOICE, number="X" * 22)
    assert blockers(document) == {Blocker.DOC_NUMBER_TOO_LONG}


def test_doc_number_of_21_characters_passes() -> None:
    assert blockers(dataclasses.replace(INVOICE, number="X" * 21)) == set()


def test_client_name_with_colon_is_blocked() -> None:
    document = dataclasses.replace(INVOICE, client=Client(code="A", name="Acme: Paris"))
    assert blockers(document) == {Blocker.CLIENT_NAME}


def test_no_service_selected_is_blocked() -> None:
    options = dataclasses.replace(OPTIONS, service_id="")
    assert blockers(INVOICE, options) == {Blocker.NO_SERVICE}


def test_inactive_service_is_blocked() -> None:
    facts = dataclasses.replace(FACTS, items={"7": False})
    assert blockers(INVOICE, OPTIONS, facts) == {Blocker.INACTIVE_SERVICE}


def test_itemized_checks_mapped_items_too() -> None:
    options = dataclasses.replace(OPTIONS, posting_mode=PostingMode.ITEMIZED)
    facts = dataclasses.replace(FACTS, items={"7": True})  # "9" (REV) unknown to QuickBooks
    assert blockers(INVOICE, options, facts) == {Blocker.INACTIVE_SERVICE}


def test_unknown_items_skip_the_live_check() -> None:
    assert blockers(INVOICE, OPTIONS, CompanyFacts()) == set()


def test_summary_description_over_4000_is_blocked() -> None:
    options = dataclasses.replace(
        OPTIONS, templates={**OPTIONS.templates, DocumentKind.INVOICE: parse_template("x" * 4001)}
    )
    assert blockers(INVOICE, options) == {Blocker.DESCRIPTION_TOO_LONG}


def test_itemized_memo_limit_is_1000() -> None:
    options = dataclasses.replace(
        OPTIONS,
        posting_mode=PostingMode.ITEMIZED,
        templates={**OPTIONS.templates, DocumentKind.INVOICE: parse_template("x" * 1001)},
    )
    assert blockers(INVOICE, options) == {Blocker.DESCRIPTION_TOO_LONG}


def test_itemized_long_line_description_is_blocked() -> None:
    options = dataclasses.replace(OPTIONS, posting_mode=PostingMode.ITEMIZED)
    line = Line("TRA", "d" * 4001, Decimal(1), Decimal(1))
    assert blockers(dataclasses.replace(INVOICE, lines=(line,)), options) == {
        Blocker.DESCRIPTION_TOO_LONG
    }


def test_foreign_currency_without_multicurrency_is_blocked() -> None:
    document = dataclasses.replace(INVOICE, currency="EUR")
    assert blockers(document) == {Blocker.CURRENCY}


def test_foreign_currency_with_multicurrency_passes() -> None:
    document = dataclasses.replace(INVOICE, currency="EUR")
    facts = dataclasses.replace(FACTS, multicurrency=True)
    assert blockers(document, OPTIONS, facts) == set()


def test_malformed_currency_is_blocked_even_offline() -> None:
    document = dataclasses.replace(INVOICE, currency="Euro")
    assert blockers(document, OPTIONS, CompanyFacts()) == {Blocker.CURRENCY}


def test_every_reason_is_listed_at_once() -> None:
    document = dataclasses.replace(
        INVOICE, status=DocumentStatus.DRAFT, lines=(), number="N" * 30, currency="EUR"
    )
    assert blockers(document) == {
        Blocker.NOT_APPROVED,
        Blocker.NO_LINES,
        Blocker.DOC_NUMBER_TOO_LONG,
        Blocker.CURRENCY,
    }


def test_blocked_message_reads_as_sentences() -> None:
    planned = decide(dataclasses.replace(INVOICE, lines=()), OPTIONS, FACTS, None)
    assert planned.blocked_message == "The invoice has no lines; QuickBooks needs at least one."


def test_plan_keeps_order_and_counts() -> None:
    synced = {QUOTE.key: row(QUOTE, RowState.SYNCED, "8", digest_of(QUOTE))}
    draft = dataclasses.replace(INVOICE, number="D1", status=DocumentStatus.DRAFT)
    result = plan([INVOICE, QUOTE, draft], OPTIONS, rows=synced, facts=FACTS)
    assert [item.action for item in result.items] == [
        Action.CREATE,
        Action.UNCHANGED,
        Action.BLOCKED,
    ]
    assert result.counts() == {
        Action.CREATE: 1,
        Action.UPDATE: 0,
        Action.UNCHANGED: 1,
        Action.BLOCKED: 1,
        Action.HELD: 0,
    }


def test_planned_payload_has_no_customer_yet() -> None:
    assert "CustomerRef" not in decide(INVOICE, OPTIONS, FACTS, None).payload
