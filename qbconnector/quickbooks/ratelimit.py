"""Per-company request pacing: requests per second and minute, batch calls, requests in flight."""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Protocol

_EPSILON = 1e-6  # keeps a computed wait from landing a hair before a window edge


class Clock(Protocol):
    """Time source of the limiter and of back-off waits; tests pass a fake one."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class RateLimits:
    """QuickBooks Online's limits per company (realm), and the window lengths they apply to.

    ``headroom`` stretches each window a little, and ``jitter`` (real seconds, never scaled)
    more, so that requests paced exactly at the limit do not arrive too close together at the
    server when the network or a busy machine delays one of them: one 429 costs far more than
    the margin.
    """

    per_second: int = 10
    per_minute: int = 500
    batch_per_minute: int = 40
    in_flight: int = 10
    second: float = 1.0
    minute: float = 60.0
    headroom: float = 0.02
    jitter: float = 0.05

    def time_scaled(self, time_scale: float) -> RateLimits:
        """The same limits over windows ``time_scale`` times shorter (for a time-scaled sandbox)."""
        if time_scale <= 0:
            raise ValueError("time_scale must be positive")
        return replace(self, second=self.second / time_scale, minute=self.minute / time_scale)


@dataclass
class LimiterStats:
    """What went through one limiter: for benchmarks and the status view."""

    requests: int = 0
    batch_calls: int = 0
    throttled: int = 0
    waited_seconds: float = 0.0
    throttled_seconds: float = 0.0  # waits QuickBooks asked for (429), the give-up budget


class _Window:
    """Sliding-window log: the send times of the last ``limit`` requests within ``length``."""

    def __init__(self, limit: int, length: float) -> None:
        self.limit = limit
        self.length = length
        self.sent: collections.deque[float] = collections.deque()

    def wait_needed(self, now: float) -> float:
        while self.sent and self.sent[0] + self.length <= now:
            self.sent.popleft()
        if len(self.sent) < self.limit:
            return 0.0
        return self.sent[0] + self.length - now + _EPSILON

    def room(self, now: float) -> int:
        """How many more requests the window takes at ``now``."""
        self.wait_needed(now)  # drops the requests that aged out
        return self.limit - len(self.sent)


class RateLimiter:
    """One per company, shared by every thread that calls it; :meth:`slot` wraps each request."""

    def __init__(self, limits: RateLimits | None = None, clock: Clock | None = None) -> None:
        self.limits = limits or RateLimits()
        self.clock = clock or SystemClock()
        limits = self.limits
        second = limits.second * (1.0 + limits.headroom) + limits.jitter
        minute = limits.minute * (1.0 + limits.headroom) + limits.jitter
        self._second = _Window(limits.per_second, second)
        self._minute = _Window(limits.per_minute, minute)
        self._batch = _Window(limits.batch_per_minute, minute)
        self._condition = threading.Condition()
        self._in_flight = 0
        self._paused_until = 0.0
        self.stats = LimiterStats()
        # Told of each wait after a 429 (seconds), so a long silence is explained to the user.
        self.on_pause: Callable[[float], None] | None = None

    @contextmanager
    def slot(self, *, batch: bool = False) -> Iterator[None]:
        """Wait for room under every limit, hold an in-flight place for the request, release it."""
        self.acquire(batch=batch)
        try:
            yield
        finally:
            self.release()

    def acquire(self, *, batch: bool = False) -> None:
        while True:
            with self._condition:
                while self._in_flight >= self.limits.in_flight:
                    self._condition.wait()
                now = self.clock.monotonic()
                wait = self._wait_needed(now, batch)
                if wait <= 0:
                    self._record(now, batch)
                    return
                self.stats.waited_seconds += wait
            self.clock.sleep(wait)

    def release(self) -> None:
        with self._condition:
            self._in_flight -= 1
            self._condition.notify()

    def wait_for(self, *, batch: bool = False) -> float:
        """Seconds until a request (a batch call) would be let through now; 0 when at once.

        Advisory, for a caller choosing between a batch call and single requests: :meth:`slot`
        still decides when each request goes.
        """
        with self._condition:
            return max(0.0, self._wait_needed(self.clock.monotonic(), batch))

    def batch_room(self) -> int:
        """How many batch calls the minute window still allows now."""
        with self._condition:
            return self._batch.room(self.clock.monotonic())

    def requests_room(self) -> int:
        """How many requests may leave at once now (every window and the in-flight cap)."""
        with self._condition:
            now = self.clock.monotonic()
            if self._paused_until > now:
                return 0
            in_flight = self.limits.in_flight - self._in_flight
            return max(0, min(self._second.room(now), self._minute.room(now), in_flight))

    def pause(self, seconds: float) -> None:
        """Hold every thread's next request for ``seconds`` (after a 429, the company is hot)."""
        with self._condition:
            self.stats.throttled += 1
            self.stats.throttled_seconds += seconds
            self._paused_until = max(self._paused_until, self.clock.monotonic() + seconds)
        if self.on_pause is not None:
            self.on_pause(seconds)

    def _wait_needed(self, now: float, batch: bool) -> float:
        waits = [self._paused_until - now, self._second.wait_needed(now)]
        waits.append(self._minute.wait_needed(now))
        if batch:
            waits.append(self._batch.wait_needed(now))
        return max(waits)

    def _record(self, now: float, batch: bool) -> None:
        self._in_flight += 1
        self._second.sent.append(now)
        self._minute.sent.append(now)
        self.stats.requests += 1
        if batch:
            self._batch.sent.append(now)
            self.stats.batch_calls += 1


@dataclass(frozen=True)
class Backoff:
    """Waits between retries of a throttled request: Retry-After when given, else doubling."""

    first: float = 2.0
    factor: float = 2.0
    cap: float = 60.0
    max_retries: int = 5
    # A company throttled for this long in one run (seconds waited after 429s) is given up on:
    # the run stops with exit 4 instead of crawling on for hours.
    give_up_after: float = 300.0

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """The wait before retry number ``attempt`` (counting from 0)."""
        if retry_after is not None and retry_after >= 0:
            return min(retry_after, self.cap)
        return float(min(self.first * self.factor**attempt, self.cap))

    def time_scaled(self, time_scale: float) -> Backoff:
        return replace(
            self,
            first=self.first / time_scale,
            cap=self.cap / time_scale,
            give_up_after=self.give_up_after / time_scale,
        )
