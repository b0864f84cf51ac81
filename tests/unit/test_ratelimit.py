"""The per-company limiter and the back-off rule, on a fake clock so no test waits."""

from __future__ import annotations

import threading

import pytest

from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits


class FakeClock:
    """Time moves only when someone sleeps; every send time is recorded."""

    def __init__(self) -> None:
        self.now = 0.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.now += max(seconds, 0.0)


def _send_times(limiter: RateLimiter, count: int, *, batch: bool = False) -> list[float]:
    times = []
    for _ in range(count):
        with limiter.slot(batch=batch):
            times.append(limiter.clock.monotonic())
    return times


def _most_in_any_window(times: list[float], window: float) -> int:
    ordered = sorted(times)
    best = 0
    start = 0
    for end, stamp in enumerate(ordered):
        while ordered[start] + window <= stamp:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_ten_per_second_then_the_eleventh_waits_a_second() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.0), FakeClock())
    times = _send_times(limiter, 11)
    assert times[:10] == [0.0] * 10
    assert times[10] == pytest.approx(1.0, abs=1e-3)


def test_per_minute_limit_holds_over_any_window() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.0), FakeClock())
    times = _send_times(limiter, 1200)
    assert _most_in_any_window(times, 60.0) == 500
    assert _most_in_any_window(times, 1.0) == 10
    assert times[500] == pytest.approx(60.0, abs=1e-3)
    assert limiter.stats.requests == 1200


def test_batch_calls_have_their_own_minute_limit() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.0), FakeClock())
    times = _send_times(limiter, 41, batch=True)
    assert _most_in_any_window(times, 60.0) == 40
    assert times[40] == pytest.approx(60.0, abs=1e-3)
    assert limiter.stats.batch_calls == 41


def test_headroom_stretches_windows() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.05, jitter=0.0), FakeClock())
    assert _send_times(limiter, 11)[10] == pytest.approx(1.05, abs=1e-3)


def test_jitter_is_real_seconds_added_to_every_window_even_scaled() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.05).time_scaled(10.0), FakeClock())
    assert _send_times(limiter, 11)[10] == pytest.approx(0.15, abs=1e-3)


def test_time_scaled_limits_shrink_the_windows() -> None:
    limits = RateLimits(headroom=0.0, jitter=0.0).time_scaled(60.0)
    assert (limits.second, limits.minute) == (pytest.approx(1 / 60), pytest.approx(1.0))
    limiter = RateLimiter(limits, FakeClock())
    assert _most_in_any_window(_send_times(limiter, 600), 1.0) == 500
    with pytest.raises(ValueError, match="positive"):
        RateLimits().time_scaled(0)


def test_pause_holds_the_next_request_for_everyone() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.0), clock)
    limiter.pause(5.0)
    assert _send_times(limiter, 1) == [5.0]
    assert limiter.stats.throttled == 1


def test_limits_hold_across_threads() -> None:
    limiter = RateLimiter(RateLimits(headroom=0.0, in_flight=4), FakeClock())
    recorded: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        times = _send_times(limiter, 60)
        with lock:
            recorded.extend(times)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(recorded) == 240
    assert _most_in_any_window(recorded, 1.0) <= 10


def test_in_flight_cap_blocks_until_a_release() -> None:
    limiter = RateLimiter(RateLimits(in_flight=2), FakeClock())
    limiter.acquire()
    limiter.acquire()
    acquired = threading.Event()

    def third() -> None:
        limiter.acquire()
        acquired.set()
        limiter.release()

    thread = threading.Thread(target=third)
    thread.start()
    assert not acquired.wait(0.1)  # still held back by the two requests in flight
    limiter.release()
    assert acquired.wait(5.0)
    thread.join()
    limiter.release()


@pytest.mark.parametrize(
    ("attempt", "retry_after", "expected"),
    [(0, None, 2.0), (1, None, 4.0), (4, None, 32.0), (5, None, 60.0), (9, None, 60.0)],
)
def test_backoff_doubles_up_to_the_cap(
    attempt: int, retry_after: float | None, expected: float
) -> None:
    assert Backoff().wait(attempt, retry_after) == expected


def test_backoff_follows_retry_after_within_the_cap() -> None:
    assert Backoff().wait(3, 1.5) == 1.5
    assert Backoff().wait(0, 600.0) == 60.0
    assert Backoff().time_scaled(60.0).wait(0, None) == pytest.approx(2 / 60)


def test_requests_room_counts_every_window_the_in_flight_cap_and_a_pause() -> None:
    clock = FakeClock()
    limiter = RateLimiter(RateLimits(headroom=0.0, jitter=0.0), clock)
    assert limiter.requests_room() == 10
    for _ in range(3):
        limiter.acquire()  # three in flight
    assert limiter.requests_room() == 7
    for _ in range(3):
        limiter.release()
    _send_times(limiter, 5)
    assert limiter.requests_room() == 2  # eight sent in this second
    clock.sleep(1.0)
    assert limiter.requests_room() == 10
    limiter.pause(2.0)
    assert limiter.requests_room() == 0
