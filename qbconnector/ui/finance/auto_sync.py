"""Automatic sync in the window: a GUI-thread timer starts each pass on a worker thread."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from qbconnector.core.settings import Settings
from qbconnector.sync.auto import auto_kinds
from qbconnector.sync.session import AutoPass, WindowSession
from qbconnector.ui.workers import TaskRunner

MINUTE_MS = 60_000


class AutoSyncController(QObject):
    """Runs :meth:`WindowSession.auto_pass` every ``auto_sync_minutes`` while a kind is on.

    ``may_start`` says whether a pass may begin now (not while Synchronize runs: one writer).
    Signals: passFinished(object AutoPass), passFailed(object exception), stateChanged() when
    it is switched on or off, starts or ends a pass.
    """

    passFinished = Signal(object)
    passFailed = Signal(object)
    stateChanged = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        open_session: Callable[[], WindowSession],
        may_start: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.open_session = open_session
        self.may_start = may_start
        self.settings = Settings()
        self.running = False
        self.last_pass: AutoPass | None = None
        self.last_error: str | None = None
        self._cancel = threading.Event()
        self.timer = QTimer(self)
        self.timer.setObjectName("autoSyncTimer")
        self.timer.timeout.connect(self.run_now)

    def apply_settings(self, settings: Settings) -> None:
        """Start, re-time or stop the timer to follow the saved parameters."""
        self.settings = settings
        if self.enabled():
            self.timer.start(max(1, settings.sync.auto_sync_minutes) * MINUTE_MS)
        else:
            self.timer.stop()
        self.stateChanged.emit()

    def enabled(self) -> bool:
        return bool(auto_kinds(self.settings)) and self.settings.server.enabled

    def run_now(self) -> bool:
        """Start one pass unless one is running or Synchronize is busy; True when started."""
        if self.running or not self.enabled() or not self.may_start():
            return False
        self.running = True
        self._cancel = threading.Event()
        cancel, opener = self._cancel, self.open_session

        def one_pass() -> AutoPass:
            session = opener()
            try:
                return session.auto_pass(cancel)
            finally:
                session.close()

        self.runner.submit(one_pass, self._finished, self._failed)
        self.stateChanged.emit()
        return True

    def _finished(self, result: Any) -> None:
        self.running = False
        if isinstance(result, AutoPass):
            self.last_pass = result
            self.last_error = None
            self.passFinished.emit(result)
        self.stateChanged.emit()

    def _failed(self, error: Any) -> None:
        self.running = False
        self.last_pass = AutoPass(dt.datetime.now(dt.UTC), None, {})
        self.passFailed.emit(error)
        self.stateChanged.emit()

    def shutdown(self) -> None:
        """Stop the timer and ask a running pass to stop between batches."""
        self.timer.stop()
        self._cancel.set()
