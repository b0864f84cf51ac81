"""`qbconnector gui` (the default command): opens the window."""

from __future__ import annotations

import argparse

from qbconnector.storage.profile import Profile

HELP = "open the window (the default command)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=["en", "fr"], help="interface language")
    # For start-up measurements (scripts/measure_startup.py): not part of the user's contract.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace, profile: Profile) -> int:
    from qbconnector import app  # Qt loads only for the commands that need it

    return app.run(
        profile,
        language=getattr(args, "language", None),
        exit_after_first_paint=getattr(args, "exit_after_first_paint", False),
    )
