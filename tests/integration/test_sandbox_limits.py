"""Intuit's throttles on the sandbox, with a time scale so the windows pass quickly."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from qbconnector.sandbox.limits import LimitSettings
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory

QUERY = {"BatchItemRequest": [{"bId": "q", "Query": "select count(*) from Item"}]}


def statuses(session: QboSession, server: SandboxServer, count: int) -> list[int]:
    return [session.get(f"companyinfo/{server.realm_id}").status_code for _ in range(count)]


def test_ten_per_second_then_429_xml(qbo: QboSession, sandbox: SandboxServer) -> None:
    codes = statuses(qbo, sandbox, 11)
    throttled = qbo.get(f"companyinfo/{sandbox.realm_id}")

    assert codes[:10] == [200] * 10
    assert codes[10] == 429
    assert throttled.headers["Content-Type"].startswith("application/xml")
    assert b"ThrottleExceeded" in throttled.content
    assert b'<Error code="3001">' in throttled.content


def test_per_minute_window_recovers_with_time_scale(
    sandbox_factory: SandboxFactory, qbo_for: Any
) -> None:
    # time_scale 30: two real seconds are a simulated minute.
    server = sandbox_factory(
        time_scale=30.0, limit_settings=LimitSettings(per_minute=20, per_second=1000)
    )
    qbo = qbo_for(server)

    codes = statuses(qbo, server, 21)
    deadline = time.monotonic() + 5
    while qbo.get(f"companyinfo/{server.realm_id}").status_code == 429:
        assert time.monotonic() < deadline, "the minute window never reopened"

    assert codes[:20] == [200] * 20
    assert codes[20] == 429


def test_forty_batch_calls_per_minute(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    server = sandbox_factory(limit_settings=LimitSettings(per_minute=1000, per_second=1000))
    qbo = qbo_for(server)

    codes = [qbo.post("batch", QUERY).status_code for _ in range(41)]
    plain = qbo.get(f"companyinfo/{server.realm_id}")

    assert codes[:40] == [200] * 40
    assert codes[40] == 429
    assert plain.status_code == 200


def test_ten_in_flight(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    server = sandbox_factory(limit_settings=LimitSettings(per_minute=1000, per_second=1000))
    sessions = [qbo_for(server) for _ in range(12)]
    for session in sessions:  # open every connection first, so the 12 calls below overlap
        assert statuses(session, server, 1) == [200]
    server.set_faults(latency=1000)

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(lambda s: statuses(s, server, 1)[0], sessions))

    assert sorted(codes) == [200] * 10 + [429] * 2


def test_limits_can_be_switched_off(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    server = sandbox_factory(limits=False)

    assert set(statuses(qbo_for(server), server, 30)) == {200}
