"""The Qt-free steps of ``qbconnector --self-test``: bundled files, TLS and crypto, a small sync."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from qbconnector.core.documents import Document, DocumentStatus
from qbconnector.core.licences import bundled_libraries, licence_texts_dir
from qbconnector.core.resources import resource_path, resources_dir
from qbconnector.demo import DemoEnvironment, samples_file
from qbconnector.flowfit.importer import read_documents
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import open_vault
from qbconnector.sync.remote import RemoteSession

ICONS = ("app.svg", "parameters.svg", "finance.svg", "eye.svg", "eye-off.svg")


class SelfTestError(Exception):
    """A step found something wrong; the message says what."""


@dataclass
class StepRunner:
    """Runs named steps in order, one line each on ``out``; stops at the first failure."""

    out: TextIO | None = field(default_factory=lambda: sys.stdout)
    failed: str | None = None
    started: float = field(default_factory=time.perf_counter)

    def step(self, name: str, check: Callable[[], str]) -> bool:
        """Run ``check`` (it returns a short detail) unless an earlier step failed."""
        if self.failed is not None:
            return False
        begin = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # noqa: BLE001 - any failure is reported with its step
            self.failed = name
            self._say(f"self-test: FAILED {name}: {type(error).__name__}: {error}")
            return False
        self._say(f"self-test: ok {name} ({time.perf_counter() - begin:.2f} s) {detail}".rstrip())
        return True

    def finish(self) -> int:
        """0 when every step passed, else 1 (the failed step was already named)."""
        if self.failed is None:
            self._say(f"self-test: passed in {time.perf_counter() - self.started:.2f} s")
            return 0
        self._say(f"self-test: stopped at step '{self.failed}'")
        return 1

    def _say(self, line: str) -> None:
        if self.out is not None:  # a windowed Windows build has no stdout: the exit code tells
            print(line, file=self.out, flush=True)


def check_bundle_files() -> str:
    """The JSON Schema parses; the style sheet, icons, samples and translation exist."""
    schema = json.loads(resource_path("document.schema.json").read_text(encoding="utf-8"))
    if not isinstance(schema, dict) or "$schema" not in schema:
        raise SelfTestError("document.schema.json is not a JSON Schema")
    wanted = [
        resource_path("style", "app.qss"),
        resource_path("translations", "qbconnector_fr.qm"),
        samples_file(),
        *(resource_path("icons", name) for name in ICONS),
    ]
    missing = [str(path) for path in wanted if not path.is_file() or path.stat().st_size == 0]
    if missing:
        raise SelfTestError(f"missing or empty: {', '.join(missing)}")
    return f"from {resources_dir()}"


def check_tls_and_crypto() -> str:
    """certifi's CA bundle is there and PyJWT has its crypto backend (intuit-oauth needs it)."""
    import certifi
    import jwt.algorithms

    bundle = certifi.where()
    with open(bundle, encoding="ascii") as handle:
        if "BEGIN CERTIFICATE" not in handle.read(4096):
            raise SelfTestError(f"{bundle} holds no certificate")
    if not jwt.algorithms.has_crypto:
        raise SelfTestError("PyJWT has no cryptography backend")
    return "certifi CA bundle, PyJWT with cryptography"


def check_licences() -> str:
    """The About dialog's data: every shipped library's version, the LGPL and GPL texts."""
    linux_only = "(Linux)"
    libraries = [
        lib for lib in bundled_libraries()
        if sys.platform.startswith("linux") or linux_only not in lib.name
    ]  # fmt: skip
    unknown = [lib.name for lib in libraries if not lib.version]
    if unknown:
        raise SelfTestError(f"no version (metadata not bundled) for: {', '.join(unknown)}")
    folder = Path(licence_texts_dir())
    missing = [name for name in ("LGPL-3.0.txt", "GPL-3.0.txt") if not (folder / name).is_file()]
    if missing:
        raise SelfTestError(f"licence texts missing from {folder}: {', '.join(missing)}")
    return f"{len(libraries)} libraries with versions, LGPL and GPL texts"


def sample_documents() -> list[Document]:
    return read_documents(samples_file())


def sync_samples(demo: DemoEnvironment) -> str:
    """Push the approved sample documents to the demo's sandbox from a sync process of its
    own, as the window does (in a frozen app this proves the child process starts)."""
    profile = demo.profile
    settings = SettingsFile(profile.settings_file).load().settings
    vault = open_vault(profile, prefer_file=True)
    approved = [doc for doc in sample_documents() if doc.status is DocumentStatus.APPROVED]
    if not approved:
        raise SelfTestError("the samples hold no approved document")
    session = RemoteSession(profile, settings, vault.store)
    try:
        report = session.run(approved)
    finally:
        session.close()
    synced = sum(1 for result in report.results if result.outcome.synced)
    if synced == 0 or report.stopped:
        raise SelfTestError(f"nothing synced: {report.summary_line()}")
    return f"{report.summary_line()} (in a sync process of its own)"
