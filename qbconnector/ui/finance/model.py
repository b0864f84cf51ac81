"""The Finance table model: compact rows, check state, sorting and filtering on precomputed keys.

(The order itself, its keys and filters are in :mod:`qbconnector.ui.finance.ordering`.)

Qt calls back into Python once per row when a proxy filters or sorts by itself (about 2 µs a
call: 0.2 s per pass over 100,000 rows, several seconds for a sort). So the model keeps the row
order itself (Python's sort and list comprehensions over compact rows take a few milliseconds)
and :class:`~qbconnector.ui.finance.proxy.FinanceProxy` hands sorting and filtering to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from qbconnector.core.documents import DocumentKind
from qbconnector.sync.listing import LedgerView, ListedDocument, QbState
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.ui.finance.ordering import (
    BACKGROUND_ROWS,
    COLUMN_COUNT,
    MONEY_COLUMNS,
    SORT_KEYS,
    Background,
    Column,
    Listing,
    RowFilter,
    SortState,
    filtered_indices,
    make_listing,
    sorted_indices,
)
from qbconnector.ui.finance.texts import pulled_label, state_label, status_label
from qbconnector.ui.i18n import current_language
from qbconnector.ui.messages import error_text, result_message

Index = QModelIndex | QPersistentModelIndex
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # a row's QbState (the badge delegate reads it)
PULLED_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # a row's PulledState, None until pulled
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _CHECK_STATE, _ALIGNMENT, _TOOLTIP, STATE_ROLE, PULLED_ROLE})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _SELECTABLE | Qt.ItemFlag.ItemIsUserCheckable
TEXT_CACHE_ROWS = 5000  # texts of rows seen lately; a screen shows about fifty


def display_locale() -> QLocale:
    """The system's locale for dates and money; the interface language's Canadian one when the
    system has none (the "C" locale prints dates as "21 04 2025")."""
    system = QLocale()
    if system.language() != QLocale.Language.C:
        return system
    return QLocale(f"{current_language()}_CA")


def money_text(amount: Decimal, locale: QLocale) -> str:
    """``1234.5`` as ``1,234.50`` or ``1 234,50``: the locale's separators, always two decimals."""
    text = f"{amount:,.2f}"
    return (
        text.replace(",", "\0")
        .replace(".", locale.decimalPoint())
        .replace("\0", locale.groupSeparator())
    )


def _instant_text(value: dt.datetime | None, locale: QLocale) -> str:
    if value is None:
        return ""
    moment = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000)).toLocalTime()
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


class FinanceTableModel(QAbstractTableModel):
    """The documents of one kind. Rows are stored once; ``_order`` lists the stored rows the
    view shows (filtered, sorted). The check state belongs to the stored rows.

    Signals: checkedCountChanged(int) whenever the number of checked documents changes;
    computeFailed(object exception) when a sort or search on a worker thread raised.
    """

    checkedCountChanged = Signal(int)
    computeFailed = Signal(object)

    def __init__(self, kind: DocumentKind, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.locale = display_locale()
        self._rows: list[ListedDocument] = []
        self._search: list[str] = []
        self._checks = bytearray()
        self._where: dict[str, int] = {}
        self._sorted: list[int] = []
        self._order: list[int] = []
        self._view_rows: list[int] | None = None
        self._filter = RowFilter()
        self._sort: tuple[Column, Qt.SortOrder] | None = None
        self._before_sync: dict[int, ListedDocument] = {}
        self._notes: dict[int, str] = {}  # this session's reasons (blocked, not sent) per row
        self._texts: dict[int, tuple[str | None, ...]] = {}
        self._generation = 0  # bumped by every change a background result must not undo
        self.background: Background | None = None  # set by the page: a worker-thread runner
        self.loaded = False
        self._computing = 0  # sorts and searches on a worker thread, not back yet

    # -- loading -------------------------------------------------------------------------------

    @property
    def sort_state(self) -> SortState:
        return self._sort

    @property
    def row_filter(self) -> RowFilter:
        return self._filter

    def set_documents(self, rows: list[ListedDocument] | Listing) -> None:
        """Replace every row (a :class:`Listing` made for the current sort and filter saves
        the GUI thread that work); checks of documents still listed are kept."""
        listing = (
            rows if isinstance(rows, Listing) else make_listing(rows, self._sort, self._filter)
        )
        # The user may have sorted or searched while it was made: it is shown as made, then
        # reordered below (on a worker thread for a big list).
        stale = (listing.sort, listing.row_filter) != (self._sort, self._filter)
        rows = listing.rows
        checked = set(self.checked_numbers())
        self._generation += 1
        self.beginResetModel()
        self._rows = rows
        self._search = listing.search
        self._where = listing.where
        self._checks = bytearray(len(rows))
        for number in checked:
            if number in self._where:
                self._checks[self._where[number]] = 1
        self._before_sync.clear()
        self._notes.clear()
        self._texts.clear()
        self._sorted = listing.sorted
        self._order = listing.order
        self._view_rows = None
        self.loaded = True
        self.endResetModel()
        self.checkedCountChanged.emit(self.checked_count())
        if stale:
            sort, wanted = self._sort, self._filter
            self._sort, self._filter = listing.sort, listing.row_filter
            self.apply_filter(wanted)
            if sort is not None:
                self.sort_rows(*sort)

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in MONEY_COLUMNS:
            return _RIGHT
        return None

    def column_title(self, column: Column) -> str:
        titles = {
            Column.CHECK: "",
            Column.NUMBER: self.tr("Number"),
            Column.DATE: self.tr("Date"),
            Column.CLIENT: self.tr("Client"),
            Column.PROJECT: self.tr("Project"),
            Column.TAX: self.tr("Tax"),
            Column.TOTAL: self.tr("Total"),
            Column.CURRENCY: self.tr("Currency"),
            Column.STATUS: self.tr("FlowFit status"),
            Column.QB_STATE: self.tr("Sync"),
            Column.PULLED: self.tr("In QuickBooks"),
            Column.BALANCE: self.tr("Balance"),
            Column.QB_NUMBER: self.tr("QuickBooks no."),
            Column.QB_TOTAL: self.tr("QuickBooks total"),
            Column.LAST_SYNC: self.tr("Last sync"),
            Column.ERROR: self.tr("Error"),
        }
        return titles[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CHECKABLE if index.column() == Column.CHECK else _SELECTABLE

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called thousands of times per repaint: answer unknown roles first, cache the texts.
        if role not in _ANSWERED:
            return None
        view_row, order = index.row(), self._order
        if not 0 <= view_row < len(order):
            return None
        stored = order[view_row]
        column = index.column()
        if role == _DISPLAY:
            texts = self._texts.get(stored)
            if texts is None:
                if len(self._texts) > TEXT_CACHE_ROWS:
                    self._texts.clear()
                texts = self._texts[stored] = self._display_texts(stored)
            return texts[column]
        if role == _CHECK_STATE:
            if column != Column.CHECK:
                return None
            return _CHECKED if self._checks[stored] else _UNCHECKED
        if role == _ALIGNMENT:
            return _RIGHT if column in MONEY_COLUMNS else None
        if role == _TOOLTIP:
            return (self.error_of(stored) or None) if column == Column.ERROR else None
        if role == PULLED_ROLE:
            return self._rows[stored].qbo_state
        return self._rows[stored].qb_state  # STATE_ROLE

    def _display_texts(self, stored: int) -> tuple[str | None, ...]:
        row, locale = self._rows[stored], self.locale
        day = QDate(row.date.year, row.date.month, row.date.day)
        return (
            None,
            row.number,
            locale.toString(day, QLocale.FormatType.ShortFormat),
            row.client,
            row.project,
            money_text(row.tax, locale),
            money_text(row.total, locale),
            row.currency,
            status_label(row.status),
            state_label(row.qb_state),
            pulled_label(row.qbo_state) if row.qbo_state is not None else "",
            money_text(row.qbo_balance, locale) if row.qbo_balance is not None else "",
            row.qb_number,
            money_text(row.qbo_total, locale) if row.qbo_total is not None else "",
            _instant_text(row.last_sync, locale),
            self.error_of(stored).split("\n", 1)[0],
        )

    def clear_texts(self) -> None:
        """Forget the cached cell texts (the language changed)."""
        self.locale = display_locale()
        self._texts.clear()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != Column.CHECK:
            return False
        stored = self._order[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._checks[stored] = 1 if checked else 0
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedCountChanged.emit(self.checked_count())
        return True

    # -- rows ----------------------------------------------------------------------------------

    def document_at(self, view_row: int) -> ListedDocument:
        return self._rows[self._order[view_row]]

    def document(self, number: str) -> ListedDocument | None:
        stored = self._where.get(number)
        return self._rows[stored] if stored is not None else None

    def error_for(self, number: str) -> str:
        stored = self._where.get(number)
        return self.error_of(stored) if stored is not None else ""

    def error_of(self, stored: int) -> str:
        row = self._rows[stored]
        if row.qb_state is QbState.TOTALS_DIFFER and row.qbo_total is not None:
            return totals_note(row.total, row.qbo_total, self.locale)
        return self._notes.get(stored) or error_text(row.error)

    def view_row_of(self, number: str) -> int:
        """Where the document is in the view now (-1 when filtered out or unknown)."""
        stored = self._where.get(number)
        return -1 if stored is None else self._view_index()[stored]

    def total_count(self) -> int:
        return len(self._rows)

    # -- check state ---------------------------------------------------------------------------

    def checked_count(self) -> int:
        return self._checks.count(1)

    def checked_numbers(self) -> list[str]:
        rows = self._rows
        return [rows[stored].number for stored in self._sorted if self._checks[stored]]

    def set_all_checked(self, checked: bool) -> None:
        """Check (or uncheck) every document of this kind, shown or not."""
        self._checks = bytearray(b"\x01" if checked else b"\x00") * len(self._rows)
        self._checks_changed()

    def check_visible(self) -> None:
        """Check every document the current search and filters show (others keep their mark)."""
        checks = self._checks
        for stored in self._order:
            checks[stored] = 1
        self._checks_changed()

    def set_checked_numbers(self, numbers: Iterable[str]) -> None:
        """Exactly these documents are checked."""
        self._checks = bytearray(len(self._rows))
        for number in numbers:
            stored = self._where.get(number)
            if stored is not None:
                self._checks[stored] = 1
        self._checks_changed()

    def _checks_changed(self) -> None:
        if self._order:
            first, last = self.index(0, Column.CHECK), self.index(len(self._order) - 1, 0)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.CheckStateRole])
        self.checkedCountChanged.emit(self.checked_count())

    # -- sorting and filtering (asked by the proxy) --------------------------------------------

    def ordered_as(self, column: int, order: Qt.SortOrder, row_filter: RowFilter) -> bool:
        """True when the rows are already in this sort and search (no work to redo)."""
        return (_sort_state(column, order), row_filter) == (self._sort, self._filter)

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder the view by ``column``; selections and the current row follow their rows."""
        sort = _sort_state(column, order)
        rows, search, wanted = self._rows, self._search, self._filter

        def compute() -> tuple[list[int], list[int]]:
            ordered = sorted_indices(rows, sort)
            return ordered, filtered_indices(rows, search, ordered, wanted)

        self._sort = sort
        self._compute(compute, self._apply_order)

    def apply_filter(self, row_filter: RowFilter) -> None:
        """Show only the rows ``row_filter`` accepts."""
        rows, search, ordered = self._rows, self._search, self._sorted
        self._filter = row_filter
        self._compute(lambda: (ordered, filtered_indices(rows, search, ordered, row_filter)),
                      self._apply_filtered)  # fmt: skip

    def _compute(self, work: Callable[[], Any], apply: Callable[[Any], None]) -> None:
        """``work()`` now, or on a worker thread for a big list; ``apply`` its result unless
        something newer changed the rows or the order meanwhile."""
        self._generation += 1
        if self.background is None or len(self._rows) < BACKGROUND_ROWS:
            apply(work())
            return
        generation = self._generation
        self._computing += 1

        def done(result: Any) -> None:
            self._computing -= 1
            if generation == self._generation:
                apply(result)

        def failed(error: Any) -> None:
            self._computing -= 1
            self.computeFailed.emit(error)

        self.background(work, done, failed)

    def is_computing(self) -> bool:
        """A sort or a search is being worked out on a worker thread."""
        return self._computing > 0

    def _apply_order(self, result: tuple[list[int], list[int]]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_order = self._order
        self._sorted, self._order = result
        self._view_rows = None
        new_rows = self._view_index()
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            new_row = new_rows[old_order[index.row()]] if index.row() < len(old_order) else -1
            moved.append(self.index(new_row, index.column()) if new_row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _apply_filtered(self, result: tuple[list[int], list[int]]) -> None:
        # A reset: the proxy maps rows again.
        self.beginResetModel()
        self._order = result[1]
        self._view_rows = None
        self.endResetModel()

    def _view_index(self) -> list[int]:
        if self._view_rows is None:
            positions = [-1] * len(self._rows)
            for view_row, stored in enumerate(self._order):
                positions[stored] = view_row
            self._view_rows = positions
        return self._view_rows

    # -- live updates --------------------------------------------------------------------------

    def mark_syncing(self, numbers: Iterable[str]) -> None:
        """These documents are being sent: the badge says so until their result arrives."""
        changed = []
        for number in numbers:
            stored = self._where.get(number)
            if stored is None:
                continue
            self._before_sync.setdefault(stored, self._rows[stored])
            self._rows[stored] = self._rows[stored]._replace(qb_state=QbState.SYNCING)
            self._notes.pop(stored, None)
            changed.append(stored)
        self._rows_changed(changed)

    def apply_results(self, results: Iterable[DocumentResult]) -> None:
        """Show each document's outcome (one repaint for the whole lot)."""
        now = dt.datetime.now(dt.UTC)
        changed = []
        for result in results:
            stored = self._where.get(result.number)
            if stored is None or result.kind is not self.kind:
                continue
            before = self._before_sync.pop(stored, self._rows[stored])
            self._rows[stored] = _after(before, result, now)
            if result.outcome in (Outcome.BLOCKED, Outcome.HELD, Outcome.NOT_SENT):
                self._notes[stored] = result_message(result)
            else:
                self._notes.pop(stored, None)
            changed.append(stored)
        self._rows_changed(changed)

    def apply_views(self, views: Mapping[tuple[DocumentKind, str], LedgerView | None]) -> int:
        """Take the ledger's word for these documents (after an automatic pass); returns how
        many of them are not in this list."""
        changed, unknown = [], 0
        for (kind, number), view in views.items():
            stored = self._where.get(number)
            if kind is not self.kind:
                continue
            if stored is None:
                unknown += 1
                continue
            self._rows[stored] = self._rows[stored].with_ledger(view)
            self._notes.pop(stored, None)
            changed.append(stored)
        self._rows_changed(changed)
        return unknown

    def _rows_changed(self, stored_rows: list[int]) -> None:
        for stored in stored_rows:
            self._texts.pop(stored, None)
        positions = self._view_index()
        shown = [positions[stored] for stored in stored_rows if positions[stored] >= 0]
        if shown:
            last_column = len(Column) - 1
            self.dataChanged.emit(self.index(min(shown), 0), self.index(max(shown), last_column))

    def any_syncing(self) -> bool:
        return bool(self._before_sync)

    def end_syncing(self) -> None:
        """Rows still marked syncing when a run ends without their result go back as they were."""
        changed = list(self._before_sync)
        for stored, before in self._before_sync.items():
            self._rows[stored] = before
        self._before_sync.clear()
        self._rows_changed(changed)


def totals_note(flowfit: Decimal, quickbooks: Decimal, locale: QLocale) -> str:
    """'QuickBooks total 5,168.31, FlowFit total 5,168.32: a difference of -0.01.'"""
    return QCoreApplication.translate(
        "FinanceTableModel",
        "QuickBooks total {quickbooks}, FlowFit total {flowfit}: a difference of {difference}.",
    ).format(
        quickbooks=money_text(quickbooks, locale),
        flowfit=money_text(flowfit, locale),
        difference=money_text(quickbooks - flowfit, locale),
    )


def _after(before: ListedDocument, result: DocumentResult, now: dt.datetime) -> ListedDocument:
    if result.outcome.synced:
        totals = result.totals
        differ = totals is not None and totals.differ
        return before._replace(
            qb_state=QbState.TOTALS_DIFFER if differ else QbState.SYNCED,
            qbo_id=result.qbo_id or before.qbo_id, qb_number=result.number, last_sync=now,
            error="", qbo_total=totals.qbo_total if totals else before.qbo_total,
        )  # fmt: skip
    if result.outcome is Outcome.FAILED:
        return before._replace(qb_state=QbState.FAILED, last_sync=now,
                               error=result_message(result))  # fmt: skip
    return before  # blocked, held or not sent: nothing changed in QuickBooks


def _sort_state(column: int, order: Qt.SortOrder) -> SortState:
    return (Column(column), order) if column in SORT_KEYS else None


__all__ = ["Column", "FinanceTableModel", "Listing", "RowFilter", "SortState", "make_listing"]
