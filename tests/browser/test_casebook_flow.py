"""Issue 4, "Done when", in Chromium: a coordinator of a demo organisation finds a precedent by
search and a facet, annotates it, shares an anonymised version with another organisation,
sees and closes a signal, and triages an anonymous reported dilemma.

Everything starts from the demo data (``manage.py load_demo``): Gemeente Lindeveen's
finalised cases, the open signal of its unit Werk en inkomen and its two reported dilemmas.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from casebook.models import CaseAnnotation, CaseShare, IntakeReport, Signal
from deliberation.demo_data import PASSWORD, RECOVERY

PRECEDENT = RECOVERY["title"]


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=StringIO())


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label(capfirst(_("username"))).fill(username)
    page.get_by_label(capfirst(_("password"))).fill(PASSWORD)
    page.get_by_role("button", name=_("Log in"), exact=True).click()
    page.wait_for_url(f"{live_server.url}/")


def log_out(page):
    page.get_by_role("button", name=_("Log out"), exact=True).click()


def lindeveen_names():
    """Every name a person of Lindeveen is known by in Toetssteen."""
    names = set()
    for user in get_user_model().objects.filter(
        membership__organisation__name="Gemeente Lindeveen"
    ):
        names |= {user.get_full_name(), user.first_name, user.last_name, user.username}
    return {name for name in names if name}


@pytest.mark.django_db(transaction=True)
def test_a_coordinator_finds_reviews_shares_closes_a_signal_and_triages(
    page, live_server, demo, artifacts
):
    # htmx swaps the results; none of it may break the Content-Security-Policy.
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    log_in(page, live_server, "integriteitscoordinator.lindeveen")

    # --- find a precedent: a search term, then a facet ------------------------------------
    page.goto(f"{live_server.url}/casebook/")
    page.get_by_label(_("Search in the casebook"), exact=True).fill("uitvaart")
    page.get_by_role("button", name=_("Search"), exact=True).click()
    results = page.locator("#results")
    expect(results.get_by_role("link", name=PRECEDENT)).to_be_visible()
    # Two cases speak of a funeral; only one chose option Y.
    expect(results.locator(".case-result")).to_have_count(2)
    option = page.locator("fieldset[data-facet='optie']")
    option.get_by_label(re.compile(re.escape(_("Option Y")))).check()
    expect(results.locator(".case-result")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"[?&]optie=Y"))
    page.screenshot(path=str(artifacts / "casebook-search.png"), full_page=True)
    results.get_by_role("link", name=PRECEDENT).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PRECEDENT)
    case_url = page.url

    # --- annotate it: a lesson, a theme, leidende casus -----------------------------------
    page.get_by_role("link", name=_("Review and link"), exact=True).click()
    lesson = "Vraag bij een gift altijd eerst waar het geld aan is besteed."
    page.get_by_label(_("Lessons learned"), exact=True).fill(lesson)
    page.get_by_label(_("New themes"), exact=True).fill("Giften")
    page.get_by_label(_("Leading case (leidende casus)"), exact=True).check()
    page.get_by_role("button", name=_("Save the review"), exact=True).click()
    expect(page.get_by_text(_("The review of this case has been saved."))).to_be_visible()
    page.goto(case_url)
    panel = page.locator("[data-review-panel]")
    expect(panel).to_contain_text(lesson)
    expect(panel).to_contain_text("Giften")
    expect(panel).to_contain_text(_("Leading case (leidende casus)"))
    annotation = CaseAnnotation.objects.get(session__title=PRECEDENT)
    assert annotation.leading and annotation.lessons == lesson
    assert "Giften" in {theme.name for theme in annotation.themes.all()}

    # --- share an anonymised version with other organisations -----------------------------
    panel.get_by_role("link", name=_("Sharing"), exact=True).click()
    page.locator("input[name='level'][value='overheid']").check()
    page.get_by_label(_("Consent given by (the problem owner)"), exact=True).fill(
        "Teamleider Werk en inkomen"
    )
    page.get_by_label(_("Consent given on"), exact=True).fill(
        page.evaluate("() => new Date().toISOString().slice(0, 10)")
    )
    page.get_by_role("button", name=_("Show the preview"), exact=True).click()
    preview = page.locator("[data-preview]")
    expect(preview).to_be_visible()
    expect(page.locator("[data-leftovers]")).to_have_count(0)
    page.screenshot(path=str(artifacts / "casebook-share-preview.png"), full_page=True)
    page.get_by_role(
        "button", name=_("Approve this anonymised version and save"), exact=True
    ).click()
    expect(
        page.get_by_text(_("The anonymised version has been approved and the case is shared."))
    ).to_be_visible()
    share = CaseShare.objects.get(session__title=PRECEDENT)
    assert share.level == CaseShare.Level.GOVERNMENT and share.approved_at

    # --- another organisation sees it, without any original name --------------------------
    log_out(page)
    log_in(page, live_server, "integriteitscoordinator.zuiderland")
    page.goto(f"{live_server.url}/gedeeld/")
    page.get_by_role("link", name=PRECEDENT).click()
    expect(page).to_have_url(f"{live_server.url}/gedeeld/{share.pk}/")
    shared = page.locator("main").inner_text()
    assert "uitvaart" in shared
    for name in lindeveen_names():
        assert not re.search(rf"\b{re.escape(name)}\b", shared, re.IGNORECASE), name
    assert not re.search(r"\bLindeveen\b", page.content())
    page.screenshot(path=str(artifacts / "casebook-shared.png"), full_page=True)
    log_out(page)

    # --- back in Lindeveen: the open signal, closed after a conversation -------------------
    log_in(page, live_server, "integriteitscoordinator.lindeveen")
    page.goto(f"{live_server.url}/signalen/")
    signal = Signal.objects.get(status=Signal.Status.OPEN)
    article = page.locator("article.signal").filter(
        has=page.get_by_role("heading", name=re.compile("Werk en inkomen"))
    )
    expect(article).to_be_visible()
    article.get_by_label(_("What was discussed"), exact=True).fill(
        "De regels in de bijstand laten te weinig ruimte voor maatwerk."
    )
    article.get_by_label(_("Outcome"), exact=True).fill(
        "Een werkinstructie voor maatwerk, met de beleidsafdeling."
    )
    article.get_by_role(
        "button", name=_("Record the conversation and close the signal"), exact=True
    ).click()
    expect(
        page.get_by_text(
            _("The conversation has been recorded and the signal is closed. Thank you.")
        )
    ).to_be_visible()
    expect(page.locator("article.signal")).to_have_count(0)
    signal.refresh_from_db()
    assert signal.status == Signal.Status.CLOSED and signal.closed_by.username.startswith(
        "integriteitscoordinator."
    )

    # --- triage the anonymous reported dilemma: answer it ---------------------------------
    page.goto(f"{live_server.url}/meldingen/")
    row = page.get_by_role("row").filter(has_text=_("Anonymous"))
    expect(row).to_have_count(1)
    row.get_by_role("link").click()
    answer = "Dank je. We bespreken dit in het gesprek over maatwerk in de bijstand."
    page.get_by_label(_("Your answer"), exact=True).fill(answer)
    page.get_by_role("button", name=_("Send the answer"), exact=True).click()
    expect(page.get_by_text(_("Your answer has been saved."))).to_be_visible()
    expect(page.get_by_text(answer)).to_be_visible()
    report = IntakeReport.objects.get(anonymous=True)
    assert report.status == IntakeReport.Status.ANSWERED and report.sender is None
    page.screenshot(path=str(artifacts / "casebook-intake.png"), full_page=True)
    # Every page of the flow, of both organisations, ran in this one browser page.
    assert violations == []
