"""`configure` values that must never be saved: exit 2, the field named, every file unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.support import assert_clean_failure, assert_unchanged, run, snapshot

UNICODE_DIGITS = {
    "arabic-indic": "١٢٣",
    "fullwidth": "１２３",
    "superscript": "²³",
    "devanagari": "१२३",
    "mixed": "12３",
}
NOT_IDS = {
    **UNICODE_DIGITS,
    "letters": "12x",
    "negative": "-5",
    "hex": "0x1F",
    "too-long": "1" * 40,
}

URLS = {
    "port-zero": "https://example.com:0/api",
    "port-too-big": "https://example.com:99999/api",
    "port-not-a-number": "https://example.com:abc/api",
    "space-in-host": "https://exa mple.com/api",
    "newline-inside": "https://example.com/\napi",
    "tab-inside": "https://example.com/a\tb",
    "nul-inside": "https://example.com/\x00",
    "user-and-password": "https://user:secret@example.com/api",
    "user-only": "https://user@example.com/api",
    "ten-thousand-characters": "https://example.com/" + "a" * 10_000,
    "ftp": "ftp://example.com/api",
    "no-host": "https://",
    "javascript": "javascript:alert(1)",
    "plain-http-remote": "http://example.com/api",
    "no-scheme": "example.com/api",
}

CASES: dict[str, tuple[tuple[str, ...], str]] = {
    **{f"realm-{k}": (("--realm-id", v), "server.realm_id") for k, v in NOT_IDS.items()},
    **{
        f"sync-number-{k}": (("--customer-sync-number", v), "sync.customer_sync_number")
        for k, v in {**NOT_IDS, "zero": "0"}.items()
    },
    **{
        f"service-{k}": (("--service", v), "services.service_id") for k, v in UNICODE_DIGITS.items()
    },
    **{
        f"map-service-{k}": (("--map-service", f"DTP={v}"), "services.mapping")
        for k, v in UNICODE_DIGITS.items()
    },
    "map-service-no-equals": (("--map-service", "DTP"), "FLOWFIT_SERVICE=ITEM_ID"),
    "map-service-no-name": (("--map-service", "=5"), "FLOWFIT_SERVICE=ITEM_ID"),
    "map-service-letters": (("--map-service", "DTP=abc"), "services.mapping"),
    **{f"flowfit-url-{k}": (("--flowfit-api-url", v), "flowfit.api_url") for k, v in URLS.items()},
    **{
        f"api-base-url-{k}": (
            ("--environment", "custom", "--api-base-url", v),
            "server.api_base_url",
        )
        for k, v in URLS.items()
        if k in ("port-too-big", "space-in-host", "user-and-password", "newline-inside", "ftp")
    },
    **{
        f"discovery-url-{k}": (
            ("--environment", "custom", "--discovery-url", v),
            "server.discovery_url",
        )
        for k, v in URLS.items()
        if k in ("port-zero", "tab-inside", "ten-thousand-characters", "javascript")
    },
    "custom-without-urls": (
        ("--environment", "custom", "--api-base-url", "", "--discovery-url", ""),
        "server.api_base_url",
    ),
    "token-space-inside": (("--access-token=AT abc",), "--access-token"),
    "token-nul": (("--refresh-token=RT\x00abc",), "--refresh-token"),
    "token-bell": (("--client-secret=se\x07cret",), "--client-secret"),
    "token-escape": (("--access-token=\x1b[2Jabc",), "--access-token"),
    "token-empty": (("--refresh-token=",), "is empty"),
    "token-blank": (("--client-secret=   ",), "is empty"),
    "client-id-space": (("--client-id", "AB cd"), "server.client_id"),
    "template-unknown-variable": (("--invoice-description", "Inv %DOCNUMBER%"), "description"),
    "template-unclosed": (("--quote-description", "Quote %DOCUMENT_NUMBER"), "description"),
    "template-due-date-on-quote": (("--quote-description", "%DUE_DATE%"), "description"),
    "minutes-zero": (("--auto-sync-minutes", "0"), "sync.auto_sync_minutes"),
    "minutes-negative": (("--auto-sync-minutes", "-1"), "sync.auto_sync_minutes"),
    "minutes-over-a-day": (("--auto-sync-minutes", "99999"), "sync.auto_sync_minutes"),
    "minutes-huge": (("--auto-sync-minutes", "9" * 40), "sync.auto_sync_minutes"),
    "minutes-text": (("--auto-sync-minutes", "abc"), "not a whole number"),
    "minutes-float": (("--auto-sync-minutes", "1.5"), "not a whole number"),
    "environment-unknown": (("--environment", "staging"), "invalid choice"),
    "posting-mode-unknown": (("--posting-mode", "detailed"), "invalid choice"),
    "switch-unknown": (("--auto-sync-quotes", "yes"), "invalid choice"),
    "enabled-and-disabled": (("--enabled", "--disabled"), "not allowed with"),
    "unknown-option": (("--realmid", "5"), "unrecognized"),
    # all or nothing: one bad option keeps the good ones from being saved
    "good-realm-bad-number": (
        ("--realm-id", "555", "--customer-sync-number", "١"),
        "sync.customer_sync_number",
    ),
    "good-token-bad-realm": (("--access-token=AT-new-one", "--realm-id", "x"), "server.realm_id"),
    "good-secret-bad-url": (("--client-secret=new", "--flowfit-api-url", "ftp://x"), "api_url"),
    "good-template-bad-token": (
        ("--invoice-description", "Invoice", "--refresh-token=a b"),
        "--refresh-token",
    ),
    "several-bad": (("--realm-id", "x", "--customer-sync-number", "y"), "server.realm_id"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_value_is_refused_and_nothing_is_saved(profile: Path, case: str) -> None:
    options, needle = CASES[case]
    before = snapshot(profile)
    result = run("--profile", str(profile), "configure", *options)
    assert_clean_failure(result, 2, needle)
    assert_unchanged(before, profile)
    assert "RT1-hostile" not in result.text


STDIN_CASES: dict[str, tuple[str | bytes, str]] = {
    "nul": ("RT1-abc\x00def\n", "control characters"),
    "bell": ("RT1-abc\x07\n", "control characters"),
    "empty": ("", "is empty"),
    "newline-only": ("\n", "is empty"),
    "space-inside": ("RT1 abc\n", "spaces"),
    "not-utf-8": (b"\xff\xfe\xfa\n", "UTF-8"),
}


@pytest.mark.parametrize("case", STDIN_CASES)
def test_a_bad_secret_from_stdin_is_refused(profile: Path, case: str) -> None:
    given, needle = STDIN_CASES[case]
    before = snapshot(profile)
    result = run("--profile", str(profile), "configure", "--refresh-token", "-", stdin=given)
    assert_clean_failure(result, 2, needle)
    assert_unchanged(before, profile)


def test_a_closed_stdin_is_told(profile: Path) -> None:
    before = snapshot(profile)
    result = run("--profile", str(profile), "configure", "--client-secret", "-", closed_stdin=True)
    assert_clean_failure(result, 2, "no standard input")
    assert_unchanged(before, profile)


def test_a_good_value_is_still_saved(profile: Path) -> None:
    result = run(
        "--profile",
        str(profile),
        "configure",
        "--realm-id",
        "4620816365",
        "--map-service",
        "DTP=12",
    )
    assert result.code == 0, result.text
    assert '"realm_id": "4620816365"' in (profile / "settings.json").read_text()
