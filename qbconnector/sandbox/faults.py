"""Injected failures: dropped answers, resets, 500s, 503s, latency, access tokens dying early."""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, fields
from typing import Any

RATE_FAULTS = ("drop", "reset", "error500", "error503", "expire", "corrupt_download")
ALIASES = {"500": "error500", "503": "error503", "latency_ms": "latency",
           "item_latency_ms": "item_latency"}  # fmt: skip


@dataclass
class FaultSettings:
    """Rates are probabilities (0..1) per data-API request; latency is added milliseconds.

    drop: the work is committed, then the connection closes with no answer.
    reset: the connection is reset (RST) before any work is done.
    error500 / error503: a SystemFault JSON 500 / an HTML 503, before any work.
    expire: the request's access token, if it was used before, expires just before it is
    checked (401).
    corrupt_download: a file served by a download link (an attachment) comes with one byte
    changed, as attachments arriving corrupt are a known integration failure.
    latency: milliseconds every request takes; item_latency: milliseconds more per operation
    of a batch (QuickBooks takes longer over a full batch than over one write).
    """

    drop: float = 0.0
    reset: float = 0.0
    error500: float = 0.0
    error503: float = 0.0
    expire: float = 0.0
    corrupt_download: float = 0.0
    latency: float = 0.0
    item_latency: float = 0.0
    seed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def updated(self, changes: dict[str, Any]) -> FaultSettings:
        """A copy with ``changes`` applied; unknown names or bad values raise ValueError."""
        known = {spec.name for spec in fields(self)}
        values = self.to_json()
        for raw_name, raw_value in changes.items():
            name = ALIASES.get(raw_name, raw_name)
            if name not in known:
                raise ValueError(f"unknown fault {raw_name!r} (known: {', '.join(sorted(known))})")
            value = float(raw_value)
            if name in RATE_FAULTS and not 0.0 <= value <= 1.0:
                raise ValueError(f"fault {raw_name} must be a rate between 0 and 1")
            if value < 0:
                raise ValueError(f"fault {raw_name} cannot be negative")
            values[name] = int(value) if name == "seed" else value
        return FaultSettings(**values)


def parse_fault_specs(specs: list[str]) -> dict[str, Any]:
    """``["drop=0.2", "latency=50"]`` -> ``{"drop": "0.2", "latency": "50"}``."""
    changes: dict[str, Any] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"a fault is written NAME=VALUE, not {spec!r}")
        changes[name.strip()] = value.strip()
    return changes


class FaultInjector:
    """Draws the random faults from one seeded generator so a run can be replayed."""

    def __init__(self, settings: FaultSettings) -> None:
        self._lock = threading.Lock()
        self.settings = settings
        self._random = random.Random(settings.seed)
        self.counts: dict[str, int] = dict.fromkeys(RATE_FAULTS, 0)

    def configure(self, settings: FaultSettings) -> None:
        with self._lock:
            if settings.seed != self.settings.seed:
                self._random = random.Random(settings.seed)
            self.settings = settings

    def fires(self, name: str) -> bool:
        with self._lock:
            rate = float(getattr(self.settings, name))
            if rate <= 0.0:
                return False
            fired = self._random.random() < rate
            if fired:
                self.counts[name] += 1
            return fired

    @property
    def latency_seconds(self) -> float:
        return self.settings.latency / 1000.0
