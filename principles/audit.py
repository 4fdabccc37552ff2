"""The audit trail: one append-only event per state change, login or refusal.

Views call :func:`record` inside the transaction that makes the change, so the event and
the change are saved together or not at all. Refusals are recorded by :func:`refuse`,
which writes before the view raises, outside any transaction that could roll it back.
The request being answered (set by ``config.middleware.request_context``) supplies the
actor, the client address and the request id.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.middleware import current_request

from .models import AuditEvent, membership_of

NotFound = Http404
OK = AuditEvent.Result.OK
DENIED = AuditEvent.Result.DENIED
ERROR = AuditEvent.Result.ERROR


def _session_of(obj):
    from deliberation.models import Session

    if isinstance(obj, Session):
        return obj.pk
    return getattr(obj, "session_id", None)


def _organisation_of(obj, actor):
    for candidate in (obj, getattr(obj, "session", None) if obj is not None else None):
        organisation_id = getattr(candidate, "organisation_id", None)
        if organisation_id is not None:
            return organisation_id
    if obj is not None and obj._meta.label_lower == "principles.organisation":
        return obj.pk
    membership = membership_of(actor) if actor is not None else None
    return membership.organisation_id if membership else None


def record(
    action,
    obj=None,
    *,
    result=OK,
    actor=None,
    organisation_id=None,
    detail=None,
    anonymous=False,
):
    """Write one audit event for ``action`` on ``obj`` and return it.

    ``anonymous`` leaves out everything that could identify the person (actor, address,
    request id): for contributions made anonymously, such as an anonymous objection.
    """
    request = None if anonymous else current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if organisation_id is None:
        organisation_id = _organisation_of(obj, actor)
    created = timezone.now()
    if anonymous:
        # The time of day could link the event to the person's other events (a login a
        # minute earlier): an anonymous event keeps only the day.
        created = timezone.localtime(created).replace(hour=0, minute=0, second=0, microsecond=0)
    return AuditEvent.objects.create(
        created=created,
        action=action,
        result=result,
        organisation_id=organisation_id,
        session_id=_session_of(obj) if obj is not None else None,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        actor_id=actor.pk if actor is not None else None,
        ip_address=getattr(request, "client_ip", None) or None,
        request_id=getattr(request, "request_id", ""),
        detail=detail or {},
    )


def refuse(action, obj=None, *, status=404, organisation_id=None, detail=None):
    """Record a refused action and raise: 404 hides that the object exists, 403 says
    the user may see it but not do this."""
    record(action, obj, result=DENIED, organisation_id=organisation_id, detail=detail)
    if status == 403:
        raise PermissionDenied
    raise Http404


# What the trail pages call each action, in the user's language.
ACTION_LABELS = {
    "auth.login": _("Logged in"),
    "auth.login_failed": _("Failed login"),
    "auth.locked_out": _("Login locked after too many attempts"),
    "membership.create": _("Member added"),
    "membership.role_change": _("Role changed"),
    "session.create": _("Session created"),
    "session.edit_details": _("Session details changed"),
    "session.view": _("Session opened"),
    "session.edit": _("Session changed"),
    "session.close": _("Closed as not a dilemma"),
    "session.reopen": _("Session reopened"),
    "session.purge": _("Undecided session deleted (retention period)"),
    "step.save": _("Step saved"),
    "item.create": _("Item added"),
    "item.edit": _("Item changed"),
    "item.delete": _("Item deleted"),
    "item.move": _("Item moved"),
    "control.answer": _("Control question answered"),
    "objection.create": _("Objection (tegenspraak) raised"),
    "objection.handle": _("Objection handled"),
    "draft.save": _("Draft kept"),
    "draft.discard": _("Draft discarded"),
    "record.finalise": _("Decision record finalised"),
    "record.amend": _("Correction started"),
    "record.download": _("Record downloaded"),
    "measure.status": _("Compensation status changed"),
    "export.create": _("Export started"),
    "export.view": _("Exports opened"),
    "export.download": _("Export downloaded"),
    "person.pseudonymise": _("Name pseudonymised"),
    "audit.view": _("Audit trail opened"),
    "members.view": _("Members opened"),
    "signal.raise": _("Signal raised"),
    "signal.policy": _("Signal rule changed"),
    "signal.close": _("Signal closed after a conversation"),
    "signals.view": _("Signals opened"),
    "intake.submit": _("Dilemma reported"),
    "intake.view": _("Report opened"),
    "intake.session": _("Report turned into a session"),
    "intake.answer": _("Report answered"),
    "intake.close": _("Report closed"),
    "case.annotate": _("Case reviewed"),
    "case.link": _("Cases linked"),
    "case.unlink": _("Link between cases removed"),
    "case.share": _("Case shared"),
    "case.share_edit": _("Anonymised version changed"),
    "case.share_approve": _("Anonymised version approved"),
    "case.share_withdraw": _("Sharing withdrawn"),
    "case.shared_view": _("Shared case opened"),
    "case.shared_download": _("Shared case downloaded"),
    "shared.view": _("Shared cases opened"),
    "casebook.view": _("Casebook searched"),
    "case.view": _("Case opened"),
    "precedent.create": _("Precedent recorded"),
    "precedent.delete": _("Precedent deleted"),
    "organisation.export": _("Organisation exported"),
    "organisation.import": _("Organisation imported"),
    "room.start": _("Meeting room started"),
    "room.end": _("Meeting room ended"),
    "room.step": _("Meeting room moved to another step"),
    "room.timer": _("Meeting room timer set"),
    "room.anonymous": _("Meeting room anonymous mode changed"),
    "room.join": _("Joined the meeting room"),
    "room.guest_invite": _("Guest invited to the meeting room"),
    "room.guest_join": _("Guest joined the meeting room"),
    "room.contribute": _("Contribution in the meeting room"),
    "room.moderate": _("Contribution moderated in the meeting room"),
    "room.device": _("Meeting room opened"),
    "room.lead": _("Meeting room console opened"),
}


def action_label(action):
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    if action.endswith(".view"):
        return _("Opened")
    return action
