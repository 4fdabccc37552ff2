"""URLs of meeting-room mode (docs/meeting-room.md).

Included in config/urls.py BEFORE deliberation.urls: ``sessies/<pk>/zaal/`` would otherwise
be taken by the catch-all ``sessies/<pk>/<slug:kind>/`` (item_add).
"""

from django.urls import path

from . import room

urlpatterns = [
    # Joining: by code (typed, or the QR code on the screen) and by a guest invitation.
    path("zaal/", room.join, name="room_join"),
    path("zaal/uitnodiging/<str:token>/", room.invitation, name="room_invitation"),
    path("zaal/<str:code>/", room.join_code, name="room_join_code"),
    # The participant's device.
    path("sessies/<int:pk>/zaal/", room.device, name="room_device"),
    path("sessies/<int:pk>/zaal/status/", room.device_state, name="room_device_state"),
    path("sessies/<int:pk>/zaal/groep/", room.device_group, name="room_device_group"),
    path("sessies/<int:pk>/zaal/bijdrage/<slug:kind>/", room.contribute, name="room_contribute"),
    # The room screen (beamer).
    path("sessies/<int:pk>/zaal/scherm/", room.screen, name="room_screen"),
    path("sessies/<int:pk>/zaal/scherm/status/", room.screen_state, name="room_screen_state"),
    path("sessies/<int:pk>/zaal/qr.svg", room.qr, name="room_qr"),
    # The gespreksleider's console.
    path("sessies/<int:pk>/zaal/leiden/", room.console, name="room_console"),
    path("sessies/<int:pk>/zaal/leiden/status/", room.console_state, name="room_console_state"),
    path("sessies/<int:pk>/zaal/starten/", room.start, name="room_start"),
    path("sessies/<int:pk>/zaal/beeindigen/", room.end, name="room_end"),
    path("sessies/<int:pk>/zaal/stap/", room.change_step, name="room_step"),
    path("sessies/<int:pk>/zaal/timer/", room.timer, name="room_timer"),
    path("sessies/<int:pk>/zaal/anoniem/", room.anonymous, name="room_anonymous"),
    path("sessies/<int:pk>/zaal/gast/", room.invite_guest, name="room_invite"),
    path(
        "sessies/<int:pk>/zaal/modereren/<slug:kind>/<int:item_pk>/",
        room.moderate,
        name="room_moderate",
    ),
    path("sessies/<int:pk>/zaal/samenvoegen/<slug:kind>/", room.merge, name="room_merge"),
]
