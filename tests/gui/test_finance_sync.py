"""Synchronize from the Finance page against the loopback sandbox (real HTTP, real SQLite)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.settings import Environment
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import REFRESH_TOKEN, open_vault
from qbconnector.sync.listing import QbState
from qbconnector.sync.remote import can_run_apart
from qbconnector.sync.results import DocumentResult
from qbconnector.ui.finance.model import Column
from qbconnector.ui.finance.page import FinancePage
from qbconnector.ui.main_window import MainWindow
from tests.gui.finance_support import (
    VENDOR_NAME,
    approved_invoices,
    blocked,
    check,
    connect_profile,
    fast_sessions,
    rejected,
    sandbox_settings,
    store_documents,
    wait_loaded,
)
from tests.sandbox_fixtures import SandboxFactory

RUN_TIMEOUT = 20_000


@pytest.fixture
def server(sandbox_factory: SandboxFactory) -> SandboxServer:
    return sandbox_factory(time_scale=60, seed=CompanySeed(vendors=[VENDOR_NAME]))


@pytest.fixture(params=["keyring", "file"])
def vault_kind(request: pytest.FixtureRequest) -> str:
    """With no usable keyring the profile keeps its secrets in a file, which a child process
    opens too: the window's sync then runs in its own process (the in-memory test keyring
    keeps it in this one)."""
    if request.param == "file":
        keyring.set_keyring(keyring.backends.fail.Keyring())  # the test keyring comes back after
    return str(request.param)


@pytest.fixture
def open_finance(
    profile: Profile,
    server: SandboxServer,
    window_factory: Callable[[], MainWindow],
    qtbot: QtBot,
    vault_kind: str,
) -> Callable[[list[Document]], FinancePage]:
    """A window on a profile connected to the sandbox and holding ``documents``, its sync
    in this process or in a child (``vault_kind``)."""

    def open_page(documents: list[Document], **engine: int) -> FinancePage:
        connect_profile(profile, server, sandbox_settings(server))
        store_documents(profile, documents)
        window = window_factory()
        window.show_page("finance")
        page = window.finance
        fast_sessions(page, **engine)
        wait_loaded(qtbot, page)
        assert can_run_apart(window.services.vault.store) is (vault_kind == "file")
        return page

    return open_page  # type: ignore[return-value]


def synchronize(qtbot: QtBot, page: FinancePage, numbers: list[str]) -> None:
    """Check ``numbers``, press Synchronize, and wait for the summary strip."""
    check(page, numbers)
    assert page.toolbar.sync_button.isEnabled()
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        page.toolbar.sync_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=RUN_TIMEOUT)


def state_of(page: FinancePage, number: str) -> QbState:
    found = page.models[DocumentKind.INVOICE].document(number)
    assert found is not None
    return found.qb_state


def test_synchronize_pushes_checked_invoices_with_live_rows_and_a_summary(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(9)
    page = open_finance(docs, batch_size=3, in_flight=1)
    server.set_faults(latency=300)  # each batch outlasts a repaint interval, even on a busy CPU
    chosen = [doc.number for doc in docs[:8]]
    seen: list[tuple[int, int]] = []  # rows synced and still syncing when each update came

    def on_rows(results: object) -> None:
        states = [state_of(page, number) for number in chosen]
        seen.append((states.count(QbState.SYNCED), states.count(QbState.SYNCING)))

    page.sync.rowsChanged.connect(on_rows)  # the controller lives in the GUI thread
    synchronize(qtbot, page, chosen)
    assert page.summary.headline.text() == "8 synced · 0 failed · 0 blocked"
    assert all(state_of(page, number) is QbState.SYNCED for number in chosen)
    assert state_of(page, docs[8].number) is QbState.NOT_SYNCED
    assert any(syncing > 0 for _synced, syncing in seen)  # rows changed while the run went on
    assert sorted(str(i["DocNumber"]) for i in server.entities("Invoice")) == sorted(chosen)
    row = page.model().view_row_of(chosen[0])
    assert page.model().index(row, Column.QB_NUMBER).data() == chosen[0]
    assert page.toolbar.sync_button.isVisible()
    assert not page.toolbar.progress.isVisible()


def test_rejected_and_blocked_documents(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    good, refused, draft = approved_invoices(3)
    page = open_finance([good, rejected(refused), blocked(draft)])
    numbers = [good.number, refused.number, draft.number]
    check(page, numbers)
    with qtbot.waitSignal(page.sync.preflightReady, timeout=RUN_TIMEOUT):
        page.toolbar.sync_button.click()
    assert page.preflight.isVisible()  # nothing sent yet: the user decides
    assert draft.number in page.preflight.details.text()
    assert "not approved" in page.preflight.details.text()
    assert server.entities("Invoice") == []
    assert page.proxy.index(page.model().view_row_of(draft.number), Column.ERROR).data()
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        page.preflight.proceed_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=RUN_TIMEOUT)
    assert page.summary.headline.text() == "1 synced · 1 failed · 1 blocked"
    assert "vendor or an employee" in page.summary.details.text()
    assert state_of(page, refused.number) is QbState.FAILED
    assert state_of(page, draft.number) is QbState.NOT_SYNCED
    assert page.summary.retry_button.isEnabled()
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        page.summary.retry_button.click()
    assert page.model().checked_numbers() == [refused.number]
    assert page.summary.headline.text() == "0 synced · 1 failed · 0 blocked"


def test_cancel_stops_between_batches(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(24)
    page = open_finance(docs, batch_size=2, in_flight=1)
    server.set_faults(latency=30)
    check(page, [doc.number for doc in docs])
    with qtbot.waitSignal(page.sync.rowsChanged, timeout=RUN_TIMEOUT):
        page.toolbar.sync_button.click()
    assert page.toolbar.cancel_button.isVisible()
    with qtbot.waitSignal(page.sync.runFinished, timeout=RUN_TIMEOUT):
        page.toolbar.cancel_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=RUN_TIMEOUT)
    headline = page.summary.headline.text()
    sent = len(server.entities("Invoice"))
    assert headline.startswith(f"Stopped after {sent} of 24.")
    assert 0 < sent < 24
    states = [state_of(page, doc.number) for doc in docs]
    assert (states.count(QbState.SYNCED), states.count(QbState.SYNCING)) == (sent, 0)


def test_expired_access_tokens_mid_run_are_refreshed(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(12)
    page = open_finance(docs, batch_size=2, in_flight=1)
    server.set_faults(expire=0.4, seed=5)  # 401s in the middle of the run
    synchronize(qtbot, page, [doc.number for doc in docs])
    assert page.summary.headline.text() == "12 synced · 0 failed · 0 blocked"
    assert server.summary()["fault_counts"]["expire"] > 0


def test_reconnect_required_sends_the_user_to_the_server_tab(
    open_finance: Callable[..., FinancePage],
    qtbot: QtBot,
    server: SandboxServer,
    profile: Profile,
) -> None:
    docs = approved_invoices(3)
    page = open_finance(docs)
    window = page.window()
    assert isinstance(window, MainWindow)
    server.revoke_token(open_vault(profile).store.get(REFRESH_TOKEN) or "")
    server.expire_access_token()
    check(page, [doc.number for doc in docs])
    with qtbot.waitSignal(page.reconnectRequired, timeout=RUN_TIMEOUT):
        page.toolbar.sync_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=RUN_TIMEOUT)
    assert window.current_page() == "parameters"
    assert window.parameters.tabs.currentWidget() is window.parameters.server
    assert "no longer accepts" in window.parameters.server.test_result.text()
    assert server.entities("Invoice") == []


def test_details_show_what_was_sent_history_and_the_web_address(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(2)
    page = open_finance(docs)
    synchronize(qtbot, page, [docs[0].number])
    opened: list[QUrl] = []
    page.open_url = lambda url: opened.append(url) or True
    index = page.proxy.index(page.model().view_row_of(docs[0].number), Column.NUMBER)
    page.table.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: page.details_dialog is not None, timeout=5000)
    dialog = page.details_dialog
    assert dialog is not None
    qbo_id = str(server.entities("Invoice")[0]["Id"])
    assert dialog.findChild(type(dialog.sent_title), "detailsQboId").text() == qbo_id
    assert f'"DocNumber": "{docs[0].number}"' in dialog.payload.toPlainText()
    assert dialog.sent_title.text() == "What was sent to QuickBooks:"
    tids = [dialog.history.item(r, 4).text() for r in range(dialog.history.rowCount())]
    assert any(tids)  # the intuit_tid of QuickBooks' answer
    assert not dialog.open_button.isEnabled()  # a custom environment has no web pages
    sandbox = page.settings.with_section("server", environment=Environment.SANDBOX)
    page.apply_settings(sandbox)
    page.show_details(docs[0].number)
    qtbot.waitUntil(lambda: page.details_dialog is not dialog, timeout=5000)
    assert page.details_dialog is not None
    page.details_dialog.open_button.click()
    assert [url.toString() for url in opened] == [
        f"https://sandbox.qbo.intuit.com/app/invoice?txnId={qbo_id}"
    ]


def test_automatic_sync_pushes_approved_invoices_and_updates_the_list(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(4)
    page = open_finance(docs)
    page.apply_settings(page.settings.with_section("invoices", auto_sync=True))
    assert page.auto_sync.timer.isActive()
    assert "on for invoices" in page.toolbar.auto_label.text()
    with qtbot.waitSignal(page.auto_sync.passFinished, timeout=RUN_TIMEOUT) as finished:
        assert page.auto_sync.run_now()
    assert not page.toolbar.sync_button.isEnabled() or not page.auto_sync.running
    report = finished.args[0].report
    assert isinstance(report.results[0], DocumentResult)
    assert all(state_of(page, doc.number) is QbState.SYNCED for doc in docs)
    assert "last run" in page.toolbar.auto_label.text()
    assert "4 pushed" in page.toolbar.auto_label.text()
    assert len(server.entities("Invoice")) == 4


def test_a_sync_process_that_dies_is_reported_and_the_next_run_finishes(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer, vault_kind: str
) -> None:
    if vault_kind != "file":
        pytest.skip("only a sync in its own process can die apart from the window")
    docs = approved_invoices(20)
    page = open_finance(docs, batch_size=2, in_flight=1)
    server.set_faults(latency=30)
    check(page, [doc.number for doc in docs])
    killed: list[int] = []

    def kill_the_child(results: object) -> None:
        for child in multiprocessing.active_children():
            if child.name == "qbconnector-sync" and child.pid and not killed:
                os.kill(child.pid, signal.SIGKILL)
                killed.append(child.pid)

    page.sync.rowsChanged.connect(kill_the_child)
    with qtbot.waitSignal(page.sync.runFailed, timeout=RUN_TIMEOUT):
        page.toolbar.sync_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=RUN_TIMEOUT)
    page.sync.rowsChanged.disconnect(kill_the_child)
    assert killed
    assert "stopped unexpectedly" in page.summary.headline.text() + page.summary.details.text()
    assert QbState.SYNCING not in {state_of(page, doc.number) for doc in docs}
    synchronize(qtbot, page, [doc.number for doc in docs])  # the rest goes, nothing twice
    assert sorted(str(i["DocNumber"]) for i in server.entities("Invoice")) == sorted(
        doc.number for doc in docs
    )
