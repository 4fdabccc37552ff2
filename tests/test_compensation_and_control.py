from django.utils.translation import gettext as _

from deliberation.models import CompensationMeasure, ControlAnswer, Stakeholder
from tests.helpers import add_data, main_data, step_url


def test_it_records_a_compensation_measure_with_owner_and_date(as_member, session):
    neighbours = Stakeholder.objects.create(session=session, name="Omwonenden", kind="burgers")
    response = as_member.post(
        f"/sessies/{session.pk}/measures/",
        add_data(
            "measures",
            stakeholder=neighbours.pk,
            action="Een omgevingsfonds instellen",
            owner="Wethouder",
            due_date="2027-03-01",
            status="gepland",
        ),
    )
    assert response.status_code == 302
    measure = CompensationMeasure.objects.get()
    assert measure.stakeholder == neighbours
    assert str(measure.due_date) == "2027-03-01"
    page = as_member.get(step_url(session, 7)).content.decode()
    assert "Een omgevingsfonds instellen" in page


def test_a_measure_for_a_stakeholder_of_another_session_is_refused(
    as_member, session, org_a, facilitator
):
    from deliberation.models import Session

    other = Session.objects.create(
        organisation=org_a, title="Ander", facilitator=facilitator, created_by=facilitator
    )
    foreign = Stakeholder.objects.create(session=other, name="Elders", kind="burgers")
    response = as_member.post(
        f"/sessies/{session.pk}/measures/",
        add_data("measures", stakeholder=foreign.pk, action="Iets", status="gepland"),
    )
    assert response.status_code == 422
    assert not CompensationMeasure.objects.exists()


def test_a_malformed_due_date_is_refused(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/measures/",
        add_data("measures", action="Iets", due_date="morgen", status="gepland"),
    )
    assert response.status_code == 422
    assert not CompensationMeasure.objects.exists()


def test_a_note_instead_of_measures_completes_step_7(as_member, session):
    as_member.post(
        step_url(session, 7), main_data(compensation_note="Er is geen schade voor derden.")
    )
    assert as_member.get(f"/sessies/{session.pk}/").context["steps"][6]["complete"] is True


def test_every_participant_answers_the_control_question(as_member, session, facilitator, client):
    url = f"/sessies/{session.pk}/controlevraag/"
    response = as_member.post(
        url,
        {
            "control-situation": "pijnlijk",
            "control-stance": "ja",
            "control-comment": "Uitlegbaar, maar het doet pijn.",
        },
    )
    assert response.status_code == 302
    page = as_member.get(url)
    assert page.context["control"]["count"] == 1
    assert page.context["steps"][7]["complete"] is False

    client.force_login(facilitator)
    client.post(url, {"control-situation": "prettig", "control-stance": "ja"})
    page = client.get(url)
    assert page.context["control"]["count"] == 2
    assert page.context["steps"][7]["complete"] is True
    assert "Uitlegbaar, maar het doet pijn." in page.content.decode()


def test_answering_again_replaces_the_earlier_answer(as_member, session):
    url = f"/sessies/{session.pk}/controlevraag/"
    as_member.post(url, {"control-situation": "prettig", "control-stance": "ja"})
    as_member.post(url, {"control-situation": "onprettig", "control-stance": "twijfel"})
    assert ControlAnswer.objects.get().situation == "onprettig"


def test_a_negative_answer_offers_to_go_back_to_step_2_or_5(as_member, session):
    url = f"/sessies/{session.pk}/controlevraag/"
    as_member.post(url, {"control-situation": "onprettig", "control-stance": "nee"})
    page = as_member.get(url).content.decode()
    assert _("Back to step 2: stakeholders") in page
    assert _("Back to step 5: arguments") in page
    assert step_url(session, 2) in page and step_url(session, 5) in page


def test_a_positive_answer_does_not_offer_to_go_back(as_member, session):
    url = f"/sessies/{session.pk}/controlevraag/"
    as_member.post(url, {"control-situation": "prettig", "control-stance": "ja"})
    assert _("Back to step 2: stakeholders") not in as_member.get(url).content.decode()


def test_an_invalid_answer_is_refused(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/controlevraag/", {"control-situation": "blij", "control-stance": ""}
    )
    assert response.status_code == 422
    assert not ControlAnswer.objects.exists()


def test_someone_who_oversees_but_does_not_take_part_cannot_answer(client, session, coordinator):
    client.force_login(coordinator)
    url = f"/sessies/{session.pk}/controlevraag/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"control-situation": "prettig", "control-stance": "ja"})
    assert response.status_code == 403
    assert not ControlAnswer.objects.exists()
