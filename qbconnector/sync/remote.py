"""A SyncSession that runs in a child process, for the window: same calls, same answers.

The engine's CPU work (planning, payloads, hashes, JSON, SQLite) takes Python's interpreter
lock; in the window's process that lock is also what every paint needs. Served from a child
process (``sync/child.py``), the window's process only relays results.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import keyring

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import QbConnectorError
from qbconnector.core.settings import Settings
from qbconnector.core.texts import text
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import FileVault, KeyringVault, SecretStore
from qbconnector.sync.child import SessionSpec, serve
from qbconnector.sync.listing import Key, LedgerView
from qbconnector.sync.results import Callbacks, DocumentResult, SyncReport
from qbconnector.sync.session import (
    AutoPass,
    Preflight,
    SessionConfig,
    SyncSession,
    WindowSession,
)

log = logging.getLogger(__name__)
POLL_SECONDS = 0.05  # how soon a cancel or a dead child is noticed
CLOSE_SECONDS = 10.0


class SyncProcessError(QbConnectorError):
    """The sync's child process stopped before answering; ``sentence`` is for the window."""

    def __init__(self, exit_code: int | None) -> None:
        self.sentence = text(
            "The synchronization process stopped unexpectedly (exit code {code}). Every "
            "document it sent is recorded; press Synchronize again to finish.",
            code="?" if exit_code is None else exit_code,
        )
        super().__init__(str(self.sentence))


def can_run_apart(vault: SecretStore) -> bool:
    """True when a new process opens the same vault: a secrets file, or a keyring backend that
    keyring itself would choose again (one set in code, like a test's in-memory one, would not)."""
    if isinstance(vault, FileVault):
        return True
    backend = type(keyring.get_keyring()).__module__
    chosen_again = backend.startswith(("keyring.backends.", "keyrings."))
    return isinstance(vault, KeyringVault) and chosen_again


class RemoteSession:
    """Starts the child and waits until its session is open (raising what opening raised).

    Use it from one thread at a time, like a SyncSession."""

    def __init__(self, profile: Profile, settings: Settings, vault: SecretStore,
                 config: SessionConfig | None = None) -> None:  # fmt: skip
        spec = SessionSpec(profile.root, profile.source, settings, vault,
                           config or SessionConfig())  # fmt: skip
        context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=serve, args=(child_end, spec),
                                        name="qbconnector-sync", daemon=True)  # fmt: skip
        self._process.start()
        child_end.close()
        try:
            self._answer(None, None)  # "ready", or the error that opening the session raised
        except BaseException:
            self._stop()
            raise

    @property
    def pid(self) -> int:
        """The child's process id (for logs, and for tests that kill it)."""
        return self._process.pid or 0

    def preflight(self, kind: DocumentKind, numbers: Sequence[str]) -> Preflight:
        value: Preflight = self._call("preflight", (kind, list(numbers)))
        return value

    def send_prepared(
        self,
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport:
        """The documents stay in the child between preflight and send: only numbers and
        results cross the pipe, never 10,000 documents to unpickle in the window's process."""
        value: SyncReport = self._call("send_prepared", (tuple(overwrite),), callbacks, cancel)
        return value

    def run(
        self,
        documents: Iterable[Document],
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport:
        value: SyncReport = self._call("run", (list(documents), tuple(overwrite)),
                                       callbacks, cancel)  # fmt: skip
        return value

    def auto_pass(self, cancel: threading.Event | None = None) -> AutoPass:
        value: AutoPass = self._call("auto_pass", (), None, cancel)
        return value

    def views(self, keys: Iterable[Key]) -> dict[Key, LedgerView | None]:
        value: dict[Key, LedgerView | None] = self._call("views", (list(keys),))
        return value

    def close(self) -> None:
        with contextlib.suppress(OSError):  # the child is already gone
            self._connection.send(("close",))
        self._stop()

    def _call(self, name: str, args: tuple[Any, ...], callbacks: Callbacks | None = None,
              cancel: threading.Event | None = None) -> Any:  # fmt: skip
        try:
            self._connection.send(("call", name, args))
        except OSError as error:
            raise self._stopped() from error
        return self._answer(callbacks, cancel)

    def _answer(self, callbacks: Callbacks | None, cancel: threading.Event | None) -> Any:
        cancel_sent = False
        fault: BaseException | None = None  # a message the child could not send
        report_results: list[DocumentResult] = []  # a returned report's, sent ahead of it
        while True:
            if cancel is not None and cancel.is_set() and not cancel_sent:
                self._connection.send(("cancel",))
                cancel_sent = True
            if not self._connection.poll(POLL_SECONDS):
                if not self._process.is_alive() and not self._connection.poll(0):
                    raise self._stopped()
                continue
            try:
                message = self._connection.recv()
            except (EOFError, OSError) as error:
                raise self._stopped() from error
            if message[0] == "fault":
                fault = fault or message[1]
                continue
            if message[0] == "report_results":
                report_results.extend(message[1])
                continue
            done, value = _handle(message, callbacks or Callbacks())
            if done:
                if fault is not None:
                    raise fault
                if isinstance(value, SyncReport) and report_results:
                    value.results = report_results
                return value

    def _stopped(self) -> SyncProcessError:
        self._process.join(1.0)
        return SyncProcessError(self._process.exitcode)

    def _stop(self) -> None:
        self._process.join(CLOSE_SECONDS)
        if self._process.is_alive():
            log.warning("the synchronization process did not stop in %.0f s; ending it",
                        CLOSE_SECONDS)  # fmt: skip
            self._process.terminate()
            self._process.join(CLOSE_SECONDS)
        self._connection.close()


def _handle(message: tuple[Any, ...], callbacks: Callbacks) -> tuple[bool, Any]:
    """Act on one message from the child; (True, value) when it ends the call."""
    kind = message[0]
    if kind == "results":
        for result in message[1]:
            callbacks.result(result)
    elif kind == "progress":
        callbacks.progress(message[1], message[2])
    elif kind == "log":
        _relog(message[1])
    elif kind == "raise":
        raise message[1]
    elif kind in ("return", "ready"):
        return True, message[1] if len(message) > 1 else None
    return False, None


def _relog(fields: dict[str, Any]) -> None:
    record = logging.makeLogRecord(fields)
    logger = logging.getLogger(record.name)
    if logger.isEnabledFor(record.levelno):
        logger.handle(record)


def open_window_session(profile: Profile, settings: Settings, vault: SecretStore,
                        config: SessionConfig | None = None) -> WindowSession:  # fmt: skip
    """The window's session: in a child process when that process can open the same vault."""
    if can_run_apart(vault):
        return RemoteSession(profile, settings, vault, config)
    return SyncSession(profile, settings, vault, config)
