"""Why a connection to QuickBooks could not be made, in sentences the window translates."""

from __future__ import annotations

from qbconnector.core.errors import BadInputError
from qbconnector.core.texts import Text, text


class ConnectError(BadInputError):
    """A connect attempt ended without a connection; the saved one is untouched (exit 2).

    ``sentence`` is the English template the window translates (context "Sync").
    """

    def __init__(self, sentence: Text) -> None:
        super().__init__(str(sentence))
        self.sentence = sentence


class ConsentDeniedError(ConnectError):
    """The person (or Intuit) declined the authorization: ``error=access_denied``."""


class StateMismatchError(ConnectError):
    """The redirect's ``state`` is not the one this attempt sent: possibly forged."""


class MissingCodeError(ConnectError):
    """The redirect URL carries no authorization code (or no company ID)."""


class ConnectTimedOutError(ConnectError):
    """No redirect reached the loopback listener in time."""


class ConnectCancelledError(ConnectError):
    """The person pressed Cancel while the listener waited."""


class CodeRejectedError(ConnectError):
    """The token endpoint refused the code: already used, expired, or for another address."""


class RealmSwitchRefusedError(ConnectError):
    """The consent was for another company than the saved one and switching was not allowed."""


class ListenerUnavailableError(ConnectError):
    """The loopback redirect address cannot be listened on (port taken, not this computer)."""


def denied(error: str) -> ConnectError:
    if error == "access_denied":
        return ConsentDeniedError(
            text("The connection was declined on the QuickBooks consent page; nothing changed.")
        )
    return ConsentDeniedError(
        text("QuickBooks did not authorize the connection ({error}); nothing changed.", error=error)
    )


def state_mismatch() -> StateMismatchError:
    return StateMismatchError(
        text(
            "The answer does not belong to this connection attempt (its state differs); "
            "nothing changed. Press Connect to QuickBooks again."
        )
    )


def missing_code() -> MissingCodeError:
    return MissingCodeError(
        text(
            "The address has no authorization code and company ID; copy the whole address "
            "from the browser's address bar after approving the connection."
        )
    )


def timed_out(seconds: float) -> ConnectTimedOutError:
    return ConnectTimedOutError(
        text(
            "No answer came from the browser within {seconds} seconds; nothing changed. "
            "Press Connect to QuickBooks again.",
            seconds=f"{seconds:g}",
        )
    )


def cancelled() -> ConnectCancelledError:
    return ConnectCancelledError(text("Connection cancelled; nothing changed."))


def code_rejected() -> CodeRejectedError:
    return CodeRejectedError(
        text(
            "QuickBooks refused the authorization code: it was already used or has expired "
            "(codes last 10 minutes); nothing changed. Press Connect to QuickBooks again."
        )
    )


def realm_switch_refused(saved: str, new: str) -> RealmSwitchRefusedError:
    return RealmSwitchRefusedError(
        text(
            "The consent was given for company {new}, but this profile is connected to company "
            "{saved}, whose documents the ledger follows; nothing changed. Connect to company "
            "{saved}, or allow the switch (qbconnector connect --switch-company).",
            saved=saved,
            new=new,
        )
    )


def listener_unavailable(uri: str) -> ListenerUnavailableError:
    return ListenerUnavailableError(
        text(
            "Cannot listen on {uri}: another program uses that port, or it is not on this "
            "computer. Choose another port in the redirect URI (and register it at Intuit).",
            uri=uri,
        )
    )


def missing_credentials() -> ConnectError:
    return ConnectError(
        text(
            "Enter the app's client ID and client secret (from the app's Keys & credentials "
            "page at developer.intuit.com) before connecting."
        )
    )
