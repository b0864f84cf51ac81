"""Renders the chip editor and a toggle switch to PNGs for a visual check (offscreen or xcb)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QVBoxLayout, QWidget

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


def build_page(kind: DocumentKind, template: str) -> tuple[QWidget, ChipTemplateEditor]:
    page = QWidget()
    page.setObjectName("shot_page")
    layout = QVBoxLayout(page)
    form = QFormLayout()
    switch = ToggleSwitch(page.tr("Automatic sync. approved invoice"))
    switch.setChecked(True)
    form.addRow(QLabel("Automatic sync. approved invoice"), switch)
    off_switch = ToggleSwitch("Off example")
    form.addRow(QLabel("Enabled"), off_switch)
    layout.addLayout(form)
    editor = ChipTemplateEditor(kind)
    editor.set_template(template)
    layout.addWidget(editor)
    layout.addStretch(1)
    page.resize(560, 300)
    return page, editor


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
    suffix = app.platformName() + ("_dark" if args.dark else "")
    out = Path(args.out)
    saved = []
    page, editor = build_page(
        DocumentKind.INVOICE,
        "Invoice #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE% (PO %CLIENT_PO%)",
    )
    page.show()
    app.processEvents()
    editor.segments()[1].setFocus(Qt.FocusReason.OtherFocusReason)
    app.processEvents()
    for name, widget in (("page", page), ("editor", editor)):
        path = out / f"qbc_{name}_{args.language}_{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)
    editor.chips()[0].remove_button.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    path = out / f"qbc_editor_cross_focus_{args.language}_{suffix}.png"
    editor.grab().save(str(path))
    saved.append(path)
    switch = page.findChild(ToggleSwitch)
    switch.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    path = out / f"qbc_toggle_focus_{args.language}_{suffix}.png"
    switch.grab().scaled(switch.width() * 3, switch.height() * 3).save(str(path))
    saved.append(path)
    editor.set_limit(20)
    app.processEvents()
    path = out / f"qbc_editor_over_limit_{args.language}_{suffix}.png"
    editor.grab().save(str(path))
    saved.append(path)
    editor.menu.popup(editor.plus_button.mapToGlobal(editor.plus_button.rect().bottomLeft()))
    app.processEvents()
    path = out / f"qbc_menu_{args.language}_{suffix}.png"
    editor.menu.grab().save(str(path))
    saved.append(path)
    editor.menu.hide()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
