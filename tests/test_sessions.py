from django.utils.translation import gettext as _

from deliberation.models import Session


def test_the_home_page_lists_my_sessions_by_status(as_member, session):
    response = as_member.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert session.title in body
    assert str(Session.Status.DRAFT.label) in body


def test_a_member_starts_a_session_with_colleagues(as_member, member, facilitator, bystander):
    response = as_member.post(
        "/sessies/nieuw/",
        {
            "title": "Participatie nieuwe wijk",
            "date": "2026-12-01",
            "mode": "collegiaal",
            "facilitator": facilitator.pk,
            "participants": [bystander.pk],
        },
    )
    session = Session.objects.get(title="Participatie nieuwe wijk")
    assert response["Location"] == f"/sessies/{session.pk}/stap/1/"
    assert session.created_by == member
    assert set(session.participants.all()) == {member, facilitator, bystander}
    assert session.status == Session.Status.DRAFT


def test_an_individual_session_has_only_me(as_member, member, facilitator):
    as_member.post(
        "/sessies/nieuw/",
        {
            "title": "Alleen",
            "date": "2026-12-01",
            "mode": "individueel",
            "facilitator": facilitator.pk,
            "participants": [facilitator.pk],
        },
    )
    session = Session.objects.get(title="Alleen")
    assert session.facilitator == member
    assert list(session.participants.all()) == [member]


def test_a_session_needs_a_title_and_a_valid_date(as_member, member):
    response = as_member.post(
        "/sessies/nieuw/",
        {"title": "", "date": "31-02-2026", "mode": "collegiaal", "facilitator": member.pk},
    )
    assert response.status_code == 422
    assert _("There is a problem") in response.content.decode()
    assert not Session.objects.exists()


def test_an_overlong_title_is_refused(as_member, member):
    response = as_member.post(
        "/sessies/nieuw/",
        {"title": "x" * 201, "date": "2026-12-01", "mode": "collegiaal", "facilitator": member.pk},
    )
    assert response.status_code == 422
    assert not Session.objects.exists()


def test_the_facilitator_changes_the_details(as_facilitator, session, facilitator, member):
    response = as_facilitator.post(
        f"/sessies/{session.pk}/gegevens/",
        {
            "title": "Nieuwe titel",
            "date": "2026-12-02",
            "mode": "collegiaal",
            "facilitator": facilitator.pk,
            "participants": [member.pk],
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Nieuwe titel"


def test_a_participant_cannot_change_the_details(as_member, session, member):
    response = as_member.get(f"/sessies/{session.pk}/gegevens/")
    assert response.status_code == 404


def test_the_overview_shows_every_step(as_member, session):
    response = as_member.get(f"/sessies/{session.pk}/")
    assert response.status_code == 200
    assert len(response.context["steps"]) == 8
    assert "Vergunning verlenen" in response.content.decode()


def test_an_unknown_step_is_not_found(as_member, session):
    assert as_member.get(f"/sessies/{session.pk}/stap/9/").status_code == 404
    assert as_member.get(f"/sessies/{session.pk}/stap/0/").status_code == 404


def test_step_8_is_the_control_question(as_member, session):
    response = as_member.get(f"/sessies/{session.pk}/stap/8/")
    assert response["Location"] == f"/sessies/{session.pk}/controlevraag/"


def test_a_step_without_its_own_form_refuses_a_post(as_member, session):
    response = as_member.post(f"/sessies/{session.pk}/stap/5/", {"x": "y"})
    assert response.status_code == 400


def test_a_user_without_an_organisation_sees_an_explanation(client, db):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("loner"))
    response = client.get("/")
    assert (
        _(
            "Your account does not belong to an organisation yet. Ask your administrator to "
            "add you."
        ).replace("'", "&#x27;")
        in response.content.decode()
    )
    assert client.get("/sessies/nieuw/").status_code == 404
