"""Fixtures for every test folder: a real loopback QuickBooks sandbox per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from qbconnector.sandbox.server import SandboxConfig, SandboxServer

SandboxFactory = Callable[..., SandboxServer]


@pytest.fixture
def sandbox_factory() -> Iterator[SandboxFactory]:
    """Starts sandboxes with custom settings (``SandboxConfig`` fields); stops them all after."""
    started: list[SandboxServer] = []

    def start(**settings: Any) -> SandboxServer:
        server = SandboxServer(SandboxConfig(**settings)).start()
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.stop()


@pytest.fixture
def sandbox(sandbox_factory: SandboxFactory) -> SandboxServer:
    """A sandbox on a free port with default seed data (three service items, CAD, no faults)."""
    return sandbox_factory()
