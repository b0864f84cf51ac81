"""A hostile-suite profile connected to a real loopback sandbox, configured in-process."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from qbconnector.flowfit.samples import tax_definitions
from qbconnector.sandbox.connect import suggested_tax_settings
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.settings_file import SettingsFile
from tests.hostile.support import run

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def service_ids(server: SandboxServer) -> dict[str, str]:
    return {str(item["Name"]): str(item["Id"]) for item in server.entities("Item")}


def connect(profile: Path, server: SandboxServer, *extra: str) -> None:
    """Point ``profile`` at ``server`` with a fresh grant and the Translation service."""
    grant = server.issue_tokens()
    done = run(
        "--profile", str(profile), "configure", "--enabled", "--environment", "custom",
        "--api-base-url", server.api_base_url, "--discovery-url", server.discovery_url,
        "--realm-id", server.realm_id, "--client-id", server.client_id,
        f"--client-secret={server.client_secret}", f"--refresh-token={grant['refresh_token']}",
        f"--access-token={grant['access_token']}",
        "--service", service_ids(server)["Translation"], *extra,
    )  # fmt: skip
    assert done.code == 0, done.text
    # The samples' taxes mapped as the Taxes tab suggests (no request: the hard-throttled
    # sandbox of some cases would make a look-up wait).
    settings_file = SettingsFile(profile / "settings.json")
    settings = settings_file.load().settings
    taxes = suggested_tax_settings(server.entities, tax_definitions())
    settings_file.save(dataclasses.replace(settings, taxes=taxes))
    imported = run("--profile", str(profile), "import", str(SAMPLES / "sample-documents.json"))
    assert imported.code == 0, imported.text
    # SQLite's PRAGMA optimize records its statistics at the first reads; settle them now so
    # that a later read-only command leaves every byte as it was.
    for command in (("status",), ("documents",)):
        run("--profile", str(profile), *command)
