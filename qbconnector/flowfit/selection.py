"""Which FlowFit documents a sync takes, and telling the user about numbers not found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import BadInputError


@dataclass(frozen=True)
class Selection:
    """Which documents a sync takes.

    With ``numbers``, exactly those (whatever their status: drafts are then reported blocked);
    otherwise every approved document, updated at or after ``updated_since`` when given.
    """

    kinds: tuple[DocumentKind, ...] = tuple(DocumentKind)
    numbers: tuple[str, ...] = ()
    updated_since: dt.datetime | None = None


def missing_numbers(selection: Selection, documents: Sequence[Document]) -> list[str]:
    """Numbers asked for that no document of the chosen kinds has."""
    found = {document.number for document in documents}
    return [number for number in selection.numbers if number not in found]


def check_all_found(selection: Selection, documents: Sequence[Document], where: str) -> None:
    """Refuse a selection naming documents that ``where`` does not have."""
    missing = missing_numbers(selection, documents)
    if missing:
        kinds = " or ".join(kind.value for kind in selection.kinds)
        raise BadInputError(f"No {kinds} numbered {', '.join(missing)} in {where}.")
