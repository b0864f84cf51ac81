"""The naming-convention template: parsing, text form, rendering, limits and kinds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

import pytest

from qbconnector.core.documents import DocumentKind, Line
from qbconnector.core.template import (
    DEFAULT_TEMPLATES,
    FieldLimit,
    Template,
    TemplateError,
    TemplateProblem,
    Text,
    Token,
    Variable,
    check_length,
    default_template,
    parse_for_kind,
    parse_template,
    validate_for_kind,
)
from qbconnector.core.variables import VARIABLES, VariableGroup, sample_document, variables_for

INVOICE = sample_document(DocumentKind.INVOICE)
QUOTE = sample_document(DocumentKind.QUOTE)


def test_parse_splits_text_and_variables() -> None:
    template = parse_template("Invoice #%PROJECT_NUMBER% - %CLIENT_CODE%")
    assert template.tokens == (
        Text("Invoice #"),
        Variable("PROJECT_NUMBER"),
        Text(" - "),
        Variable("CLIENT_CODE"),
    )


def test_double_percent_is_a_literal_percent() -> None:
    template = parse_template("50%% off %TOTAL%%%")
    assert template.tokens == (Text("50% off "), Variable("TOTAL"), Text("%"))
    assert template.to_text() == "50%% off %TOTAL%%%"


def test_plain_percent_is_escaped_in_text_form() -> None:
    assert Template((Text("100%"), Variable("YYYY"))).to_text() == "100%%%YYYY%"


def test_unknown_variable_names_it_and_suggests_the_closest() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("Invoice #%PROJEC_NUMBER%")
    error = caught.value
    assert error.problem is TemplateProblem.UNKNOWN_VARIABLE
    assert error.position == 9
    assert error.name == "PROJEC_NUMBER"
    assert error.suggestion == "PROJECT_NUMBER"
    assert "%PROJEC_NUMBER%" in str(error)
    assert "Did you mean %PROJECT_NUMBER%?" in str(error)
    assert "character 10" in str(error)


def test_lower_case_name_suggests_the_upper_case_one() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("%client_code%")
    assert caught.value.suggestion == "CLIENT_CODE"


def test_unrelated_name_gets_no_suggestion() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("%XYZZY%")
    assert caught.value.suggestion is None
    assert "Did you mean" not in str(caught.value)


def test_unterminated_percent_says_where() -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("Invoice %PROJECT_NUMBER")
    assert caught.value.problem is TemplateProblem.UNTERMINATED
    assert caught.value.position == 8
    assert "%%" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("50% off, 10% more", TemplateProblem.NOT_A_NAME), ("a %%% b", TemplateProblem.UNTERMINATED)],
)
def test_stray_percent_signs_are_refused(text: str, problem: TemplateProblem) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(text)
    assert caught.value.problem is problem


def test_template_refuses_unknown_variable_tokens() -> None:
    with pytest.raises(TemplateError, match="BOGUS"):
        Template((Text("x"), Variable("BOGUS")))


def test_tokens_are_normalized() -> None:
    template = Template((Text(""), Text("a"), Text("b"), Variable("MM"), Text("")))
    assert template.tokens == (Text("ab"), Variable("MM"))
    assert Template().to_text() == ""
    assert parse_template("").tokens == ()


def test_render_replaces_every_variable() -> None:
    names = " ".join(f"{name}=%{name}%" for name in VARIABLES)
    rendered = parse_template(names).render(INVOICE)
    assert rendered == (
        "PROJECT_NUMBER=P-2025-0117 PROJECT_NAME=Website localization "
        "PROJECT_MANAGER=Julie Tremblay SOURCE_LANGUAGE=en-CA TARGET_LANGUAGES=fr-CA, es-MX "
        "CLIENT_CODE=ACME CLIENT_NAME=Acme Translation Inc. CLIENT_PO=PO-7781 "
        "DOCUMENT_NUMBER=INV-1042 CURRENCY=CAD TOTAL=1235.00 CAD DOCUMENT_DATE=2025-03-14 "
        "DUE_DATE=2025-04-13 VALID_UNTIL= YYYY=2025 YY=25 MM=03 DD=14"
    )


def test_total_rounds_to_cents_with_currency() -> None:
    document = dataclasses.replace(
        INVOICE,
        currency="EUR",
        lines=(
            Line("TRA", "t", Decimal("3"), Decimal("0.335")),
            Line("X", "x", Decimal(1), Decimal(0)),
        ),
    )
    assert parse_template("%TOTAL%").render(document) == "1.01 EUR"


def test_missing_optional_values_render_empty() -> None:
    bare = dataclasses.replace(
        QUOTE,
        project=dataclasses.replace(QUOTE.project, name=None, client_po=None, target_languages=()),
        valid_until=None,
    )
    rendered = parse_template("[%PROJECT_NAME%|%CLIENT_PO%|%TARGET_LANGUAGES%|%VALID_UNTIL%]")
    assert rendered.render(bare) == "[|||]"


def test_two_digit_year_and_dates_come_from_the_document_date() -> None:
    document = dataclasses.replace(INVOICE, date=dt.date(2007, 1, 5))
    assert parse_template("%YY%%MM%%DD%-%YYYY%").render(document) == "070105-2007"


def test_longest_rendering_adds_text_and_variable_bounds() -> None:
    template = parse_template("Invoice #%DOCUMENT_NUMBER% %YYYY%")
    assert template.longest_rendering() == len("Invoice # ") + 21 + 4
    assert template.longest_rendering() >= len(template.render(INVOICE))


def test_every_sample_rendering_fits_the_declared_bounds() -> None:
    for spec in VARIABLES.values():
        for document in (INVOICE, QUOTE):
            assert len(spec.value(document)) <= spec.max_length, spec.name


def test_check_length_reports_excess() -> None:
    fits = check_length("x" * FieldLimit.CUSTOMER_MEMO, FieldLimit.CUSTOMER_MEMO)
    assert not fits.over_limit
    assert fits.message() is None
    over = parse_template("x" * 3999 + "%MM%").render_checked(INVOICE, FieldLimit.LINE_DESCRIPTION)
    assert (over.length, over.over_limit, over.excess) == (4001, True, 1)
    assert "4000" in (over.message() or "")


def test_field_limits() -> None:
    assert (FieldLimit.LINE_DESCRIPTION, FieldLimit.CUSTOMER_MEMO, FieldLimit.PRIVATE_NOTE) == (
        4000,
        1000,
        4000,
    )


def test_kind_specific_variables() -> None:
    validate_for_kind(parse_template("%DUE_DATE%"), DocumentKind.INVOICE)
    validate_for_kind(parse_template("%VALID_UNTIL%"), DocumentKind.QUOTE)
    with pytest.raises(TemplateError) as caught:
        validate_for_kind(parse_template("Quote %MM% %DUE_DATE%"), DocumentKind.QUOTE)
    assert caught.value.problem is TemplateProblem.WRONG_KIND
    assert caught.value.position == len("Quote %MM% ")
    assert "quotes" in str(caught.value)
    assert caught.value.kind is DocumentKind.QUOTE
    with pytest.raises(TemplateError, match="VALID_UNTIL"):
        parse_for_kind("%VALID_UNTIL%", DocumentKind.INVOICE)


def test_defaults_parse_and_suit_their_kind() -> None:
    for kind in DocumentKind:
        template = default_template(kind)
        assert template.to_text() == DEFAULT_TEMPLATES[kind]
        validate_for_kind(template, kind)
    assert default_template(DocumentKind.INVOICE).render(INVOICE) == (
        "Invoice #INV-1042 - P-2025-0117 - ACME"
    )


def test_registry_labels_groups_and_menu_order() -> None:
    spec = VARIABLES["PROJECT_NUMBER"]
    assert (spec.label("en"), spec.label("fr"), spec.label("de")) == (
        "Project number",
        "Numéro de projet",
        "Project number",
    )
    assert spec.tag == "%PROJECT_NUMBER%"
    assert VariableGroup.DATE.label("fr") == "Date"
    assert VariableGroup.PROJECT.label("fr") == "Projet"
    for kind in DocumentKind:
        groups = [spec.group for spec in variables_for(kind)]
        assert groups == sorted(groups, key=list(VariableGroup).index)
    assert "DUE_DATE" not in {spec.name for spec in variables_for(DocumentKind.QUOTE)}
    assert "VALID_UNTIL" not in {spec.name for spec in variables_for(DocumentKind.INVOICE)}
    assert all(spec.label_fr and spec.label_en for spec in VARIABLES.values())


ALPHABET = "ab %#-_\n éP"


def random_tokens(rng: random.Random) -> tuple[Token, ...]:
    names = list(VARIABLES)
    tokens: list[Token] = []
    for _ in range(rng.randint(0, 8)):
        if rng.random() < 0.5:
            tokens.append(Variable(rng.choice(names)))
        else:
            length = rng.randint(0, 6)
            tokens.append(Text("".join(rng.choice(ALPHABET) for _ in range(length))))
    return tuple(tokens)


def test_text_form_round_trips_over_generated_token_lists() -> None:
    rng = random.Random(20250314)
    for _ in range(3000):
        template = Template(random_tokens(rng))
        text = template.to_text()
        parsed = parse_template(text)
        assert parsed == template, text
        assert parsed.to_text() == text
        expected = "".join(
            t.value if isinstance(t, Text) else VARIABLES[t.name].value(INVOICE)
            for t in template.tokens
        )
        assert parsed.render(INVOICE) == expected
