"""The bordered box of the description builder: chips and text segments, flowing like text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from qbconnector.ui.widgets.chip_parts import SegmentEdit, VariableChip
from qbconnector.ui.widgets.flow_layout import FlowLayout


class ChipBox(QFrame):
    """Shows ``texts[0] chip[0] texts[1] ... chip[n-1] texts[n]``, painted like a text field.

    The box only displays and reports; the editor owns the model and calls ``show_pieces``.
    Signals: ``segmentEdited(int, str)`` when the user types in text segment *i*;
    ``removeRequested(int)`` for chip *i* (its ✕, Backspace after it, Delete before it).
    """

    segmentEdited = Signal(int, str)
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_box")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.IBeamCursor)
        self.flow = FlowLayout(self, h_spacing=3, v_spacing=4)
        self.flow.setContentsMargins(6, 5, 6, 5)
        self.segments: list[SegmentEdit] = []
        self.chips: list[VariableChip] = []
        self._active = (0, 0)  # (segment, cursor) where the next chip is inserted

    def show_pieces(self, texts: list[str], chips: list[tuple[str, str]]) -> None:
        """Replace the pieces: ``texts`` around ``chips`` given as (variable name, label)."""
        # One layout pass for the lot: with the layout live, each show() relays out every piece.
        self.flow.setEnabled(False)
        self.setUpdatesEnabled(False)
        try:
            self._replace_pieces(texts, chips)
        finally:
            self.flow.setEnabled(True)
            self.setUpdatesEnabled(True)
        self.flow.invalidate()
        self.flow.activate()

    def _replace_pieces(self, texts: list[str], chips: list[tuple[str, str]]) -> None:
        while (item := self.flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.segments, self.chips = [], []
        for index, text in enumerate(texts):
            self.segments.append(self._new_segment(index, text))
            if index < len(chips):
                self.chips.append(self._new_chip(index, *chips[index]))
        self.segments[-1].setPlaceholderText(
            self.tr("Type text, or press + to add a variable") if not chips and not texts[0] else ""
        )
        self._active = (min(self._active[0], len(texts) - 1), self._active[1])

    def _new_segment(self, index: int, text: str) -> SegmentEdit:
        segment = SegmentEdit(text, self)
        segment.setObjectName(f"template_segment_{index}")
        segment.setAccessibleName(self.tr("Text {number}").format(number=index + 1))
        segment.textEdited.connect(lambda value, i=index: self.segmentEdited.emit(i, value))
        segment.cursorPositionChanged.connect(
            lambda _old, new, i=index: self.set_insertion_point(i, new)
        )
        segment.installEventFilter(self)
        self.flow.addWidget(segment)
        segment.show()
        return segment

    def _new_chip(self, index: int, name: str, label: str) -> VariableChip:
        chip = VariableChip(name, self)
        chip.setObjectName(f"template_chip_{index}")
        chip.label.setText(label)
        chip.setToolTip(f"%{name}%")
        chip.setAccessibleName(self.tr("Variable: {label}").format(label=label))
        remove = chip.remove_button
        remove.setObjectName(f"template_chip_{index}_remove")
        remove.setAccessibleName(self.tr("Remove {label}").format(label=label))
        remove.setToolTip(self.tr("Remove {label}").format(label=label))
        remove.installEventFilter(self)
        chip.removeRequested.connect(lambda i=index: self.removeRequested.emit(i))
        self.flow.addWidget(chip)
        chip.show()
        return chip

    def focus_chain(self) -> list[QWidget]:
        """The pieces in reading order, for the editor's tab order."""
        chain: list[QWidget] = []
        for index, segment in enumerate(self.segments):
            chain.append(segment)
            if index < len(self.chips):
                chain.append(self.chips[index].remove_button)
        return chain

    def insertion_point(self) -> tuple[int, int]:
        """(segment, cursor) of the last text position the user was at; the end by default."""
        return self._active

    def set_insertion_point(self, segment: int, position: int) -> None:
        self._active = (segment, position)

    def focus_segment(self, index: int, position: int) -> None:
        self._active = (index, position)
        segment = self.segments[index]
        segment.setFocus(Qt.FocusReason.OtherFocusReason)
        segment.setCursorPosition(position)

    def focus_end(self) -> None:
        last = len(self.segments) - 1
        self.focus_segment(last, len(self.segments[last].text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the frame shows focus while any piece has it
        if isinstance(watched, SegmentEdit) and watched in self.segments:
            index = self.segments.index(watched)
            if event.type() == QEvent.Type.FocusIn:
                self._active = (index, watched.cursorPosition())
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
                return self._segment_key(index, watched, event)
        return super().eventFilter(watched, event)

    def _segment_key(self, index: int, segment: SegmentEdit, event: QKeyEvent) -> bool:
        """Backspace/Delete remove the neighbouring chip; arrows step over chips."""
        no_selection = not segment.hasSelectedText()
        at_start = segment.cursorPosition() == 0 and no_selection
        at_end = segment.cursorPosition() == len(segment.text()) and no_selection
        last = len(self.segments) - 1
        key = event.key()
        if key == Qt.Key.Key_Backspace and at_start and index > 0:
            self.removeRequested.emit(index - 1)
        elif key == Qt.Key.Key_Delete and at_end and index < last:
            self.removeRequested.emit(index)
        elif key == Qt.Key.Key_Left and at_start and index > 0:
            self.focus_segment(index - 1, len(self.segments[index - 1].text()))
        elif key == Qt.Key.Key_Right and at_end and index < last:
            self.focus_segment(index + 1, 0)
        else:
            return False
        return True

    def has_focus_inside(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionFrame()
        option.initFrom(self)
        option.lineWidth = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        option.midLineWidth = 0
        option.state |= QStyle.StateFlag.State_Sunken
        if self.has_focus_inside():
            option.state |= QStyle.StateFlag.State_HasFocus
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.focus_end()  # a click beside the pieces means "type at the end"
            event.accept()
            return
        super().mousePressEvent(event)
