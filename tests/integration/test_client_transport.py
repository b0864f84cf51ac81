"""Client plumbing over real loopback HTTP: headers, retries, 401/429 handling, broken transport."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.client import AccessTokenSource, ClientConfig, QuickBooksClient
from qbconnector.quickbooks.ratelimit import Backoff
from qbconnector.quickbooks.tokens import StaticTokenSource
from tests.integration.scripted_server import Scripted, ScriptedServer

XML_429 = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse '
    b'xmlns="http://schema.intuit.com/finance/v3"><Fault type="SERVICE"><Error code="3001">'
    b"<Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>"
    b"<Detail>The request limit was reached.  Try again later</Detail></Error></Fault>"
    b"</IntuitResponse>"
)
GATEWAY_401 = (
    b'{"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; '
    b'statusCode=401","detail":"Token expired","code":"3200","element":null}],'
    b'"type":"AUTHENTICATION"},"time":1633520295688}'
)
CUSTOMER = b'{"Customer":{"Id":"7","SyncToken":"0","DisplayName":"Acme"},"time":"t"}'


class RotatingTokens:
    """A token source that hands out tok-1, then tok-2 after a 401, counting refreshes."""

    def __init__(self) -> None:
        self.token = "tok-1"
        self.refreshes = 0

    def access_token(self) -> str:
        return self.token

    def after_unauthorized(self, rejected: str) -> str:
        self.refreshes += 1
        self.token = f"tok-{self.refreshes + 1}"
        return self.token


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    running = ScriptedServer().start()
    yield running
    running.stop()


_open_clients: list[QuickBooksClient] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _open_clients:
        _open_clients.pop().close()


def _client(
    base_url: str, tokens: AccessTokenSource | None = None, read_timeout: float = 5.0
) -> QuickBooksClient:
    config = ClientConfig(
        realm_id="9130",
        environment="custom",
        base_url=base_url,
        timeout=(2.0, read_timeout),
        backoff=Backoff(first=0.01, cap=0.05, max_retries=2),
    )
    client = QuickBooksClient(config, tokens or StaticTokenSource("tok-1"))
    _open_clients.append(client)
    return client


def test_request_shape(server: ScriptedServer) -> None:
    server.add(Scripted(200, CUSTOMER, {"intuit_tid": "tid-7"}))
    client = _client(server.base_url)
    result = client.create("Customer", {"DisplayName": "Acme"}, request_id="req-1")
    client.close()
    assert result.entity["Id"] == "7"
    assert result.intuit_tid == "tid-7"
    sent = server.received[0]
    assert (sent.method, sent.path) == ("POST", "/v3/company/9130/customer")
    assert sent.query == {"minorversion": ["75"], "requestid": ["req-1"]}
    assert sent.headers["Authorization"] == "Bearer tok-1"
    assert sent.headers["Accept"] == "application/json"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.body == b'{"DisplayName": "Acme"}'


def test_throttled_write_is_retried_with_the_same_requestid(server: ScriptedServer) -> None:
    server.add(
        Scripted(429, XML_429, {"Content-Type": "application/xml", "Retry-After": "0.01"}),
        Scripted(429, XML_429),
        Scripted(200, CUSTOMER),
    )
    client = _client(server.base_url)
    client.create("Customer", {"DisplayName": "Acme"}, request_id="req-2")
    assert [sent.query["requestid"] for sent in server.received] == [["req-2"]] * 3
    assert client.limiter.stats.throttled == 2


def test_throttling_beyond_the_retries_raises(server: ScriptedServer) -> None:
    server.add(*[Scripted(429, XML_429, {"Retry-After": "0", "intuit_tid": "t429"})] * 3)
    with pytest.raises(errors.ThrottledError) as raised:
        _client(server.base_url).read("Customer", "7")
    assert raised.value.retry_after == 0.0
    assert raised.value.intuit_tid == "t429"
    assert len(server.received) == 3


def test_401_refreshes_once_and_retries_once(server: ScriptedServer) -> None:
    server.add(Scripted(401, GATEWAY_401), Scripted(200, CUSTOMER))
    tokens = RotatingTokens()
    _client(server.base_url, tokens).read("Customer", "7")
    assert [sent.headers["Authorization"] for sent in server.received] == [
        "Bearer tok-1",
        "Bearer tok-2",
    ]
    assert tokens.refreshes == 1


def test_a_third_401_is_an_authentication_error(server: ScriptedServer) -> None:
    server.add(*[Scripted(401, GATEWAY_401)] * 3)
    tokens = RotatingTokens()
    with pytest.raises(errors.AuthenticationError, match="Token expired"):
        _client(server.base_url, tokens).read("Customer", "7")
    assert tokens.refreshes == 2
    assert len(server.received) == 3


def test_a_second_401_with_the_next_token_is_retried_once_more(server: ScriptedServer) -> None:
    # Another thread's fresh token can expire too before this request gets its turn.
    server.add(Scripted(401, GATEWAY_401), Scripted(401, GATEWAY_401))
    server.add(Scripted(200, b'{"Customer": {"Id": "7", "SyncToken": "0"}}'))
    tokens = RotatingTokens()
    assert _client(server.base_url, tokens).read("Customer", "7").entity["Id"] == "7"
    assert tokens.refreshes == 2


def test_a_token_echoed_by_the_server_is_scrubbed(server: ScriptedServer) -> None:
    echo = b'{"Fault":{"Error":[{"Message":"bad tok-1","Detail":"tok-1 x","code":"1"}]}}'
    server.add(Scripted(400, echo))
    with pytest.raises(errors.ValidationError) as raised:
        _client(server.base_url).read("Customer", "7")
    assert "tok-1" not in str(raised.value)
    assert "tok-1" not in repr(raised.value)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Scripted(503, b"<html><title>Down</title></html>", {"Content-Type": "text/html"}), "Down"),
        (Scripted(502, b""), "empty response body"),
        (Scripted(500, b'{"Fault":{"Error":[{"Message":"Sys'), "Sys"),
        (Scripted(200, b"not json"), "unreadable"),
    ],
)
def test_odd_bodies_become_server_errors(
    server: ScriptedServer, answer: Scripted, expected: str
) -> None:
    server.add(answer)
    with pytest.raises(errors.ServerError, match=expected) as raised:
        _client(server.base_url).read("Customer", "7")
    assert raised.value.outcome_uncertain


def test_read_timeout_may_have_been_sent(server: ScriptedServer) -> None:
    server.add(Scripted(action="hang"))
    with pytest.raises(errors.NetworkError, match="may have been carried out") as raised:
        _client(server.base_url, read_timeout=0.3).create("Customer", {}, request_id="r")
    assert raised.value.maybe_sent


def test_reset_after_sending_may_have_been_sent(server: ScriptedServer) -> None:
    server.add(Scripted(action="reset"))
    with pytest.raises(errors.NetworkError) as raised:
        _client(server.base_url).create("Customer", {}, request_id="r")
    assert raised.value.maybe_sent


def test_cut_response_may_have_been_sent(server: ScriptedServer) -> None:
    server.add(Scripted(200, CUSTOMER, action="truncate"))
    with pytest.raises(errors.NetworkError) as raised:
        _client(server.base_url).create("Customer", {}, request_id="r")
    assert raised.value.maybe_sent


def test_refused_connection_was_not_sent() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(errors.NetworkError, match="nothing was sent") as raised:
        _client(f"http://127.0.0.1:{port}").create("Customer", {}, request_id="r")
    assert not raised.value.maybe_sent
    assert not raised.value.outcome_uncertain


def test_each_thread_gets_its_own_session(server: ScriptedServer) -> None:
    server.add(*[Scripted(200, CUSTOMER)] * 4)
    client = _client(server.base_url)
    client.read("Customer", "7")
    seen: list[object] = [client._session()]

    def other_thread() -> None:
        seen.append(client._session())
        client.read("Customer", "7")

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert seen[0] is not seen[1]
    client.close()


def test_bad_arguments_are_refused_before_sending(server: ScriptedServer) -> None:
    client = _client(server.base_url)
    with pytest.raises(ValueError, match="requestid"):
        client.create("Customer", {}, request_id="x" * 51)
    with pytest.raises(ValueError, match="entity names"):
        client.read("customer", "1")
    with pytest.raises(ValueError, match="SyncToken"):
        client.sparse_update("Customer", {"Id": "1"}, request_id="r")
    with pytest.raises(ValueError, match="STARTPOSITION"):
        client.query("SELECT * FROM Customer MAXRESULTS 5")
    assert server.received == []
