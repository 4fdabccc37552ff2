"""Two people editing the same thing: the second save is refused visibly."""

from django.test import Client
from django.utils.translation import gettext as _

from deliberation.models import Stakeholder
from tests.helpers import HTMX, edit_data, main_data, step_url


def test_the_second_of_two_saves_of_a_step_is_refused_with_a_conflict(session, member, facilitator):
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    # Both opened step 3 at version 0.
    first = alice.post(step_url(session, 3), main_data(0, owner_name="De wethouder"))
    assert first.status_code == 302
    second = bob.post(step_url(session, 3), main_data(0, owner_name="De burgemeester"))
    assert second.status_code == 409
    body = second.content.decode()
    assert _("Someone else saved this step while you were editing it.") in body
    assert "De wethouder" in body  # what is saved now
    assert "De burgemeester" in body  # what Bob typed is still in the form
    session.refresh_from_db()
    assert session.owner_name == "De wethouder"
    # Bob saves again deliberately, from the version he has now seen.
    third = bob.post(step_url(session, 3), main_data(1, owner_name="De burgemeester"))
    assert third.status_code == 302
    session.refresh_from_db()
    assert session.owner_name == "De burgemeester"


def test_the_conflict_is_also_shown_in_the_htmx_fragment(session, member, facilitator):
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    alice.post(step_url(session, 4), main_data(0, facts_sufficient="ja"))
    response = bob.post(step_url(session, 4), main_data(0, facts_sufficient="nee"), **HTMX)
    assert response.status_code == 409
    assert "<html" not in response.content.decode()
    session.refresh_from_db()
    assert session.facts_sufficient == "ja"


def test_saving_different_steps_at_once_is_no_conflict(session, member, facilitator):
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    assert alice.post(step_url(session, 3), main_data(0, owner_name="W")).status_code == 302
    assert bob.post(step_url(session, 4), main_data(0, facts_sufficient="ja")).status_code == 302


def test_the_second_of_two_edits_of_an_item_is_refused(session, member, facilitator):
    stakeholder = Stakeholder.objects.create(session=session, name="Bewoners", kind="burgers")
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    url = f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/"
    ok = alice.post(
        url, edit_data("stakeholders", stakeholder.pk, 0, name="Omwonenden", kind="burgers")
    )
    assert ok.status_code == 302
    clash = bob.post(
        url, edit_data("stakeholders", stakeholder.pk, 0, name="Dorpsraad", kind="burgers")
    )
    assert clash.status_code == 409
    assert _("Someone else changed this while you were editing it.") in clash.content.decode()
    stakeholder.refresh_from_db()
    assert stakeholder.name == "Omwonenden"


def test_two_additions_at_the_same_moment_both_land(session, member, facilitator):
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    for client, name in ((alice, "Bewoners"), (bob, "Boeren")):
        client.post(
            f"/sessies/{session.pk}/stakeholders/",
            {"add-stakeholders-name": name, "add-stakeholders-kind": "burgers"},
        )
    assert set(Stakeholder.objects.values_list("name", flat=True)) == {"Bewoners", "Boeren"}


def test_an_item_conflict_is_shown_in_the_htmx_region(session, member, facilitator):
    stakeholder = Stakeholder.objects.create(session=session, name="Bewoners", kind="burgers")
    alice, bob = Client(), Client()
    alice.force_login(member)
    bob.force_login(facilitator)
    url = f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/"
    alice.post(
        url, edit_data("stakeholders", stakeholder.pk, 0, name="Omwonenden", kind="burgers"), **HTMX
    )
    clash = bob.post(
        url, edit_data("stakeholders", stakeholder.pk, 0, name="Dorpsraad", kind="burgers"), **HTMX
    )
    assert clash.status_code == 409
    body = clash.content.decode()
    assert "<html" not in body and 'id="stakeholders"' in body
    assert "Omwonenden" in body and "Dorpsraad" in body
    stakeholder.refresh_from_db()
    assert stakeholder.name == "Omwonenden"
