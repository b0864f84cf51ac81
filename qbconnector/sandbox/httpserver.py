"""The HTTP layer: a threading stdlib server whose handler turns requests into Replies."""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import struct
import threading
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from qbconnector.sandbox.api import Reply, Request

log = logging.getLogger(__name__)
DATA_PATH = re.compile(r"^/v3/company/([^/]+)/?(.*)$")
MAX_BODY = 10 * 1024 * 1024


class SandboxHTTPServer(ThreadingHTTPServer):
    """Tracks open connections so :meth:`close_connections` can end idle keep-alives at stop."""

    daemon_threads = False
    block_on_close = True  # server_close() joins every handler thread

    def __init__(
        self,
        address: tuple[str, int],
        router: Callable[[Request], Reply],
        max_body: int = MAX_BODY,
    ) -> None:
        self.router = router
        self.max_body = max_body  # beyond it: 413, as a front door would
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, SandboxHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class SandboxHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive, like Intuit's front door; every answer carries intuit_tid."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms stall
    server_version = "qbconnector-sandbox"
    timeout = 120  # an idle keep-alive connection is closed after two minutes
    server: SandboxHTTPServer
    _reset = False

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.server.max_body:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=url.path,
            params=dict(parse_qsl(url.query, keep_blank_values=True)),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        try:
            reply = self.server.router(request)
        except Exception:
            log.exception("sandbox handler failed on %s %s", self.command, url.path)
            reply = Reply(500, b'{"error":"sandbox internal error"}')
        self._answer(reply)

    def _answer(self, reply: Reply) -> None:
        if reply.action == "drop":
            self.close_connection = True  # the work is done; the client never hears of it
            return
        if reply.action == "reset":
            self.close_connection = True
            self._reset = True
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("intuit_tid", f"1-{uuid.uuid4().hex[:8]}-{uuid.uuid4().hex[:24]}")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def finish(self) -> None:
        super().finish()
        if self._reset:
            # Linger 0 makes close() send RST instead of FIN: the client sees a reset.
            with contextlib.suppress(OSError):
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)
