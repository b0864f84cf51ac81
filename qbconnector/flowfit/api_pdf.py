"""PDFs named by the FlowFit API (``pdf_url``): fetched with the API's session, kept by SHA-256."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from qbconnector.core.pdf_file import MAX_PDF_BYTES, PdfError, PdfFile, inspect_pdf, megabytes

_CHUNK = 1 << 16


class PdfDownloadError(Exception):
    """The PDF could not be fetched or is not usable; the message says which and why."""


def resolve_url(account_url: str, pdf_url: str) -> str:
    """``pdf_url`` as an absolute URL: relative ones are read against the account's URL. Only
    the API's own server is asked (the session's credentials never go elsewhere)."""
    absolute = urljoin(account_url.rstrip("/") + "/", pdf_url)
    ours, theirs = urlsplit(account_url), urlsplit(absolute)
    if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
        raise PdfDownloadError(
            f"pdf_url {pdf_url!r} is not on the FlowFit API's server ({ours.netloc}): FlowFit "
            "serves a document's PDF from its own address"
        )
    return absolute


def fetch_pdf(
    session: requests.Session,
    url: str,
    folder: Path,
    timeout: tuple[float, float],
    limit: int = MAX_PDF_BYTES,
) -> PdfFile:
    """Download ``url`` into ``folder`` as ``<sha256>.pdf`` (one file per version)."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, part_name = tempfile.mkstemp(dir=folder, suffix=".part")
    part = Path(part_name)
    try:
        _stream(session, url, handle, timeout, limit)
        checked = inspect_pdf(part, limit)
        final = folder / f"{checked.sha256}.pdf"
        os.replace(part, final)
        return PdfFile(str(final.absolute()), checked.sha256, checked.size)
    except PdfError as error:
        raise PdfDownloadError(str(error)) from None
    finally:
        part.unlink(missing_ok=True)


def _stream(
    session: requests.Session, url: str, handle: int, timeout: tuple[float, float], limit: int
) -> None:
    size = 0
    with os.fdopen(handle, "wb") as out:
        try:
            with session.get(url, timeout=timeout, stream=True) as response:
                if response.status_code != 200:
                    raise PdfDownloadError(f"its pdf_url answered HTTP {response.status_code}")
                for chunk in response.iter_content(_CHUNK):
                    size += len(chunk)
                    if size > limit:  # never more than QuickBooks would take on disk
                        raise PdfDownloadError(
                            f"its PDF is over {megabytes(limit)} MB, QuickBooks' limit for an "
                            "attachment: make it smaller in FlowFit"
                        )
                    out.write(chunk)
        except requests.RequestException as error:
            raise PdfDownloadError(
                f"its pdf_url cannot be fetched ({type(error).__name__})"
            ) from None
        out.flush()
        os.fsync(out.fileno())
