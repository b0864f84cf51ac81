"""What a sync run reports: one result per document, callbacks, and the run's summary."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.core.texts import Text
from qbconnector.storage.ledger_schema import Totals
from qbconnector.sync.holds import Hold


class Outcome(enum.StrEnum):
    """How one document ended in this run."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    BLOCKED = "blocked"
    NOT_SENT = "not-sent"  # the run was cancelled or stopped before its turn
    HELD = "held"  # changed in QuickBooks since our push: not sent unless pushed anyway

    @property
    def synced(self) -> bool:
        return self in (Outcome.CREATED, Outcome.UPDATED, Outcome.UNCHANGED)


@dataclass(frozen=True)
class DocumentResult:
    """One document's result; ``message`` says why when it failed or was blocked."""

    kind: DocumentKind
    number: str
    outcome: Outcome
    qbo_id: str | None = None
    message: str | None = None
    reasons: tuple[Text, ...] = ()  # blocked: one sentence per pre-flight problem
    note: Text | None = None  # ``message`` in translatable form, when the engine wrote it
    totals: Totals | None = None  # FlowFit's and QuickBooks' totals, when QuickBooks answered
    hold: Hold | None = None  # held: why (``note`` says it in a sentence)
    qbo_state: str | None = None  # held: the state the last pull found (a PulledState value)
    pdf: str | None = None  # the document's PDF: attached, unchanged or failed (a PdfStatus)
    pdf_note: Text | None = None  # why the PDF failed

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return (self.kind, self.number)

    @property
    def action(self) -> str:
        """create / update / unchanged, as the --json output names it."""
        return {Outcome.CREATED: "create", Outcome.UPDATED: "update"}.get(
            self.outcome, self.outcome.value
        )


ProgressCallback = Callable[[int, int], None]
ResultCallback = Callable[[DocumentResult], None]


def _ignore_progress(done: int, total: int) -> None:
    """Default progress callback: nobody is listening."""


def _ignore_result(result: DocumentResult) -> None:
    """Default result callback: nobody is listening."""


@dataclass(frozen=True)
class Callbacks:
    """Plain callbacks the engine calls from the thread that runs it.

    ``progress(done, total)`` after each batch; ``result(document_result)`` once per document.
    The GUI worker wraps them in Qt signals; the CLI draws a progress bar.
    """

    progress: ProgressCallback = _ignore_progress
    result: ResultCallback = _ignore_result


@dataclass
class SyncReport:
    """Everything a run did; ``stopped`` says why it ended early (None when it did not)."""

    results: list[DocumentResult] = field(default_factory=list)
    to_send: int = 0
    cancelled: bool = False
    stopped: str | None = None
    exit_code: ExitCode = ExitCode.OK

    def counts(self) -> dict[Outcome, int]:
        tally = Counter(result.outcome for result in self.results)
        return {outcome: tally.get(outcome, 0) for outcome in Outcome}

    @property
    def sent(self) -> int:
        """Documents the run finished sending (created, updated or failed in QuickBooks)."""
        counts = self.counts()
        return counts[Outcome.CREATED] + counts[Outcome.UPDATED] + counts[Outcome.FAILED]

    def final_exit_code(self) -> ExitCode:
        """0 when everything given is in QuickBooks; else the most telling non-zero code."""
        if self.exit_code is not ExitCode.OK:
            return self.exit_code
        counts = self.counts()
        # Held documents are not failures, but FlowFit's change is not in QuickBooks: a
        # scheduled task must learn that someone has to decide.
        if counts[Outcome.FAILED] or counts[Outcome.BLOCKED] or counts[Outcome.NOT_SENT] \
                or counts[Outcome.HELD]:  # fmt: skip
            return ExitCode.SOME_FAILED
        if any(result.pdf == "failed" for result in self.results):  # in QuickBooks, PDF not
            return ExitCode.SOME_FAILED
        return ExitCode.OK

    def summary_line(self) -> str:
        """One line for a person: what happened to how many documents."""
        counts = self.counts()
        parts = [
            f"{counts[Outcome.CREATED]} created",
            f"{counts[Outcome.UPDATED]} updated",
            f"{counts[Outcome.UNCHANGED]} unchanged",
            f"{counts[Outcome.FAILED]} failed",
            f"{counts[Outcome.BLOCKED]} blocked",
        ]
        if counts[Outcome.HELD]:
            parts.append(f"{counts[Outcome.HELD]} held")
        text = ", ".join(parts)
        if self.cancelled:
            return f"Stopped after {self.sent} of {self.to_send} documents to send: {text}."
        if self.stopped:
            return f"Stopped: {self.stopped} ({text})."
        return f"Synchronized {len(self.results)} documents: {text}."

    def as_json(self) -> dict[str, Any]:
        """The ``--json`` shape: synced, failed, blocked and held lists."""
        synced = [_synced_entry(r) for r in self.results if r.outcome.synced]
        failed = [
            {"kind": r.kind.value, "number": r.number, "error": r.message or r.outcome.value}
            for r in self.results
            if r.outcome in (Outcome.FAILED, Outcome.NOT_SENT)
        ]
        blocked = [
            {"kind": r.kind.value, "number": r.number, "reasons": [str(x) for x in r.reasons]}
            for r in self.results
            if r.outcome is Outcome.BLOCKED
        ]
        held = [_held_entry(r) for r in self.results if r.outcome is Outcome.HELD]
        document: dict[str, Any] = {"synced": synced, "failed": failed, "blocked": blocked,
                                    "held": held}  # fmt: skip
        if self.cancelled or self.stopped:
            document["stopped"] = self.summary_line()
        return document


def _synced_entry(result: DocumentResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": result.kind.value,
        "number": result.number,
        "action": result.action,
        "qbo_id": result.qbo_id,
    }
    if result.pdf is not None:
        entry["pdf"] = result.pdf
        if result.pdf_note is not None:
            entry["pdf_error"] = str(result.pdf_note)
    totals = result.totals
    if totals is not None:
        entry["qbo_total"] = str(totals.qbo_total)
        if totals.differ:
            entry["totals_differ"] = {
                "flowfit_total": str(totals.flowfit_total),
                "qbo_total": str(totals.qbo_total),
                "flowfit_tax": str(totals.flowfit_tax),
                "qbo_tax": str(totals.qbo_tax),
                "difference": str(totals.difference),
            }
    return entry


def _held_entry(result: DocumentResult) -> dict[str, Any]:
    return {
        "kind": result.kind.value,
        "number": result.number,
        "reason": result.hold.value if result.hold else None,
        "state": result.qbo_state,
        "message": result.message,
    }
