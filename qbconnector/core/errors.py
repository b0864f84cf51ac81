"""Exit codes of the command line and the base of qbconnector's own errors."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The CLI contract: documented in the README, relied on by scheduled tasks."""

    OK = 0
    SOME_FAILED = 1
    BAD_INPUT = 2
    RECONNECT_REQUIRED = 3
    UNREACHABLE = 4


class QbConnectorError(Exception):
    """An error with a message a person can act on; ``exit_code`` maps it to the CLI."""

    exit_code: ExitCode = ExitCode.BAD_INPUT


class BadInputError(QbConnectorError):
    """The user gave something we cannot use; the message says what to fix."""

    exit_code = ExitCode.BAD_INPUT
