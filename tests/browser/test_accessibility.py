"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page, in Dutch and English."""

from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from casebook import records
from casebook.models import RecordExport
from deliberation.models import Objection, Session

WCAG = {
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
        ],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def pages(transactional_db):
    """The URLs of every kind of page, filled with the demo data."""
    call_command("load_demo", stdout=StringIO())
    decided = Session.objects.get(title="Windmolens bij Oosterhoek")
    records.finalise(decided, by=decided.facilitator)
    open_session = Session.objects.get(title="Participatie bij de nieuwe wijk Veldkamp")
    Objection.objects.create(session=open_session, step=5, text="Wij missen de jongeren.")
    export = RecordExport.objects.create(
        organisation=decided.organisation,
        requested_by=decided.facilitator,
        total=1,
        selection=[decided.record_versions.get().pk],
    )
    pk = open_session.pk
    return {
        "anonymous": ["/inloggen/", "/help/", "/toegankelijkheid/"],
        "gespreksleider.lindeveen": [
            "/",
            "/sessies/nieuw/",
            "/kader/",
            f"/sessies/{pk}/",
            f"/sessies/{pk}/gegevens/",
            *[f"/sessies/{pk}/stap/{n}/" for n in range(1, 8)],
            f"/sessies/{pk}/controlevraag/",
            f"/sessies/{pk}/vaststellen/",
            f"/sessies/{pk}/arguments/{open_session.arguments.first().pk}/",
            f"/sessies/{decided.pk}/",
            f"/sessies/{decided.pk}/besluit/",
            "/besluiten/verifieren/",
        ],
        "manager.lindeveen": ["/besluiten/export/", f"/besluiten/export/{export.pk}/"],
    }


def log_in(page, base, username):
    page.goto(f"{base}/inloggen/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("Toetssteen-demo-2026")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"{base}/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_every_page_passes_axe(browser, live_server, pages, locale):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    axe = Axe()
    failures = []
    for who, urls in pages.items():
        if who != "anonymous":
            context.clear_cookies()
            log_in(page, live_server.url, who)
        for url in urls:
            response = page.goto(f"{live_server.url}{url}")
            assert response.status == 200, url
            results = axe.run(page, options=WCAG)
            if results.violations_count:
                failures.append(f"{url} ({locale}):\n{results.generate_report()}")
    context.close()
    assert not failures, "\n\n".join(failures)
