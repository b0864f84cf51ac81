"""Tells when a widget is painted for the first time (start-up measurements, the self-test)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal


class FirstPaint(QObject):
    """Watches ``target`` until its first paint event.

    Signals: painted() once, on the first paint event of the target.
    """

    painted = Signal()

    def __init__(self, target: QObject) -> None:
        super().__init__(target)
        self.seen = False
        self._target = target
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and watched is self._target and event.type() == QEvent.Type.Paint:
            self.seen = True
            self._target.removeEventFilter(self)
            self.painted.emit()
        return False
