"""Moving one organisation to another installation: its data as one JSON file.

``manage.py export_organisation`` writes, and ``manage.py import_organisation`` reads, one
organisation's framework (the organisation and its kernwaarden), its people, every session
with everything in it, the finalised record versions and the organisation's audit trail.
``docs/portability.md`` describes the format for the people who run the commands.

Nothing in the file depends on database ids. The organisation is named by its name, people
by their username, principles and R's by their stable code, kernwaarden by their name, and
sessions and everything in them by *file ids*: 1, 2, 3 … per list, in the order the objects
were made. Importing makes the objects in that same order, so an export of the imported
organisation is byte for byte the export it came from.

Which fields travel is read from each model's ``_meta``: a field added later is exported and
imported without a change here. A new *relation* must be named in ``SECTIONS`` (exporting
refuses a relation it does not know), so a database id never ends up in the file.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models, transaction
from django.db.models.functions import Lower

from casebook.models import (
    CaseAnnotation,
    CaseLink,
    CaseShare,
    ImmutableRecordError,
    IntakeReport,
    Precedent,
    RecordVersion,
    Signal,
    SignalPolicy,
    Theme,
)
from deliberation.models import (
    ApplicableRule,
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Draft,
    Fact,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    Room,
    RoomAnswered,
    RoomSetAside,
    Session,
    Stakeholder,
)
from deliberation.room_models import new_code

from . import audit
from .models import (
    AuditEvent,
    CoreValue,
    Membership,
    Organisation,
    Principle,
    RCriterion,
    validate_theme_stylesheet,
)

FORMAT = "toetssteen.organisation"
FORMAT_VERSION = 1
# The versions this code reads. A later version adds lists (the casebook's annotations will
# be one) and keeps reading the older files, which simply do not have them.
READABLE_VERSIONS = frozenset({1})

# What a relation in the file points to: a list of the file, or reference data by its code.
PEOPLE = "people"
PRINCIPLES = "principles"
R_CRITERIA = "r_criteria"
ORGANISATION = "organisation"
MEMBERSHIPS = "memberships"

# The user fields that travel. Never the password hash: an imported person sets a new
# password or logs in through single sign-on. Nor is_staff / is_superuser: rights on the
# new installation, which holds other organisations too, are granted there.
USER_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "date_joined")
USER_FIELDS_LEFT_OUT = ("id", "password", "last_login", "is_staff", "is_superuser")

# An audit event whose session, actor or object is not in the file (a session deleted after
# the retention period, a user of another organisation who was refused, an export ZIP)
# keeps its id of the source installation here, inside ``detail``; the field itself is empty
# after importing, so it can never point at an unrelated object of the new installation.
SOURCE_IDS = "source_ids"

# Choices in a draft (unsaved typing) that name other objects by database id: the form
# field's name, and what it chooses.
DRAFT_CHOICES = {
    "stakeholder": "stakeholders",
    "decisive": "arguments",
    "principles": PRINCIPLES,
    "r_criteria": R_CRITERIA,
    "core_values": "core_values",
}

MAX_PROBLEMS_SHOWN = 15


class PortabilityError(Exception):
    """The data cannot be exported, or the file cannot be imported; the message says why."""


@dataclass(frozen=True)
class Section:
    """One list of the file: the objects of one model that belong to the organisation."""

    key: str
    model: type[models.Model]
    scope: str  # the lookup from the model to its organisation
    refs: dict = field(default_factory=dict)  # relation name -> what it points to
    natural_key: str | None = None  # a field that names the object; else file ids
    # The order of the list (and so of its file ids); "pk" unless the ids are random.
    order: tuple = ("pk",)
    # False: the rows name people but add nobody to the file; a row naming someone who is
    # not in the file for another reason (a guest of another organisation) is left out.
    adds_people: bool = True

    @property
    def implied(self):
        """The relation to the organisation itself, which the file does not repeat."""
        return "organisation" if self.scope == "organisation" else None

    @property
    def concrete(self):
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name != self.implied
        ]

    @property
    def many(self):
        return list(self.model._meta.many_to_many)

    def keys(self):
        names = {f.name for f in self.concrete} | {f.name for f in self.many}
        return names if self.natural_key else names | {"id"}


SECTIONS = [
    Section("core_values", CoreValue, "organisation", natural_key="name"),
    Section(
        "sessions",
        Session,
        "organisation",
        {"facilitator": PEOPLE, "created_by": PEOPLE, "participants": PEOPLE},
    ),
    Section(
        "stakeholders",
        Stakeholder,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE},
    ),
    Section(
        "applicable_rules",
        ApplicableRule,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE},
    ),
    Section(
        "facts",
        Fact,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE},
    ),
    Section(
        "information_needs",
        InformationNeed,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE},
    ),
    Section(
        "arguments",
        Argument,
        "session__organisation",
        {
            "session": "sessions",
            "author": PEOPLE,
            "stakeholder": "stakeholders",
            "principles": PRINCIPLES,
            "r_criteria": R_CRITERIA,
            "core_values": "core_values",
        },
    ),
    Section(
        "r_judgements",
        RJudgement,
        "session__organisation",
        {"session": "sessions", "criterion": R_CRITERIA},
    ),
    Section(
        "principle_tests",
        PrincipleTest,
        "session__organisation",
        {"session": "sessions", "principle": PRINCIPLES},
    ),
    Section(
        "compensation_measures",
        CompensationMeasure,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE, "stakeholder": "stakeholders"},
    ),
    Section(
        "control_answers",
        ControlAnswer,
        "session__organisation",
        {"session": "sessions", "participant": PEOPLE},
    ),
    Section(
        "objections",
        Objection,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE, "handled_by": PEOPLE},
    ),
    Section("drafts", Draft, "session__organisation", {"session": "sessions", "user": PEOPLE}),
    # Meeting-room mode (docs/meeting-room.md): the room of a session, what the
    # gespreksleider set aside (hidden or merged contributions, with their text), and who
    # answered the control question in the room (the answers themselves are in
    # control_answers, anonymous ones without a participant).
    Section("rooms", Room, "session__organisation", {"session": "sessions", "started_by": PEOPLE}),
    Section(
        "room_set_aside",
        RoomSetAside,
        "session__organisation",
        {"session": "sessions", "author": PEOPLE, "set_aside_by": PEOPLE},
    ),
    Section(
        "room_answered",
        RoomAnswered,
        "session__organisation",
        {"session": "sessions", "user": PEOPLE},
        # Random ids: ordered by session and person, so the file ids do not change.
        order=("session_id", "user__username"),
        adds_people=False,
    ),
    Section(
        "record_versions",
        RecordVersion,
        "session__organisation",
        {"session": "sessions", "supersedes": "record_versions", "finalised_by": PEOPLE},
    ),
    # The casebook (moresprudentie): the coordinator's review of cases, how cases relate,
    # how far they are shared, signals of recurring unease and reported dilemmas.
    Section("themes", Theme, "organisation", natural_key="name"),
    Section(
        "case_annotations",
        CaseAnnotation,
        "session__organisation",
        {"session": "sessions", "themes": "themes", "updated_by": PEOPLE},
    ),
    Section(
        "case_links",
        CaseLink,
        "source__organisation",
        {"source": "sessions", "target": "sessions", "created_by": PEOPLE},
    ),
    Section(
        "precedents",
        Precedent,
        "session__organisation",
        {"session": "sessions", "earlier": "sessions", "created_by": PEOPLE},
    ),
    Section(
        "case_shares",
        CaseShare,
        "session__organisation",
        {"session": "sessions", "version": "record_versions", "approved_by": PEOPLE},
    ),
    Section("signal_policies", SignalPolicy, "organisation"),
    Section("signals", Signal, "organisation", {"closed_by": PEOPLE}),
    Section(
        "intake_reports",
        IntakeReport,
        "organisation",
        {"sender": PEOPLE, "session": "sessions", "handled_by": PEOPLE},
    ),
]
SECTION_KEYS = [s.key for s in SECTIONS]
TOP_LEVEL_KEYS = {"format", "format_version", ORGANISATION, PEOPLE, *SECTION_KEYS, "audit_events"}

# The audit event fields that hold ids, and the key each has in the file.
AUDIT_ID_FIELDS = {"session_id": "session", "actor_id": "actor", "object_id": "object"}


def object_targets():
    """The audit trail names its objects by model label; what each label points to."""
    targets = {
        Organisation._meta.label_lower: ORGANISATION,
        get_user_model()._meta.label_lower: PEOPLE,
        Membership._meta.label_lower: MEMBERSHIPS,
        Principle._meta.label_lower: PRINCIPLES,
        RCriterion._meta.label_lower: R_CRITERIA,
    }
    targets.update({s.model._meta.label_lower: s.key for s in SECTIONS})
    return targets


def uses_file_ids(target):
    return (
        target in SECTION_KEYS and next(s for s in SECTIONS if s.key == target).natural_key is None
    )


# --- values ---------------------------------------------------------------------------------

TEXT_TYPES = {"CharField", "TextField", "SlugField", "EmailField", "GenericIPAddressField"}
INTEGER_TYPES = {
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}


def dump_value(model_field, value):
    """A field's value as JSON: datetimes in UTC, dates as ISO 8601, the rest as it is."""
    kind = model_field.get_internal_type()
    if value is None:
        return None
    if kind == "DateTimeField":
        return value.astimezone(datetime.UTC).isoformat()
    if kind == "DateField":
        return value.isoformat()
    if kind in TEXT_TYPES | INTEGER_TYPES | {"BooleanField", "JSONField"}:
        return value
    raise PortabilityError(
        f"{model_field.model._meta.label}.{model_field.name}: fields of type {kind} "
        "cannot be exported yet."
    )


def load_value(model_field, value):
    """The Python value of a field from JSON; ValueError says what is wrong with it."""
    kind = model_field.get_internal_type()
    if value is None:
        if model_field.null:
            return None
        raise ValueError("may not be empty (null)")
    if kind == "JSONField":
        return value
    if kind in TEXT_TYPES:
        if not isinstance(value, str):
            raise ValueError("must be text")
        return value
    if kind in INTEGER_TYPES:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("must be a whole number")
        return value
    if kind == "BooleanField":
        if not isinstance(value, bool):
            raise ValueError("must be true or false")
        return value
    if kind == "DateField":
        if not isinstance(value, str):
            raise ValueError("must be a date (YYYY-MM-DD)")
        return datetime.date.fromisoformat(value)
    if kind == "DateTimeField":
        if not isinstance(value, str):
            raise ValueError("must be a date and time (ISO 8601)")
        parsed = datetime.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("must be a date and time with its time zone")
        return parsed
    raise ValueError(f"fields of type {kind} cannot be imported")


def shown(value):
    """A value as the file has it, for a message."""
    return json.dumps(value, ensure_ascii=False)


def is_file_id(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def as_id(text):
    """``"12"`` -> 12; None for anything else (also for digits such as "²" or "١")."""
    return int(text) if isinstance(text, str) and re.fullmatch(r"[0-9]{1,18}", text) else None


# --- export ---------------------------------------------------------------------------------


def find_organisation(name_or_id):
    """The organisation with this exact name, or else with this id."""
    organisation = Organisation.objects.filter(name=name_or_id).first()
    if organisation is None and as_id(name_or_id) is not None:
        organisation = Organisation.objects.filter(pk=as_id(name_or_id)).first()
    if organisation is None:
        raise PortabilityError(f"There is no organisation named or numbered “{name_or_id}”.")
    return organisation


def export_organisation(organisation):
    """Everything of one organisation as a dict in the file's format.

    A pure read: call it in a transaction (``write_export`` does) so that all lists come
    from the same moment.
    """
    User = get_user_model()
    keys = {
        ORGANISATION: {organisation.pk: organisation.name},
        PRINCIPLES: dict(Principle.objects.values_list("pk", "code")),
        R_CRITERIA: dict(RCriterion.objects.values_list("pk", "code")),
    }
    objects = {}
    for section in SECTIONS:
        check_relations(section)
        rows = list(
            section.model.objects.filter(**{section.scope: organisation})
            .prefetch_related(*(f.name for f in section.many))
            .order_by(*section.order)
        )
        objects[section.key] = rows
        if section.natural_key:
            keys[section.key] = {o.pk: getattr(o, section.natural_key) for o in rows}
        else:
            keys[section.key] = {o.pk: n for n, o in enumerate(rows, 1)}

    memberships = {
        m.user_id: m for m in Membership.objects.filter(organisation=organisation).order_by("pk")
    }
    # The people: the members, and anyone else the sessions name (someone who moved to
    # another organisation since, say), without a membership.
    user_pks = set(memberships)
    for section in SECTIONS:
        if not section.adds_people:
            continue
        for name, target in section.refs.items():
            if target == PEOPLE:
                user_pks |= set(related_pks(section, name, objects[section.key]))
    user_pks |= set(set_aside_people(objects["room_set_aside"]))
    users = list(User.objects.filter(pk__in=user_pks).order_by("username"))
    keys[PEOPLE] = {u.pk: u.username for u in users}
    for section in SECTIONS:
        if not section.adds_people:
            people = [n for n, t in section.refs.items() if t == PEOPLE]
            rows = [
                o
                for o in objects[section.key]
                if all(getattr(o, f"{n}_id") in keys[PEOPLE] for n in people)
            ]
            objects[section.key] = rows
            keys[section.key] = {o.pk: n for n, o in enumerate(rows, 1)}
    keys[MEMBERSHIPS] = {m.pk: keys[PEOPLE][user_pk] for user_pk, m in memberships.items()}

    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        ORGANISATION: {
            f.name: dump_value(f, getattr(organisation, f.attname))
            for f in Organisation._meta.concrete_fields
            if not f.primary_key
        },
        PEOPLE: [person_entry(user, memberships.get(user.pk)) for user in users],
    }
    for section in SECTIONS:
        data[section.key] = [entry(section, obj, keys) for obj in objects[section.key]]
    data["audit_events"] = [
        audit_entry(event, keys)
        for event in AuditEvent.objects.of_organisation(organisation.pk).order_by("pk")
    ]
    return data


def check_relations(section):
    for f in [*section.concrete, *section.many]:
        if f.is_relation and f.name not in section.refs:
            raise PortabilityError(
                f"{section.model._meta.label}.{f.name} is a relation the export does not know; "
                "name it in principles/portability.py."
            )


def related_pks(section, name, rows):
    model_field = section.model._meta.get_field(name)
    for obj in rows:
        if model_field.many_to_many:
            yield from (o.pk for o in getattr(obj, name).all())
        else:
            value = getattr(obj, model_field.attname)
            if value is not None:
                yield value


def resolve_out(keys, target, pk, where):
    if pk is None:
        return None
    try:
        return keys[target][pk]
    except KeyError:
        raise PortabilityError(
            f"{where} refers to something outside this organisation ({target}, id {pk}); "
            "the data is inconsistent, so nothing was exported."
        ) from None


def membership_fields():
    """A membership's own fields: its user and organisation are where it stands in the
    file. (A new relation is refused by dump_value and load_value.)"""
    return [
        f
        for f in Membership._meta.concrete_fields
        if not f.primary_key and f.name not in ("user", "organisation")
    ]


def person_entry(user, membership):
    User = get_user_model()
    person = {
        name: dump_value(User._meta.get_field(name), getattr(user, name)) for name in USER_FIELDS
    }
    person["membership"] = (
        None
        if membership is None
        else {f.name: dump_value(f, getattr(membership, f.attname)) for f in membership_fields()}
    )
    return person


def entry(section, obj, keys):
    where = f"{section.model._meta.label} {obj.pk}"
    data = {} if section.natural_key else {"id": keys[section.key][obj.pk]}
    for f in section.concrete:
        if f.is_relation:
            data[f.name] = resolve_out(keys, section.refs[f.name], getattr(obj, f.attname), where)
        else:
            data[f.name] = dump_value(f, getattr(obj, f.attname))
    for f in section.many:
        target = section.refs[f.name]
        data[f.name] = sorted(
            resolve_out(keys, target, o.pk, where) for o in getattr(obj, f.name).all()
        )
    if section.model is Draft:
        data["data"] = draft_data_out(data["data"], keys)
    if section.model is RoomSetAside:
        set_aside_out(obj, data, keys, where)
    return data


def choice_name(form_key):
    """``add-arguments-stakeholder`` -> ``stakeholder``: the form field a draft key is for."""
    return form_key.rsplit("-", 1)[-1]


def draft_data_out(data, keys):
    """A draft's choices as file ids and codes; a choice that no longer exists is dropped."""
    if not isinstance(data, dict):
        return data
    result = {}
    for key, values in data.items():
        target = DRAFT_CHOICES.get(choice_name(key))
        if target is None or not isinstance(values, list):
            result[key] = values
            continue
        chosen = []
        for value in values:
            found = keys[target].get(as_id(value))
            if found is not None:
                chosen.append(str(found))
        result[key] = chosen
    return result


# --- contributions the gespreksleider set aside in the room ---------------------------------
#
# A RoomSetAside row holds a copy of the hidden contribution (``data``: its fields by
# attname, as deliberation.room.snapshot made it) so it can be put back. In the file the
# copy's relations are named like the contribution's own list names them (``author`` by
# username, ``stakeholder`` by file id), ``merged_into`` is the file id of the contribution
# it was merged into, and ``original_pk`` keeps the id the contribution had where it was set
# aside (like the audit trail's source ids: nothing looks it up).


def set_aside_model(kind):
    from deliberation.room import MODERATED

    return MODERATED.get(kind)


def section_of(model):
    return next(s for s in SECTIONS if s.model is model)


def set_aside_relations(model):
    """``{attname: (name, target)}`` for the relations a copy of ``model`` holds."""
    refs = section_of(model).refs
    return {
        f.attname: (f.name, refs[f.name])
        for f in model._meta.concrete_fields
        if f.is_relation and f.name != "session"
    }


def set_aside_fields(model):
    """What a copy of ``model`` may hold: its plain fields by attname, its relations by name."""
    plain = {f.attname for f in model._meta.concrete_fields if not f.is_relation}
    return (plain - {"id"}) | {name for name, _t in set_aside_relations(model).values()}


def set_aside_people(rows):
    """People named inside the copies (who wrote or handled a contribution)."""
    for aside in rows:
        model = set_aside_model(aside.kind)
        if model is None or not isinstance(aside.data, dict):
            continue
        for attname, (_name, target) in set_aside_relations(model).items():
            if target == PEOPLE and isinstance(aside.data.get(attname), int):
                yield aside.data[attname]


def set_aside_out(aside, data, keys, where):
    model = set_aside_model(aside.kind)
    if model is None or not isinstance(aside.data, dict):
        raise PortabilityError(
            f"{where} holds a contribution of kind “{aside.kind}” that cannot be read; "
            "the data is inconsistent, so nothing was exported."
        )
    relations = set_aside_relations(model)
    copy = {}
    for key, value in aside.data.items():
        if key in relations:
            name, target = relations[key]
            # Something the copy named and that is gone since (a stakeholder deleted
            # later) is left empty, as it would be on the contribution itself.
            copy[name] = None if value is None else keys[target].get(value)
        else:
            copy[key] = value
    data["data"] = copy
    target = section_of(model).key
    data["merged_into"] = None if aside.merged_into is None else keys[target].get(aside.merged_into)


def audit_entry(event, keys):
    targets = object_targets()
    unresolved = {}
    data = {}
    for f in AuditEvent._meta.concrete_fields:
        if f.primary_key or f.name == "organisation_id":
            continue
        if f.name in AUDIT_ID_FIELDS:
            continue
        data[f.name] = dump_value(f, getattr(event, f.attname))

    def resolve(name, target, pk):
        if pk is None:
            return None
        found = keys.get(target, {}).get(pk)
        if found is None:
            unresolved[name] = getattr(event, name)
        return found

    data["session"] = resolve("session_id", "sessions", event.session_id)
    data["actor"] = resolve("actor_id", PEOPLE, event.actor_id)
    target = targets.get(event.object_type)
    object_pk = as_id(event.object_id)
    if event.object_id and (target is None or object_pk is None):
        unresolved["object_id"] = event.object_id
        data["object"] = None
    else:
        data["object"] = resolve("object_id", target, object_pk) if event.object_id else None
    if unresolved:
        detail = event.detail
        if isinstance(detail, dict):
            earlier = detail.get(SOURCE_IDS)
            earlier = earlier if isinstance(earlier, dict) else {}
            data["detail"] = {**detail, SOURCE_IDS: {**earlier, **unresolved}}
        else:
            data["detail"] = {"value": detail, SOURCE_IDS: unresolved}
    return data


def to_bytes(data):
    """The file: sorted keys, two-space indents, UTF-8, one newline at the end."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


def counts(data):
    return {key: len(data[key]) for key in [PEOPLE, *SECTION_KEYS, "audit_events"]}


def write_export(organisation, write):
    """Export in one transaction, hand the bytes to ``write`` and record it in the trail.

    On PostgreSQL the transaction is REPEATABLE READ, so every list is read from the same
    snapshot while others keep working; SQLite's immediate transaction holds writers off.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        data = export_organisation(organisation)
        content = to_bytes(data)
        write(content)
        audit.record(
            "organisation.export",
            organisation,
            organisation_id=organisation.pk,
            detail={
                "format_version": FORMAT_VERSION,
                "sha256": hashlib.sha256(content).hexdigest(),
                "counts": counts(data),
            },
        )
    return data, content


# --- import: read and check everything, then write ------------------------------------------


def parse_file(content):
    """The file's bytes as JSON data, or a PortabilityError."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PortabilityError(f"The file is not UTF-8 text ({error.reason}).") from None

    def no_duplicates(pairs):
        result = {}
        for key, value in pairs:
            if key in result:
                raise ValueError(f"the key “{key}” appears twice in one object")
            result[key] = value
        return result

    def no_constant(name):
        raise ValueError(f"{name} is not allowed")

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise PortabilityError(
            f"The file is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except (ValueError, RecursionError) as error:
        raise PortabilityError(f"The file is not valid JSON: {error}.") from None
    check_text(data)
    return data


def check_text(data):
    """Refuse what no form lets anyone type and a database may refuse halfway through:
    NUL characters, and escapes such as \\ud800 that are no Unicode character."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            if "\x00" in value:
                raise PortabilityError("The file holds a NUL character, which no text may hold.")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise PortabilityError(
                    "The file holds an escape that is no Unicode character (a lone surrogate)."
                ) from None


@dataclass
class Row:
    key: object  # the file id or the natural key
    values: dict  # attname -> Python value, for the plain fields
    refs: dict  # relation name -> file id / natural key / None
    many: dict  # many-to-many name -> list of file ids / natural keys


@dataclass
class Plan:
    organisation: dict = field(default_factory=dict)
    people: list = field(default_factory=list)  # (user values, membership values or None)
    rows: dict = field(default_factory=dict)  # section key -> [Row]
    events: list = field(default_factory=list)  # [(values, session, actor, type, object)]
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def check_keys(plan, where, entry_data, expected):
    if not isinstance(entry_data, dict):
        plan.problems.append(f"{where}: must be an object.")
        return False
    missing = sorted(expected - entry_data.keys())
    unknown = sorted(entry_data.keys() - expected)
    if missing:
        plan.problems.append(f"{where}: missing {', '.join(missing)}.")
    if unknown:
        plan.problems.append(f"{where}: unknown {', '.join(unknown)}.")
    return not missing and not unknown


def read_values(plan, where, model, entry_data, fields):
    """The plain fields of one entry, type-checked and validated like a form would."""
    values = {}
    for f in fields:
        try:
            values[f.attname] = load_value(f, entry_data[f.name])
        except ValueError as error:
            plan.problems.append(f"{where}.{f.name}: {error}.")
    return values


def validate(plan, where, model, values, exclude=()):
    """Choices, lengths and validators of the plain fields (no queries)."""
    instance = model(**values)
    skip = [f.name for f in model._meta.get_fields() if f.is_relation] + list(exclude)
    # Not the "may not be blank" rule of forms: what the source database holds empty
    # (an event without an IP address) is imported empty.
    skip += [
        f.name
        for f in model._meta.concrete_fields
        if f.attname not in values or values[f.attname] in f.empty_values
    ]
    try:
        instance.full_clean(exclude=skip, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                plan.problems.append(f"{where}.{name}: {message}")


def plan_import(data):
    """Check the whole file against the format and the database; nothing is written."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PortabilityError(
            f"This is not a Toetssteen organisation export (no “format”: “{FORMAT}”)."
        )
    version = data.get("format_version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        readable = ", ".join(str(v) for v in sorted(READABLE_VERSIONS))
        raise PortabilityError(
            f"The file has format version {shown(version)}; this version of Toetssteen "
            f"reads version {readable}."
        )
    for section in SECTIONS:
        check_relations(section)
    plan = Plan()
    if not check_keys(plan, "the file", data, TOP_LEVEL_KEYS):
        raise problems_error(plan)
    for key in [PEOPLE, *SECTION_KEYS, "audit_events"]:
        if not isinstance(data[key], list):
            plan.problems.append(f"{key}: must be a list.")
    if plan.problems:
        raise problems_error(plan)

    known = {
        PRINCIPLES: set(Principle.objects.values_list("code", flat=True)),
        R_CRITERIA: set(RCriterion.objects.values_list("code", flat=True)),
    }
    plan_organisation(plan, data[ORGANISATION])
    known[PEOPLE], known[MEMBERSHIPS] = plan_people(plan, data[PEOPLE])
    for section in SECTIONS:
        known[section.key] = plan_section(plan, section, data[section.key], known)
    known[ORGANISATION] = {plan.organisation.get("name")}
    plan_audit(plan, data["audit_events"], known)
    if plan.problems:
        raise problems_error(plan)
    check_conflicts(plan)
    plan_room_codes(plan)
    return plan


def problems_error(plan):
    shown = plan.problems[:MAX_PROBLEMS_SHOWN]
    more = len(plan.problems) - len(shown)
    lines = ["The file cannot be imported; nothing was saved:", *(f"- {p}" for p in shown)]
    if more:
        lines.append(f"- and {more} more.")
    return PortabilityError("\n".join(lines))


def plan_organisation(plan, entry_data):
    fields = [f for f in Organisation._meta.concrete_fields if not f.primary_key]
    if not check_keys(plan, ORGANISATION, entry_data, {f.name for f in fields}):
        return
    values = read_values(plan, ORGANISATION, Organisation, entry_data, fields)
    validate(plan, ORGANISATION, Organisation, values, exclude=["theme_stylesheet"])
    stylesheet = values.get("theme_stylesheet")
    if stylesheet:
        try:
            validate_theme_stylesheet(stylesheet)
        except ValidationError as error:
            if error.code == "not_found":
                plan.warnings.append(
                    f"The theme stylesheet {stylesheet} is not among this installation's static "
                    "files; add it, or the standard look is used."
                )
            else:
                plan.problems.append(f"{ORGANISATION}.theme_stylesheet: {error.messages[0]}")
    plan.organisation = values


def plan_people(plan, entries):
    User = get_user_model()
    user_fields = [User._meta.get_field(name) for name in USER_FIELDS]
    usernames, members, seen = set(), set(), set()
    for index, entry_data in enumerate(entries):
        where = f"{PEOPLE}[{index}]"
        if not check_keys(plan, where, entry_data, {*USER_FIELDS, "membership"}):
            continue
        values = read_values(plan, where, User, entry_data, user_fields)
        validate(plan, where, User, values)
        username = values.get("username")
        if isinstance(username, str):
            if username.lower() in seen:
                plan.problems.append(f"{where}.username: “{username}” appears twice.")
            seen.add(username.lower())
            usernames.add(username)
        membership = entry_data["membership"]
        membership_values = None
        if membership is not None:
            mwhere = f"{where}.membership"
            fields = membership_fields()
            if check_keys(plan, mwhere, membership, {f.name for f in fields}):
                membership_values = read_values(plan, mwhere, Membership, membership, fields)
                validate(plan, mwhere, Membership, membership_values)
                members.add(username)
        plan.people.append((values, membership_values))
    return usernames, members


def plan_ref(plan, where, target, value, known, nullable):
    """Check one reference; returns the value, or None after recording a problem."""
    if value is None:
        if not nullable:
            plan.problems.append(f"{where}: may not be empty (null).")
        return None
    expects_id = uses_file_ids(target)
    if expects_id and not is_file_id(value):
        plan.problems.append(f"{where}: must be a file id (a whole number from 1).")
        return None
    if not expects_id and not isinstance(value, str):
        plan.problems.append(f"{where}: must be text.")
        return None
    if value not in known.get(target, ()):
        plan.problems.append(f"{where}: refers to {shown(value)} in {target}, which is not there.")
        return None
    return value


def plan_section(plan, section, entries, known):
    rows, ids = [], set()
    plan.rows[section.key] = rows
    plain = [f for f in section.concrete if not f.is_relation]
    sessions_of = {}  # record versions: file id -> session file id, for "supersedes"
    for index, entry_data in enumerate(entries):
        where = f"{section.key}[{index}]"
        if not check_keys(plan, where, entry_data, section.keys()):
            continue
        values = read_values(plan, where, section.model, entry_data, plain)
        validate(plan, where, section.model, values)
        if section.natural_key:
            key = values.get(section.natural_key)
        else:
            key = entry_data["id"]
            if not is_file_id(key):
                plan.problems.append(f"{where}.id: must be a whole number from 1.")
                continue
        if key in ids:
            plan.problems.append(f"{where}: {shown(key)} appears twice in {section.key}.")
        refs = {}
        for f in section.concrete:
            if f.is_relation:
                target = section.refs[f.name]
                # A version supersedes one made before it: earlier in the list.
                visible = {target: ids} if target == section.key else known
                refs[f.name] = plan_ref(
                    plan, f"{where}.{f.name}", target, entry_data[f.name], visible, f.null
                )
        many = {}
        for f in section.many:
            target = section.refs[f.name]
            values_list = entry_data[f.name]
            if not isinstance(values_list, list):
                plan.problems.append(f"{where}.{f.name}: must be a list.")
                continue
            many[f.name] = [
                plan_ref(plan, f"{where}.{f.name}", target, v, known, False) for v in values_list
            ]
        if section.model is Draft:
            values["data"] = draft_data_in(plan, where, values.get("data"), known)
        if section.model is RoomSetAside:
            set_aside_in(plan, where, values, known)
        if section.model is RecordVersion:
            plan_record_version(plan, where, values, refs, sessions_of)
            sessions_of[key] = refs.get("session")
        ids.add(key)
        rows.append(Row(key, values, refs, many))
    return ids


def plan_record_version(plan, where, values, refs, sessions_of):
    text, digest = values.get("canonical_json"), values.get("sha256")
    if isinstance(text, str) and hashlib.sha256(text.encode()).hexdigest() != digest:
        plan.problems.append(f"{where}: the SHA-256 does not match the record's canonical JSON.")
    supersedes = refs.get("supersedes")
    if supersedes is not None and sessions_of.get(supersedes) != refs.get("session"):
        plan.problems.append(f"{where}.supersedes: a version of another session.")


def set_aside_in(plan, where, values, known):
    """Check a set-aside contribution: its kind, the fields of its copy and what they name."""
    model = set_aside_model(values.get("kind"))
    if model is None:
        plan.problems.append(
            f"{where}.kind: {shown(values.get('kind'))} is no kind of contribution."
        )
        return
    merged = values.get("merged_into")
    if merged is not None:
        plan_ref(plan, f"{where}.merged_into", section_of(model).key, merged, known, True)
    data = values.get("data")
    if not isinstance(data, dict):
        plan.problems.append(f"{where}.data: must be an object.")
        return
    unknown = sorted(data.keys() - set_aside_fields(model))
    if unknown:
        plan.problems.append(f"{where}.data: unknown {', '.join(unknown)}.")
    for name, target in set_aside_relations(model).values():
        if name in data:
            plan_ref(plan, f"{where}.data.{name}", target, data[name], known, True)


def set_aside_mapped(values, new):
    """The copy's relations and ``merged_into`` back as database ids of this installation."""
    model = set_aside_model(values["kind"])
    relations = set_aside_relations(model)
    by_name = {name: (attname, target) for attname, (name, target) in relations.items()}
    data = {}
    for key, value in values["data"].items():
        if key in by_name:
            attname, target = by_name[key]
            data[attname] = None if value is None else new[target][value]
        else:
            data[key] = value
    values["data"] = data
    if values["merged_into"] is not None:
        values["merged_into"] = new[section_of(model).key][values["merged_into"]]


def plan_room_codes(plan):
    """A live room's join code that is in use here already gets a new code (a warning)."""
    live = [r for r in plan.rows["rooms"] if r.values.get("status") == Room.Status.LIVE]
    codes = {r.values.get("code") for r in live}
    taken = set(
        Room.objects.filter(status=Room.Status.LIVE, code__in=codes).values_list("code", flat=True)
    )
    for row in live:
        if row.values.get("code") in taken:
            code = new_code()
            while code in taken or code in codes:
                code = new_code()
            plan.warnings.append(
                f"The join code {row.values['code']} of a live room is in use here; "
                f"that room's code is now {code}."
            )
            row.values["code"] = code
            codes.add(code)


def draft_data_in(plan, where, data, known):
    if not isinstance(data, dict):
        return data
    for key, values in data.items():
        target = DRAFT_CHOICES.get(choice_name(key))
        if target is None or not isinstance(values, list):
            continue
        for value in values:
            if uses_file_ids(target):
                ok = as_id(value) in known[target]
            else:
                ok = isinstance(value, str) and value in known[target]
            if not ok:
                plan.problems.append(
                    f"{where}.data.{key}: refers to {shown(value)} in {target}, which is not there."
                )
    return data


def plan_audit(plan, entries, known):
    targets = object_targets()
    plain = [
        f
        for f in AuditEvent._meta.concrete_fields
        if not f.primary_key and f.name != "organisation_id" and f.name not in AUDIT_ID_FIELDS
    ]
    expected = {f.name for f in plain} | set(AUDIT_ID_FIELDS.values())
    for index, entry_data in enumerate(entries):
        where = f"audit_events[{index}]"
        if not check_keys(plan, where, entry_data, expected):
            continue
        values = read_values(plan, where, AuditEvent, entry_data, plain)
        validate(plan, where, AuditEvent, values)
        session = plan_ref(plan, f"{where}.session", "sessions", entry_data["session"], known, True)
        actor = plan_ref(plan, f"{where}.actor", PEOPLE, entry_data["actor"], known, True)
        object_type, obj = values.get("object_type"), entry_data["object"]
        target = targets.get(object_type)
        if obj is not None and target is None:
            plan.problems.append(
                f"{where}.object: objects of type “{object_type}” cannot be named."
            )
            obj = None
        elif obj is not None:
            obj = plan_ref(plan, f"{where}.object", target, obj, known, True)
        plan.events.append((values, session, actor, target, obj))


def check_conflicts(plan):
    """The organisation and its people must be new to this installation."""
    name = plan.organisation["name"]
    if Organisation.objects.filter(name=name).exists():
        raise PortabilityError(
            f"The organisation “{name}” already exists in this installation; nothing was saved."
        )
    User = get_user_model()
    usernames = {values["username"].lower(): values["username"] for values, _m in plan.people}
    taken = (
        User.objects.annotate(lower=Lower("username"))
        .filter(lower__in=usernames)
        .select_related("membership__organisation")
        .order_by("username")
    )
    clashes = []
    for user in taken:
        membership = getattr(user, "membership", None)
        where = f"organisation “{membership.organisation}”" if membership else "no organisation"
        clashes.append(f"- {user.username} ({where})")
    if clashes:
        raise PortabilityError(
            "These usernames already exist in this installation, so nothing was saved "
            "(a person belongs to one organisation):\n" + "\n".join(clashes)
        )


def import_organisation(data, *, sha256=""):
    """Create the organisation of an export, in one transaction; returns (organisation, plan).

    Everything is checked before anything is written; if the database still refuses
    something, the transaction rolls back and nothing is saved.
    """
    try:
        with transaction.atomic():
            plan = plan_import(data)
            organisation = write(plan)
            # The casebook's search index is derived from the records (left out of the file):
            # build it for the imported organisation, in the same transaction.
            from casebook import index

            index.reindex(organisation_id=organisation.pk)
            audit.record(
                "organisation.import",
                organisation,
                organisation_id=organisation.pk,
                detail={
                    "format_version": data["format_version"],
                    "sha256": sha256,
                    "counts": counts(data),
                },
            )
    except (DatabaseError, ImmutableRecordError, ValidationError) as error:
        raise PortabilityError(
            f"The database refused the data, so nothing was saved: {error}"
        ) from None
    return organisation, plan


def write(plan):
    User = get_user_model()
    organisation = Organisation.objects.bulk_create([Organisation(**plan.organisation)])[0]
    new = {ORGANISATION: {organisation.name: organisation.pk}}

    users = []
    for values, _membership in plan.people:
        user = User(**values)
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    new[PEOPLE] = {u.username: u.pk for u in users}
    # bulk_create sends no signals, so no "membership.create" event is added: the trail
    # being imported already holds the events of the source installation.
    memberships = [
        Membership(user_id=user.pk, organisation_id=organisation.pk, **membership)
        for user, (_values, membership) in zip(users, plan.people, strict=True)
        if membership is not None
    ]
    Membership.objects.bulk_create(memberships)
    usernames = {u.pk: u.username for u in users}
    new[MEMBERSHIPS] = {usernames[m.user_id]: m.pk for m in memberships}
    new[PRINCIPLES] = {code: pk for pk, code in Principle.objects.values_list("pk", "code")}
    new[R_CRITERIA] = {code: pk for pk, code in RCriterion.objects.values_list("pk", "code")}

    for section in SECTIONS:
        write_section(section, plan.rows[section.key], new, organisation)

    events = []
    for values, session, actor, target, obj in plan.events:
        events.append(
            AuditEvent(
                organisation_id=organisation.pk,
                session_id=new["sessions"][session] if session is not None else None,
                actor_id=new[PEOPLE][actor] if actor is not None else None,
                object_id=str(new[target][obj]) if obj is not None else "",
                **values,
            )
        )
    AuditEvent.objects.bulk_create(events)
    return organisation


def write_section(section, rows, new, organisation):
    model = section.model
    created = new[section.key] = {}
    one_by_one = section.key in section.refs.values() or model is RecordVersion
    objs = []
    for row in rows:
        values = dict(row.values)
        if section.implied:
            values[f"{section.implied}_id"] = organisation.pk
        for name, key in row.refs.items():
            attname = model._meta.get_field(name).attname
            values[attname] = None if key is None else new[section.refs[name]][key]
        if model is Draft:
            values["data"] = draft_data_mapped(values["data"], new)
        if model is RoomSetAside:
            set_aside_mapped(values, new)
        obj = model(**values)
        if one_by_one:
            # A record version is saved through its own save(), which checks the hash,
            # and may supersede the one saved just before it.
            obj.save()
            created[row.key] = obj.pk
        objs.append(obj)
    if not one_by_one:
        model.objects.bulk_create(objs)
    # auto_now / auto_now_add fields were stamped with the current time on saving: put the
    # exported times back. bulk_update calls no pre_save, so they stay.
    stamped = [
        f
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    if stamped:
        for obj, row in zip(objs, rows, strict=True):
            for f in stamped:
                setattr(obj, f.attname, row.values[f.attname])
        model.objects.bulk_update(objs, [f.name for f in stamped])
    for obj, row in zip(objs, rows, strict=True):
        created[row.key] = obj.pk
    for f in section.many:
        target = section.refs[f.name]
        through = f.remote_field.through
        source, other = f.m2m_field_name(), f.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(**{f"{source}_id": obj.pk, f"{other}_id": new[target][key]})
            for obj, row in zip(objs, rows, strict=True)
            for key in row.many[f.name]
        )


def draft_data_mapped(data, new):
    """The draft's choices back as database ids of this installation."""
    if not isinstance(data, dict):
        return data
    result = {}
    for key, values in data.items():
        target = DRAFT_CHOICES.get(choice_name(key))
        if target is None or not isinstance(values, list):
            result[key] = values
        elif uses_file_ids(target):
            result[key] = [str(new[target][as_id(v)]) for v in values]
        else:
            result[key] = [str(new[target][v]) for v in values]
    return result
