"""Renders the chip editor and a toggle switch to PNGs for a visual check (offscreen or xcb)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QVBoxLayout, QWidget
from shot_helpers import settle

from qbconnector.core.documents import DocumentKind
from qbconnector.ui.i18n import install_translator
from qbconnector.ui.widgets.chip_editor import ChipTemplateEditor
from qbconnector.ui.widgets.toggle_switch import ToggleSwitch


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Mid, "#5a5a5a"),
        (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
        (QPalette.ColorRole.Highlight, "#3d8fd6"),
        (QPalette.ColorRole.Accent, "#3d8fd6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


class Page(QWidget):
    """Two labelled switches above an invoice description editor, like the Client invoices tab."""

    def __init__(self, template: str) -> None:
        super().__init__()
        self.setObjectName("shot_page")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.switch = ToggleSwitch("Automatic sync. approved invoice")
        self.switch.setChecked(True)
        form.addRow(QLabel("Automatic sync. approved invoice"), self.switch)
        form.addRow(QLabel("Enabled"), ToggleSwitch("Enabled"))
        layout.addLayout(form)
        self.editor = ChipTemplateEditor(DocumentKind.INVOICE)
        self.editor.set_template(template)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        self.resize(560, 300)


def focus(app: QApplication, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle(widget, 50)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="/tmp", help="folder for the PNGs")
    parser.add_argument("--language", default="en", help="en or fr")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    install_translator(app, args.language)
    suffix = f"{args.language}_{app.platformName()}" + ("_dark" if args.dark else "")

    def save(name: str, image: QPixmap) -> None:
        path = Path(args.out) / f"qbc_{name}_{suffix}.png"
        image.save(str(path))
        print(path)

    page = Page("Invoice #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE% (PO %CLIENT_PO%)")
    editor = page.editor
    page.show()
    focus(app, editor.segments()[1])
    save("page", page.grab())
    save("editor", editor.grab())
    focus(app, editor.chips()[0].remove_button)
    save("editor_cross_focus", editor.grab())
    focus(app, page.switch)
    save("toggle_focus", page.switch.grab().scaled(page.switch.size() * 3))
    editor.set_limit(20)
    settle(editor, 50)
    save("editor_over_limit", editor.grab())
    editor.menu.popup(editor.plus_button.mapToGlobal(editor.plus_button.rect().bottomLeft()))
    settle(editor.menu, 50)
    save("menu", editor.menu.grab())
    editor.menu.hide()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
