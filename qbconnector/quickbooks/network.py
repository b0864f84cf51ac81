"""Turning transport failures and response headers into what the client needs to decide."""

from __future__ import annotations

import email.utils
import time

import requests
import urllib3.exceptions

from qbconnector.quickbooks.errors import NetworkError


def network_error(failure: requests.RequestException) -> NetworkError:
    """A NetworkError saying whether the request may have reached QuickBooks.

    Only a failure to open the connection (refused, unreachable, DNS, connect timeout, TLS
    handshake) proves the request was never sent; a read timeout, a reset or a cut response
    leaves the outcome unknown.
    """
    if _never_sent(failure):
        return NetworkError(
            f"could not connect to QuickBooks ({_kind(failure)}); nothing was sent",
            maybe_sent=False,
        )
    return NetworkError(
        f"the connection to QuickBooks failed after sending ({_kind(failure)}); "
        "the request may have been carried out",
        maybe_sent=True,
    )


def _never_sent(failure: requests.RequestException) -> bool:
    if isinstance(failure, requests.ConnectTimeout | requests.exceptions.SSLError):
        return True
    if isinstance(failure, requests.ReadTimeout | requests.exceptions.ChunkedEncodingError):
        return False
    for cause in _causes(failure):
        # NewConnectionError (refused, DNS) is a subclass of ConnectTimeoutError in urllib3 2.
        if isinstance(cause, urllib3.exceptions.ConnectTimeoutError | ConnectionRefusedError):
            return True
    return False


def _causes(failure: BaseException) -> list[object]:
    seen: list[object] = []
    pending: list[object] = [failure]
    while pending and len(seen) < 20:
        current = pending.pop()
        if current is None or any(current is known for known in seen):
            continue
        seen.append(current)
        if isinstance(current, BaseException):
            pending.extend([current.__cause__, current.__context__, *current.args[:1]])
        pending.append(getattr(current, "reason", None))
    return seen


def _kind(failure: requests.RequestException) -> str:
    if isinstance(failure, requests.ConnectTimeout):
        return "connect timeout"
    if isinstance(failure, requests.ReadTimeout):
        return "no answer before the read timeout"
    if isinstance(failure, requests.exceptions.SSLError):
        return "TLS error"
    if isinstance(failure, requests.exceptions.ChunkedEncodingError):
        return "response cut off"
    for cause in _causes(failure):
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, urllib3.exceptions.NameResolutionError):
            return "host name not found"
        if isinstance(cause, ConnectionResetError):
            return "connection reset"
        if isinstance(cause, urllib3.exceptions.ProtocolError):
            return "connection aborted"
    return type(failure).__name__


def retry_after_seconds(header: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), if any."""
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
