"""The one guarded path from the CLI's entry to its exit: every failure becomes a message."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from qbconnector.core.errors import ExitCode, QbConnectorError
from qbconnector.storage.profile import Profile
from qbconnector.storage.sqlite import wrap_error

_LOG = logging.getLogger("qbconnector")

# What a person can do about each operating-system error, by errno.
_OS_ADVICE: dict[int, str] = {
    errno.EACCES: "permission denied: check the permissions of that file and its folder, "
    "or choose another profile with --profile",
    errno.EPERM: "the operation is not permitted: check the permissions of that file and its "
    "folder, or choose another profile with --profile",
    errno.EROFS: "the drive is read-only: choose a profile folder on a writable drive "
    "with --profile",
    errno.ENOSPC: "the disk is full: free some space on that drive and try again",
    errno.EDQUOT: "your disk quota is used up: free some space and try again",
    errno.ENAMETOOLONG: "the path is too long: choose a shorter folder with --profile",
    errno.ENOTDIR: "a part of that path is a file, not a folder: choose another folder with "
    "--profile, or move the file away",
    errno.EISDIR: "a folder is where a file is expected: move that folder away",
    errno.ELOOP: "too many symbolic links: fix the link or choose another folder",
    errno.EIO: "a disk error occurred: check the drive (removable, or a network share?)",
}


def os_error_message(error: OSError) -> str:
    """``PATH: what is wrong: how to fix it`` for an operating-system error."""
    where = error.filename if error.filename is not None else "a file of the profile"
    advice = _OS_ADVICE.get(error.errno or 0)
    reason = error.strerror or type(error).__name__
    if advice is None:
        return f"{where}: {reason}: check that file and its folder, then try again"
    return f"{where}: {advice}"


def run_guarded(command: str, profile: Profile | None, work: Callable[[], int]) -> int:
    """Run ``work``; errors end in a message on stderr and an exit code, never a traceback."""
    try:
        return work()
    except QbConnectorError as error:
        _say(str(error))
        return int(error.exit_code)
    except BrokenPipeError:
        # The reader went away (`qbconnector documents --json | head`): not an error of ours.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
        return int(ExitCode.OK)
    except OSError as error:
        _LOG.info("'%s' stopped on an operating-system error", command, exc_info=True)
        _say(os_error_message(error))
        return int(ExitCode.BAD_INPUT)
    except sqlite3.Error as error:  # one that escaped the wrapper
        _say(str(wrap_error(_database_path(profile), error)))
        return int(ExitCode.BAD_INPUT)
    except KeyboardInterrupt:
        _say("interrupted")
        return int(ExitCode.SOME_FAILED)
    except MemoryError:
        _say(f"'{command}' ran out of memory; the input is too large")
        return int(ExitCode.BAD_INPUT)
    except Exception:  # noqa: BLE001 - last line of defence: a message and the log, never a traceback
        _LOG.exception("unexpected error in '%s'", command)
        where = f"; the details are in {profile.log_dir / 'qbconnector.log'}" if profile else ""
        _say(f"unexpected error in '{command}'{where}")
        return int(ExitCode.SOME_FAILED)


def _database_path(profile: Profile | None) -> Path:
    return profile.root if profile is not None else Path("database")


def _say(message: str) -> None:
    # stderr may itself be a closed pipe; nothing more can be done then.
    with contextlib.suppress(OSError, ValueError):
        print(f"qbconnector: {message}", file=sys.stderr)
