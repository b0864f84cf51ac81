"""Runs Connect and Disconnect for the server tab: each blocking step on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from qbconnector.connect_service import ConnectOutcome, ConnectService, DisconnectOutcome
from qbconnector.core.settings import Environment
from qbconnector.quickbooks.connect import DEFAULT_TIMEOUT, ConnectAttempt
from qbconnector.quickbooks.connect_errors import ConnectError, MissingCodeError
from qbconnector.quickbooks.redirect import Redirect
from qbconnector.ui.messages import describe_error
from qbconnector.ui.parameters.connect_panel import ConnectPanel
from qbconnector.ui.workers import TaskRunner

UrlOpener = Callable[[QUrl], bool]


class ConnectFlow(QObject):
    """One connect attempt at a time, driven by the panel's buttons (Connect through the page,
    which saves pending edits first).

    Signals: connected(object ConnectOutcome) once tokens and realm ID are saved;
    disconnected(object DisconnectOutcome) once the tokens are gone.
    """

    connected = Signal(object)
    disconnected = Signal(object)

    def __init__(
        self,
        service: ConnectService,
        runner: TaskRunner,
        panel: ConnectPanel,
        saved_realm: Callable[[], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.panel = panel
        self.saved_realm = saved_realm
        self.dialog_parent = parent
        self.open_url: UrlOpener = QDesktopServices.openUrl  # tests play the browser instead
        self.timeout = DEFAULT_TIMEOUT
        self.attempt: ConnectAttempt | None = None
        self._listening = False
        self._pasted = False  # a pasted URL made the listener's answer moot
        self._reconnect = False
        panel.disconnectRequested.connect(self.disconnect_company)
        panel.cancelRequested.connect(self.cancel)
        panel.urlPasted.connect(self.use_redirect)

    def set_connected(self, connected: bool, *, reconnect: bool = False) -> None:
        self._reconnect = reconnect
        if self.attempt is None:
            self.panel.show_idle(connected=connected, reconnect=reconnect)

    # -- connect -------------------------------------------------------------------------------

    def start(self) -> None:
        if self.attempt is not None:
            return
        self.panel.show_busy(self.tr("Opening the QuickBooks consent page…"))
        self.runner.submit(self.service.begin, self._started, self._failed)

    def _started(self, attempt: Any) -> None:
        assert isinstance(attempt, ConnectAttempt)
        self.attempt = attempt
        self.open_url(QUrl(attempt.url))
        if attempt.loopback:
            minutes = str(round(self.timeout / 60))
            text = self.tr(
                "Approve the connection in your browser; qbconnector waits for its answer "
                "(up to %1 minutes)."
            ).replace("%1", minutes)
            self._listening = True
            timeout = self.timeout
            self.runner.submit(
                lambda: attempt.wait_for_redirect(timeout), self._listened, self._listen_failed
            )
        else:
            text = self.tr(
                "Approve the connection in your browser, then paste below the address it shows."
            )
        self.panel.show_waiting(text, loopback=attempt.loopback)

    def _listened(self, url: Any) -> None:
        self._listening = False
        self.use_redirect(str(url))

    def _listen_failed(self, error: Any) -> None:
        self._listening = False
        if self.attempt is not None and not self._pasted:
            self._failed(error)

    def use_redirect(self, url: str) -> None:
        """The redirect URL, from the listener or pasted: check it, ask, then exchange."""
        attempt = self.attempt
        if attempt is None:
            return
        try:
            redirect = attempt.parse(url)
        except MissingCodeError as error:
            self.panel.set_status(describe_error(error), ok=False)  # paste again
            return
        except ConnectError as error:
            self._failed(error)
            return
        if self._listening:
            self._pasted = True
            attempt.cancel()
        saved = self.saved_realm()
        allow_switch = bool(saved) and saved != redirect.realm_id
        if allow_switch and not self.ask_switch(saved, redirect.realm_id):
            self._end()
            self.panel.set_status(
                self.tr("The connection to company %1 was kept; nothing changed.").replace(
                    "%1", saved
                ),
                ok=None,
            )
            return
        self._exchange(attempt, redirect, allow_switch)

    def _exchange(self, attempt: ConnectAttempt, redirect: Redirect, allow_switch: bool) -> None:
        self.panel.show_busy(self.tr("Connecting to QuickBooks…"))
        self.panel.cancel_button.hide()
        self.panel.paste_box.hide()
        self.runner.submit(
            lambda: self.service.complete(attempt, redirect, allow_switch=allow_switch),
            self._completed,
            self._failed,
        )

    def ask_switch(self, saved: str, new: str) -> bool:
        """Yes to connect another company; tests replace this method, a person sees a dialog."""
        answer = QMessageBox.question(
            self.dialog_parent,
            self.tr("Another QuickBooks company"),
            self.tr(
                "You approved company %2, but this profile is connected to company %1. The "
                "ledger of pushed documents belongs to company %1: documents already pushed "
                "there would be pushed again to company %2.\n\nSwitch to company %2?"
            )
            .replace("%1", saved)
            .replace("%2", new),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _completed(self, outcome: Any) -> None:
        assert isinstance(outcome, ConnectOutcome)
        self._end(connected=True)
        names = {
            Environment.SANDBOX: self.tr("sandbox"),
            Environment.PRODUCTION: self.tr("production"),
            Environment.CUSTOM: self.tr("custom addresses"),
        }
        company = outcome.company_name or self.tr("company %1").replace("%1", outcome.realm_id)
        text = self.tr("Connected to %1 (realm ID %2, %3).").replace("%1", company)
        text = text.replace("%2", outcome.realm_id).replace("%3", names[outcome.environment])
        self.panel.set_status(text, ok=True)
        self.connected.emit(outcome)

    def cancel(self) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        if self._listening:
            attempt.cancel()  # the listener's worker reports the cancellation
            return
        self._end()
        self.runner.submit(attempt.close)
        self.panel.set_status(self.tr("Connection cancelled; nothing changed."), ok=None)

    def _failed(self, error: Any) -> None:
        attempt = self.attempt
        self._end()
        if attempt is not None:
            self.runner.submit(attempt.close)
        self.panel.set_status(describe_error(error), ok=False)

    def _end(self, *, connected: bool | None = None) -> None:
        self.attempt = None
        self._pasted = False
        if connected is not None:
            self._reconnect = self._reconnect and not connected
        still = connected if connected is not None else self.panel.disconnect_button.isVisible()
        self.panel.show_idle(connected=still, reconnect=self._reconnect)

    # -- disconnect ----------------------------------------------------------------------------

    def disconnect_company(self) -> None:
        if self.attempt is not None:
            return
        self.panel.show_busy(self.tr("Disconnecting…"))
        self.runner.submit(self.service.disconnect, self._disconnected, self._failed)

    def _disconnected(self, outcome: Any) -> None:
        assert isinstance(outcome, DisconnectOutcome)
        self.panel.show_idle(connected=False)
        if outcome.revoked or not outcome.had_tokens:
            text = self.tr(
                "Disconnected: QuickBooks revoked the access and the tokens were removed."
            )
            self.panel.set_status(text, ok=True)
        else:
            text = self.tr(
                "Disconnected here: the tokens were removed, but the revoke could not be sent to "
                "QuickBooks (offline?). Remove the app in QuickBooks under Settings > Apps if "
                "it should lose access now."
            )
            self.panel.set_status(text, ok=False)
        self.disconnected.emit(outcome)
