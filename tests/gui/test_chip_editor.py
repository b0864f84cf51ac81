"""The description builder: chips, text between them, preview, counter and the text form."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind
from qbconnector.core.template import FieldLimit, parse_template
from qbconnector.core.variables import VARIABLES, sample_document
from qbconnector.ui.widgets.chip_editor import ChipTemplateEditor

DEFAULT = "Invoice #%DOCUMENT_NUMBER% - %PROJECT_NUMBER%"


@pytest.fixture
def editor(qtbot: QtBot) -> ChipTemplateEditor:
    widget = ChipTemplateEditor(DocumentKind.INVOICE)
    qtbot.addWidget(widget)
    widget.set_template(DEFAULT)
    widget.resize(520, 220)
    widget.show()
    widget.activateWindow()  # focus assertions need an active window (matters under Xvfb)
    qtbot.waitActive(widget)
    return widget


def menu_action(editor: ChipTemplateEditor, name: str) -> QAction:
    action = editor.menu.findChild(QAction, f"insert_{name}")
    assert isinstance(action, QAction), name
    return action


def chip_names(editor: ChipTemplateEditor) -> list[str]:
    return [chip.name for chip in editor.chips()]


def test_template_shows_as_chips_and_text(editor: ChipTemplateEditor) -> None:
    assert chip_names(editor) == ["DOCUMENT_NUMBER", "PROJECT_NUMBER"]
    assert [segment.text() for segment in editor.segments()] == ["Invoice #", " - ", ""]
    assert [chip.label.text() for chip in editor.chips()] == ["Document number", "Project number"]
    assert editor.text_form.text() == DEFAULT
    assert editor.title_label.text() == "Invoice description"


def test_menu_groups_variables_by_section(editor: ChipTemplateEditor) -> None:
    sections = [action.text() for action in editor.menu.actions() if action.isSeparator()]
    assert sections == ["Project", "Client", "Document", "Date"]
    names = {action.data() for action in editor.menu.actions() if not action.isSeparator()}
    assert "DUE_DATE" in names
    assert "VALID_UNTIL" not in names
    assert editor.plus_button.menu() is editor.menu


def test_menu_action_appends_a_chip_at_the_end(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    with qtbot.waitSignal(editor.templateChanged, timeout=1000) as blocker:
        menu_action(editor, "CLIENT_CODE").trigger()
    expected = DEFAULT + "%CLIENT_CODE%"
    assert blocker.args == [expected]
    assert chip_names(editor)[-1] == "CLIENT_CODE"
    assert editor.text_form.text() == expected
    assert editor.template() == parse_template(expected)


def test_menu_action_inserts_at_the_text_cursor(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    first = editor.segments()[0]
    first.setFocus()
    first.setCursorPosition(len("Invoice"))
    menu_action(editor, "YYYY").trigger()
    assert editor.template_text() == "Invoice%YYYY% #%DOCUMENT_NUMBER% - %PROJECT_NUMBER%"
    assert editor.segments()[1].hasFocus()
    assert editor.segments()[1].cursorPosition() == 0


def test_white_cross_removes_its_chip(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    remove = editor.chips()[0].remove_button
    assert remove.text() == "✕"
    assert remove.objectName() == "template_chip_0_remove"
    with qtbot.waitSignal(editor.templateChanged, timeout=1000) as blocker:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Invoice # - %PROJECT_NUMBER%"]
    assert chip_names(editor) == ["PROJECT_NUMBER"]
    assert [segment.text() for segment in editor.segments()] == ["Invoice # - ", ""]


def test_typing_between_chips(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    middle = editor.segments()[1]
    middle.setFocus()
    middle.setCursorPosition(len(middle.text()))
    with qtbot.waitSignal(editor.templateChanged, timeout=1000):
        qtbot.keyClicks(middle, "P 100%")
    assert editor.text_form.text() == "Invoice #%DOCUMENT_NUMBER% - P 100%%%PROJECT_NUMBER%"
    assert "INV-1042 - P 100%P-2025-0117" in editor.preview_label.text()
    assert len(editor.chips()) == 2


def test_segments_grow_with_their_text(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    last = editor.segments()[-1]
    narrow = last.sizeHint().width()
    qtbot.keyClicks(last, " and some more words")
    assert last.sizeHint().width() > narrow + 50


def test_backspace_at_start_of_text_removes_previous_chip(
    qtbot: QtBot, editor: ChipTemplateEditor
) -> None:
    last = editor.segments()[2]
    last.setFocus()
    qtbot.keyClicks(last, "X")
    last.setCursorPosition(0)
    qtbot.keyClick(last, Qt.Key.Key_Backspace)
    assert editor.template_text() == "Invoice #%DOCUMENT_NUMBER% - X"
    merged = editor.segments()[1]
    assert merged.hasFocus()
    assert merged.cursorPosition() == len(" - ")


def test_delete_at_end_of_text_removes_next_chip(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    first = editor.segments()[0]
    first.setFocus()
    first.setCursorPosition(len(first.text()))
    qtbot.keyClick(first, Qt.Key.Key_Delete)
    assert editor.template_text() == "Invoice # - %PROJECT_NUMBER%"


def test_arrows_step_over_chips(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    first = editor.segments()[0]
    first.setFocus()
    first.setCursorPosition(len(first.text()))
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert editor.segments()[1].hasFocus()
    qtbot.keyClick(editor.segments()[1], Qt.Key.Key_Left)
    assert first.hasFocus()
    assert editor.template_text() == DEFAULT


def test_tab_reaches_every_cross_in_reading_order(editor: ChipTemplateEditor) -> None:
    chain: list[QWidget] = [editor.plus_button]
    while chain[-1] is not editor.text_form and len(chain) < 20:
        chain.append(chain[-1].nextInFocusChain())
    names = [widget.objectName() for widget in chain]
    assert names == [
        "template_add_variable",
        "template_segment_0",
        "template_chip_0_remove",
        "template_segment_1",
        "template_chip_1_remove",
        "template_segment_2",
        "template_text_form",
    ]
    assert all(widget.focusPolicy() & Qt.FocusPolicy.TabFocus for widget in chain)
    assert all(widget.accessibleName() for widget in chain)


def test_preview_uses_the_given_document(editor: ChipTemplateEditor) -> None:
    assert editor.preview_label.text() == "Preview: Invoice #INV-1042 - P-2025-0117"
    document = dataclasses.replace(sample_document(DocumentKind.INVOICE), number="F-77")
    editor.set_preview_document(document)
    rendered = "Invoice #F-77 - P-2025-0117"
    assert editor.preview_label.text() == f"Preview: {rendered}"
    assert editor.counter_label.text() == f"{len(rendered)} / {FieldLimit.LINE_DESCRIPTION}"
    tooltip = editor.counter_label.toolTip()
    assert str(parse_template(DEFAULT).longest_rendering()) in tooltip


def test_counter_turns_red_over_the_limit(editor: ChipTemplateEditor) -> None:
    length = len("Invoice #INV-1042 - P-2025-0117")
    assert editor.counter_label.property("overLimit") is False
    editor.set_limit(FieldLimit.CUSTOMER_MEMO)
    assert editor.counter_label.text() == f"{length} / 1000"
    editor.set_limit(length - 1)
    assert editor.counter_label.property("overLimit") is True
    assert "color" in editor.counter_label.styleSheet()
    assert "QuickBooks accepts at most" in editor.error_text()
    assert editor.text_form.property("invalid") is False  # too long, but well formed
    editor.set_limit(length)
    assert editor.counter_label.property("overLimit") is False
    assert editor.counter_label.styleSheet() == ""
    assert editor.error_text() == ""


def test_text_form_edits_rebuild_the_chips(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    emitted: list[str] = []
    editor.templateChanged.connect(emitted.append)
    editor.text_form.selectAll()
    qtbot.keyClicks(editor.text_form, "%CLIENT_NAME% / %YY%-%MM%")
    assert emitted[-1] == "%CLIENT_NAME% / %YY%-%MM%"
    assert "%CLIENT_NAME" not in emitted  # half-typed variables never reach the model
    assert chip_names(editor) == ["CLIENT_NAME", "YY", "MM"]
    assert [segment.text() for segment in editor.segments()] == ["", " / ", "-", ""]
    assert editor.error_text() == ""


def test_invalid_text_form_reports_and_keeps_the_chips(
    qtbot: QtBot, editor: ChipTemplateEditor
) -> None:
    editor.text_form.setFocus()
    editor.text_form.setCursorPosition(len(DEFAULT))
    qtbot.keyClicks(editor.text_form, " ")
    with qtbot.assertNotEmitted(editor.templateChanged):
        qtbot.keyClicks(editor.text_form, "%PROJEC_NAME%")
    assert "Did you mean %PROJECT_NAME%?" in editor.error_text()
    assert editor.text_form.property("invalid") is True
    assert editor.text_form.text() == DEFAULT + " %PROJEC_NAME%"
    assert chip_names(editor) == ["DOCUMENT_NUMBER", "PROJECT_NUMBER"]
    with qtbot.waitSignal(editor.templateChanged, timeout=1000):
        editor.text_form.setCursorPosition(len(DEFAULT) + len(" %PROJEC"))
        qtbot.keyClicks(editor.text_form, "T")
    assert chip_names(editor) == ["DOCUMENT_NUMBER", "PROJECT_NUMBER", "PROJECT_NAME"]
    assert editor.error_text() == ""
    assert editor.text_form.property("invalid") is False


def test_unterminated_percent_is_reported(qtbot: QtBot, editor: ChipTemplateEditor) -> None:
    editor.text_form.setFocus()
    editor.text_form.setCursorPosition(len(DEFAULT))
    qtbot.keyClicks(editor.text_form, " 50%")
    assert "is not closed" in editor.error_text()
    qtbot.keyClicks(editor.text_form, " off")
    assert "is not closed" in editor.error_text()
    assert chip_names(editor) == ["DOCUMENT_NUMBER", "PROJECT_NUMBER"]
    assert editor.template_text() == DEFAULT + " 50"  # the last valid state


def test_quote_editor_refuses_invoice_only_variables(qtbot: QtBot) -> None:
    editor = ChipTemplateEditor(DocumentKind.QUOTE)
    qtbot.addWidget(editor)
    assert editor.title_label.text() == "Quote description"
    assert editor.menu.findChild(QAction, "insert_DUE_DATE") is None
    assert editor.menu.findChild(QAction, "insert_VALID_UNTIL") is not None
    qtbot.keyClicks(editor.text_form, "%DUE_DATE%")
    assert "cannot be used in quotes" in editor.error_text()
    assert editor.chips() == []
    editor.set_template("%DOCUMENT_NUMBER%")
    assert editor.preview_label.text() == "Preview: Q-0387"


def test_switching_kind_flags_a_now_invalid_chip(editor: ChipTemplateEditor) -> None:
    editor.set_template("%DUE_DATE%")
    assert editor.error_text() == ""
    editor.set_kind(DocumentKind.QUOTE)
    assert "%DUE_DATE%" in editor.error_text()
    assert chip_names(editor) == ["DUE_DATE"]


def test_every_variable_can_be_added_from_the_menu(editor: ChipTemplateEditor) -> None:
    editor.set_template("")
    names = [action.data() for action in editor.menu.actions() if not action.isSeparator()]
    for name in names:
        menu_action(editor, name).trigger()
    assert chip_names(editor) == names
    assert set(names) == {
        name for name, spec in VARIABLES.items() if spec.applies_to(DocumentKind.INVOICE)
    }
    assert editor.segments()[-1].placeholderText() == ""


def test_empty_editor_invites_typing(qtbot: QtBot) -> None:
    editor = ChipTemplateEditor()
    qtbot.addWidget(editor)
    assert editor.template_text() == ""
    assert "+" in editor.segments()[0].placeholderText()
    assert editor.counter_label.text() == "0 / 4000"
