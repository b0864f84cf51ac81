"""Composition root: builds the services, the application and the main window."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qbconnector.core.collector import settle_start_up
from qbconnector.core.logs import try_logging
from qbconnector.core.resources import resource_path
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import open_vault
from qbconnector.ui.first_paint import FirstPaint
from qbconnector.ui.i18n import current_language, install_translator
from qbconnector.ui.main_window import MainWindow
from qbconnector.ui.ui_state import UiState

log = logging.getLogger(__name__)


SWITCH_INTERVAL = 0.001  # seconds


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with the Fusion style and qbconnector's small style sheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    app.setApplicationName("qbconnector")
    app.setOrganizationName("Consoltec")
    app.setStyle("Fusion")
    # The window's Python callbacks (model data, delegates) each wait for the interpreter lock
    # while a worker thread holds it (a listing, the sync's relay); Python hands it over every
    # 5 ms by default, so a repaint of a few hundred callbacks could stall for a second. 1 ms
    # cuts that wait fivefold (bench/bench_gui.py, with the sync still in this process: the
    # longest stall of a 5,000-document sync 977 -> 295 ms; 0.2 ms measured no better).
    sys.setswitchinterval(SWITCH_INTERVAL)
    style_file = resource_path("style", "app.qss")
    if style_file.exists():
        app.setStyleSheet(style_file.read_text(encoding="utf-8"))
    return app


def build_window(
    app: QApplication,
    profile: Profile,
    *,
    language: str | None = None,
    demo: bool = False,
    welcome: bool = False,
    services: ConnectorServices | None = None,
) -> MainWindow:
    """Open the profile's services and build the window on them (not shown yet)."""
    try_logging(profile.ensure().log_dir)  # an unusable logs folder must not stop the window
    ui_state = UiState(profile.ui_state_file)
    install_translator(app, language or ui_state.language())
    if services is None:
        # A demo's secrets stay in its own folder, never in the user's keyring.
        services = ConnectorServices(
            profile, open_vault(profile, prefer_file=True) if demo else None
        )
    window = MainWindow(services, ui_state, demo=demo, welcome=welcome)

    def switch_language(chosen: str) -> None:
        install_translator(app, chosen)
        ui_state.save_language(chosen)
        window.rebuild_parameters()

    window.languageRequested.connect(switch_language)
    window.demoRequested.connect(lambda: launch_demo(current_language()))
    return window


def launch_demo(language: str | None) -> None:
    """The demo in its own process and throw-away profile: the user's profile stays empty."""
    # A frozen app is its own interpreter: `python -m qbconnector` there is the program itself.
    frozen = getattr(sys, "frozen", False)
    command = [sys.executable, "demo"] if frozen else [sys.executable, "-m", "qbconnector", "demo"]
    if language:
        command += ["--language", language]
    subprocess.Popen(command, start_new_session=True)


def run(
    profile: Profile,
    *,
    language: str | None = None,
    demo: bool = False,
    exit_after_first_paint: bool = False,
) -> int:
    """Show the window and run the event loop until it closes (or, for start-up measurements,
    until the window is first painted)."""
    app = create_application()
    window = build_window(app, profile, language=language, demo=demo, welcome=True)
    if exit_after_first_paint:
        _quit_after_first_paint(app, window)
    window.show()
    settle_start_up()  # what start-up built lives as long as the window: out of the collector
    notes = window.startup_warnings()  # the vault's note stays in the status bar instead
    if notes:
        QMessageBox.information(window, window.tr("qbconnector"), "\n\n".join(notes))
    return int(app.exec())


def _quit_after_first_paint(app: QApplication, window: MainWindow) -> None:
    probe = FirstPaint(window)

    def painted() -> None:
        print("qbconnector: first paint", flush=True)
        QTimer.singleShot(0, app.quit)

    probe.painted.connect(painted)
