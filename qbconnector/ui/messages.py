"""Plain, translated sentences for the errors a person can meet; codes come after the sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qbconnector.core.documents import DocumentStatus
from qbconnector.core.errors import QbConnectorError
from qbconnector.core.texts import Text
from qbconnector.sync.results import DocumentResult


def _plain_sentence(error: BaseException) -> str | None:
    names = {cls.__name__ for cls in type(error).__mro__}
    if "ReconnectRequired" in names:
        return QCoreApplication.translate(
            "Errors",
            "QuickBooks no longer accepts the saved refresh token. Press Reconnect to "
            "QuickBooks in Parameters > Quickbooks server (or paste new tokens there).",
        )
    if "InvalidClientError" in names:
        return QCoreApplication.translate(
            "Errors", "QuickBooks refused the client ID or client secret; copy them again."
        )
    if "AuthenticationError" in names or "AuthorizationError" in names:
        return QCoreApplication.translate(
            "Errors",
            "QuickBooks refused the access: check the Realm ID and the environment, then the "
            "tokens.",
        )
    if "NetworkError" in names or "TokenEndpointError" in names:
        return QCoreApplication.translate(
            "Errors", "QuickBooks could not be reached. Check the internet connection and retry."
        )
    if "ThrottledError" in names:
        return QCoreApplication.translate(
            "Errors", "QuickBooks asked us to slow down; retry in a minute."
        )
    if "ServerError" in names:
        return QCoreApplication.translate(
            "Errors", "QuickBooks had a problem on its side; retry in a few minutes."
        )
    sentence = getattr(error, "sentence", None)
    if isinstance(sentence, Text):  # a ConnectError: its own sentence, translated
        return translate_text(sentence)
    if "VaultError" in names:
        return None  # its own message already says which store and what to do
    return None


def describe_error(error: object) -> str:
    """One or two sentences for a person, in the window's language, never a stack trace."""
    if not isinstance(error, BaseException):
        return QCoreApplication.translate("Errors", "Something went wrong.")
    sentence = _plain_sentence(error)
    detail = str(error) if isinstance(error, QbConnectorError) else type(error).__name__
    if sentence is None:
        return (
            detail
            if isinstance(error, QbConnectorError)
            else QCoreApplication.translate(
                "Errors", "Something went wrong (%1); the details are in the log file."
            ).replace("%1", detail)
        )
    if getattr(error, "sentence", None) is not None:
        return sentence
    return f"{sentence}\n{detail}" if detail else sentence


def translate_text(text: Text) -> str:
    """A sentence written by the core, in the window's language (context "Sync")."""
    params = dict(text.params)
    if params.get("status") in {status.value for status in DocumentStatus}:
        # A FlowFit status inside a sentence reads in the same words as the Status column.
        params["status"] = QCoreApplication.translate("FinanceTexts", params["status"])
    return QCoreApplication.translate("Sync", text.template).format(**params)


def result_message(result: DocumentResult) -> str:
    """Why a document was blocked, failed or not sent, in the window's language."""
    if result.reasons:
        return " ".join(translate_text(reason) for reason in result.reasons)
    if result.note is not None:
        return translate_text(result.note)
    return result.message or ""


def error_text(error: str | Text) -> str:
    """A stored error in the window's language (sentences the engine wrote are translated)."""
    return translate_text(error) if isinstance(error, Text) else error
