"""Interface language: installs qbconnector's and Qt's French translations, or none for English.

Strings written in the UI go through ``tr()`` and live in ``resources/translations/*.ts``.
Data labels that the Qt-free core owns (variable labels, menu groups) carry both English and
French; widgets ask ``current_language()`` which one to show, so both follow the same choice.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qbconnector.core.resources import resource_path

SUPPORTED_LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
_LANGUAGE_PROPERTY = "qbconnectorLanguage"
_TRANSLATOR_NAME = "qbconnector-translator"


def resolve_language(language: str | None) -> str:
    """``"fr"`` or ``"en"`` for a request such as ``"fr_CA"``; None means the system locale."""
    requested = language if language is not None else QLocale.system().name()
    code = requested.replace("-", "_").split("_")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def _remove_our_translators(app: QCoreApplication) -> None:
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()


def _install(app: QCoreApplication, directory: str, base_name: str, language: str) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if not translator.load(f"{base_name}_{language}", directory):
        translator.setParent(None)
        return False
    return app.installTranslator(translator)


def install_translator(app: QCoreApplication, language: str | None) -> str:
    """Switch the interface to ``language`` (None = system locale); returns "en" or "fr".

    Replaces translators installed by an earlier call, so the language can change at run
    time: widgets receive ``QEvent.LanguageChange`` and retranslate themselves.
    """
    chosen = resolve_language(language)
    _remove_our_translators(app)
    if chosen != DEFAULT_LANGUAGE:
        _install(app, str(resource_path("translations")), "qbconnector", chosen)
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _install(app, qt_translations, "qtbase", chosen)
    app.setProperty(_LANGUAGE_PROPERTY, chosen)
    return chosen


def current_language() -> str:
    """The language chosen by the last ``install_translator`` ("en" before any call)."""
    app = QCoreApplication.instance()
    value = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
