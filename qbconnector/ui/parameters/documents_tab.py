"""Client invoices and Client quotes tabs: the description builder and the automatic switch."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.settings import Settings
from qbconnector.core.template import FieldLimit
from qbconnector.core.validation import FieldError
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.form import FieldBox, add_row
from qbconnector.ui.widgets.chip_editor import ChipTemplateEditor
from qbconnector.ui.widgets.toggle_switch import ToggleSwitch


class DocumentsTab(ParametersTab):
    """One tab per kind. Signals: changed() (inherited)."""

    def __init__(self, kind: DocumentKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.section = "invoices" if kind is DocumentKind.INVOICE else "quotes"
        self.prefixes = (f"{self.section}.",)
        stem = "invoice" if kind is DocumentKind.INVOICE else "quote"
        self.editor = ChipTemplateEditor(kind)
        self.editor.setObjectName(f"{stem}DescriptionEditor")
        self.editor.templateChanged.connect(self._emit_changed)
        box = FieldBox(self.editor)
        self.boxes[f"{self.section}.description"] = box
        self.auto_sync = ToggleSwitch(self._switch_label())
        self.auto_sync.setObjectName(f"{stem}AutoSync")
        self.auto_sync.toggled.connect(self._emit_changed)
        self.boxes[f"{self.section}.auto_sync"] = FieldBox(
            self.auto_sync, self._switch_help(), compact=True
        )
        form = QFormLayout()
        add_row(form, self._switch_label(), self.boxes[f"{self.section}.auto_sync"])
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addStretch(1)

    def title(self) -> str:
        if self.kind is DocumentKind.INVOICE:
            return self.tr("Client invoices")
        return self.tr("Client quotes")

    def _switch_label(self) -> str:
        if self.kind is DocumentKind.INVOICE:
            return self.tr("Automatic sync. approved invoice")
        return self.tr("Automatic sync. approved quote")

    def _switch_help(self) -> str:
        if self.kind is DocumentKind.INVOICE:
            return self.tr(
                "To the right, approved invoices are pushed to QuickBooks automatically. To the "
                "left, push them from Finance > Invoices with Synchronize."
            )
        return self.tr(
            "To the right, approved quotes are pushed to QuickBooks (as estimates) "
            "automatically. To the left, push them from Finance > Quotes with Synchronize."
        )

    def show_errors(self, errors: list[FieldError]) -> int:
        shown = super().show_errors(errors)
        box = self.boxes[f"{self.section}.description"]
        if box.has_error() and self.editor.error_text():
            # The editor words template problems in the window's language; the core's
            # message under it would repeat them in English.
            box.set_error(self.editor.error_text())
        return shown

    def set_preview_document(self, document: Document | None) -> None:
        self.editor.set_preview_document(document)

    def set_itemized(self, itemized: bool) -> None:
        """In itemized mode the description goes to the customer memo, which is shorter."""
        limit = FieldLimit.CUSTOMER_MEMO if itemized else FieldLimit.LINE_DESCRIPTION
        self.editor.set_limit(int(limit))

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        section = getattr(settings, self.section)
        self.editor.set_template(section.description)
        self.auto_sync.setChecked(section.auto_sync)

    def apply(self, settings: Settings) -> Settings:
        return settings.with_section(
            self.section,
            description=self.editor.template_text(),
            auto_sync=self.auto_sync.isChecked(),
        )
