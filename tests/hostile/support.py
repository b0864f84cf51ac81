"""The bad-input suite's tools: run the CLI in-process, snapshot a profile, damage files."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qbconnector import cli

STATE_FILES = ("settings.json", "secrets.json", "documents.sqlite3", "ledger.sqlite3")
REALM = "9130357992221046"
CLOSED_PORT_URL = "http://127.0.0.1:9"  # nothing listens: a connection is refused at once


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run(*argv: str, stdin: str | bytes | None = None, closed_stdin: bool = False) -> Result:
    """``qbconnector ARGV`` in this process, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    stream: io.TextIOBase | None
    if closed_stdin:
        stream = None  # what Python gives a process started with standard input closed
    elif isinstance(stdin, bytes):
        stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    else:
        stream = io.StringIO(stdin or "")
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _stdin(stream),
    ):
        try:
            code = cli.main(list(argv))
        except SystemExit as leaving:  # argparse refusing an option
            code = leaving.code if isinstance(leaving.code, int) else 2
    return Result(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(stream: io.TextIOBase | None) -> Iterator[None]:
    previous = sys.stdin
    sys.stdin = stream  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdin = previous


def snapshot(profile: Path) -> dict[str, bytes | None]:
    """The bytes of every state file (None when absent)."""
    found: dict[str, bytes | None] = {}
    for name in STATE_FILES:
        path = profile / name
        found[name] = path.read_bytes() if path.is_file() else None
    return found


def assert_clean_failure(result: Result, code: int, *needles: str) -> None:
    """The exit code, each needle in the message (any case), and no traceback anywhere."""
    assert result.code == code, result.text
    assert "Traceback" not in result.text, result.text
    assert "unexpected error" not in result.err, result.err
    for needle in needles:
        assert needle.lower() in result.err.lower(), (needle, result.err)


def assert_unchanged(before: dict[str, bytes | None], profile: Path, *skip: str) -> None:
    """Every state file byte for byte as it was.

    One allowance: SQLite's ``PRAGMA optimize`` (run when a connection closes) may record query
    statistics (``sqlite_stat1``) the first time a query shape is seen; a database whose only
    difference is those statistics holds exactly the same data.
    """
    after = snapshot(profile)
    for name in STATE_FILES:
        if name in skip or after[name] == before[name]:
            continue
        old, new = before[name], after[name]
        assert name.endswith(".sqlite3"), f"{name} changed"
        assert old is not None, f"{name} appeared"
        assert new is not None, f"{name} disappeared"
        assert _data_of(old) == _data_of(new), f"{name} changed"


def _data_of(image: bytes) -> list[str]:
    """The SQL dump of a database image, without the optimizer's statistics."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "copy.sqlite3"
        path.write_bytes(image)
        connection = sqlite3.connect(path)
        try:
            lines = list(connection.iterdump())
        finally:
            connection.close()
    return [line for line in lines if "sqlite_stat" not in line and not line.startswith("ANALYZE")]


def sql(path: Path, statement: str, *params: object) -> None:
    """Run one statement as a hand-editing tool would (CHECK constraints off)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(statement, params)
        connection.commit()
    finally:
        connection.close()


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def nested(depth: int, opening: str = "[", closing: str = "]") -> str:
    return opening * depth + closing * depth


# The retries of an unreachable QuickBooks, sped up: the suite must stay fast.
DRY_RUN = ("sync", "--dry-run", "--time-scale", "1000")
