"""The ``qbconnector`` command line: parses arguments and dispatches to qbconnector.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol

from qbconnector import __version__
from qbconnector.commands._guard import run_guarded
from qbconnector.storage.profile import Profile, resolve_profile
from qbconnector.storage.profile_guard import check_profile_root, check_profile_value

# name -> module under qbconnector.commands; imported lazily so `--version` stays fast
COMMANDS: dict[str, str] = {
    "gui": "gui_cmd",
    "demo": "demo_cmd",
    "configure": "configure_cmd",
    "import": "import_cmd",
    "documents": "documents_cmd",
    "status": "status_cmd",
    "sandbox": "sandbox_cmd",
    "sync": "sync_cmd",
    "pull": "pull_cmd",
    "connect": "connect_cmd",
    "disconnect": "disconnect_cmd",
}


class CommandModule(Protocol):
    HELP: str

    def register(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, profile: Profile) -> int: ...


def _load(name: str) -> CommandModule | None:
    try:
        module = importlib.import_module(f"qbconnector.commands.{COMMANDS[name]}")
    except ModuleNotFoundError as error:
        if error.name == f"qbconnector.commands.{COMMANDS[name]}":
            return None  # command not built yet
        raise
    return module


def build_parser(selected: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qbconnector",
        description="Push FlowFit client invoices and quotes to QuickBooks Online.",
    )
    parser.add_argument("--version", action="version", version=f"qbconnector {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (window offscreen, throw-away demo profile) and exit",
    )
    parser.add_argument(
        "--profile", metavar="DIR", help="profile folder (default: QBCONNECTOR_PROFILE or per-user)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        # Only the chosen command's module is imported; the others get a bare entry for --help.
        module = _load(name) if name == selected or selected is None else None
        if module is None and name == selected:
            continue
        help_text = module.HELP if module is not None else None
        sub = subparsers.add_parser(name, help=help_text)
        if module is not None:
            module.register(sub)
    return parser


def _selected_command(argv: Sequence[str]) -> str | None:
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg == "--profile":
            skip_next = True
        elif arg in COMMANDS:
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    selected = _selected_command(arguments) or ("gui" if not _wants_help(arguments) else None)
    parser = build_parser(selected)
    args = parser.parse_args(arguments)
    if args.self_test:
        from qbconnector.ui.self_test import run_self_test  # Qt loads only for the self-test

        return run_self_test()
    command = args.command or "gui"
    module = _load(command)
    if module is None:
        parser.error(f"the '{command}' command is not available in this build")
    chosen: list[Profile] = []

    def choose() -> int:
        check_profile_value(args.profile, "--profile")
        profile = resolve_profile(args.profile)
        check_profile_root(profile.root, profile.source)
        chosen.append(profile)
        return 0

    refused = run_guarded(command, None, choose)
    if refused:
        return refused
    return run_guarded(command, chosen[0], lambda: module.run(args, chosen[0]))


def _wants_help(arguments: Sequence[str]) -> bool:
    return any(arg in ("-h", "--help") for arg in arguments)
