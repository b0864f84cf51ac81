"""Python's cycle collector kept off the window's paint path while big listings are built.

A full collection walks every tracked object while it holds the interpreter lock: with
100,000 Finance rows (tuples holding enum members, so never untracked) one walk takes 55-90 ms,
and building the next 100,000 rows set off several of them, so the window froze for 110-130 ms
at a time and the listing itself took twice as long (1.44 s against 0.71 s with the collector
paused; bench/bench_gui.py). The rows hold no reference cycles, so reference counting frees
them; the collector has nothing to find in them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0  # threads inside bulk_allocation(); the collector resumes when the last leaves
_was_enabled = True


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Build many long-lived objects without collections; when the last builder is done, every
    object alive is moved out of the collector's walks (``gc.freeze``).

    The freeze keeps the rows out of later collections. Its cost: a reference cycle that is
    already garbage when it runs is never collected; collections of the young generation just
    before keep that to what the pause itself left behind.
    """
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.collect(0)
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


def settle_start_up() -> None:
    """Move what start-up built (modules, classes, the window's wrappers) out of the walks."""
    gc.collect(1)
    gc.freeze()
