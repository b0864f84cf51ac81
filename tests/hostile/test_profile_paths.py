"""--profile and QBCONNECTOR_PROFILE values no folder can be made of: refused, nothing created."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.support import DRY_RUN, assert_clean_failure, run

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

COMMANDS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "status-json": ("status", "--json"),
    "documents": ("documents",),
    "configure": ("configure", "--realm-id", "123"),
    "sync": DRY_RUN,
    "import": ("import", str(SAMPLES / "sample-documents.json")),
}


def _a_file(tmp: Path) -> str:
    (tmp / "plain.txt").write_text("I am a file\n")
    return str(tmp / "plain.txt")


def _below_a_file(tmp: Path) -> str:
    (tmp / "plain.txt").write_text("I am a file\n")
    return str(tmp / "plain.txt" / "profile")


def _deep_below_a_file(tmp: Path) -> str:
    (tmp / "plain.txt").write_text("I am a file\n")
    return str(tmp / "plain.txt" / "a" / "b" / "c")


def _too_long(tmp: Path) -> str:
    return str(tmp / "/".join(["d" * 200] * 25))  # ~5,000 characters, over PATH_MAX


def _name_too_long(tmp: Path) -> str:
    return str(tmp / ("n" * 300))


PATHS: dict[str, tuple[Callable[[Path], str], str]] = {
    "a-file": (_a_file, "is a file, not a folder"),
    "below-a-file": (_below_a_file, "which is a file"),
    "deep-below-a-file": (_deep_below_a_file, "which is a file"),
    "longer-than-path-max": (_too_long, "too long"),
    "name-longer-than-name-max": (_name_too_long, "too long"),
    "empty": (lambda tmp: "", "--profile is empty"),
    "blank": (lambda tmp: "   ", "--profile is empty"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", PATHS)
def test_an_unusable_profile_path_is_refused(tmp_path: Path, case: str, command: str) -> None:
    make, message = PATHS[case]
    value = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("--profile", value, *COMMANDS[command])
    assert_clean_failure(result, 2, message)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing created
    if case.startswith(("a-file", "below", "deep")):
        assert (tmp_path / "plain.txt").read_text() == "I am a file\n"


@pytest.mark.parametrize("case", ["a-file", "below-a-file"])
def test_the_environment_variable_is_checked_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    monkeypatch.setenv("QBCONNECTOR_PROFILE", PATHS[case][0](tmp_path))
    result = run("status")
    assert_clean_failure(result, 2, "QBCONNECTOR_PROFILE", PATHS[case][1])


SYSTEM_PATHS = {
    "in-proc": ("/proc/qbconnector-hostile", "/proc/qbconnector-hostile"),
    "in-sys": ("/sys/qbconnector-hostile", "not permitted"),
    "dev-null": ("/dev/null", "is a file, not a folder"),
    "below-dev-null": ("/dev/null/profile", "which is a file"),
}


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="Linux system folders")
@pytest.mark.parametrize("command", ["status", "configure", "import"])
@pytest.mark.parametrize("case", SYSTEM_PATHS)
def test_a_profile_where_no_folder_can_be_made(case: str, command: str) -> None:
    value, message = SYSTEM_PATHS[case]
    result = run("--profile", value, *COMMANDS[command])
    assert_clean_failure(result, 2, message)
