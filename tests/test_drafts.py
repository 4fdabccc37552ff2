"""Nothing typed is lost when someone navigates away."""

from django.utils.translation import gettext as _

from deliberation.models import Draft
from tests.helpers import HTMX, main_data, step_url


def test_typing_is_kept_as_a_draft_and_put_back_on_return(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/concept/step-3/",
        main_data(0, owner_name="De gedeputeerde", owner_note="Nog niet opgeslagen"),
        **HTMX,
    )
    assert response.status_code == 204
    page = as_member.get(step_url(session, 3)).content.decode()
    assert "De gedeputeerde" in page
    assert "Nog niet opgeslagen" in page
    session.refresh_from_db()
    assert session.owner_name == ""


def test_saving_the_step_clears_the_draft(as_member, session):
    as_member.post(f"/sessies/{session.pk}/concept/step-3/", main_data(0, owner_name="A"))
    as_member.post(step_url(session, 3), main_data(0, owner_name="A"))
    assert not Draft.objects.exists()


def test_a_draft_can_be_discarded(as_member, session):
    as_member.post(f"/sessies/{session.pk}/concept/step-3/", main_data(0, owner_name="Weg"))
    response = as_member.post(f"/sessies/{session.pk}/concept/step-3/verwerpen/")
    assert response.status_code == 302
    assert "Weg" not in as_member.get(step_url(session, 3)).content.decode()


def test_drafts_are_personal(as_member, session, client, facilitator):
    as_member.post(f"/sessies/{session.pk}/concept/step-3/", main_data(0, owner_name="Privé"))
    client.force_login(facilitator)
    assert "Privé" not in client.get(step_url(session, 3)).content.decode()


def test_a_draft_of_an_unknown_form_is_not_found(as_member, session):
    response = as_member.post(f"/sessies/{session.pk}/concept/whatever/", {"x": "y"})
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_a_draft_for_a_new_argument_is_put_back(as_member, session):
    as_member.post(
        f"/sessies/{session.pk}/concept/add-arguments/",
        {"add-arguments-text": "Half getypt argument"},
    )
    page = as_member.get(step_url(session, 5)).content.decode()
    assert "Half getypt argument" in page
    assert _("We put back what you typed earlier but did not save yet.") in page
