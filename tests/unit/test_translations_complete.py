"""Every user-visible string has a French translation, including the core's validation texts."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "qbconnector_fr.ts"


def _field_error_templates() -> set[str]:
    tree = ast.parse((REPO / "qbconnector" / "core" / "validation.py").read_text("utf-8"))
    return {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "FieldError"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value != "{reason}"  # carries an already-translated template message
    }


def _translations() -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(TS_FILE).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_no_translation_is_unfinished() -> None:
    unfinished = [
        source
        for (_context, source), translation in _translations().items()
        if translation is None or translation.get("type") in ("unfinished", "vanished")
    ]
    assert unfinished == []


def test_every_validation_message_reaches_the_translation_file() -> None:
    translated = {source for (context, source) in _translations() if context == "Validation"}
    templates = _field_error_templates()
    assert len(templates) > 10
    assert templates - translated == set()
