"""The application works in Chromium under its strict Content-Security-Policy, and the
browser reports no violation on any page a coordinator, a manager or a facilitator uses."""

import pytest
from django.core.management import call_command
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from deliberation.models import Session

PASSWORD = "Toetssteen-demo-2026"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Session.objects.get(title="Windmolens bij Oosterhoek")


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[action='/inloggen/'] button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")


def watch_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    return violations


@pytest.mark.django_db(transaction=True)
def test_no_page_breaks_the_policy_and_htmx_still_works(page, live_server, demo):
    violations = watch_violations(page)
    log_in(page, live_server, "gespreksleider.lindeveen")
    session = Session.objects.create(
        organisation=demo.organisation,
        title="CSP-proef",
        facilitator=demo.facilitator,
        created_by=demo.facilitator,
    )
    session.participants.add(demo.facilitator)
    for path in ["/", "/kader/", "/besluiten/verifieren/", f"/sessies/{demo.pk}/"]:
        page.goto(f"{live_server.url}{path}")
    for number in range(1, 8):
        page.goto(f"{live_server.url}/sessies/{demo.pk}/stap/{number}/")

    # An htmx round trip: add a stakeholder, which swaps the list in place.
    page.goto(f"{live_server.url}/sessies/{session.pk}/stap/2/")
    page.get_by_label(capfirst(_("name")), exact=True).fill("Omwonenden onder CSP")
    page.get_by_label(capfirst(_("kind"))).select_option(label=str(_("Citizens")))
    page.get_by_role("button", name=_("Add stakeholder")).click()
    stakeholders = page.get_by_role("region", name=_("Stakeholders"))
    expect(
        stakeholders.get_by_role("listitem").filter(has_text="Omwonenden onder CSP")
    ).to_have_count(1)

    page.context.clear_cookies()
    log_in(page, live_server, "integriteitscoordinator.lindeveen")
    for path in ["/logboek/", f"/sessies/{demo.pk}/logboek/", "/besluiten/export/"]:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("h1")).to_be_visible()

    page.context.clear_cookies()
    log_in(page, live_server, "beheerder.lindeveen")
    page.goto(f"{live_server.url}/beheer/leden/")
    expect(page.locator("h1")).to_be_visible()
    assert violations == []
