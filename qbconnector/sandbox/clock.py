"""Timestamps in QuickBooks' formats: the ``time`` field, MetaData times, transaction dates."""

from __future__ import annotations

import datetime as dt


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def response_time() -> str:
    """The envelope's ``time``: local time with milliseconds and offset."""
    return _now().isoformat(timespec="milliseconds")


def meta_time() -> str:
    """``MetaData.CreateTime`` / ``LastUpdatedTime``: local time to the second, with offset."""
    return _now().isoformat(timespec="seconds")


def today() -> str:
    """Default ``TxnDate``: the server's local date."""
    return _now().date().isoformat()
