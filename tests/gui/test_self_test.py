"""``qbconnector --self-test`` in the source tree: every step passes; a failure names its step."""

from __future__ import annotations

import io

import pytest
from pytestqt.qtbot import QtBot

from qbconnector.self_check import SelfTestError
from qbconnector.ui import self_test


def test_every_step_passes_and_is_reported(qtbot: QtBot) -> None:
    out = io.StringIO()
    assert self_test.run_self_test(out) == 0
    lines = out.getvalue().splitlines()
    assert all(line.startswith("self-test: ok ") for line in lines[:-1]), lines
    text = out.getvalue()
    for step in ("bundle files", "licences", "sync of the samples", "translations", "icons",
                 "render Parameters > Taxes", "render Finance", "render in French",
                 "render About"):  # fmt: skip
        assert f"self-test: ok {step} " in text
    assert lines[-1].startswith("self-test: passed in ")


def test_a_failing_step_is_named_and_exits_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> str:
        raise SelfTestError("missing or empty: resources/style/app.qss")

    monkeypatch.setattr(self_test, "check_bundle_files", broken)
    out = io.StringIO()
    assert self_test.run_self_test(out) == 1
    text = out.getvalue()
    assert "self-test: FAILED bundle files: SelfTestError: missing or empty" in text
    assert "render Finance" not in text  # later steps do not run
    assert text.splitlines()[-1] == "self-test: stopped at step 'bundle files'"
