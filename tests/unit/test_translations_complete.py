"""Every user-visible string has a French translation, including the core's validation texts."""

from __future__ import annotations

import ast
import sys
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


def _listed_in_core_texts() -> dict[str, set[str]]:
    tree = ast.parse((REPO / "qbconnector" / "ui" / "core_texts.py").read_text("utf-8"))
    listed: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
            context, source = (arg.value for arg in node.args if isinstance(arg, ast.Constant))
            listed.setdefault(str(context), set()).add(str(source))
    return listed


def test_core_texts_list_every_sentence_of_the_core() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from collect_core_texts import collect
    finally:
        sys.path.pop(0)
    listed = _listed_in_core_texts()
    for context, templates in collect().items():
        assert set(templates) == listed.get(context, set()), (
            f"qbconnector/ui/core_texts.py is out of date for {context}: "
            "run scripts/update_translations.sh"
        )
    sync_texts = {source for (context, source) in _translations() if context == "Sync"}
    assert set(collect()["Sync"]) - sync_texts == set()
    assert len(sync_texts) > 15
