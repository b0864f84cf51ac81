"""The libraries a qbconnector package ships, with their licences, for the About dialog."""

from __future__ import annotations

import functools
import importlib.metadata
import platform
from dataclasses import dataclass

from qbconnector.core.resources import resource_path

# (shown name, distribution name for the version, SPDX licence); Qt itself is named by the UI.
_BUNDLED: tuple[tuple[str, str, str], ...] = (
    ("PySide6 (Qt for Python)", "PySide6_Essentials", "LGPL-3.0-only"),
    ("shiboken6", "shiboken6", "LGPL-3.0-only"),
    ("requests", "requests", "Apache-2.0"),
    ("urllib3", "urllib3", "MIT"),
    ("idna", "idna", "BSD-3-Clause"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("certifi (Mozilla's CA bundle)", "certifi", "MPL-2.0"),
    ("intuit-oauth", "intuit-oauth", "Apache-2.0"),
    ("requests-oauthlib", "requests-oauthlib", "ISC"),
    ("oauthlib", "oauthlib", "BSD-3-Clause"),
    ("PyJWT", "PyJWT", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("cffi", "cffi", "MIT-0"),
    ("platformdirs", "platformdirs", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("jaraco.classes, jaraco.context, jaraco.functools", "jaraco.functools", "MIT"),
    ("more-itertools", "more-itertools", "MIT"),
    ("SecretStorage (Linux)", "SecretStorage", "BSD-3-Clause"),
    ("jeepney (Linux)", "jeepney", "MIT"),
)


@dataclass(frozen=True)
class Library:
    """One shipped library: its name, version ("" when unknown) and licence."""

    name: str
    version: str
    licence: str


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return ""


@functools.cache
def bundled_libraries() -> tuple[Library, ...]:
    """Python and the libraries above, with the versions installed (read once)."""
    python = Library("Python", platform.python_version(), "PSF-2.0")
    return (python, *(Library(name, _version(dist), spdx) for name, dist, spdx in _BUNDLED))


def licence_texts_dir() -> str:
    """The folder holding the full texts of the LGPL and GPL shipped with the package."""
    return str(resource_path("licences"))
