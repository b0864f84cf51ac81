"""Form building blocks: a field with its help line and its error line, and a secret field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.resources import resource_path
from qbconnector.core.validation import FieldError, clean_token


def translate_error(error: FieldError) -> str:
    """The error's message in the window's language."""
    template = QCoreApplication.translate("Validation", error.template)
    return template.format(**error.params)


class FieldBox(QWidget):
    """A field widget with a muted help line under it and a red error line under that."""

    def __init__(
        self,
        field: QWidget,
        help_text: str = "",
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if compact:
            layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)  # a switch keeps its size
        else:
            layout.addWidget(field)
        self.help = QLabel(help_text)
        self.help.setObjectName(f"{field.objectName()}Help")
        self.help.setWordWrap(True)
        self.help.setProperty("role", "help")
        self.help.setVisible(bool(help_text))
        layout.addWidget(self.help)
        self.error = QLabel()
        self.error.setObjectName(f"{field.objectName()}Error")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.field.setProperty("invalid", bool(message))
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)

    def has_error(self) -> bool:
        return bool(self.error.text())


def add_row(form: QFormLayout, label: str, box: FieldBox) -> QLabel:
    """Add ``box`` to ``form`` with a label bound to its field (Alt+letter, screen readers)."""
    label_widget = QLabel(label)
    label_widget.setBuddy(box.field)
    box.field.setAccessibleName(label.replace("&", ""))
    form.addRow(label_widget, box)
    return label_widget


class SecretField(QLineEdit):
    """A masked field for a token or secret, with a reveal action.

    It never shows the stored secret: it says whether one is stored, and what the user types
    replaces it. Pasted whitespace around the value is trimmed.

    Signals: edited() when the typed value changes.
    """

    edited = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(True)
        self._stored = False
        self.reveal_action = QAction(QIcon(str(resource_path("icons", "eye.svg"))), "", self)
        self.reveal_action.setObjectName(f"{object_name}Reveal")
        self.reveal_action.setCheckable(True)
        self.reveal_action.toggled.connect(self._reveal)
        self.addAction(self.reveal_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self._on_edited)
        self._update_placeholder()
        self._retitle_reveal()

    def set_stored(self, stored: bool) -> None:
        """Whether a value is already in the vault (shown as a placeholder, never as text)."""
        self._stored = stored
        self.clear()
        self._update_placeholder()

    def typed_value(self) -> str | None:
        """The trimmed new value, or None when the user typed nothing."""
        value, _error = clean_token(self.text())
        return value or None

    def _on_edited(self, text: str) -> None:
        trimmed = text.strip()
        if trimmed != text:
            self.setText(trimmed)
        self.edited.emit()

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.setEchoMode(mode)
        self._retitle_reveal()

    def _retitle_reveal(self) -> None:
        shown = self.reveal_action.isChecked()
        icon = "eye-off.svg" if shown else "eye.svg"
        self.reveal_action.setIcon(QIcon(str(resource_path("icons", icon))))
        text = self.tr("Hide the value") if shown else self.tr("Show the value")
        self.reveal_action.setText(text)
        self.reveal_action.setToolTip(text)

    def _update_placeholder(self) -> None:
        if self._stored:
            self.setPlaceholderText(self.tr("Saved — type a new value to replace it"))
        else:
            self.setPlaceholderText(self.tr("Not set — paste it here"))
