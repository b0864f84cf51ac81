"""A layout that places its items left to right and wraps them onto new rows, like words."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Rows of items in insertion order; an item that does not fit starts a new row.

    Items in a row are centred vertically on the row's tallest item, so a text field and a
    chip of different heights share one baseline-ish line. Height depends on width.
    """

    def __init__(
        self, parent: QWidget | None = None, h_spacing: int = 4, v_spacing: int = 4
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h_spacing = h_spacing
        self._v_spacing = v_spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` at ``index`` (clamped), the way QBoxLayout.insertWidget does."""
        self.addChildWidget(widget)
        index = max(0, min(index, len(self._items)))
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible_items():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible_items(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        """Greedy line breaking: as many items per row as fit in ``width``."""
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible_items():
            item_width = item.sizeHint().width()
            needed = item_width if not rows[-1] else used + self._h_spacing + item_width
            if rows[-1] and needed > width:
                rows.append([item])
                used = item_width
            else:
                rows[-1].append(item)
                used = needed
        return rows if rows[0] else []

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay items out inside ``rect`` (when ``move``); returns the height that needs."""
        margins: QMargins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        top = inner.y()
        for row in self._rows(inner.width()):
            row_height = max(item.sizeHint().height() for item in row)
            left = inner.x()
            for item in row:
                hint = item.sizeHint()
                width = min(hint.width(), inner.width())
                if move:
                    offset = (row_height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(left, top + offset), QSize(width, hint.height())))
                left += width + self._h_spacing
            top += row_height + self._v_spacing
        used = top - inner.y() - (self._v_spacing if top > inner.y() else 0)
        return used + margins.top() + margins.bottom()
