"""`qbconnector demo`: the window on a throw-away profile connected to a local sandbox."""

from __future__ import annotations

import argparse
import shutil

from qbconnector.storage.profile import Profile

HELP = "open the window on a demo profile connected to a local QuickBooks sandbox"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=["en", "fr"], help="interface language")


def run(args: argparse.Namespace, profile: Profile) -> int:
    from qbconnector import app
    from qbconnector.demo import prepare_demo

    # The demo never touches the user's own profile unless --profile names one on purpose.
    chosen = profile if profile.source == "--profile" else None
    demo = prepare_demo(chosen)
    print(f"qbconnector demo: profile {demo.profile.root}, sandbox {demo.server.api_base_url}")
    try:
        return app.run(demo.profile, language=args.language, demo=True)
    finally:
        demo.stop()
        if chosen is None:  # a throw-away profile goes with the demo
            shutil.rmtree(demo.profile.root, ignore_errors=True)
