"""Meeting-room mode (issue 5, docs/meeting-room.md) through its real URLs."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext

from deliberation import room as room_views
from deliberation.models import (
    Argument,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    Room,
    RoomAnswered,
    RoomInvitation,
    RoomPost,
    RoomSetAside,
    Stakeholder,
)
from principles.models import AuditEvent
from tests.conftest import make_user


@pytest.fixture
def room(session, facilitator):
    return Room.open_for(session, by=facilitator)


def url(name, session, *args):
    return reverse(name, args=[session.pk, *args])


def post(client, session, kind, data, htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url("room_contribute", session, kind), data, headers=headers)


# --- URLs resolve to the room, not to deliberation's catch-all -----------------------------------


@pytest.mark.parametrize(
    "path,view",
    [
        ("/sessies/1/zaal/", room_views.device),
        ("/sessies/1/zaal/status/", room_views.device_state),
        ("/sessies/1/zaal/groep/", room_views.device_group),
        ("/sessies/1/zaal/scherm/", room_views.screen),
        ("/sessies/1/zaal/leiden/", room_views.console),
        ("/sessies/1/zaal/bijdrage/facts/", room_views.contribute),
        ("/sessies/1/zaal/modereren/arguments/3/", room_views.moderate),
        ("/zaal/ABCDEF/", room_views.join_code),
        ("/zaal/uitnodiging/abc/", room_views.invitation),
    ],
)
def test_room_urls_resolve_to_the_room_views(path, view):
    assert resolve(path).func is view


# --- joining -------------------------------------------------------------------------------------


def test_a_member_joins_by_code_and_becomes_a_participant(client, session, room, bystander):
    client.force_login(bystander)
    page = client.get(f"/zaal/{room.code.lower()}/")  # typed in lower case: still right
    assert page.status_code == 200 and session.title in page.content.decode()
    response = client.post(reverse("room_join_code", args=[room.code]))
    assert response.status_code == 302 and response["Location"] == url("room_device", session)
    assert session.participants.filter(pk=bystander.pk).exists()
    assert AuditEvent.objects.filter(action="room.join", result="ok").count() == 1
    assert client.get(url("room_device", session)).status_code == 200


def test_the_code_form_sends_to_the_code_page(as_member, room):
    response = as_member.post(reverse("room_join"), {"code": f" {room.code.lower()} "})
    assert response["Location"] == reverse("room_join_code", args=[room.code])


def test_a_wrong_code_says_so_plainly(as_member, room):
    page = as_member.get(reverse("room_join_code", args=["QQQQQQ"]))
    assert page.status_code == 200
    assert 'data-room-error="wrong"' in page.content.decode()


def test_an_expired_code_says_so(as_member, session, room, facilitator, bystander):
    Room.objects.filter(pk=room.pk).update(code_expires_at=timezone.now() - timedelta(minutes=1))
    as_member.force_login(bystander)
    page = as_member.post(reverse("room_join_code", args=[room.code]))
    assert 'data-room-error="expired"' in page.content.decode()
    assert not session.participants.filter(pk=bystander.pk).exists()


def test_an_ended_room_code_no_longer_works(as_facilitator, session, room):
    as_facilitator.post(url("room_end", session))
    page = as_facilitator.get(reverse("room_join_code", args=[room.code]))
    assert 'data-room-error="expired"' in page.content.decode()


def test_another_organisation_cannot_join_by_code(as_outsider, session, room, outsider):
    response = as_outsider.post(reverse("room_join_code", args=[room.code]))
    assert response.status_code == 403
    assert 'data-room-error="organisation"' in response.content.decode()
    assert session.title not in response.content.decode()
    assert not session.participants.filter(pk=outsider.pk).exists()
    assert AuditEvent.objects.filter(action="room.join", result="denied").count() == 1
    assert as_outsider.get(url("room_device", session)).status_code == 404


def test_a_guest_invitation_works_once_and_only_for_the_room(
    client, as_facilitator, session, room, outsider, org_b
):
    response = as_facilitator.post(url("room_invite", session))
    invitation = RoomInvitation.objects.get(session=session)
    assert invitation.token in response.content.decode()
    guest = Client()
    guest.force_login(outsider)
    link = reverse("room_invitation", args=[invitation.token])
    assert guest.post(link)["Location"] == url("room_device", session)
    assert guest.get(url("room_device", session)).status_code == 200
    assert post(guest, session, "facts", {"text": "Van buiten"}).status_code == 200
    fact = Fact.objects.get(text="Van buiten")
    assert fact.author is None  # a guest's contribution carries no name
    # Nothing else of the session or the organisation.
    for name in ("room_screen", "room_console", "session"):
        assert guest.get(url(name, session)).status_code == 404, name
    assert guest.get(reverse("step", args=[session.pk, 2])).status_code == 404
    # Used once: somebody else gets a plain message.
    other = make_user("other_guest", org_b, "deelnemer", "Otto")
    third = Client()
    third.force_login(other)
    page = third.post(link)
    assert "data-room-error" in page.content.decode()
    assert third.get(url("room_device", session)).status_code == 404


def test_an_expired_invitation_is_refused(session, room, facilitator, outsider, client):
    invitation = RoomInvitation.create_for(session, by=facilitator)
    RoomInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    client.force_login(outsider)
    client.post(reverse("room_invitation", args=[invitation.token]))
    assert client.get(url("room_device", session)).status_code == 404


# --- contributions land in the guided form's tables ----------------------------------------------


def test_every_kind_of_contribution_lands_in_the_session(as_member, session, room, member):
    posts = {
        "stakeholders": {"name": "Omwonenden", "kind": "burgers"},
        "facts": {"text": "De dijk is 3 m hoog", "source": "Waterschap"},
        "needs": {"question": "Wat zegt de provincie?"},
        "arguments": {"side": "Y", "category": "G", "text": "Geluidsoverlast"},
        "tegenspraak": {"text": "We vergeten de boeren"},
        "controlevraag": {"situation": "pijnlijk", "stance": "ja", "comment": ""},
    }
    for kind, data in posts.items():
        response = post(as_member, session, kind, data)
        assert response.status_code == 200, (kind, response.content)
        assert "data-room-sent" in response.content.decode()
    assert Stakeholder.objects.get(session=session).author == member
    assert Fact.objects.get(session=session).source == "Waterschap"
    assert InformationNeed.objects.filter(session=session).count() == 1
    argument = Argument.objects.get(session=session)
    assert (argument.side, argument.category, argument.author) == ("Y", "G", member)
    assert Objection.objects.get(session=session).step == room.step
    assert ControlAnswer.objects.get(session=session).participant == member
    # The guided form shows them.
    page = as_member.get(reverse("step", args=[session.pk, 5])).content.decode()
    assert "Geluidsoverlast" in page
    assert Room.objects.get(pk=room.pk).revision == room.revision + 6


def test_without_htmx_a_contribution_redirects_to_the_device(as_member, session, room):
    response = post(as_member, session, "facts", {"text": "Zonder htmx"}, htmx=False)
    assert response.status_code == 302 and response["Location"] == url("room_device", session)


def test_anonymous_contributions_have_no_author_anywhere(
    as_member, session, room, member, facilitator
):
    post(as_member, session, "tegenspraak", {"text": "Stil bezwaar", "anonymous": "on"})
    post(
        as_member,
        session,
        "controlevraag",
        {"situation": "onprettig", "stance": "nee", "anonymous": "on"},
    )
    objection = Objection.objects.get(session=session)
    answer = ControlAnswer.objects.get(session=session)
    assert objection.author is None and answer.participant is None
    assert RoomAnswered.objects.filter(session=session, user=member).exists()
    events = AuditEvent.objects.filter(action="room.contribute")
    assert events.count() == 2 and all(e.actor_id is None for e in events)
    # A second anonymous answer is refused.
    again = post(
        as_member,
        session,
        "controlevraag",
        {"situation": "prettig", "stance": "ja", "anonymous": "on"},
    )
    assert again.status_code == 409
    assert ControlAnswer.objects.filter(session=session).count() == 1


def test_anonymous_mode_stores_every_contribution_without_author(
    as_facilitator, session, room, member
):
    as_facilitator.post(url("room_anonymous", session), {"anonymous": "on"})
    client = Client()
    client.force_login(member)
    post(client, session, "arguments", {"side": "X", "category": "B", "text": "Recht op rust"})
    assert Argument.objects.get(session=session).author is None


def test_participants_never_see_authors(as_member, session, room, member, facilitator):
    Room.objects.filter(pk=room.pk).update(step=5)
    named = Client()
    named.force_login(facilitator)
    post(named, session, "arguments", {"side": "X", "category": "B", "text": "Met naam"})
    for name in ("room_device", "room_device_group", "room_screen", "room_screen_state"):
        page = as_member.get(url(name, session)).content.decode()
        assert "Met naam" in page, name
        assert "Fatima" not in page, name


def test_empty_and_oversized_contributions_are_refused(as_member, session, room):
    assert post(as_member, session, "facts", {"text": "   "}).status_code == 422
    response = post(as_member, session, "facts", {"text": "x" * 2001})
    assert response.status_code == 422
    assert "x" * 2001 in response.content.decode()  # the typed text comes back
    assert not Fact.objects.filter(session=session).exists()


def test_flooding_is_throttled_with_a_message(as_member, session, room):
    for n in range(room_views.THROTTLE_POSTS):
        assert post(as_member, session, "facts", {"text": f"Feit {n}"}).status_code == 200
    response = post(as_member, session, "facts", {"text": "Een te veel"})
    assert response.status_code == 429
    assert gettext("You are sending a lot at once. Wait a minute, then send it again.") in (
        response.content.decode()
    )
    assert Fact.objects.filter(session=session).count() == room_views.THROTTLE_POSTS
    # The trace of who posted when is gone after a minute.
    RoomPost.objects.update(at=timezone.now() - timedelta(minutes=2))
    assert post(as_member, session, "facts", {"text": "Later"}).status_code == 200
    assert RoomPost.objects.count() == 1


def test_nothing_can_be_added_when_the_room_is_not_live(as_member, session, room):
    room.end()
    response = post(as_member, session, "facts", {"text": "Te laat"})
    assert response.status_code == 409
    assert "data-room-form-status" in response["HX-Retarget"]
    assert not Fact.objects.exists()


# --- what a participant may not do ---------------------------------------------------------------


def test_a_participant_cannot_moderate_advance_or_open_the_console(as_member, session, room):
    argument = Argument.objects.create(session=session, side="X", category="B", text="A")
    before = (Room.objects.get(pk=room.pk).step, Argument.objects.get(pk=argument.pk).side)
    attempts = [
        ("room_step", [], {"step": 6}),
        ("room_moderate", ["arguments", argument.pk], {"action": "move", "version": 0}),
        ("room_merge", ["arguments"], {"keep": argument.pk, "keep_version": 0, "other": 1}),
        ("room_anonymous", [], {"anonymous": "on"}),
        ("room_end", [], {}),
        ("room_invite", [], {}),
    ]
    for name, args, data in attempts:
        assert as_member.post(url(name, session, *args), data).status_code == 403, name
    assert as_member.get(url("room_console", session)).status_code == 403
    assert as_member.get(url("room_console_state", session)).status_code == 403
    after = (Room.objects.get(pk=room.pk).step, Argument.objects.get(pk=argument.pk).side)
    assert before == after
    assert not RoomInvitation.objects.exists()


# --- moderation ----------------------------------------------------------------------------------


def arg(session, side="X", category="B", text="Argument"):
    return Argument.objects.create(session=session, side=side, category=category, text=text)


def test_the_moderator_moves_and_reclassifies_an_argument(as_facilitator, session, room):
    argument = arg(session)
    moderate = url("room_moderate", session, "arguments", argument.pk)
    assert as_facilitator.post(moderate, {"action": "move", "version": 0}).status_code == 302
    argument.refresh_from_db()
    assert argument.side == "Y" and argument.version == 1
    response = as_facilitator.post(
        moderate, {"action": "reclassify", "version": 1, "category": "S"}
    )
    assert response.status_code == 302
    argument.refresh_from_db()
    assert argument.category == "S"
    assert AuditEvent.objects.filter(action="room.moderate").count() == 2


def test_a_stale_moderation_is_a_visible_conflict(as_facilitator, session, room):
    argument = arg(session)
    moderate = url("room_moderate", session, "arguments", argument.pk)
    as_facilitator.post(moderate, {"action": "move", "version": 0})
    response = as_facilitator.post(
        moderate, {"action": "reclassify", "version": 0, "category": "G"}
    )
    assert response.status_code == 409
    assert "data-room-conflict" in response.content.decode()
    argument.refresh_from_db()
    assert argument.category == "B" and argument.side == "Y"
    hidden = as_facilitator.post(moderate, {"action": "hide", "version": 0})
    assert hidden.status_code == 409
    assert Argument.objects.filter(pk=argument.pk).exists()


def test_hiding_takes_a_contribution_out_of_the_session_and_back(as_facilitator, session, room):
    argument = arg(session, text="Spam")
    revision = Room.objects.get(pk=room.pk).revision
    moderate = url("room_moderate", session, "arguments", argument.pk)
    as_facilitator.post(moderate, {"action": "hide", "version": 0})
    assert not Argument.objects.filter(session=session).exists()
    assert Room.objects.get(pk=room.pk).revision == revision + 1
    page = as_facilitator.get(reverse("step", args=[session.pk, 5])).content.decode()
    assert "Spam" not in page
    aside = RoomSetAside.objects.get(session=session)
    as_facilitator.post(url("room_moderate", session, "arguments", aside.pk), {"action": "unhide"})
    assert Argument.objects.get(session=session).text == "Spam"
    assert not RoomSetAside.objects.exists()


def test_merging_keeps_one_and_sets_the_other_aside(as_facilitator, session, room):
    keep = arg(session, text="Rust voor bewoners")
    other = arg(session, text="Bewoners willen rust")
    response = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": other.pk, "other_version": 0, "append": "on"},
    )
    assert response.status_code == 302
    keep.refresh_from_db()
    assert "Bewoners willen rust" in keep.text and keep.version == 1
    assert not Argument.objects.filter(pk=other.pk).exists()
    assert RoomSetAside.objects.get().merged_into == keep.pk
    stale = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": arg(session).pk, "other_version": 0},
    )
    assert stale.status_code == 409


def test_the_console_merge_form_posts_the_other_contributions_version(
    as_facilitator, session, room
):
    keep = arg(session, text="Rust voor bewoners")
    other = arg(session, text="Bewoners willen rust")
    console = as_facilitator.get(url("room_console", session)).content.decode()
    # The select of the kept item offers the other one as "<id>:<version>".
    assert f'<option value="{other.pk}:0">' in console
    response = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": f"{other.pk}:0", "append": "on"},
    )
    assert response.status_code == 302
    assert RoomSetAside.objects.get().original_pk == other.pk


def test_merging_an_item_someone_changed_meanwhile_is_a_visible_conflict(
    as_facilitator, session, room
):
    keep = arg(session, text="Rust voor bewoners")
    other = arg(session, text="Bewoners willen rust")
    # The console showed both at version 0; meanwhile the other one is moved to Y.
    as_facilitator.post(
        url("room_moderate", session, "arguments", other.pk), {"action": "move", "version": 0}
    )
    events = AuditEvent.objects.count()
    response = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": f"{other.pk}:0", "append": "on"},
    )
    assert response.status_code == 409
    assert "data-room-conflict" in response.content.decode()
    keep.refresh_from_db()
    other.refresh_from_db()
    assert keep.text == "Rust voor bewoners" and keep.version == 0
    assert other.side == "Y" and not RoomSetAside.objects.exists()
    assert AuditEvent.objects.count() == events
    # A merge without the other's version is refused: it could not check.
    blind = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": other.pk},
    )
    assert blind.status_code == 400
    assert Argument.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("other", ["1:x", "abc", "99999999999", "0"])
def test_a_malformed_merge_is_refused_plainly(as_facilitator, session, room, other):
    keep = arg(session)
    response = as_facilitator.post(
        url("room_merge", session, "arguments"),
        {"keep": keep.pk, "keep_version": 0, "other": other, "other_version": 0},
    )
    assert response.status_code in (400, 404)
    assert Argument.objects.filter(pk=keep.pk).exists()


def test_the_moderator_runs_the_steps_timer_and_end(as_facilitator, session, room):
    as_facilitator.post(url("room_step", session), {"step": 5})
    as_facilitator.post(url("room_timer", session), {"minutes": 3})
    room.refresh_from_db()
    assert room.step == 5 and room.timer_ends_at is not None
    assert as_facilitator.post(url("room_step", session), {"step": 9}).status_code == 400
    response = as_facilitator.post(url("room_end", session))
    assert response["Location"] == reverse("session", args=[session.pk])
    room.refresh_from_db()
    assert room.status == Room.Status.ENDED
    assert {e.action for e in AuditEvent.objects.filter(result="ok")} >= {
        "room.step",
        "room.timer",
        "room.end",
    }


def test_the_session_page_links_to_the_room(as_facilitator, session):
    page = as_facilitator.get(reverse("session", args=[session.pk])).content.decode()
    assert url("room_console", session) in page
    assert as_facilitator.post(url("room_start", session)).status_code == 302
    console = as_facilitator.get(url("room_console", session)).content.decode()
    assert "data-room-code" in console


def test_the_qr_code_is_an_svg_file_a_browser_can_draw(as_facilitator, session, room):
    from xml.etree import ElementTree

    response = as_facilitator.get(url("room_qr", session))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    # A standalone SVG file needs its namespace, or the browser shows a broken image.
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert int(root.get("width")) >= 200


def test_the_screen_shows_the_address_to_type_and_the_code(as_facilitator, session, room):
    page = as_facilitator.get(url("room_screen", session)).content.decode()
    assert "<strong>http://testserver/zaal/</strong>" in page
    assert "/zaal//" not in page
    assert f"data-room-code>{room.code}<" in page


def test_the_screen_shows_the_counts_and_the_latest_arguments_per_side(
    as_facilitator, session, room
):
    Room.objects.filter(pk=room.pk).update(step=5)
    xs = [arg(session, "X", "BGS"[n % 3], f"Voor X nummer {n}") for n in range(12)]
    for n, a in enumerate(xs):
        Argument.objects.filter(pk=a.pk).update(position=n + 1)
    ys = [arg(session, "Y", "G", f"Voor Y nummer {n}") for n in range(3)]
    for name in ("room_screen", "room_screen_state"):
        page = as_facilitator.get(url(name, session)).content.decode()
        shown = [a.pk for a in xs if f'data-contribution="arguments-{a.pk}"' in page]
        assert shown == [a.pk for a in xs[-room_views.SCREEN_LATEST :]], name
        assert all(f'data-contribution="arguments-{a.pk}"' in page for a in ys)
        assert 'data-room-total="X">(12)' in page and 'data-room-total="Y">(3)' in page
        assert 'data-room-count="category-B">B 4<' in page
        assert 'data-room-count="category-G">G 7<' in page
        assert f'data-room-latest="{room_views.SCREEN_LATEST + 3}"' in page
    # The participant's group list shows all of them.
    group = as_facilitator.get(url("room_device_group", session)).content.decode()
    assert all(f'data-contribution="arguments-{a.pk}"' in group for a in xs + ys)
    assert "data-room-latest" not in group


def test_the_screen_shows_the_latest_stakeholders_facts_and_needs(as_facilitator, session, room):
    for n in range(10):
        Stakeholder.objects.create(session=session, name=f"Groep {n}", position=n + 1)
    page = as_facilitator.get(url("room_screen_state", session)).content.decode()
    assert 'data-room-total="stakeholders">(10)' in page
    assert page.count('data-contribution="stakeholders-') == room_views.SCREEN_LATEST
    assert ">Groep 9 <span" in page and ">Groep 1 <span" not in page
    Room.objects.filter(pk=room.pk).update(step=4)
    Fact.objects.create(session=session, text="Een feit", position=1)
    page = as_facilitator.get(url("room_screen_state", session)).content.decode()
    assert 'data-room-total="facts">(1)' in page and 'data-room-total="needs">(0)' in page
    assert "Een feit" in page and "data-room-latest" not in page


# --- polling -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["room_device_group", "room_screen_state", "room_console_state"])
def test_polls_answer_304_until_something_changes(as_facilitator, session, room, name):
    first = as_facilitator.get(url(name, session), headers={"HX-Request": "true"})
    assert first.status_code == 200
    etag = first["ETag"]
    again = as_facilitator.get(url(name, session), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag
    post(as_facilitator, session, "facts", {"text": "Nieuw"})
    changed = as_facilitator.get(url(name, session), headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def poll(client, session, name, etag):
    return client.get(url(name, session), headers={"If-None-Match": etag})


def test_the_device_state_ignores_contributions_and_follows_the_room(
    as_facilitator, session, room, member
):
    as_member = Client()
    as_member.force_login(member)
    state = as_member.get(url("room_device_state", session), headers={"HX-Request": "true"})
    etag = state["ETag"]
    assert "data-room-step" in state.content.decode()
    assert "data-contribution" not in state.content.decode()  # the group list is apart
    # Contributions and moderation change what the group list shows, not the state.
    post(as_member, session, "arguments", {"side": "X", "category": "B", "text": "Een"})
    argument = Argument.objects.get(session=session)
    as_facilitator.post(
        url("room_moderate", session, "arguments", argument.pk), {"action": "move", "version": 0}
    )
    assert poll(as_member, session, "room_device_state", etag).status_code == 304
    # Every change of what the state shows is a new ETag.
    changes = [
        ("room_step", {"step": 5}),
        ("room_timer", {"minutes": 3}),
        ("room_anonymous", {"anonymous": "on"}),
        ("room_end", {}),
        ("room_start", {}),
    ]
    for name, data in changes:
        assert as_facilitator.post(url(name, session), data).status_code == 302, name
        response = poll(as_member, session, "room_device_state", etag)
        assert response.status_code == 200, name
        assert response["ETag"] != etag
        etag = response["ETag"]


def test_the_device_page_renders_the_group_list_apart_from_the_state(as_member, session, room):
    post(as_member, session, "stakeholders", {"name": "Omwonenden", "kind": "burgers"})
    page = as_member.get(url("room_device", session)).content.decode()
    state = page.index('id="room-state"')
    group = page.index('id="room-group"')
    assert state < group
    assert page.index("Omwonenden") > group  # in the group list, not the polled state
    assert f'data-room-poll="{url("room_device_group", session)}"' in page
    fragment = as_member.get(url("room_device_group", session), headers={"HX-Request": "true"})
    assert "Omwonenden" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


def test_the_device_poll_follows_the_step(as_member, as_facilitator, session, room, member):
    participant = Client()
    participant.force_login(member)
    as_facilitator.post(url("room_step", session), {"step": 5})
    state = participant.get(url("room_device_state", session)).content.decode()
    assert 'data-room-step="5"' in state


def test_device_state_query_counts(as_member, session, room, django_assert_num_queries):
    etag = as_member.get(url("room_device_state", session))["ETag"]
    # 1 the login session, 2 the user, 3 the access check with the room's state revision.
    with django_assert_num_queries(3):
        response = poll(as_member, session, "room_device_state", etag)
    assert response.status_code == 304
    Room.objects.filter(pk=room.pk).update(step=5)
    for n in range(30):
        arg(session, "XY"[n % 2], text=f"A{n}")
    # 1 login session, 2 user, 3 access + state revision, 4 membership, 5 the session
    # with its participation, 6 progress counts, 7 whether a guest, 8 the room. No
    # contributions: however many there are.
    with django_assert_num_queries(8):
        response = as_member.get(url("room_device_state", session))
    assert response.status_code == 200


def test_device_group_query_counts(as_member, session, room, django_assert_num_queries):
    Room.objects.filter(pk=room.pk).update(step=5)
    for n in range(30):
        arg(session, "XY"[n % 2], text=f"A{n}")
    etag = as_member.get(url("room_device_group", session))["ETag"]
    # 1 login session, 2 user, 3 access + revision.
    with django_assert_num_queries(3):
        response = poll(as_member, session, "room_device_group", etag)
    assert response.status_code == 304
    # 1-8 as the state, 9 the arguments, 10 the objection counts.
    with django_assert_num_queries(10):
        response = as_member.get(url("room_device_group", session))
    assert response.status_code == 200


def test_screen_poll_query_counts(as_facilitator, session, room, django_assert_num_queries):
    Room.objects.filter(pk=room.pk).update(step=5)
    for n in range(30):
        arg(session, "XY"[n % 2], text=f"A{n}")
    etag = as_facilitator.get(url("room_screen_state", session))["ETag"]
    # 1 login session, 2 user, 3 access + revision.
    with django_assert_num_queries(3):
        response = poll(as_facilitator, session, "room_screen_state", etag)
    assert response.status_code == 304
    # 1 login session, 2 user, 3 access + revision, 4 membership, 5 the session with its
    # participation, 6 progress counts, 7 the room, 8 argument counts per side and B/G/S,
    # 9 the latest arguments per side (one window query), 10 the objection counts.
    with django_assert_num_queries(10):
        response = as_facilitator.get(url("room_screen_state", session))
    assert response.status_code == 200
    assert response.content.decode().count("data-contribution=") == 2 * room_views.SCREEN_LATEST


def test_console_poll_answers_304_in_three_queries(
    as_facilitator, session, room, django_assert_num_queries
):
    etag = as_facilitator.get(url("room_console_state", session))["ETag"]
    # 1 login session, 2 user, 3 access + revision.
    with django_assert_num_queries(3):
        response = poll(as_facilitator, session, "room_console_state", etag)
    assert response.status_code == 304


# --- concurrency ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_posts_at_the_same_moment_both_land(reference_data):
    from deliberation.models import Session
    from principles.models import Organisation

    org = Organisation.objects.create(name="Gemeente Cdorp", kind="gemeente")
    leader = make_user("leider", org, "gespreksleider", "Lea")
    people = [make_user(f"p{n}", org, "deelnemer", f"P{n}") for n in range(2)]
    session = Session.objects.create(
        organisation=org, title="Gelijktijdig", facilitator=leader, created_by=leader
    )
    session.participants.set([leader, *people])
    Room.open_for(session, by=leader)
    # SQLite in tests: one connection, so sequential is the check there.
    threads_count = 1 if connection.vendor == "sqlite" else 2
    barrier = threading.Barrier(threads_count)
    results = []

    def contribute(person, text):
        client = Client()
        client.force_login(person)
        if threads_count > 1:
            barrier.wait()
        response = post(client, session, "arguments", {"side": "X", "category": "B", "text": text})
        results.append(response.status_code)
        connection.close()

    if threads_count > 1:
        threads = [
            threading.Thread(target=contribute, args=(p, f"Tegelijk {n}"))
            for n, p in enumerate(people)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for n, p in enumerate(people):
            contribute(p, f"Tegelijk {n}")
    assert results == [200, 200]
    positions = sorted(Argument.objects.filter(session=session).values_list("position", flat=True))
    assert positions == [1, 2]
