"""What the Finance page shows of a run: pre-flight, live rows, progress, summary, reconnect."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from qbconnector.core.documents import DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.quickbooks.errors import ReconnectRequired
from qbconnector.sync.auto import auto_kinds
from qbconnector.sync.results import DocumentResult, Outcome, SyncReport
from qbconnector.sync.session import AutoPass, Preflight
from qbconnector.ui.finance.texts import kind_plural
from qbconnector.ui.messages import describe_error

if TYPE_CHECKING:
    from qbconnector.ui.finance.page import FinancePage

MARK_SLICE = 500  # rows marked "syncing" per turn of the event loop (3-5 ms each)


class RunPresenter(QObject):
    """Connects the page's SyncController to its widgets; one run at a time. No signals."""

    def __init__(self, page: FinancePage) -> None:
        super().__init__(page)
        self.page = page
        self.kind = DocumentKind.INVOICE
        self.preflight: Preflight | None = None
        self.blocked: tuple[DocumentResult, ...] = ()
        self.last_report: SyncReport | None = None
        self.auto_error: str | None = None
        sync = page.sync
        sync.preflightReady.connect(self._preflight_ready)
        sync.rowsChanged.connect(self._rows_changed)
        sync.progressChanged.connect(page.toolbar.show_progress)
        sync.runFinished.connect(self._finished)
        sync.runFailed.connect(self._failed)
        sync.busyChanged.connect(self._busy_changed)
        page.toolbar.synchronizeClicked.connect(self.synchronize)
        page.toolbar.cancelClicked.connect(self.cancel)
        page.preflight.proceed.connect(self.proceed)
        page.preflight.abandon.connect(self.abandon)
        page.summary.retryFailed.connect(self.retry_failed)
        page.summary.pushAnyway.connect(self.push_anyway)
        page.summary.showDetails.connect(self._show_first_problem)

    # -- the run -------------------------------------------------------------------------------

    def synchronize(self, overwrite: tuple[tuple[Any, str], ...] = ()) -> bool:
        """Pre-flight the checked documents of the kind shown; False when nothing can start.
        ``overwrite``: held documents to push anyway."""
        page = self.page
        model = page.model()
        numbers = model.checked_numbers()
        if not numbers or page.sync.is_busy() or page.auto_sync.running:
            return False
        self.kind, self.preflight, self.blocked = page.kind(), None, ()
        page.summary.hide()
        page.preflight.hide()
        page.toolbar.show_running(True)
        page.toolbar.show_progress(0, len(numbers))
        page.toolbar.cancel_button.setEnabled(True)
        page.sync.start(self.kind, numbers, overwrite)
        return True

    def _preflight_ready(self, preflight: Any) -> None:
        assert isinstance(preflight, Preflight)
        self.preflight = preflight
        self.blocked = preflight.blocked
        self.page.models[self.kind].apply_results(preflight.blocked)
        if self.page.sync.cancelled():
            self.abandon()
        elif preflight.blocked:
            self.page.preflight.show_blocked(preflight.blocked, len(preflight.sendable))
        else:
            self.proceed()

    def proceed(self) -> None:
        """Send the documents the pre-flight let through."""
        if self.preflight is None:
            return
        self.page.preflight.hide()
        self.page.toolbar.show_progress(0, len(self.preflight.sendable))
        self.page.pulse.start()
        self._mark_then_send(self.preflight.sendable)

    def _mark_then_send(self, numbers: tuple[str, ...], start: int = 0) -> None:
        # A slice of rows per turn of the event loop: 10,000 marked at once held the window
        # for 28 ms, and their repaint for 20 more. The send starts once all are marked, so
        # no result can arrive for a row not yet marked.
        end = start + MARK_SLICE
        self.page.models[self.kind].mark_syncing(numbers[start:end])
        if end < len(numbers):
            QTimer.singleShot(0, self, functools.partial(self._mark_then_send, numbers, end))
        else:
            self.page.sync.proceed()

    def abandon(self) -> None:
        self.page.preflight.hide()
        self.page.sync.abandon()

    def cancel(self) -> None:
        waiting_for_answer = self.page.preflight.isVisible()
        self.page.sync.cancel()
        self.page.toolbar.cancel_button.setEnabled(False)
        if waiting_for_answer:
            self.abandon()

    def _rows_changed(self, results: Any) -> None:
        self.page.models[self.kind].apply_results(results)

    def _finished(self, report: Any) -> None:
        page = self.page
        self._end()
        shown = report if isinstance(report, SyncReport) else SyncReport()
        self.last_report = shown
        stop_text = None
        if report is None:
            stop_text = self.tr("Nothing was sent.")
        elif shown.exit_code is ExitCode.RECONNECT_REQUIRED:
            stop_text = self.reconnect_text()
            page.reconnectRequired.emit(stop_text)
        elif shown.stopped:
            stop_text = self.tr("The synchronization stopped: %1").replace("%1", shown.stopped)
        page.summary.show_report(shown, self.blocked, stop_text)

    def _failed(self, error: Any) -> None:
        self._end()
        text = describe_error(error)
        self.page.summary.show_error(text)
        if isinstance(error, ReconnectRequired):
            self.page.reconnectRequired.emit(self.reconnect_text())

    def _end(self) -> None:
        self.page.pulse.stop()
        self.page.preflight.hide()
        self.page.models[self.kind].end_syncing()
        self.page.toolbar.show_running(False)

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.page.after_run()
        else:
            self.page.update_actions()

    def reconnect_text(self) -> str:
        return self.tr(
            "QuickBooks no longer accepts the saved connection, so the synchronization stopped. "
            "Press Reconnect to QuickBooks (or paste new tokens and save); the Finance view "
            "comes back when the connection is made."
        )

    def retry_failed(self) -> None:
        failed = [result.number for result in self.page.summary.failed]
        if not failed or self.page.sync.is_busy():
            return
        self.page.toolbar.set_kind(self.kind)
        self.page.models[self.kind].set_checked_numbers(failed)
        self.synchronize()

    def push_anyway(self) -> None:
        """Ask, then push the held documents over what was changed in QuickBooks."""
        held = [result.number for result in self.page.summary.held]
        if not held or self.page.sync.is_busy() or not self.confirm_push_anyway(held):
            return
        self.page.toolbar.set_kind(self.kind)
        self.page.models[self.kind].set_checked_numbers(held)
        self.synchronize(tuple((self.kind, number) for number in held))

    def confirm_push_anyway(self, numbers: list[str]) -> bool:
        """The user's yes: what was edited or paid in QuickBooks is overwritten, and a document
        deleted there is created again."""
        box = QMessageBox(self.page)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.page.tr("Push anyway"))
        box.setText(self.page.tr("Overwrite %1 document(s) in QuickBooks?").replace(
            "%1", str(len(numbers))))  # fmt: skip
        why = self.page.tr(
            "They were changed in QuickBooks since they were pushed: edits made there are "
            "replaced by FlowFit's version, and a document deleted there is created again. "
            "Payments stay recorded in QuickBooks.")  # fmt: skip
        box.setInformativeText(why + "\n\n" + ", ".join(numbers[:20]))
        push = box.addButton(self.page.tr("Push anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is push

    def _show_first_problem(self) -> None:
        problem = self.page.summary.first_problem
        if problem is not None:
            self.page.toolbar.set_kind(problem.kind)
            self.page.show_details(problem.number)

    # -- automatic sync ------------------------------------------------------------------------

    def auto_pass_finished(self, result: Any) -> None:
        assert isinstance(result, AutoPass)
        self.auto_error = None
        for kind, model in self.page.models.items():
            views = {key: view for key, view in result.views.items() if key[0] is kind}
            if model.loaded and model.apply_views(views):
                self.page.reload(kind)  # documents new to the list: list them again
        if result.pull_error is not None:  # the pushes stand; the status bar says why
            self.auto_error = self.tr("reading back from QuickBooks failed: %1").replace(
                "%1", describe_error(result.pull_error)
            )
        elif result.pulled is not None and result.pulled.changed:
            self.page.reload()  # payments, edits... came back: list both kinds again
        report = result.report
        if report is not None and report.exit_code is ExitCode.RECONNECT_REQUIRED:
            self._auto_reconnect()

    def auto_pass_failed(self, error: Any) -> None:
        self.auto_error = describe_error(error)
        if isinstance(error, ReconnectRequired):
            self._auto_reconnect()
        self.page.auto_sync.stateChanged.emit()

    def _auto_reconnect(self) -> None:
        # Nothing works until someone reconnects; saving the parameters starts the timer again.
        self.page.auto_sync.timer.stop()
        self.auto_error = self.reconnect_text()
        self.page.reconnectRequired.emit(self.auto_error)

    def auto_sync_text(self) -> str:
        """The status-bar text: which kinds, how often, the last pass and its outcome."""
        auto = self.page.auto_sync
        kinds = auto_kinds(auto.settings) if auto.settings.server.enabled else ()
        if not kinds:
            return self.tr("Automatic sync: off")
        names = ", ".join(kind_plural(kind).lower() for kind in kinds)
        text = self.tr("Automatic sync: on for %1, every %2 min").replace("%1", names)
        text = text.replace("%2", str(auto.settings.sync.auto_sync_minutes))
        if auto.running:
            return text + " · " + self.tr("running now")
        if auto.last_pass is not None:
            text += " · " + self._last_pass_text(auto.last_pass)
        return text

    def _last_pass_text(self, last: AutoPass) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(last.at.timestamp())).toLocalTime()
        when = QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
        if self.auto_error:
            return (
                self.tr("last run %1 failed: %2")
                .replace("%1", when)
                .replace("%2", self.auto_error.split("\n", 1)[0])
            )
        report = last.report
        sent = (Outcome.CREATED, Outcome.UPDATED)
        pushed = 0 if report is None else sum(1 for r in report.results if r.outcome in sent)
        return self.tr("last run %1: %2 pushed").replace("%1", when).replace("%2", str(pushed))
