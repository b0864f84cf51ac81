"""The proxy between the Finance table and its model: sorting and filtering served by the model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from qbconnector.ui.finance.model import FinanceTableModel, RowFilter


class FinanceProxy(QIdentityProxyModel):
    """The view's sort and filter interface. The source model sorts and filters on
    precomputed keys (a Python lessThan or filterAcceptsRow would be called once per row or
    comparison: seconds for 100,000 rows), so the proxy only passes rows through one to one
    (an identity proxy keeps no mapping table to rebuild after each sort or search, tens of
    milliseconds for 100,000 rows). No signals of its own.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.row_filter = RowFilter()
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def finance_model(self) -> FinanceTableModel | None:
        model = self.sourceModel()
        return model if isinstance(model, FinanceTableModel) else None

    def show_model(self, model: FinanceTableModel, *, fresh: bool = False) -> None:
        """Show ``model`` (another kind's, or just loaded) with this search, filters and sort;
        ``fresh``: just listed, so its order stands if it was made for them (sorting 100,000
        rows again on a worker would only slow the first paint, which waits its turn for the
        interpreter lock)."""
        if not (fresh and model.ordered_as(self.sort_column, self.sort_order, self.row_filter)):
            model.apply_filter(self.row_filter)
            if self.sort_column >= 0:
                model.sort_rows(self.sort_column, self.sort_order)
        if self.sourceModel() is not model:
            self.setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        model = self.finance_model()
        if model is not None:
            model.sort_rows(column, order)

    def set_row_filter(self, row_filter: RowFilter) -> None:
        if row_filter == self.row_filter:
            return
        self.row_filter = row_filter
        model = self.finance_model()
        if model is not None:
            model.apply_filter(row_filter)

    def multiData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        span: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """Every role a delegate asks of one cell, in one Python call: Qt's default asks once
        per role, and each call from Qt waits its turn for the interpreter lock while a worker
        thread holds it (a table repaint: about 350 calls instead of 3,000, 23 -> 15 ms)."""
        source = self.sourceModel()
        if source is None:
            return
        source_index = self.mapToSource(index)
        if isinstance(span, QModelRoleData):
            items = [span]
        else:  # PySide6 indexes a span; its type stubs do not say so
            items = [span[position] for position in range(span.size())]  # type: ignore[index]
        for item in items:
            item.setData(source.data(source_index, item.role()))

    def source_row(self, index: QModelIndex | QPersistentModelIndex) -> int:
        return self.mapToSource(index).row()
