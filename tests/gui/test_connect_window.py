"""Connect, disconnect and reconnect from the Quickbooks server tab; the first-run welcome."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from qbconnector.app import build_window, create_application
from qbconnector.sandbox.consent import OTHER_REALM
from qbconnector.sandbox.server import SandboxServer
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import ACCESS_TOKEN, REFRESH_TOKEN, open_vault
from qbconnector.ui.main_window import MainWindow
from qbconnector.ui.parameters.connect_flow import ConnectFlow
from tests.connect_support import free_redirect_uri, prepare_profile
from tests.consent_browser import consent, follow
from tests.gui.finance_support import (
    approved_invoices,
    check,
    fast_sessions,
    sandbox_settings,
    store_documents,
    wait_loaded,
)

TIMEOUT = 30_000


def recording_browser(flow: ConnectFlow, play: Callable[[str], None] | None = None) -> list[str]:
    """The URLs the window opened; ``play`` runs on each in a thread, as a browser would."""
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        if play is not None:
            threading.Thread(target=play, args=(url.toString(),), daemon=True).start()
        return True

    flow.open_url = open_url
    return opened


def press_connect(qtbot: QtBot, window: MainWindow, opened: list[str]) -> None:
    window.parameters.server.connect_panel.connect_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)


def paste(qtbot: QtBot, window: MainWindow, url: str) -> None:
    panel = window.parameters.server.connect_panel
    qtbot.waitUntil(panel.paste_box.isVisible, timeout=TIMEOUT)
    panel.paste.setText(url)
    panel.use_button.click()


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    flow = window.parameters.connect_flow
    qtbot.waitUntil(lambda: flow.attempt is None and not window.runner.is_busy(), timeout=TIMEOUT)


def status(window: MainWindow) -> tuple[str, str]:
    label = window.parameters.server.connect_panel.status
    return label.text(), str(label.property("role"))


def test_connect_through_the_loopback_listener(
    window_factory: Callable[[], MainWindow], qtbot: QtBot, profile: Profile, sandbox: SandboxServer
) -> None:
    prepare_profile(profile, open_vault(profile).store, sandbox, redirect_uri=free_redirect_uri())
    window = window_factory()
    assert not window.parameters.server.connect_panel.disconnect_button.isVisible()
    opened = recording_browser(
        window.parameters.connect_flow, lambda url: follow(consent(url)) and None
    )

    press_connect(qtbot, window, opened)
    qtbot.waitUntil(lambda: "Connected to" in status(window)[0], timeout=TIMEOUT)
    wait_idle(qtbot, window)

    company = sandbox.company.state.company_name
    assert status(window) == (
        f"Connected to {company} (realm ID {sandbox.realm_id}, custom addresses).",
        "success",
    )
    assert company in window.banner.text()
    assert window.parameters.settings.server.realm_id == sandbox.realm_id
    assert window.parameters.server.connect_panel.disconnect_button.isVisible()
    assert open_vault(profile).store.get(REFRESH_TOKEN)


def test_connect_by_pasted_url_and_its_refusals(
    window_factory: Callable[[], MainWindow], qtbot: QtBot, profile: Profile, sandbox: SandboxServer
) -> None:
    prepare_profile(profile, open_vault(profile).store, sandbox)
    window = window_factory()
    opened = recording_browser(window.parameters.connect_flow)

    press_connect(qtbot, window, opened)
    paste(qtbot, window, "https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl")
    assert "no authorization code" in status(window)[0]  # pasted again below
    paste(qtbot, window, consent(opened[-1]).replace("state=", "state=x"))
    wait_idle(qtbot, window)
    assert "state differs" in status(window)[0]
    press_connect(qtbot, window, opened)
    paste(qtbot, window, consent(opened[-1], decision="deny"))
    wait_idle(qtbot, window)
    assert "declined" in status(window)[0]
    assert open_vault(profile).store.get(REFRESH_TOKEN) is None

    opened.clear()
    press_connect(qtbot, window, opened)
    paste(qtbot, window, consent(opened[-1]))
    wait_idle(qtbot, window)
    assert status(window)[1] == "success"
    assert window.parameters.settings.server.realm_id == sandbox.realm_id


def test_a_reused_code_and_a_wrong_secret_say_so(
    window_factory: Callable[[], MainWindow], qtbot: QtBot, profile: Profile, sandbox: SandboxServer
) -> None:
    vault = open_vault(profile).store
    prepare_profile(profile, vault, sandbox)
    window = window_factory()
    flow = window.parameters.connect_flow
    opened = recording_browser(flow)
    press_connect(qtbot, window, opened)
    first = consent(opened[-1])
    paste(qtbot, window, first)
    wait_idle(qtbot, window)
    kept = vault.get(REFRESH_TOKEN)

    opened.clear()
    press_connect(qtbot, window, opened)
    attempt = flow.attempt
    assert attempt is not None
    paste(qtbot, window, first.replace(first.split("state=")[1].split("&")[0], attempt.state))
    wait_idle(qtbot, window)
    assert "already used or has expired" in status(window)[0]
    assert vault.get(REFRESH_TOKEN) == kept

    window.parameters.server.client_secret.setText("not-the-secret")
    window.parameters.server.client_secret.edited.emit()
    opened.clear()
    press_connect(qtbot, window, opened)
    paste(qtbot, window, consent(opened[-1]))
    wait_idle(qtbot, window)
    assert "refused the client ID or client secret" in status(window)[0]
    assert vault.get(REFRESH_TOKEN) == kept


@pytest.mark.parametrize("switch", [False, True])
def test_another_company_asks_before_switching(
    window_factory: Callable[[], MainWindow],
    qtbot: QtBot,
    profile: Profile,
    sandbox: SandboxServer,
    switch: bool,
) -> None:
    vault = open_vault(profile).store
    before = prepare_profile(profile, vault, sandbox, connected=True)
    window = window_factory()
    flow = window.parameters.connect_flow
    asked: list[tuple[str, str]] = []
    flow.ask_switch = lambda saved, new: asked.append((saved, new)) is None and switch  # type: ignore[method-assign]
    opened = recording_browser(flow)

    press_connect(qtbot, window, opened)
    paste(qtbot, window, consent(opened[-1], realm=OTHER_REALM))
    wait_idle(qtbot, window)

    assert asked == [(sandbox.realm_id, OTHER_REALM)]
    if switch:
        assert window.parameters.settings.server.realm_id == OTHER_REALM
        assert vault.get(REFRESH_TOKEN) != before[REFRESH_TOKEN]
    else:
        assert "was kept" in status(window)[0]
        assert window.parameters.settings.server.realm_id == sandbox.realm_id
        assert vault.get(REFRESH_TOKEN) == before[REFRESH_TOKEN]


@pytest.mark.parametrize("online", [True, False])
def test_disconnect(
    window_factory: Callable[[], MainWindow],
    qtbot: QtBot,
    profile: Profile,
    sandbox: SandboxServer,
    online: bool,
) -> None:
    vault = open_vault(profile).store
    prepare_profile(profile, vault, sandbox, connected=True)
    window = window_factory()
    panel = window.parameters.server.connect_panel
    assert panel.disconnect_button.isVisible()
    if not online:
        sandbox.stop()

    panel.disconnect_button.click()
    wait_idle(qtbot, window)

    text, role = status(window)
    assert ("revoked" in text) is online
    assert ("could not be sent" in text) is not online
    assert role == ("success" if online else "error")
    assert vault.get(REFRESH_TOKEN) is None
    assert vault.get(ACCESS_TOKEN) is None
    assert not panel.disconnect_button.isVisible()
    assert window.connection_label.text() == "QuickBooks not connected"


def test_reconnect_after_invalid_grant_resumes_finance(
    window_factory: Callable[[], MainWindow], qtbot: QtBot, profile: Profile, sandbox: SandboxServer
) -> None:
    vault = open_vault(profile).store
    prepare_profile(profile, vault, sandbox, connected=True)
    from qbconnector.storage.settings_file import SettingsFile

    SettingsFile(profile.settings_file).save(sandbox_settings(sandbox))
    docs = approved_invoices(2)
    store_documents(profile, docs)
    window = window_factory()
    page = window.finance
    fast_sessions(page)
    window.show_page("finance")
    wait_loaded(qtbot, page)
    sandbox.revoke_token(vault.get(REFRESH_TOKEN) or "")
    sandbox.expire_access_token()
    check(page, [doc.number for doc in docs])
    with qtbot.waitSignal(page.reconnectRequired, timeout=TIMEOUT):
        page.toolbar.sync_button.click()
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=TIMEOUT)
    panel = window.parameters.server.connect_panel
    assert window.current_page() == "parameters"
    assert panel.connect_button.text() == "Re&connect to QuickBooks"

    opened = recording_browser(window.parameters.connect_flow)
    press_connect(qtbot, window, opened)
    paste(qtbot, window, consent(opened[-1]))
    wait_idle(qtbot, window)

    assert window.current_page() == "finance"
    assert panel.connect_button.text() == "Connect to &QuickBooks"
    check(page, [doc.number for doc in docs])
    page.toolbar.sync_button.click()
    qtbot.waitUntil(lambda: len(sandbox.entities("Invoice")) == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.sync.is_busy(), timeout=TIMEOUT)


def welcome_window(qtbot: QtBot, profile: Profile) -> MainWindow:
    window = build_window(
        create_application(), profile, language="en", welcome=True,
        services=ConnectorServices(profile),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_run_opens_on_the_welcome_and_its_three_paths(
    qtbot: QtBot, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    launched: list[str | None] = []
    monkeypatch.setattr("qbconnector.app.launch_demo", launched.append)  # no real demo process
    window = welcome_window(qtbot, profile)
    assert window.current_page() == "welcome"
    assert window.breadcrumb.text() == "Welcome"

    window.welcome.connect_button.click()
    assert window.current_page() == "parameters"
    assert window.parameters.tabs.currentWidget() is window.parameters.server
    assert window.focusWidget() is window.parameters.server.client_id
    assert "client ID and client secret" in status(window)[0]

    window.show_page("welcome")
    window.welcome.tokens_button.click()
    assert window.current_page() == "parameters"
    assert window.focusWidget() is window.parameters.server.realm_id

    window.show_page("welcome")
    with qtbot.waitSignal(window.demoRequested, timeout=1000):
        window.welcome.demo_button.click()
    assert launched == ["en"]  # the demo in its own process, in the window's language
    window.close()


def test_no_welcome_once_something_is_configured(
    qtbot: QtBot, profile: Profile, sandbox: SandboxServer
) -> None:
    prepare_profile(profile, open_vault(profile).store, sandbox)
    window = welcome_window(qtbot, profile)
    assert window.current_page() == "parameters"
    window.close()


def test_renewal_warning_14_days_before(window: MainWindow) -> None:
    import datetime as dt

    from qbconnector.services import ConnectionReport

    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=90)
    report = ConnectionReport("Acme", "CA", None, later, soon)
    window.parameters.connectionTested.emit(report)
    warning = window.parameters.server.token_warning
    assert warning.isVisibleTo(window.parameters.server)
    assert soon.date().isoformat() in warning.text()
    assert "Reconnect to QuickBooks before" in window.token_label.text()
    window.parameters.connectionTested.emit(replace(report, refresh_hard_expires=later))
    assert not warning.isVisibleTo(window.parameters.server)
