"""The child process of a window's sync: one SyncSession served over a pipe.

The window's process keeps its interpreter lock for painting; the engine's CPU work (payloads,
hashes, JSON, SQLite) runs here. Messages are tuples, pickled by ``multiprocessing``:

- to the child: ``("call", name, args)``, ``("cancel",)``, ``("close",)``;
- from the child: ``("ready",)``, ``("results", [DocumentResult])``, ``("progress", done,
  total)``, ``("log", record_fields)``, ``("return", value)``, ``("raise", error)``;
  ``("report_results", [DocumentResult])`` ahead of a returned SyncReport (sent without its
  results); ``("fault", error)`` in place of a message that could not be pickled (the call
  raises it when it ends).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from qbconnector.core.errors import QbConnectorError
from qbconnector.core.redact import redact
from qbconnector.core.settings import Settings
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import SecretStore
from qbconnector.sync.results import Callbacks, DocumentResult, SyncReport
from qbconnector.sync.session import SessionConfig, SyncSession

E = TypeVar("E", bound=BaseException)
NICENESS = 5
RESULTS_PER_MESSAGE = 200  # results travel in lists: one pickle per batch, not per document
CALLS = ("preflight", "send_prepared", "run", "auto_pass", "views")


@dataclass(frozen=True)
class SessionSpec:
    """What the child needs to open the same session the window would have opened."""

    profile_root: Path
    profile_source: str
    settings: Settings
    vault: SecretStore  # a FileVault or KeyringVault: both reopen from their fields
    config: SessionConfig


class Channel:
    """The child's end of the pipe; sends come from several threads (log records from the
    engine's senders), so they take turns."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._lock = threading.Lock()

    def send(self, *message: Any) -> None:
        try:
            data = pickle.dumps(message)
        except Exception as error:  # noqa: BLE001 - say what could not travel, and keep going
            data = pickle.dumps(("fault", QbConnectorError(
                f"The synchronization process could not send its {message[0]!r} message "
                f"({type(error).__name__}: {error}). Report this with the log file."
            )))  # fmt: skip
        with self._lock:
            self.connection.send_bytes(data)


class ForwardLogs(logging.Handler):
    """Log records go to the window's process, which writes them where its own go."""

    def __init__(self, channel: Channel) -> None:
        super().__init__()
        self.channel = channel
        self.trace_format = logging.Formatter()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            # Masked here: secrets this process read or renewed are unknown to the window's.
            trace = self.trace_format.formatException(record.exc_info) if record.exc_info else None
            fields = {"name": record.name, "levelno": record.levelno,
                      "levelname": record.levelname, "msg": redact(record.getMessage()),
                      "created": record.created, "threadName": record.threadName,
                      "processName": record.processName, "process": record.process,
                      "exc_text": redact(trace) if trace else None}  # fmt: skip
            self.channel.send("log", fields)
        except Exception:  # noqa: BLE001 - a log line must never stop a sync
            self.handleError(record)


class _ResultRelay:
    """Callbacks for the engine: results are kept and sent in lists, before each progress."""

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.kept: list[DocumentResult] = []

    def callbacks(self) -> Callbacks:
        return Callbacks(progress=self.progress, result=self.result)

    def result(self, result: DocumentResult) -> None:
        self.kept.append(result)
        if len(self.kept) >= RESULTS_PER_MESSAGE:
            self.flush()

    def progress(self, done: int, total: int) -> None:
        self.flush()
        self.channel.send("progress", done, total)

    def flush(self) -> None:
        if self.kept:
            kept, self.kept = self.kept, []
            self.channel.send("results", kept)


def portable(error: E) -> E | QbConnectorError:
    """``error`` itself when it survives pickling as the same type, else its text."""
    try:
        copy = pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any error type may refuse pickling
        copy = None
    if type(copy) is type(error):
        return error
    return QbConnectorError(f"{type(error).__name__}: {error}")


def serve(connection: Connection, spec: SessionSpec) -> None:
    """The child's main function: open the session, answer calls until told to close."""
    _yield_to_the_window()
    channel = Channel(connection)
    handler = ForwardLogs(channel)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        profile = Profile(spec.profile_root, spec.profile_source)
        session = SyncSession(profile, spec.settings, spec.vault, spec.config)
    except BaseException as error:  # noqa: BLE001 - the window must hear why
        channel.send("raise", portable(error))
        return
    try:
        channel.send("ready")
        _answer_calls(channel, session)
    finally:
        session.close()


def _yield_to_the_window() -> None:
    # Below the window's priority: on a busy two-core machine the scheduler then gives the
    # window its turn first; the sync mostly waits on the network, so it loses little.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)


def _answer_calls(channel: Channel, session: SyncSession) -> None:
    calls: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue()
    cancels: list[threading.Event] = [threading.Event()]
    reader = threading.Thread(target=_read, args=(channel.connection, calls, cancels),
                              name="qbconnector-sync-pipe", daemon=True)  # fmt: skip
    reader.start()
    while (call := calls.get()) is not None:
        name, args = call
        relay = _ResultRelay(channel)
        answer: tuple[Any, ...]
        try:
            answer = ("return", _dispatch(session, name, args, relay, cancels[-1]))
        except BaseException as error:  # noqa: BLE001 - the window must hear why
            logging.getLogger(__name__).info("%s failed: %s", name, type(error).__name__)
            answer = ("raise", portable(error))
        relay.flush()
        # A fresh cancel before the answer: the next call's cancel must not land on this one's.
        cancels.append(threading.Event())
        _send_answer(channel, answer)


def _send_answer(channel: Channel, answer: tuple[Any, ...]) -> None:
    """A report's results go ahead in parts: one pickle of 10,000 results would hold the
    window's interpreter lock for the whole time it takes to read it back."""
    kind, value = answer
    if kind == "return" and isinstance(value, SyncReport) and value.results:
        for start in range(0, len(value.results), RESULTS_PER_MESSAGE):
            channel.send("report_results", value.results[start : start + RESULTS_PER_MESSAGE])
        value = dataclasses.replace(value, results=[])
    channel.send(kind, value)


def _read(connection: Connection, calls: queue.Queue[Any], cancels: list[threading.Event]) -> None:
    # The only reader of the pipe: a cancel reaches the run while it works.
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            message = ("close",)  # the window's process is gone: stop between batches
        if message[0] == "call":
            calls.put((message[1], message[2]))
        elif message[0] == "cancel":
            cancels[-1].set()
        else:
            cancels[-1].set()
            calls.put(None)
            return


def _dispatch(session: SyncSession, name: str, args: tuple[Any, ...], relay: _ResultRelay,
              cancel: threading.Event) -> Any:  # fmt: skip
    if name == "send_prepared":
        return session.send_prepared(relay.callbacks(), cancel, *args)
    if name == "run":
        documents, overwrite = args
        return session.run(documents, relay.callbacks(), cancel, overwrite)
    if name == "auto_pass":
        done = session.auto_pass(cancel)
        if done.pull_error is None:
            return done
        return dataclasses.replace(done, pull_error=portable(done.pull_error))
    if name == "preflight":
        return session.preflight(*args)
    if name == "views":
        return session.views(*args)
    raise ValueError(f"unknown call {name!r} (expected one of {', '.join(CALLS)})")
