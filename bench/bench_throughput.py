"""Throughput at Intuit's limits: `qbconnector sync` against the floor and a naive client.

Usage: python bench/bench_throughput.py [--sizes 100,1000,10000] [--no-naive] [--naive-up-to N]

For each size N: N approved invoices of N/5 clients, 20 % of them (and so of the invoices) for
clients QuickBooks does not know yet; every invoice taxed GST + QST. Each run gets a fresh
sandbox that enforces Intuit's per-company limits (500 requests a minute, 10 a second, 40 batch
calls a minute, 30 operations a batch, 10 requests in flight) and answers each call after
LATENCY ms plus ITEM_LATENCY ms per batch operation. Sizes of 10,000 and more use a sandbox
whose limit windows are TIME_SCALE_LARGE times shorter (latencies are not scaled); the floor
and both clients are measured on that same sandbox.

Printed per size, from one run:
- the product: wall time of `qbconnector sync --kind invoice --approved` from process start to
  exit, with the requests and batch calls the sandbox admitted;
- the floor: the least time any client needs for the same writes under the same limits:

      floor = a + T + (a + 30 b)

  where a = LATENCY, b = ITEM_LATENCY, a is one look-up answer every write depends on (which
  clients exist), a + 30 b is the answer to the last write, and T is when the last of the
  W = N + new-customer operations can leave if requests leave as early as the limits allow,
  batch calls first (a batch call spends one request of the per-second and per-minute budgets
  and carries 30 operations, so no schedule beats "a batch when a batch call may go, else a
  single request"), counting the 10-in-flight cap with each call in flight for its latency.
  T is computed by stepping that greedy schedule through the limit windows (``floor_seconds``).
  Creating a new customer before its invoices is assumed to overlap with other writes, so the
  floor is a lower bound;
- the ratio product / floor;
- a one-request-per-document client on the same kind of sandbox: for each invoice, find its
  customer by name, create it when missing, create the invoice (10 documents at a time, within
  the limits, with a requestid on each write), and the product's speed-up over it; by default
  up to 1,000 invoices (at 10,000 it needs about 22,000 requests: 22 minutes at 500 a minute on
  the 2x sandbox).
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # secrets in the profile

from qbconnector.core.documents import (  # noqa: E402
    Client,
    Document,
    DocumentKind,
    DocumentStatus,
    Line,
    Project,
)
from qbconnector.core.settings import Settings  # noqa: E402
from qbconnector.flowfit.samples import billed_tax, tax_definitions  # noqa: E402
from qbconnector.flowfit.store import DocumentStore  # noqa: E402
from qbconnector.quickbooks.company_taxes import read_company_taxes  # noqa: E402
from qbconnector.quickbooks.customers import customer_payload, display_name  # noqa: E402
from qbconnector.quickbooks.payloads import PayloadOptions, document_payload  # noqa: E402
from qbconnector.quickbooks.query import where_equals  # noqa: E402
from qbconnector.sandbox.connect import (  # noqa: E402
    client_for,
    settings_for_sandbox,
    store_sandbox_secrets,
    suggested_tax_settings,
)
from qbconnector.sandbox.seed import CompanySeed  # noqa: E402
from qbconnector.sandbox.server import SandboxConfig, SandboxServer  # noqa: E402
from qbconnector.storage.profile import Profile  # noqa: E402
from qbconnector.storage.settings_file import SettingsFile  # noqa: E402
from qbconnector.storage.vault import open_vault  # noqa: E402

LATENCY = 0.150  # seconds per call
ITEM_LATENCY = 0.010  # seconds more per batch operation
# Windows twice as short: 10,000 invoices in about 3 minutes instead of 6. Not shorter: the
# client's 50 ms margin per window is real time, so at a fifth of a second the per-second
# window would bind (10 per 0.25 s) where at Intuit's speed the per-minute one does.
TIME_SCALE_LARGE = 2.0
PER_SECOND, PER_MINUTE, BATCH_PER_MINUTE, IN_FLIGHT, BATCH_SIZE = 10, 500, 40, 10, 30
DAY = dt.date(2026, 11, 2)


# -- the floor ---------------------------------------------------------------------------------


def floor_seconds(operations: int, time_scale: float = 1.0) -> float:
    """The least time to write ``operations`` under the limits (formula in the docstring)."""
    second, minute = 1.0 / time_scale, 60.0 / time_scale
    last_second: deque[float] = deque()
    last_minute: deque[float] = deque()
    last_batches: deque[float] = deque()
    answers: list[float] = []  # answer times of the calls in flight
    now, left = LATENCY, operations  # every write waits for the look-up's answer
    while True:
        for window, length in ((last_second, second), (last_minute, minute),
                               (last_batches, minute)):  # fmt: skip
            while window and window[0] <= now - length:
                window.popleft()
        answers = [end for end in answers if end > now]
        ready_at = max(
            now,
            last_second[0] + second if len(last_second) >= PER_SECOND else now,
            last_minute[0] + minute if len(last_minute) >= PER_MINUTE else now,
            min(answers) if len(answers) >= IN_FLIGHT else now,
        )
        if ready_at > now:
            now = ready_at + 1e-9
            continue
        if len(last_batches) < BATCH_PER_MINUTE:
            carried = min(BATCH_SIZE, left)
            last_batches.append(now)
            answer = LATENCY + carried * ITEM_LATENCY
        else:
            carried, answer = 1, LATENCY
        last_second.append(now)
        last_minute.append(now)
        answers.append(now + answer)
        left -= carried
        if left <= 0:
            return now + answer


# -- documents and sandboxes -------------------------------------------------------------------


def clients_for(count: int) -> tuple[list[Client], list[Client]]:
    """(clients QuickBooks knows, new clients): a fifth as many clients as invoices, 20 % new."""
    total = max(1, count // 5)
    clients = [
        Client(f"C{index:05}", f"Client {index:05} Translations Inc.") for index in range(total)
    ]
    new = max(1, total // 5)
    return clients[: total - new], clients[total - new :]


def invoices(count: int) -> list[Document]:
    known, new = clients_for(count)
    clients = known + new
    documents = []
    for index in range(count):
        client = clients[index % len(clients)]
        lines = tuple(
            Line("Translation", f"EN>FR {250 * (part + 1)} words", Decimal(250 * (part + 1)),
                 Decimal("0.19"), "word")
            for part in range(1 + index % 3)
        )  # fmt: skip
        documents.append(Document(
            DocumentKind.INVOICE, f"INV-{index:06}", DocumentStatus.APPROVED, DAY, "CAD", client,
            Project(f"P-{index:06}"), lines, due_date=DAY + dt.timedelta(days=30),
            tax=billed_tax("TPS-TVQ", lines),
        ))  # fmt: skip
    return documents


def sandbox(count: int, time_scale: float) -> SandboxServer:
    known, _new = clients_for(count)
    seed = CompanySeed(customers=[display_name(client) for client in known])
    faults = {"latency": LATENCY * 1000, "item_latency": ITEM_LATENCY * 1000}
    return SandboxServer(SandboxConfig(time_scale=time_scale, seed=seed, faults=faults)).start()


def translation_item(server: SandboxServer) -> str:
    return next(str(i["Id"]) for i in server.entities("Item") if i["Name"] == "Translation")


def prepared_profile(server: SandboxServer, documents: list[Document], folder: Path) -> Profile:
    profile = Profile(folder / "profile", "--profile").ensure()
    info = server.connection_info()
    store_sandbox_secrets(info, open_vault(profile).store)
    settings = settings_for_sandbox(info).with_section(
        "services", service_id=translation_item(server), service_name="Translation"
    )
    taxes = suggested_tax_settings(server.entities, tax_definitions())
    SettingsFile(profile.settings_file).save(dataclasses.replace(settings, taxes=taxes))
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(documents)
    return profile


# -- the product -------------------------------------------------------------------------------


def run_product(count: int, time_scale: float) -> dict[str, Any]:
    documents = invoices(count)
    with sandbox(count, time_scale) as server, tempfile.TemporaryDirectory() as folder:
        profile = prepared_profile(server, documents, Path(folder))
        command = [sys.executable, "-m", "qbconnector", "--profile", str(profile.root), "sync",
                   "--kind", "invoice", "--approved", "--json",
                   "--time-scale", str(time_scale)]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
        elapsed = time.perf_counter() - started
        limits = server.summary()["limits"]
        pushed = len(server.entities("Invoice"))
    if done.returncode != 0:
        raise SystemExit(f"sync failed ({done.returncode}): {done.stderr[-2000:]}")
    synced = len(json.loads(done.stdout)["synced"])
    return {"seconds": elapsed, "synced": synced, "pushed": pushed, "requests": limits["admitted"],
            "batches": limits["admitted_batches"], "throttled": limits["throttled"]}  # fmt: skip


# -- the one-request-per-document client -------------------------------------------------------


def run_naive(count: int, time_scale: float) -> dict[str, Any]:
    documents = invoices(count)
    with sandbox(count, time_scale) as server:
        client = client_for(server, time_scale)
        settings = Settings().with_section("services", service_id=translation_item(server))
        settings = dataclasses.replace(
            settings, taxes=suggested_tax_settings(server.entities, tax_definitions())
        )
        options = PayloadOptions.from_settings(settings)
        options = options.with_company_taxes(read_company_taxes(client))
        locks: dict[str, threading.Lock] = {}

        def push(document: Document) -> None:
            name = display_name(document.client)
            with locks.setdefault(document.client.code, threading.Lock()):
                condition = where_equals("DisplayName", name)
                rows = client.query(f"SELECT * FROM Customer WHERE {condition.text}").rows
                if rows:
                    customer_id = str(rows[0]["Id"])
                else:
                    body = customer_payload(document.client, None)
                    customer_id = str(
                        client.create("Customer", body, uuid.uuid4().hex).entity["Id"]
                    )
            payload = document_payload(document, options, customer_id)
            client.create("Invoice", payload, uuid.uuid4().hex)

        started = time.perf_counter()
        with ThreadPoolExecutor(IN_FLIGHT) as pool:
            list(pool.map(push, documents))
        elapsed = time.perf_counter() - started
        client.close()
        pushed = len(server.entities("Invoice"))
        requests = server.summary()["limits"]["admitted"]
    return {"seconds": elapsed, "pushed": pushed, "requests": requests}


# -- report ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive client")
    parser.add_argument(
        "--naive-up-to",
        type=int,
        default=1000,
        help="largest size the naive client runs at (10,000 takes ~22 min)",
    )
    args = parser.parse_args()
    # The .pyc files an installed app has (this machine may set PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(REPO / "qbconnector", quiet=1)
    print(f"latency {LATENCY * 1000:.0f} ms per call + {ITEM_LATENCY * 1000:.0f} ms per batch "
          f"operation; limits {PER_MINUTE}/min, {PER_SECOND}/s, {BATCH_PER_MINUTE} batch "
          f"calls/min, {BATCH_SIZE} per batch, {IN_FLIGHT} in flight; "
          f"{os.cpu_count()} cores")  # fmt: skip
    print(f"{'invoices':>9} {'scale':>5} {'product s':>9} {'floor s':>8} {'ratio':>6} "
          f"{'requests':>8} {'batches':>7} {'429s':>4} {'naive s':>8} {'speed-up':>8}")  # fmt: skip
    for count in (int(size) for size in args.sizes.split(",")):
        scale = TIME_SCALE_LARGE if count >= 10_000 else 1.0
        _known, new = clients_for(count)
        product = run_product(count, scale)
        assert product["pushed"] == count == product["synced"], product
        floor = floor_seconds(count + len(new), scale)
        skip_naive = args.no_naive or count > args.naive_up_to
        naive = None if skip_naive else run_naive(count, scale)
        naive_text = "" if args.no_naive else f"{'skipped':>8}"
        if naive is not None:
            speed_up = naive["seconds"] / product["seconds"]
            naive_text = f"{naive['seconds']:8.1f} {speed_up:7.1f}x"
        print(f"{count:>9,} {scale:>5g} {product['seconds']:9.2f} {floor:8.2f} "
              f"{product['seconds'] / floor:5.2f}x {product['requests']:>8} "
              f"{product['batches']:>7} {product['throttled']:>4} {naive_text}",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
