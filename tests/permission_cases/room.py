"""URL cases of meeting-room mode (docs/meeting-room.md), for tests/test_permissions.py.

The participant view and contributions follow edit_session, the room screen view_session,
the console moderate; joining by code or invitation is join_room. Joining by code changes
who takes part, so it comes last.
"""

from deliberation.models import Argument, Room, RoomInvitation


def cases(world):
    session = world["open"]
    leader = world["people"]["leader"]
    room = Room.objects.filter(session=session).first() or Room.open_for(session, by=leader)
    invitation = RoomInvitation.create_for(session, by=leader)
    argument = Argument.objects.filter(session=session).first()
    pk = session.pk
    z = f"/sessies/{pk}/zaal/"
    return [
        ("room_device", "get", z, None, "edit_session"),
        ("room_device_state", "get", f"{z}status/", None, "edit_session"),
        ("room_device_group", "get", f"{z}groep/", None, "edit_session"),
        ("room_contribute", "post", f"{z}bijdrage/facts/", {"text": ""}, "edit_session"),
        ("room_screen", "get", f"{z}scherm/", None, "view_session"),
        ("room_screen_state", "get", f"{z}scherm/status/", None, "view_session"),
        ("room_qr", "get", f"{z}qr.svg", None, "view_session"),
        ("room_console", "get", f"{z}leiden/", None, "moderate"),
        ("room_console_state", "get", f"{z}leiden/status/", None, "moderate"),
        ("room_step", "post", f"{z}stap/", {"step": "x"}, "moderate"),
        ("room_timer", "post", f"{z}timer/", {"minutes": "x"}, "moderate"),
        ("room_anonymous", "post", f"{z}anoniem/", {}, "moderate"),
        ("room_invite", "post", f"{z}gast/", {}, "moderate"),
        (
            "room_moderate",
            "post",
            f"{z}modereren/arguments/{argument.pk}/",
            {"action": "x"},
            "moderate",
        ),
        ("room_merge", "post", f"{z}samenvoegen/arguments/", {}, "moderate"),
        ("room_start", "post", f"{z}starten/", {}, "moderate"),
        ("room_end", "post", f"{z}beeindigen/", {}, "moderate"),
        ("room_join", "get", "/zaal/", None, "join_room", True),
        ("room_join", "post", "/zaal/", {"code": ""}, "join_room", True),
        (
            "room_invitation",
            "get",
            f"/zaal/uitnodiging/{invitation.token}/",
            None,
            "join_room",
            True,
        ),
        ("room_join_code", "get", f"/zaal/{room.code}/", None, "join_room"),
        ("room_join_code", "post", f"/zaal/{room.code}/", {}, "join_room"),
    ]
