"""A document's PDF: where it is, its SHA-256 (its version) and the checks QuickBooks implies."""

from __future__ import annotations

import enum
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from qbconnector.core.texts import Text, text

PDF_MAGIC = b"%PDF-"
# QuickBooks takes attachments up to 100 MB (the sandbox reads it as MiB, the larger reading;
# docs/sandbox.md "Attachments"): a bigger file is refused before anything is sent.
MAX_PDF_BYTES = 100 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PdfFile:
    """The PDF FlowFit gave with a document, as it was when imported (or downloaded).

    ``sha256`` names the version: the same hash is attached once; a new hash is a new version.
    """

    path: str  # absolute
    sha256: str
    size: int

    @property
    def file_name(self) -> str:
        """The attachment's name in QuickBooks: the file's own name, always ending in .pdf."""
        name = Path(self.path).name.replace('"', "'")
        name = "".join(char for char in name if char.isprintable()) or "document.pdf"
        return name if name.lower().endswith(".pdf") else name + ".pdf"


class PdfProblem(enum.StrEnum):
    """Why a PDF cannot go along (the planner's blockers of the same names)."""

    UNREADABLE = "pdf-unreadable"  # missing, not a file, or cannot be read
    NOT_PDF = "pdf-not-pdf"
    TOO_BIG = "pdf-too-big"
    CHANGED = "pdf-changed"  # not the file that was imported any more


class PdfError(ValueError):
    """A PDF that cannot be used; ``problem`` and ``sentence`` say why and what to do."""

    def __init__(self, problem: PdfProblem, sentence: Text) -> None:
        super().__init__(str(sentence))
        self.problem = problem
        self.sentence = sentence


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _open_regular(path: Path) -> tuple[int, os.stat_result]:
    """An open descriptor on a regular file; PdfError when it is missing or is not one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PdfError(PdfProblem.UNREADABLE, text(
            "The PDF {path} does not exist: put it back, or give the path of the PDF as it "
            "is now and import the document again.", path=path)) from None  # fmt: skip
    except OSError as error:
        raise PdfError(PdfProblem.UNREADABLE, text(
            "The PDF {path} cannot be read ({reason}): check its permissions.",
            path=path, reason=error.strerror or type(error).__name__)) from None  # fmt: skip
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise PdfError(PdfProblem.UNREADABLE, text(
            "{path} is not a file (a folder or a device): give the path of the document's "
            "PDF.", path=path))  # fmt: skip
    return fd, info


def _check_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise PdfError(PdfProblem.TOO_BIG, text(
            "The PDF {path} is {size} MB; QuickBooks takes attachments of at most {limit} MB. "
            "Make it smaller (print it again with compressed images) and import it again.",
            path=path, size=megabytes(size), limit=megabytes(limit)))  # fmt: skip
    if size == 0:
        raise PdfError(PdfProblem.NOT_PDF, text(
            "The PDF {path} is empty: give the document's real PDF.", path=path))  # fmt: skip


def _not_pdf(path: Path) -> PdfError:
    return PdfError(PdfProblem.NOT_PDF, text(
        "{path} is not a PDF (it does not start with %PDF-): give the document's PDF, not "
        "another kind of file renamed.", path=path))  # fmt: skip


def inspect_pdf(path: Path, limit: int = MAX_PDF_BYTES) -> PdfFile:
    """Check ``path`` (a regular file, a PDF by its first bytes, within ``limit``) and hash it."""
    fd, info = _open_regular(path)
    try:
        _check_size(path, info.st_size, limit)
        digest = hashlib.sha256()
        size = 0
        while chunk := os.read(fd, _CHUNK):
            if size == 0 and not chunk.startswith(PDF_MAGIC):
                raise _not_pdf(path)
            size += len(chunk)
            _check_size(path, size, limit)  # it grew while we read it
            digest.update(chunk)
    finally:
        os.close(fd)
    return PdfFile(str(Path(path).absolute()), digest.hexdigest(), size)


def quick_problem(pdf: PdfFile, limit: int = MAX_PDF_BYTES) -> PdfError | None:
    """What stat and the first bytes tell of ``pdf`` now (cheap: the planner runs it often);
    the hash is compared when the file is read to be sent (:func:`read_pdf`)."""
    path = Path(pdf.path)
    try:
        fd, info = _open_regular(path)
    except PdfError as error:
        return error
    try:
        _check_size(path, info.st_size, limit)
        if not os.read(fd, len(PDF_MAGIC)).startswith(PDF_MAGIC):
            return _not_pdf(path)
    except PdfError as error:
        return error
    except OSError as error:
        return PdfError(PdfProblem.UNREADABLE, text(
            "The PDF {path} cannot be read ({reason}): check its permissions.",
            path=path, reason=error.strerror or type(error).__name__))  # fmt: skip
    finally:
        os.close(fd)
    if info.st_size != pdf.size:
        return changed(pdf)
    return None


def changed(pdf: PdfFile) -> PdfError:
    return PdfError(PdfProblem.CHANGED, text(
        "The PDF {path} changed since the document was imported: import the document again "
        "so that the new version goes along.", path=pdf.path))  # fmt: skip


def read_pdf(pdf: PdfFile, limit: int = MAX_PDF_BYTES) -> bytes:
    """The PDF's bytes, exactly the version imported; PdfError otherwise."""
    problem = quick_problem(pdf, limit)
    if problem is not None:
        raise problem
    try:
        data = Path(pdf.path).read_bytes()
    except OSError as error:
        raise PdfError(PdfProblem.UNREADABLE, text(
            "The PDF {path} cannot be read ({reason}): check its permissions.",
            path=pdf.path, reason=error.strerror or type(error).__name__)) from None  # fmt: skip
    if hashlib.sha256(data).hexdigest() != pdf.sha256:
        raise changed(pdf)
    return data
