"""Intuit's per-realm throttles: requests per minute and second, batch calls, requests in flight.

``time_scale`` is how many simulated seconds pass per real second: with 60, the one-minute
windows last one real second and the one-second window 1/60 s, so a limits benchmark runs
sixty times faster while keeping the same ratios. The in-flight cap is not scaled.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class LimitSettings:
    enabled: bool = True
    time_scale: float = 1.0
    per_minute: int = 500
    per_second: int = 10
    batch_per_minute: int = 40
    in_flight: int = 10


@dataclass
class _RealmWindow:
    minute: deque[float] = field(default_factory=deque)
    second: deque[float] = field(default_factory=deque)
    batch: deque[float] = field(default_factory=deque)
    in_flight: int = 0


class RateLimiter:
    """Admits or throttles a request; a throttled request is not counted against the window."""

    def __init__(self, settings: LimitSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._realms: dict[str, _RealmWindow] = {}
        self.throttled = 0
        self.admitted = 0
        self.admitted_batches = 0

    def admit(self, realm: str, is_batch: bool) -> bool:
        """True when the request may run; the caller must then call :meth:`release`."""
        settings = self.settings
        with self._lock:
            window = self._realms.setdefault(realm, _RealmWindow())
            if not settings.enabled:
                window.in_flight += 1
                return True
            now = time.monotonic()
            minute = 60.0 / settings.time_scale
            second = 1.0 / settings.time_scale
            _expire(window.minute, now - minute)
            _expire(window.second, now - second)
            _expire(window.batch, now - minute)
            full = (
                len(window.minute) >= settings.per_minute
                or len(window.second) >= settings.per_second
                or window.in_flight >= settings.in_flight
                or (is_batch and len(window.batch) >= settings.batch_per_minute)
            )
            if full:
                self.throttled += 1
                return False
            window.minute.append(now)
            window.second.append(now)
            if is_batch:
                window.batch.append(now)
                self.admitted_batches += 1
            window.in_flight += 1
            self.admitted += 1
            return True

    def release(self, realm: str) -> None:
        with self._lock:
            self._realms[realm].in_flight -= 1

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {
                "admitted": self.admitted,
                "admitted_batches": self.admitted_batches,
                "throttled": self.throttled,
            }


def _expire(stamps: deque[float], cutoff: float) -> None:
    while stamps and stamps[0] <= cutoff:
        stamps.popleft()
