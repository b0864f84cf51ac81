"""FlowFit/Quickbooks tab: the connector API URL provided by Consoltec."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from qbconnector.core.settings import Settings
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.form import FieldBox, add_row


class FlowFitTab(ParametersTab):
    """Signals: changed() (inherited)."""

    prefixes = ("flowfit.",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        self.api_url = QLineEdit()
        self.api_url.setObjectName("flowfitApiUrl")
        self.api_url.setPlaceholderText("https://")
        self.api_url.textEdited.connect(self._emit_changed)
        self.boxes["flowfit.api_url"] = FieldBox(
            self.api_url,
            self.tr(
                "The FlowFit/Quickbooks API URL is filled in or provided by Consoltec. "
                "Leave it empty to use the documents imported into this computer's store."
            ),
        )
        add_row(form, self.tr("FlowFit/Quickbooks &API URL"), self.boxes["flowfit.api_url"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("FlowFit/Quickbooks")

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        self.api_url.setText(settings.flowfit.api_url)

    def apply(self, settings: Settings) -> Settings:
        return settings.with_section("flowfit", api_url=self.api_url.text().strip())
