"""Number options of the command line: finite, in range, with a message that gives the range."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

MIN_WATCH_INTERVAL = 0.1  # seconds: below this a watch loop only burns the CPU
MAX_WATCH_INTERVAL = 7 * 24 * 3600.0  # a week; longer is a typo (and inf would never wake)


def bounded_float(low: float, high: float, *, unit: str = "") -> Callable[[str], float]:
    """An argparse type: a finite number from ``low`` to ``high`` (nan, inf and 1e999 refused)."""
    suffix = f" {unit}" if unit else ""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"'{text}' is out of range: give a number from {low:g} to {high:g}{suffix}"
            )
        return value

    return parse


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"'{text}' is out of range: give a whole number from {low} to {high}"
            )
        return value

    return parse
