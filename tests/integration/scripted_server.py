"""A loopback HTTP server that answers from a script: for transport faults the sandbox lacks."""

from __future__ import annotations

import queue
import socket
import struct
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Scripted:
    """One answer: ``action`` is "respond", "hang" (never answer), "reset" (RST after reading
    the request) or "truncate" (promise more body bytes than are sent, then close)."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    action: str = "respond"


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Start with :meth:`start`, stop with :meth:`stop`; unscripted requests get HTTP 599."""

    def __init__(self) -> None:
        self.script: queue.Queue[Scripted] = queue.Queue()
        self.received: list[Received] = []
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(self, *answers: Scripted) -> None:
        for answer in answers:
            self.script.put(answer)

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                return

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                owner.received.append(
                    Received(
                        self.command, parts.path, parse_qs(parts.query), dict(self.headers), body
                    )
                )
                try:
                    answer = owner.script.get_nowait()
                except queue.Empty:
                    answer = Scripted(599, b"unscripted")
                if answer.action == "hang":
                    owner._stopping.wait()
                    self.close_connection = True
                    return
                if answer.action == "reset":
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                extra = 100 if answer.action == "truncate" else 0
                self.send_header("Content-Length", str(len(answer.body) + extra))
                self.end_headers()
                self.wfile.write(answer.body)
                if answer.action == "truncate":
                    self.close_connection = True

            do_GET = _serve
            do_POST = _serve

        return Handler
