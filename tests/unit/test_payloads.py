"""Invoice and Estimate payloads: summary and itemized lines, money, dates, notes, hashes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from qbconnector.core.documents import Client, Document, DocumentKind, Line
from qbconnector.core.settings import PostingMode, Settings
from qbconnector.core.template import parse_template
from qbconnector.core.variables import sample_document
from qbconnector.quickbooks.customers import customer_payload, display_name_problem
from qbconnector.quickbooks.payloads import (
    PayloadOptions,
    document_payload,
    money,
    payload_hash,
    update_payload,
    with_customer,
)

INVOICE = sample_document(DocumentKind.INVOICE)
QUOTE = sample_document(DocumentKind.QUOTE)


def options(mode: PostingMode = PostingMode.SUMMARY, **changes: object) -> PayloadOptions:
    base = PayloadOptions(
        templates={
            DocumentKind.INVOICE: parse_template("Invoice %DOCUMENT_NUMBER% for %CLIENT_CODE%"),
            DocumentKind.QUOTE: parse_template("Quote %DOCUMENT_NUMBER%"),
        },
        posting_mode=mode,
        service_id="7",
        service_name="Translation services",
        service_mapping={"REV": "9"},
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_summary_invoice_has_one_line_with_subtotal_and_rendered_description() -> None:
    payload = document_payload(INVOICE, options(), customer_id="42")
    assert payload["Line"] == [
        {
            "DetailType": "SalesItemLineDetail",
            "Amount": 1235.0,  # 4100 x 0.25 + 3 x 70.00
            "Description": "Invoice INV-1042 for ACME",
            "SalesItemLineDetail": {"ItemRef": {"value": "7", "name": "Translation services"}},
        }
    ]


def test_invoice_header_fields() -> None:
    payload = document_payload(INVOICE, options(), customer_id="42")
    assert {key: payload[key] for key in ("DocNumber", "TxnDate", "DueDate", "CustomerRef")} == {
        "DocNumber": "INV-1042",
        "TxnDate": "2025-03-14",
        "DueDate": "2025-04-13",
        "CustomerRef": {"value": "42"},
    }


def test_currency_ref_carries_the_iso_code() -> None:
    document = dataclasses.replace(INVOICE, currency="eur")
    assert document_payload(document, options(), "1")["CurrencyRef"] == {"value": "EUR"}


def test_private_note_names_the_flowfit_document() -> None:
    note = document_payload(QUOTE, options(), "1")["PrivateNote"]
    assert note == "FlowFit quote Q-0387 - client ACME"


def test_quote_gets_expiration_date_and_no_due_date() -> None:
    payload = document_payload(QUOTE, options(), "1")
    assert (payload["ExpirationDate"], "DueDate" in payload) == ("2025-05-13", False)


def test_unknown_dates_are_left_out_never_empty() -> None:
    document = dataclasses.replace(INVOICE, due_date=None)
    payload = document_payload(document, options(), "1")
    assert "DueDate" not in payload
    assert "" not in json.dumps(payload).split('"')[1::2]


def test_itemized_has_one_line_per_flowfit_line_and_memo() -> None:
    payload = document_payload(INVOICE, options(PostingMode.ITEMIZED), "1")
    assert payload["Line"] == [
        {
            "DetailType": "SalesItemLineDetail",
            "Amount": 1025.0,
            "Description": "Translation",
            "SalesItemLineDetail": {"ItemRef": {"value": "7"}, "Qty": 4100, "UnitPrice": 0.25},
        },
        {
            "DetailType": "SalesItemLineDetail",
            "Amount": 210.0,
            "Description": "Revision",
            "SalesItemLineDetail": {"ItemRef": {"value": "9"}, "Qty": 3, "UnitPrice": 70},
        },
    ]
    assert payload["CustomerMemo"] == {"value": "Invoice INV-1042 for ACME"}


def test_itemized_amount_rounds_half_up_to_cents() -> None:
    line = Line("TRA", "Words", Decimal("1234"), Decimal("0.0825"))  # 101.805
    document = dataclasses.replace(INVOICE, lines=(line,))
    payload = document_payload(document, options(PostingMode.ITEMIZED), "1")
    assert payload["Line"][0]["Amount"] == 101.81


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0.005", 0.01), ("2.675", 2.68), ("-1.005", -1.01), ("1000000.125", 1000000.13)],
)
def test_money_rounds_half_up(amount: str, expected: float) -> None:
    assert money(Decimal(amount)) == expected


def test_summary_subtotal_is_sum_of_rounded_lines() -> None:
    lines = (
        Line("A", "a", Decimal("1"), Decimal("0.005")),
        Line("B", "b", Decimal("1"), Decimal("0.005")),
    )
    document = dataclasses.replace(INVOICE, lines=lines)
    assert document_payload(document, options(), "1")["Line"][0]["Amount"] == 0.02


def test_hash_ignores_customer_ref_but_sees_content() -> None:
    first = payload_hash(document_payload(INVOICE, options(), "1"))
    other_customer = payload_hash(document_payload(INVOICE, options(), "2"))
    changed = dataclasses.replace(INVOICE, due_date=dt.date(2025, 5, 1))
    assert (
        first == other_customer,
        first == payload_hash(document_payload(changed, options(), "1")),
    ) == (
        True,
        False,
    )


def test_hash_changes_with_posting_mode() -> None:
    summary = payload_hash(document_payload(INVOICE, options(), None))
    itemized = payload_hash(document_payload(INVOICE, options(PostingMode.ITEMIZED), None))
    assert summary != itemized


def test_update_payload_is_sparse_without_currency() -> None:
    payload = with_customer(document_payload(INVOICE, options(), None), "5")
    body = update_payload(payload, "238", "3")
    assert (body["Id"], body["SyncToken"], body["sparse"], "CurrencyRef" in body) == (
        "238",
        "3",
        True,
        False,
    )


def test_payload_is_json_serializable() -> None:
    text = json.dumps(document_payload(INVOICE, options(PostingMode.ITEMIZED), "1"))
    assert '"UnitPrice": 0.25' in text


def test_options_from_settings_read_every_section() -> None:
    settings = Settings().with_section("sync", posting_mode=PostingMode.ITEMIZED)
    settings = settings.with_section("services", service_id="3", mapping={"TRA": "4"})
    built = PayloadOptions.from_settings(settings)
    assert (
        built.posting_mode,
        built.item_for(INVOICE.lines[0]),
        built.item_for(INVOICE.lines[1]),
    ) == (
        PostingMode.ITEMIZED,
        "4",
        "3",
    )


def test_options_from_settings_fall_back_on_a_broken_template() -> None:
    settings = Settings().with_section("invoices", description="Invoice %NOPE%")
    built = PayloadOptions.from_settings(settings)
    assert built.description(INVOICE).startswith("Invoice #INV-1042")


@pytest.mark.parametrize("name", ["Acme: Paris", "Tab\there", "Line\nbreak", "   "])
def test_display_name_problems(name: str) -> None:
    assert display_name_problem(Client(code="C1", name=name)) is not None


def test_plain_display_name_is_fine() -> None:
    assert display_name_problem(Client(code="C1", name="O'Brien & Fils")) is None


def test_customer_payload_sets_currency_only_when_asked() -> None:
    client = Client(code="C1", name="Acme", email="billing@acme.example")
    assert customer_payload(client, None) == {
        "DisplayName": "Acme",
        "CompanyName": "Acme",
        "PrimaryEmailAddr": {"Address": "billing@acme.example"},
        "Notes": "FlowFit client C1",
    }
    assert customer_payload(client, "cad")["CurrencyRef"] == {"value": "CAD"}


def test_document_with_extra_is_not_in_payload() -> None:
    document = Document(
        kind=DocumentKind.INVOICE,
        number="X1",
        status=INVOICE.status,
        date=INVOICE.date,
        currency="USD",
        client=INVOICE.client,
        project=INVOICE.project,
        lines=INVOICE.lines,
        extra={"anything": 1},
    )
    assert "anything" not in json.dumps(document_payload(document, options(), "1"))
