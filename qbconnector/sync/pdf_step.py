"""The run's last step: the PDF of each document now in QuickBooks goes along (sync/attach.py)."""

from __future__ import annotations

import dataclasses

from qbconnector.sync.attach import Attacher, Key, PdfOutcome, PdfStatus
from qbconnector.sync.run_state import RunState


def attach_documents(run: RunState, attacher: Attacher, settled: dict[Key, PdfOutcome]) -> None:
    """Attach the PDF of every document of the run that QuickBooks holds (created, updated or
    unchanged); ``settled`` are the uploads the run's start settled, reported for their
    documents. Held, blocked and failed documents keep their PDF for later."""
    for index, result in enumerate(run.report.results):
        document = run.documents.get(result.key)
        if document is None or document.pdf is None or not result.outcome.synced:
            continue
        if run.should_stop():
            break
        row = run.ledger.get(*result.key)
        if row is None or row.qbo_id is None:
            continue
        outcome = attacher.attach(document, row.qbo_id)
        earlier = settled.get(result.key)
        if outcome is not None and outcome.status is PdfStatus.UNCHANGED and earlier:
            outcome = earlier  # settled at the start of this run: say what happened then
        if outcome is None:
            continue
        amended = dataclasses.replace(result, pdf=outcome.status.value, pdf_note=outcome.note)
        run.report.results[index] = amended
        run.results[result.key] = amended
