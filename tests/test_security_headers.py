"""Hardening: a strict Content-Security-Policy, security headers, private caching, cookies,
login throttling, and templates without inline script or style."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers import HTMX, add_data, step_url

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:")


def csp_of(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_hardened(response):
    policy = csp_of(response)
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    for directive, sources in policy.items():
        for source in sources:
            assert source not in UNSAFE, (directive, source)
            assert source in ("'self'", "'none'", "data:"), (directive, source)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-ID"]) == 32


def assert_private(response):
    cache = response["Cache-Control"]
    assert "no-store" in cache and "private" in cache


def test_a_page_a_fragment_and_a_record_carry_the_headers(client, db):
    from django.core.management import call_command

    from casebook import records
    from deliberation.models import Session

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    decided = Session.objects.get(title="Windmolens bij Oosterhoek")
    records.finalise(decided, by=decided.facilitator)
    client.force_login(decided.facilitator)

    page = client.get(step_url(decided, 2))
    assert page.status_code == 200
    assert_hardened(page)
    assert_private(page)

    fragment = client.get(f"/sessies/{decided.pk}/", **HTMX)
    assert_hardened(fragment)
    assert_private(fragment)

    record = client.get(f"/sessies/{decided.pk}/besluit/")
    assert record.status_code == 200
    assert_hardened(record)
    assert_private(record)

    pdf = client.get(f"/sessies/{decided.pk}/besluit/v1/pdf/")
    assert pdf.status_code == 200
    assert_private(pdf)
    assert pdf["X-Content-Type-Options"] == "nosniff"


def test_an_htmx_item_fragment_is_private_and_hardened(as_facilitator, session):
    response = as_facilitator.post(
        f"/sessies/{session.pk}/stakeholders/",
        add_data("stakeholders", name="Bewoners", kind="burgers"),
        **HTMX,
    )
    assert response.status_code == 200
    assert_hardened(response)
    assert_private(response)


def test_public_pages_are_hardened_but_may_be_cached(client, db):
    response = client.get("/help/")
    assert_hardened(response)
    assert "no-store" not in response.get("Cache-Control", "")


def test_hsts_and_secure_cookies_follow_the_production_settings(client, member, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    response = client.get("/inloggen/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    response = client.post(
        "/inloggen/",
        {"username": "member", "password": "a-long-test-password-123"},
        secure=True,
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_the_cookie_settings_are_strict():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_htmx_is_configured_for_the_strict_policy(as_member, session):
    page = as_member.get(f"/sessies/{session.pk}/").content.decode()
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'>', page).group(1)
    for setting in (
        '"includeIndicatorStyles": false',
        '"allowEval": false',
        '"allowScriptTags": false',
        '"historyCacheSize": 0',
        '"historyRestoreAsHxRequest": false',
    ):
        assert setting in config
    assert "hx-on" not in page


# --- templates ------------------------------------------------------------------------

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# The record's PDF template is rendered by WeasyPrint on the server and never sent to a
# browser; its <style> block holds the translated page counter.
PDF_TEMPLATES = {"casebook/record_pdf.html"}


def template_files():
    return sorted(TEMPLATES.rglob("*.html"))


def test_there_are_templates_to_scan():
    assert len(template_files()) > 30


@pytest.mark.parametrize("path", template_files(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script_or_style(path):
    text = path.read_text(encoding="utf-8")
    name = str(path.relative_to(TEMPLATES))
    assert not re.search(r"\sstyle\s*=", text), "style attribute"
    assert not re.search(r"\shx-on[:-]", text), "hx-on needs eval"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handler"
    assert not re.search(r"javascript:", text, re.IGNORECASE)
    for script in re.finditer(r"<script\b([^>]*)>", text):
        attributes = script.group(1)
        assert "src=" in attributes or 'type="application/json"' in attributes, "inline script"
    if name not in PDF_TEMPLATES:
        assert "<style" not in text, "style element"


# --- login throttling -------------------------------------------------------------------


def test_too_many_failed_logins_lock_the_account_at_that_address(client, member, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/inloggen/", {"username": "member", "password": "wrong-123456"})
        assert response.status_code == 200
    response = client.post("/inloggen/", {"username": "member", "password": "wrong-123456"})
    assert response.status_code == 429
    assert "15" in response.content.decode()
    # Even the right password is refused now.
    response = client.post(
        "/inloggen/", {"username": "member", "password": "a-long-test-password-123"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not locked out for this username.
    response = client.post(
        "/inloggen/",
        {"username": "member", "password": "a-long-test-password-123"},
        REMOTE_ADDR="10.0.0.7",
    )
    assert response.status_code == 302


def test_weak_passwords_are_refused(db):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["kort", "123456789012", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("Lange-zin-over-windmolens-42")


def test_an_expired_login_redirects_the_whole_page_for_htmx(client, session):
    response = client.get(f"/sessies/{session.pk}/stap/2/", **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/inloggen/")
