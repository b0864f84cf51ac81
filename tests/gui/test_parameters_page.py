"""The Parameters page: switches, saving valid and invalid values, unsaved marks, language."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.ui.main_window import MainWindow
from qbconnector.ui.parameters.page import DIRTY_MARK


def test_every_control_has_a_stable_name_and_an_accessible_name(window: MainWindow) -> None:
    controls = (QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QAbstractItemView)
    checked = 0
    for widget in window.findChildren(QWidget):
        # Qt's own inner parts (a spin box's editor, a tab bar's arrows, popups) are not ours.
        inner_of = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QLineEdit)
        if (
            not isinstance(widget, controls)
            or isinstance(widget.parentWidget(), inner_of)
            or widget.window() is not window
        ):
            continue
        checked += 1
        assert widget.objectName(), f"a {type(widget).__name__} has no objectName"
        label = widget.accessibleName() or (widget.text() if hasattr(widget, "text") else "")
        assert label, f"{widget.objectName()} has no accessible name"
    assert checked > 25


def test_toggling_enabled_marks_the_tab_and_saves(
    window: MainWindow, qtbot: QtBot, profile: Profile
) -> None:
    page = window.parameters
    page.server.realm_id.setText("9130357992221046")
    qtbot.mouseClick(page.server.enabled, Qt.MouseButton.LeftButton)
    assert page.server.enabled.isChecked()
    assert page.tabs.tabText(0).startswith(DIRTY_MARK)
    assert window.windowTitle().startswith("●")
    assert page.save()
    saved = json.loads(profile.settings_file.read_text())
    assert saved["server"] == {**saved["server"], "enabled": True, "realm_id": "9130357992221046"}
    assert not page.tabs.tabText(0).startswith(DIRTY_MARK)
    assert window.connection_label.text() == "Connection not tested yet"


def test_invalid_values_show_under_their_fields_and_nothing_is_written(
    window: MainWindow, qtbot: QtBot, profile: Profile
) -> None:
    page = window.parameters
    page.tabs.setCurrentWidget(page.flowfit)
    page.server.realm_id.setText("12ab")
    page.sync.customer_sync_number.setText("zero")
    page.server.refresh_token.setText("abc def")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    realm_box = page.server.boxes["server.realm_id"]
    assert realm_box.has_error()
    assert "12ab" in realm_box.error.text()
    assert page.sync.boxes["sync.customer_sync_number"].has_error()
    assert page.server.boxes["server.serverRefreshToken"].has_error()
    assert page.save_button.text() == "&Save (3 fields need attention)"
    assert page.tabs.currentWidget() is page.server  # taken to the first tab with a problem
    assert not profile.settings_file.exists()
    assert not profile.vault_file.exists()
    page.server.realm_id.setText("12")
    page.sync.customer_sync_number.setText("4")
    page.server.refresh_token.setText("  RT1-abc-def  ")
    assert page.save()
    assert not realm_box.has_error()
    assert page.save_button.text() == "&Save"
    assert window.services.vault.store.get("refresh_token") == "RT1-abc-def"


def test_revert_restores_the_saved_values(window: MainWindow, profile: Profile) -> None:
    page = window.parameters
    page.flowfit.api_url.setText("https://flowfit.example.com/qb")
    page.flowfit.changed.emit()
    assert page.is_dirty()
    page.revert()
    assert page.flowfit.api_url.text() == ""
    assert not page.is_dirty()


def test_template_text_form_round_trips_through_save(window: MainWindow) -> None:
    page = window.parameters
    text = "Facture %DOCUMENT_NUMBER% (%CLIENT_NAME%) 100%% traduit"
    page.invoices.editor.set_template(text)
    assert page.save()
    stored = SettingsFile(window.services.profile.settings_file).load().settings
    assert stored.invoices.description == text
    assert page.invoices.editor.template_text() == text


def test_secret_fields_never_show_stored_secrets(window: MainWindow) -> None:
    page = window.parameters
    page.server.client_secret.setText("s3cret-value-123")
    assert page.save()
    assert page.server.client_secret.text() == ""
    assert "Saved" in page.server.client_secret.placeholderText()


def test_switching_language_keeps_edits(window: MainWindow, qtbot: QtBot) -> None:
    window.parameters.server.realm_id.setText("777")
    window.parameters.server.realm_id.textEdited.emit("777")
    window.language.setCurrentIndex(window.language.findData("fr"))
    window.language.activated.emit(window.language.currentIndex())
    assert window.nav_parameters.text() == "Paramètres"
    assert window.parameters.tabs.tabText(0).endswith("Serveur Quickbooks")
    assert window.parameters.server.realm_id.text() == "777"
    assert window.parameters.is_dirty()
    window.language.setCurrentIndex(window.language.findData("en"))
    window.language.activated.emit(window.language.currentIndex())
    assert window.nav_parameters.text() == "Parameters"


def test_geometry_page_and_tab_are_remembered(
    window: MainWindow, qtbot: QtBot, profile: Profile
) -> None:
    from qbconnector.app import build_window, create_application
    from qbconnector.services import ConnectorServices

    window.parameters.tabs.setCurrentIndex(4)
    window.show_page("finance")
    window.resize(720, 520)  # inside the offscreen screen (800 x 600), so nothing is clamped
    expected = window.size()
    window.close()
    again = build_window(create_application(), profile, services=ConnectorServices(profile))
    again.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(again)
    assert again.current_page() == "finance"
    assert again.parameters.tabs.currentIndex() == 4
    assert again.size() == expected
    again.close()


def test_closing_with_unsaved_changes_asks(window: MainWindow, profile: Profile) -> None:
    window.parameters.server.realm_id.setText("31")
    window.parameters.server.realm_id.textEdited.emit("31")
    asked: list[bool] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    window.ask_about_unsaved = cancel  # type: ignore[method-assign]
    assert not window.close()
    assert asked == [True]
    assert window.isVisible()
    window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Save  # type: ignore[method-assign]
    assert window.close()
    assert SettingsFile(profile.settings_file).load().settings.server.realm_id == "31"


def test_enter_in_a_field_saves(window: MainWindow, qtbot: QtBot, profile: Profile) -> None:
    page = window.parameters
    page.tabs.setCurrentWidget(page.sync)
    page.sync.customer_sync_number.setFocus()
    qtbot.keyClicks(page.sync.customer_sync_number, "1001")
    assert page.is_dirty()
    qtbot.keyClick(page.sync.customer_sync_number, Qt.Key.Key_Return)
    assert not page.is_dirty()
    assert SettingsFile(profile.settings_file).load().settings.sync.customer_sync_number == "1001"


def test_unencrypted_secrets_are_said_in_the_status_bar(
    qtbot: QtBot, profile: Profile, window: MainWindow
) -> None:
    import keyring
    import keyring.backends.fail

    from qbconnector.app import build_window, create_application
    from qbconnector.services import ConnectorServices

    assert not window.vault_label.isVisible()  # the in-memory keyring counts as a keyring
    keyring.set_keyring(keyring.backends.fail.Keyring())
    plain = build_window(create_application(), profile, services=ConnectorServices(profile))
    plain.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(plain)
    plain.show()
    assert plain.vault_label.isVisible()
    assert plain.vault_label.text() == "Tokens stored unencrypted"
    assert str(profile.vault_file) in plain.vault_label.toolTip()
    plain.close()


def test_leaving_for_finance_with_unsaved_changes_asks(
    window: MainWindow, profile: Profile
) -> None:
    window.parameters.server.realm_id.setText("55")
    window.parameters.server.realm_id.textEdited.emit("55")
    window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Cancel  # type: ignore[method-assign]
    window.nav_finance.click()
    assert window.current_page() == "parameters"
    assert window.nav_parameters.isChecked()
    window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.nav_finance.click()
    assert window.current_page() == "finance"
    assert window.parameters.server.realm_id.text() == ""
    assert not window.parameters.is_dirty()
    assert not profile.settings_file.exists()


def test_a_wrong_kind_variable_is_refused_in_the_window_language(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.language.setCurrentIndex(window.language.findData("fr"))
    window.language.activated.emit(window.language.currentIndex())
    page = window.parameters
    page.quotes.editor.set_template("Soumission %DUE_DATE%")
    assert not page.save()
    box = page.quotes.boxes["quotes.description"]
    assert box.has_error()
    assert "soumissions" in box.error.text()  # the French wording, not the core's English
    assert "cannot be used" not in box.error.text()
    window.language.setCurrentIndex(window.language.findData("en"))
    window.language.activated.emit(window.language.currentIndex())
