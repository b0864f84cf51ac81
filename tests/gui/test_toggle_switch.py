"""The toggle switch: mouse, keyboard, signal, animation, accessibility."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qbconnector.ui.widgets.toggle_switch import ToggleSwitch


@pytest.fixture
def switch(qtbot: QtBot) -> ToggleSwitch:
    widget = ToggleSwitch("Automatic sync. approved invoice")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_click_turns_it_on_and_the_knob_slides_right(qtbot: QtBot, switch: ToggleSwitch) -> None:
    with qtbot.waitSignal(switch.toggled, timeout=1000) as blocker:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert switch.isChecked()
    qtbot.waitUntil(lambda: switch.knob == pytest.approx(1.0), timeout=2000)


def test_click_again_turns_it_off(qtbot: QtBot, switch: ToggleSwitch) -> None:
    switch.setChecked(True)
    qtbot.waitUntil(lambda: switch.knob == pytest.approx(1.0), timeout=2000)
    with qtbot.waitSignal(switch.toggled, timeout=1000) as blocker:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    qtbot.waitUntil(lambda: switch.knob == pytest.approx(0.0), timeout=2000)


def test_space_toggles_with_keyboard_focus(qtbot: QtBot, switch: ToggleSwitch) -> None:
    assert switch.focusPolicy() == Qt.FocusPolicy.StrongFocus
    switch.setFocus()
    with qtbot.waitSignal(switch.toggled, timeout=1000) as blocker:
        qtbot.keyClick(switch, Qt.Key.Key_Space)
    assert blocker.args == [True]
    qtbot.keyClick(switch, Qt.Key.Key_Space)
    assert not switch.isChecked()


def test_state_set_before_showing_does_not_animate(qtbot: QtBot) -> None:
    widget = ToggleSwitch()
    qtbot.addWidget(widget)
    widget.setChecked(True)
    assert widget.knob == pytest.approx(1.0)


def test_disabled_switch_ignores_clicks(qtbot: QtBot, switch: ToggleSwitch) -> None:
    switch.setEnabled(False)
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert not switch.isChecked()


def test_accessible_name_size_and_painting(qtbot: QtBot, switch: ToggleSwitch) -> None:
    assert switch.accessibleName() == "Automatic sync. approved invoice"
    hint = switch.sizeHint()
    assert hint.width() > hint.height() > 0
    switch.setFocus()
    switch.setChecked(True)
    assert not switch.grab().isNull()  # paints the focus ring and the "on" track


def test_switch_in_a_form_keeps_its_size(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    widget = ToggleSwitch(parent=holder)
    assert widget.minimumSizeHint() == widget.sizeHint()
