"""The SQLite wrapper: pragmas, migrations keyed on user_version, transactions, typed errors."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from qbconnector.storage.ledger import Ledger
from qbconnector.storage.sqlite import (
    Database,
    DatabaseError,
    DatabaseProblem,
    split_statements,
    wrap_error,
)

V1 = """
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TRIGGER notes_no_semicolon BEFORE INSERT ON notes
WHEN instr(NEW.body, ';') > 0 BEGIN SELECT RAISE(ABORT, 'no ; please'); END;
"""
V2 = "ALTER TABLE notes ADD COLUMN author TEXT DEFAULT 'n/a';"


def _add_tags(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE tags (note_id INTEGER REFERENCES notes(id), tag TEXT)")


def test_new_database_gets_wal_foreign_keys_and_latest_schema(tmp_path: Path) -> None:
    with Database(tmp_path / "sub" / "a.sqlite3", [V1, V2, _add_tags]) as db:
        assert db.journal_mode == "wal"
        assert db.query_one("PRAGMA foreign_keys")[0] == 1
        assert db.query_one("PRAGMA busy_timeout")[0] == 5000
        assert db.user_version == 3
        db.execute("INSERT INTO notes (body) VALUES ('x')")
        assert db.query("SELECT body, author FROM notes") == [("x", "n/a")]
        with pytest.raises(DatabaseError) as caught:
            db.execute("INSERT INTO tags VALUES (42, 'orphan')")
        assert caught.value.problem is DatabaseProblem.CONSTRAINT


def test_migrations_resume_from_the_stored_version(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Database(path, [V1]) as db:
        db.execute("INSERT INTO notes (body) VALUES ('kept')")
    with Database(path, [V1, V2]) as db:
        assert db.user_version == 2
        assert db.query("SELECT body, author FROM notes") == [("kept", "n/a")]


def test_a_failing_migration_leaves_the_previous_schema(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Database(path, [V1]).close()
    broken = "ALTER TABLE notes ADD COLUMN extra TEXT; CREATE TABLE notes (again TEXT);"
    with pytest.raises(DatabaseError):
        Database(path, [V1, broken])
    with Database(path, [V1]) as db:
        assert db.user_version == 1
        columns = [row[1] for row in db.query("PRAGMA table_info(notes)")]
        assert columns == ["id", "body"]  # the first statement of the step was rolled back too


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Database(path, [V1, V2]).close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Database(path, [V1])
    assert caught.value.problem is DatabaseProblem.TOO_NEW
    message = str(caught.value)
    assert str(path) in message
    assert "newer version of qbconnector" in message
    assert "schema 2" in message
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_named_and_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "documents.sqlite3"
    path.write_text("these are my notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Database(path, [V1])
    assert caught.value.problem is DatabaseProblem.NOT_A_DATABASE
    assert str(path) in str(caught.value)
    assert "move the file aside" in str(caught.value)
    assert path.read_bytes() == before


def _insert_then_fail(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO notes (body) VALUES ('two')")
        raise RuntimeError("abandon")


def _insert_two(db: Database, first: str, second: str) -> None:
    with db.transaction():
        db.execute("INSERT INTO notes (body) VALUES (?)", (first,))
        db.execute("INSERT INTO notes (body) VALUES (?)", (second,))


def test_transaction_commits_or_rolls_back_and_nests_as_savepoints(tmp_path: Path) -> None:
    with Database(tmp_path / "a.sqlite3", [V1]) as db:
        with db.transaction():
            db.execute("INSERT INTO notes (body) VALUES ('one')")
        with pytest.raises(RuntimeError, match="abandon"):
            _insert_then_fail(db)
        with db.transaction():
            db.execute("INSERT INTO notes (body) VALUES ('three')")
            with pytest.raises(DatabaseError, match="no ; please"):
                _insert_two(db, "four", "semi;colon")
            db.execute("INSERT INTO notes (body) VALUES ('five')")
        assert not db.connection.in_transaction
        assert [row[0] for row in db.query("SELECT body FROM notes ORDER BY id")] == [
            "one",
            "three",
            "five",
        ]


def test_a_locked_database_gives_a_locked_error_after_the_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Database(path, [V1]) as holder, Database(path, [V1], busy_timeout_ms=50) as waiter:
        with holder.transaction():
            holder.execute("INSERT INTO notes (body) VALUES ('held')")
            with pytest.raises(DatabaseError) as caught, waiter.transaction():
                pass
        assert caught.value.problem is DatabaseProblem.LOCKED
        assert "locked by another program" in str(caught.value)
        # WAL: the reader still sees the last committed state while a writer works.
        assert waiter.query("SELECT body FROM notes") == [("held",)]


def test_a_connection_stays_in_its_thread(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with Database(tmp_path / "a.sqlite3", [V1]) as db:

        def use_from_elsewhere() -> None:
            try:
                db.connection.execute("SELECT 1")
            except sqlite3.ProgrammingError as error:
                errors.append(error)

        worker = threading.Thread(target=use_from_elsewhere)
        worker.start()
        worker.join()
    assert len(errors) == 1


@pytest.mark.parametrize(
    ("name", "problem", "advice"),
    [
        ("SQLITE_FULL", DatabaseProblem.FULL, "free some space"),
        ("SQLITE_IOERR_WRITE", DatabaseProblem.IO, "disk error"),
        ("SQLITE_READONLY_DBMOVED", DatabaseProblem.READ_ONLY, "permissions"),
        ("SQLITE_CORRUPT", DatabaseProblem.CORRUPT, "backup"),
        ("SQLITE_MISMATCH", DatabaseProblem.OTHER, "database error"),
    ],
)
def test_sqlite_errors_are_explained(name: str, problem: DatabaseProblem, advice: str) -> None:
    error = sqlite3.OperationalError("boom")
    error.sqlite_errorname = name
    wrapped = wrap_error(Path("/profile/ledger.sqlite3"), error)
    assert wrapped.problem is problem
    assert str(wrapped).startswith("/profile/ledger.sqlite3: ")
    assert advice in str(wrapped)


def test_a_missing_folder_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DatabaseError) as caught:
        Database(blocker / "a.sqlite3", [V1])
    assert caught.value.problem is DatabaseProblem.CANNOT_OPEN


def test_split_statements_keeps_semicolons_in_strings_and_triggers() -> None:
    statements = split_statements(V1 + "INSERT INTO notes (body) VALUES ('a;b');  ;")
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER")
    assert statements[1].endswith("END;")
    assert statements[2] == "INSERT INTO notes (body) VALUES ('a;b');"


def _insert_orphan(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO links (note_id) VALUES (99)")


def test_a_failed_commit_rolls_back_and_closes_the_transaction(tmp_path: Path) -> None:
    deferred = "CREATE TABLE links (note_id REFERENCES notes(id) DEFERRABLE INITIALLY DEFERRED)"
    with Database(tmp_path / "a.sqlite3", [V1, deferred]) as db:
        # A deferred foreign key is only checked at COMMIT, so COMMIT itself fails.
        with pytest.raises(DatabaseError) as caught:
            _insert_orphan(db)
        assert caught.value.problem is DatabaseProblem.CONSTRAINT
        assert not db.connection.in_transaction
        assert db.query("SELECT count(*) FROM links") == [(0,)]


def test_threads_opening_a_new_ledger_at_once_all_get_it(tmp_path: Path) -> None:
    # The window lists both kinds and pulls on three worker threads as it opens a new profile:
    # none may take the half-made file for another program's database, or give up on its lock.
    for attempt in range(30):
        path = tmp_path / f"ledger-{attempt}.sqlite3"
        start = threading.Barrier(6)
        errors: list[BaseException] = []

        threads = [threading.Thread(target=_open_ledger, args=(path, start, errors))
                   for _ in range(6)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [], f"attempt {attempt}: {errors[0]}"


def _open_ledger(path: Path, start: threading.Barrier, errors: list[BaseException]) -> None:
    start.wait()
    try:
        Ledger.open(path).close()
    except BaseException as error:  # noqa: BLE001 - collected for the assert
        errors.append(error)
