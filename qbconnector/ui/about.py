"""The About dialog: version, profile and log folders, the shipped libraries and their licences."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qbconnector import __version__
from qbconnector.core.licences import Library


class AboutDialog(QDialog):
    """What is installed and where its files are (no Signals; closes with Close or Esc)."""

    def __init__(
        self,
        profile_dir: Path,
        log_dir: Path,
        libraries: Sequence[Library],
        licence_dir: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About qbconnector"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>qbconnector {html.escape(__version__)}</b>")
        title.setObjectName("aboutVersion")
        layout.addWidget(title)
        summary = self.tr("Pushes FlowFit invoices and quotes to QuickBooks Online.")
        layout.addWidget(QLabel(summary))
        folders = QFormLayout()
        for label, path, name in (
            (self.tr("Profile folder:"), profile_dir, "aboutProfileDir"),
            (self.tr("Log folder:"), log_dir, "aboutLogDir"),
        ):
            value = QLabel(str(path))
            value.setObjectName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            folders.addRow(label, value)
        layout.addLayout(folders)
        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self._licences_html(libraries, licence_dir))
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _licences_html(self, libraries: Sequence[Library], licence_dir: str) -> str:
        qt_notice = (
            self.tr(
                "This program uses Qt %1 and PySide6 %2 under the GNU Lesser General Public "
                "License version 3 (LGPL-3.0). They are shipped unmodified, as separate shared "
                "libraries that you may replace with your own build of the same version. Their "
                "source code is available at %3 and %4. The texts of the LGPL and of the GPL it "
                "refers to are in %5."
            )
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", _link("https://download.qt.io/official_releases/qt/"))
            .replace("%4", _link("https://code.qt.io/cgit/pyside/pyside-setup.git/"))
            .replace("%5", html.escape(licence_dir))
        )
        rows = "".join(
            f"<tr><td>{html.escape(lib.name)}</td><td>{html.escape(lib.version)}</td>"
            f"<td>{html.escape(lib.licence)}</td></tr>"
            for lib in (Library("Qt", qVersion(), "LGPL-3.0-only"), *libraries)
        )
        titles = (self.tr("Library"), self.tr("Version"), self.tr("Licence"))
        head = "".join(f"<th align='left'>{html.escape(title)}</th>" for title in titles)
        qt_parts = self.tr("Qt's own third-party parts (such as ICU) and their licences: %1")
        qt_parts = qt_parts.replace("%1", _link("https://doc.qt.io/qt-6/licenses-used-in-qt.html"))
        heading = self.tr("Licences")
        return (
            f"<h3>{heading}</h3><p>{qt_notice}</p>"
            f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{rows}</table><p>{qt_parts}</p>"
        )


def _link(url: str) -> str:
    return f"<a href='{html.escape(url)}'>{html.escape(url)}</a>"
