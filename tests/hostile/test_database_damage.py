"""Damaged, foreign or hand-edited SQLite files: a message naming the file, exit 2, no change."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.support import (
    DRY_RUN,
    assert_clean_failure,
    assert_unchanged,
    run,
    snapshot,
    sql,
)

SYNC = ("sync", "--time-scale", "1000")
READERS: dict[str, tuple[str, ...]] = {
    "documents": ("documents",),
    "documents-json": ("documents", "--json"),
    "status": ("status",),
    "sync-dry-run": DRY_RUN,
    "sync": SYNC,
}

# Garbage in one column of one row, as a hand edit or a broken tool leaves it.
DOCUMENT_ROWS: dict[str, tuple[str, object]] = {
    "lines-not-json": ("lines", "not json"),
    "lines-a-number": ("lines", "42"),
    "lines-missing-keys": ("lines", "[{}]"),
    "lines-bad-quantity": (
        "lines",
        '[{"service": "S", "description": "D", "quantity": "abc", "unit_price": "1", '
        '"unit": null}]',
    ),
    "lines-nested": ("lines", "[" * 100_000 + "]" * 100_000),
    "subtotal-abc": ("subtotal", "abc"),
    "subtotal-null-bytes": ("subtotal", "\x00\x01"),
    "date-yesterday": ("date", "yesterday"),
    "due-date-garbage": ("due_date", "2026-13-45"),
    "updated-at-garbage": ("updated_at", "soon"),
    "status-bogus": ("status", "bogus"),
    "kind-bogus": ("kind", "bogus"),
    "targets-not-json": ("target_languages", "{"),
    "targets-an-object": ("target_languages", '{"a": 1}'),
    "date-a-number": ("date", 20261102),
    "subtotal-a-blob": ("subtotal", b"\xff\xfe"),
}

LEDGER_ROWS: dict[str, tuple[str, object]] = {
    "state-bogus": ("state", "bogus"),
    "kind-bogus": ("kind", "bogus"),
    "operation-bogus": ("operation", "bogus"),
    "payload-not-json": ("payload", "garbage {"),
    "payload-a-list": ("payload", "[1, 2]"),
    "payload-nested": ("payload", "[" * 100_000 + "]" * 100_000),
}


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("case", DOCUMENT_ROWS)
def test_a_damaged_document_row_is_named(profile: Path, case: str, command: str) -> None:
    column, value = DOCUMENT_ROWS[case]
    sql(
        profile / "documents.sqlite3",
        f"UPDATE documents SET {column} = ? WHERE number = 'INV-1043'",
        value,
    )
    _check(profile, READERS[command], "documents.sqlite3")


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("case", LEDGER_ROWS)
def test_a_damaged_ledger_row_is_named(profile: Path, case: str, command: str) -> None:
    column, value = LEDGER_ROWS[case]
    sql(
        profile / "ledger.sqlite3",
        f"UPDATE documents SET {column} = ? WHERE number = 'INV-1043'",
        value,
    )
    _check(profile, READERS[command], "ledger.sqlite3")


def _check(profile: Path, command: tuple[str, ...], file_name: str) -> None:
    before = snapshot(profile)
    result = run("--profile", str(profile), *command)
    assert "Traceback" not in result.text, result.text
    assert "unexpected error" not in result.err, result.err
    if result.code != 0:
        # exit 4: a sync stopped by the unreachable QuickBooks before reading the damaged row
        assert result.code in (2, 4), result.text
        if result.code == 2:
            assert file_name in result.err, result.err
            assert_unchanged(before, profile)
    else:
        assert_unchanged(before, profile)


def _bytes(content: bytes) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        path.write_bytes(content)

    return damage


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:1500])


def _scrambled(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for index in range(4096, len(data), 7):
        data[index] = 0xA5
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()


def _newer(path: Path) -> None:
    sql(path, "PRAGMA user_version = 999")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


WHOLE_FILE: dict[str, Callable[[Path], None]] = {
    "random-bytes": _bytes(bytes(range(256)) * 64),
    "text": _bytes(b"this is not a database\n" * 100),
    "json": _bytes(b'{"documents": []}'),
    "truncated": _truncated,
    "scrambled-pages": _scrambled,
    "foreign-sqlite": _foreign,
    "newer-schema": _newer,
    "a-folder": _folder,
    "a-fifo": _fifo,
}
FILES = {"documents": "documents.sqlite3", "ledger": "ledger.sqlite3"}


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("which", FILES)
@pytest.mark.parametrize("case", WHOLE_FILE)
def test_a_damaged_database_file_exits_2(
    profile: Path, case: str, which: str, command: str
) -> None:
    path = profile / FILES[which]
    WHOLE_FILE[case](path)
    before = snapshot(profile)
    result = run("--profile", str(profile), *READERS[command])
    assert "Traceback" not in result.text, result.text
    assert "unexpected error" not in result.err, result.err
    if which == "ledger" and command.startswith("documents"):
        assert result.code == 0, result.text  # `documents` never opens the ledger
        return
    if case == "scrambled-pages" and result.code == 4:
        return  # the run stopped (QuickBooks unreachable) before reading a damaged page
    assert_clean_failure(result, 2, FILES[which])
    assert_unchanged(before, profile)
