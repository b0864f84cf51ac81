"""`qbconnector gui` (the default command): opens the window."""

from __future__ import annotations

import argparse

from qbconnector.storage.profile import Profile

HELP = "open the window (the default command)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=["en", "fr"], help="interface language")


def run(args: argparse.Namespace, profile: Profile) -> int:
    from qbconnector import app  # Qt loads only for the commands that need it

    return app.run(profile, language=getattr(args, "language", None))
