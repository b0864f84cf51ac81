"""Window geometry, last page and last tab, kept in window.ini in the profile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class UiState:
    """Reads and writes the window's remembered state (not parameters; no secrets)."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def geometry(self) -> bytes | None:
        value = self._settings.value("window/geometry")
        return bytes(value.data()) if hasattr(value, "data") else None

    def page(self) -> str | None:
        value = self._settings.value("window/page")
        return value if isinstance(value, str) else None

    def parameters_tab(self) -> int:
        value = self._settings.value("window/parametersTab", 0)
        try:
            return int(str(value))
        except ValueError:
            return 0

    def language(self) -> str | None:
        value = self._settings.value("window/language")
        return value if isinstance(value, str) and value else None

    def save(self, geometry: bytes, page: str, parameters_tab: int) -> None:
        from PySide6.QtCore import QByteArray

        self._settings.setValue("window/geometry", QByteArray(geometry))
        self._settings.setValue("window/page", page)
        self._settings.setValue("window/parametersTab", parameters_tab)
        self._settings.sync()

    def save_language(self, language: str) -> None:
        self._settings.setValue("window/language", language)
        self._settings.sync()
