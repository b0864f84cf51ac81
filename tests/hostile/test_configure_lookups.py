"""`configure` asks QuickBooks before it writes: a refused look-up leaves every file as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbconnector.sandbox.server import SandboxServer
from tests.hostile.sandbox_profile import connect, service_ids
from tests.hostile.support import assert_clean_failure, assert_unchanged, run, snapshot

# A token QuickBooks rotates during the look-up is kept (the old one may no longer work).
ROTATES_TOKENS = {"unknown-name-with-token"}
REALM_REFUSED = {"unknown-name-with-realm", "unknown-id-with-realm"}
CASES: dict[str, tuple[tuple[str, ...], str]] = {
    "unknown-name": (("--service", "Proofreading"), "no active service with that name"),
    "unknown-name-with-realm": (
        ("--realm-id", "555", "--service", "Proofreading"),
        "not authorized for realm 555",
    ),
    "unknown-name-with-token": (
        ("--access-token=AT-brand-new", "--service", "Proofreading"),
        "no active service",
    ),
    "unknown-name-with-template": (
        ("--invoice-description", "Invoice", "--service", "Nope"),
        "no active service",
    ),
    "unknown-id": (("--service", "987654"), "no service with the Id 987654"),
    "unknown-id-with-realm": (
        ("--realm-id", "555", "--service", "987654"),
        "not authorized for realm 555",
    ),
    "unknown-mapped-id": (("--map-service", "DTP=987654"), "no service with the Id"),
    "unknown-mapped-id-among-good": (
        ("--map-service", "DTP=987654", "--posting-mode", "itemized"),
        "no service with the Id",
    ),
    "inactive-id": (("--service", "@inactive"), "inactive"),
    "inactive-name": (("--service", "Interpreting"), "no active service"),
    "inactive-mapped-id": (("--map-service", "DTP=@inactive"), "inactive"),
}


def _deactivate(server: SandboxServer, name: str) -> str:
    item = next(item for item in server.entities("Item") if item["Name"] == name)
    server.company.state.put("Item", {**item, "Active": False})
    return str(item["Id"])


@pytest.mark.parametrize("case", CASES)
def test_a_refused_look_up_saves_nothing(
    profile_dir: Path, sandbox: SandboxServer, case: str
) -> None:
    profile = Path(profile_dir)
    connect(profile, sandbox)
    inactive = _deactivate(sandbox, "Interpreting")
    options, needle = CASES[case]
    options = tuple(option.replace("@inactive", inactive) for option in options)
    before = snapshot(profile)
    result = run("--profile", str(profile), "configure", *options)
    assert_clean_failure(result, 3 if case in REALM_REFUSED else 2, needle, "nothing was saved")
    assert_unchanged(before, profile, *(["secrets.json"] if case in ROTATES_TOKENS else []))


def test_a_known_id_is_saved(profile_dir: Path, sandbox: SandboxServer) -> None:
    profile = Path(profile_dir)
    connect(profile, sandbox)
    revision = service_ids(sandbox)["Revision"]
    result = run("--profile", str(profile), "configure", "--map-service", f"DTP={revision}")
    assert result.code == 0, result.text
    assert f'"DTP": "{revision}"' in (profile / "settings.json").read_text()
