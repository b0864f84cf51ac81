"""Synchronize off the GUI thread: a worker on its own QThread drives the sync engine, and a
GUI-thread controller relays its signals, coalescing row results every 100 ms."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from qbconnector.sync.results import Callbacks, DocumentResult, SyncReport
from qbconnector.sync.session import Preflight, WindowSession

log = logging.getLogger(__name__)
FLUSH_MS = 100
SessionOpener = Callable[[], WindowSession]


class SyncWorker(QObject):
    """Lives in the run's thread; the session is opened, used and closed there.

    Signals: prepared(object Preflight), progressed(int done, int total),
    resultsReady(object list[DocumentResult]) once per batch, finished(object SyncReport or
    None when the run was abandoned at pre-flight), failed(object exception).
    """

    prepared = Signal(object)
    progressed = Signal(int, int)
    resultsReady = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, open_session: SessionOpener, cancel: threading.Event) -> None:
        super().__init__()
        self._open_session = open_session
        self._cancel = cancel
        self._session: WindowSession | None = None
        self._preflight: Preflight | None = None
        self._overwrite: tuple[Any, ...] = ()  # keys whose hold the user lifted (Push anyway)
        self._buffer: list[DocumentResult] = []

    @Slot(object, object, object)
    def prepare(self, kind: Any, numbers: Any, overwrite: Any) -> None:
        self._overwrite = tuple(overwrite)
        try:
            self._session = self._open_session()
            self._preflight = self._session.preflight(kind, list(numbers))
        except Exception as error:  # noqa: BLE001 - every error must reach the window
            self._fail(error)
            return
        self.prepared.emit(self._preflight)

    @Slot()
    def send(self) -> None:
        if self._session is None or self._preflight is None:
            return
        callbacks = Callbacks(progress=self._progress, result=self._keep)
        try:
            report = self._session.send_prepared(callbacks, self._cancel, self._overwrite)
        except Exception as error:  # noqa: BLE001 - every error must reach the window
            self._fail(error)
            return
        self._flush()
        self._close()
        self.finished.emit(report)

    @Slot()
    def discard(self) -> None:
        self._close()
        self.finished.emit(None)

    @Slot()
    def shut_down(self) -> None:
        """Close what is open and end this thread's event loop (the window is closing)."""
        self._close()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    def _keep(self, result: DocumentResult) -> None:
        self._buffer.append(result)

    def _progress(self, done: int, total: int) -> None:
        self._flush()
        self.progressed.emit(done, total)

    def _flush(self) -> None:
        if self._buffer:
            batch, self._buffer = self._buffer, []
            self.resultsReady.emit(batch)

    def _fail(self, error: Exception) -> None:
        log.info("synchronize failed: %s", type(error).__name__)
        self._flush()
        self._close()
        self.failed.emit(error)

    def _close(self) -> None:
        if self._session is not None:
            try:
                self._session.close()
            finally:
                self._session = None


class SyncController(QObject):
    """Runs one Synchronize at a time (GUI thread): start → preflightReady → proceed or
    abandon → rowsChanged and progressChanged (throttled) → runFinished or runFailed.

    Signals: busyChanged(bool), preflightReady(object Preflight),
    rowsChanged(object list[DocumentResult]), progressChanged(int done, int total),
    runFinished(object SyncReport or None), runFailed(object exception).
    Worker signals reach this object's slots queued, so everything here runs on the GUI thread.
    """

    busyChanged = Signal(bool)
    preflightReady = Signal(object)
    rowsChanged = Signal(object)
    progressChanged = Signal(int, int)
    runFinished = Signal(object)
    runFailed = Signal(object)
    _prepareRequested = Signal(object, object, object)
    _sendRequested = Signal()
    _discardRequested = Signal()
    _shutdownRequested = Signal()

    def __init__(self, open_session: SessionOpener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_session = open_session
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self._cancel = threading.Event()
        self._pending: list[DocumentResult] = []
        self._progress: tuple[int, int] | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)

    def is_busy(self) -> bool:
        return self._thread is not None

    def start(self, kind: Any, numbers: list[str], overwrite: Sequence[Any] = ()) -> None:
        """Pre-flight the documents ``numbers`` of ``kind`` in a new thread; ``overwrite``
        names the held documents the user chose to push anyway."""
        if self._thread is not None:
            raise RuntimeError("a synchronization is already running")
        self._cancel = threading.Event()
        thread = QThread()
        thread.setObjectName("qbconnector-synchronize")
        worker = SyncWorker(self.open_session, self._cancel)  # Python owns it: no deleteLater
        worker.moveToThread(thread)
        worker.prepared.connect(self._on_prepared)
        worker.progressed.connect(self._on_progress)
        worker.resultsReady.connect(self._on_results)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._prepareRequested.connect(worker.prepare)
        self._sendRequested.connect(worker.send)
        self._discardRequested.connect(worker.discard)
        self._shutdownRequested.connect(worker.shut_down)
        thread.finished.connect(self._thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        self.busyChanged.emit(True)
        self._prepareRequested.emit(kind, list(numbers), tuple(overwrite))

    def proceed(self) -> None:
        """Send the documents the pre-flight let through."""
        self._sendRequested.emit()

    def abandon(self) -> None:
        """Send nothing (the user stopped at the pre-flight)."""
        self._discardRequested.emit()

    def cancel(self) -> None:
        """Stop between batches; the batches in flight finish and are recorded."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object)
    def _on_prepared(self, preflight: Any) -> None:
        if self._thread is None:
            return
        self.preflightReady.emit(preflight)

    @Slot(object)
    def _on_results(self, results: Any) -> None:
        if self._thread is None:
            return
        self._pending.extend(results)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._thread is None:
            return
        self._progress = (done, total)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    @Slot()
    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self.rowsChanged.emit(batch)
        if self._progress is not None:
            self.progressChanged.emit(*self._progress)
            self._progress = None

    @Slot(object)
    def _on_finished(self, report: Any) -> None:
        if self._thread is None:
            return
        self._flush_timer.stop()
        self._flush()
        self._stop_thread()
        self.runFinished.emit(report if isinstance(report, SyncReport) else None)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        if self._thread is None:
            return
        self._flush_timer.stop()
        self._flush()
        self._stop_thread()
        self.runFailed.emit(error)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()

    @Slot()
    def _thread_finished(self) -> None:
        if self._thread is not None and self._thread.isFinished():
            self._thread, self._worker = None, None
            self.busyChanged.emit(False)

    def shutdown(self, wait_ms: int = 35_000) -> bool:
        """Before the window closes: cancel, leave the pre-flight, wait for the thread."""
        thread = self._thread
        if thread is None:
            return True
        self._cancel.set()
        self._thread = None  # results still queued for this object are ignored from now on
        self._shutdownRequested.emit()
        stopped = thread.wait(wait_ms)
        self._thread, self._worker = None, None
        return stopped
