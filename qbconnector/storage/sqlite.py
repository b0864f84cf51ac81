"""A small SQLite wrapper: WAL, foreign keys, busy timeout, versioned migrations, typed errors."""

from __future__ import annotations

import contextlib
import enum
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from qbconnector.core.errors import ExitCode, QbConnectorError

# A migration step is either SQL text (several statements allowed) or a function given the
# connection; step i takes a database from user_version i to i + 1, inside one transaction.
Migration = str | Callable[[sqlite3.Connection], None]
Params = Sequence[Any] | dict[str, Any]

DEFAULT_BUSY_TIMEOUT_MS = 5000
JOURNAL_RETRY_SECONDS = 0.01


class DatabaseProblem(enum.StrEnum):
    """What went wrong with a database file, so callers can react without parsing text."""

    FULL = "full"
    LOCKED = "locked"
    NOT_A_DATABASE = "not-a-database"
    CORRUPT = "corrupt"
    READ_ONLY = "read-only"
    CANNOT_OPEN = "cannot-open"
    IO = "io"
    TOO_NEW = "too-new"
    CONSTRAINT = "constraint"
    OTHER = "other"


class DatabaseError(QbConnectorError):
    """A database file could not be used; the message names the file and what to do.

    Exit 2: the profile needs fixing (not "some documents failed")."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, path: Path, problem: DatabaseProblem, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem


_ADVICE: dict[DatabaseProblem, str] = {
    DatabaseProblem.FULL: "the disk is full: free some space on that drive and try again",
    DatabaseProblem.LOCKED: (
        "the file is locked by another program (another qbconnector window or a running sync?):"
        " close it or wait for it to finish, then try again"
    ),
    DatabaseProblem.NOT_A_DATABASE: (
        "this is not a qbconnector database: move the file aside (qbconnector then creates a new"
        " one) or choose another profile with --profile"
    ),
    DatabaseProblem.CORRUPT: (
        "the file is damaged: restore it from a backup, or move it aside to start a new one"
    ),
    DatabaseProblem.READ_ONLY: (
        "the file cannot be written: check its permissions and those of its folder"
    ),
    DatabaseProblem.CANNOT_OPEN: (
        "the file cannot be opened: check that its folder exists and that you may write to it"
    ),
    DatabaseProblem.IO: (
        "a disk error occurred: check the drive (is it removable, or a network share?)"
    ),
}

_PROBLEM_BY_CODE: dict[str, DatabaseProblem] = {
    "SQLITE_FULL": DatabaseProblem.FULL,
    "SQLITE_BUSY": DatabaseProblem.LOCKED,
    "SQLITE_LOCKED": DatabaseProblem.LOCKED,
    "SQLITE_NOTADB": DatabaseProblem.NOT_A_DATABASE,
    "SQLITE_CORRUPT": DatabaseProblem.CORRUPT,
    "SQLITE_READONLY": DatabaseProblem.READ_ONLY,
    "SQLITE_PERM": DatabaseProblem.READ_ONLY,
    "SQLITE_CANTOPEN": DatabaseProblem.CANNOT_OPEN,
    "SQLITE_IOERR": DatabaseProblem.IO,
    "SQLITE_CONSTRAINT": DatabaseProblem.CONSTRAINT,
}


def wrap_error(path: Path, error: sqlite3.Error) -> DatabaseError:
    """Turn an sqlite3 exception into a :class:`DatabaseError` a person can act on."""
    # Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT...) share their primary prefix.
    name = getattr(error, "sqlite_errorname", "") or ""
    problem = next(
        (found for code, found in _PROBLEM_BY_CODE.items() if name.startswith(code)),
        DatabaseProblem.OTHER,
    )
    advice = _ADVICE.get(problem)
    text = f"{path}: {advice} ({error})" if advice else f"{path}: database error: {error}"
    return DatabaseError(path, problem, text)


def wrap_foreign(path: Path) -> DatabaseError:
    """An SQLite file holding another program's tables (schema version 0, tables present)."""
    advice = _ADVICE[DatabaseProblem.NOT_A_DATABASE]
    return DatabaseError(
        path,
        DatabaseProblem.NOT_A_DATABASE,
        f"{path}: {advice} (it is an SQLite database of another program; it was not changed)",
    )


def split_statements(script: str) -> list[str]:
    """Split SQL text into complete statements (semicolons inside strings or triggers survive)."""
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \t\r\n;"):
        statements.append(pending.strip())
    return statements


class Database:
    """One connection to one SQLite file, owned by the thread that opened it.

    Other threads open their own ``Database`` on the same file (WAL lets readers and one writer
    work side by side); sqlite3's same-thread check stays on to catch mistakes.
    """

    def __init__(
        self,
        path: Path,
        migrations: Sequence[Migration] = (),
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = Path(path)
        self._busy_timeout_ms = busy_timeout_ms
        self._savepoint_depth = 0
        self._connection = self._connect(busy_timeout_ms)
        try:
            self._check_version(len(migrations))
            self._setup_journal()
            self._migrate(migrations)
        except BaseException:
            self._connection.close()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _connect(self, busy_timeout_ms: int) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            message = f"{self.path}: {_ADVICE[DatabaseProblem.CANNOT_OPEN]} ({error})"
            raise DatabaseError(self.path, DatabaseProblem.CANNOT_OPEN, message) from error
        if self.path.exists() and not self.path.is_file():  # a folder, a pipe, a device
            message = f"{self.path}: {_ADVICE[DatabaseProblem.NOT_A_DATABASE]} (it is not a file)"
            raise DatabaseError(self.path, DatabaseProblem.NOT_A_DATABASE, message)
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction());
            # timeout is SQLite's busy timeout: how long to wait for another writer's lock.
            connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=busy_timeout_ms / 1000
            )
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error
        try:
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            connection.close()
            raise wrap_error(self.path, error) from error
        return connection

    def _check_version(self, known: int) -> None:
        # Read before anything writes (even switching to WAL changes the file header), so a
        # database from a newer qbconnector, or a file that is not a database, is left untouched.
        # One read transaction for both reads: another thread or process may be creating this
        # database meanwhile, and between two separate reads it could commit its tables and
        # version, so that we saw version 0 and then tables: "another program's database".
        self.execute("BEGIN")
        try:
            found = self.user_version
            has_tables = self.query_one("SELECT 1 FROM sqlite_master LIMIT 1") is not None
        finally:
            self.execute("COMMIT")
        if found > known:
            message = (
                f"{self.path}: this database was written by a newer version of qbconnector"
                f" (schema {found}; this version knows up to {known}). Update qbconnector, or"
                " choose another profile with --profile. The file was not changed."
            )
            raise DatabaseError(self.path, DatabaseProblem.TOO_NEW, message)
        if found == 0 and has_tables:
            # Another program's database under our name: never add our tables to it.
            raise wrap_foreign(self.path)

    def _setup_journal(self) -> None:
        # WAL: readers do not block the writer, and a crash never leaves a half-written page.
        # The mode stays in the file, so only the first opening switches it; that switch needs
        # the file to itself and SQLite answers "locked" at once, without its busy wait, while
        # another connection opens the same new file: wait for it here.
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        while self.journal_mode != "wal":
            try:
                self.execute("PRAGMA journal_mode = WAL")
            except DatabaseError as error:
                if error.problem is not DatabaseProblem.LOCKED or time.monotonic() > deadline:
                    raise
                time.sleep(JOURNAL_RETRY_SECONDS)

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        if self.user_version == len(migrations):
            return
        with self.transaction():
            # Re-read inside the write lock: another process may have migrated meanwhile.
            start = self.user_version
            for step in migrations[start:]:
                self._apply(step)
            # PRAGMA takes no parameters; the value is our own integer.
            self.execute(f"PRAGMA user_version = {len(migrations)}")

    def _apply(self, step: Migration) -> None:
        try:
            if isinstance(step, str):
                # executescript() would COMMIT first, breaking the migration's atomicity.
                for statement in split_statements(step):
                    self._connection.execute(statement)
            else:
                step(self._connection)
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error

    # -- use -----------------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection, for what this wrapper does not cover (errors are not wrapped)."""
        return self._connection

    @property
    def user_version(self) -> int:
        """The schema version stored in the file (0 for a new file)."""
        row = self.query_one("PRAGMA user_version")
        return int(row[0]) if row is not None else 0

    @property
    def journal_mode(self) -> str:
        row = self.query_one("PRAGMA journal_mode")
        return str(row[0]) if row is not None else ""

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        try:
            return self._connection.execute(sql, params)
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        try:
            return self._connection.executemany(sql, rows)
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error

    def query(self, sql: str, params: Params = ()) -> list[Any]:
        try:
            return self._connection.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error

    def query_one(self, sql: str, params: Params = ()) -> Any:
        try:
            return self._connection.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise wrap_error(self.path, error) from error

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """Commit on success, roll back on any exception; nested use becomes a savepoint."""
        if self._connection.in_transaction:
            with self._savepoint():
                yield self
            return
        # IMMEDIATE takes the write lock up front: a deferred transaction that later needs to
        # write can fail with SQLITE_BUSY at once in WAL mode, ignoring the busy timeout.
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself fails (disk full, busy): never leave the transaction open.
            self._rollback()
            raise

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._savepoint_depth += 1
        name = f"sp{self._savepoint_depth}"
        self.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.execute(f"ROLLBACK TO {name}")
            self.execute(f"RELEASE {name}")
            raise
        else:
            self.execute(f"RELEASE {name}")
        finally:
            self._savepoint_depth -= 1

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
        if self._connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._connection.execute("ROLLBACK")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._connection.execute("PRAGMA optimize")
        self._connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"
