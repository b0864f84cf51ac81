"""Runs slow calls (HTTP, disk) off the GUI thread, one QThread per job."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Job(QObject):
    """Lives in a worker thread and runs one callable there.

    Signals: done(int job_id, object result), failed(int job_id, object error).
    """

    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, job_id: int, function: Callable[[], Any]) -> None:
        super().__init__()
        self._job_id = job_id
        self._function = function

    @Slot()
    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # noqa: BLE001 - a job's error must reach the GUI, not the void
            log.info("background job failed: %s", type(error).__name__)
            self.failed.emit(self._job_id, error)
            return
        self.done.emit(self._job_id, result)


@dataclass
class _Running:
    thread: QThread
    job: _Job
    on_done: Callback | None
    on_failed: Callback | None


class TaskRunner(QObject):
    """Starts jobs on their own QThreads and calls back on the GUI thread.

    Signals: busyChanged(bool) when the first job starts or the last one ends.
    The runner lives in the GUI thread, so the jobs' signals reach its slots queued, and the
    callbacks run on the GUI thread (never connect a job's signal to a lambda: it would run in
    the worker thread).
    """

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._running: dict[int, _Running] = {}
        self._finishing: dict[int, QThread] = {}

    def submit(
        self,
        function: Callable[[], Any],
        on_done: Callback | None = None,
        on_failed: Callback | None = None,
    ) -> int:
        """Run ``function()`` in a new thread; returns the job id."""
        job_id = next(self._ids)
        thread = QThread()
        thread.setObjectName(f"qbconnector-job-{job_id}")
        job = _Job(job_id, function)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.done.connect(self._on_done)
        job.failed.connect(self._on_failed)
        self._running[job_id] = _Running(thread, job, on_done, on_failed)
        thread.start()
        if len(self._running) == 1:
            self.busyChanged.emit(True)
        return job_id

    def is_busy(self) -> bool:
        return bool(self._running)

    @Slot(int, object)
    def _on_done(self, job_id: int, result: Any) -> None:
        running = self._finish(job_id)
        if running is not None and running.on_done is not None:
            running.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: Any) -> None:
        running = self._finish(job_id)
        if running is not None and running.on_failed is not None:
            running.on_failed(error)

    def _finish(self, job_id: int) -> _Running | None:
        running = self._running.pop(job_id, None)
        if running is None:
            return None
        running.thread.quit()
        # Keep the QThread referenced until it has really stopped, then let Python free it.
        self._finishing[job_id] = running.thread
        running.thread.finished.connect(self._forget_finished)
        if not self._running:
            self.busyChanged.emit(False)
        return running

    @Slot()
    def _forget_finished(self) -> None:
        for job_id, thread in list(self._finishing.items()):
            if thread.isFinished():
                del self._finishing[job_id]

    def shutdown(self, wait_ms: int = 35_000) -> bool:
        """Wait for every job to end (called on quit); True when all threads stopped."""
        threads = [running.thread for running in self._running.values()]
        threads += list(self._finishing.values())
        all_stopped = True
        for thread in threads:
            thread.quit()
            all_stopped = thread.wait(wait_ms) and all_stopped
        self._running.clear()
        self._finishing.clear()
        return all_stopped
