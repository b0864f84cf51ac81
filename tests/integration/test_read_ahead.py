"""The run's first reads: as few batch calls as hold them when the minute can spare them,
single queries otherwise, the same rows either way."""

from __future__ import annotations

import uuid

from qbconnector.core.documents import Client
from qbconnector.quickbooks.customers import display_name
from qbconnector.sandbox.connect import client_for
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sync.customers import customers_by_name, lookup_statements
from qbconnector.sync.read_ahead import read_together
from qbconnector.sync.sender import RetryPolicy
from tests.sandbox_fixtures import SandboxFactory

CLIENTS = [Client(f"C{index:04}", f"Client {index:04} Inc.") for index in range(1900)]


def read(
    factory: SandboxFactory, batch_calls_needed: int, clients: list[Client] = CLIENTS
) -> tuple[list[str], dict[str, int]]:
    known = clients[::2]  # every other client is a customer already
    server = factory(seed=CompanySeed(customers=[display_name(c) for c in known]))
    client = client_for(server)
    try:
        statements = ["SELECT * FROM TaxCode", *lookup_statements(clients)]
        answers = read_together(
            client,
            statements,
            budget=client.limiter,
            batch_calls_needed=batch_calls_needed,
            requestid=lambda: uuid.uuid4().hex,
            policy=RetryPolicy(),
        )
    finally:
        client.close()
    assert len(answers) == len(statements)
    assert answers[0], "the tax codes were read"
    found = customers_by_name(clients, answers[1:])
    return sorted(row["DisplayName"] for row in found.values()), server.summary()["limits"]


def test_reads_go_five_to_a_batch_call_when_the_minute_spares_the_calls(
    sandbox_factory: SandboxFactory,
) -> None:
    names, limits = read(sandbox_factory, batch_calls_needed=1)

    assert names == sorted(display_name(c) for c in CLIENTS[::2])
    assert (limits["admitted"], limits["admitted_batches"]) == (10, 10)  # 49 reads


def test_reads_share_the_batch_calls_the_writes_leave(sandbox_factory: SandboxFactory) -> None:
    names, limits = read(sandbox_factory, batch_calls_needed=36)

    assert names == sorted(display_name(c) for c in CLIENTS[::2])
    assert (limits["admitted"], limits["admitted_batches"]) == (4, 4)  # 4 to spare


def test_reads_go_in_batch_calls_they_fill_even_when_the_writes_need_every_call(
    sandbox_factory: SandboxFactory,
) -> None:
    names, limits = read(sandbox_factory, batch_calls_needed=39)

    assert names == sorted(display_name(c) for c in CLIENTS[::2])
    assert (limits["admitted"], limits["admitted_batches"]) == (2, 2)  # 49 reads in 60 places


def test_reads_go_one_by_one_when_batch_calls_would_cost_more(
    sandbox_factory: SandboxFactory,
) -> None:
    few = CLIENTS[:400]  # 11 reads: a batch call would carry 30 writes fewer
    names, limits = read(sandbox_factory, batch_calls_needed=40, clients=few)

    assert names == sorted(display_name(c) for c in few[::2])
    assert (limits["admitted"], limits["admitted_batches"]) == (11, 0)
