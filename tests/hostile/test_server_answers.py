"""Whatever QuickBooks (or a proxy before it) answers: a message and an exit code, no change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qbconnector import connection_checks
from qbconnector.commands import sync_cmd
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import StaticTokenSource
from tests.hostile.support import DRY_RUN, REALM, assert_unchanged, run, snapshot
from tests.integration.scripted_server import Scripted, ScriptedServer

JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html"}
XML = {"Content-Type": "application/xml"}
ANSWERS: dict[str, Scripted] = {
    "html-200": Scripted(200, b"<html><body>Maintenance tonight</body></html>", HTML),
    "html-502-proxy": Scripted(502, b"<html><h1>502 Bad Gateway</h1></html>", HTML),
    "html-login-page-403": Scripted(403, b"<html><form>Sign in</form></html>", HTML),
    "xml-200": Scripted(200, b"<IntuitResponse><QueryResponse/></IntuitResponse>", XML),
    "xml-fault-400": Scripted(
        400,
        b'<IntuitResponse><Fault type="ValidationFault"><Error code="2010">'
        b"<Message>Bad</Message></Error></Fault></IntuitResponse>",
        XML,
    ),
    "xml-broken": Scripted(500, b"<IntuitResponse><Fault", XML),
    "empty-200": Scripted(200, b"", JSON),
    "empty-500": Scripted(500, b"", JSON),
    "empty-204": Scripted(204, b"", {}),
    "truncated-json": Scripted(200, b'{"QueryResponse": {"Item": [{"Id": "1"', JSON),
    "cut-connection": Scripted(200, b'{"QueryResponse": {', JSON, action="truncate"),
    "reset": Scripted(action="reset"),
    "json-a-list": Scripted(200, b"[]", JSON),
    "json-a-string": Scripted(200, b'"ok"', JSON),
    "json-a-number": Scripted(200, b"42", JSON),
    "json-null": Scripted(200, b"null", JSON),
    "query-response-a-number": Scripted(200, b'{"QueryResponse": 5}', JSON),
    "items-a-string": Scripted(200, b'{"QueryResponse": {"Item": "x"}}', JSON),
    "items-numbers": Scripted(200, b'{"QueryResponse": {"Item": [1, 2]}}', JSON),
    "item-fields-wrong-types": Scripted(
        200, b'{"QueryResponse": {"Item": [{"Id": {"a": 1}, "Name": null, "Active": "no"}]}}', JSON
    ),
    "max-results-text": Scripted(
        200, b'{"QueryResponse": {"Item": [], "maxResults": "many", "startPosition": []}}', JSON
    ),
    "fault-a-string": Scripted(400, b'{"Fault": "bad"}', JSON),
    "fault-errors-a-dict": Scripted(400, b'{"Fault": {"Error": {"code": 1}}}', JSON),
    "nested-100k": Scripted(200, b"[" * 100_000 + b"]" * 100_000, JSON),
    "huge-json-20mb": Scripted(
        200, b'{"QueryResponse": {"Item": [], "x": "' + b"a" * 20_000_000 + b'"}}', JSON
    ),
    "huge-html-20mb": Scripted(500, b"<html>" + b"x" * 20_000_000, HTML),
    "unauthorized": Scripted(
        401, b'{"fault": {"error": [{"message": "AuthenticationFailed"}]}}', JSON
    ),
    "throttled": Scripted(429, b"<Fault><Error code='3001'/></Fault>", {**XML, "Retry-After": "1"}),
    "throttled-retry-after-forever": Scripted(429, b"", {"Retry-After": "99999999999"}),
    "binary": Scripted(200, bytes(range(256)) * 10, {"Content-Type": "application/octet-stream"}),
    "wrong-charset": Scripted(
        200, '{"a": "é"}'.encode("utf-16"), {"Content-Type": "application/json; charset=utf-8"}
    ),
}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    clients: list[QuickBooksClient] = []

    def open_client(*args: Any, **kwargs: Any) -> QuickBooksClient:
        client = QuickBooksClient(
            ClientConfig(
                realm_id=REALM,
                environment="custom",
                base_url=scripted.base_url,
                timeout=(1.0, 2.0),
                backoff=Backoff(first=0.001, cap=0.01, give_up_after=0.05),
            ),
            StaticTokenSource("AT-scripted"),
            RateLimiter(RateLimits()),
        )
        clients.append(client)
        return client

    monkeypatch.setattr(connection_checks, "open_client", open_client)
    monkeypatch.setattr(sync_cmd, "open_client", open_client)
    yield scripted
    for client in clients:
        client.close()
    scripted.stop()


def _script(server: ScriptedServer, case: str) -> None:
    server.add(*[ANSWERS[case]] * 40)  # the same answer to every retry


@pytest.mark.parametrize("case", ANSWERS)
def test_a_service_look_up_on_a_bad_answer_saves_nothing(
    profile: Path, server: ScriptedServer, case: str
) -> None:
    _script(server, case)
    before = snapshot(profile)
    result = run("--profile", str(profile), "configure", "--service", "Translation")
    assert result.code in (1, 2, 3, 4), result.text
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err, result.err
    assert "nothing was saved" in result.err
    assert "AT-scripted" not in result.text
    assert len(result.err) < 5000  # a 20 MB body is never echoed
    assert_unchanged(before, profile)


@pytest.mark.parametrize("case", ANSWERS)
def test_a_dry_run_on_a_bad_answer_still_shows_the_plan(
    profile: Path, server: ScriptedServer, case: str
) -> None:
    _script(server, case)
    before = snapshot(profile)
    result = run("--profile", str(profile), *DRY_RUN)
    assert result.code in (0, 1), result.text
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err, result.err
    assert "Plan:" in result.out
    assert len(result.text) < 10_000
    assert_unchanged(before, profile)


@pytest.mark.parametrize(
    "case", ["html-200", "empty-500", "json-a-list", "throttled", "nested-100k"]
)
def test_a_sync_on_a_bad_answer_stops_with_a_reason(
    profile: Path, server: ScriptedServer, case: str
) -> None:
    _script(server, case)
    before = snapshot(profile)
    result = run("--profile", str(profile), "sync", "--time-scale", "1000")
    assert result.code in (1, 3, 4), result.text
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err, result.err
    assert_unchanged(before, profile, "ledger.sqlite3")  # the ledger records the attempts
