"""Building QuickBooks query text: string literals, WHERE clauses and paging clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PAGE_SIZE = 1000  # the most rows one query response may carry

# Characters QuickBooks' query lexer is reported to reject even inside a quoted literal.
_UNSEARCHABLE_CHARACTERS = ("\u2019",)
_PAGING_CLAUSE = re.compile(r"\b(STARTPOSITION|MAXRESULTS)\b", re.IGNORECASE)
_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.]*$")


class UnsearchableValueError(ValueError):
    """The value cannot be written as an exact QuickBooks string literal."""


def quote_literal(value: str) -> str:
    """``value`` as a quoted literal: backslash and single quote are backslash-escaped.

    ``O'Brien`` becomes ``'O\\'Brien'``. QuickBooks' parser rejects a literal whose value ends
    in a backslash and one containing U+2019 (typographic apostrophe), escaped or not, so
    those raise :class:`UnsearchableValueError`; :func:`where_equals` falls back to LIKE.
    """
    if value.endswith("\\"):
        raise UnsearchableValueError("a value ending in a backslash cannot be matched exactly")
    if any(character in value for character in _UNSEARCHABLE_CHARACTERS):
        raise UnsearchableValueError("a value containing ’ (U+2019) cannot be matched exactly")
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


@dataclass(frozen=True)
class WhereCondition:
    """A condition to put after WHERE; when ``exact`` is False it matches a superset of rows,
    and the caller keeps only the rows whose field equals the value (see :meth:`keeps`)."""

    text: str
    field: str
    value: str
    exact: bool

    def keeps(self, row: dict[str, object]) -> bool:
        """Whether a returned row really has the value (needed when ``exact`` is False)."""
        current: object = row
        for part in self.field.split("."):
            current = current.get(part) if isinstance(current, dict) else None
        return current == self.value


def where_equals(field: str, value: str) -> WhereCondition:
    """``field = 'value'``, or, for a value no literal can hold, a LIKE that over-matches.

    The LIKE form puts ``%`` in place of each U+2019 and of trailing backslashes, so
    ``O’Brien`` is searched as ``LIKE 'O%Brien'`` and ``Acme\\`` as ``LIKE 'Acme%'``.
    """
    if not _FIELD_NAME.match(field):
        raise ValueError(f"not a QuickBooks field name: {field!r}")
    try:
        return WhereCondition(f"{field} = {quote_literal(value)}", field, value, exact=True)
    except UnsearchableValueError:
        pattern = value.rstrip("\\")
        for character in _UNSEARCHABLE_CHARACTERS:
            pattern = pattern.replace(character, "%")
        pattern = pattern.replace("\\", "\\\\").replace("'", "\\'")
        if value.endswith("\\"):
            pattern += "%"
        return WhereCondition(f"{field} LIKE '{pattern}'", field, value, exact=False)


def has_paging_clause(select: str) -> bool:
    """Whether the statement already says STARTPOSITION or MAXRESULTS (outside literals)."""
    without_literals = re.sub(r"'(?:[^'\\]|\\.)*'", "''", select)
    return bool(_PAGING_CLAUSE.search(without_literals))


def page_statement(select: str, start_position: int, page_size: int) -> str:
    """The statement for one page; ``start_position`` counts from 1."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page size must be 1..{MAX_PAGE_SIZE}")
    return f"{select.rstrip().rstrip(';')} STARTPOSITION {start_position} MAXRESULTS {page_size}"
