"""The strips above the table: blocked documents before sending, and the summary after a run."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from qbconnector.sync.results import DocumentResult, Outcome, SyncReport
from qbconnector.ui.messages import result_message

MAX_LISTED = 8  # the rest is in the table's error column


def _listing(results: Sequence[DocumentResult], more: str) -> str:
    lines = [f"<b>{result.number}</b> — {_escape(result_message(result))}"
             for result in results[:MAX_LISTED]]  # fmt: skip
    if len(results) > MAX_LISTED:
        lines.append(more.replace("%1", str(len(results) - MAX_LISTED)))
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Strip(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(10, 6, 10, 6)
        self.headline = QLabel()
        self.headline.setObjectName(name + "Headline")
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName(name + "Details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.layout_.addWidget(self.headline)
        self.layout_.addWidget(self.details)
        self.layout_.addLayout(self.buttons)
        self.hide()

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        self.buttons.addWidget(button)
        return button

    def retranslate(self) -> None:
        """Button texts (the headline and details are written when the strip is shown)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PreflightPanel(_Strip):
    """Shown before anything is sent when some checked documents cannot go, with each reason.

    Signals: proceed() to send the others, abandon() to send nothing.
    """

    proceed = Signal()
    abandon = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("preflightPanel", parent)
        self.abandon_button = self._button("abandonButton")
        self.proceed_button = self._button("proceedButton")
        self.proceed_button.setDefault(True)
        self.proceed_button.clicked.connect(self.proceed)
        self.abandon_button.clicked.connect(self.abandon)
        self.retranslate()

    def retranslate(self) -> None:
        self.abandon_button.setText(self.tr("Do not send"))
        self.proceed_button.setText(self.tr("Send the others"))

    def show_blocked(self, blocked: Sequence[DocumentResult], sendable: int) -> None:
        self.headline.setText(
            self.tr("%1 of the selected documents cannot be sent to QuickBooks:").replace(
                "%1", str(len(blocked))
            )
        )
        self.details.setText(_listing(blocked, self.tr("… and %1 more (see the Error column).")))
        self.proceed_button.setText(self.tr("Send the other %1").replace("%1", str(sendable)))
        self.proceed_button.setEnabled(sendable > 0)
        self.show()


class SummaryStrip(_Strip):
    """After a run: "38 synced · 2 failed · 1 blocked", each failure in plain words.

    Signals: retryFailed() to check the failed documents and synchronize them again,
    showDetails() to open the first failure's details, pushAnyway() to overwrite the held
    documents (changed in QuickBooks since our push) once the user confirms.
    """

    retryFailed = Signal()
    showDetails = Signal()
    pushAnyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("summaryStrip", parent)
        self.details_button = self._button("showDetailsButton")
        self.retry_button = self._button("retryFailedButton")
        self.push_anyway_button = self._button("pushAnywayButton")
        self.close_button = self._button("closeSummaryButton")
        self.retry_button.clicked.connect(self.retryFailed)
        self.push_anyway_button.clicked.connect(self.pushAnyway)
        self.details_button.clicked.connect(self.showDetails)
        self.close_button.clicked.connect(self.hide)
        self.failed: list[DocumentResult] = []
        self.held: list[DocumentResult] = []
        self.first_problem: DocumentResult | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Retry failed"))
        self.push_anyway_button.setText(self.tr("Push anyway…"))
        self.push_anyway_button.setToolTip(self.tr("Overwrite in QuickBooks the documents held "
                                                   "because they were edited, paid or deleted "
                                                   "there"))  # fmt: skip
        self.details_button.setText(self.tr("Show details"))
        self.close_button.setText(self.tr("Close"))

    def show_report(
        self, report: SyncReport, blocked: Sequence[DocumentResult], stop_text: str | None
    ) -> None:
        counts = report.counts()
        synced = counts[Outcome.CREATED] + counts[Outcome.UPDATED] + counts[Outcome.UNCHANGED]
        self.failed = [r for r in report.results if r.outcome is Outcome.FAILED]
        all_blocked = list(blocked) + [r for r in report.results if r.outcome is Outcome.BLOCKED]
        self.held = [r for r in report.results if r.outcome is Outcome.HELD]
        line = self.tr("%1 synced · %2 failed · %3 blocked")
        line = line.replace("%1", str(synced)).replace("%2", str(len(self.failed)))
        line = line.replace("%3", str(len(all_blocked)))
        if self.held:
            line += " " + self.tr("· %1 held (changed in QuickBooks)").replace(
                "%1", str(len(self.held))
            )
        if report.cancelled:
            stopped = self.tr("Stopped after %1 of %2.").replace("%1", str(report.sent))
            line = stopped.replace("%2", str(report.to_send)) + " " + line
        self.headline.setText(line)
        parts = []
        if stop_text:
            parts.append(f"<span style='color:#c62828'>{_escape(stop_text)}</span>")
        more = self.tr("… and %1 more (see the Error column).")
        if self.failed:
            parts.append(_listing(self.failed, more))
        if all_blocked:
            parts.append(_listing(all_blocked, more))
        if self.held:
            parts.append(_listing(self.held, more))
        self.details.setText("<br>".join(parts))
        self.details.setVisible(bool(parts))
        self.retry_button.setEnabled(bool(self.failed))
        self.push_anyway_button.setVisible(bool(self.held))
        self.details_button.setEnabled(bool(self.failed or all_blocked or self.held))
        problems = self.failed or all_blocked or self.held
        self.first_problem = problems[0] if problems else None
        self._show_buttons(True)
        self.show()

    def show_error(self, text: str) -> None:
        """The run could not start or stopped on an error (no report)."""
        self.failed, self.held = [], []
        self.push_anyway_button.hide()
        self.first_problem = None
        self.headline.setText(text)
        self.details.hide()
        self.retry_button.setEnabled(False)
        self.details_button.setEnabled(False)
        self._show_buttons(True)
        self.show()

    def show_note(self, text: str) -> None:
        """A sentence with nothing to retry (what a refresh from QuickBooks brought back)."""
        self.show_error(text)
        self._show_buttons(False)

    def _show_buttons(self, shown: bool) -> None:
        self.retry_button.setVisible(shown)
        self.details_button.setVisible(shown)
