"""The description naming-convention builder: variable chips with plain text around them.

The editor holds one token list as ``texts`` (plain text, one more than chips) and ``names``
(variables): ``texts[0] names[0] texts[1] ... names[n-1] texts[n]``. The chips view and the
text form (``%NAME%`` syntax) both render that model; an invalid text form is reported but
never overwrites the model.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.template import (
    FieldLimit,
    Template,
    TemplateError,
    Text,
    Token,
    Variable,
    check_length,
    parse_template,
    validate_for_kind,
)
from qbconnector.core.variables import VARIABLES, sample_document
from qbconnector.ui.i18n import current_language
from qbconnector.ui.widgets.chip_box import ChipBox
from qbconnector.ui.widgets.chip_parts import (
    SegmentEdit,
    VariableChip,
    add_variable_button,
    chip_style_sheet,
    fill_variable_menu,
)
from qbconnector.ui.widgets.template_messages import TemplateMessages

ERROR_COLOUR = "#d0342c"


class ChipTemplateEditor(QWidget):
    """Builds a description naming convention from variable chips and plain text.

    Signals: ``templateChanged(str)`` with the text form, whenever the model changes.
    """

    templateChanged = Signal(str)

    def __init__(self, kind: DocumentKind = DocumentKind.INVOICE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("template_editor")
        self._kind = kind
        self._limit = int(FieldLimit.LINE_DESCRIPTION)
        self._preview_document: Document | None = None
        self._texts: list[str] = [""]
        self._names: list[str] = []
        self._messages = TemplateMessages(self)
        self._build()
        self._retranslate()
        self._rebuild_pieces()
        self._refresh_outputs()

    # -- construction ------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(chip_style_sheet())
        self.title_label = QLabel(self)
        self.title_label.setObjectName("template_title")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.plus_button = add_variable_button(self)
        self.menu = self.plus_button.menu()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title_label)
        header.addStretch(1)
        header.addWidget(self.plus_button)

        self.box = ChipBox(self)
        self.box.segmentEdited.connect(self._on_segment_edited)
        self.box.removeRequested.connect(self.remove_chip)

        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("template_preview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        muted = self.preview_label.palette()
        muted.setColor(
            QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText)
        )
        self.preview_label.setPalette(muted)
        self.counter_label = QLabel(self)
        self.counter_label.setObjectName("template_counter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        under = QHBoxLayout()
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(self.preview_label, 1)
        under.addWidget(self.counter_label, 0, Qt.AlignmentFlag.AlignTop)

        self.text_form_label = QLabel(self)
        self.text_form_label.setObjectName("template_text_form_label")
        self.text_form = QLineEdit(self)
        self.text_form.setObjectName("template_text_form")
        self.text_form_label.setBuddy(self.text_form)
        self.text_form.textEdited.connect(self._on_text_form_edited)
        text_row = QHBoxLayout()
        text_row.setContentsMargins(0, 0, 0, 0)
        text_row.addWidget(self.text_form_label)
        text_row.addWidget(self.text_form, 1)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("template_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.box)
        layout.addLayout(under)
        layout.addLayout(text_row)
        layout.addWidget(self.error_label)

    def _retranslate(self) -> None:
        title = (
            self.tr("Invoice description")
            if self._kind is DocumentKind.INVOICE
            else self.tr("Quote description")
        )
        self.title_label.setText(title)
        self.plus_button.setToolTip(self.tr("Add a FlowFit variable"))
        self.plus_button.setAccessibleName(self.tr("Add a FlowFit variable"))
        self.box.setAccessibleName(title)
        self.text_form_label.setText(self.tr("Text form:"))
        self.text_form.setAccessibleName(self.tr("Naming convention as text"))
        self.text_form.setToolTip(
            self.tr("Variables are written %NAME%; write %% for a percent sign.")
        )
        self.preview_label.setAccessibleName(self.tr("Preview"))
        self.counter_label.setAccessibleName(self.tr("Length"))
        self.error_label.setAccessibleName(self.tr("Problem"))
        self._fill_menu()

    def _fill_menu(self) -> None:
        fill_variable_menu(self.menu, self._kind, current_language(), self.insert_variable)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._rebuild_pieces()
            self._refresh_outputs()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------
    def kind(self) -> DocumentKind:
        return self._kind

    def set_kind(self, kind: DocumentKind) -> None:
        """Invoice or quote: changes the title, the ＋ menu and which variables are valid."""
        self._kind = kind
        self._retranslate()
        self._refresh_outputs()

    def limit(self) -> int:
        return self._limit

    def set_limit(self, limit: int) -> None:
        """The QuickBooks field limit the counter compares with (see ``FieldLimit``)."""
        self._limit = int(limit)
        self._refresh_outputs()

    def set_preview_document(self, document: Document | None) -> None:
        """The document the preview renders; None uses a built-in sample."""
        self._preview_document = document
        self._refresh_outputs()

    def template(self) -> Template:
        tokens: list[Token] = [Text(self._texts[0])]
        for name, text in zip(self._names, self._texts[1:], strict=True):
            tokens.extend((Variable(name), Text(text)))
        return Template(tuple(tokens))

    def template_text(self) -> str:
        return self.template().to_text()

    def set_template(self, template: Template | str) -> None:
        """Show ``template`` (text form or tokens); raises TemplateError on unparsable text."""
        parsed = parse_template(template) if isinstance(template, str) else template
        self._load(parsed)
        self._model_changed()

    def error_text(self) -> str:
        """The problem shown under the text form, or "" when the template is usable."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def chips(self) -> list[VariableChip]:
        return list(self.box.chips)

    def segments(self) -> list[SegmentEdit]:
        return list(self.box.segments)

    def insert_variable(self, name: str) -> None:
        """Insert a chip at the last text cursor position (the end when none was used)."""
        index, position = self.box.insertion_point()
        index = min(index, len(self._texts) - 1)
        text = self._texts[index]
        position = max(0, min(position, len(text)))
        self._texts[index : index + 1] = [text[:position], text[position:]]
        self._names.insert(index, name)
        self._model_changed()
        self.box.focus_segment(index + 1, 0)

    def remove_chip(self, index: int) -> None:
        """Remove chip ``index``; the text on both sides joins up."""
        left = self._texts[index]
        self._texts[index : index + 2] = [left + self._texts[index + 1]]
        del self._names[index]
        self._model_changed()
        self.box.focus_segment(index, len(left))

    # -- model <-> pieces ----------------------------------------------------------------
    def _load(self, template: Template) -> None:
        texts, names = [""], []
        for token in template.tokens:
            if isinstance(token, Text):
                texts[-1] += token.value
            else:
                names.append(token.name)
                texts.append("")
        self._texts, self._names = texts, names

    def _model_changed(self) -> None:
        self._rebuild_pieces()
        self._refresh_outputs()
        self.templateChanged.emit(self.template_text())

    def _rebuild_pieces(self) -> None:
        language = current_language()
        labels = [(name, VARIABLES[name].label(language)) for name in self._names]
        self.box.show_pieces(self._texts, labels)
        self.box.set_insertion_point(len(self._texts) - 1, len(self._texts[-1]))
        chain = [self.plus_button, *self.box.focus_chain(), self.text_form]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- user input ----------------------------------------------------------------------
    def _on_segment_edited(self, index: int, text: str) -> None:
        self._texts[index] = text
        self._refresh_outputs()
        self.templateChanged.emit(self.template_text())

    def _on_text_form_edited(self, text: str) -> None:
        try:
            template = parse_template(text)
            validate_for_kind(template, self._kind)
        except TemplateError as error:
            self._show_error(self._messages.describe(error))
            return
        self._load(template)
        self._rebuild_pieces()
        self._refresh_outputs()
        self.templateChanged.emit(self.template_text())

    # -- outputs -------------------------------------------------------------------------
    def _refresh_outputs(self) -> None:
        template = self.template()
        if self.text_form.text() != template.to_text():
            self.text_form.setText(template.to_text())
            if not self.text_form.hasFocus():
                self.text_form.setCursorPosition(0)  # show the start, not the tail
        document = self._preview_document or sample_document(self._kind)
        result = check_length(template.render(document), self._limit)
        self.preview_label.setText(self.tr("Preview: {text}").format(text=result.text))
        self.counter_label.setText(f"{result.length} / {self._limit}")
        self.counter_label.setProperty("overLimit", result.over_limit)
        self.counter_label.setStyleSheet(f"color: {ERROR_COLOUR};" if result.over_limit else "")
        self.counter_label.setToolTip(
            self.tr("Up to {count} characters with the longest values").format(
                count=template.longest_rendering()
            )
        )
        try:
            validate_for_kind(template, self._kind)
        except TemplateError as error:
            self._show_error(self._messages.describe(error))
            return
        too_long = self._messages.too_long(result.length, self._limit) if result.over_limit else ""
        self._show_error(too_long, template_invalid=False)

    def _show_error(self, message: str, *, template_invalid: bool = True) -> None:
        """Show ``message`` in red under the text form; the text form turns red if invalid."""
        invalid = bool(message) and template_invalid
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.text_form.setProperty("invalid", invalid)
        self.text_form.setStyleSheet(f"color: {ERROR_COLOUR};" if invalid else "")
