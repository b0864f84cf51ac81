"""`qbconnector sync`: push invoices and quotes to QuickBooks, show the plan, or keep watching."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from qbconnector.commands._context import CommandContext, open_context
from qbconnector.commands._numbers import (
    MAX_WATCH_INTERVAL,
    MIN_WATCH_INTERVAL,
    bounded_float,
    bounded_int,
)
from qbconnector.commands._push_anyway import hint, overwrite_keys
from qbconnector.commands._sync_output import ProgressBar, plan_json, plan_lines
from qbconnector.commands._watch_lock import single_watcher
from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import BadInputError, ExitCode, QbConnectorError
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.sync.auto import AutoSync, auto_kinds
from qbconnector.sync.connection import Pace, open_client
from qbconnector.sync.engine import EngineConfig, SyncEngine
from qbconnector.sync.plan import Action, CompanyFacts, plan
from qbconnector.sync.results import Callbacks, Outcome, SyncReport
from qbconnector.sync.sender import RetryPolicy
from qbconnector.sync.sources import DocumentSource, Selection, check_all_found, open_source

HELP = "push approved invoices and quotes to QuickBooks (exactly once; safe to re-run)"
WATCH_NEVER_OVERWRITES = (
    "--push-anyway cannot be used with --watch: automatic sync never overwrites what was changed "
    "in QuickBooks. Run qbconnector sync --push-anyway NUMBER once instead."
)
KINDS = {
    "invoice": (DocumentKind.INVOICE,),
    "quote": (DocumentKind.QUOTE,),
    "all": tuple(DocumentKind),
}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=list(KINDS), default="all", help="default: all")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--approved", action="store_true", help="every approved document (default)")
    chosen.add_argument("numbers", nargs="*", default=[], metavar="NUMBER", help="these documents")
    parser.add_argument("--dry-run", action="store_true", help="print the plan, send nothing")
    parser.add_argument("--watch", action="store_true", help="automatic sync until stopped")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--push-anyway",
        action="append",
        default=[],
        metavar="NUMBER",
        help="overwrite this document although it was edited, paid or deleted in QuickBooks "
        "(repeatable; KIND:NUMBER when an invoice and a quote share the number)",
    )
    parser.add_argument(
        "--interval",
        type=bounded_float(MIN_WATCH_INTERVAL, MAX_WATCH_INTERVAL, unit="seconds"),
        metavar="SECONDS",
        help="--watch: seconds between passes (default: the parameters' minutes)",
    )
    default_in_flight = EngineConfig.in_flight
    parser.add_argument(
        "--in-flight",
        type=bounded_int(1, 10),
        default=default_in_flight,
        metavar="N",
        help=f"batches sent at once (default {default_in_flight})",
    )
    # For benchmarks and tests against a time-scaled sandbox: not part of the user's contract.
    parser.add_argument(
        "--time-scale", type=bounded_float(0.001, 10_000), default=1.0, help=argparse.SUPPRESS
    )
    parser.add_argument("--batch-size", type=bounded_int(1, 30), default=30, help=argparse.SUPPRESS)


def run(args: argparse.Namespace, profile: Profile) -> int:
    context = open_context(profile, quiet=args.json)
    selection = Selection(kinds=KINDS[args.kind], numbers=tuple(args.numbers))
    with _opened(context) as (source, ledger):
        if args.watch:
            if args.push_anyway:
                raise BadInputError(WATCH_NEVER_OVERWRITES)
            with single_watcher(profile):  # two watchers on one profile: a clear refusal
                return _watch(args, context, source, ledger)
        documents = source.list_documents(selection)
        check_all_found(selection, documents, source.description)
        overwrite = overwrite_keys(args.push_anyway, documents)
        if args.dry_run:
            return _dry_run(args, context, ledger, documents, overwrite)
        engine = _engine(args, context, ledger)
        callbacks = _callbacks(args)
        report = _with_cancel(
            lambda cancel: engine.run(documents, callbacks=callbacks, cancel=cancel,
                                      overwrite=overwrite)
        )  # fmt: skip
        source.report_results(report.results)
        _print_report(args, report)
        return int(report.final_exit_code())


@contextmanager
def _opened(context: CommandContext) -> Iterator[tuple[DocumentSource, Ledger]]:
    source = open_source(context.profile, context.settings)
    try:
        with Ledger.open(context.profile.ledger_file) as ledger:
            yield source, ledger
    finally:
        source.close()


def _client(args: argparse.Namespace, context: CommandContext) -> QuickBooksClient:
    pace = Pace(time_scale=args.time_scale)
    client = open_client(context.profile, context.settings, context.vault.store, pace)
    client.limiter.on_pause = _throttle_notice(client.config.backoff.give_up_after)
    return client


def _engine(
    args: argparse.Namespace,
    context: CommandContext,
    ledger: Ledger,
    client: QuickBooksClient | None = None,
) -> SyncEngine:
    client = client or _client(args, context)
    retry = RetryPolicy(first_wait=RetryPolicy.first_wait / max(args.time_scale, 1e-3))
    config = EngineConfig(
        batch_size=min(max(1, args.batch_size), 30), in_flight=max(1, args.in_flight), retry=retry
    )
    return SyncEngine(client, ledger, PayloadOptions.from_settings(context.settings), config)


def _throttle_notice(give_up_after: float) -> Callable[[float], None]:
    """A line on stderr for each wait QuickBooks imposes: a slow run says why it is slow."""

    def tell(seconds: float) -> None:
        print(
            f"qbconnector: QuickBooks is throttling (HTTP 429, too many requests): waiting "
            f"{seconds:.3g} s before retrying; the run stops after {give_up_after:.3g} s of "
            "such waits.",
            file=sys.stderr,
            flush=True,
        )

    return tell


def _callbacks(args: argparse.Namespace) -> Callbacks:
    if args.json or not sys.stderr.isatty():
        return Callbacks()
    return Callbacks(progress=ProgressBar(sys.stderr).update)


def _with_cancel(work: Callable[[threading.Event], SyncReport]) -> SyncReport:
    """Run ``work``; the first Ctrl+C stops it between batches, a second one interrupts."""
    cancel = threading.Event()

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()
        print("\nqbconnector: stopping after the batches in flight...", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        return work(cancel)
    finally:
        signal.signal(signal.SIGINT, previous)


def _print_report(args: argparse.Namespace, report: SyncReport) -> None:
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return
    for result in report.results:
        if result.message and not result.outcome.synced:
            print(f"{result.kind.value} {result.number}: {result.outcome.value}: {result.message}")
        if result.outcome is Outcome.HELD:
            print(f"{result.kind.value} {result.number}: to push it anyway: "
                  f"{hint(result, report.results)}")  # fmt: skip
        totals = result.totals
        if result.outcome.synced and totals is not None and totals.differ:
            print(f"{result.kind.value} {result.number}: totals differ: QuickBooks "
                  f"{totals.qbo_total} (tax {totals.qbo_tax}), FlowFit {totals.flowfit_total} "
                  f"(tax {totals.flowfit_tax}), difference {totals.difference}")  # fmt: skip
    print(report.summary_line())


def _dry_run(
    args: argparse.Namespace,
    context: CommandContext,
    ledger: Ledger,
    documents: list[Document],
    overwrite: frozenset[tuple[DocumentKind, str]],
) -> int:
    facts: CompanyFacts | None = None
    note: str | None = None
    options = PayloadOptions.from_settings(context.settings)
    try:
        engine = _engine(args, context, ledger)
        facts = engine.facts()
        # What a run would hold depends on QuickBooks' changes since the last pull: read
        # them as the run does (a read; the ledger keeps what it found).
        first = plan(documents, options, rows=ledger.rows_for(d.key for d in documents),
                     facts=facts, overwrite=overwrite)  # fmt: skip
        if first.with_action(Action.UPDATE, Action.HELD):
            engine.pull_changes()
    except (QuickBooksError, QbConnectorError) as error:
        note = (f"QuickBooks was not asked ({error}); live checks (services, currency) and "
                "changes made in QuickBooks since the last pull skipped.")  # fmt: skip
    rows = ledger.rows_for(document.key for document in documents)
    the_plan = plan(documents, options, rows=rows, facts=facts, overwrite=overwrite)
    if args.json:
        print(json.dumps(plan_json(the_plan, ledger, note), indent=2, ensure_ascii=False))
    else:
        for line in plan_lines(the_plan, note):
            print(line)
    stopped = the_plan.with_action(Action.BLOCKED, Action.HELD)
    return int(ExitCode.SOME_FAILED) if stopped else 0


def _watch(args: argparse.Namespace, context: CommandContext, source: DocumentSource,
           ledger: Ledger) -> int:  # fmt: skip
    settings = context.settings
    if not auto_kinds(settings):
        raise BadInputError("Automatic sync is off for invoices and quotes: turn it on with "
                            "qbconnector configure --auto-sync-invoices on.")  # fmt: skip
    interval = args.interval if args.interval is not None else settings.sync.auto_sync_minutes * 60
    client = _client(args, context)
    runner = AutoSync(settings, source, _engine(args, context, ledger, client), ledger,
                      client=client)  # fmt: skip
    worst = ExitCode.OK
    stop = threading.Event()

    def on_report(report: SyncReport | None) -> None:
        nonlocal worst
        # The give-up limit counts per pass, not per session.
        client.limiter.stats.throttled_seconds = 0.0
        if runner.pull_error is not None:  # the pushes stand; say why nothing came back
            print(f"pull failed: {runner.pull_error}", file=sys.stderr)
        if report is None:
            return
        if report.results or report.stopped:
            _print_report(args, report)
            sys.stdout.flush()
        if report.exit_code is ExitCode.RECONNECT_REQUIRED:
            worst = report.exit_code
            stop.set()  # nothing will work until someone reconnects

    signals = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda signum, frame: stop.set()) for sig in signals}
    try:
        runner.run_until(stop, interval, on_report, _callbacks(args))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return int(worst)
