"""`sync` numbers that would hang, spin or crash: refused by the parser with the range."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.support import assert_clean_failure, assert_unchanged, run, snapshot

BAD = ["0", "-1", "nan", "-nan", "inf", "-inf", "1e999", "abc", ""]
CASES: dict[str, tuple[tuple[str, ...], str]] = {
    **{f"interval-{v or 'empty'}": (("--watch", "--interval", v), "--interval") for v in BAD},
    "interval-1e-9": (("--watch", "--interval", "1e-9"), "out of range"),
    "interval-a-year": (("--watch", "--interval", str(365 * 86400)), "out of range"),
    **{f"time-scale-{v or 'empty'}": (("--time-scale", v), "--time-scale") for v in BAD},
    "time-scale-huge": (("--time-scale", "1e9"), "out of range"),
    **{
        f"in-flight-{v}": (("--in-flight", v), "--in-flight") for v in ("0", "-3", "11", "x", "1.5")
    },
    **{f"batch-size-{v}": (("--batch-size", v), "--batch-size") for v in ("0", "31", "-1", "x")},
    "kind-unknown": (("--kind", "receipt"), "invalid choice"),
    "approved-and-numbers": (("--approved", "INV-1"), "not allowed with"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_sync_number_is_refused(profile: Path, case: str) -> None:
    options, needle = CASES[case]
    before = snapshot(profile)
    result = run("--profile", str(profile), "sync", *options)
    assert_clean_failure(result, 2, needle)
    assert_unchanged(before, profile)


def test_watch_with_automatic_sync_off_says_how_to_turn_it_on(profile: Path) -> None:
    assert run("--profile", str(profile), "configure", "--auto-sync-invoices", "off").code == 0
    before = snapshot(profile)
    result = run("--profile", str(profile), "sync", "--watch", "--interval", "1")
    assert_clean_failure(result, 2, "automatic sync is off", "--auto-sync-invoices on")
    assert_unchanged(before, profile)


def test_unknown_numbers_are_named(profile: Path) -> None:
    before = snapshot(profile)
    result = run("--profile", str(profile), "sync", "--dry-run", "NOPE-1", "INV-1042")
    assert_clean_failure(result, 2, "NOPE-1")
    assert_unchanged(before, profile)
