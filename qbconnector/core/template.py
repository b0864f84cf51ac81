"""Description naming conventions: FlowFit tag syntax (``Invoice #%PROJECT_NUMBER%``) as tokens.

A template is a tuple of tokens, each plain ``Text`` or a ``Variable``. The text form writes a
variable as ``%NAME%`` and a literal percent sign as ``%%``; the chip editor and the text form
are two views of the same token list, so ``parse_template(t.to_text()) == t`` always holds.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import BadInputError
from qbconnector.core.variables import VARIABLES


class FieldLimit(enum.IntEnum):
    """QuickBooks Online's length limits for the fields a rendered description goes to."""

    LINE_DESCRIPTION = 4000
    CUSTOMER_MEMO = 1000
    PRIVATE_NOTE = 4000


DEFAULT_TEMPLATES: dict[DocumentKind, str] = {
    DocumentKind.INVOICE: "Invoice #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE%",
    DocumentKind.QUOTE: "Quote #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE%",
}

_NAME = re.compile(r"[A-Za-z0-9_]+")


class TemplateProblem(enum.StrEnum):
    """Why a template was refused; lets a translated UI word the message itself."""

    UNTERMINATED = "unterminated"
    EMPTY_NAME = "empty-name"
    NOT_A_NAME = "not-a-name"
    UNKNOWN_VARIABLE = "unknown-variable"
    WRONG_KIND = "wrong-kind"


class TemplateError(BadInputError):
    """A naming convention we cannot use; ``position`` is the 0-based offset in the text form."""

    def __init__(
        self,
        message: str,
        *,
        problem: TemplateProblem,
        position: int,
        name: str = "",
        suggestion: str | None = None,
        kind: DocumentKind | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem
        self.position = position
        self.name = name
        self.suggestion = suggestion
        self.kind = kind


@dataclass(frozen=True)
class Text:
    """Plain text, copied as is into the rendering."""

    value: str


@dataclass(frozen=True)
class Variable:
    """A FlowFit variable, replaced by the document's value when rendering."""

    name: str


Token = Text | Variable


def _normalized(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Merge neighbouring texts and drop empty ones, so equal renderings compare equal."""
    merged: list[Token] = []
    for token in tokens:
        if isinstance(token, Text):
            if not token.value:
                continue
            previous = merged[-1] if merged else None
            if isinstance(previous, Text):
                merged[-1] = Text(previous.value + token.value)
                continue
        merged.append(token)
    return tuple(merged)


@dataclass(frozen=True)
class Template:
    """A naming convention as normalized tokens (no empty or adjacent ``Text``)."""

    tokens: tuple[Token, ...] = ()

    def __post_init__(self) -> None:
        tokens = _normalized(tuple(self.tokens))
        offset = 0
        for token in tokens:
            if isinstance(token, Variable) and token.name not in VARIABLES:
                raise _unknown_variable(token.name, offset)
            offset += len(_token_text(token))
        object.__setattr__(self, "tokens", tokens)

    def to_text(self) -> str:
        """The FlowFit tag form; ``%`` in plain text is written ``%%``."""
        return "".join(_token_text(token) for token in self.tokens)

    def variable_names(self) -> tuple[str, ...]:
        """The variables used, in order, with repeats."""
        return tuple(token.name for token in self.tokens if isinstance(token, Variable))

    def render(self, document: Document) -> str:
        """The description for ``document``; a value the document lacks renders as ""."""
        parts = [
            token.value if isinstance(token, Text) else VARIABLES[token.name].value(document)
            for token in self.tokens
        ]
        return "".join(parts)

    def render_checked(self, document: Document, limit: int) -> RenderResult:
        """Render and compare with a QuickBooks field limit (see ``FieldLimit``)."""
        return check_length(self.render(document), limit)

    def longest_rendering(self) -> int:
        """The length of the rendering when every variable takes its longest planned value."""
        return sum(
            len(token.value) if isinstance(token, Text) else VARIABLES[token.name].max_length
            for token in self.tokens
        )


@dataclass(frozen=True)
class RenderResult:
    """A rendered description and how it fits the QuickBooks field it is meant for."""

    text: str
    limit: int

    @property
    def length(self) -> int:
        """Characters in the rendering (QuickBooks counts characters, not bytes)."""
        return len(self.text)

    @property
    def over_limit(self) -> bool:
        """True when QuickBooks would refuse the text as too long."""
        return self.length > self.limit

    @property
    def excess(self) -> int:
        """How many characters must go for the text to fit (0 when it fits)."""
        return max(0, self.length - self.limit)

    def message(self) -> str | None:
        """A sentence for the user when the text is too long, else None."""
        if not self.over_limit:
            return None
        return (
            f"The description is {self.length} characters long; QuickBooks accepts at most "
            f"{self.limit}. Remove {self.excess} characters or some variables."
        )


def check_length(rendered: str, limit: int) -> RenderResult:
    """Wrap ``rendered`` with the QuickBooks ``limit`` it must fit."""
    return RenderResult(rendered, limit)


def _token_text(token: Token) -> str:
    if isinstance(token, Text):
        return token.value.replace("%", "%%")
    return f"%{token.name}%"


def _closest(name: str) -> str | None:
    upper = name.upper()
    if upper in VARIABLES:
        return upper
    matches = difflib.get_close_matches(upper, list(VARIABLES), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _unknown_variable(name: str, position: int) -> TemplateError:
    suggestion = _closest(name)
    hint = f" Did you mean %{suggestion}%?" if suggestion else ""
    return TemplateError(
        f"Unknown variable %{name}% at character {position + 1}.{hint}",
        problem=TemplateProblem.UNKNOWN_VARIABLE,
        position=position,
        name=name,
        suggestion=suggestion,
    )


def _variable_at(text: str, start: int) -> tuple[Variable, int]:
    """Read ``%NAME%`` starting at ``start``; returns the variable and the index after it."""
    end = text.find("%", start + 1)
    if end < 0:
        raise TemplateError(
            f"The % at character {start + 1} is not closed. End the variable with % "
            "or write %% for a percent sign.",
            problem=TemplateProblem.UNTERMINATED,
            position=start,
        )
    name = text[start + 1 : end]
    if not _NAME.fullmatch(name):
        problem = TemplateProblem.NOT_A_NAME if name else TemplateProblem.EMPTY_NAME
        raise TemplateError(
            f"The % at character {start + 1} starts a variable, but {name!r} is not a "
            "variable name. Write %% for a percent sign.",
            problem=problem,
            position=start,
            name=name,
        )
    if name not in VARIABLES:
        raise _unknown_variable(name, start)
    return Variable(name), end + 1


def parse_template(text: str) -> Template:
    """Parse the FlowFit tag form; raises ``TemplateError`` saying where and what to fix."""
    tokens: list[Token] = []
    plain: list[str] = []
    index = 0
    while index < len(text):
        percent = text.find("%", index)
        if percent < 0:
            plain.append(text[index:])
            break
        plain.append(text[index:percent])
        if text.startswith("%%", percent):
            plain.append("%")
            index = percent + 2
            continue
        variable, index = _variable_at(text, percent)
        tokens.extend((Text("".join(plain)), variable))
        plain = []
    tokens.append(Text("".join(plain)))
    return Template(tuple(tokens))


def validate_for_kind(template: Template, kind: DocumentKind) -> None:
    """Refuse variables that documents of ``kind`` do not have (DUE_DATE on a quote...)."""
    offset = 0
    for token in template.tokens:
        if isinstance(token, Variable) and not VARIABLES[token.name].applies_to(kind):
            noun = "quotes" if kind is DocumentKind.QUOTE else "invoices"
            raise TemplateError(
                f"%{token.name}% cannot be used in {noun}: they have no such value. Remove it.",
                problem=TemplateProblem.WRONG_KIND,
                position=offset,
                name=token.name,
                kind=kind,
            )
        offset += len(_token_text(token))


def parse_for_kind(text: str, kind: DocumentKind) -> Template:
    """Parse and check ``text`` for documents of ``kind`` (what settings validation needs)."""
    template = parse_template(text)
    validate_for_kind(template, kind)
    return template


def default_template(kind: DocumentKind) -> Template:
    """The naming convention a new profile starts with."""
    return parse_template(DEFAULT_TEMPLATES[kind])
