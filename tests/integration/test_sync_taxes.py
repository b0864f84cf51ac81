"""Taxes end to end against the sandbox: codes on every line, totals to the cent, penny cases."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import Document, DocumentKind, Line
from qbconnector.core.settings import PostingMode, Settings, TaxAmounts
from qbconnector.flowfit.samples import billed_tax
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.payloads import ENTITY_FOR_KIND
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.plan import Action, Blocker
from qbconnector.sync.results import Outcome
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import (
    in_home_currency,
    make_engine,
    sample,
    sandbox_client,
    settings_for,
)

CENT = Decimal("0.01")


@pytest.fixture
def server(sandbox_factory: SandboxFactory) -> SandboxServer:
    return sandbox_factory(time_scale=60)


def penny_invoice(number: str = "INV-PENNY") -> Document:
    """4,495.16 in two lines: QST rounded per line is 448.40, on the total 448.39."""
    base = sample(6, seed=2)[0]
    lines = (Line("Translation", "EN>FR", Decimal(1), Decimal("2247.58")),) * 2
    document = dataclasses.replace(base, kind=DocumentKind.INVOICE, number=number,
                                   currency="CAD", lines=lines, valid_until=None,
                                   tax=billed_tax("TPS-TVQ", lines))  # fmt: skip
    assert document.tax is not None
    assert [c.amount for c in document.tax.components] == [Decimal("224.76"), Decimal("448.40")]
    return document


def stored(server: SandboxServer, document: Document) -> dict[str, object]:
    entity = ENTITY_FOR_KIND[document.kind]
    (found,) = [row for row in server.entities(entity) if row["DocNumber"] == document.number]
    return found


def computed_on_total(document: Document) -> Decimal:
    """The tax QuickBooks computes by itself: per rate on the taxable subtotal."""
    assert document.tax is not None
    return sum(
        ((document.taxable_subtotal * c.rate / 100).quantize(CENT, ROUND_HALF_UP)
         for c in document.tax.components),
        Decimal(0),
    )  # fmt: skip


def with_amounts(settings: Settings, amounts: TaxAmounts) -> Settings:
    return dataclasses.replace(settings, taxes=dataclasses.replace(settings.taxes,
                                                                   amounts=amounts))  # fmt: skip


def test_the_penny_case_lands_equal_with_flowfits_amounts(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    document = penny_invoice()
    engine = make_engine(client, ledger, settings_for(server))
    report = engine.run([document])
    (result,) = report.results
    assert result.outcome is Outcome.CREATED
    invoice = stored(server, document)
    assert invoice["TotalAmt"] == document.total == Decimal("5168.32")
    assert invoice["Balance"] == Decimal("5168.32")
    assert invoice["TxnTaxDetail"]["TotalTax"] == Decimal("673.16")  # type: ignore[index]
    assert result.totals is not None
    assert not result.totals.differ
    assert report.as_json()["synced"][0]["qbo_total"] == "5168.32"
    assert ledger.totals_differ() == []


def test_the_penny_case_is_shown_when_quickbooks_computes(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    document = penny_invoice()
    settings = with_amounts(settings_for(server), TaxAmounts.QUICKBOOKS)
    report = make_engine(client, ledger, settings).run([document])
    (entry,) = report.as_json()["synced"]
    assert entry["qbo_total"] == "5168.31"
    assert entry["totals_differ"] == {
        "flowfit_total": "5168.32", "qbo_total": "5168.31", "flowfit_tax": "673.16",
        "qbo_tax": "673.15", "difference": "-0.01",
    }  # fmt: skip
    (row,) = ledger.totals_differ()
    assert row.number == document.number


@pytest.mark.parametrize("mode", list(PostingMode))
def test_a_mixed_set_syncs_with_a_tax_code_on_every_line_and_equal_totals(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger, mode: PostingMode
) -> None:
    documents = in_home_currency(sample(160, seed=21))
    kinds = {doc.tax.code if doc.tax else None for doc in documents}
    assert kinds == {"TPS-TVQ", "TVH-ON", "TPS-TVP-BC", None}
    assert any(not line.taxable for doc in documents for line in doc.lines)
    report = make_engine(client, ledger, settings_for(server, mode)).run(documents)
    assert report.counts()[Outcome.CREATED] == len(documents), report.as_json()["failed"]
    pennies = 0
    for document in documents:
        transaction = stored(server, document)
        lines = [line for line in transaction["Line"]  # type: ignore[attr-defined]
                 if line["DetailType"] == "SalesItemLineDetail"]  # fmt: skip
        assert all("TaxCodeRef" in line["SalesItemLineDetail"] for line in lines)
        assert transaction["TotalAmt"] == document.total, document.number
        if document.tax is not None and computed_on_total(document) != document.tax_amount:
            pennies += 1
    assert pennies > 0  # per-line rounding made FlowFit's tax differ, and FlowFit's stood
    assert ledger.totals_differ() == []


def test_an_unmapped_tax_is_blocked_before_anything_is_sent(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    settings = settings_for(server)
    unmapped = dataclasses.replace(settings.taxes, mapping={})
    settings = dataclasses.replace(settings, taxes=unmapped)
    engine = make_engine(client, ledger, settings)
    the_plan = engine.plan([penny_invoice()], engine.facts())
    (item,) = the_plan.items
    assert item.action is Action.BLOCKED
    assert [reason.blocker for reason in item.reasons] == [Blocker.TAX_UNMAPPED]
    report = engine.run([penny_invoice()])
    assert report.counts()[Outcome.BLOCKED] == 1
    assert server.entities("Invoice") == []


def test_an_inactive_mapped_code_is_blocked(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    settings = settings_for(server)
    server.set_tax_code_active("GST/QST QC - 9.975", False)
    report = make_engine(client, ledger, settings).run([penny_invoice()])
    (result,) = report.results
    assert result.outcome is Outcome.BLOCKED
    assert "inactive" in str(result.reasons[0])
    assert server.entities("Invoice") == []


def test_a_change_of_tax_is_an_update_and_quickbooks_follows(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    document = penny_invoice()
    engine = make_engine(client, ledger, settings_for(server))
    engine.run([document])
    ontario = dataclasses.replace(document, tax=billed_tax("TVH-ON", document.lines))
    report = engine.run([ontario])
    (result,) = report.results
    assert result.outcome is Outcome.UPDATED
    invoice = stored(server, ontario)
    assert invoice["TotalAmt"] == ontario.total == Decimal("5079.54")
    assert len(server.entities("Invoice")) == 1


def test_estimates_carry_taxes_too(
    server: SandboxServer, client: QuickBooksClient, ledger: Ledger
) -> None:
    quote = dataclasses.replace(penny_invoice("Q-PENNY"), kind=DocumentKind.QUOTE,
                                due_date=None)  # fmt: skip
    report = make_engine(client, ledger, settings_for(server)).run([quote])
    assert report.counts()[Outcome.CREATED] == 1
    assert stored(server, quote)["TotalAmt"] == Decimal("5168.32")


@pytest.mark.parametrize("amounts", list(TaxAmounts))
def test_a_us_company_with_automated_tax_keeps_flowfits_tax_when_asked(
    sandbox_factory: SandboxFactory, tmp_path: Path, amounts: TaxAmounts
) -> None:
    server = sandbox_factory(time_scale=60, seed=CompanySeed.united_states(Decimal("8.25")))
    built, _vault, _tokens = sandbox_client(server)
    lines = (Line("Translation", "EN>ES", Decimal(1), Decimal("1000")),
             Line("Courier", "Courier", Decimal(1), Decimal("40"), taxable=False))  # fmt: skip
    tax = billed_tax("TVH-ON", lines)  # 13 %, where QuickBooks would take 8.25 %
    document = dataclasses.replace(penny_invoice(), currency="USD", lines=lines, tax=tax)
    settings = with_amounts(settings_for(server), amounts)
    with Ledger.open(tmp_path / "us.sqlite3") as ledger:
        report = make_engine(built, ledger, settings).run([document])
    built.close()
    assert report.counts()[Outcome.CREATED] == 1
    invoice = stored(server, document)
    codes = [line["SalesItemLineDetail"]["TaxCodeRef"]["value"]
             for line in invoice["Line"] if line["DetailType"] == "SalesItemLineDetail"]  # type: ignore[attr-defined]  # fmt: skip
    assert codes == ["TAX", "NON"]
    if amounts is TaxAmounts.FLOWFIT:
        assert invoice["TotalAmt"] == Decimal("1170.00")  # FlowFit's 130.00 kept
    else:
        assert invoice["TotalAmt"] == Decimal("1122.50")  # QuickBooks' 8.25 % on 1,000
