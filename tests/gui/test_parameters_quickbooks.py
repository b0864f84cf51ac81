"""Test connection and the services list, against the loopback QuickBooks sandbox."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from qbconnector.app import build_window, create_application
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.connect import settings_for_sandbox, store_sandbox_secrets
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import REFRESH_TOKEN
from qbconnector.ui.main_window import MainWindow


def _connect(window: MainWindow, server: SandboxServer) -> None:
    info = server.connection_info()
    store_sandbox_secrets(info, window.services.vault.store)
    window.services.save(settings_for_sandbox(info), {})
    window.parameters.load(window.services.load_settings().settings)


def test_test_connection_shows_the_company(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    page = window.parameters
    page.server.test_button.click()
    assert not page.server.test_button.isEnabled()  # the call runs in a worker
    qtbot.waitUntil(page.server.test_button.isEnabled, timeout=10_000)
    assert page.server.test_result.property("role") == "success"
    assert "Sandbox Translations Inc." in page.server.test_result.text()
    assert "Sandbox Translations Inc." in window.banner.text()
    assert window.connection_label.text() == "Connected: Sandbox Translations Inc."


def test_refused_refresh_token_says_reconnect(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    vault = window.services.vault.store
    refresh_token = vault.get(REFRESH_TOKEN)
    assert refresh_token is not None
    sandbox.revoke_token(refresh_token)
    vault.delete("access_token")
    window.parameters.server.test_button.click()
    qtbot.waitUntil(window.parameters.server.test_button.isEnabled, timeout=10_000)
    text = window.parameters.server.test_result.text()
    assert window.parameters.server.test_result.property("role") == "error"
    assert "no longer accepts the saved refresh token" in text
    assert "Traceback" not in text
    assert vault.get(REFRESH_TOKEN) == refresh_token  # kept, never wiped


def test_unreachable_quickbooks_is_said_plainly(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    sandbox.stop()
    window.parameters.server.test_button.click()
    qtbot.waitUntil(window.parameters.server.test_button.isEnabled, timeout=20_000)
    assert "could not be reached" in window.parameters.server.test_result.text()


def test_services_load_in_a_worker_and_selection_saves(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    page = window.parameters
    tab = page.services_tab
    page.tabs.setCurrentWidget(tab)  # first visit loads the list
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    names = sorted(tab.model.item(row, 0).text() for row in range(tab.model.rowCount()))
    expected = sorted(str(item["Name"]) for item in sandbox.entities("Item") if item["Active"])
    assert names == expected
    tab.search.setText("transl")
    assert tab.proxy.rowCount() == 1
    tab.table.selectRow(0)
    assert page.is_dirty()
    assert page.save()
    saved = window.services.load_settings().settings.services
    assert saved.service_name == "Translation"
    assert saved.service_id == next(
        str(item["Id"]) for item in sandbox.entities("Item") if item["Name"] == "Translation"
    )
    assert "Translation" in tab.selected_label.text()


def test_closing_while_a_look_up_runs_is_safe(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    sandbox.set_faults(latency=600)
    window.parameters.server.test_button.click()
    assert window.runner.is_busy()
    window.close()  # waits for the worker; its answer must not reach deleted widgets
    assert not window.runner.is_busy()
    assert not window.isVisible()


def _window_on(profile: Profile, qtbot: QtBot) -> MainWindow:
    built = build_window(create_application(), profile, language="en")
    built.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(built)
    return built


def test_start_up_names_the_company_without_touching_the_tab(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    profile = window.services.profile
    window.close()
    again = _window_on(profile, qtbot)
    qtbot.waitUntil(lambda: "Sandbox Translations Inc." in again.banner.text(), timeout=10_000)
    assert again.parameters.server.test_result.text() == ""
    again.close()


def test_start_up_check_failure_goes_to_the_status_bar(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    profile = window.services.profile
    window.close()
    sandbox.stop()
    again = _window_on(profile, qtbot)
    qtbot.waitUntil(
        lambda: again.connection_label.text() == "QuickBooks not connected", timeout=20_000
    )
    assert "could not be reached" in again.connection_label.toolTip()
    assert again.parameters.server.test_result.text() == ""
    again.close()


def test_itemized_mapping_lists_flowfit_services_and_saves_the_choice(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    with DocumentStore.open(window.services.profile.store_file) as store:
        store.upsert_many(generate_documents(20, seed=3))
        flowfit_services = store.service_names()
    _connect(window, sandbox)
    page = window.parameters
    page.sync.posting_mode.setCurrentIndex(page.sync.posting_mode.findData("itemized"))
    tab = page.services_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: tab.mapping_form.rowCount() == len(flowfit_services), timeout=5_000)
    assert not tab.mapping_group.isHidden()
    combo = tab.findChild(QComboBox, f"servicesMap_{flowfit_services[0]}")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("Revision"))
    assert page.save()
    revision = next(str(i["Id"]) for i in sandbox.entities("Item") if i["Name"] == "Revision")
    saved = window.services.load_settings().settings
    assert saved.services.mapping == {flowfit_services[0]: revision}
    assert saved.sync.posting_mode.value == "itemized"


def test_first_visit_to_services_saves_nothing(
    window: MainWindow, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    _connect(window, sandbox)
    page = window.parameters
    page.sync.posting_mode.setCurrentIndex(page.sync.posting_mode.findData("itemized"))
    page.tabs.setCurrentWidget(page.services_tab)
    qtbot.waitUntil(lambda: page.services_tab.model.rowCount() > 0, timeout=10_000)
    assert page.is_dirty()  # the edit is still the user's to save or discard
    assert window.services.load_settings().settings.sync.posting_mode.value == "summary"
