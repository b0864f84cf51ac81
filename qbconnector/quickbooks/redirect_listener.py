"""A one-shot HTTP listener on 127.0.0.1 that receives the OAuth redirect, then stops."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from urllib.parse import urlsplit

from qbconnector.quickbooks import connect_errors
from qbconnector.quickbooks.redirect import LoopbackTarget

_POLL_SECONDS = 0.2  # how soon Cancel is noticed
_READ_LIMIT = 16_384

# English and French side by side: the browser's language is not the window's to know.
DONE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>qbconnector</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1>qbconnector</h1>
<p>QuickBooks answered. You can close this tab and go back to qbconnector.</p>
<p lang="fr">QuickBooks a répondu. Vous pouvez fermer cet onglet et revenir à qbconnector.</p>
</body></html>
""".encode()


class RedirectListener:
    """Binds at construction (so a taken port is known before the browser opens); ``wait``
    serves until one request reaches the redirect path and returns its full URL. ``cancel``
    may be called from any thread."""

    def __init__(self, target: LoopbackTarget, redirect_uri: str) -> None:
        self.target = target
        self._origin = f"http://{urlsplit(redirect_uri).netloc}"
        self._cancelled = threading.Event()
        family = socket.AF_INET6 if ":" in target.host else socket.AF_INET
        self._socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self._socket.bind((target.host, target.port))
            self._socket.listen(4)
        except OSError:
            self._socket.close()
            raise connect_errors.listener_unavailable(redirect_uri) from None
        self._socket.settimeout(_POLL_SECONDS)

    @property
    def port(self) -> int:
        return int(self._socket.getsockname()[1])

    def cancel(self) -> None:
        self._cancelled.set()

    def wait(self, timeout: float) -> str:
        """The redirect URL, as the browser asked for it; ConnectTimedOut or ConnectCancelled."""
        deadline = time.monotonic() + timeout
        try:
            while True:
                if self._cancelled.is_set():
                    raise connect_errors.cancelled()
                if time.monotonic() >= deadline:
                    raise connect_errors.timed_out(timeout)
                try:
                    connection, _peer = self._socket.accept()
                except TimeoutError:
                    continue
                target = self._serve(connection)
                if target is not None:
                    return self._origin + target
        finally:
            self.close()

    def close(self) -> None:
        self._socket.close()

    def _serve(self, connection: socket.socket) -> str | None:
        """Answer one request; the request target when it is the redirect, else None."""
        with connection:
            connection.settimeout(5.0)
            try:
                request_line = _read_head(connection).split("\r\n", 1)[0]
                method, target, _version = request_line.split(" ", 2)
            except (OSError, ValueError):
                return None
            if method != "GET" or urlsplit(target).path != self.target.path:
                _answer(connection, 404, b"Not found")  # a favicon or a stray request
                return None
            _answer(connection, 200, DONE_PAGE, "text/html; charset=utf-8")
            return target


def _read_head(connection: socket.socket) -> str:
    data = b""
    while b"\r\n\r\n" not in data and len(data) < _READ_LIMIT:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1")


def _answer(
    connection: socket.socket, status: int, body: bytes, content_type: str = "text/plain"
) -> None:
    reason = "OK" if status == 200 else "Not Found"
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
    )
    with contextlib.suppress(OSError):  # the browser went away: the code it brought is ours
        connection.sendall(head.encode("ascii") + body)
