"""Data portability: one organisation out of one installation and into another.

The demo organisation Gemeente Lindeveen, made richer (finalised records and a correction,
drafts, a refused outsider, a leaver, a deleted session in the audit trail), is exported once
per module. The round trip imports that file into an empty database in other processes
(``manage.py migrate``, ``import_organisation``, ``export_organisation``) and compares the two
exports byte for byte and every concrete field of every model, read from ``_meta``, with the
source database. The other tests import the file into this test database.
"""

import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from casebook.index import CaseFacet, CaseIndex
from casebook.models import (
    CaseAnnotation,
    CaseLink,
    CaseShare,
    IntakeReport,
    Precedent,
    RecordExport,
    RecordVersion,
    Signal,
    SignalPolicy,
    Theme,
)
from casebook.pdf import render_record_pdf
from deliberation import room as room_views
from deliberation.models import (
    ApplicableRule,
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Draft,
    Fact,
    InformationNeed,
    Objection,
    Room,
    RoomAnswered,
    RoomInvitation,
    RoomPost,
    RoomSetAside,
    Session,
    Stakeholder,
)
from principles import audit
from principles.models import (
    AuditEvent,
    CoreValue,
    Membership,
    Organisation,
    Principle,
    RCriterion,
)
from principles.portability import FORMAT_VERSION, SOURCE_IDS

# Every test reads or writes the test database (the module's export is made there).
pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
ORG = "Gemeente Lindeveen"
PROJECT_APPS = ("principles", "deliberation", "casebook")
# Models of an organisation that the export leaves out on purpose (docs/portability.md).
LEFT_OUT = {
    RecordExport: "generated ZIP files; a new installation makes them again",
    CaseIndex: "the casebook's search index, derived from the records; rebuilt after import",
    CaseFacet: "the casebook's search facets, derived from the records; rebuilt after import",
    RoomPost: "the room's flood throttle: rows of the last minute, worthless elsewhere",
    RoomInvitation: "one-time guest links (secret tokens, 12 hours) for guests of another "
    "organisation, who do not move along",
}
# User fields that do not travel: the password hash and the rights on the installation.
USER_LEFT_OUT = {
    "id",
    "password",
    "last_login",
    "is_staff",
    "is_superuser",
    "groups",
    "user_permissions",
}
# Draft form fields whose values are database ids, and the model they choose from.
DRAFT_CHOICES = {
    "stakeholder": Stakeholder,
    "decisive": Argument,
    "principles": Principle,
    "r_criteria": RCriterion,
    "core_values": CoreValue,
}
# The audit event fields holding ids of other objects (no foreign keys, see AuditEvent).
AUDIT_IDS = {"session_id": Session, "actor_id": get_user_model(), "object_id": None}
MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- what the database holds of one organisation, independent of the exporter ---------------


def scope_of(model, seen=()):
    """The shortest lookup from ``model`` to its organisation along required foreign keys
    (an argument belongs to its session, not to the stakeholder it may name); or None."""
    if model is Organisation:
        return "pk"
    if model is AuditEvent:
        return "organisation_id"
    paths = []
    for f in model._meta.concrete_fields:
        target = f.related_model
        if not f.is_relation or f.null or target is model or target in seen:
            continue
        if target is Organisation:
            paths.append(f.name)
        elif target._meta.app_label in PROJECT_APPS:
            deeper = scope_of(target, (*seen, model))
            if deeper and deeper != "organisation_id":
                paths.append(f"{f.name}__{deeper}")
    return min(paths, key=lambda path: path.count("__"), default=None)


def owned_models():
    """Every model of the project whose rows belong to one organisation."""
    return [
        m
        for app in PROJECT_APPS
        for m in apps.get_app_config(app).get_models()
        if scope_of(m) is not None
    ]


def plain(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def dump(name):
    """Every concrete field of every row of the organisation, comparable across databases.

    Rows and references are named by natural keys where the model has them (usernames,
    codes, the organisation's name) and otherwise by their rank in the order they were made.
    """
    User = get_user_model()
    organisation = Organisation.objects.get(name=name)
    rows = {}
    for model in owned_models():
        if model in LEFT_OUT:
            continue
        lookup = scope_of(model)
        value = organisation.pk if lookup in ("pk", "organisation_id") else organisation
        # Markers of who answered in the room have random ids: by session and person.
        order = ("session_id", "user__username") if model is RoomAnswered else ("pk",)
        rows[model] = list(model.objects.filter(**{lookup: value}).order_by(*order))
    user_pks = {m.user_id for m in rows[Membership]}
    for model, objects in rows.items():
        if model is RoomAnswered:
            continue  # names nobody new: a guest's marker stays behind (below)
        if model is RoomSetAside:
            for aside in objects:
                for f in room_views.MODERATED[aside.kind]._meta.concrete_fields:
                    if f.related_model is User and aside.data.get(f.attname) is not None:
                        user_pks.add(aside.data[f.attname])
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.related_model is User:
                for obj in objects:
                    if f.many_to_many:
                        user_pks |= {u.pk for u in getattr(obj, f.name).all()}
                    elif getattr(obj, f.attname) is not None:
                        user_pks.add(getattr(obj, f.attname))
    rows[User] = list(User.objects.filter(pk__in=user_pks).order_by("pk"))
    rows[RoomAnswered] = [a for a in rows[RoomAnswered] if a.user_id in user_pks]

    names = {
        User: {u.pk: u.username for u in rows[User]},
        Organisation: {organisation.pk: organisation.name},
        Membership: {m.pk: m.user.username for m in rows[Membership]},
        Principle: dict(Principle.objects.values_list("pk", "code")),
        RCriterion: dict(RCriterion.objects.values_list("pk", "code")),
    }
    for model, objects in rows.items():
        names.setdefault(model, {o.pk: ["rank", n] for n, o in enumerate(objects)})

    def name_of(model, pk):
        return names.get(model, {}).get(pk, ["outside", model._meta.label, pk])

    def by_label(label, raw):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            model = None
        if raw.isdigit() and model in names and int(raw) in names[model]:
            return names[model][int(raw)]
        return ["unresolved", raw]

    result = {}
    for model, objects in rows.items():
        table = {}
        for obj in objects:
            key = json.dumps(name_of(model, obj.pk))
            fields = {}
            for f in model._meta.concrete_fields:
                raw = getattr(obj, f.attname)
                if f.primary_key or (model is User and f.name in USER_LEFT_OUT):
                    continue
                if f.is_relation:
                    fields[f.name] = None if raw is None else name_of(f.related_model, raw)
                elif model is AuditEvent and f.name == "organisation_id":
                    fields[f.name] = "the organisation" if raw == organisation.pk else raw
                elif model is AuditEvent and f.name == "object_id":
                    fields[f.name] = by_label(obj.object_type, raw) if raw else ""
                elif model is AuditEvent and f.name in AUDIT_IDS:
                    found = None if raw is None else names[AUDIT_IDS[f.name]].get(raw)
                    fields[f.name] = found if raw is None or found else ["unresolved", raw]
                else:
                    fields[f.name] = plain(raw)
            for f in model._meta.many_to_many:
                if model is User and f.name in USER_LEFT_OUT:
                    continue
                fields[f.name] = sorted(
                    (name_of(f.related_model, o.pk) for o in getattr(obj, f.name).all()),
                    key=json.dumps,
                )
            if model is RoomSetAside:
                # The copy of the contribution names people and items by database id; what
                # is gone since is empty after the move (docs/portability.md).
                kind_model = room_views.MODERATED[obj.kind]
                relations = {
                    f.attname: f.related_model
                    for f in kind_model._meta.concrete_fields
                    if f.is_relation
                }
                fields["data"] = {
                    k: (
                        None
                        if v is None or v not in names.get(relations[k], {})
                        else names[relations[k]][v]
                    )
                    if k in relations
                    else v
                    for k, v in obj.data.items()
                }
                merged = names[kind_model].get(obj.merged_into)
                fields["merged_into"] = merged
            if model is Draft:
                fields["data"] = {
                    k: [name_of(DRAFT_CHOICES[k.rsplit("-", 1)[-1]], int(v)) for v in values]
                    if k.rsplit("-", 1)[-1] in DRAFT_CHOICES
                    else values
                    for k, values in obj.data.items()
                }
            table[key] = fields
        result[model._meta.label] = table
    return json.loads(json.dumps(result))


def as_imported(source):
    """What the import makes of the source: references to what is not in the file are empty,
    with their old ids kept in the event's detail."""
    expected = json.loads(json.dumps(source))
    for fields in expected["principles.AuditEvent"].values():
        unresolved = {
            name: fields[name][1]
            for name in AUDIT_IDS
            if isinstance(fields[name], list) and fields[name][0] == "unresolved"
        }
        if unresolved:
            for name in unresolved:
                fields[name] = "" if name == "object_id" else None
            detail = fields["detail"]
            if isinstance(detail, dict):
                fields["detail"] = {**detail, SOURCE_IDS: unresolved}
            else:
                fields["detail"] = {"value": detail, SOURCE_IDS: unresolved}
    return expected


def differences(expected, actual):
    found = []
    for label in sorted(expected.keys() | actual.keys()):
        mine, theirs = expected.get(label, {}), actual.get(label, {})
        for row in sorted(mine.keys() | theirs.keys()):
            if row not in theirs or row not in mine:
                found.append(f"{label} {row}: only in {'source' if row in mine else 'import'}")
                continue
            for name in sorted(mine[row].keys() | theirs[row].keys()):
                a, b = mine[row].get(name, "<absent>"), theirs[row].get(name, "<absent>")
                if a != b:
                    found.append(f"{label} {row}.{name}: {a!r} != {b!r}")
    return found


# --- a rich organisation, exported once ---------------------------------------------------


def finalise(client, session, reason=None):
    response = client.post(
        reverse("finalise", args=[session.pk]), {"reason": reason} if reason else {}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def build_lindeveen():
    User = get_user_model()
    call_command("load_demo", stdout=StringIO())
    organisation = Organisation.objects.get(name=ORG)
    Organisation.objects.filter(pk=organisation.pk).update(
        theme_class="gemeente-lindeveen", theme_stylesheet="themes/voorbeeld-donker.css"
    )
    windmolens = Session.objects.get(title="Windmolens bij Oosterhoek")
    veldkamp = Session.objects.get(title="Participatie bij de nieuwe wijk Veldkamp")
    manager_user = User.objects.get(username="manager.lindeveen")
    leader, manager = Client(), Client()
    leader.force_login(windmolens.facilitator)
    manager.force_login(manager_user)

    # Two record versions, the second a correction, and a record finalised by the manager.
    finalise(leader, windmolens)
    assert leader.post(reverse("start_correction", args=[windmolens.pk])).status_code == 302
    stakeholders = list(Stakeholder.objects.filter(session=windmolens))
    drafted = leader.post(
        reverse("draft_save", args=[windmolens.pk, "add-arguments"]),
        {
            "add-arguments-text": "Nog niet opgeslagen: de molens staan dicht bij huizen.",
            "add-arguments-stakeholder": [str(stakeholders[1].pk)],
            "add-arguments-principles": [
                str(p.pk) for p in Principle.objects.order_by("number")[:2]
            ],
            "add-arguments-r_criteria": [str(RCriterion.objects.order_by("number")[2].pk)],
            "add-arguments-core_values": [str(organisation.core_values.last().pk)],
        },
    )
    assert drafted.status_code == 204
    participant = Client()
    participant.force_login(User.objects.get(username="deelnemer.lindeveen"))
    arguments = Argument.objects.filter(session=windmolens).order_by("pk")
    drafted = participant.post(
        reverse("draft_save", args=[windmolens.pk, "step-6"]),
        {"main-decisive": [str(arguments[0].pk), str(arguments[3].pk)], "main-version": "2"},
    )
    assert drafted.status_code == 204
    finalise(leader, windmolens, reason="De datum van het besluit stond verkeerd.")
    drafted = leader.post(
        reverse("draft_save", args=[veldkamp.pk, "step-3"]),
        {"main-owner_note": "Eerst de wethouder bellen.", "main-version": "0"},
    )
    assert drafted.status_code == 204
    finalise(manager, veldkamp)

    # An outsider of another organisation is refused: an event naming someone not exported.
    outsider = Client()
    outsider.force_login(User.objects.get(username="gespreksleider.zuiderland"))
    assert outsider.get(reverse("session", args=[windmolens.pk])).status_code == 404
    # A session deleted after the retention period, and an export of records: events
    # naming objects that are not in the file.
    gone = Session.objects.create(
        organisation=organisation,
        title="Weg",
        facilitator=windmolens.facilitator,
        created_by=windmolens.facilitator,
    )
    audit.record("session.purge", gone, organisation_id=organisation.pk, detail={"days": 730})
    gone.delete()
    export = RecordExport.objects.create(
        organisation=organisation, requested_by=User.objects.get(username="manager.lindeveen")
    )
    audit.record("records.export", export, organisation_id=organisation.pk, detail=["v1"])

    # A leaver: no longer a member, not active, still named in the sessions.
    leaver = User.objects.get(username="deelnemer2.lindeveen")
    Membership.objects.filter(user=leaver).delete()
    User.objects.filter(pk=leaver.pk).update(is_active=False)

    # Counters, positions and flags with more than one value, as after months of use.
    for model in apps.get_app_config("deliberation").get_models():
        names = {f.name for f in model._meta.concrete_fields}
        if "session" not in names:
            continue
        oldest = model.objects.filter(session__organisation=organisation).order_by("pk").first()
        if oldest and "version" in names:
            model.objects.filter(pk=oldest.pk).update(version=7)
    Session.objects.filter(pk=veldkamp.pk).update(
        version_1=2, version_2=3, version_3=4, version_4=5, version_6=6, version_7=8
    )
    CoreValue.objects.filter(organisation=organisation, position=2).update(description="")
    objection = Objection.objects.filter(session=veldkamp).exclude(handled_by=None).first()
    Objection.objects.filter(pk=objection.pk).update(handled_by=manager_user)
    # A session someone took alone, closed because a clear rule decides it.
    closed = Session.objects.create(
        organisation=organisation,
        title="Parkeervergunning voor een mantelzorger",
        facilitator=manager_user,
        created_by=manager_user,
        mode=Session.Mode.INDIVIDUAL,
        status=Session.Status.CLOSED,
        problem_statement="Mag een mantelzorger een tweede vergunning krijgen?",
        clear_legal_rule=Session.YesNo.YES,
        legal_rule_note="De parkeerverordening regelt dit.",
        closed_reason="Geen dilemma: de verordening beslist.",
        no_citizens_reason="Alleen de aanvrager.",
        g_over_b_justification="Niet van toepassing.",
        compensation_note="Geen maatregel nodig.",
    )
    closed.participants.set([manager_user])
    build_casebook(organisation, windmolens, veldkamp, closed)
    build_room(organisation, windmolens, veldkamp)
    return organisation


def build_room(organisation, windmolens, veldkamp):
    """Meeting-room mode: two rooms, contributions by named authors, an anonymous control
    answer, what the gespreksleider set aside, and what stays behind (a guest, the throttle)."""
    User = get_user_model()
    leader, manager = windmolens.facilitator, User.objects.get(username="manager.lindeveen")
    member = User.objects.get(username="deelnemer.lindeveen")
    guest = User.objects.get(username="gespreksleider.zuiderland")
    now = timezone.now()
    first_room = Room.open_for(windmolens, by=leader)
    first_room.end()
    Room.objects.filter(pk=first_room.pk).update(
        step=5, anonymous=True, started_at=now - datetime.timedelta(hours=3)
    )
    second_room = Room.open_for(veldkamp, by=manager)
    Room.objects.filter(pk=second_room.pk).update(
        step=3, timer_ends_at=now + datetime.timedelta(minutes=5), revision=41
    )
    # Contributions from the room name their author; the rest stay without one.
    for model in (Stakeholder, ApplicableRule, Fact, InformationNeed, Argument):
        rows = model.objects.filter(session__organisation=organisation).order_by("pk")
        model.objects.filter(pk=rows.first().pk).update(author=member)
    measure = CompensationMeasure.objects.filter(session__organisation=organisation).last()
    CompensationMeasure.objects.filter(pk=measure.pk).update(author=leader)
    # An anonymous control answer, and who answered in the room (not which answer).
    ControlAnswer.objects.create(
        session=veldkamp, participant=None, situation="pijnlijk", stance="nee", comment="Stil."
    )
    RoomAnswered.objects.create(session=veldkamp, user=member)
    RoomAnswered.objects.create(session=windmolens, user=leader)
    # A guest of another organisation answered too: the marker and the invitation stay.
    RoomInvitation.create_for(veldkamp, by=manager).accept(guest)
    RoomAnswered.objects.create(session=veldkamp, user=guest)
    RoomPost.objects.create(session=veldkamp, user=member)
    # A hidden argument by a named author (it names a stakeholder) in a session still open,
    # and a merged stakeholder.
    open_session = Session.objects.create(
        organisation=organisation,
        title="Buurtbudget in de zaal",
        facilitator=leader,
        created_by=leader,
        status=Session.Status.IN_PROGRESS,
    )
    open_session.participants.set([leader, member])
    stakeholder = Stakeholder.objects.create(
        session=open_session, name="Buurtvereniging", kind="burgers", author=member
    )
    hidden = Argument.objects.create(
        session=open_session,
        side="Y",
        category="G",
        text="Verborgen: te vroeg om te zeggen.",
        stakeholder=stakeholder,
        author=member,
    )
    room_views.set_aside(open_session, "arguments", hidden, manager)
    stakeholders = Stakeholder.objects.filter(session=windmolens).order_by("pk")
    kept, double = stakeholders.first(), stakeholders.last()
    room_views.set_aside(windmolens, "stakeholders", double, leader, merged_into=kept.pk)


def build_casebook(organisation, windmolens, veldkamp, closed):
    """The coordinator's review, links, precedents, sharing, signals and reported dilemmas."""
    User = get_user_model()
    coordinator = User.objects.get(username="integriteitscoordinator.lindeveen")
    manager = User.objects.get(username="manager.lindeveen")
    leader = windmolens.facilitator
    now = timezone.now()
    themes = [
        Theme.objects.create(organisation=organisation, name=name)
        for name in ("Leefomgeving", "Participatie")
    ]
    Theme.objects.create(
        organisation=Organisation.objects.get(name="Provincie Zuiderland"), name="Dijkversterking"
    )
    first_review = CaseAnnotation.objects.create(
        session=windmolens,
        lessons="Betrek het dorp eerder.",
        leading=True,
        review_date=timezone.localdate(),
        updated_by=coordinator,
        version=3,
    )
    first_review.themes.set(themes)
    second_review = CaseAnnotation.objects.create(session=veldkamp, lessons="Goed voorbereid.")
    second_review.themes.set(themes[1:])
    CaseLink.objects.create(
        source=veldkamp,
        target=windmolens,
        kind="volgt",
        note="Zelfde aanpak.",
        created_by=coordinator,
    )
    CaseLink.objects.create(
        source=closed,
        target=veldkamp,
        kind="onderscheidt",
        created_by=manager,
        created_at=now - datetime.timedelta(days=3),
    )
    Precedent.objects.create(
        session=veldkamp,
        earlier=windmolens,
        stance="volgt",
        reason="Ook hier eerst praten.",
        created_by=leader,
    )
    Precedent.objects.create(
        session=closed,
        earlier=veldkamp,
        stance="wijkt_af",
        reason="Hier beslist de regel.",
        created_by=manager,
        created_at=now - datetime.timedelta(days=1),
    )
    CaseShare.objects.create(
        session=windmolens,
        level="overheid",
        version=RecordVersion.objects.get(session=windmolens, number=2),
        replacements=[["Oosterhoek", "[dorp]"]],
        anonymised={"title": "Windmolens bij [dorp]"},
        consent_by="De wethouder Energie",
        consent_on=timezone.localdate(),
        approved_by=coordinator,
        approved_at=now,
        revision=2,
    )
    CaseShare.objects.create(session=veldkamp)
    SignalPolicy.objects.create(organisation=organisation, threshold=5, window_days=30)
    Signal.objects.create(
        organisation=organisation,
        unit="Ruimtelijke ordening",
        window_start=timezone.localdate() - datetime.timedelta(days=30),
        window_end=timezone.localdate(),
        count=5,
    )
    Signal.objects.create(
        organisation=organisation,
        unit="Wijken en participatie",
        raised_at=now - datetime.timedelta(days=60),
        window_start=timezone.localdate() - datetime.timedelta(days=90),
        window_end=timezone.localdate() - datetime.timedelta(days=60),
        count=6,
        status="gesloten",
        conversation_on=timezone.localdate() - datetime.timedelta(days=50),
        conversation="Over de werkdruk.",
        outcome="Een extra collega.",
        closed_by=coordinator,
        closed_at=now - datetime.timedelta(days=50),
    )
    IntakeReport.objects.create(
        organisation=organisation,
        kind="dilemma",
        text="Anoniem gemeld.",
        anonymous=True,
    )
    IntakeReport.objects.create(
        organisation=organisation,
        kind="kritiek",
        text="Over de windmolens.",
        sender=leader,
        received_on=timezone.localdate() - datetime.timedelta(days=80),
        status="sessie",
        answer="Besproken in een beraad.",
        close_reason="Beraad gehouden.",
        session=windmolens,
        handled_by=coordinator,
        handled_at=now,
    )


@pytest.fixture(scope="module")
def source(django_db_setup, django_db_blocker, tmp_path_factory):
    """Lindeveen built and exported once; the database is rolled back afterwards."""
    folder = tmp_path_factory.mktemp("portability")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=MD5),
        transaction.atomic(),
    ):
        organisation = build_lindeveen()
        source_dump = dump(ORG)
        path = folder / "lindeveen.json"
        call_command("export_organisation", ORG, output=str(path), stdout=StringIO())
        second = StringIO()
        call_command("export_organisation", str(organisation.pk), stdout=second)
        oldest = RecordVersion.objects.get(session__title="Windmolens bij Oosterhoek", number=1)
        _html, pdf = render_record_pdf(oldest)
        (folder / "v1.pdf").write_bytes(pdf)
        others = Organisation.objects.exclude(pk=organisation.pk)
        result = SimpleNamespace(
            folder=folder,
            path=path,
            content=path.read_bytes(),
            second=second.getvalue().encode(),
            data=json.loads(path.read_bytes()),
            dump=source_dump,
            pdf=folder / "v1.pdf",
            oldest_sha256=oldest.sha256,
            # What only the other organisations hold (their names do appear in Lindeveen's
            # sessions: the province is a stakeholder there).
            other_strings=sorted(
                set(
                    get_user_model()
                    .objects.filter(membership__organisation__in=others)
                    .values_list("username", flat=True)
                )
                | set(
                    Session.objects.filter(organisation__in=others).values_list("title", flat=True)
                )
                | set(Theme.objects.filter(organisation__in=others).values_list("name", flat=True))
                | set(
                    CoreValue.objects.filter(organisation__in=others)
                    .exclude(name__in=organisation.core_values.values("name"))
                    .values_list("name", flat=True)
                )
            ),
        )
        transaction.set_rollback(True)
    return result


# --- the round trip into an empty database ---------------------------------------------------


@contextmanager
def empty_database():
    """The environment for manage.py against a new, empty database of the kind under test."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_NAME")}
    if connection.vendor == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            env["SQLITE_NAME"] = str(Path(folder) / "empty.sqlite3")
            yield env
        return
    import psycopg
    from psycopg import sql

    url = urlsplit(os.environ["DATABASE_URL"])
    name = f"{url.path.lstrip('/')}_rt_{os.getpid()}"
    server = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        host=server["HOST"] or None,
        port=server["PORT"] or None,
        user=server["USER"] or None,
        password=server["PASSWORD"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            env["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{name}"))
            yield env
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def manage(env, *args, ok=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if ok:
        assert result.returncode == 0, result.stderr
    return result


INSPECT = """
import json, pathlib
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
from django.utils import timezone
from principles.models import Organisation
from tests.test_portability import dump

setup_test_environment()
User = get_user_model()
result = {"dump": dump(%(org)r), "organisations": Organisation.objects.count()}
result["users"] = {
    u.username: [u.has_usable_password(), u.is_staff, u.is_superuser, u.last_login is None]
    for u in User.objects.all()
}
client = Client()
client.force_login(User.objects.get(username="manager.lindeveen"))
pdf = pathlib.Path(%(pdf)r).read_bytes()
upload = SimpleUploadedFile("besluit.pdf", pdf, content_type="application/pdf")
response = client.post(reverse("verify"), {"pdf": upload})
result["verify"] = {
    "status": response.status_code,
    "outcome": response.context["outcome"],
    "sha256": response.context["match"].sha256,
    "number": response.context["match"].number,
    "newest": response.context["newest"].number,
}
pathlib.Path(%(out)r).write_text(json.dumps(result))
"""


def test_a_round_trip_into_an_empty_database_loses_nothing(source, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_bytes(source.content[: len(source.content) // 2])
    again = tmp_path / "again.json"
    inspected = tmp_path / "inspected.json"
    with empty_database() as env:
        manage(env, "migrate", "--noinput", "--skip-checks", "-v0")
        # A broken file first: refused with a message, not a traceback, nothing saved.
        refused = manage(env, "import_organisation", "--skip-checks", str(broken), ok=False)
        assert refused.returncode == 1
        assert "not valid JSON" in refused.stderr and "Traceback" not in refused.stderr
        imported = manage(env, "import_organisation", "--skip-checks", str(source.path))
        assert "Imported “Gemeente Lindeveen”" in imported.stdout
        manage(env, "export_organisation", "--skip-checks", ORG, "--output", str(again))
        code = INSPECT % {"org": ORG, "pdf": str(source.pdf), "out": str(inspected)}
        manage(env, "shell", "-c", code)
    result = json.loads(inspected.read_text())

    # The second export is the first, plus the event that records the import.
    exported = json.loads(again.read_bytes())
    event = exported["audit_events"].pop()
    assert (event["action"], event["result"], event["object"]) == (
        "organisation.import",
        "ok",
        ORG,
    )
    assert event["detail"]["sha256"] == hashlib.sha256(source.content).hexdigest()
    assert event["detail"]["format_version"] == FORMAT_VERSION
    assert json.dumps(exported, ensure_ascii=False, sort_keys=True, indent=2) + "\n" == (
        source.content.decode()
    )

    # Field by field, against the source database.
    imported_dump = result["dump"]
    trail = imported_dump["principles.AuditEvent"]
    added = [trail.pop(key)["action"] for key in list(trail)[-2:]]
    assert added == ["organisation.import", "organisation.export"]
    assert differences(as_imported(source.dump), imported_dump) == []
    assert result["organisations"] == 1

    # Nobody can log in with a password, and nobody has rights on the installation.
    assert set(result["users"]) == {json.loads(key) for key in source.dump["auth.User"]}
    assert all(flags == [False, False, False, True] for flags in result["users"].values())

    # The earliest record version's PDF, made before the move, still verifies.
    assert result["verify"] == {
        "status": 200,
        "outcome": "match",
        "sha256": source.oldest_sha256,
        "number": 1,
        "newest": 2,
    }


def test_the_source_sets_every_field_so_the_round_trip_proves_it(source):
    """A field the exporter forgot only fails the round trip if the source sets it."""
    skip = {("principles.AuditEvent", "organisation_id")}
    skip |= {
        (m._meta.label, f.name)
        for m in owned_models()
        for f in m._meta.concrete_fields
        if f.related_model is Organisation
    }
    dull = []
    for label, table in source.dump.items():
        model = apps.get_model(label)
        for name in next(iter(table.values())):
            values = {json.dumps(row[name], sort_keys=True) for row in table.values()}
            if (label, name) in skip:
                continue
            if len(table) == 1:
                empty = {json.dumps(v) for v in (None, "", [], {}, 0, False)}
                if values <= empty:
                    dull.append(f"{label}.{name}")
            elif len(values) < 2:
                dull.append(f"{label}.{name}")
        # Two rows or more, so every field can show two values; one where there can be
        # only one per organisation.
        one_per_organisation = model is Organisation or any(
            f.one_to_one and f.related_model is Organisation for f in model._meta.concrete_fields
        )
        assert one_per_organisation or len(table) >= 2, label
    assert not dull, ", ".join(dull)


# --- the export ----------------------------------------------------------------------------


def test_the_export_is_the_same_for_the_same_data(source):
    second = json.loads(source.second)
    event = second["audit_events"].pop()
    assert event["action"] == "organisation.export" and event["object"] == ORG
    assert event["detail"]["sha256"] == hashlib.sha256(source.content).hexdigest()
    # Three made above (Windmolens twice, Veldkamp), and whatever the demo finalised itself.
    assert event["detail"]["counts"]["record_versions"] == len(source.data["record_versions"])
    assert len(source.data["record_versions"]) >= 3
    assert json.dumps(second, ensure_ascii=False, sort_keys=True, indent=2).encode() + b"\n" == (
        source.content
    )


def test_the_file_holds_every_list_and_names_people_and_principles_naturally(source):
    data = source.data
    assert (data["format"], data["format_version"]) == ("toetssteen.organisation", 1)
    assert data["organisation"]["theme_class"] == "gemeente-lindeveen"
    people = {p["username"]: p for p in data["people"]}
    assert "password" not in people["manager.lindeveen"]
    assert people["deelnemer2.lindeveen"]["membership"] is None
    assert people["deelnemer2.lindeveen"]["is_active"] is False
    assert people["beheerder.lindeveen"]["membership"] == {
        "role": "beheerder",
        "unit": "Informatievoorziening",
    }
    sessions = {s["title"]: s for s in data["sessions"]}
    assert [s["id"] for s in data["sessions"]] == list(range(1, len(data["sessions"]) + 1))
    windmolens = sessions["Windmolens bij Oosterhoek"]
    assert windmolens["facilitator"] == "gespreksleider.lindeveen"
    assert "deelnemer2.lindeveen" in windmolens["participants"]
    versions = [v for v in data["record_versions"] if v["session"] == windmolens["id"]]
    assert [(v["number"], v["supersedes"]) for v in versions] == [(1, None), (2, versions[0]["id"])]
    assert all(
        code in {p.code for p in Principle.objects.all()}
        for a in data["arguments"]
        for code in a["principles"]
    )
    draft = next(d for d in data["drafts"] if d["form_key"] == "add-arguments")
    first_two = Principle.objects.order_by("number").values_list("code", flat=True)[:2]
    assert draft["data"]["add-arguments-principles"] == list(first_two)
    ids = {s["id"] for s in data["stakeholders"]}
    assert int(draft["data"]["add-arguments-stakeholder"][0]) in ids
    review = first(data, "case_annotations", session=windmolens["id"])
    assert review["themes"] == ["Leefomgeving", "Participatie"]
    assert review["updated_by"] == "integriteitscoordinator.lindeveen"
    share = first(data, "case_shares", session=windmolens["id"])
    assert share["version"] == versions[1]["id"]
    assert {"Leefomgeving", "Participatie"} <= {t["name"] for t in data["themes"]}
    assert [(p["threshold"], p["window_days"]) for p in data["signal_policies"]] == [(5, 30)]
    anonymous = first(data, "intake_reports", anonymous=True)
    assert anonymous["sender"] is None


def test_the_file_holds_the_rooms_and_what_they_set_aside(source):
    data = source.data
    windmolens = first(data, "sessions", title="Windmolens bij Oosterhoek")
    veldkamp = first(data, "sessions", title="Participatie bij de nieuwe wijk Veldkamp")
    open_session = first(data, "sessions", title="Buurtbudget in de zaal")
    ended = first(data, "rooms", session=windmolens["id"])
    assert (ended["status"], ended["step"], ended["anonymous"]) == ("ended", 5, True)
    assert ended["started_by"] == "gespreksleider.lindeveen"
    assert first(data, "rooms", session=veldkamp["id"])["status"] == "live"
    # Authorship of room contributions, by username; anonymous answers without a name.
    assert first(data, "stakeholders", session=open_session["id"])["author"] == (
        "deelnemer.lindeveen"
    )
    assert first(data, "control_answers", comment="Stil.")["participant"] is None
    # Who answered in the room, without the guest of another organisation.
    answered = [(a["session"], a["user"]) for a in data["room_answered"]]
    assert sorted(answered) == sorted(
        [(veldkamp["id"], "deelnemer.lindeveen"), (windmolens["id"], "gespreksleider.lindeveen")]
    )
    # The hidden argument: its text, author and stakeholder as the file names them.
    hidden = first(data, "room_set_aside", kind="arguments")
    stakeholder = first(data, "stakeholders", session=open_session["id"])
    assert hidden["session"] == open_session["id"] and hidden["merged_into"] is None
    assert hidden["author"] == hidden["data"]["author"] == "deelnemer.lindeveen"
    assert hidden["data"]["stakeholder"] == stakeholder["id"]
    assert hidden["data"]["text"] == "Verborgen: te vroeg om te zeggen."
    assert "author_id" not in hidden["data"] and "stakeholder_id" not in hidden["data"]
    merged = first(data, "room_set_aside", kind="stakeholders")
    kept = first(data, "stakeholders", session=windmolens["id"])
    assert merged["merged_into"] == kept["id"] and merged["set_aside_by"] == (
        "gespreksleider.lindeveen"
    )
    # Left out: the throttle and the guest invitation (docs/portability.md).
    assert "room_posts" not in data and "room_invitations" not in data


def test_the_audit_trail_keeps_old_ids_of_what_is_not_in_the_file(source):
    events = source.data["audit_events"]
    refused = next(e for e in events if e["action"] == "session.view")
    assert refused["result"] == "denied" and refused["actor"] is None
    assert set(refused["detail"][SOURCE_IDS]) == {"actor_id"}
    windmolens = first(source.data, "sessions", title="Windmolens bij Oosterhoek")
    assert refused["session"] == refused["object"] == windmolens["id"]
    purge = next(e for e in events if e["action"] == "session.purge")
    assert purge["session"] is None and purge["object"] is None
    assert set(purge["detail"][SOURCE_IDS]) == {"session_id", "object_id"}
    assert purge["detail"]["days"] == 730
    export = next(e for e in events if e["action"] == "records.export")
    assert export["object_type"] == "casebook.recordexport" and export["object"] is None
    assert export["detail"]["value"] == ["v1"]
    finalised = [e for e in events if e["object_type"] == "casebook.recordversion"]
    assert all(e["object"] in {v["id"] for v in source.data["record_versions"]} for e in finalised)


def test_no_other_organisation_is_in_the_export(source):
    text = source.content.decode()
    assert source.other_strings
    leaked = [s for s in source.other_strings if s in text]
    assert leaked == []
    assert not any(s["title"] in source.other_strings for s in source.data["sessions"])
    assert all(p["username"].endswith(".lindeveen") for p in source.data["people"])
    for record in source.data["record_versions"]:
        assert json.loads(record["canonical_json"])["organisation"]["name"] == ORG


def test_every_model_of_an_organisation_is_exported_or_named_as_left_out():
    from principles.portability import SECTIONS

    exported = {s.model for s in SECTIONS} | {Organisation, Membership, AuditEvent}
    assert exported & set(LEFT_OUT) == set()
    assert set(owned_models()) - exported == set(LEFT_OUT)


def test_export_refuses_data_that_reaches_into_another_organisation(session, org_b, tmp_path):
    """Never another organisation's data, not even when a row points at it by mistake."""
    argument = Argument.objects.create(session=session, side="X", text="Eerlijk", category="B")
    argument.core_values.add(org_b.core_values.get())
    path = tmp_path / "a.json"
    with pytest.raises(CommandError, match="refers to something outside this organisation"):
        call_command("export_organisation", session.organisation.name, output=str(path))
    assert not path.exists()
    assert not AuditEvent.objects.filter(action="organisation.export").exists()


@pytest.mark.parametrize("name", ["Nergens", "999999", "²"])
def test_export_refuses_an_unknown_organisation(org_a, name):
    with pytest.raises(CommandError, match=f"no organisation named or numbered “{name}”"):
        call_command("export_organisation", name, stdout=StringIO())


def test_export_refuses_a_folder_that_does_not_exist(org_a, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("export_organisation", org_a.name, output=str(tmp_path / "nope" / "x.json"))
    assert not AuditEvent.objects.filter(action="organisation.export").exists()


# --- importing into this database --------------------------------------------------------


def snapshot():
    """How many rows every table has, so a refused import can prove it saved nothing."""
    return {m._meta.label: m.objects.count() for m in apps.get_models(include_auto_created=True)}


def import_file(tmp_path, data=None, raw=None):
    path = tmp_path / "import.json"
    path.write_bytes(raw if raw is not None else json.dumps(data).encode())
    out = StringIO()
    call_command("import_organisation", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def refused(tmp_path, data=None, raw=None):
    before = snapshot()
    with pytest.raises(CommandError) as error:
        import_file(tmp_path, data, raw)
    assert snapshot() == before
    return str(error.value)


def test_the_file_imports_into_a_new_installation_and_its_records_verify(
    source, db, tmp_path, client
):
    output = import_file(tmp_path, raw=source.content)
    assert "Imported “Gemeente Lindeveen”" in output
    organisation = Organisation.objects.get(name=ORG)
    manager = get_user_model().objects.get(username="manager.lindeveen")
    assert not manager.has_usable_password()
    login = {"username": "manager.lindeveen", "password": "Toetssteen-demo-2026"}
    assert client.post(reverse("login"), login).status_code == 200  # refused, not redirected
    client.force_login(manager)
    upload = SimpleUploadedFile("besluit.pdf", source.pdf.read_bytes(), "application/pdf")
    response = client.post(reverse("verify"), {"pdf": upload})
    assert response.context["outcome"] == "match"
    assert response.context["match"].session.organisation == organisation
    event = AuditEvent.objects.of_organisation(organisation.pk).get(action="organisation.import")
    assert event.actor_id is None and event.object_id == str(organisation.pk)
    assert event.detail["sha256"] == hashlib.sha256(source.content).hexdigest()


def test_an_imported_room_contribution_can_be_put_back(source, db, tmp_path, client):
    import_file(tmp_path, raw=source.content)
    session = Session.objects.get(title="Buurtbudget in de zaal")
    aside = RoomSetAside.objects.get(session=session)
    member = get_user_model().objects.get(username="deelnemer.lindeveen")
    stakeholder = Stakeholder.objects.get(session=session)
    assert aside.author == member and aside.data["author_id"] == member.pk
    assert aside.data["stakeholder_id"] == stakeholder.pk
    client.force_login(session.facilitator)
    response = client.post(
        reverse("room_moderate", args=[session.pk, "arguments", aside.pk]), {"action": "unhide"}
    )
    assert response.status_code == 302
    argument = Argument.objects.get(session=session)
    assert argument.text == "Verborgen: te vroeg om te zeggen."
    assert (argument.author, argument.stakeholder) == (member, stakeholder)
    assert not RoomSetAside.objects.filter(session=session).exists()
    kept = RoomSetAside.objects.get(kind="stakeholders")
    assert Stakeholder.objects.get(pk=kept.merged_into).session == kept.session


def test_a_live_room_code_in_use_here_gets_a_new_code(source, db, tmp_path, session):
    code = first(source.data, "rooms", status="live")["code"]
    Room.open_for(session, by=session.facilitator)
    Room.objects.filter(session=session).update(code=code)
    path = tmp_path / "rooms.json"
    path.write_bytes(source.content)
    err = StringIO()
    call_command("import_organisation", str(path), stdout=StringIO(), stderr=err)
    assert f"The join code {code} of a live room is in use here" in err.getvalue()
    imported = Room.objects.get(session__organisation__name=ORG, status="live")
    assert imported.code != code and len(imported.code) == len(code)


def test_an_organisation_that_exists_already_is_refused(source, db, tmp_path):
    import_file(tmp_path, raw=source.content)
    message = refused(tmp_path, raw=source.content)
    assert "“Gemeente Lindeveen” already exists" in message


def test_a_username_of_another_organisation_is_refused(source, db, tmp_path, org_b):
    get_user_model().objects.create_user("Manager.Lindeveen")
    message = refused(tmp_path, raw=source.content)
    assert "usernames already exist" in message and "Manager.Lindeveen (no organisation)" in message
    user = get_user_model().objects.create_user("gespreksleider.lindeveen")
    Membership.objects.create(user=user, organisation=org_b)
    message = refused(tmp_path, raw=source.content)
    assert "gespreksleider.lindeveen (organisation “Provincie Bedeland”)" in message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "not valid JSON"),
        (b'{"format": ', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "not a Toetssteen organisation export"),
        (b'{"format": "toetssteen.besluit/1"}', "not a Toetssteen organisation export"),
        (b'{"format": "toetssteen.organisation"}', "format version null"),
        (b'{"format": "toetssteen.organisation", "format_version": 2}', "format version 2"),
        (b'{"format": "toetssteen.organisation", "format_version": "1"}', 'version "1"'),
        (b'{"format": "toetssteen.organisation", "format_version": true}', "version true"),
        (b'{"format": "toetssteen.organisation", "format_version": [1]}', "version [1]"),
        (b'{"format": "toetssteen.organisation", "format": "x"}', "appears twice"),
        (b'{"format": NaN}', "NaN is not allowed"),
        (b"[" * 100000, "not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(db, tmp_path, raw, message):
    assert message in refused(tmp_path, raw=raw)


def test_a_file_that_does_not_exist_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("import_organisation", str(tmp_path / "missing.json"))


def changed(data, change):
    copy = json.loads(json.dumps(data))
    change(copy)
    return copy


def first(data, key, **where):
    return next(e for e in data[key] if all(e[k] == v for k, v in where.items()))


def windmolens_record(data):
    windmolens = first(data, "sessions", title="Windmolens bij Oosterhoek")
    return first(data, "record_versions", session=windmolens["id"], supersedes=None)


BROKEN = {
    "a missing list": (lambda d: d.pop("facts"), "the file: missing facts"),
    "an unknown list": (lambda d: d.update(comments=[]), "the file: unknown comments"),
    "a list that is not one": (lambda d: d.update(facts={}), "facts: must be a list"),
    "a missing field": (lambda d: d["facts"][0].pop("source"), "facts[0]: missing source"),
    "an unknown field": (
        lambda d: d["stakeholders"][0].update(pk=3),
        "stakeholders[0]: unknown pk",
    ),
    "text for a number": (
        lambda d: d["facts"][0].update(position="1"),
        "facts[0].position: must be a whole number",
    ),
    "a choice that does not exist": (
        lambda d: d["arguments"][0].update(category="Q"),
        "arguments[0].category: Value 'Q' is not a valid choice",
    ),
    "text that is too long": (
        lambda d: d["facts"][0].update(text="x" * 5001),
        "facts[0].text: Ensure this value has at most 5000 characters",
    ),
    "a file id that is no number": (
        lambda d: d["stakeholders"][0].update(id=[1]),
        "stakeholders[0].id: must be a whole number from 1",
    ),
    "a NUL character": (lambda d: d["facts"][0].update(text="a\x00b"), "a NUL character"),
    "a lone surrogate": (lambda d: d["facts"][0].update(text="\ud800"), "a lone surrogate"),
    "a time without its zone": (
        lambda d: d["sessions"][0].update(created_at="2026-01-01T10:00:00"),
        "sessions[0].created_at: must be a date and time with its time zone",
    ),
    "a date that is not one": (
        lambda d: d["sessions"][0].update(date="gisteren"),
        "sessions[0].date: Invalid isoformat string",
    ),
    "a file id used twice": (
        lambda d: d["facts"][1].update(id=d["facts"][0]["id"]),
        "facts[1]: 1 appears twice in facts",
    ),
    "a username used twice": (
        lambda d: d["people"][1].update(username=d["people"][0]["username"].upper()),
        "appears twice",
    ),
    "an invalid theme stylesheet": (
        lambda d: d["organisation"].update(theme_stylesheet="../../etc/passwd.css"),
        "organisation.theme_stylesheet: Give a path inside the static files",
    ),
    "a record that does not match its hash": (
        lambda d: windmolens_record(d).update(
            canonical_json=windmolens_record(d)["canonical_json"].replace("Oosterhoek", "X")
        ),
        "the SHA-256 does not match the record's canonical JSON",
    ),
    "a contribution set aside of an unknown kind": (
        lambda d: d["room_set_aside"][0].update(kind="geheimen"),
        'room_set_aside[0].kind: "geheimen" is no kind of contribution',
    ),
    "a set-aside copy with a field its kind does not have": (
        lambda d: first(d, "room_set_aside", kind="stakeholders")["data"].update(side="X"),
        "data: unknown side",
    ),
    "a set-aside copy that is no object": (
        lambda d: d["room_set_aside"][0].update(data=["x"]),
        "room_set_aside[0].data: must be an object",
    ),
    "a correction of another session's record": (
        lambda d: d["record_versions"][-1].update(supersedes=d["record_versions"][0]["id"]),
        "supersedes: a version of another session",
    ),
}

DANGLING = {
    "an item of a session that is not there": (
        lambda d: d["stakeholders"][0].update(session=99),
        "stakeholders[0].session: refers to 99 in sessions",
    ),
    "an argument about a stakeholder that is not there": (
        lambda d: first(d, "arguments", stakeholder=None).update(stakeholder=999),
        "refers to 999 in stakeholders",
    ),
    "a principle code that is not there": (
        lambda d: d["arguments"][0].update(principles=["gouden-regel"]),
        'arguments[0].principles: refers to "gouden-regel" in principles',
    ),
    "an R code that is not there": (
        lambda d: d["r_judgements"][0].update(criterion="rechtszekerheid"),
        'r_judgements[0].criterion: refers to "rechtszekerheid" in r_criteria',
    ),
    "a kernwaarde that is not there": (
        lambda d: first(d, "arguments", core_values=[]).update(core_values=["Snelheid"]),
        'refers to "Snelheid" in core_values',
    ),
    "a facilitator who is not there": (
        lambda d: d["sessions"][0].update(facilitator="niemand"),
        'sessions[0].facilitator: refers to "niemand" in people',
    ),
    "a required reference left empty": (
        lambda d: d["sessions"][0].update(created_by=None),
        "sessions[0].created_by: may not be empty",
    ),
    "a correction of a version that comes later": (
        lambda d: d["record_versions"][0].update(supersedes=d["record_versions"][1]["id"]),
        "record_versions[0].supersedes: refers to",
    ),
    "an audit event of a session that is not there": (
        lambda d: d["audit_events"][0].update(session=42),
        "audit_events[0].session: refers to 42 in sessions",
    ),
    "an audit event by someone who is not there": (
        lambda d: d["audit_events"][0].update(actor="niemand"),
        'audit_events[0].actor: refers to "niemand" in people',
    ),
    "an audit event about an object type that cannot be named": (
        lambda d: d["audit_events"][0].update(object_type="auth.group", object=1),
        "objects of type “auth.group” cannot be named",
    ),
    "a review with a theme that is not there": (
        lambda d: d["case_annotations"][0].update(themes=["Geheim"]),
        'case_annotations[0].themes: refers to "Geheim" in themes',
    ),
    "a shared case made from a record version that is not there": (
        lambda d: first(d, "case_shares", level="overheid").update(version=99),
        "refers to 99 in record_versions",
    ),
    "a precedent citing a session that is not there": (
        lambda d: d["precedents"][0].update(earlier=77),
        "precedents[0].earlier: refers to 77 in sessions",
    ),
    "a set-aside copy by an author who is not there": (
        lambda d: first(d, "room_set_aside", kind="arguments")["data"].update(author="niemand"),
        'data.author: refers to "niemand" in people',
    ),
    "a set-aside copy naming a stakeholder that is not there": (
        lambda d: first(d, "room_set_aside", kind="arguments")["data"].update(stakeholder=999),
        "data.stakeholder: refers to 999 in stakeholders",
    ),
    "a contribution merged into one that is not there": (
        lambda d: first(d, "room_set_aside", kind="stakeholders").update(merged_into=999),
        "merged_into: refers to 999 in stakeholders",
    ),
    "a room marker of someone who is not there": (
        lambda d: d["room_answered"][0].update(user="niemand"),
        'room_answered[0].user: refers to "niemand" in people',
    ),
    "a draft choosing a stakeholder by something else than a file id": (
        lambda d: first(d, "drafts", form_key="add-arguments")["data"].update(
            {"add-arguments-stakeholder": ["²"]}
        ),
        'data.add-arguments-stakeholder: refers to "²" in stakeholders',
    ),
    "a draft choosing a stakeholder that is not there": (
        lambda d: first(d, "drafts", form_key="add-arguments")["data"].update(
            {"add-arguments-stakeholder": ["999"]}
        ),
        'data.add-arguments-stakeholder: refers to "999" in stakeholders',
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_export_is_refused_and_nothing_is_saved(source, db, tmp_path, case):
    change, message = BROKEN[case]
    error = refused(tmp_path, changed(source.data, change))
    assert message in error, error


@pytest.mark.parametrize("case", sorted(DANGLING))
def test_a_reference_to_something_not_in_the_file_is_refused(source, db, tmp_path, case):
    change, message = DANGLING[case]
    error = refused(tmp_path, changed(source.data, change))
    assert message in error, error


def test_a_theme_stylesheet_missing_here_is_imported_with_a_warning(source, db, tmp_path):
    data = changed(source.data, lambda d: d["organisation"].update(theme_stylesheet="x/y.css"))
    path = tmp_path / "theme.json"
    path.write_text(json.dumps(data))
    err = StringIO()
    call_command("import_organisation", str(path), stdout=StringIO(), stderr=err)
    assert "x/y.css is not among this installation's static files" in err.getvalue()
    assert Organisation.objects.get(name=ORG).theme_stylesheet == "x/y.css"
