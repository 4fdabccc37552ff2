"""A new user walks one whole session, step 1 to the control question, in Chromium.

Locators use roles and labels as a person reads them, in the Dutch interface.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from deliberation.models import Session
from principles.models import CoreValue, Membership, Organisation

PASSWORD = "walk-through-password-2026"


@pytest.fixture
def new_user(transactional_db):
    org = Organisation.objects.create(name="Gemeente Wandelburg", kind="gemeente")
    CoreValue.objects.create(organisation=org, name="Betrouwbaarheid", position=1)
    user = User.objects.create_user(
        "nieuw", password=PASSWORD, first_name="Noor", last_name="Nieuw"
    )
    Membership.objects.create(user=user, organisation=org, role="gespreksleider")
    return user


def field(verbose_name):
    """A model field's label as Django shows it: translated, first letter capitalised."""
    return capfirst(_(verbose_name))


def save_and_wait(page):
    page.get_by_role("button", name=_("Save"), exact=True).click()
    expect(page.get_by_text(_("Saved."), exact=True)).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_new_user_runs_a_session_from_step_1_to_the_control_question(
    page, live_server, new_user, artifacts
):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label(capfirst(_("username"))).fill("nieuw")
    page.get_by_label(capfirst(_("password"))).fill(PASSWORD)
    page.get_by_role("button", name=_("Log in")).click()

    page.get_by_role("link", name=_("Start a new session")).click()
    page.get_by_label(field("title")).fill("Windmolens aan de dijk")
    page.get_by_role("button", name=_("Create session")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_("What is the problem?"))

    # Step 1: the problem as a choice between two actions.
    page.get_by_label(_("Problem statement")).fill("Staan we windmolens toe bij het dorp?")
    page.get_by_label(_("Option X"), exact=True).fill("Vergunning verlenen")
    page.get_by_label(_("Option Y"), exact=True).fill("Vergunning weigeren")
    page.get_by_label(_("Justified doubt")).check()
    rule = page.get_by_role(
        "group", name=_("Is there a clear legal rule that commands or forbids this?")
    )
    rule.get_by_label(_("No"), exact=True).check()
    save_and_wait(page)

    # Step 2: stakeholders, citizens first.
    page.get_by_role("link", name=re.compile(_("Stakeholders"))).first.click()
    page.get_by_label(field("name"), exact=True).fill("Omwonenden")
    page.get_by_label(field("kind")).select_option(label=str(_("Citizens")))
    page.get_by_label(field("rights")).fill("Recht op een gezonde woonomgeving")
    page.get_by_role("button", name=_("Add stakeholder")).click()
    stakeholders = page.get_by_role("region", name=_("Stakeholders"))
    expect(stakeholders.get_by_role("listitem").filter(has_text="Omwonenden")).to_have_count(1)

    # Step 3: who decides.
    page.get_by_role("link", name=re.compile(_("Problem owner"))).first.click()
    page.get_by_label(_("Who decides?")).fill("De wethouder ruimtelijke ordening")
    page.get_by_role("group", name=_("Is this group the owner of the problem?")).get_by_label(
        _("Yes"), exact=True
    ).check()
    save_and_wait(page)

    # Step 4: facts.
    page.get_by_role("link", name=re.compile(_("Facts"))).first.click()
    page.get_by_label(field("fact"), exact=True).fill("De molens komen op 400 meter van de huizen.")
    page.get_by_role("button", name=_("Add fact")).click()
    facts = page.get_by_role("region", name=_("Known facts"))
    expect(facts.get_by_role("listitem").filter(has_text="400 meter")).to_have_count(1)
    page.get_by_label(_("Yes, the facts are sufficiently known")).check()
    save_and_wait(page)

    # Step 5: arguments for X and for Y.
    page.get_by_role("link", name=re.compile(_("Arguments"))).first.click()
    for side, category, text in (
        (
            _("For X"),
            _("B – principle, right or core value"),
            "Iedereen heeft recht op schone energie.",
        ),
        (_("For Y"), _("B – principle, right or core value"), "Bewoners hebben recht op rust."),
        (_("For X"), _("G – consequence"), "De energierekening daalt."),
    ):
        form = page.locator("#arguments form").filter(
            has=page.get_by_role("button", name=_("Add argument"))
        )
        form.get_by_role("group", name=field("side")).get_by_label(side, exact=True).check()
        form.get_by_label(field("argument"), exact=True).fill(text)
        form.get_by_role("group", name=_("B, G or S")).get_by_label(category).check()
        form.get_by_role("button", name=_("Add argument")).click()
        table = page.get_by_role("table")
        expect(table.get_by_role("cell").filter(has_text=text)).to_have_count(1)
    page.screenshot(path=str(artifacts / "step-5-arguments.png"), full_page=True)

    # Step 6: the decision and the touchstone.
    page.get_by_role("link", name=re.compile(_("Decision"))).first.click()
    page.get_by_role("group", name=_("Which option do you choose?")).get_by_label(
        _("Option X"), exact=True
    ).check()
    page.get_by_label(re.compile("Iedereen heeft recht op schone energie")).check()
    page.get_by_label(_("Why do these arguments weigh heaviest?")).fill(
        "Het recht op schone energie weegt zwaarder; de overlast compenseren we."
    )
    for name in ("Rechtsgelijkheid", "Rechtmatigheid", "Rechtvaardigheid"):
        page.get_by_role("group", name=name, exact=True).get_by_label(_("Holds")).check()
    for number in range(1, 8):
        page.get_by_role("group", name=re.compile(rf"^{number}\. ")).get_by_label(
            _("Serves it")
        ).check()
    save_and_wait(page)

    # Step 7: compensation.
    page.get_by_role("link", name=re.compile(_("Compensation"))).first.click()
    page.get_by_label(field("what is done")).fill("Een omgevingsfonds voor de omwonenden.")
    page.get_by_label(field("owner"), exact=True).fill("Wethouder")
    page.get_by_role("button", name=_("Add measure")).click()
    measures = page.get_by_role("region", name=_("Compensation measures"))
    expect(measures.get_by_role("listitem").filter(has_text="omgevingsfonds")).to_have_count(1)

    # The control question.
    page.get_by_role("link", name=re.compile(_("Control question"))).first.click()
    page.get_by_label(_("Explainable, but painful")).check()
    page.get_by_label(_("Yes, I stand behind the decision")).check()
    page.get_by_role("button", name=_("Save my answer")).click()
    expect(page.get_by_text(_("Thank you, your answer has been saved."))).to_be_visible()
    page.screenshot(path=str(artifacts / "control-question.png"), full_page=True)

    stepper = page.get_by_role("navigation", name=_("Steps of the deliberation"))
    expect(stepper.get_by_text(_("not complete"), exact=True)).to_have_count(0)
    session = Session.objects.get(title="Windmolens aan de dijk")
    assert session.status == Session.Status.DECIDED
    assert session.chosen_option == "X"
