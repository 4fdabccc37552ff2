"""Nobody sees or changes another organisation's sessions: every URL answers 404."""

import pytest

from deliberation.models import (
    Argument,
    Draft,
    Objection,
    Session,
    Stakeholder,
)


@pytest.fixture
def filled(session, member):
    stakeholder = Stakeholder.objects.create(session=session, name="Bewoners", kind="burgers")
    argument = Argument.objects.create(session=session, side="X", category="B", text="Recht")
    objection = Objection.objects.create(session=session, step=2, author=member, text="Bezwaar")
    return {"stakeholder": stakeholder, "argument": argument, "objection": objection}


def session_urls(session, filled):
    pk = session.pk
    s, a, o = filled["stakeholder"].pk, filled["argument"].pk, filled["objection"].pk
    gets = [
        f"/sessies/{pk}/",
        f"/sessies/{pk}/gegevens/",
        f"/sessies/{pk}/controlevraag/",
        f"/sessies/{pk}/stakeholders/{s}/",
        f"/sessies/{pk}/arguments/{a}/",
    ]
    gets += [f"/sessies/{pk}/stap/{n}/" for n in range(1, 8)]
    posts = [
        (f"/sessies/{pk}/stap/1/", {"main-version": 0, "main-option_x": "Gekaapt"}),
        (f"/sessies/{pk}/stap/6/", {"main-version": 0, "main-reasoning": "Gekaapt"}),
        (f"/sessies/{pk}/gegevens/", {"title": "Gekaapt"}),
        (
            f"/sessies/{pk}/stakeholders/",
            {"add-stakeholders-name": "X", "add-stakeholders-kind": "burgers"},
        ),
        (
            f"/sessies/{pk}/stakeholders/{s}/",
            {
                f"edit-stakeholders-{s}-version": 0,
                f"edit-stakeholders-{s}-name": "Gekaapt",
                f"edit-stakeholders-{s}-kind": "burgers",
            },
        ),
        (f"/sessies/{pk}/stakeholders/{s}/verwijderen/", {}),
        (f"/sessies/{pk}/arguments/{a}/verplaatsen/", {"direction": "down"}),
        (f"/sessies/{pk}/arguments/{a}/verwijderen/", {}),
        (f"/sessies/{pk}/controlevraag/", {"control-situation": "prettig", "control-stance": "ja"}),
        (f"/sessies/{pk}/tegenspraak/", {"objection-step": 1, "objection-text": "Gekaapt"}),
        (f"/sessies/{pk}/tegenspraak/{o}/", {f"handle-{o}-handling": "meegewogen"}),
        (f"/sessies/{pk}/sluiten/", {"close-conclusion": "Gekaapt"}),
        (f"/sessies/{pk}/heropenen/", {}),
        (f"/sessies/{pk}/concept/step-1/", {"main-option_x": "Gekaapt"}),
        (f"/sessies/{pk}/concept/step-1/verwerpen/", {}),
    ]
    return gets, posts


def snapshot(session):
    fresh = Session.objects.get(pk=session.pk)
    return (
        fresh.title,
        fresh.option_x,
        fresh.reasoning,
        fresh.status,
        fresh.version_1,
        list(Stakeholder.objects.values_list("name", "version")),
        list(Argument.objects.values_list("text", "position")),
        list(Objection.objects.values_list("text", "handling")),
        Draft.objects.count(),
    )


@pytest.mark.parametrize("persona", ["outsider", "bystander"])
def test_every_session_url_answers_404_and_changes_nothing(
    client, session, filled, persona, request
):
    client.force_login(request.getfixturevalue(persona))
    before = snapshot(session)
    gets, posts = session_urls(session, filled)
    for url in gets:
        assert client.get(url).status_code == 404, url
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 404, url
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    assert snapshot(session) == before


def test_another_organisations_session_is_not_listed(as_outsider, session):
    response = as_outsider.get("/")
    assert session.title not in response.content.decode()


def test_an_outsider_cannot_pick_members_of_another_organisation(as_outsider, member):
    response = as_outsider.post(
        "/sessies/nieuw/",
        {
            "title": "Infiltratie",
            "date": "2026-11-30",
            "mode": "collegiaal",
            "facilitator": member.pk,
        },
    )
    assert response.status_code == 422
    assert not Session.objects.filter(title="Infiltratie").exists()


def test_coordinator_and_manager_of_the_organisation_may_read(
    client, session, coordinator, manager
):
    for person in (coordinator, manager):
        client.force_login(person)
        assert client.get(f"/sessies/{session.pk}/").status_code == 200
        assert client.get(f"/sessies/{session.pk}/stap/5/").status_code == 200


def test_a_reader_who_does_not_take_part_cannot_change_the_session(client, session, coordinator):
    client.force_login(coordinator)
    response = client.post(
        f"/sessies/{session.pk}/stap/1/", {"main-version": 0, "main-option_x": "Anders"}
    )
    assert response.status_code == 403
    session.refresh_from_db()
    assert session.option_x == "Vergunning verlenen"


def test_pages_need_a_login(client, session):
    response = client.get(f"/sessies/{session.pk}/stap/1/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_an_htmx_request_with_an_expired_login_redirects_the_whole_page(client, session):
    response = client.get(f"/sessies/{session.pk}/stap/1/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/inloggen/")
