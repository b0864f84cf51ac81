"""A company QuickBooks throttles hard: the wait is told, and the run gives up with exit 4."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.errors import ThrottledError
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter
from qbconnector.quickbooks.tokens import StaticTokenSource
from qbconnector.sandbox.limits import LimitSettings
from tests.hostile.sandbox_profile import connect
from tests.hostile.support import run
from tests.integration.scripted_server import Scripted, ScriptedServer
from tests.sandbox_fixtures import SandboxFactory


def test_a_throttled_sync_says_why_and_gives_up(
    profile_dir: Path, sandbox_factory: SandboxFactory
) -> None:
    server = sandbox_factory(limit_settings=LimitSettings(per_minute=3, batch_per_minute=1))
    profile = Path(profile_dir)
    connect(profile, server)
    started = time.monotonic()
    # --time-scale 300: the waits (and the documented 300 s budget) shrink 300 times.
    result = run("--profile", str(profile), "sync", "--time-scale", "300", "--batch-size", "1")
    assert result.code == 4, result.text
    assert "Traceback" not in result.text
    assert "QuickBooks is throttling" in result.err
    assert "before retrying; the run stops after" in result.err
    assert "Stopped: ThrottleExceeded" in result.out
    assert time.monotonic() - started < 30


def test_endless_throttling_is_given_up_after_the_budget() -> None:
    scripted = ScriptedServer().start()
    scripted.add(*[Scripted(429, b"", {"Retry-After": "1"})] * 500)
    told: list[float] = []
    limiter = RateLimiter()
    limiter.on_pause = told.append
    backoff = Backoff(first=0.001, cap=0.005, max_retries=10_000, give_up_after=0.05)
    client = QuickBooksClient(
        ClientConfig("1", "custom", scripted.base_url, backoff=backoff),
        StaticTokenSource("t"),
        limiter,
    )
    try:
        with pytest.raises(ThrottledError, match="kept throttling") as caught:
            client.company_info()
    finally:
        client.close()
        scripted.stop()
    assert caught.value.exit_code == 4
    assert sum(told) >= 0.05
    assert "the limit is" in str(caught.value)
