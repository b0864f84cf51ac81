"""A hostile-suite profile connected to a real loopback sandbox, configured in-process."""

from __future__ import annotations

from pathlib import Path

from qbconnector.sandbox.server import SandboxServer
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
    imported = run("--profile", str(profile), "import", str(SAMPLES / "sample-documents.json"))
    assert imported.code == 0, imported.text
    # SQLite's PRAGMA optimize records its statistics at the first reads; settle them now so
    # that a later read-only command leaves every byte as it was.
    for command in (("status",), ("documents",)):
        run("--profile", str(profile), *command)
