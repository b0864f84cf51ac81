"""The pieces of the description builder: chips, text segments, the ＋ button and its menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from qbconnector.core.documents import DocumentKind
from qbconnector.core.variables import variables_for

MIN_SEGMENT_WIDTH = 6
SEGMENT_PADDING = 6


def chip_style_sheet() -> str:
    """The chips' look: an accent pill with white text and a white ✕ (palette-aware)."""
    return """
QFrame[chip="true"] {
    background: palette(accent);
    border: none;
    border-radius: 11px;
}
QFrame[chip="true"] QLabel {
    color: white;
    background: transparent;
    padding: 0px;
}
QFrame[chip="true"] QToolButton {
    color: white;
    background: transparent;
    border: 1px solid transparent;
    border-radius: 8px;
    padding: 0px;
    font-weight: bold;
}
QFrame[chip="true"] QToolButton:hover { background: rgba(255, 255, 255, 0.28); }
QFrame[chip="true"] QToolButton:focus { border: 1px solid white; }
QToolButton#template_add_variable::menu-indicator { image: none; width: 0px; }
QLineEdit[segment="true"] { background: transparent; border: none; padding: 0px; }
"""


class VariableChip(QFrame):
    """A rounded pill naming one variable, with a ✕ that asks for its removal.

    Signals: ``removeRequested()`` when the ✕ is clicked (mouse, Space or Enter).
    """

    removeRequested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setProperty("chip", True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 3, 2)
        layout.setSpacing(3)
        self.label = QLabel(self)
        self.remove_button = QToolButton(self)
        self.remove_button.setText("✕")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.remove_button.setFixedSize(QSize(18, 18))
        self.remove_button.clicked.connect(self.removeRequested)
        layout.addWidget(self.label)
        layout.addWidget(self.remove_button)


class SegmentEdit(QLineEdit):
    """Plain text between chips: borderless and exactly as wide as what it holds."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFrame(False)
        self.setProperty("segment", True)
        self.setTextMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        shown = self.text() or self.placeholderText()
        width = self.fontMetrics().horizontalAdvance(shown) + SEGMENT_PADDING
        return QSize(max(MIN_SEGMENT_WIDTH, width), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def add_variable_button(parent: QWidget) -> QToolButton:
    """The ＋ at the top-right of the description group; it opens the variable menu at once."""
    button = QToolButton(parent)
    button.setObjectName("template_add_variable")
    # "+" rather than U+FF0B: common UI fonts (DejaVu, Segoe UI) lack the full-width glyph.
    button.setText("+")
    font = button.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.4)
    button.setFont(font)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoRaise(True)
    menu = QMenu(button)
    menu.setObjectName("template_variable_menu")
    button.setMenu(menu)
    return button


def fill_variable_menu(
    menu: QMenu, kind: DocumentKind, language: str, pick: Callable[[str], None]
) -> None:
    """One section per group (Project, Client, Document, Date), labels in ``language``."""
    menu.clear()
    group = None
    for spec in variables_for(kind):
        if spec.group is not group:
            group = spec.group
            menu.addSection(group.label(language))
        action = QAction(spec.label(language), menu)
        action.setObjectName(f"insert_{spec.name}")
        action.setData(spec.name)
        action.setToolTip(spec.tag)
        action.triggered.connect(lambda _=False, name=spec.name: pick(name))
        menu.addAction(action)
