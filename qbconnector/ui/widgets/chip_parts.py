"""The pieces inside the description box: variable chips and the text segments around them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

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
