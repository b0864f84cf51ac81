"""The state badges: a coloured pill per sync state ("syncing" pulses while a run goes) and per
state pulled from QuickBooks (paid, overdue, edited in QuickBooks...)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from qbconnector.storage.ledger_schema import PulledState
from qbconnector.sync.listing import QbState
from qbconnector.ui.finance.model import PULLED_ROLE, STATE_ROLE

BADGE_COLOURS = {
    QbState.NOT_SYNCED: QColor("#7b8089"),
    QbState.SYNCED: QColor("#2e7d32"),
    QbState.CHANGED: QColor("#b26a00"),
    QbState.FAILED: QColor("#c62828"),
    QbState.UNCERTAIN: QColor("#6a1b9a"),
    QbState.SYNCING: QColor("#1565c0"),
    QbState.TOTALS_DIFFER: QColor("#ad1457"),
}
_NEUTRAL, _AMBER, _WARNING = QColor("#5f6b7a"), QColor("#a15c00"), QColor("#8e24aa")
PULLED_COLOURS = {
    PulledState.PAID: QColor("#2e7d32"),
    PulledState.PARTIALLY_PAID: _AMBER,
    PulledState.UNPAID: _NEUTRAL,
    PulledState.OVERDUE: QColor("#c62828"),
    PulledState.ACCEPTED: QColor("#2e7d32"),
    PulledState.CONVERTED: QColor("#00695c"),
    PulledState.CLOSED: _NEUTRAL,
    PulledState.PENDING: _NEUTRAL,
    PulledState.REJECTED: QColor("#c62828"),
    # Someone changed our document in QuickBooks: the next push must not overwrite it blindly.
    PulledState.EDITED: _WARNING,
    PulledState.DELETED: _WARNING,
}
_PAD_X, _PAD_Y = 8, 2


class StateBadgeDelegate(QStyledItemDelegate):
    """Paints a state column: the sync state (``STATE_ROLE``, the default) or the pulled state
    (``PULLED_ROLE``). ``phase`` (0..1) drives the syncing pulse; the page advances it with a
    timer while documents are syncing. No signals."""

    def __init__(self, parent: Any = None, role: int = STATE_ROLE) -> None:
        super().__init__(parent)
        self.phase = 0.0
        self.role = role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(self.role)  # Qt hands the StrEnum back as a plain string
        if not value:
            super().paint(painter, option, index)
            return
        colour = self._colour(str(value))
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 2 * _PAD_X
        height = metrics.height() + 2 * _PAD_Y
        rect = option.rect
        badge = QRectF(rect.x() + 4, rect.y() + (rect.height() - height) / 2, width, height)
        if value == QbState.SYNCING and self.role == STATE_ROLE:
            colour.setAlphaF(0.55 + 0.45 * (0.5 + 0.5 * math.sin(self.phase * 2 * math.pi)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _colour(self, value: str) -> QColor:
        if self.role == PULLED_ROLE:
            return QColor(PULLED_COLOURS[PulledState(value)])
        return QColor(BADGE_COLOURS[QbState(value)])

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * _PAD_X + 8, hint.height() + 2 * _PAD_Y)
