"""`sync --push-anyway NUMBER`: which held documents the user lets overwrite QuickBooks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import BadInputError
from qbconnector.sync.results import DocumentResult

Key = tuple[DocumentKind, str]
_KINDS = {kind.value: kind for kind in DocumentKind}


def parse_target(given: str) -> tuple[DocumentKind | None, str]:
    """``NUMBER`` or ``KIND:NUMBER`` (``invoice:INV-1042``, ``quote:Q-7``)."""
    prefix, colon, rest = given.partition(":")
    if colon and prefix.strip().lower() in _KINDS and rest:
        return _KINDS[prefix.strip().lower()], rest
    return None, given


def overwrite_keys(targets: Iterable[str], documents: Sequence[Document]) -> frozenset[Key]:
    """The keys named by ``--push-anyway``; a number naming no document given, or both an
    invoice and a quote, is refused with what to type instead."""
    keys: set[Key] = set()
    for given in targets:
        kind, number = parse_target(given)
        found = [doc.key for doc in documents
                 if doc.number == number and (kind is None or doc.kind is kind)]  # fmt: skip
        if not found:
            raise BadInputError(
                f"--push-anyway {given}: no document numbered {number} is among those "
                "synchronized. Name it with --kind, or give its number to sync as well."
            )
        if len(found) > 1:
            raise BadInputError(
                f"--push-anyway {given}: both an invoice and a quote are numbered {number}; "
                f"write --push-anyway invoice:{number} or --push-anyway quote:{number}."
            )
        keys.add(found[0])
    return frozenset(keys)


def hint(result: DocumentResult, results: Sequence[DocumentResult]) -> str:
    """The command that pushes a held document anyway (KIND:NUMBER when the number is shared)."""
    shared = any(other.number == result.number and other.kind is not result.kind
                 for other in results)  # fmt: skip
    target = f"{result.kind.value}:{result.number}" if shared else result.number
    return f"qbconnector sync --push-anyway {target}"
