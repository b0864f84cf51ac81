"""Pre-flight of a document's PDF: present, a PDF, within QuickBooks' size, the file imported."""

from __future__ import annotations

from qbconnector.core.documents import Document
from qbconnector.core.pdf_file import MAX_PDF_BYTES, quick_problem
from qbconnector.core.texts import Text


def pdf_problems(document: Document, limit: int = MAX_PDF_BYTES) -> list[tuple[str, Text]]:
    """(blocker name, sentence) for a PDF that cannot go along; empty when it can (or none).

    Only stat and the first bytes are read (the planner runs often); the hash is compared
    when the file is read to be uploaded."""
    if document.pdf is None:
        return []
    problem = quick_problem(document.pdf, limit)
    return [] if problem is None else [(problem.problem.value, problem.sentence)]
