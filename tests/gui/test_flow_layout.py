"""The flow layout wraps items into rows like words."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from qbconnector.ui.widgets.flow_layout import FlowLayout


def make_row(qtbot: QtBot, count: int) -> tuple[QWidget, FlowLayout, list[QLabel]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = FlowLayout(holder, h_spacing=4, v_spacing=2)
    layout.setContentsMargins(0, 0, 0, 0)
    labels = []
    for index in range(count):
        label = QLabel(f"item {index}")
        label.setFixedSize(50, 20)
        layout.addWidget(label)
        labels.append(label)
    return holder, layout, labels


def test_items_wrap_when_the_row_is_full(qtbot: QtBot) -> None:
    _holder, layout, labels = make_row(qtbot, 5)
    layout.setGeometry(QRect(0, 0, 120, 200))
    tops = [label.geometry().top() for label in labels]
    lefts = [label.geometry().left() for label in labels]
    assert tops == [0, 0, 22, 22, 44]
    assert lefts == [0, 54, 0, 54, 0]


def test_height_grows_as_width_shrinks(qtbot: QtBot) -> None:
    holder, layout, _ = make_row(qtbot, 6)
    assert holder.layout() is layout
    assert layout.hasHeightForWidth()
    assert layout.heightForWidth(400) == 20
    assert layout.heightForWidth(120) == 3 * 20 + 2 * 2
    assert layout.heightForWidth(10) == 6 * 20 + 5 * 2


def test_insert_and_take(qtbot: QtBot) -> None:
    holder, layout, labels = make_row(qtbot, 2)
    first = QLabel("first", holder)
    layout.insertWidget(0, first)
    assert layout.count() == 3
    item = layout.itemAt(0)
    assert item is not None
    assert item.widget() is first
    taken = layout.takeAt(2)
    assert taken is not None
    assert taken.widget() is labels[1]
    assert layout.takeAt(9) is None
    assert layout.itemAt(-1) is None
