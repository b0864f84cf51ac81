"""``qbconnector --self-test``: every page of the window rendered offscreen on a demo profile."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from qbconnector.demo import DemoEnvironment, prepare_demo
from qbconnector.self_check import (
    ICONS,
    StepRunner,
    check_bundle_files,
    check_licences,
    check_tls_and_crypto,
    sync_samples,
)
from qbconnector.storage.profile import Profile


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step, one line each; 0 when all passed, 1 naming the step that failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # QT_QPA_PLATFORM=xcb checks a display
    runner = StepRunner(out if out is not None else sys.stdout)
    runner.step("bundle files", check_bundle_files)
    runner.step("TLS and crypto", check_tls_and_crypto)
    runner.step("licences", check_licences)
    root = Path(tempfile.mkdtemp(prefix="qbconnector-self-test-"))
    demos: list[DemoEnvironment] = []
    try:
        runner.step("demo profile and sandbox", lambda: _start_demo(root, demos))
        if demos:
            runner.step("sync of the samples", lambda: sync_samples(demos[0]))
            _window_steps(runner, demos[0].profile)
    finally:
        for demo in demos:
            demo.stop()
        shutil.rmtree(root, ignore_errors=True)
    return runner.finish()


def _start_demo(root: Path, demos: list[DemoEnvironment]) -> str:
    demo = prepare_demo(Profile(root / "profile", "--profile"))
    demos.append(demo)
    return f"sandbox at {demo.server.api_base_url}"


def _window_steps(runner: StepRunner, profile: Profile) -> None:
    # Qt loads only here, after the Qt-free steps: a broken Qt names its own step.
    from qbconnector.ui.self_test_window import WindowChecks

    checks: list[WindowChecks] = []

    def start() -> str:
        checks.append(WindowChecks.start())
        return checks[0].describe_application()

    if not runner.step("Qt application and style sheet", start):
        return
    check = checks[0]
    runner.step("icons", lambda: check.icons(ICONS))
    runner.step("translations", check.translations)
    if not runner.step("window on the demo profile", lambda: check.open_window(profile)):
        return
    try:
        for index, title in check.parameter_tabs():
            runner.step(f"render Parameters > {title}", _bound(check.render_tab, index))
        runner.step("render Finance", check.render_finance)
        runner.step("render in French", check.render_french)
        runner.step("render About", check.render_about)
    finally:
        close_runner = StepRunner(runner.out) if runner.failed else runner
        close_runner.step("close the window", check.close)


def _bound(function: Callable[[int], str], index: int) -> Callable[[], str]:
    return lambda: function(index)
