"""The FlowFit variables a description naming convention can use, with labels and bounds."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

from qbconnector.core.documents import (
    Client,
    Document,
    DocumentKind,
    DocumentStatus,
    Line,
    Project,
    to_cents,
)

Language = Literal["en", "fr"]
BOTH_KINDS = frozenset(DocumentKind)


class VariableGroup(enum.StrEnum):
    """The sections of the ＋ menu, in menu order."""

    PROJECT = "project"
    CLIENT = "client"
    DOCUMENT = "document"
    DATE = "date"

    def label(self, language: str) -> str:
        """The group heading in ``language`` ("en" or "fr"; anything else falls back to English)."""
        english, french = _GROUP_LABELS[self]
        return french if language == "fr" else english


_GROUP_LABELS: dict[VariableGroup, tuple[str, str]] = {
    VariableGroup.PROJECT: ("Project", "Projet"),
    VariableGroup.CLIENT: ("Client", "Client"),
    VariableGroup.DOCUMENT: ("Document", "Document"),
    VariableGroup.DATE: ("Date", "Date"),
}


@dataclass(frozen=True)
class VariableSpec:
    """One FlowFit variable: its tag name, labels, menu group, bound and value.

    ``max_length`` is the longest rendering we plan for (FlowFit's field sizes, ISO dates,
    QuickBooks' 21-character DocNumber); it feeds the "longest possible rendering" estimate.
    """

    name: str
    group: VariableGroup
    label_en: str
    label_fr: str
    max_length: int
    kinds: frozenset[DocumentKind]
    value: Callable[[Document], str]

    def label(self, language: str) -> str:
        """The label in ``language`` ("en" or "fr"; anything else falls back to English)."""
        return self.label_fr if language == "fr" else self.label_en

    def applies_to(self, kind: DocumentKind) -> bool:
        """Whether documents of ``kind`` have this value (due dates are for invoices only...)."""
        return kind in self.kinds

    @property
    def tag(self) -> str:
        """The text form, e.g. ``%PROJECT_NUMBER%``."""
        return f"%{self.name}%"


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


def _total(document: Document) -> str:
    return f"{to_cents(document.subtotal):.2f} {document.currency}"


def _spec(
    name: str,
    group: VariableGroup,
    labels: tuple[str, str],
    max_length: int,
    value: Callable[[Document], str | None],
    kinds: frozenset[DocumentKind] = BOTH_KINDS,
) -> VariableSpec:
    def rendered(document: Document) -> str:
        return value(document) or ""

    return VariableSpec(name, group, labels[0], labels[1], max_length, kinds, rendered)


_P, _C, _D, _T = (
    VariableGroup.PROJECT,
    VariableGroup.CLIENT,
    VariableGroup.DOCUMENT,
    VariableGroup.DATE,
)
_INVOICE = frozenset({DocumentKind.INVOICE})
_QUOTE = frozenset({DocumentKind.QUOTE})

_SPECS = (
    _spec("PROJECT_NUMBER", _P, ("Project number", "Numéro de projet"), 30,
          lambda d: d.project.number),
    _spec("PROJECT_NAME", _P, ("Project name", "Nom du projet"), 100, lambda d: d.project.name),
    _spec("PROJECT_MANAGER", _P, ("Project manager", "Gestionnaire de projet"), 100,
          lambda d: d.project.manager),
    _spec("SOURCE_LANGUAGE", _P, ("Source language", "Langue source"), 15,
          lambda d: d.project.source_language),
    _spec("TARGET_LANGUAGES", _P, ("Target languages", "Langues cibles"), 200,
          lambda d: ", ".join(d.project.target_languages)),
    _spec("CLIENT_CODE", _C, ("Client code", "Code client"), 30, lambda d: d.client.code),
    _spec("CLIENT_NAME", _C, ("Client name", "Nom du client"), 100, lambda d: d.client.name),
    _spec("CLIENT_PO", _C, ("Client PO", "Bon de commande client"), 50,
          lambda d: d.project.client_po),
    _spec("DOCUMENT_NUMBER", _D, ("Document number", "Numéro du document"), 21,
          lambda d: d.number),
    _spec("CURRENCY", _D, ("Currency", "Devise"), 3, lambda d: d.currency),
    _spec("TOTAL", _D, ("Total", "Total"), 24, _total),
    _spec("DOCUMENT_DATE", _T, ("Document date", "Date du document"), 10,
          lambda d: _iso(d.date)),
    _spec("DUE_DATE", _T, ("Due date", "Date d'échéance"), 10, lambda d: _iso(d.due_date),
          _INVOICE),
    _spec("VALID_UNTIL", _T, ("Valid until", "Valide jusqu'au"), 10,
          lambda d: _iso(d.valid_until), _QUOTE),
    _spec("YYYY", _T, ("Year (YYYY)", "Année (AAAA)"), 4, lambda d: f"{d.date.year:04d}"),
    _spec("YY", _T, ("Year (YY)", "Année (AA)"), 2, lambda d: f"{d.date.year % 100:02d}"),
    _spec("MM", _T, ("Month (MM)", "Mois (MM)"), 2, lambda d: f"{d.date.month:02d}"),
    _spec("DD", _T, ("Day (DD)", "Jour (JJ)"), 2, lambda d: f"{d.date.day:02d}"),
)  # fmt: skip

VARIABLES: Mapping[str, VariableSpec] = MappingProxyType({spec.name: spec for spec in _SPECS})


def variables_for(kind: DocumentKind | None = None) -> tuple[VariableSpec, ...]:
    """Variables in menu order (grouped, then as listed), limited to ``kind`` when given."""
    order = list(VariableGroup)
    chosen = [spec for spec in _SPECS if kind is None or spec.applies_to(kind)]
    return tuple(sorted(chosen, key=lambda spec: order.index(spec.group)))


def sample_document(kind: DocumentKind = DocumentKind.INVOICE) -> Document:
    """A realistic document to preview a naming convention with before real data exists."""
    date = dt.date(2025, 3, 14)
    is_invoice = kind is DocumentKind.INVOICE
    return Document(
        kind=kind,
        number="INV-1042" if is_invoice else "Q-0387",
        status=DocumentStatus.APPROVED,
        date=date,
        currency="CAD",
        client=Client(code="ACME", name="Acme Translation Inc."),
        project=Project(
            number="P-2025-0117",
            name="Website localization",
            client_po="PO-7781",
            manager="Julie Tremblay",
            source_language="en-CA",
            target_languages=("fr-CA", "es-MX"),
        ),
        lines=(
            Line("TRA", "Translation", Decimal("4100"), Decimal("0.25"), "word"),
            Line("REV", "Revision", Decimal("3"), Decimal("70.00"), "hour"),
        ),
        due_date=date + dt.timedelta(days=30) if is_invoice else None,
        valid_until=None if is_invoice else date + dt.timedelta(days=60),
    )
