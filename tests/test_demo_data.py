"""The demo data that `make run` loads: complete, realistic and loaded only once."""

from io import StringIO

from django.core.management import call_command

from deliberation.models import Argument, Session
from principles.models import Membership, Organisation, Role


def counts():
    return (
        Organisation.objects.count(),
        Membership.objects.count(),
        Session.objects.count(),
        Argument.objects.count(),
    )


def test_loading_the_demo_twice_adds_nothing_the_second_time(db):
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
    assert first[0] == 3


def test_every_organisation_has_a_user_for_every_role(db):
    call_command("load_demo", stdout=StringIO())
    for organisation in Organisation.objects.all():
        roles = set(organisation.memberships.values_list("role", flat=True))
        assert roles == set(Role.values), organisation


def test_a_demo_facilitator_logs_in_and_sees_complete_sessions(client, db, settings):
    call_command("load_demo", stdout=StringIO())
    response = client.post(
        "/inloggen/",
        {"username": "gespreksleider.lindeveen", "password": "Toetssteen-demo-2026"},
    )
    assert response.status_code == 302
    decided = Session.objects.filter(
        status=Session.Status.DECIDED, organisation__name="Gemeente Lindeveen"
    )
    assert decided.exists()
    for session in decided:
        page = client.get(f"/sessies/{session.pk}/")
        assert page.status_code == 200
        assert all(step["complete"] for step in page.context["steps"]), session.title


def test_there_are_at_least_four_complete_sessions(db):
    call_command("load_demo", stdout=StringIO())
    complete = [
        s
        for s in Session.objects.all()
        if all(s.load_progress().step_complete(n) for n in range(1, 9))
    ]
    assert len(complete) >= 4
