"""Regression guard: PySide6 6.12.0 on CPython 3.11 aborts after a few hundred Signal.emit()."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

EMITS = 10_000


class Emitter(QObject):
    """Signals: ``ticked(bool)`` and ``pinged()``: one with a bool, one bare, like the crash."""

    ticked = Signal(bool)
    pinged = Signal()


def test_ten_thousand_emits_all_arrive(qtbot: QtBot) -> None:
    emitter = Emitter()
    flags: list[bool] = []
    pings: list[None] = []
    emitter.ticked.connect(flags.append)
    emitter.pinged.connect(lambda: pings.append(None))
    for index in range(EMITS):
        emitter.ticked.emit(index % 2 == 0)
        emitter.pinged.emit()
    assert len(flags) == EMITS
    assert flags.count(True) == EMITS // 2
    assert len(pings) == EMITS
