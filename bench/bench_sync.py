"""Sync throughput against the time-scaled sandbox with Intuit's limits on, vs. the limits' floor.

Usage: python bench/bench_sync.py [--documents N] [--time-scale X] [--in-flight N] [--latency MS]

Prints documents per (simulated) minute. Intuit allows 500 requests and 40 batch calls of 30
operations a minute per company, a batch call counting as one request, so no client can push
more than 1,200 + 460 = 1,660 documents a minute (batches, plus one per request for the rest);
the engine's target is that ceiling. bench_throughput.py measures the whole command against a
floor in seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

from qbconnector.core.documents import DocumentStatus
from qbconnector.core.settings import Settings
from qbconnector.flowfit.samples import generate_documents, tax_definitions
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.sandbox.connect import client_for, suggested_tax_settings
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxConfig, SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.engine import EngineConfig, SyncEngine
from qbconnector.sync.results import Outcome
from qbconnector.sync.sender import RetryPolicy

# Documents a minute at most: 40 batch calls of 30, plus one per request for the other 460 of
# the 500 requests a minute (a batch call counts as one request).
BATCH_FLOOR = 40 * 30
SINGLE_FLOOR = 500 - 40
FLOOR = BATCH_FLOOR + SINGLE_FLOOR


def run(documents: int, time_scale: float, in_flight: int, latency: float) -> None:
    docs = [d for d in generate_documents(documents * 3 // 2, seed=42)
            if d.status is DocumentStatus.APPROVED][:documents]  # fmt: skip
    config = SandboxConfig(time_scale=time_scale, seed=CompanySeed(multicurrency=True),
                           faults={"latency": latency})  # fmt: skip
    with SandboxServer(config) as server, tempfile.TemporaryDirectory() as folder:
        client = client_for(server, time_scale)
        service = next(str(i["Id"]) for i in server.entities("Item") if i["Name"] == "Translation")
        settings = Settings().with_section("services", service_id=service)
        # The Canadian sandbox company wants a tax code on every line.
        taxes = suggested_tax_settings(server.entities, tax_definitions())
        options = PayloadOptions.from_settings(dataclasses.replace(settings, taxes=taxes))
        retry = RetryPolicy(first_wait=1.0 / time_scale)
        with Ledger.open(Path(folder) / "ledger.sqlite3") as ledger:
            engine = SyncEngine(client, ledger, options,
                                EngineConfig(in_flight=in_flight, retry=retry))  # fmt: skip
            started = time.perf_counter()
            report = engine.run(docs)
            elapsed = time.perf_counter() - started
        stats = client.limiter.stats
        client.close()
        state = server.summary()["limits"]
    created = report.counts()[Outcome.CREATED]
    simulated_minutes = elapsed * time_scale / 60
    rate = created / simulated_minutes
    print(f"documents created: {created} of {len(docs)} ({report.summary_line()})")
    print(f"wall time: {elapsed:.2f} s at time scale {time_scale:g} = "
          f"{simulated_minutes:.2f} simulated minutes")  # fmt: skip
    waited = stats.waited_seconds
    throttled = state["throttled"]
    print(f"requests: {stats.requests}, batch calls: {stats.batch_calls}, "
          f"throttled by the sandbox: {throttled}, client waited {waited:.2f} s")  # fmt: skip
    print(f"throughput: {rate:,.0f} documents/minute (simulated)")
    share = rate / FLOOR
    print(f"ceiling set by Intuit's limits: {FLOOR:,} documents/minute ({BATCH_FLOOR:,} in "
          f"batches + {SINGLE_FLOOR} one per request): the engine reaches "
          f"{share:.0%} of it")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--time-scale", type=float, default=60.0)
    parser.add_argument("--in-flight", type=int, default=EngineConfig.in_flight)
    parser.add_argument("--latency", type=float, default=5.0, help="sandbox latency, ms")
    args = parser.parse_args()
    run(args.documents, args.time_scale, args.in_flight, args.latency)


if __name__ == "__main__":
    main()
