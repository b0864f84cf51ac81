"""An on/off switch drawn as a track and a sliding knob, following the palette."""

from __future__ import annotations

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QPoint,
    QPropertyAnimation,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

TRACK_WIDTH = 38
TRACK_HEIGHT = 20
FOCUS_MARGIN = 3
ANIMATION_MS = 140


def _mix(first: QColor, second: QColor, share_of_second: float) -> QColor:
    keep = 1.0 - share_of_second
    return QColor.fromRgbF(
        first.redF() * keep + second.redF() * share_of_second,
        first.greenF() * keep + second.greenF() * share_of_second,
        first.blueF() * keep + second.blueF() * share_of_second,
    )


class ToggleSwitch(QAbstractButton):
    """A checkable button that looks like a switch; "on" is the knob on the right.

    Signals (inherited from QAbstractButton): ``toggled(bool)``, ``clicked(bool)``.
    The ``knob`` property (0.0 = off, 1.0 = on) is what the animation moves.
    """

    def __init__(self, accessible_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self._knob = 0.0
        self._animation = QPropertyAnimation(self, b"knob", self)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.toggled.connect(self._slide_knob)

    def _get_knob(self) -> float:
        return self._knob

    def _set_knob(self, value: float) -> None:
        self._knob = value
        self.update()

    knob = Property(float, _get_knob, _set_knob)

    def _slide_knob(self, checked: bool) -> None:
        target = 1.0 if checked else 0.0
        self._animation.stop()
        if not self.isVisible():
            # Nothing to watch: jump, so a switch set before show() does not slide on show.
            self._set_knob(target)
            return
        self._animation.setStartValue(self._knob)
        self._animation.setEndValue(target)
        self._animation.start()

    def sizeHint(self) -> QSize:
        return QSize(TRACK_WIDTH + 2 * FOCUS_MARGIN, TRACK_HEIGHT + 2 * FOCUS_MARGIN)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def _track_rect(self) -> QRectF:
        left = (self.width() - TRACK_WIDTH) / 2
        top = (self.height() - TRACK_HEIGHT) / 2
        return QRectF(left, top, TRACK_WIDTH, TRACK_HEIGHT)

    def _track_colour(self) -> QColor:
        palette = self.palette()
        off = palette.color(QPalette.ColorRole.Mid)
        on = palette.color(QPalette.ColorRole.Highlight)
        return _mix(off, on, self._knob)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.isEnabled():
            painter.setOpacity(0.45)
        track = self._track_rect()
        radius = track.height() / 2
        if self.hasFocus():
            ring = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            grown = track.adjusted(-2, -2, 2, 2)
            painter.drawRoundedRect(grown, radius + 2, radius + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._track_colour())
        painter.drawRoundedRect(track, radius, radius)
        inset = 2.0
        diameter = track.height() - 2 * inset
        travel = track.width() - diameter - 2 * inset
        knob = QRectF(track.left() + inset + travel * self._knob, track.top() + inset, diameter,
                      diameter)  # fmt: skip
        painter.setBrush(QColor(Qt.GlobalColor.white))
        painter.setPen(QPen(QColor(0, 0, 0, 40), 0.8))
        painter.drawEllipse(knob)
        painter.end()
