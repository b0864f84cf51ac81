"""Translated wording of template problems (the core's TemplateError messages are English)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from qbconnector.core.documents import DocumentKind
from qbconnector.core.template import TemplateError, TemplateProblem


class TemplateMessages(QObject):
    """Turns a ``TemplateError`` into a sentence in the interface language. No signals."""

    def describe(self, error: TemplateError) -> str:
        column = error.position + 1
        match error.problem:
            case TemplateProblem.UNTERMINATED:
                return self.tr(
                    "The % at character {column} is not closed. End the variable with % "
                    "or write %% for a percent sign."
                ).format(column=column)
            case TemplateProblem.EMPTY_NAME | TemplateProblem.NOT_A_NAME:
                return self.tr(
                    "The % at character {column} starts a variable, but “{name}” is not a "
                    "variable name. Write %% for a percent sign."
                ).format(column=column, name=error.name)
            case TemplateProblem.UNKNOWN_VARIABLE:
                return self._unknown(error, column)
            case TemplateProblem.WRONG_KIND:
                return self._wrong_kind(error)
        return error.message

    def _unknown(self, error: TemplateError, column: int) -> str:
        sentence = self.tr("Unknown variable %{name}% at character {column}.").format(
            name=error.name, column=column
        )
        if error.suggestion:
            hint = self.tr("Did you mean %{name}%?").format(name=error.suggestion)
            sentence = f"{sentence} {hint}"
        return sentence

    def _wrong_kind(self, error: TemplateError) -> str:
        if error.kind is DocumentKind.QUOTE:
            return self.tr("%{name}% cannot be used in quotes: they have no such value.").format(
                name=error.name
            )
        return self.tr("%{name}% cannot be used in invoices: they have no such value.").format(
            name=error.name
        )

    def too_long(self, length: int, limit: int) -> str:
        return self.tr(
            "The description is {length} characters long; QuickBooks accepts at most {limit}."
        ).format(length=length, limit=limit)
