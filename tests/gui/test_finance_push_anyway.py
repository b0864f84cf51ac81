"""Held updates in the Finance view: a document paid in QuickBooks and changed in FlowFit is
held by Synchronize, and pushed over only once the user says "Push anyway"."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.ui.finance.page import FinancePage
from tests.gui.finance_support import store_documents, wait_loaded
from tests.gui.test_finance_pull import open_invoices, open_page, push, server

__all__ = ["open_page", "server"]  # fixtures shared with the pull tests

RUN_TIMEOUT = 30_000


def due_date_in_quickbooks(server: SandboxServer, qbo_id: str) -> str:
    return next(str(i["DueDate"]) for i in server.entities("Invoice") if i["Id"] == qbo_id)


def synchronize(qtbot: QtBot, page: FinancePage, numbers: list[str]) -> None:
    page.models[DocumentKind.INVOICE].set_checked_numbers(numbers)
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        assert page.run.synchronize()
    qtbot.waitUntil(lambda: not page.sync.is_busy())  # its thread ends just after


def test_a_paid_invoice_changed_in_flowfit_is_held_until_pushed_anyway(
    profile: Profile, server: SandboxServer, open_page: Callable[[], FinancePage], qtbot: QtBot
) -> None:
    invoices = open_invoices(2)
    ids = push(profile, server, invoices)
    paid, other = invoices
    server.record_payment(ids[paid.number], paid.total)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    moved = [dataclasses.replace(doc, due_date=doc.due_date + dt.timedelta(days=7),
                                 updated_at=later) for doc in invoices]  # fmt: skip
    store_documents(profile, moved)
    page = open_page()  # its pull at start finds the payment
    before = due_date_in_quickbooks(server, ids[paid.number])

    synchronize(qtbot, page, [paid.number, other.number])
    assert [result.number for result in page.summary.held] == [paid.number]
    assert "held" in page.summary.headline.text()
    assert page.summary.push_anyway_button.isVisibleTo(page)
    assert due_date_in_quickbooks(server, ids[paid.number]) == before  # not overwritten
    assert due_date_in_quickbooks(server, ids[other.number]) == str(moved[1].due_date)

    asked: list[list[str]] = []
    page.run.confirm_push_anyway = lambda numbers: bool(asked.append(numbers))  # type: ignore[method-assign]
    page.summary.push_anyway_button.click()  # the user says no: nothing is sent
    assert asked == [[paid.number]]
    assert not page.sync.is_busy()

    page.run.confirm_push_anyway = lambda numbers: True  # type: ignore[method-assign]
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        page.summary.push_anyway_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy())
    assert page.summary.held == []
    assert due_date_in_quickbooks(server, ids[paid.number]) == str(moved[0].due_date)
    wait_loaded(qtbot, page)
    assert Decimal(str(next(i for i in server.entities("Invoice")
                            if i["Id"] == ids[paid.number])["Balance"])) == 0  # fmt: skip
