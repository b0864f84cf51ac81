"""What every Parameters tab does: load, apply to a draft, show its errors, report changes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from qbconnector.core.settings import Settings
from qbconnector.core.validation import FieldError
from qbconnector.ui.parameters.form import FieldBox, translate_error


class ParametersTab(QWidget):
    """Base of the Parameters tabs. Signals: changed() whenever the user edits a value."""

    changed = Signal()
    prefixes: tuple[str, ...] = ()
    own_page = False  # True when FlowFit shows the section beside Parameters, not inside it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, FieldBox] = {}
        self._loading = False

    def title(self) -> str:
        raise NotImplementedError

    def load(self, settings: Settings, stored_secrets: set[str]) -> None:
        """Show ``settings``; ``stored_secrets`` names the secrets already in the vault."""
        self._loading = True
        try:
            self._load(settings, stored_secrets)
        finally:
            self._loading = False
        self.clear_errors()

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        raise NotImplementedError

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with this tab's values applied."""
        raise NotImplementedError

    def typed_secrets(self) -> dict[str, str]:
        """Secrets the user typed in this tab (name -> value)."""
        return {}

    def owns(self, field: str) -> bool:
        return field in self.boxes or field.startswith(self.prefixes)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error("")

    def show_errors(self, errors: list[FieldError]) -> int:
        """Put each error under its field; returns how many fields got one."""
        self.clear_errors()
        shown: dict[str, list[str]] = {}
        for error in errors:
            if not self.owns(error.field):
                continue
            key = error.field if error.field in self.boxes else next(iter(self.boxes))
            shown.setdefault(key, []).append(translate_error(error))
        for key, messages in shown.items():
            self.boxes[key].set_error("\n".join(messages))
        return len(shown)

    def _emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()
