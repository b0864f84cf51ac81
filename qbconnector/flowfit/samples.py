"""Realistic, varied FlowFit documents made up deterministically, for demos and benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from qbconnector.core.documents import (
    Client,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentTax,
    Line,
    Project,
    TaxComponent,
    to_cents,
)

# The taxes a Québec firm bills (FlowFit's simple and compound taxes): name, components.
QUEBEC_TAXES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "TPS-TVQ": ("GST + QST", (("GST", "5"), ("QST", "9.975"))),
    "TVH-ON": ("HST Ontario", (("HST", "13"),)),
    "TPS-TVP-BC": ("GST + PST BC", (("GST", "5"), ("PST", "7"))),
}


@dataclass(frozen=True)
class _Customer:
    client: Client
    currency: str
    source: str
    targets: tuple[str, ...]
    tax: str | None = None  # a key of QUEBEC_TAXES; None: billed without tax (abroad)


_CUSTOMERS = (
    _Customer(Client("ACME", "Acme Traductions inc.", "factures@acme-traductions.ca", "fr"),
              "CAD", "en", ("fr-CA",), "TPS-TVQ"),
    _Customer(Client("ATELIER", "L'Atelier du Plateau", "compta@atelierduplateau.ca", "fr"),
              "CAD", "en", ("fr-CA",), "TPS-TVQ"),
    _Customer(Client("MTLMUSEE", "Musée d'art de Montréal", "fournisseurs@mam.qc.ca", "fr"),
              "CAD", "fr", ("en-CA", "es"), "TPS-TVQ"),
    _Customer(Client("BOREAL", "Boréal Assurances", None, "fr"), "CAD", "en", ("fr-CA",),
              "TPS-TVQ"),
    _Customer(Client("LAKESHORE", "Lakeshore Publishing Ltd.", "ap@lakeshorepub.ca", "en"),
              "CAD", "fr", ("en-CA",), "TVH-ON"),
    _Customer(Client("PACIFIC", "Pacific Coast Tourism Society", None, "en"),
              "CAD", "en", ("fr-CA", "zh"), "TPS-TVP-BC"),
    _Customer(Client("BUCKEYE", "Buckeye Medical Devices LLC", "ap@buckeyemed.com", "en"),
              "USD", "en", ("es", "fr", "de")),
    _Customer(Client("CUYAHOGA", "Cuyahoga Legal Partners", "billing@cuyahogalegal.com", "en"),
              "USD", "en", ("es",)),
    _Customer(Client("OHIOAG", "Ohio Agri-Tech Cooperative", None, "en"),
              "USD", "en", ("es", "pt-BR")),
)  # fmt: skip
# The clients outside Québec came with taxes; without taxes the generator makes what it made
# before them, document for document.
_CUSTOMERS_BEFORE_TAXES = tuple(c for c in _CUSTOMERS if c.tax in ("TPS-TVQ", None))
# Disbursements billed at cost, without tax (courier, notarized copies).
_DISBURSEMENTS = (("Courier", "Courier fees"), ("Notarization", "Notarized copies"))


def tax_definitions() -> list[DocumentTax]:
    """FlowFit's taxes of the generated documents, without amounts (codes, names, rates)."""
    return [
        DocumentTax(code, name, tuple(TaxComponent(p, Decimal(r), Decimal(0)) for p, r in parts))
        for code, (name, parts) in QUEBEC_TAXES.items()
    ]


def billed_tax(code: str, lines: tuple[Line, ...]) -> DocumentTax:
    """FlowFit's tax ``code`` on ``lines``: each component rounded per line, then summed, as
    FlowFit prints it (so it may differ by a cent from a tax computed on the total)."""
    name, parts = QUEBEC_TAXES[code]
    components = tuple(
        TaxComponent(
            part,
            Decimal(rate),
            sum(
                (to_cents(line.amount * Decimal(rate) / 100) for line in lines if line.taxable),
                Decimal("0.00"),
            ),
        )
        for part, rate in parts
    )
    return DocumentTax(code, name, components)


_PROJECT_NAMES = (
    "Annual report", "Website localization", "User manual", "Safety data sheets",
    "Marketing brochure", "Employee handbook", "Clinical study protocol", "Software strings",
    "Press release", "Training videos subtitles", "Terms and conditions", "Product labels",
)  # fmt: skip
_MANAGERS = ("Sophie Tremblay", "Marc-André Gagnon", "Emily Carter", "Jean-François Roy")

# service, unit, lowest and highest unit price in cents, lowest and highest quantity
_SERVICES = (
    ("Translation", "word", 14, 28, 150, 25000),
    ("Revision", "word", 5, 10, 150, 25000),
    ("Proofreading", "hour", 5500, 7500, 1, 12),
    ("Desktop publishing", "page", 1200, 2500, 1, 80),
    ("Certified translation", "page", 3500, 6000, 1, 10),
    ("Interpretation", "hour", 9000, 14000, 2, 16),
    ("Project management", "hour", 6000, 8500, 1, 6),
)

_FIRST_DAY = dt.date(2025, 1, 6)


def _line(rng: random.Random, source: str, target: str) -> Line:
    service, unit, low_price, high_price, low_qty, high_qty = rng.choice(_SERVICES)
    quantity = Decimal(rng.randint(low_qty, high_qty))
    if unit == "hour" and rng.random() < 0.5:
        quantity += Decimal("0.5")
    unit_price = Decimal(rng.randint(low_price, high_price)) / 100
    if unit == "word":
        description = f"{source.upper()}>{target.upper()} {int(quantity):,} words"
    else:
        description = f"{service} {source}>{target}, {quantity} {unit}s"
    return Line(service, description, quantity, unit_price, unit)


def _document(rng: random.Random, kind: DocumentKind, serial: int, taxes: bool) -> Document:
    customer = rng.choice(_CUSTOMERS if taxes else _CUSTOMERS_BEFORE_TAXES)
    date = _FIRST_DAY + dt.timedelta(days=rng.randint(0, 700))
    targets = customer.targets[: rng.randint(1, len(customer.targets))]
    project = Project(
        number=f"P-{2000 + serial // 2}",
        name=f"{rng.choice(_PROJECT_NAMES)} {date.year}",
        client_po=f"PO-{rng.randint(10000, 99999)}" if rng.random() < 0.4 else None,
        manager=rng.choice(_MANAGERS),
        source_language=customer.source,
        target_languages=targets,
    )
    lines = tuple(
        _line(rng, customer.source, rng.choice(targets)) for _ in range(rng.randint(1, 4))
    )
    if taxes and rng.random() < 0.15:
        service, description = rng.choice(_DISBURSEMENTS)
        fee = Decimal(rng.randint(1500, 9000)) / 100
        lines += (Line(service, description, Decimal(1), fee, "item", taxable=False),)
    tax = billed_tax(customer.tax, lines) if customer.tax and taxes else None
    status = rng.choices(list(DocumentStatus), weights=(2, 7, 1))[0]
    is_invoice = kind is DocumentKind.INVOICE
    return Document(
        kind=kind,
        number=f"{'INV' if is_invoice else 'Q'}-{10000 + serial}",
        status=status,
        date=date,
        currency=customer.currency,
        client=customer.client,
        project=project,
        lines=lines,
        tax=tax,
        due_date=date + dt.timedelta(days=rng.choice((15, 30, 45))) if is_invoice else None,
        valid_until=None if is_invoice else date + dt.timedelta(days=30),
        updated_at=dt.datetime.combine(date, dt.time(8), dt.UTC)
        + dt.timedelta(minutes=rng.randint(0, 10 * 60)),
    )


def generate_documents(count: int, seed: int = 0, *, taxes: bool = True) -> list[Document]:
    """``count`` distinct documents (about 2 invoices for 1 quote); same seed, same documents.

    ``taxes`` False makes the documents qbconnector generated before taxes existed.
    """
    rng = random.Random(seed)
    serials = dict.fromkeys(DocumentKind, 0)
    documents = []
    for _ in range(count):
        kind = DocumentKind.QUOTE if rng.random() < 1 / 3 else DocumentKind.INVOICE
        serials[kind] += 1
        documents.append(_document(rng, kind, serials[kind], taxes))
    return documents
