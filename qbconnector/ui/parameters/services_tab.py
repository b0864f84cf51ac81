"""Quickbooks services tab: pick the QuickBooks service; map FlowFit services in itemized mode."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.settings import Settings
from qbconnector.services import ServiceItem
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.form import FieldBox

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ServicesTab(ParametersTab):
    """Signals: changed() (inherited), refreshRequested() to load the QuickBooks services."""

    refreshRequested = Signal()
    prefixes = ("services.",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected_id = ""
        self._selected_name = ""
        self._mapping: dict[str, str] = {}
        self._items: list[ServiceItem] = []
        self._flowfit_services: list[str] = []
        self._itemized = False
        self._loading_selection = False  # selecting the saved row is not a user's change
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        self.model = QStandardItemModel(0, 2, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setObjectName("servicesTable")
        self.table.setAccessibleName(self.tr("QuickBooks services"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt starts descending
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.selected_label = QLabel()
        self.selected_label.setObjectName("servicesSelected")
        self.boxes["services.service_id"] = FieldBox(
            self.table, self.tr("Select the relevant service: document lines are posted to it.")
        )
        layout.addWidget(self.boxes["services.service_id"], 1)
        layout.addWidget(self.selected_label)
        self.mapping_group = QGroupBox(self.tr("Itemized mode: FlowFit service → QuickBooks item"))
        self.mapping_group.setObjectName("servicesMappingGroup")
        self.mapping_form = QFormLayout(self.mapping_group)
        mapping_errors = QLabel()
        mapping_errors.setObjectName("servicesMappingErrors")
        self.boxes["services.mapping"] = FieldBox(mapping_errors, "")
        layout.addWidget(self.mapping_group)
        layout.addWidget(self.boxes["services.mapping"])
        self._retitle()
        self._update_mapping_visibility()

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("servicesSearch")
        self.search.setPlaceholderText(self.tr("Search services"))
        self.search.setAccessibleName(self.tr("Search services"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("&Refresh from QuickBooks"))
        self.refresh_button.setObjectName("servicesRefresh")
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.status = QLabel()
        self.status.setObjectName("servicesStatus")
        row.addWidget(self.search, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.status)
        return row

    def title(self) -> str:
        return self.tr("Quickbooks services")

    def _retitle(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Description")])

    # -- loading -------------------------------------------------------------------------------

    def set_loading(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))

    def set_load_error(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(message)
        self.status.setProperty("role", "error")

    def set_items(self, items: list[ServiceItem]) -> None:
        """Show the QuickBooks services (active ones only) and reselect the saved one."""
        self.refresh_button.setEnabled(True)
        self._items = [item for item in items if item.active]
        self.status.setProperty("role", "")
        count = len(self._items)
        if count == 1:
            self.status.setText(self.tr("1 service"))
        else:
            self.status.setText(self.tr("%1 services").replace("%1", str(count)))
        self.model.removeRows(0, self.model.rowCount())
        for item in self._items:
            name = QStandardItem(item.name)
            name.setData(item.id, ID_ROLE)
            self.model.appendRow([name, QStandardItem(item.description)])
        self._select_saved()
        self._rebuild_mapping()

    def set_flowfit_services(self, names: list[str]) -> None:
        self._flowfit_services = sorted(set(names))
        self._rebuild_mapping()

    def set_itemized(self, itemized: bool) -> None:
        self._itemized = itemized
        self._update_mapping_visibility()

    # -- selection -----------------------------------------------------------------------------

    def _select_saved(self) -> None:
        self.table.clearSelection()
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(ID_ROLE) == self._selected_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self._loading_selection = True
                self.table.selectionModel().select(index, flags)
                self._loading_selection = False
        self._show_selected()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows(0)
        if not rows or self._loading_selection:
            return
        source = self.proxy.mapToSource(rows[0])
        item = self.model.item(source.row(), 0)
        self._selected_id = str(item.data(ID_ROLE))
        self._selected_name = item.text()
        self._show_selected()
        self._emit_changed()

    def _show_selected(self) -> None:
        if self._selected_id:
            self.selected_label.setText(
                self.tr("Selected service: %1 (#%2)")
                .replace("%1", self._selected_name or "?")
                .replace("%2", self._selected_id)
            )
        else:
            self.selected_label.setText(self.tr("No service selected yet."))

    # -- itemized mapping -------------------------------------------------------------------------

    def _update_mapping_visibility(self) -> None:
        self.mapping_group.setVisible(self._itemized)

    def _rebuild_mapping(self) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        if not self._flowfit_services:
            self.mapping_form.addRow(QLabel(self.tr("No FlowFit services seen in the documents.")))
            return
        for service in self._flowfit_services:
            combo = QComboBox()
            combo.setObjectName(f"servicesMap_{service}")
            combo.setAccessibleName(self.tr("QuickBooks item for %1").replace("%1", service))
            combo.addItem(self.tr("(the selected service)"), "")
            for item in self._items:
                combo.addItem(item.name, item.id)
            mapped = self._mapping.get(service, "")
            index = combo.findData(mapped)
            if index < 0 and mapped:
                combo.addItem(self.tr("Item #%1 (not loaded)").replace("%1", mapped), mapped)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(
                lambda _i, s=service, c=combo: self._mapping_changed(s, c)
            )
            self.mapping_form.addRow(service, combo)

    def _mapping_changed(self, service: str, combo: QComboBox) -> None:
        value = str(combo.currentData() or "")
        if value:
            self._mapping[service] = value
        else:
            self._mapping.pop(service, None)
        self._emit_changed()

    # -- settings ------------------------------------------------------------------------------

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        self._selected_id = settings.services.service_id
        self._selected_name = settings.services.service_name
        self._mapping = dict(settings.services.mapping)
        self._select_saved()
        self._rebuild_mapping()

    def apply(self, settings: Settings) -> Settings:
        return settings.with_section(
            "services",
            service_id=self._selected_id,
            service_name=self._selected_name,
            mapping=dict(self._mapping),
        )
