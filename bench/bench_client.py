"""Push N invoices to a time-scaled sandbox with limits on; print the rates reached vs the limits.

    python bench/bench_client.py [--invoices 3000] [--time-scale 60] [--threads 4]

Rates are in simulated minutes (real seconds x time scale / 60), so they compare directly with
QuickBooks' 500 requests/minute and 40 batch calls/minute.
"""

from __future__ import annotations

import argparse
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qbconnector.quickbooks.batch import BatchItem
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import StaticTokenSource
from qbconnector.sandbox.server import SandboxConfig, SandboxServer


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


def _run(label: str, args: argparse.Namespace, batch: bool) -> Run:
    config = SandboxConfig(time_scale=args.time_scale, limits=True)
    with SandboxServer(config) as server:
        limiter = RateLimiter(RateLimits().time_scaled(args.time_scale))
        client = QuickBooksClient(
            ClientConfig(
                server.realm_id,
                environment="custom",
                base_url=server.api_base_url,
                backoff=Backoff().time_scaled(args.time_scale),
            ),
            StaticTokenSource(server.issue_tokens()["access_token"]),
            limiter,
        )
        customer = client.create("Customer", {"DisplayName": "Bench"}, uuid.uuid4().hex).entity
        limiter.stats.requests = 0
        numbers = list(range(args.invoices))
        started = time.monotonic()
        if batch:
            chunks = [numbers[i : i + 30] for i in range(0, len(numbers), 30)]
            _in_threads(args.threads, chunks, lambda chunk: _push_batch(client, customer, chunk))
        else:
            _in_threads(args.threads, numbers, lambda n: _push_one(client, customer, n))
        seconds = time.monotonic() - started
        pushed = sum(1 for inv in server.entities("Invoice") if inv["DocNumber"].startswith("B-"))
        client.close()
        stats = limiter.stats
        return Run(label, pushed, stats.requests, stats.batch_calls, stats.throttled, seconds)


def _push_one(client: QuickBooksClient, customer: dict[str, Any], number: int) -> None:
    client.create("Invoice", _invoice(customer["Id"], number), uuid.uuid4().hex)


def _push_batch(client: QuickBooksClient, customer: dict[str, Any], chunk: list[int]) -> None:
    items = [
        BatchItem(f"b{n}", "Invoice", "create", _invoice(customer["Id"], n)) for n in chunk
    ]
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
    parser.add_argument("--invoices", type=int, default=3000)
    parser.add_argument("--time-scale", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    print(f"{args.invoices} invoices, time scale {args.time_scale:g}, {args.threads} threads")
    single = _run("one invoice per request", args, batch=False)
    _report(single, args.time_scale)
    batched = _run("batches of 30", args, batch=True)
    _report(batched, args.time_scale)
    single_rate = single.documents / single.seconds
    batch_rate = batched.documents / batched.seconds
    print(f"batching pushes {batch_rate / single_rate:.2f}x as many documents per minute")


if __name__ == "__main__":
    main()
