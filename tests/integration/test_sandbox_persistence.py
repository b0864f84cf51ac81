"""State files: a sandbox restarted on its file keeps entities, tokens and requestids."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbconnector.sandbox.seed import CompanySeed
from tests.integration.conftest import SandboxFactory


def test_restart_keeps_entities_tokens_and_replies(
    sandbox_factory: SandboxFactory, qbo_for: Any, tmp_path: Path
) -> None:
    state_file = tmp_path / "qbo.json"
    first = sandbox_factory(state_file=state_file)
    qbo = qbo_for(first)
    created = qbo.post("customer", {"DisplayName": "Kept"}, requestid="keep-1")
    grant = first.issue_tokens()
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    first.stop()

    second = sandbox_factory(state_file=state_file)
    session = qbo_for(second)
    replay = session.post("customer", {"DisplayName": "Kept"}, requestid="keep-1")

    assert saved["entities"]["Customer"]["1"]["DisplayName"] == "Kept"
    assert second.client_id == first.client_id
    assert second.realm_id == first.realm_id
    assert [c["DisplayName"] for c in second.entities("Customer")] == ["Kept"]
    assert replay.content == created.content
    assert second.oauth.check_access(grant["access_token"]) is None


def test_interval_saving_flushes_on_stop(
    sandbox_factory: SandboxFactory, qbo_for: Any, tmp_path: Path
) -> None:
    state_file = tmp_path / "lazy.json"
    server = sandbox_factory(state_file=state_file, save_interval=30.0)
    qbo_for(server).post("customer", {"DisplayName": "Flushed"})

    server.stop()

    data = json.loads(state_file.read_text(encoding="utf-8"))
    assert data["entities"]["Customer"]["1"]["DisplayName"] == "Flushed"
    assert not list(tmp_path.glob(".lazy.json.*.tmp"))


def test_restart_keeps_tax_codes_and_automated_sales_tax(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    state_file = tmp_path / "us.json"
    first = sandbox_factory(state_file=state_file, seed=CompanySeed.united_states(Decimal("8.25")))
    codes = first.entities("TaxCode")
    first.set_tax_code_active("California", False)
    first.stop()

    second = sandbox_factory(state_file=state_file)

    assert second.country == "US"
    assert second.company.state.us_sales_tax_rate == Decimal("8.25")
    assert [code["Id"] for code in second.entities("TaxCode")] == [c["Id"] for c in codes]
    california = second.tax_code_id("California")
    assert [c["Active"] for c in second.entities("TaxCode") if c["Id"] == california] == [False]


def test_a_state_file_from_before_taxes_gets_the_tax_codes(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    state_file = tmp_path / "old.json"
    sandbox_factory(state_file=state_file).stop()
    data = json.loads(state_file.read_text(encoding="utf-8"))
    for entity in ("TaxAgency", "TaxRate", "TaxCode"):
        data["entities"].pop(entity)
        data["next_ids"].pop(entity)
    data.pop("us_sales_tax_rate")
    state_file.write_text(json.dumps(data), encoding="utf-8")

    server = sandbox_factory(state_file=state_file)

    assert server.tax_code_id("GST/QST QC - 9.975")
    assert server.company.state.us_sales_tax_rate is None
