"""The About dialog: version, profile and log folders, libraries and Qt's LGPL notice."""

from __future__ import annotations

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qbconnector import __version__
from qbconnector.app import create_application
from qbconnector.ui.about import AboutDialog
from qbconnector.ui.i18n import install_translator
from qbconnector.ui.main_window import MainWindow


def _open(window: MainWindow, qtbot: QtBot) -> AboutDialog:
    window.about_button.click()  # the versions are read off the GUI thread first
    qtbot.waitUntil(lambda: window.findChild(AboutDialog, "aboutDialog") is not None)
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert isinstance(dialog, AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _label(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()


def test_about_shows_version_folders_and_licences(window: MainWindow, qtbot: QtBot) -> None:
    assert window.about_button.text() == "About"
    dialog = _open(window, qtbot)
    assert __version__ in _label(dialog, "aboutVersion")
    profile = window.services.profile
    assert _label(dialog, "aboutProfileDir") == str(profile.root)
    assert _label(dialog, "aboutLogDir") == str(profile.log_dir)
    text = dialog.licences.toPlainText()
    assert f"Qt {qVersion()}" in text
    assert "GNU Lesser General Public License version 3 (LGPL-3.0)" in text
    for part in ("LGPL-3.0-only", "Apache-2.0", "requests", "PyJWT"):
        assert part in text
    dialog.reject()


def test_about_in_french(window: MainWindow, qtbot: QtBot) -> None:
    install_translator(create_application(), "fr")
    try:
        window.retranslate()
        assert window.about_button.text() == "À propos"
        dialog = _open(window, qtbot)
        assert dialog.windowTitle() == "À propos de qbconnector"
        assert "licence publique générale limitée GNU" in dialog.licences.toPlainText()
        dialog.reject()
    finally:
        install_translator(create_application(), "en")
