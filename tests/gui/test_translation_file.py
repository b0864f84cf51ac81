"""The compiled French translation matches its source file, message by message."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from qbconnector.core.resources import resource_path


def test_compiled_file_has_every_translation_of_the_source() -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "qbconnector_fr.qm")))
    root = ET.parse(resource_path("translations", "qbconnector_fr.ts")).getroot()
    checked = 0
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                continue
            source = message.findtext("source") or ""
            expected = message.findtext("translation") or ""
            assert translator.translate(name, source) == expected, (name, source)
            checked += 1
    assert checked > 100
