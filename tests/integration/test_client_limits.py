"""Throttling, back-off and injected server faults, against the sandbox with its limits on."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.ratelimit import Backoff, RateLimits
from qbconnector.sandbox.limits import LimitSettings
from qbconnector.sandbox.server import SandboxServer
from tests.integration import client_helpers
from tests.integration.client_helpers import ClientFactory
from tests.integration.conftest import SandboxFactory

client_for = client_helpers.client_for

UNLIMITED = RateLimits(per_second=10**6, per_minute=10**6, batch_per_minute=10**6, in_flight=64)


def _tight_sandbox(sandbox_factory: SandboxFactory) -> SandboxServer:
    # 20 requests per (one-second) minute: a quick burst of reads is sure to be throttled.
    return sandbox_factory(
        time_scale=60.0, limit_settings=LimitSettings(per_minute=20, per_second=10)
    )


def test_throttled_requests_back_off_and_succeed(
    sandbox_factory: SandboxFactory, client_for: ClientFactory
) -> None:
    sandbox = _tight_sandbox(sandbox_factory)
    backoff = Backoff(first=0.05, factor=2.0, cap=0.4, max_retries=12)
    client = client_for(sandbox, limits=UNLIMITED, backoff=backoff)
    for _ in range(40):
        assert client.company_info().entity
    assert sandbox.summary()["limits"]["throttled"] > 0
    assert client.limiter.stats.throttled == sandbox.summary()["limits"]["throttled"]


def test_throttling_past_the_retries_raises(
    sandbox_factory: SandboxFactory, client_for: ClientFactory
) -> None:
    sandbox = _tight_sandbox(sandbox_factory)
    client = client_for(sandbox, limits=UNLIMITED, backoff=Backoff(max_retries=0))
    with pytest.raises(errors.ThrottledError) as raised:  # noqa: PT012 - the 21st call fails
        for _ in range(40):
            client.company_info()
    assert (raised.value.http_status, raised.value.code) == (429, "3001")


def test_client_pacing_keeps_the_sandbox_from_throttling(
    sandbox_factory: SandboxFactory, client_for: ClientFactory
) -> None:
    # A scaled second of 0.2 s, with 50 ms of slack: client and sandbox share one GIL here,
    # and on a loaded machine a thread can wait tens of milliseconds between pacing and sending.
    sandbox = sandbox_factory(time_scale=5.0)
    limits = RateLimits(headroom=0.25).time_scaled(5.0)
    client = client_for(sandbox, limits=limits, backoff=Backoff(max_retries=0))
    failures: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(12):
                client.company_info()
        except errors.QuickBooksError as failure:
            failures.append(failure)

    started = time.monotonic()
    threads = [threading.Thread(target=reader) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert failures == []
    assert sandbox.summary()["limits"]["throttled"] == 0
    assert elapsed >= (36 / 10 - 1) / 5.0  # ten per (scaled) second


def test_html_503_is_a_server_error(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    sandbox.set_faults(error503=1.0)
    with pytest.raises(errors.ServerError, match="503 Service Temporarily Unavailable") as raised:
        client.company_info()
    assert raised.value.http_status == 503
    assert raised.value.outcome_uncertain


def test_system_fault_500(sandbox: SandboxServer, client_for: ClientFactory) -> None:
    client = client_for(sandbox)
    sandbox.set_faults(error500=1.0)
    with pytest.raises(errors.ServerError) as raised:
        client.company_info()
    assert (raised.value.http_status, raised.value.code) == (500, "10000")


def test_reset_connection_is_a_network_error(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    sandbox.set_faults(reset=1.0)
    with pytest.raises(errors.NetworkError) as raised:
        client.create("Customer", {"DisplayName": "Reset"}, uuid.uuid4().hex)
    assert raised.value.maybe_sent


def test_dropped_answer_then_replay_with_the_same_requestid(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox)
    request_id = uuid.uuid4().hex
    sandbox.set_faults(drop=1.0)
    with pytest.raises(errors.NetworkError) as raised:
        client.create("Customer", {"DisplayName": "Dropped"}, request_id)
    assert raised.value.maybe_sent  # and indeed the customer was created
    sandbox.set_faults(drop=0.0)
    again = client.create("Customer", {"DisplayName": "Dropped"}, request_id)
    names = [customer["DisplayName"] for customer in sandbox.entities("Customer")]
    assert names.count("Dropped") == 1
    assert again.entity["DisplayName"] == "Dropped"


def test_slow_answer_times_out_as_maybe_sent(
    sandbox: SandboxServer, client_for: ClientFactory
) -> None:
    client = client_for(sandbox, timeout=(2.0, 0.1))
    sandbox.set_faults(latency=400)
    with pytest.raises(errors.NetworkError, match="read timeout") as raised:
        client.company_info()
    assert raised.value.maybe_sent
