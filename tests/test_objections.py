from django.utils.translation import gettext as _

from deliberation.models import Objection
from tests.helpers import step_url


def object_at(client, session, step=5, text="We vergeten de boeren.", **extra):
    data = {"objection-step": step, "objection-text": text}
    data.update(extra)
    return client.post(f"/sessies/{session.pk}/tegenspraak/", data)


def test_a_participant_records_an_objection_at_a_step(as_member, session, member):
    response = object_at(as_member, session)
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.step, objection.author, objection.handling) == (5, member, "open")
    page = as_member.get(step_url(session, 5)).content.decode()
    assert "We vergeten de boeren." in page


def test_an_objection_can_be_recorded_without_a_name(as_member, session):
    object_at(as_member, session, **{"objection-anonymous": "on"})
    assert Objection.objects.get().author is None
    page = as_member.get(step_url(session, 5)).content.decode()
    assert _("Anonymous") in page


def test_an_empty_objection_or_an_unknown_step_is_refused(as_member, session):
    assert object_at(as_member, session, text="  ").status_code == 422
    assert object_at(as_member, session, step=42).status_code == 422
    assert not Objection.objects.exists()


def test_the_facilitator_records_what_was_done_with_it(
    as_member, as_facilitator, session, client, facilitator
):
    object_at(as_member, session)
    objection = Objection.objects.get()
    client.force_login(facilitator)
    url = f"/sessies/{session.pk}/tegenspraak/{objection.pk}/"
    prefix = f"handle-{objection.pk}"
    response = client.post(url, {f"{prefix}-handling": "terzijde", f"{prefix}-handling_reason": ""})
    assert response.status_code == 422
    assert _("An objection that is set aside needs a reason. Write down why.") in (
        response.content.decode()
    )
    objection.refresh_from_db()
    assert objection.handling == "open"

    response = client.post(
        url,
        {f"{prefix}-handling": "terzijde", f"{prefix}-handling_reason": "Boeren zitten in stap 2."},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.handling == "terzijde"
    assert objection.handled_by == facilitator


def test_a_participant_cannot_record_the_handling(as_member, session):
    object_at(as_member, session)
    objection = Objection.objects.get()
    prefix = f"handle-{objection.pk}"
    response = as_member.post(
        f"/sessies/{session.pk}/tegenspraak/{objection.pk}/", {f"{prefix}-handling": "meegewogen"}
    )
    assert response.status_code == 404
    objection.refresh_from_db()
    assert objection.handling == "open"
