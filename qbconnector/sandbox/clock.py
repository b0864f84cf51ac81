"""Timestamps in QuickBooks' formats, from a per-company clock that tests can move forward."""

from __future__ import annotations

import datetime as dt
import threading

MILLISECOND = dt.timedelta(milliseconds=1)


class Clock:
    """Local time plus an offset; ``stamp()`` never returns the same instant twice.

    MetaData times are written to the millisecond and strictly increase, so that a CDC client
    can page by "everything changed at or after the last time I saw" without ties.
    """

    def __init__(self) -> None:
        self.offset = dt.timedelta(0)
        self._last: dt.datetime | None = None
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        return (dt.datetime.now() + self.offset).astimezone()

    def advance(self, seconds: float) -> None:
        """Move simulated time forward (tests: "30 days later" without waiting)."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self.offset += dt.timedelta(seconds=seconds)

    def stamp(self) -> str:
        """``MetaData.CreateTime`` / ``LastUpdatedTime``: unique, increasing, milliseconds."""
        with self._lock:
            moment = self.now()
            moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)  # as written
            if self._last is not None and moment <= self._last:
                moment = self._last + MILLISECOND
            self._last = moment
        return moment.isoformat(timespec="milliseconds")

    def response_time(self) -> str:
        return self.now().isoformat(timespec="milliseconds")

    def today(self) -> str:
        return self.now().date().isoformat()


# The process-wide clock for code with no company at hand (fault bodies, seeds); a Company has
# its own, which is the one CDC, MetaData and the 30-day rule use.
DEFAULT = Clock()


def response_time() -> str:
    """The envelope's ``time``: local time with milliseconds and offset."""
    return DEFAULT.response_time()


def meta_time() -> str:
    """A MetaData time from the process clock (tax seeds)."""
    return DEFAULT.stamp()


def today() -> str:
    """Default ``TxnDate``: the server's local date."""
    return DEFAULT.today()


def parse_time(text: str) -> dt.datetime:
    """A MetaData time or a ``changedSince`` value (date or date-time); ValueError if garbled."""
    moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "+"))
    return moment if moment.tzinfo else moment.astimezone()
