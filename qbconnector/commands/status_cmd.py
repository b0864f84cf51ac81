"""`qbconnector status`: which profile is used and the state of the connector."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from qbconnector import __version__
from qbconnector.commands._context import open_context
from qbconnector.commands._show import format_blocks, settings_summary
from qbconnector.connection_checks import token_status
from qbconnector.core.documents import DocumentKind
from qbconnector.flowfit.store import DocumentFilter, DocumentStore
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import LedgerRow
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import SecretStore

HELP = "show the profile folder, the parameters (secrets masked) and the connector's state"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _tokens(profile: Profile, vault: SecretStore) -> dict[str, Any]:
    status = token_status(profile, vault)
    return {
        "refresh_token_saved": status.has_refresh_token,
        "access_token_expires": _iso(status.access_expires_at),
        "refresh_token_expires_if_unused": _iso(status.refresh_expires_at),
        "refresh_token_hard_expiry": _iso(status.refresh_hard_expires_at),
        "last_refresh": _iso(status.last_refresh_at),
    }


def _documents(profile: Profile) -> dict[str, Any]:
    if not profile.store_file.exists():
        return {"local_store": 0}
    with DocumentStore.open(profile.store_file) as store:
        return {kind.value + "s": store.count(DocumentFilter(kind=kind)) for kind in DocumentKind}


def _ledger(profile: Profile) -> tuple[dict[str, int], list[dict[str, str]]]:
    """Row counts by state, and the documents whose QuickBooks totals differ from FlowFit's."""
    if not profile.ledger_file.exists():
        return {}, []
    with Ledger.open(profile.ledger_file) as ledger:
        counts = {state.value: count for state, count in ledger.counts().items()}
        differ = [_differ_entry(row) for row in ledger.totals_differ()]
    counts["totals_differ"] = len(differ)
    return counts, differ


def _differ_entry(row: LedgerRow) -> dict[str, str]:
    totals = row.totals
    assert totals is not None
    return {
        "kind": row.kind.value,
        "number": row.number,
        "flowfit_total": str(totals.flowfit_total),
        "qbo_total": str(totals.qbo_total),
        "difference": str(totals.difference),
    }


def collect_status(profile: Profile) -> dict[str, Any]:
    """Everything `status` reports, as plain data."""
    context = open_context(profile, quiet=True)
    ledger_counts, totals_differ = _ledger(profile)
    return {
        "version": __version__,
        "profile": {"folder": str(profile.root), "chosen_by": profile.source},
        "vault": {
            "stored_in": context.vault.description,
            "encrypted": context.vault.encrypted,
            "warning": context.vault.warning,
        },
        "parameters": settings_summary(context.settings, context.vault),
        "tokens": _tokens(profile, context.vault.store),
        "documents": _documents(profile),
        "sync_ledger": ledger_counts,
        "totals_differ": totals_differ,
    }


def run(args: argparse.Namespace, profile: Profile) -> int:
    status = collect_status(profile)
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
        return 0
    print(f"qbconnector {status['version']}")
    folder = status["profile"]
    print(f"Profile folder: {folder['folder']} (chosen by {folder['chosen_by']})")
    vault = status["vault"]
    print(f"Secrets stored in: {vault['stored_in']}")
    if vault["warning"]:
        print(f"  note: {vault['warning']}")
    blocks = {
        **status["parameters"],
        "Tokens": {label: value or "(unknown)" for label, value in status["tokens"].items()},
        "Documents": status["documents"],
        "Sync ledger": status["sync_ledger"] or {"rows": 0},
    }
    if status["totals_differ"]:
        blocks["Totals that differ from FlowFit's"] = {
            f"{entry['kind']} {entry['number']}": f"FlowFit {entry['flowfit_total']}, "
            f"QuickBooks {entry['qbo_total']} (difference {entry['difference']})"
            for entry in status["totals_differ"]
        }
    print(format_blocks(blocks))
    return 0
