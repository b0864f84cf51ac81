"""One window-driven sync: source, ledger, client and engine opened together in one thread."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.settings import Settings
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import SecretStore
from qbconnector.sync.auto import AutoSync
from qbconnector.sync.connection import Pace, check_ready, open_client
from qbconnector.sync.engine import EngineConfig, SyncEngine
from qbconnector.sync.listing import Key, LedgerView, views_for
from qbconnector.sync.plan import Action
from qbconnector.sync.pull import PullResult
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome, SyncReport
from qbconnector.sync.sources import DocumentSource, Selection, missing_numbers, open_source


@dataclass(frozen=True)
class SessionConfig:
    """How the window's runs go; tests and benchmarks pass a faster pace."""

    engine: EngineConfig = field(default_factory=EngineConfig)
    pace: Pace = field(default_factory=Pace)


@dataclass(frozen=True)
class Preflight:
    """What a run would do before anything is sent: the numbers of the documents that can go
    (the session keeps the documents), and the blocked ones with one sentence per reason."""

    kind: DocumentKind
    sendable: tuple[str, ...]
    blocked: tuple[DocumentResult, ...]
    missing: tuple[str, ...] = ()  # numbers the source no longer has


@dataclass(frozen=True)
class AutoPass:
    """One automatic-sync pass: when, its report (None when no kind is on), fresh row states."""

    at: dt.datetime
    report: SyncReport | None
    views: dict[Key, LedgerView | None]
    pulled: PullResult | None = None  # what the pull after the pushes read back
    pull_error: Exception | None = None  # why that pull failed (the pushes stand)


class WindowSession(Protocol):
    """What the window calls: a SyncSession, or one served from a child process (both also
    have ``run`` and ``views``, which the window does not use)."""

    def preflight(self, kind: DocumentKind, numbers: Sequence[str]) -> Preflight: ...

    def send_prepared(
        self,
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport: ...

    def auto_pass(self, cancel: threading.Event | None = None) -> AutoPass: ...

    def close(self) -> None: ...


class SyncSession:
    """Opens the profile's document source, ledger and QuickBooks client; use it from the
    thread that created it (the ledger's SQLite connection belongs to that thread)."""

    def __init__(
        self,
        profile: Profile,
        settings: Settings,
        vault: SecretStore,
        config: SessionConfig | None = None,
    ) -> None:
        check_ready(settings)
        chosen = config or SessionConfig()
        self.settings = settings
        self.source: DocumentSource = open_source(profile, settings)
        self.ledger = Ledger.open(profile.ledger_file)
        try:
            self.client = open_client(profile, settings, vault, chosen.pace)
        except BaseException:
            self.ledger.close()
            self.source.close()
            raise
        options = PayloadOptions.from_settings(settings)
        self.engine = SyncEngine(self.client, self.ledger, options, chosen.engine)
        self._prepared: tuple[Document, ...] = ()  # what the last preflight found sendable

    def preflight(self, kind: DocumentKind, numbers: Sequence[str]) -> Preflight:
        """The plan's blocked documents (live checks included); reads QuickBooks, sends nothing."""
        selection = Selection(kinds=(kind,), numbers=tuple(numbers))
        documents = self.source.list_documents(selection)
        the_plan = self.engine.plan(documents, self.engine.facts())
        blocked = tuple(
            DocumentResult(kind, item.document.number, Outcome.BLOCKED,
                           item.row.qbo_id if item.row else None, item.blocked_message,
                           tuple(reason.text for reason in item.reasons))
            for item in the_plan.with_action(Action.BLOCKED)
        )  # fmt: skip
        stopped = {result.number for result in blocked}
        self._prepared = tuple(doc for doc in documents if doc.number not in stopped)
        sendable = tuple(doc.number for doc in self._prepared)
        return Preflight(kind, sendable, blocked, tuple(missing_numbers(selection, documents)))

    def send_prepared(
        self,
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport:
        """Push the documents the last :meth:`preflight` found sendable."""
        return self.run(self._prepared, callbacks, cancel, overwrite)

    def run(
        self,
        documents: Iterable[Document],
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport:
        """Push ``documents``; ``overwrite`` lifts the hold of these keys ("Push anyway")."""
        report = self.engine.run(documents, callbacks=callbacks, cancel=cancel,
                                 overwrite=overwrite)  # fmt: skip
        self.source.report_results(report.results)
        return report

    def auto_pass(self, cancel: threading.Event | None = None) -> AutoPass:
        """One automatic-sync pass over the kinds switched on."""
        runner = AutoSync(self.settings, self.source, self.engine, self.ledger, client=self.client)
        report = runner.run_once(cancel=cancel)
        keys = [result.key for result in report.results] if report else []
        return AutoPass(dt.datetime.now(dt.UTC), report, self.views(keys), runner.last_pull,
                        runner.pull_error)  # fmt: skip

    def views(self, keys: Iterable[Key]) -> dict[Key, LedgerView | None]:
        return views_for(self.ledger, keys)

    def close(self) -> None:
        self.client.close()
        self.ledger.close()
        self.source.close()
