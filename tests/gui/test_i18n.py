"""French interface: our translation, Qt's own, and the core's variable labels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind
from qbconnector.core.resources import resource_path
from qbconnector.ui.i18n import current_language, install_translator, resolve_language
from qbconnector.ui.widgets.chip_editor import ChipTemplateEditor


@pytest.fixture
def french(qapp: QApplication) -> Iterator[str]:
    chosen = install_translator(qapp, "fr")
    yield chosen
    install_translator(qapp, "en")


def test_translation_files_ship() -> None:
    assert resource_path("translations", "qbconnector_fr.qm").is_file()
    assert resource_path("translations", "qbconnector_fr.ts").is_file()


@pytest.mark.parametrize(
    ("requested", "chosen"), [("fr", "fr"), ("fr_CA", "fr"), ("fr-BE", "fr"), ("de_DE", "en")]
)
def test_resolve_language(requested: str, chosen: str) -> None:
    assert resolve_language(requested) == chosen


def test_system_locale_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert resolve_language(None) == "fr"


def test_french_labels_after_installing_the_translator(qtbot: QtBot, french: str) -> None:
    assert french == "fr"
    assert current_language() == "fr"
    editor = ChipTemplateEditor(DocumentKind.INVOICE)
    qtbot.addWidget(editor)
    editor.set_template("%PROJECT_NUMBER%")
    assert editor.title_label.text() == "Description de la facture"
    assert [chip.label.text() for chip in editor.chips()] == ["Numéro de projet"]
    assert editor.chips()[0].remove_button.accessibleName() == "Retirer Numéro de projet"
    sections = [action.text() for action in editor.menu.actions() if action.isSeparator()]
    assert sections == ["Projet", "Client", "Document", "Date"]
    action = editor.menu.findChild(QAction, "insert_CLIENT_PO")
    assert isinstance(action, QAction)
    assert action.text() == "Bon de commande client"
    assert editor.preview_label.text().startswith("Aperçu : ")
    editor.text_form.setText("%PROJEC_NUMBER%")
    editor.text_form.textEdited.emit(editor.text_form.text())
    assert editor.error_text() == (
        "Variable inconnue %PROJEC_NUMBER% au caractère 1. Vouliez-vous dire %PROJECT_NUMBER% ?"
    )


def test_qt_own_strings_are_french_too(french: str) -> None:
    assert QCoreApplication.translate("QLineEdit", "&Undo") == "&Annuler"


def test_language_switch_retranslates_open_editors(qtbot: QtBot, qapp: QApplication) -> None:
    editor = ChipTemplateEditor(DocumentKind.QUOTE)
    qtbot.addWidget(editor)
    editor.set_template("%CLIENT_NAME%")
    assert editor.title_label.text() == "Quote description"
    try:
        install_translator(qapp, "fr")
        qtbot.waitUntil(lambda: editor.title_label.text() == "Description de la soumission")
        assert editor.chips()[0].label.text() == "Nom du client"
    finally:
        install_translator(qapp, "en")
    qtbot.waitUntil(lambda: editor.title_label.text() == "Quote description")
    assert editor.chips()[0].label.text() == "Client name"
    assert current_language() == "en"
