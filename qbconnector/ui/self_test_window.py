"""The self-test's window checks: application, icons, translations, each page rendered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from qbconnector.app import build_window, create_application
from qbconnector.core.resources import resource_path
from qbconnector.self_check import SelfTestError
from qbconnector.storage.profile import Profile
from qbconnector.ui.about import AboutDialog
from qbconnector.ui.first_paint import FirstPaint
from qbconnector.ui.i18n import install_translator
from qbconnector.ui.main_window import PAGE_FINANCE, PAGE_PARAMETERS, MainWindow

TIMEOUT_MS = 20_000


def wait_until(condition: Callable[[], bool], timeout_ms: int = TIMEOUT_MS) -> bool:
    """Run the event loop until ``condition()`` holds or the time is up; True if it held."""
    if condition():
        return True
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    poll.start(10)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    poll.stop()
    return condition()


def _about(window: MainWindow) -> AboutDialog | None:
    dialog = window.findChild(AboutDialog, "aboutDialog")
    return dialog if isinstance(dialog, AboutDialog) and dialog.isVisible() else None


def rendered(widget: QWidget, what: str) -> str:
    """Grab ``widget``; fail when the picture is empty or of one colour."""
    pixmap = widget.grab()
    image = pixmap.toImage().scaled(48, 48)
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    if pixmap.isNull() or len(colours) < 3:
        raise SelfTestError(f"{what} rendered blank ({pixmap.width()}x{pixmap.height()})")
    return f"{pixmap.width()}x{pixmap.height()}, {len(colours)} colours"


@dataclass
class WindowChecks:
    """The QApplication and, once opened, the window the checks look at."""

    app: QApplication
    window: MainWindow | None = None
    painted: list[bool] = field(default_factory=list)

    @classmethod
    def start(cls) -> WindowChecks:
        app = create_application(["qbconnector", "--self-test"])
        if not app.styleSheet().strip():
            raise SelfTestError("the style sheet resources/style/app.qss did not load")
        return cls(app)

    def describe_application(self) -> str:
        sheet = len(self.app.styleSheet())
        return f"platform {self.app.platformName()}, Fusion, style sheet of {sheet} characters"

    def icons(self, names: Sequence[str]) -> str:
        formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
        if "svg" not in formats:
            raise SelfTestError("Qt's SVG image plugin is missing")
        for name in names:
            pixmap: QPixmap = QIcon(str(resource_path("icons", name))).pixmap(32, 32)
            if pixmap.isNull():
                raise SelfTestError(f"icon {name} did not load")
        return f"{len(names)} SVG icons"

    def translations(self) -> str:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_fr", qt_folder):
            raise SelfTestError(f"Qt's qtbase_fr.qm is not in {qt_folder}")
        try:
            if install_translator(self.app, "fr") != "fr":
                raise SelfTestError("the French translation was not chosen")
            french = QCoreApplication.translate("MainWindow", "Parameters")
            if french == "Parameters":
                raise SelfTestError("qbconnector_fr.qm did not translate 'Parameters'")
        finally:
            install_translator(self.app, "en")
        return f"qbconnector_fr.qm ('Parameters' = '{french}'), qtbase_fr.qm"

    def open_window(self, profile: Profile) -> str:
        window = build_window(self.app, profile, language="en", demo=True)
        # A person would be asked about unsaved edits; the self-test has none to keep.
        window.ask_about_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
        probe = FirstPaint(window)
        probe.painted.connect(lambda: self.painted.append(True))
        self.window = window
        window.show()
        if not wait_until(lambda: bool(self.painted)):
            raise SelfTestError("the window was never painted")
        if not window.banner.text().startswith("DEMO"):
            raise SelfTestError(f"the banner reads {window.banner.text()!r}")
        return rendered(window, "the window")

    def _window(self) -> MainWindow:
        if self.window is None:
            raise SelfTestError("the window is not open")
        return self.window

    def parameter_tabs(self) -> list[tuple[int, str]]:
        tabs = self._window().parameters.tabs
        return [(index, tabs.tabText(index)) for index in range(tabs.count())]

    def render_tab(self, index: int) -> str:
        window = self._window()
        window.show_page(PAGE_PARAMETERS)
        window.parameters.tabs.setCurrentIndex(index)
        return rendered(window, f"tab {index}")

    def render_finance(self) -> str:
        window = self._window()
        window.show_page(PAGE_FINANCE)
        model = window.finance.model()
        if not wait_until(lambda: not window.finance.is_loading() and model.rowCount() > 0):
            raise SelfTestError("the Finance list did not load (or is empty)")
        rows = model.rowCount()
        return f"{rows} documents, {rendered(window, 'Finance')}"

    def render_french(self) -> str:
        window = self._window()
        install_translator(self.app, "fr")
        try:
            window.rebuild_parameters()
            window.show_page(PAGE_PARAMETERS)
            text = window.nav_parameters.text()
            if text == "Parameters":
                raise SelfTestError("the navigation stayed in English")
            return f"'{text}', {rendered(window, 'the French window')}"
        finally:
            install_translator(self.app, "en")

    def render_about(self) -> str:
        window = self._window()
        window.show_about()
        if not wait_until(lambda: _about(window) is not None):
            raise SelfTestError("the About dialog did not open")
        dialog = _about(window)
        assert dialog is not None
        try:
            if "LGPL" not in dialog.licences.toPlainText():
                raise SelfTestError("the About dialog lacks Qt's LGPL notice")
            return rendered(dialog, "the About dialog")
        finally:
            dialog.close()

    def close(self) -> str:
        window = self._window()
        window.close()
        if not wait_until(lambda: not window.runner.is_busy()):
            raise SelfTestError("background jobs did not end after closing")
        window.deleteLater()
        return "closed, background jobs ended"
