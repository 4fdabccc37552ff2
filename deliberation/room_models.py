"""Meeting-room mode: one live room per session (docs/meeting-room.md).

Contributions made in the room land in the guided form's own tables (Stakeholder, Fact,
InformationNeed, Argument, Objection, ControlAnswer); these models only hold the room's
state, guest invitations, what the gespreksleider set aside, and the throttle.
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
CODE_LIFETIME = timedelta(hours=12)
INVITATION_LIFETIME = timedelta(hours=12)


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """What someone typed as a code, the way codes are stored."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:20]


class Room(models.Model):
    """The live room of one session: which step everyone follows, and its join code."""

    class Status(models.TextChoices):
        LIVE = "live", _("Live")
        ENDED = "ended", _("Ended")

    session = models.OneToOneField(
        "deliberation.Session", on_delete=models.CASCADE, related_name="room"
    )
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.LIVE)
    step = models.PositiveSmallIntegerField(default=2)
    code = models.CharField(max_length=CODE_LENGTH)
    code_expires_at = models.DateTimeField()
    anonymous = models.BooleanField(_("contributions are anonymous"), default=False)
    timer_ends_at = models.DateTimeField(null=True, blank=True)
    # Bumped (F() + 1, in the same transaction) by every change in the room: the ETag of
    # the polls that show contributions (screen, console, the device's group list).
    revision = models.PositiveIntegerField(default=1)
    # Bumped only by what the device's polled state shows: start, end, step, timer,
    # anonymous mode. The ETag of the phones' poll, so a contribution costs them nothing.
    state_revision = models.PositiveIntegerField(default=1)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(status="live"), name="room_code_unique_while_live"
            ),
            models.CheckConstraint(condition=Q(step__gte=1, step__lte=8), name="room_step_valid"),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.code} ({self.status})"

    @property
    def is_live(self):
        return self.status == self.Status.LIVE

    def code_valid(self, now=None):
        return self.is_live and (now or timezone.now()) < self.code_expires_at

    @classmethod
    def open_for(cls, session, by):
        """Start (or restart) the live room of ``session`` with a fresh code."""
        room = cls.objects.filter(session=session).first()
        for _attempt in range(20):
            code = new_code()
            now = timezone.now()
            try:
                with transaction.atomic():
                    if room is None:
                        room = cls.objects.create(
                            session=session,
                            code=code,
                            code_expires_at=now + CODE_LIFETIME,
                            started_by=by,
                            started_at=now,
                        )
                    else:
                        room.status = cls.Status.LIVE
                        room.code = code
                        room.code_expires_at = now + CODE_LIFETIME
                        room.started_by = by
                        room.started_at = now
                        room.ended_at = None
                        room.timer_ends_at = None
                        room.save()
                        room.bump(state=True)
                return room
            except IntegrityError:
                room = cls.objects.filter(session=session).first()
        raise RuntimeError("no free room code")  # pragma: no cover - 25**6 codes

    def bump(self, state=False):
        """Record that something in the room changed (call inside the change's transaction).

        ``state``: it changes what the device's polled state shows (step, timer, anonymous
        mode, live or ended), so the phones must fetch it again."""
        changes = {"revision": F("revision") + 1}
        if state:
            changes["state_revision"] = F("state_revision") + 1
        Room.objects.filter(pk=self.pk).update(**changes)
        self.refresh_from_db(fields=["revision", "state_revision"])

    def end(self):
        self.status = self.Status.ENDED
        self.ended_at = timezone.now()
        self.timer_ends_at = None
        self.save(update_fields=["status", "ended_at", "timer_ends_at"])
        self.bump(state=True)

    def timer_seconds_left(self, now=None):
        if self.timer_ends_at is None:
            return None
        return max(0, int((self.timer_ends_at - (now or timezone.now())).total_seconds()))


class RoomInvitation(models.Model):
    """A one-time link for a guest from another organisation, for one session's room only."""

    session = models.ForeignKey(
        "deliberation.Session", on_delete=models.CASCADE, related_name="room_invitations"
    )
    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "used_by"], name="room_invitation_one_per_guest"
            )
        ]

    def __str__(self):
        return f"{self.session_id}: {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def create_for(cls, session, by):
        now = timezone.now()
        return cls.objects.create(
            session=session,
            token=secrets.token_urlsafe(24),
            created_by=by,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )

    def usable(self, now=None):
        return self.used_by_id is None and (now or timezone.now()) < self.expires_at

    def accept(self, user):
        """Claim the invitation for ``user``; False when someone used it meanwhile."""
        claimed = RoomInvitation.objects.filter(
            pk=self.pk, used_by__isnull=True, expires_at__gt=timezone.now()
        ).update(used_by=user, used_at=timezone.now())
        return bool(claimed)


class RoomSetAside(models.Model):
    """A contribution the gespreksleider hid (or merged into another): taken out of the
    session's tables so the guided form never shows or counts it, kept here so it can be
    put back."""

    session = models.ForeignKey(
        "deliberation.Session", on_delete=models.CASCADE, related_name="room_set_aside"
    )
    kind = models.CharField(max_length=20)
    original_pk = models.PositiveIntegerField()
    data = models.JSONField(default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    merged_into = models.PositiveIntegerField(null=True, blank=True)
    set_aside_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    set_aside_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["set_aside_at", "id"]

    def __str__(self):
        return f"{self.kind} {self.original_pk}"

    @property
    def summary(self):
        data = self.data or {}
        return data.get("text") or data.get("question") or data.get("name") or ""


class RoomPost(models.Model):
    """One contribution posted in the room, kept for a minute to throttle flooding."""

    session = models.ForeignKey("deliberation.Session", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["session", "user", "at"])]

    def __str__(self):
        return f"{self.user_id} {self.at:%H:%M:%S}"


class RoomAnswered(models.Model):
    """That a user answered the control question in the room, with no link to the answer,
    so an anonymous answer can be given once without storing who gave it. No time and a
    random key: nothing orders the markers like the answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey("deliberation.Session", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="room_answered_once")
        ]

    def __str__(self):
        return f"{self.session_id}/{self.user_id}"
