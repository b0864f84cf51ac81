"""Typed errors of the QuickBooks Online client and its token handling."""

from __future__ import annotations

from qbconnector.core.errors import ExitCode, QbConnectorError


class QuickBooksError(QbConnectorError):
    """A call to QuickBooks failed; the fields carry what QuickBooks said about it.

    ``outcome_uncertain`` tells the sync engine whether a write may have been committed
    anyway (timeouts, resets, 5xx): such writes are reconciled, never blindly re-created.
    """

    exit_code = ExitCode.SOME_FAILED
    outcome_uncertain = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        detail: str | None = None,
        element: str | None = None,
        fault_type: str | None = None,
        intuit_tid: str | None = None,
        http_status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.detail = detail
        self.element = element
        self.fault_type = fault_type
        self.intuit_tid = intuit_tid
        self.http_status = http_status

    def __str__(self) -> str:
        parts = [self.message]
        if self.detail and self.detail != self.message:
            parts.append(self.detail)
        text = ": ".join(parts)
        if self.code:
            text += f" (code {self.code})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, code={self.code!r}, "
            f"http_status={self.http_status!r}, intuit_tid={self.intuit_tid!r})"
        )


class ValidationError(QuickBooksError):
    """HTTP 400: QuickBooks refused the request as written; retrying it unchanged fails again."""


class StaleObjectError(ValidationError):
    """Code 5010: the SyncToken sent is not the current one; re-read, then update."""


class DuplicateNameError(ValidationError):
    """Code 6240: the name is used by another customer, vendor or employee."""


class DuplicateDocNumberError(ValidationError):
    """Code 6140 (or its message): another transaction already has this DocNumber."""


class ObjectNotFoundError(ValidationError):
    """Code 610: the referenced object does not exist (or was deleted)."""


class AuthenticationError(QuickBooksError):
    """HTTP 401: the access token was refused (expired, revoked or for another company)."""

    exit_code = ExitCode.RECONNECT_REQUIRED


class AuthorizationError(QuickBooksError):
    """HTTP 403: the app is not allowed to use this company or this operation."""

    exit_code = ExitCode.RECONNECT_REQUIRED


class ThrottledError(QuickBooksError):
    """HTTP 429: a rate limit was hit and the retries allowed were used up."""

    exit_code = ExitCode.UNREACHABLE
    retry_after: float | None = None  # seconds, from the Retry-After header when there was one


class ServerError(QuickBooksError):
    """HTTP 5xx (or an unreadable 2xx): the service failed; a write may or may not have happened."""

    exit_code = ExitCode.UNREACHABLE
    outcome_uncertain = True


class UnexpectedResponseError(QuickBooksError):
    """Any other HTTP status (404, 405, 409...) that QuickBooks is not documented to send."""


class NetworkError(QuickBooksError):
    """No usable HTTP response: timeout, refused or reset connection.

    ``maybe_sent`` is False only when the request certainly never left (the connection could
    not be opened); otherwise the server may have received and committed it.
    """

    exit_code = ExitCode.UNREACHABLE

    def __init__(self, message: str, *, maybe_sent: bool) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent
        self.outcome_uncertain = maybe_sent


class TokenError(QuickBooksError):
    """The OAuth token endpoint could not give a usable access token."""

    exit_code = ExitCode.RECONNECT_REQUIRED


class ReconnectRequired(TokenError):  # noqa: N818 - reads as the state it reports
    """The saved refresh token is refused (or missing): only a new connection fixes it."""


class InvalidClientError(TokenError):
    """The token endpoint refused the app's client ID or client secret."""


class TokenEndpointError(TokenError):
    """The token endpoint failed in a way that may pass (5xx, unreadable answer)."""

    exit_code = ExitCode.UNREACHABLE
