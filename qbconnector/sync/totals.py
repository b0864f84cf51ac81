"""QuickBooks' totals in its answers, set against what FlowFit billed."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from qbconnector.core.documents import to_cents
from qbconnector.storage.ledger_schema import Totals
from qbconnector.sync.jobs import Job


def amount(value: object) -> Decimal | None:
    """A JSON amount (float or text) as cents; None when it is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        return to_cents(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return None


def entity_totals(entity: dict[str, Any]) -> tuple[Decimal, Decimal] | None:
    """(TotalAmt, TxnTaxDetail.TotalTax) of an Invoice or Estimate; None without TotalAmt."""
    total = amount(entity.get("TotalAmt"))
    if total is None:
        return None
    detail = entity.get("TxnTaxDetail")
    tax = amount(detail.get("TotalTax")) if isinstance(detail, dict) else None
    return total, tax if tax is not None else Decimal("0.00")


def job_totals(job: Job, qbo_totals: tuple[Decimal, Decimal] | None) -> Totals | None:
    """Both sides' totals, when FlowFit's were recorded with the job and QuickBooks answered."""
    if qbo_totals is None or job.flowfit_total is None:
        return None
    return Totals(
        Decimal(job.flowfit_total), Decimal(job.flowfit_tax or "0"), qbo_totals[0], qbo_totals[1]
    )
