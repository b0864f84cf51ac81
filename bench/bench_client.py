"""Push N invoices to a time-scaled sandbox with limits on; print the rates reached vs the limits.

    python bench/bench_client.py [--invoices 2000] [--time-scale 30] [--threads 4]

Rates are in simulated minutes (real seconds x time scale / 60), so they compare directly with
QuickBooks' 500 requests/minute and 40 batch calls/minute. The sandbox runs in its own process.
Sliding windows admit a full window at once, so short runs show a little above the limit.
"""

from __future__ import annotations

import argparse
import json
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from qbconnector.quickbooks.batch import BatchItem
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import StaticTokenSource


@dataclass
class Run:
    label: str
    documents: int
    requests: int
    batch_calls: int
    throttled: int
    seconds: float


def _invoice(customer_id: str, number: int) -> dict[str, Any]:
    return {
        "CustomerRef": {"value": customer_id},
        "DocNumber": f"B-{number}",
        "Line": [
            {
                "DetailType": "SalesItemLineDetail",
                "Amount": 100.0,
                "SalesItemLineDetail": {"ItemRef": {"value": "1"}},
            }
        ],
    }


def _in_threads(threads: int, jobs: list[Any], work: Callable[[Any], None]) -> None:
    pending: queue.Queue[Any] = queue.Queue()
    for job in jobs:
        pending.put(job)

    def worker() -> None:
        while True:
            try:
                job = pending.get_nowait()
            except queue.Empty:
                return
            work(job)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()


def _start_sandbox(time_scale: float, profile: str) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    # A separate process: in-process, the GIL delays arrivals by milliseconds, which at a
    # time-scaled "second" of 1/30 s looks like bursts and draws 429s the real service would not.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "qbconnector",
            "--profile",
            profile,
            "sandbox",
            "--time-scale",
            str(time_scale),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())


def _run(label: str, args: argparse.Namespace, batch: bool) -> Run:
    with tempfile.TemporaryDirectory() as profile:
        process, info = _start_sandbox(args.time_scale, profile)
        try:
            return _push(label, args, batch, info)
        finally:
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=30)


def _push(label: str, args: argparse.Namespace, batch: bool, info: dict[str, Any]) -> Run:
    limiter = RateLimiter(RateLimits(headroom=args.headroom).time_scaled(args.time_scale))
    client = QuickBooksClient(
        ClientConfig(
            info["realm_id"],
            environment="custom",
            base_url=info["api_base_url"],
            backoff=Backoff().time_scaled(args.time_scale),
        ),
        StaticTokenSource(info["access_token"]),
        limiter,
    )
    customer = client.create("Customer", {"DisplayName": "Bench"}, uuid.uuid4().hex).entity
    limiter.stats.requests = 0
    limiter.stats.batch_calls = 0
    numbers = list(range(args.invoices))
    started = time.monotonic()
    if batch:
        chunks = [numbers[i : i + 30] for i in range(0, len(numbers), 30)]
        _in_threads(args.threads, chunks, lambda chunk: _push_batch(client, customer, chunk))
    else:
        _in_threads(args.threads, numbers, lambda n: _push_one(client, customer, n))
    seconds = time.monotonic() - started
    client.close()
    admin = info["admin_url"]
    invoices = requests.get(f"{admin}/entities/Invoice", timeout=30).json()["Invoice"]
    throttled = requests.get(f"{admin}/state", timeout=30).json()["limits"]["throttled"]
    stats = limiter.stats
    return Run(label, len(invoices), stats.requests, stats.batch_calls, throttled, seconds)


def _push_one(client: QuickBooksClient, customer: dict[str, Any], number: int) -> None:
    client.create("Invoice", _invoice(customer["Id"], number), uuid.uuid4().hex)


def _push_batch(client: QuickBooksClient, customer: dict[str, Any], chunk: list[int]) -> None:
    items = [BatchItem(f"b{n}", "Invoice", "create", _invoice(customer["Id"], n)) for n in chunk]
    result = client.batch(items, str(uuid.uuid4()))
    failed = [bid for bid, item in result.items.items() if not item.ok]
    if failed or result.missing:
        raise RuntimeError(f"batch items failed: {failed or result.missing}")


def _report(run: Run, time_scale: float) -> None:
    minutes = run.seconds * time_scale / 60.0
    print(f"{run.label}")
    print(f"  documents pushed      {run.documents}")
    print(f"  real seconds          {run.seconds:.2f}  (= {minutes:.2f} simulated minutes)")
    print(f"  requests/minute       {run.requests / minutes:7.1f}   limit 500")
    if run.batch_calls:
        print(f"  batch calls/minute    {run.batch_calls / minutes:7.1f}   limit 40")
    print(f"  documents/minute      {run.documents / minutes:7.1f}")
    print(f"  429 answers           {run.throttled}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=2000)
    parser.add_argument("--time-scale", type=float, default=30.0)
    parser.add_argument("--threads", type=int, default=4)
    # A scaled "second" lasts 1/30 s: millisecond jitter (GIL switches, the sandbox's own locks)
    # is then a large share of the window, so the client needs more slack than the 2 % it uses
    # against the real service.
    parser.add_argument("--headroom", type=float, default=0.15)
    args = parser.parse_args()
    print(
        f"{args.invoices} invoices, time scale {args.time_scale:g}, {args.threads} threads, "
        f"headroom {args.headroom:.0%}"
    )
    single = _run("one invoice per request", args, batch=False)
    _report(single, args.time_scale)
    batched = _run("batches of 30", args, batch=True)
    _report(batched, args.time_scale)
    single_rate = single.documents / single.seconds
    batch_rate = batched.documents / batched.seconds
    print(f"batching pushes {batch_rate / single_rate:.2f}x as many documents per minute")


if __name__ == "__main__":
    main()
