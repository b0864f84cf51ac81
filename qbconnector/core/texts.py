"""Sentences the core writes for people: an English template with named parameters.

The command line prints ``str(text)``; the window translates the template first (context
"Sync"), so the Qt-free core never needs Qt to speak French.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Text:
    """A sentence: ``template`` uses ``{name}`` placeholders filled from ``params``."""

    template: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __str__(self) -> str:
        return self.template.format(**self.params)

    def __reduce__(self) -> tuple[object, ...]:
        # The read-only mapping does not pickle; a sync served from a child process sends these.
        return (text_from_parts, (self.template, dict(self.params)))


def text_from_parts(template: str, params: Mapping[str, str]) -> Text:
    """A Text holding its own read-only copy of ``params``."""
    return Text(template, MappingProxyType(dict(params)))


def text_to_json(sentence: Text) -> str:
    """The sentence as JSON (to store it and translate it later)."""
    return json.dumps({"template": sentence.template, "params": dict(sentence.params)})


def text_from_json(stored: str | None) -> Text | None:
    """A sentence stored by :func:`text_to_json`; None when absent or unreadable."""
    if not stored:
        return None
    try:
        data = json.loads(stored)
        params = {str(key): str(value) for key, value in dict(data["params"]).items()}
        return text_from_parts(str(data["template"]), params)
    except (ValueError, KeyError, TypeError):
        return None


def text(template: str, **params: object) -> Text:
    """A Text with every parameter turned into a string."""
    return text_from_parts(template, {key: str(value) for key, value in params.items()})
