"""Parser for QuickBooks' query language subset: SELECT, WHERE (AND), ORDERBY, paging."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from qbconnector.sandbox import errors

Literal = str | Decimal | bool
KEYWORDS = frozenset(
    {"select", "from", "where", "and", "in", "like", "order", "orderby", "by", "asc", "desc"}
    | {"startposition", "maxresults", "count", "true", "false"}
)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>')
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_.]*)
      | (?P<op><=|>=|!=|<>|[=<>(),*])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # string, number, word, op, end
    text: str
    value: Literal = ""


@dataclass(frozen=True)
class Condition:
    field: str
    operator: str  # =, <, >, <=, >=, !=, in, like
    values: tuple[Literal, ...]


@dataclass
class Query:
    entity: str
    count: bool = False
    columns: list[str] = field(default_factory=list)  # empty: SELECT *
    conditions: list[Condition] = field(default_factory=list)
    order: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    start_position: int = 1
    max_results: int | None = None


def parse_error(detail: str) -> errors.FaultError:
    return errors.validation(4000, errors.MSG_PARSE_QUERY, f"QueryParserError: {detail}")


def tokenize(text: str) -> list[Token]:
    if "\u2019" in text or "\u2018" in text:
        # QBO's lexer rejects typographic quotes (reference §9); clients must not send them raw.
        raise parse_error("Encountered lexical error: typographic quote character")
    tokens: list[Token] = []
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return [*tokens, Token("end", "<EOF>")]
        match = _TOKEN.match(text, position)
        if match is None:
            raise parse_error(f'Encountered "{text[position]}" at column {position + 1}')
        if match.group("string"):
            value, position = _read_string(text, match.end())
            tokens.append(Token("string", value, value))
            continue
        position = match.end()
        if match.group("number"):
            tokens.append(Token("number", match.group("number"), Decimal(match.group("number"))))
        elif match.group("word"):
            tokens.append(Token("word", match.group("word")))
        else:
            tokens.append(Token("op", match.group("op")))


def _read_string(text: str, position: int) -> tuple[str, int]:
    """A single-quoted literal; a backslash takes the next character literally (\\' is ')."""
    chars: list[str] = []
    while position < len(text):
        char = text[position]
        if char == "\\" and position + 1 < len(text):
            chars.append(text[position + 1])
            position += 2
        elif char == "'":
            return "".join(chars), position + 1
        else:
            chars.append(char)
            position += 1
    raise parse_error("Encountered <EOF>: unterminated string literal")


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.current
        self.index += 1
        return token

    def at_keyword(self, *words: str) -> bool:
        return self.current.kind == "word" and self.current.text.lower() in words

    def expect_keyword(self, word: str) -> None:
        if not self.at_keyword(word):
            raise parse_error(f'Encountered "{self.current.text}", was expecting "{word}"')
        self.advance()

    def expect_op(self, op: str) -> None:
        if self.current.kind != "op" or self.current.text != op:
            raise parse_error(f'Encountered "{self.current.text}", was expecting "{op}"')
        self.advance()

    def identifier(self) -> str:
        token = self.current
        if token.kind != "word" or token.text.lower() in KEYWORDS:
            raise parse_error(f'Encountered "{token.text}", was expecting an identifier')
        self.advance()
        return token.text

    def literal(self) -> Literal:
        token = self.advance()
        if token.kind in ("string", "number"):
            return token.value
        if token.kind == "word" and token.text.lower() in ("true", "false"):
            return token.text.lower() == "true"
        raise parse_error(f'Encountered "{token.text}", was expecting a value')

    def integer(self) -> int:
        token = self.advance()
        if token.kind != "number" or not token.text.isdigit():
            raise parse_error(f'Encountered "{token.text}", was expecting a positive integer')
        return int(token.text)


def parse(text: str) -> Query:
    """Parse one SELECT statement; any syntax error is a 400 code 4000 fault."""
    parser = _Parser(tokenize(text))
    parser.expect_keyword("select")
    count, columns = _select_list(parser)
    parser.expect_keyword("from")
    query = Query(entity=parser.identifier(), count=count, columns=columns)
    if parser.at_keyword("where"):
        parser.advance()
        query.conditions.append(_condition(parser))
        while parser.at_keyword("and"):
            parser.advance()
            query.conditions.append(_condition(parser))
    if parser.at_keyword("orderby", "order"):
        if parser.advance().text.lower() == "order":
            parser.expect_keyword("by")
        query.order.append(_order_item(parser))
        while parser.current.kind == "op" and parser.current.text == ",":
            parser.advance()
            query.order.append(_order_item(parser))
    if parser.at_keyword("startposition"):
        parser.advance()
        query.start_position = max(1, parser.integer())
    if parser.at_keyword("maxresults"):
        parser.advance()
        query.max_results = parser.integer()
    if parser.current.kind != "end":
        raise parse_error(f'Encountered "{parser.current.text}" after the end of the statement')
    return query


def _select_list(parser: _Parser) -> tuple[bool, list[str]]:
    if parser.current.kind == "op" and parser.current.text == "*":
        parser.advance()
        return False, []
    if parser.at_keyword("count"):
        parser.advance()
        parser.expect_op("(")
        parser.expect_op("*")
        parser.expect_op(")")
        return True, []
    columns = [parser.identifier()]
    while parser.current.kind == "op" and parser.current.text == ",":
        parser.advance()
        columns.append(parser.identifier())
    return False, columns


def _condition(parser: _Parser) -> Condition:
    field_name = parser.identifier()
    if parser.at_keyword("in"):
        parser.advance()
        parser.expect_op("(")
        values = [parser.literal()]
        while parser.current.kind == "op" and parser.current.text == ",":
            parser.advance()
            values.append(parser.literal())
        parser.expect_op(")")
        return Condition(field_name, "in", tuple(values))
    if parser.at_keyword("like"):
        parser.advance()
        pattern = parser.literal()
        if not isinstance(pattern, str):
            raise parse_error("LIKE takes a quoted pattern")
        return Condition(field_name, "like", (pattern,))
    token = parser.advance()
    if token.kind != "op" or token.text not in ("=", "<", ">", "<=", ">=", "!=", "<>"):
        raise parse_error(f'Encountered "{token.text}", was expecting an operator')
    operator = "!=" if token.text == "<>" else token.text
    return Condition(field_name, operator, (parser.literal(),))


def _order_item(parser: _Parser) -> tuple[str, bool]:
    field_name = parser.identifier()
    descending = False
    if parser.at_keyword("asc", "desc"):
        descending = parser.advance().text.lower() == "desc"
    return field_name, descending
