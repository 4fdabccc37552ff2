"""Meeting-room mode: the room screen, the participants' devices and the console.

Contributions land in the guided form's own tables; the room only adds who follows which
step (Room), guests (RoomInvitation), what was set aside (RoomSetAside) and a throttle
(RoomPost). Every change bumps ``Room.revision`` in its transaction, a change of what the
device's state shows (start, end, step, timer, anonymous mode) ``Room.state_revision`` too;
the poll endpoints answer 304 while theirs stays the same. See docs/meeting-room.md.
"""

import io
from datetime import timedelta

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from principles import audit, permissions
from principles.models import Membership, membership_of

from . import room_forms
from .access import get_session_for_user, require
from .models import (
    TEXT,
    Argument,
    Category,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    Room,
    RoomAnswered,
    RoomInvitation,
    RoomPost,
    RoomSetAside,
    Session,
    Side,
    Stakeholder,
    Step,
)
from .room_models import normalise_code

THROTTLE_POSTS = 20
THROTTLE_WINDOW = timedelta(minutes=1)
# The room screen shows the counts and the latest contributions per side or kind: 300
# arguments cannot be read on a beamer anyway, and the screen's poll stays cheap.
SCREEN_LATEST = 8

# Contributions the console moderates, by URL slug.
MODERATED = {
    "stakeholders": Stakeholder,
    "facts": Fact,
    "needs": InformationNeed,
    "arguments": Argument,
    "tegenspraak": Objection,
}
# The field that holds a contribution's text, for merging.
MERGE_TEXT = {
    "stakeholders": "interests",
    "facts": "text",
    "needs": "question",
    "arguments": "text",
    "tegenspraak": "text",
}


# --- who may reach the room ------------------------------------------------------------


def takes_part(session, user):
    return bool(session.user_takes_part) or user.pk in {
        session.facilitator_id,
        session.created_by_id,
    }


def is_guest(user, pk):
    return RoomInvitation.objects.filter(session_id=pk, used_by=user).exists()


def get_device_session(user, pk):
    """The session for a participant's device: a member who takes part, or a guest with an
    accepted invitation. Returns (session, guest)."""
    membership = membership_of(user)
    foreign = (
        membership is None
        or not Session.objects.filter(pk=pk, organisation_id=membership.organisation_id).exists()
    )
    if foreign and is_guest(user, pk):
        session = Session.objects.select_related("organisation").get(pk=pk)
        session.user_takes_part = False
        return session, True
    session = get_session_for_user(user, pk)
    require(takes_part(session, user), "room.device", session, status=403)
    return session, False


def get_lead_session(user, pk):
    session = get_session_for_user(user, pk)
    require(session.can_lead(user), "room.lead", session, status=403)
    return session


def room_of(session):
    return Room.objects.filter(session=session).first()


def matrix_allows(action, role, relations):
    """principles.permissions.may() for a role and the user's relations to the session,
    without loading the membership again (the poll fast path)."""
    granted = permissions.MATRIX[action][role]
    return granted == permissions.Scope.ALL or granted in relations


POLL_ACTIONS = {
    "device": permissions.Action.EDIT_SESSION,
    "group": permissions.Action.EDIT_SESSION,
    "screen": permissions.Action.VIEW_SESSION,
    "console": permissions.Action.MODERATE,
}


def poll_etag(request, pk, who):
    """The ETag of a poll endpoint in ONE query, or None when the user is not plainly
    allowed (the caller then takes the full path, which refuses with an audit event).

    The device's state ("device") follows ``Room.state_revision``; everything that shows
    contributions (the device's group list, the screen, the console) ``Room.revision``."""
    user = request.user
    row = (
        Session.objects.filter(pk=pk)
        .annotate(
            role=Subquery(
                Membership.objects.filter(
                    user_id=user.pk, organisation_id=OuterRef("organisation_id")
                ).values("role")[:1]
            ),
            part=Exists(
                Session.participants.through.objects.filter(session_id=OuterRef("pk"), user=user)
            ),
            guest=Exists(RoomInvitation.objects.filter(session_id=OuterRef("pk"), used_by=user)),
            room_pk=F("room__id"),
            room_revision=F("room__state_revision" if who == "device" else "room__revision"),
        )
        .values(
            "facilitator_id", "created_by_id", "role", "part", "guest", "room_pk", "room_revision"
        )
        .first()
    )
    if row is None:
        return None
    relations = set()
    if row["part"] or user.pk in (row["facilitator_id"], row["created_by_id"]):
        relations.add(permissions.Scope.OWN)
    if user.pk in (row["facilitator_id"], row["created_by_id"]):
        relations.add(permissions.Scope.LEAD)
    if user.pk == row["facilitator_id"]:
        relations.add(permissions.Scope.FACILITATOR)
    action = POLL_ACTIONS[who]
    if row["role"] is not None:
        allowed = matrix_allows(action, row["role"], relations)
        if who in ("device", "group"):
            allowed = permissions.Scope.OWN in relations
    else:
        allowed = who in ("device", "group") and row["guest"]
    if not allowed:
        return None
    return make_etag(row["room_pk"], row["room_revision"], state=who == "device")


def make_etag(room_pk, revision, state=False):
    kind = "state" if state else "room"
    return f'"{kind}-{room_pk or 0}-{revision or 0}-{get_language()}"'


def not_modified(request, etag):
    if etag is not None and request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
        response["ETag"] = etag
        return response
    return None


def etag_of(room, state=False):
    """The ETag of what the page shows: the device's state or the room's contributions."""
    if room is None:
        return make_etag(0, 0, state)
    return make_etag(room.pk, room.state_revision if state else room.revision, state)


def with_etag(response, room, state=False):
    response["ETag"] = etag_of(room, state)
    # The private_pages middleware adds no-store: the poll never goes through the
    # browser's cache; static/js/room.js sends If-None-Match itself.
    response["Cache-Control"] = "private, no-cache"
    return response


# --- what the room shows ------------------------------------------------------------------


def step_content(session, room, latest=None):
    """What the group contributed at the room's current step, in a few queries.

    ``latest``: show only the latest that many contributions per side or kind (the
    screen), with the totals counted in the database; None shows everything (the device's
    group list). ``totals`` always holds the counts."""
    step = room.step if room else 2
    content = {"step": step, "question": Step(step).label, "latest": latest, "totals": {}}
    totals = content["totals"]
    if step == 2:
        content["stakeholders"], totals["stakeholders"] = newest(
            Stakeholder.objects.filter(session=session), latest
        )
    elif step == 4:
        content["facts"], totals["facts"] = newest(Fact.objects.filter(session=session), latest)
        content["needs"], totals["needs"] = newest(
            InformationNeed.objects.filter(session=session), latest
        )
    elif step in (5, 6):
        content.update(argument_content(session, latest))
    elif step == 8:
        content["control"] = control_counts(session)
    content["objections"] = Objection.objects.filter(session=session).aggregate(
        total=Count("id"), here=Count("id", filter=Q(step=step))
    )
    return content


def newest(queryset, latest):
    """(items in their order, total): all of them, or the last ``latest`` by position.
    One query for everything, two for the latest and the count."""
    if latest is None:
        items = list(queryset)
        return items, len(items)
    items = list(queryset.order_by("-position", "-id")[:latest])[::-1]
    total = len(items) if len(items) < latest else queryset.count()
    return items, total


def argument_content(session, latest):
    """The argument table with its counts per side and per B/G/S. Everything in one query;
    the latest per side in two (the counts, then a window over the sides)."""
    arguments = Argument.objects.filter(session=session)
    if latest is None:
        shown = list(arguments)
        counts = {
            **{side: sum(a.side == side for a in shown) for side in Side.values},
            **{value: sum(a.category == value for a in shown) for value in Category.values},
        }
    else:
        counts = arguments.aggregate(
            **{side: Count("id", filter=Q(side=side)) for side in Side.values},
            **{value: Count("id", filter=Q(category=value)) for value in Category.values},
        )
        ranked = arguments.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("side")], order_by=[F("position").desc(), "-id"]
            )
        )
        shown = sorted(ranked.filter(rank__lte=latest), key=lambda a: (a.side, a.position, a.pk))
    from .views import argument_rows

    return {
        "argument_rows": argument_rows(shown),
        "category_counts": [(value, label, counts[value]) for value, label in Category.choices],
        "totals": {
            "arguments": counts[Side.X] + counts[Side.Y],
            "X": counts[Side.X],
            "Y": counts[Side.Y],
            "shown_X": sum(a.side == Side.X for a in shown),
            "shown_Y": sum(a.side == Side.Y for a in shown),
        },
    }


def control_counts(session):
    rows = ControlAnswer.objects.filter(session=session).values_list("situation", "stance")
    rows = list(rows)
    return {
        "count": len(rows),
        "situation": [
            (value, label, sum(r[0] == value for r in rows))
            for value, label in ControlAnswer.Situation.choices
        ],
        "stance": [
            (value, label, sum(r[1] == value for r in rows))
            for value, label in ControlAnswer.Stance.choices
        ],
    }


def timer_context(room):
    if room is None or room.timer_ends_at is None:
        return None
    left = room.timer_seconds_left()
    return {
        "ends": int(room.timer_ends_at.timestamp()),
        "left": left,
        "display": f"{left // 60}:{left % 60:02d}",
    }


def base_context(session, room):
    return {
        "session": session,
        "room": room,
        "timer": timer_context(room),
        "etag": etag_of(room),
        "steps": [(n, Step(n).label) for n in range(1, 9)],
    }


def join_url(request, room):
    """What the QR code holds: the join page with the code filled in."""
    return request.build_absolute_uri(reverse("room_join_code", args=[room.code]))


def join_address(request):
    """What people type by hand, with the code beside it."""
    return request.build_absolute_uri(reverse("room_join"))


# --- joining -------------------------------------------------------------------------------


def require_join(request):
    if not permissions.may(request.user, permissions.Action.JOIN_ROOM):
        audit.refuse("room.join")


def live_room_by_code(code):
    """(room, error): error is "wrong" or "expired"."""
    code = normalise_code(code)
    room = (
        Room.objects.filter(code=code)
        .select_related("session", "session__organisation")
        .order_by("-started_at")
        .first()
    )
    if room is None or not code:
        return None, "wrong"
    if not room.code_valid():
        return None, "expired"
    return room, None


@require_http_methods(["GET", "POST"])
@login_required
def join(request):
    require_join(request)
    form = room_forms.CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        code = normalise_code(form.cleaned_data["code"])
        if code:
            return redirect("room_join_code", code=code)
        form.add_error("code", _("Type the code shown on the screen."))
    status = 422 if request.method == "POST" else 200
    return TemplateResponse(request, "deliberation/room/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def join_code(request, code):
    require_join(request)
    room, error = live_room_by_code(code)
    context = {"form": room_forms.CodeForm(initial={"code": code}), "error": error}
    if error:
        return TemplateResponse(request, "deliberation/room/join.html", context)
    session = room.session
    membership = membership_of(request.user)
    if membership is None or membership.organisation_id != session.organisation_id:
        if is_guest(request.user, session.pk):
            return redirect("room_device", pk=session.pk)
        audit.record("room.join", session, result=audit.DENIED)
        context["error"] = "organisation"
        return TemplateResponse(request, "deliberation/room/join.html", context, status=403)
    if request.method == "POST":
        if session.status in (Session.Status.CLOSED, Session.Status.FINALISED):
            context["error"] = "closed"
            return TemplateResponse(request, "deliberation/room/join.html", context, status=409)
        with transaction.atomic():
            if not session.participants.filter(pk=request.user.pk).exists():
                session.participants.add(request.user)
                room.bump()
            audit.record("room.join", session)
        return redirect("room_device", pk=session.pk)
    context["room"] = room
    context["session"] = session
    return TemplateResponse(request, "deliberation/room/join_confirm.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def invitation(request, token):
    require_join(request)
    invite = (
        RoomInvitation.objects.filter(token=token[:64])
        .select_related("session", "session__organisation")
        .first()
    )
    if invite is not None and invite.used_by_id == request.user.pk:
        return redirect("room_device", pk=invite.session_id)
    context = {"invitation": invite}
    if invite is None or not invite.usable():
        context["error"] = "expired" if invite is not None else "wrong"
        return TemplateResponse(request, "deliberation/room/invitation.html", context)
    if request.method == "POST":
        with transaction.atomic():
            try:
                accepted = invite.accept(request.user)
            except IntegrityError:
                accepted = False  # this user already has an invitation for the session
            if not accepted:
                context["error"] = "expired"
                return TemplateResponse(
                    request, "deliberation/room/invitation.html", context, status=409
                )
            membership = membership_of(request.user)
            if membership and membership.organisation_id == invite.session.organisation_id:
                invite.session.participants.add(request.user)
            audit.record("room.guest_join", invite.session)
        return redirect("room_device", pk=invite.session_id)
    return TemplateResponse(request, "deliberation/room/invitation.html", context)


# --- the participant's device ---------------------------------------------------------------


def device_forms(bound=None):
    forms = {}
    for kind, (form_class, _step) in room_forms.CONTRIBUTION_FORMS.items():
        if bound is not None and bound.kind == kind:
            forms[kind] = bound
        else:
            forms[kind] = form_class(kind=kind)
    return forms


def device_context(session, room, guest):
    """The device's polled state: step, question, timer, live or ended; no contributions
    (those are in the group list, polled apart only while it is open)."""
    step = room.step if room else 2
    return {
        **base_context(session, room),
        "etag": etag_of(room, state=True),
        "group_etag": etag_of(room),
        "step": step,
        "question": Step(step).label,
        "guest": guest,
    }


@require_GET
@login_required
def device(request, pk):
    session, guest = get_device_session(request.user, pk)
    room = room_of(session)
    context = {
        **device_context(session, room, guest),
        **step_content(session, room),
        "forms": device_forms(),
    }
    return with_etag(
        TemplateResponse(request, "deliberation/room/device.html", context), room, state=True
    )


@require_GET
@login_required
def device_state(request, pk):
    response = not_modified(request, poll_etag(request, pk, "device"))
    if response is not None:
        return response
    session, guest = get_device_session(request.user, pk)
    room = room_of(session)
    context = device_context(session, room, guest)
    return with_etag(
        TemplateResponse(request, "deliberation/room/device.html#state", context),
        room,
        state=True,
    )


@require_GET
@login_required
def device_group(request, pk):
    """The device's "What the group contributed" list; room.js polls it only while open."""
    response = not_modified(request, poll_etag(request, pk, "group"))
    if response is not None:
        return response
    session, guest = get_device_session(request.user, pk)
    room = room_of(session)
    context = {**device_context(session, room, guest), **step_content(session, room)}
    return with_etag(
        TemplateResponse(request, "deliberation/room/device.html#group", context), room
    )


def refusal(request, message, status, kind=None):
    """A refusal a participant can read, as a fragment for htmx or a page.

    For htmx, the message goes into the form's status line (``kind``), so the form and
    its typed text stay."""
    if request.htmx:
        response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
        if kind:
            response["HX-Retarget"] = f"#room-form-{kind} [data-room-form-status]"
            response["HX-Reswap"] = "innerHTML"
        return response
    return TemplateResponse(
        request, "deliberation/room/message.html", {"message": message}, status=status
    )


@require_POST
@login_required
def contribute(request, pk, kind):
    if kind not in room_forms.CONTRIBUTION_FORMS:
        raise Http404
    session, guest = get_device_session(request.user, pk)
    if not guest:
        require(session.can_edit(request.user), "room.contribute", session, status=403)
    elif session.status in (Session.Status.CLOSED, Session.Status.FINALISED):
        audit.refuse("room.contribute", session, status=403)
    room = room_of(session)
    if room is None or not room.is_live:
        return refusal(request, _("The room is not live: nothing can be added now."), 409, kind)
    form_class, _step = room_forms.CONTRIBUTION_FORMS[kind]
    form = form_class(request.POST, kind=kind)
    if not form.is_valid():
        context = {"session": session, "room": room, "kind": kind, "form": form}
        return TemplateResponse(
            request, "deliberation/room/_contribution_form.html", context, status=422
        )
    now = timezone.now()
    recent = RoomPost.objects.filter(
        session=session, user=request.user, at__gt=now - THROTTLE_WINDOW
    ).count()
    if recent >= THROTTLE_POSTS:
        return refusal(
            request,
            _("You are sending a lot at once. Wait a minute, then send it again."),
            429,
            kind,
        )
    cleaned = form.cleaned_data
    anonymous = room.anonymous or guest or bool(cleaned.get("anonymous"))
    author = None if anonymous else request.user
    with transaction.atomic():
        room.bump()  # first: on PostgreSQL this row lock also orders the positions below
        RoomPost.objects.filter(at__lt=now - THROTTLE_WINDOW).delete()
        RoomPost.objects.create(session=session, user=request.user, at=now)
        if kind == "controlevraag":
            obj = save_control_answer(session, request.user, cleaned, anonymous)
            if obj is None:
                transaction.set_rollback(True)
                return refusal(
                    request, _("You have already answered the control question."), 409, kind
                )
        else:
            obj = save_contribution(session, room, kind, cleaned, author)
        session.touch()
        audit.record(
            "room.contribute",
            obj,
            detail={"kind": kind},
            actor=None if anonymous else request.user,
            anonymous=anonymous,
        )
    if request.htmx:
        context = {
            "session": session,
            "room": room,
            "kind": kind,
            "form": form_class(kind=kind),
            "sent": True,
        }
        return TemplateResponse(request, "deliberation/room/_contribution_form.html", context)
    messages.success(request, _("Sent. Thank you."))
    return redirect("room_device", pk=session.pk)


def save_contribution(session, room, kind, cleaned, author):
    if kind == "tegenspraak":
        return Objection.objects.create(
            session=session, step=room.step, text=cleaned["text"], author=author
        )
    model = MODERATED[kind]
    fields = {
        "stakeholders": ["name", "kind"],
        "facts": ["text", "source"],
        "needs": ["question"],
        "arguments": ["side", "category", "text"],
    }[kind]
    item = model(session=session, author=author, **{name: cleaned[name] for name in fields})
    filters = {"side": item.side} if kind == "arguments" else {}
    item.position = model.next_position(session, **filters)
    item.save()
    return item


def save_control_answer(session, user, cleaned, anonymous):
    """The answer, or None when this user already answered (in the room or by name)."""
    if ControlAnswer.objects.filter(session=session, participant=user).exists():
        return None
    try:
        with transaction.atomic():
            RoomAnswered.objects.create(session=session, user=user)
    except IntegrityError:
        return None
    return ControlAnswer.objects.create(
        session=session,
        participant=None if anonymous else user,
        situation=cleaned["situation"],
        stance=cleaned["stance"],
        comment=cleaned["comment"],
    )


# --- the room screen --------------------------------------------------------------------------


def screen_context(request, session, room):
    return {
        **base_context(session, room),
        **step_content(session, room, latest=SCREEN_LATEST),
        "join_address": join_address(request),
    }


@require_GET
@login_required
def screen(request, pk):
    session = get_session_for_user(request.user, pk)
    room = room_of(session)
    context = screen_context(request, session, room)
    return with_etag(TemplateResponse(request, "deliberation/room/screen.html", context), room)


@require_GET
@login_required
def screen_state(request, pk):
    response = not_modified(request, poll_etag(request, pk, "screen"))
    if response is not None:
        return response
    session = get_session_for_user(request.user, pk)
    room = room_of(session)
    context = screen_context(request, session, room)
    return with_etag(
        TemplateResponse(request, "deliberation/room/screen.html#state", context), room
    )


@require_GET
@login_required
def qr(request, pk):
    session = get_session_for_user(request.user, pk)
    room = room_of(session)
    if room is None or not room.is_live:
        raise Http404
    # A standalone SVG file (with its xmlns: svg_inline() leaves it out, and a browser
    # cannot draw an image/svg+xml without it).
    buf = io.BytesIO()
    segno.make(join_url(request, room), error="m").save(
        buf, kind="svg", xmldecl=False, scale=8, dark="#000", light="#fff", border=2
    )
    return HttpResponse(buf.getvalue(), content_type="image/svg+xml")


# --- the console --------------------------------------------------------------------------------


def console_items(session):
    """Every contribution with what moderation needs, per kind."""
    return {
        "stakeholders": list(Stakeholder.objects.filter(session=session).select_related("author")),
        "facts": list(Fact.objects.filter(session=session).select_related("author")),
        "needs": list(InformationNeed.objects.filter(session=session).select_related("author")),
        "arguments": list(Argument.objects.filter(session=session).select_related("author")),
        "tegenspraak": list(Objection.objects.filter(session=session).select_related("author")),
    }


def console_context(request, session, room, **extra):
    items = console_items(session)
    return {
        **base_context(session, room),
        "items": items,
        "sections": [
            ("stakeholders", _("Stakeholders"), items["stakeholders"]),
            ("facts", _("Facts"), items["facts"]),
            ("needs", _("Information needs"), items["needs"]),
            ("arguments", _("Arguments"), items["arguments"]),
            ("tegenspraak", _("Objections (tegenspraak)"), items["tegenspraak"]),
        ],
        "set_aside": list(RoomSetAside.objects.filter(session=session)),
        "control": control_counts(session),
        "categories": Category.choices,
        "join_url": join_url(request, room) if room else "",
        "invitation_url": extra.pop("invitation_url", None),
        **extra,
    }


@require_GET
@login_required
def console(request, pk):
    session = get_lead_session(request.user, pk)
    room = room_of(session)
    context = console_context(request, session, room)
    return with_etag(TemplateResponse(request, "deliberation/room/console.html", context), room)


@require_GET
@login_required
def console_state(request, pk):
    response = not_modified(request, poll_etag(request, pk, "console"))
    if response is not None:
        return response
    session = get_lead_session(request.user, pk)
    room = room_of(session)
    context = console_context(request, session, room)
    return with_etag(
        TemplateResponse(request, "deliberation/room/console.html#state", context), room
    )


def live_room_or_refuse(request, session):
    room = room_of(session)
    if room is None or not room.is_live:
        return None, refusal(request, _("The room is not live."), 409)
    return room, None


@require_POST
@login_required
def start(request, pk):
    session = get_lead_session(request.user, pk)
    require(session.can_edit(request.user), "room.start", session, status=403)
    with transaction.atomic():
        room = Room.open_for(session, by=request.user)
        audit.record("room.start", session, detail={"code": room.code})
    return redirect("room_console", pk=pk)


@require_POST
@login_required
def end(request, pk):
    session = get_lead_session(request.user, pk)
    room, refused = live_room_or_refuse(request, session)
    if refused:
        return refused
    with transaction.atomic():
        room.end()
        audit.record("room.end", session)
    messages.success(
        request, _("The room has ended. Everything the group contributed is in the session.")
    )
    return redirect("session", pk=pk)


@require_POST
@login_required
def change_step(request, pk):
    session = get_lead_session(request.user, pk)
    room, refused = live_room_or_refuse(request, session)
    if refused:
        return refused
    form = room_forms.StepForm(request.POST)
    if not form.is_valid():
        return refusal(request, _("Choose a step from 1 to 8."), 400)
    with transaction.atomic():
        Room.objects.filter(pk=room.pk).update(step=form.cleaned_data["step"], timer_ends_at=None)
        room.bump(state=True)
        audit.record("room.step", session, detail={"step": form.cleaned_data["step"]})
    return redirect("room_console", pk=pk)


@require_POST
@login_required
def timer(request, pk):
    session = get_lead_session(request.user, pk)
    room, refused = live_room_or_refuse(request, session)
    if refused:
        return refused
    form = room_forms.TimerForm(request.POST)
    if not form.is_valid():
        return refusal(request, _("Give the number of minutes, from 0 to 120."), 400)
    minutes = form.cleaned_data["minutes"]
    ends = timezone.now() + timedelta(minutes=minutes) if minutes else None
    with transaction.atomic():
        Room.objects.filter(pk=room.pk).update(timer_ends_at=ends)
        room.bump(state=True)
        audit.record("room.timer", session, detail={"minutes": minutes})
    return redirect("room_console", pk=pk)


@require_POST
@login_required
def anonymous(request, pk):
    session = get_lead_session(request.user, pk)
    room, refused = live_room_or_refuse(request, session)
    if refused:
        return refused
    form = room_forms.AnonymousForm(request.POST)
    form.is_valid()
    value = bool(form.cleaned_data.get("anonymous"))
    with transaction.atomic():
        Room.objects.filter(pk=room.pk).update(anonymous=value)
        room.bump(state=True)
        audit.record("room.anonymous", session, detail={"anonymous": value})
    return redirect("room_console", pk=pk)


@require_POST
@login_required
def invite_guest(request, pk):
    session = get_lead_session(request.user, pk)
    room, refused = live_room_or_refuse(request, session)
    if refused:
        return refused
    with transaction.atomic():
        invite = RoomInvitation.create_for(session, by=request.user)
        audit.record("room.guest_invite", session)
    url = request.build_absolute_uri(reverse("room_invitation", args=[invite.token]))
    context = console_context(request, session, room, invitation_url=url)
    return TemplateResponse(request, "deliberation/room/console.html", context)


# --- moderation -----------------------------------------------------------------------------------


def conflict(request, session, room, message):
    context = console_context(request, session, room, conflict=message)
    return with_etag(
        TemplateResponse(request, "deliberation/room/console.html", context, status=409), room
    )


def snapshot(obj):
    """The fields of a contribution as JSON, to put it back later."""
    skip = {"id", "session", "position", "version", "created_at", "raised_at"}
    return {
        f.attname: (
            getattr(obj, f.attname).isoformat()
            if hasattr(getattr(obj, f.attname), "isoformat")
            else getattr(obj, f.attname)
        )
        for f in obj._meta.concrete_fields
        if f.name not in skip
    }


def set_aside(session, kind, obj, by, merged_into=None):
    RoomSetAside.objects.create(
        session=session,
        kind=kind,
        original_pk=obj.pk,
        data=snapshot(obj),
        author_id=getattr(obj, "author_id", None),
        merged_into=merged_into,
        set_aside_by=by,
    )
    obj.delete()


def put_back(session, aside):
    model = MODERATED[aside.kind]
    data = dict(aside.data)
    for name in ("handled_at",):
        if data.get(name):
            data[name] = timezone.datetime.fromisoformat(data[name])
    obj = model(session=session, **data)
    if aside.kind != "tegenspraak":
        filters = {"side": obj.side} if aside.kind == "arguments" else {}
        obj.position = model.next_position(session, **filters)
    obj.save()
    aside.delete()
    return obj


def get_contribution(model, session, pk):
    from .access import get_item_for_session

    return get_item_for_session(model, session, pk)


@require_POST
@login_required
def moderate(request, pk, kind, item_pk):
    if kind not in MODERATED:
        raise Http404
    session = get_lead_session(request.user, pk)
    require(session.can_edit(request.user), "room.moderate", session, status=403)
    room = room_of(session)
    form = room_forms.ModerateForm(request.POST)
    if not form.is_valid():
        return refusal(request, _("This form is incomplete. Reload the page and try again."), 400)
    action = form.cleaned_data["action"]
    model = MODERATED[kind]
    if action == "unhide":
        aside = RoomSetAside.objects.filter(session=session, kind=kind, pk=item_pk).first()
        if aside is None:
            raise Http404
        with transaction.atomic():
            obj = put_back(session, aside)
            if room:
                room.bump()
            audit.record("room.moderate", obj, detail={"kind": kind, "action": action})
        return redirect("room_console", pk=pk)
    obj = get_contribution(model, session, item_pk)
    versioned = kind != "tegenspraak"
    if action in ("move", "reclassify") and kind != "arguments":
        return refusal(request, _("Only an argument can be moved or reclassified."), 400)
    expected = form.cleaned_data["version"]
    if versioned and expected is None:
        return refusal(request, _("This form is incomplete. Reload the page and try again."), 400)
    detail = {"kind": kind, "action": action}
    try:
        moderate_in_transaction(request, session, room, kind, model, obj, action, form, detail)
    except Stale:
        return conflict(request, session, room, stale_message())
    except Incomplete:
        return refusal(request, _("Choose B, G or S."), 400)
    return redirect("room_console", pk=pk)


class Stale(Exception):
    """Someone changed the contribution since the console showed it."""


class Incomplete(Exception):
    """The moderation form lacks what this action needs."""


def moderate_in_transaction(request, session, room, kind, model, obj, action, form, detail):
    versioned = kind != "tegenspraak"
    expected = form.cleaned_data["version"]
    with transaction.atomic():
        if action == "hide":
            if versioned and not model.objects.filter(pk=obj.pk, version=expected).exists():
                raise Stale
            audit.record("room.moderate", obj, detail=detail)
            set_aside(session, kind, obj, request.user)
        else:
            if action == "move":
                obj.side = Side.Y if obj.side == Side.X else Side.X
                obj.position = Argument.next_position(session, side=obj.side)
                fields = ["side", "position"]
                detail["side"] = obj.side
            else:
                category = form.cleaned_data["category"]
                if not category:
                    raise Incomplete
                obj.category = category
                fields = ["category"]
                if category == Category.EXCUSE:
                    obj.decisive = False  # an excuse never carries a decision
                    fields.append("decisive")
                detail["category"] = category
            if not obj.save_if_unchanged(expected, fields):
                raise Stale
            audit.record("room.moderate", obj, detail=detail)
        if room:
            room.bump()


def stale_message():
    return _(
        "Someone changed this contribution in the meantime. Nothing was changed: look at "
        "it again below and try once more."
    )


@require_POST
@login_required
def merge(request, pk, kind):
    if kind not in MODERATED:
        raise Http404
    session = get_lead_session(request.user, pk)
    require(session.can_edit(request.user), "room.moderate", session, status=403)
    room = room_of(session)
    form = room_forms.MergeForm(request.POST)
    if not form.is_valid():
        return refusal(request, _("Choose two different contributions to merge."), 400)
    model = MODERATED[kind]
    keep = get_contribution(model, session, form.cleaned_data["keep"])
    other = get_contribution(model, session, form.cleaned_data["other"])
    versioned = kind != "tegenspraak"
    if versioned and form.cleaned_data["other_version"] is None:
        # Without it, a change to the other contribution since the console showed it
        # would be merged away unseen.
        return refusal(request, _("This form is incomplete. Reload the page and try again."), 400)
    field = MERGE_TEXT[kind]
    try:
        merge_in_transaction(request, session, room, kind, keep, other, form, versioned, field)
    except Stale:
        return conflict(request, session, room, stale_message())
    return redirect("room_console", pk=pk)


def merge_in_transaction(request, session, room, kind, keep, other, form, versioned, field):
    with transaction.atomic():
        if versioned:
            # Locked, so nobody changes it between this check and setting it aside.
            unchanged = (
                type(other)
                .objects.select_for_update()
                .filter(pk=other.pk, version=form.cleaned_data["other_version"])
            )
            if not list(unchanged.values_list("pk", flat=True)):
                raise Stale
        fields = []
        if form.cleaned_data["append"]:
            addition = other.name if kind == "stakeholders" else getattr(other, field)
            combined = "\n\n".join(t for t in (getattr(keep, field), addition) if t)
            setattr(keep, field, combined[:TEXT])
            fields = [field]
        if versioned:
            if not keep.save_if_unchanged(form.cleaned_data["keep_version"], fields):
                raise Stale
        elif fields:
            keep.save(update_fields=fields)
        audit.record(
            "room.moderate",
            keep,
            detail={"kind": kind, "action": "merge", "merged": other.pk},
        )
        set_aside(session, kind, other, request.user, merged_into=keep.pk)
        if room:
            room.bump()


def session_room(session):
    """For the session page: the room, if any (one query)."""
    return room_of(session)
