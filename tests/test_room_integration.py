"""Meeting-room mode and the rest of the application: the guided control-question page
respects an answer given anonymously in the room (docs/meeting-room.md)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from deliberation.models import ControlAnswer, Room, RoomAnswered
from principles.models import AuditEvent

ANSWERED = (
    "You already answered the control question anonymously in the room. "
    "Your answer counts; you cannot give a second one."
)
NAMED = {"control-situation": "prettig", "control-stance": "ja", "control-comment": "Met naam"}


@pytest.fixture
def room(session, facilitator):
    return Room.open_for(session, by=facilitator)


@pytest.fixture
def in_room(member):
    client = Client()
    client.force_login(member)
    return client


def answer_in_room(client, session, **extra):
    data = {"situation": "pijnlijk", "stance": "nee", "comment": "Stil", **extra}
    return client.post(reverse("room_contribute", args=[session.pk, "controlevraag"]), data)


def control(client, session, data=None):
    url = reverse("control", args=[session.pk])
    return client.get(url) if data is None else client.post(url, data)


def test_the_page_says_you_answered_anonymously_without_showing_the_answer(in_room, session, room):
    assert answer_in_room(in_room, session, anonymous="on").status_code == 302
    page = control(in_room, session)
    assert page.status_code == 200
    html = page.content.decode()
    assert "data-answered-anonymously" in html
    assert 'name="control-stance"' not in html  # no form for a second answer
    assert page.context["my_answer"] is None
    assert page.context["control"]["count"] == 1  # the answer counts


def test_a_second_named_answer_is_refused_and_nothing_is_saved(in_room, session, room, member):
    answer_in_room(in_room, session, anonymous="on")
    response = control(in_room, session, NAMED)
    assert response.status_code == 409
    assert gettext(ANSWERED) in response.content.decode()
    assert "data-answered-anonymously" in response.content.decode()
    assert ControlAnswer.objects.filter(session=session).count() == 1
    assert not ControlAnswer.objects.filter(session=session, participant=member).exists()
    assert not AuditEvent.objects.filter(action="control.answer").exists()


def test_someone_else_who_did_not_answer_still_gets_the_form(
    in_room, as_facilitator, session, room
):
    answer_in_room(in_room, session, anonymous="on")
    html = control(as_facilitator, session).content.decode()
    assert 'name="control-stance"' in html and "data-answered-anonymously" not in html
    assert control(as_facilitator, session, NAMED).status_code == 302
    assert ControlAnswer.objects.filter(session=session).count() == 2


def test_a_named_answer_in_the_form_stops_a_second_one_in_the_room(in_room, session, room, member):
    assert control(in_room, session, NAMED).status_code == 302
    assert RoomAnswered.objects.filter(session=session, user=member).count() == 1
    refused = answer_in_room(in_room, session, anonymous="on")
    assert refused.status_code == 409
    assert ControlAnswer.objects.filter(session=session).count() == 1
    # The named answer can still be changed in the form.
    changed = control(in_room, session, {**NAMED, "control-stance": "nee"})
    assert changed.status_code == 302
    assert ControlAnswer.objects.get(session=session, participant=member).stance == "nee"


def test_a_named_answer_from_before_the_room_can_still_be_changed(in_room, session, member):
    ControlAnswer.objects.create(session=session, participant=member, situation="prettig")
    assert control(in_room, session, {**NAMED, "control-stance": "nee"}).status_code == 302
    assert ControlAnswer.objects.get(session=session).stance == "nee"
    assert not RoomAnswered.objects.filter(session=session).exists()


def test_a_named_answer_in_the_room_shows_in_the_form(in_room, session, room, member):
    assert answer_in_room(in_room, session).status_code == 302
    page = control(in_room, session)
    assert page.context["my_answer"].participant == member
    assert "data-answered-anonymously" not in page.content.decode()


def test_retention_removes_throttle_rows_older_than_a_minute(session, member, facilitator):
    """Who posted when is only needed to throttle; the daily job removes older rows."""
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from deliberation.models import RoomPost

    now = timezone.now()
    RoomPost.objects.create(session=session, user=member, at=now - timedelta(minutes=5))
    RoomPost.objects.create(session=session, user=facilitator, at=now - timedelta(hours=3))
    fresh = RoomPost.objects.create(session=session, user=member, at=now)
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert list(RoomPost.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert "2 throttle rows older than a minute removed" in out.getvalue()
