"""Refresh from QuickBooks: one pull on a worker thread, then the rows again and a summary."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from qbconnector.quickbooks.errors import ReconnectRequired
from qbconnector.sync.pull import PullResult
from qbconnector.sync.pull_session import pull_if_connected, pull_profile
from qbconnector.ui.messages import describe_error

if TYPE_CHECKING:
    from qbconnector.ui.finance.page import FinancePage


class PullPresenter(QObject):
    """Runs one pull at a time for the page and shows what came back.

    Signals: busyChanged(bool) when a pull starts or ends; pulled(int changed) after a pull
    that read QuickBooks (the start pull when not connected emits nothing).
    """

    busyChanged = Signal(bool)
    pulled = Signal(int)

    def __init__(self, page: FinancePage) -> None:
        super().__init__(page)
        self.page = page
        self.running = False
        self.started_once = False  # the pull when the window opens is made once
        self.last_text = ""
        self._quiet = False  # the running pull is the start pull
        page.toolbar.refreshClicked.connect(self.refresh)

    def refresh(self) -> bool:
        """Pull now (Refresh from QuickBooks); False when a pull or a sync is running."""
        return self._start(pull_profile)

    def start_pull(self) -> bool:
        """The pull when the window opens: once, after the first listing, when connected."""
        page = self.page
        loaded = all(model.loaded for model in page.models.values()) and not page.is_loading()
        server = page.settings.server
        if self.started_once or not loaded or not (server.enabled and server.realm_id):
            return False  # (whether a grant is saved is read on the worker: the vault is I/O)
        self.started_once = self._start(pull_if_connected)
        self._quiet = self.started_once
        return self.started_once

    def _start(self, how: Callable[..., PullResult | None]) -> bool:
        page = self.page
        if self.running or page.sync.is_busy() or page.auto_sync.running:
            return False
        services = page.services
        work = functools.partial(how, services.profile, page.settings, services.vault.store,
                                 page.session_config.pace)  # fmt: skip
        self.running = True
        self.busyChanged.emit(True)
        page.runner.submit(work, self._finished, self._failed)
        return True

    def _finished(self, result: Any) -> None:
        self._end()
        if not isinstance(result, PullResult):
            return  # the start pull found no connection: nothing to say
        self.last_text = self.changed_text(result.changed)
        quiet = self._quiet and not result.changed and not result.note
        self._quiet = False
        if quiet:  # the pull when the window opens speaks only when something came back
            return
        if result.note:  # pull.py's note is for the command line; the window says it in words
            self.last_text += " " + self.tr(
                "The last refresh was more than 30 days ago: QuickBooks keeps 30 days of "
                "changes, so older ones could not be read."
            )
        self.page.summary.show_note(self.last_text)
        self.page.reload()
        self.pulled.emit(result.changed)

    def _failed(self, error: Any) -> None:
        self._end()
        self._quiet = False
        self.last_text = self.tr("Refresh from QuickBooks failed: %1").replace(
            "%1", describe_error(error)
        )
        self.page.summary.show_error(self.last_text)
        if isinstance(error, ReconnectRequired):
            self.page.reconnectRequired.emit(self.page.run.reconnect_text())

    def _end(self) -> None:
        self.running = False
        self.busyChanged.emit(False)

    def changed_text(self, changed: int) -> str:
        if changed == 0:
            return self.tr("Nothing changed in QuickBooks since the last refresh.")
        if changed == 1:
            return self.tr("1 document changed in QuickBooks.")
        return self.tr("%1 documents changed in QuickBooks.").replace("%1", f"{changed:,}")
