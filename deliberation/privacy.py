"""Data protection (AVG): retention of undecided sessions and pseudonymisation on request.

Two management commands use this module, both run by an operator or a scheduled job:

- ``apply_retention`` deletes sessions that never reached a decision once their last
  change is older than ``RETENTION_UNDECIDED_DAYS`` days, one transaction and one audit
  event ``session.purge`` per session.
- ``pseudonymise_person`` replaces a person's name in every free-text field of one
  organisation's sessions, in one transaction with one audit event ``person.pseudonymise``.

Finalised decision records (``casebook.RecordVersion``) are archival documents, signed by
their hash: retention never deletes a session that has one and pseudonymisation never
rewrites one; it reports which records still mention the name. See ``docs/privacy.md``.

What belongs to a session is derived from the model metadata (every model with a foreign
key to ``Session``), so a model added later is covered without a change here.
"""

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, ProtectedError, Q, RestrictedError, Subquery
from django.utils import timezone

from casebook.index import CaseFacet, CaseIndex
from casebook.models import RecordExport, RecordVersion
from principles import audit
from principles.models import Organisation

from .models import Draft, PrincipleTest, RJudgement, Session
from .room_models import Room, RoomInvitation, RoomPost, RoomSetAside

# Rows that are archival documents: never deleted by retention, never rewritten. The
# casebook's search index is derived from them (and rebuilt from them), so it is left alone
# too: rewriting it would only last until the next reindex.
ARCHIVAL_MODELS = (RecordVersion, CaseIndex, CaseFacet)

# Text fields that hold codes rather than typed text (fields with choices are skipped anyway).
CODE_FIELDS = {
    (Draft, "form_key"),
    (Room, "code"),  # the room's join code
    (RoomInvitation, "token"),  # a guest's one-time link
    (RoomSetAside, "kind"),  # which list a set-aside contribution came from
}

# JSON fields whose strings are typed text: a draft keeps what someone typed but did not save.
JSON_TEXT_FIELDS = {(Draft, "data")}

# A contribution the gespreksleider set aside in the room keeps a copy of its fields in
# ``data``: the name is replaced in the copy's free-text fields (see set_aside_text_keys).
SET_ASIDE_COPIES = {(RoomSetAside, "data")}

# Date-time fields inside a session that are no moment of change but one in the future (when
# a join code, a timer or an invitation runs out): they do not keep a session alive.
NOT_ACTIVITY = {
    (Room, "code_expires_at"),
    (Room, "timer_ends_at"),
    (RoomInvitation, "expires_at"),
}

# Rows without a version of their own that are edited through a step form of the session:
# changing them must bump that form's version so an open form conflicts (step 6, decision).
EDITED_IN_STEP = {RJudgement: 6, PrincipleTest: 6}

# Shorter names would replace ordinary words and initials all over the text.
MIN_NAME_LENGTH = 2


def session_relations():
    """``(model, foreign key name)`` for every model whose rows belong to one session.

    Items, the decision's judgements, control answers, objections, drafts and whatever is
    added later; not the archival record versions, and not the participants' link table
    (it holds neither text nor time).
    """
    relations = []
    for relation in Session._meta.get_fields(include_hidden=True):
        if not (relation.one_to_many or relation.one_to_one) or not relation.auto_created:
            continue
        model = relation.related_model
        if model._meta.auto_created or issubclass(model, ARCHIVAL_MODELS):
            continue
        if any(known is model for known, _name in relations):
            continue  # a second key to Session (a link between two cases): rows once
        relations.append((model, relation.field.name))
    return relations


# --- retention ---------------------------------------------------------------------------

# A session that never reached a decision: a draft or in progress, or closed as "not a
# dilemma" without a conclusion, and never decided (``decided_at`` is set while a session
# is decided and cleared when the decision is taken back). A session that is decided,
# finalised, or closed with a conclusion has reached an outcome and is kept.
UNDECIDED = Q(decided_at__isnull=True) & (
    Q(status__in=[Session.Status.DRAFT, Session.Status.IN_PROGRESS])
    | Q(status=Session.Status.CLOSED, closed_reason="")
)


def retention_days():
    """``RETENTION_UNDECIDED_DAYS``: 0 keeps every session; a negative value is a mistake."""
    days = settings.RETENTION_UNDECIDED_DAYS
    if days < 0:
        raise ImproperlyConfigured(
            f"RETENTION_UNDECIDED_DAYS must be 0 (keep everything) or a number of days, not {days}."
        )
    return days


def undecided_sessions():
    """Sessions that never reached a decision and have no finalised record version."""
    has_record = RecordVersion.objects.filter(session=OuterRef("pk"))
    return Session.objects.filter(UNDECIDED).exclude(Exists(has_record))


def activity_fields():
    """``(model, foreign key, date-time field)`` for every moment of change inside a session.

    ``Session.updated_at`` moves on every save of a step (``touch()``, ``bump_version``), but
    not when someone answers the control question, raises or handles an objection or keeps
    a draft; those rows carry their own time, and all of them count as a change.
    """
    return [
        (model, fk, model_field.name)
        for model, fk in session_relations()
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.DateTimeField)
        and (model, model_field.name) not in NOT_ACTIVITY
    ]


def with_last_activity(queryset):
    """Annotate the latest moment of every kind of change; ``last_activity()`` combines them."""
    annotations = {}
    for index, (model, fk, name) in enumerate(activity_fields()):
        latest = (
            model.objects.filter(**{fk: OuterRef("pk"), f"{name}__isnull": False})
            .order_by(f"-{name}")
            .values(name)[:1]
        )
        annotations[f"activity_{index}"] = Subquery(latest)
    return queryset.annotate(**annotations)


def last_activity(session):
    """The latest change of an annotated session: its own or that of any row inside it."""
    moments = [session.updated_at]
    moments += [value for key, value in vars(session).items() if key.startswith("activity_")]
    return max(moment for moment in moments if moment is not None)


@dataclass
class Expired:
    session: Session
    last_activity: datetime
    age_days: int
    outcome: str = ""  # once handled: "deleted", "protected", "changed" or "gone"
    protected_by: list = field(default_factory=list)


def expired_sessions(days, now=None, pk=None):
    """Undecided sessions whose last change is more than ``days`` days before ``now``."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    # The last activity is never earlier than ``updated_at``: a session saved after the
    # cutoff can be left out by the query already, which keeps the set small.
    queryset = undecided_sessions().filter(updated_at__lt=cutoff)
    if pk is not None:
        queryset = queryset.filter(pk=pk)
    queryset = with_last_activity(queryset).select_related("organisation")
    expired = []
    for session in queryset.order_by("organisation__name", "updated_at", "pk"):
        moment = last_activity(session)
        if moment < cutoff:
            expired.append(Expired(session, moment, (now - moment).days))
    return expired


def purge(candidate, days, now=None):
    """Delete one expired session with its audit event, after checking again under a lock.

    Everything that belongs to the session goes with it (items, judgements, control
    answers, objections, drafts, the participant list). Audit events stay: they hold ids,
    not text. A row that protects the session (``on_delete=PROTECT``) keeps it.
    """
    pk = candidate.session.pk
    try:
        with transaction.atomic():
            if not list(Session.objects.select_for_update().filter(pk=pk).values_list("pk")):
                candidate.outcome = "gone"
                return candidate
            fresh = expired_sessions(days, now=now, pk=pk)
            if not fresh:
                # Someone changed or decided it since the list was made.
                candidate.outcome = "changed"
                return candidate
            current = fresh[0]
            audit.record(
                "session.purge",
                obj=current.session,
                detail={
                    "status": current.session.status,
                    "age_days": current.age_days,
                    "retention_days": days,
                },
            )
            current.session.delete()
    except ProtectedError as error:
        candidate.outcome = "protected"
        candidate.protected_by = names_of(error.protected_objects)
        return candidate
    except RestrictedError as error:
        candidate.outcome = "protected"
        candidate.protected_by = names_of(error.restricted_objects)
        return candidate
    candidate.outcome = "deleted"
    candidate.age_days = current.age_days
    return candidate


def names_of(objects):
    return sorted({obj._meta.label_lower for obj in objects})


# --- pseudonymisation -----------------------------------------------------------------------


class PseudonymisationError(ValueError):
    """The request cannot be carried out as given; nothing was changed."""


def name_pattern(name):
    """The name as a whole word or phrase, in any case, with any whitespace between its parts."""
    parts = name.split()
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, parts)) + r"(?!\w)", re.IGNORECASE)


def check_request(name, replacement):
    """The name and replacement, cleaned; ``PseudonymisationError`` for a request that would
    do harm or nothing."""
    name = " ".join((name or "").split())
    replacement = (replacement or "").strip()
    if not name:
        raise PseudonymisationError("The name to replace is empty. Give it with --name.")
    if len(name) < MIN_NAME_LENGTH:
        raise PseudonymisationError(
            f"The name “{name}” is too short: give at least {MIN_NAME_LENGTH} characters, "
            "otherwise ordinary words and initials would be replaced too."
        )
    if not replacement:
        raise PseudonymisationError(
            "The replacement is empty. Give a neutral description with --replacement, "
            "for example “Medewerker A”."
        )
    if " ".join(replacement.split()).casefold() == name.casefold():
        raise PseudonymisationError(
            "The replacement is the same as the name: nothing would be pseudonymised."
        )
    if name_pattern(name).search(replacement):
        raise PseudonymisationError(
            "The replacement contains the name itself: the name would stay in the text."
        )
    return name, replacement


def get_organisation(name):
    try:
        return Organisation.objects.get(name=name)
    except Organisation.DoesNotExist:
        known = ", ".join(Organisation.objects.values_list("name", flat=True)) or "none"
        raise PseudonymisationError(
            f"There is no organisation named “{name}”. Organisations: {known}."
        ) from None


def get_member(username, organisation):
    """The user account to pseudonymise, which must belong to ``organisation``."""
    User = get_user_model()
    try:
        user = User.objects.select_related("membership").get(username=username)
    except User.DoesNotExist:
        raise PseudonymisationError(f"There is no user “{username}”.") from None
    membership = getattr(user, "membership", None)
    if membership is None or membership.organisation_id != organisation.pk:
        raise PseudonymisationError(
            f"The user “{username}” is not a member of {organisation.name}; "
            "pseudonymise an account only through its own organisation."
        )
    return user


def text_fields(model):
    """The free-text fields of a model: CharField and TextField without choices, not codes."""
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, (models.CharField, models.TextField))
        and not isinstance(model_field, models.SlugField)
        and not model_field.choices
        and not model_field.primary_key
        and (model, model_field.name) not in CODE_FIELDS
    ]


def json_text_fields(model):
    return [name for owner, name in JSON_TEXT_FIELDS if owner is model]


def copy_fields(model):
    return [name for owner, name in SET_ASIDE_COPIES if owner is model]


def set_aside_text_keys(kind):
    """The keys of a set-aside copy that hold typed text: the free-text fields of the
    contribution's own model (not its codes, choices, ids or times)."""
    from .room import MODERATED

    model = MODERATED.get(kind)
    return {f.attname for f in text_fields(model)} if model is not None else set()


def replace_in_copy(copy, kind, pattern, replacement):
    """``(new copy, number of replacements)``: the name replaced in the copy's text fields."""
    if not isinstance(copy, dict):
        return copy, 0
    keys = set_aside_text_keys(kind)
    result, count = dict(copy), 0
    for key in keys & copy.keys():
        if isinstance(copy[key], str):
            result[key], n = replace_name(copy[key], pattern, replacement)
            count += n
    return result, count


def replace_name(value, pattern, replacement):
    """``(new value, number of replacements)`` with the name replaced in every string."""
    if isinstance(value, str):
        # A function, not the string: a backslash in the replacement stays a backslash.
        return pattern.subn(lambda _match: replacement, value)
    if isinstance(value, list):
        pairs = [replace_name(v, pattern, replacement) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        pairs = {k: replace_name(v, pattern, replacement) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, sum(n for _, n in pairs.values())
    return value, 0


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)


def session_step_of_field():
    """Which step form of the session edits which session field (its version counter)."""
    from .views import MAIN_FORMS

    return {name: step for step, form in MAIN_FORMS.items() for name in form.fields_on_session}


@dataclass
class RowChange:
    model: type
    pk: int
    values: dict
    replacements: int
    counters: set = field(default_factory=set)  # version fields to raise by one


@dataclass
class Mention:
    version: RecordVersion
    current: bool


@dataclass
class Pseudonymisation:
    organisation: Organisation
    changes: list
    mentions: list
    exports: list
    user: object = None
    applied: bool = False

    def rows_per_model(self):
        changed = Counter(c.model._meta.label_lower for c in self.changes if c.values)
        return dict(sorted(changed.items()))

    def replacements_per_model(self):
        counts = defaultdict(int)
        for change in self.changes:
            counts[change.model._meta.label_lower] += change.replacements
        return dict(sorted(counts.items()))

    @property
    def replacements(self):
        return sum(c.replacements for c in self.changes)


def organisation_relations():
    """Models with free text that belong to the organisation rather than to one session:
    signals (the recorded conversation) and reported dilemmas (intake)."""
    from casebook.models import IntakeReport, Signal

    return [(Signal, "organisation"), (IntakeReport, "organisation")]


def rows_of(model, fk, organisation, lock):
    scope = (
        {"organisation": organisation}
        if fk == "organisation"
        else {f"{fk}__organisation": organisation}
    )
    queryset = model.objects.filter(**scope).order_by("pk")
    return queryset.select_for_update(of=("self",)) if lock else queryset


def plan(organisation, pattern, replacement, lock=False):
    """Every row of the organisation whose text mentions the name, with its new text."""
    changes = []
    session_counters = defaultdict(set)
    step_of = session_step_of_field()
    by_organisation = organisation_relations()
    scopes = (
        [(Session, None)]
        + [
            (model, fk)
            for model, fk in session_relations()
            if all(model is not other for other, _fk in by_organisation)
        ]
        + by_organisation
    )
    for model, fk in scopes:
        fields = text_fields(model)
        json_fields = json_text_fields(model)
        copies = copy_fields(model)
        if not fields and not json_fields and not copies:
            continue
        if model is Session:
            queryset = Session.objects.filter(organisation=organisation).order_by("pk")
            if lock:
                queryset = queryset.select_for_update()
        else:
            queryset = rows_of(model, fk, organisation, lock)
        names = [f.attname for f in fields] + json_fields + copies
        extra = [f"{fk}_id"] if fk else []
        if copies:
            extra.append("kind")
        for row in queryset.values("pk", *names, *extra):
            values, count = {}, 0
            for name in [f.attname for f in fields]:
                new, n = replace_name(row[name] or "", pattern, replacement)
                if n:
                    values[name], count = new, count + n
            for name in json_fields:
                new, n = replace_name(row[name], pattern, replacement)
                if n:
                    values[name], count = new, count + n
            for name in copies:
                new, n = replace_in_copy(row[name], row["kind"], pattern, replacement)
                if n:
                    values[name], count = new, count + n
            if not values:
                continue
            change = RowChange(model, row["pk"], values, count)
            if model is Session:
                change.counters = {f"version_{step_of[n]}" for n in values if n in step_of}
            elif any(f.name == "version" for f in model._meta.concrete_fields):
                change.counters = {"version"}
            elif model in EDITED_IN_STEP:
                session_counters[row[f"{fk}_id"]].add(f"version_{EDITED_IN_STEP[model]}")
            changes.append(change)
    merge_session_counters(changes, session_counters)
    check_lengths(changes)
    return changes


def merge_session_counters(changes, session_counters):
    """A changed judgement bumps its session's step form even if the session's text is unchanged."""
    by_pk = {c.pk: c for c in changes if c.model is Session}
    for session_pk, counters in session_counters.items():
        if session_pk not in by_pk:
            by_pk[session_pk] = RowChange(Session, session_pk, {}, 0)
            changes.append(by_pk[session_pk])
        by_pk[session_pk].counters |= counters


def check_lengths(changes):
    """A replacement longer than the name can overflow a field: refuse before writing."""
    too_long = []
    for change in changes:
        for name, value in change.values.items():
            model_field = change.model._meta.get_field(name)
            limit = getattr(model_field, "max_length", None)
            if limit and isinstance(value, str) and len(value) > limit:
                too_long.append(f"{change.model._meta.label_lower} {change.pk} {name}")
    if too_long:
        raise PseudonymisationError(
            "With this replacement the text would be longer than the field allows in: "
            + ", ".join(too_long)
            + ". Choose a shorter replacement."
        )


def records_mentioning(organisation, patterns):
    """Finalised record versions of the organisation whose JSON mentions any of the patterns."""
    superseded = RecordVersion.objects.filter(supersedes=OuterRef("pk"))
    versions = (
        RecordVersion.objects.filter(session__organisation=organisation)
        .annotate(is_current=~Exists(superseded))
        .order_by("session_id", "number")
    )
    mentions = []
    for version in versions:
        data = json.loads(version.canonical_json)
        if any(p.search(text) for text in strings_in(data) for p in patterns):
            mentions.append(Mention(version, version.is_current))
    return mentions


def exports_holding(organisation, mentions):
    """Stored export ZIPs of the organisation that hold one of the mentioning record versions."""
    wanted = {m.version.pk for m in mentions}
    if not wanted:
        return []
    exports = RecordExport.objects.of_organisation(organisation).without_archive()
    return [e.pk for e in exports.order_by("pk") if wanted & set(e.selection or [])]


def pseudonymise_account(user, replacement):
    """Replace the account's names and e-mail address and switch it off for good."""
    User = type(user)
    username = f"pseudoniem-{user.pk}"
    suffix = 1
    while User.objects.filter(username=username).exclude(pk=user.pk).exists():
        suffix += 1
        username = f"pseudoniem-{user.pk}-{suffix}"
    user.username = username
    user.first_name = replacement[: User._meta.get_field("first_name").max_length]
    user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


def pseudonymise(organisation, name, replacement, *, username=None, dry_run=False):
    """Replace ``name`` by ``replacement`` in the organisation's working data.

    With ``dry_run`` nothing is written. Otherwise every change, the account (with
    ``username``) and one audit event are saved in one transaction: all or nothing.
    """
    name, replacement = check_request(name, replacement)
    user = get_member(username, organisation) if username else None
    pattern = name_pattern(name)
    patterns = [pattern]
    if user is not None:
        # The record names participants by their full name and their username.
        for known in {user.get_full_name(), user.get_username()}:
            if len(known.strip()) >= MIN_NAME_LENGTH:
                patterns.append(name_pattern(known))
    if dry_run:
        changes = plan(organisation, pattern, replacement)
        mentions = records_mentioning(organisation, patterns)
        return Pseudonymisation(
            organisation, changes, mentions, exports_holding(organisation, mentions), user
        )
    with transaction.atomic():
        changes = plan(organisation, pattern, replacement, lock=True)
        for change in changes:
            updates = {**change.values, **{c: F(c) + 1 for c in change.counters}}
            # QuerySet.update leaves ``updated_at`` alone on purpose: pseudonymising is not
            # a change of the content and must not restart the retention period.
            change.model.objects.filter(pk=change.pk).update(**updates)
        mentions = records_mentioning(organisation, patterns)
        result = Pseudonymisation(
            organisation, changes, mentions, exports_holding(organisation, mentions), user
        )
        room_posts = 0
        if user is not None:
            pseudonymise_account(user, replacement)
            room_posts = forget_room_posts(user=user)
        audit.record(
            "person.pseudonymise",
            organisation_id=organisation.pk,
            detail={
                "rows": result.rows_per_model(),
                "replacements": result.replacements_per_model(),
                "records_mentioning": [m.version.pk for m in mentions],
                "user_account": user.pk if user is not None else None,
                "room_posts_removed": room_posts,
            },
        )
    result.applied = True
    return result


# --- the room's throttle ----------------------------------------------------------------------


def forget_room_posts(user=None, now=None):
    """Delete the room's throttle rows (who posted when); returns how many.

    With ``user``: all of that person's rows (pseudonymisation). Without: every row older than
    the throttle window, which has done its work. The rows name a person and a moment, so
    beside the audit trail's times they could tell who gave an anonymous contribution; the
    room itself only clears a session's old rows when someone posts there again.
    """
    from .room import THROTTLE_WINDOW

    if user is not None:
        rows = RoomPost.objects.filter(user=user)
    else:
        rows = RoomPost.objects.filter(at__lt=(now or timezone.now()) - THROTTLE_WINDOW)
    deleted, _per_model = rows.delete()
    return deleted
