"""Who may do what: the permission matrix of docs/permissions.md, as code.

Every view asks this module (through ``Session.can_*``, ``Session.objects.visible_to`` and
:func:`may`); the documentation is checked against :data:`MATRIX` by the tests, so the
two cannot drift apart.

Session actions have a *scope*: whether a role may act on every session of its own
organisation, on the sessions it takes part in, on the sessions it leads, or only as the
session's facilitator. Organisation actions are simply allowed or not. Nobody ever acts
on another organisation's data: every scope stops at the organisation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Role, membership_of


class Scope(models.TextChoices):
    ALL = "all", _("every session of the organisation")
    OWN = "own", _("sessions the user takes part in, leads or created")
    LEAD = "lead", _("sessions the user leads or created")
    FACILITATOR = "facilitator", _("sessions where the user is the facilitator")
    NONE = "none", _("no")


class Action(models.TextChoices):
    # Session actions (scoped).
    VIEW_SESSION = "view_session", _("View a session and its record")
    EDIT_SESSION = "edit_session", _("Contribute to a session (steps, items, control question)")
    MODERATE = "moderate", _("Moderate: session details, close, reopen, handle objections")
    FINALISE = "finalise", _("Finalise a decision record")
    AMEND = "amend", _("Amend: start a correction of a finalised record")
    FOLLOW_UP = "follow_up", _("Keep compensation measures up to date")
    DOWNLOAD_PDF = "download_pdf", _("Download a record as PDF or JSON")
    SESSION_AUDIT = "session_audit", _("See the audit trail of a session")
    # Organisation actions.
    CREATE_SESSION = "create_session", _("Start a new session")
    EXPORT = "export", _("Export records in bulk")
    SEE_CASEBOOK = "see_casebook", _("See the casebook")
    ANNOTATE = "annotate", _("Annotate cases in the casebook")
    SHARE = "share", _("Share a case beyond the organisation")
    SEE_SIGNALS = "see_signals", _("See signals")
    HANDLE_SIGNALS = "handle_signals", _("Set the signal rule and close signals")
    SUBMIT_INTAKE = "submit_intake", _("Report a dilemma (intake)")
    JOIN_ROOM = "join_room", _("Join a meeting room by code or guest invitation")
    SEE_INTAKE = "see_intake", _("See and triage intake")
    SEE_AUDIT = "see_audit", _("See the organisation's audit trail")
    ADMINISTER = "administer", _("Administer members and roles")


SESSION_ACTIONS = [
    Action.VIEW_SESSION,
    Action.EDIT_SESSION,
    Action.MODERATE,
    Action.FINALISE,
    Action.AMEND,
    Action.FOLLOW_UP,
    Action.DOWNLOAD_PDF,
    Action.SESSION_AUDIT,
]
ORGANISATION_ACTIONS = [a for a in Action if a not in SESSION_ACTIONS]

A, OWN, L, F, N = Scope.ALL, Scope.OWN, Scope.LEAD, Scope.FACILITATOR, Scope.NONE
P, G, C, M, B = (
    Role.PARTICIPANT,
    Role.FACILITATOR,
    Role.COORDINATOR,
    Role.MANAGER,
    Role.ADMINISTRATOR,
)

# fmt: off
MATRIX = {
    #                       deelnemer  gespreksleider  coördinator  manager  beheerder
    Action.VIEW_SESSION:   {P: OWN,    G: OWN,         C: A,        M: A,    B: A},
    Action.EDIT_SESSION:   {P: OWN,    G: OWN,         C: OWN,      M: OWN,  B: OWN},
    Action.MODERATE:       {P: L,      G: L,           C: L,        M: L,    B: L},
    Action.FINALISE:       {P: F,      G: F,           C: F,        M: A,    B: F},
    Action.AMEND:          {P: F,      G: F,           C: F,        M: A,    B: F},
    Action.FOLLOW_UP:      {P: L,      G: L,           C: L,        M: A,    B: L},
    Action.DOWNLOAD_PDF:   {P: OWN,    G: OWN,         C: A,        M: A,    B: A},
    Action.SESSION_AUDIT:  {P: N,      G: N,           C: A,        M: N,    B: A},
    Action.CREATE_SESSION: {P: True,   G: True,        C: True,     M: True, B: True},
    Action.EXPORT:         {P: False,  G: False,       C: True,     M: True, B: True},
    Action.SEE_CASEBOOK:   {P: True,   G: True,        C: True,     M: True, B: True},
    Action.ANNOTATE:       {P: False,  G: False,       C: True,     M: False, B: False},
    Action.SHARE:          {P: False,  G: False,       C: True,     M: False, B: False},
    Action.SEE_SIGNALS:    {P: False,  G: False,       C: True,     M: True, B: False},
    Action.HANDLE_SIGNALS: {P: False,  G: False,       C: True,     M: False, B: False},
    Action.SUBMIT_INTAKE:  {P: True,   G: True,        C: True,     M: True, B: True},
    Action.JOIN_ROOM:      {P: True,   G: True,        C: True,     M: True, B: True},
    Action.SEE_INTAKE:     {P: False,  G: False,       C: True,     M: False, B: False},
    Action.SEE_AUDIT:      {P: False,  G: False,       C: True,     M: False, B: True},
    Action.ADMINISTER:     {P: False,  G: False,       C: False,    M: False, B: True},
}
# fmt: on


def role_of(user):
    membership = membership_of(user)
    return membership.role if membership is not None else None


def scope(user, action):
    """The scope (session actions) or True/False (organisation actions) for this user."""
    role = role_of(user)
    if role is None:
        return Scope.NONE if action in SESSION_ACTIONS else False
    return MATRIX[action][role]


def may(user, action, session=None):
    """Whether ``user`` may do ``action`` (on ``session`` for a session action)."""
    granted = scope(user, action)
    if action not in SESSION_ACTIONS:
        return bool(granted)
    membership = membership_of(user)
    if session is None or membership is None or granted == Scope.NONE:
        return False
    if session.organisation_id != membership.organisation_id:
        return False
    if granted == Scope.ALL:
        return True
    if granted == Scope.FACILITATOR:
        return session.facilitator_id == user.pk
    if granted == Scope.LEAD:
        return user.pk in {session.facilitator_id, session.created_by_id}
    # Scope.OWN
    if user.pk in {session.facilitator_id, session.created_by_id}:
        return True
    takes_part = getattr(session, "user_takes_part", None)
    if takes_part is None:
        takes_part = session.participants.filter(pk=user.pk).exists()
    return takes_part
