"""Data protection (AVG): retention of undecided sessions and pseudonymisation on request."""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from django.test import Client

from casebook import records
from casebook.models import RecordExport, RecordVersion
from deliberation import privacy
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
    PrincipleTest,
    RJudgement,
    Room,
    RoomAnswered,
    RoomInvitation,
    RoomPost,
    RoomSetAside,
    Session,
    Stakeholder,
)
from principles.models import AuditEvent, Principle, RCriterion
from tests.conftest import make_user
from tests.helpers import edit_data, main_data, step_url

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
NAME = "Jan Jansen"
PSEUDONYM = "Medewerker A"
# Every free-text field gets this, in another case and spacing than NAME.
MENTION = "Gesprek met jan  JANSEN, zei {field}."


def run(command, *args, **options):
    out = StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def new_session(organisation, facilitator, title="Een dilemma", **fields):
    session = Session.objects.create(
        organisation=organisation,
        title=title,
        facilitator=facilitator,
        created_by=facilitator,
        **fields,
    )
    session.participants.set([facilitator])
    return session


def purge_events():
    return AuditEvent.objects.filter(action="session.purge")


# --- retention ------------------------------------------------------------------------------


@pytest.fixture
def retention(settings):
    settings.RETENTION_UNDECIDED_DAYS = 730
    return settings


@pytest.fixture
def aged(org_a, facilitator, member, retention):
    """Sessions of every kind, last changed 800 days ago unless their name says otherwise."""
    with time_machine.travel(START, tick=False):
        draft = new_session(org_a, facilitator, title="Concept van Jan Jansen")
        in_progress = new_session(
            org_a, facilitator, status=Session.Status.IN_PROGRESS, problem_statement="Iets"
        )
        stakeholder = Stakeholder.objects.create(session=in_progress, name="Buren", kind="burgers")
        argument = Argument.objects.create(session=in_progress, side="X", category="B", text="R")
        argument.principles.add(Principle.objects.first())
        Fact.objects.create(session=in_progress, text="Een feit")
        Objection.objects.create(session=in_progress, step=1, author=member, text="Bezwaar")
        Draft.objects.create(session=in_progress, user=member, form_key="step-1", data={})
        CompensationMeasure.objects.create(session=in_progress, stakeholder=stakeholder)
        closed_without_conclusion = new_session(org_a, facilitator, status=Session.Status.CLOSED)
        closed = new_session(
            org_a,
            facilitator,
            status=Session.Status.CLOSED,
            closed_reason="De Wet bepaalt het: geen dilemma.",
        )
        decided = new_session(org_a, facilitator, status=Session.Status.DECIDED, decided_at=START)
        # Decided by its status even without the moment (as data imported from elsewhere).
        decided_untimed = new_session(org_a, facilitator, status=Session.Status.DECIDED)
        finalised = new_session(org_a, facilitator, status=Session.Status.DECIDED)
        records.finalise(finalised, by=facilitator)
        # A correction was started and the decision taken back: undecided by status, but
        # the finalised version protects it.
        corrected = new_session(org_a, facilitator, status=Session.Status.DECIDED)
        records.finalise(corrected, by=facilitator)
        Session.objects.filter(pk=corrected.pk).update(
            status=Session.Status.IN_PROGRESS, decided_at=None
        )
    with time_machine.travel(START + timedelta(days=100), tick=False):
        recent = new_session(org_a, facilitator, title="Recent")
    return {
        "draft": draft,
        "in_progress": in_progress,
        "closed_without_conclusion": closed_without_conclusion,
        "closed": closed,
        "decided": decided,
        "decided_untimed": decided_untimed,
        "finalised": finalised,
        "corrected": corrected,
        "recent": recent,
    }


LATER = START + timedelta(days=800)


def remaining(aged):
    present = set(Session.objects.values_list("pk", flat=True))
    return {name for name, session in aged.items() if session.pk in present}


def test_retention_deletes_exactly_the_old_undecided_sessions(aged, org_a):
    expired = {"draft", "in_progress", "closed_without_conclusion"}
    in_progress = aged["in_progress"].pk
    with time_machine.travel(LATER, tick=False):
        out = run("apply_retention")

    assert remaining(aged) == set(aged) - expired
    # Everything inside a deleted session went with it.
    for model in (Stakeholder, Argument, Fact, Objection, Draft, CompensationMeasure):
        assert not model.objects.filter(session_id=in_progress).exists(), model
    assert not Argument.principles.through.objects.filter(argument__session_id=in_progress)
    assert not Session.participants.through.objects.filter(session_id=in_progress).exists()
    assert RecordVersion.objects.count() == 2

    events = list(purge_events())
    assert sorted(e.session_id for e in events) == sorted(aged[name].pk for name in expired)
    for event in events:
        assert event.organisation_id == org_a.pk
        assert event.object_type == "deliberation.session"
        assert event.object_id == str(event.session_id)
        assert event.result == AuditEvent.Result.OK
        assert event.detail["age_days"] == 800
        assert event.detail["retention_days"] == 730
    statuses = {e.session_id: e.detail["status"] for e in events}
    assert statuses[aged["draft"].pk] == Session.Status.DRAFT
    assert statuses[aged["closed_without_conclusion"].pk] == Session.Status.CLOSED
    # Neither the trail nor the job's log keeps typed text such as a title.
    assert "Jansen" not in json.dumps([e.detail for e in events])
    assert "Jansen" not in out
    assert f"{org_a.name}: 3 sessions deleted." in out
    assert f"session {aged['draft'].pk} (concept)" in out


def test_a_deleted_session_is_gone_from_its_page(aged, client, facilitator):
    client.force_login(facilitator)
    assert client.get(f"/sessies/{aged['draft'].pk}/").status_code == 200
    with time_machine.travel(LATER, tick=False):
        run("apply_retention")
    assert client.get(f"/sessies/{aged['draft'].pk}/").status_code == 404
    assert client.get(f"/sessies/{aged['closed'].pk}/").status_code == 200


def test_a_session_is_not_deleted_one_day_before_its_time(aged):
    with time_machine.travel(START + timedelta(days=729), tick=False):
        run("apply_retention")
    assert remaining(aged) == set(aged)
    assert not purge_events().exists()


def test_activity_inside_a_session_counts_as_a_change(org_a, facilitator, member, retention):
    with time_machine.travel(START, tick=False):
        with_objection = new_session(org_a, facilitator)
        with_draft = new_session(org_a, facilitator)
        with_answer = new_session(org_a, facilitator)
        untouched = new_session(org_a, facilitator)
    # Objections, drafts and control answers do not touch the session's updated_at.
    with time_machine.travel(START + timedelta(days=500), tick=False):
        Objection.objects.create(session=with_objection, step=2, author=member, text="Maar…")
        Draft.objects.create(session=with_draft, user=member, form_key="step-1", data={})
        ControlAnswer.objects.create(
            session=with_answer, participant=member, situation="prettig", stance="ja"
        )
    with time_machine.travel(LATER, tick=False):
        run("apply_retention")
    assert set(Session.objects.values_list("pk", flat=True)) == {
        with_objection.pk,
        with_draft.pk,
        with_answer.pk,
    }
    assert list(purge_events().values_list("session_id", flat=True)) == [untouched.pk]


def room_rows(session, facilitator, member, outsider):
    """Everything meeting-room mode keeps of a session."""
    Room.open_for(session, by=facilitator)
    invitation = RoomInvitation.create_for(session, by=facilitator)
    invitation.accept(outsider)
    hidden = Argument.objects.create(
        session=session, side="X", category="B", text="Jan Jansen zei het", author=member
    )
    room_views.set_aside(session, "arguments", hidden, facilitator)
    RoomPost.objects.create(session=session, user=member)
    RoomAnswered.objects.create(session=session, user=member)
    ControlAnswer.objects.create(session=session, participant=None, situation="pijnlijk")


ROOM_MODELS = (Room, RoomInvitation, RoomSetAside, RoomPost, RoomAnswered, ControlAnswer)


def test_retention_deletes_the_room_data_of_a_deleted_session(aged, facilitator, member, outsider):
    in_progress = aged["in_progress"]
    with time_machine.travel(START, tick=False):
        room_rows(in_progress, facilitator, member, outsider)
    for model in ROOM_MODELS:
        assert model.objects.filter(session=in_progress).exists(), model
    with time_machine.travel(LATER, tick=False):
        run("apply_retention")
    assert "in_progress" not in remaining(aged)
    for model in ROOM_MODELS:
        assert not model.objects.filter(session_id=in_progress.pk).exists(), model
    # The people stay: only what was inside the session goes.
    assert User.objects.filter(pk__in=[member.pk, outsider.pk]).count() == 2


def test_a_recent_room_action_keeps_a_session_but_a_join_code_running_out_does_not(
    aged, facilitator
):
    in_progress, draft = aged["in_progress"], aged["draft"]
    with time_machine.travel(LATER - timedelta(days=5), tick=False):
        hidden = Fact.objects.create(session=in_progress, text="Later verborgen")
        room_views.set_aside(in_progress, "facts", hidden, facilitator)
    with time_machine.travel(START, tick=False):
        room = Room.open_for(draft, by=facilitator)
    # A join code, a timer and an invitation that run out late are no change of the session.
    Room.objects.filter(pk=room.pk).update(
        code_expires_at=LATER, timer_ends_at=LATER, ended_at=None
    )
    with time_machine.travel(START, tick=False):
        invitation = RoomInvitation.create_for(draft, by=facilitator)
    RoomInvitation.objects.filter(pk=invitation.pk).update(expires_at=LATER)
    with time_machine.travel(LATER, tick=False):
        run("apply_retention")
    assert "in_progress" in remaining(aged)
    assert "draft" not in remaining(aged)


def test_old_room_throttle_rows_can_be_forgotten(session, member, facilitator):
    with time_machine.travel(START, tick=False):
        RoomPost.objects.create(session=session, user=member)
    with time_machine.travel(START + timedelta(seconds=50), tick=False):
        RoomPost.objects.create(session=session, user=facilitator)
        assert privacy.forget_room_posts() == 0
    with time_machine.travel(START + timedelta(seconds=90), tick=False):
        assert privacy.forget_room_posts() == 1
    assert list(RoomPost.objects.values_list("user", flat=True)) == [facilitator.pk]


def test_a_dry_run_lists_what_would_go_and_changes_nothing(aged, org_a, org_b):
    with time_machine.travel(LATER, tick=False):
        out = run("apply_retention", "--dry-run")
    assert remaining(aged) == set(aged)
    assert not purge_events().exists()
    assert f"{org_a.name}: 3 sessions would be deleted." in out
    assert f"{org_b.name}: nothing to delete." in out
    for name in ("draft", "in_progress", "closed_without_conclusion"):
        assert f"session {aged[name].pk} (" in out
    for name in ("closed", "decided", "decided_untimed", "finalised", "corrected", "recent"):
        assert f"session {aged[name].pk} (" not in out
    assert "nothing changed" in out


def test_retention_zero_keeps_every_session(aged, settings):
    settings.RETENTION_UNDECIDED_DAYS = 0
    with time_machine.travel(START + timedelta(days=5000), tick=False):
        out = run("apply_retention")
    assert remaining(aged) == set(aged)
    assert not purge_events().exists()
    assert "Retention is off" in out


def test_a_negative_retention_is_refused(aged, settings):
    settings.RETENTION_UNDECIDED_DAYS = -1
    with time_machine.travel(LATER, tick=False), pytest.raises(CommandError, match="must be 0"):
        run("apply_retention")
    assert remaining(aged) == set(aged)


def test_a_session_changed_after_the_list_was_made_is_kept(aged):
    with time_machine.travel(LATER, tick=False):
        expired = privacy.expired_sessions(730)
        draft = next(c for c in expired if c.session.pk == aged["draft"].pk)
        aged["draft"].touch()
        assert privacy.purge(draft, 730).outcome == "changed"
    assert Session.objects.filter(pk=aged["draft"].pk).exists()
    assert not purge_events().exists()


def test_a_session_that_something_protects_is_kept_with_the_reason(aged, monkeypatch):
    # Defence in depth: should the selection ever let a session with a record through, the
    # PROTECT on the record keeps it, and the rolled-back transaction keeps no audit event.
    monkeypatch.setattr(
        privacy, "undecided_sessions", lambda: Session.objects.filter(privacy.UNDECIDED)
    )
    with time_machine.travel(LATER, tick=False):
        out = run("apply_retention")
    assert "corrected" in remaining(aged)
    assert aged["corrected"].pk not in purge_events().values_list("session_id", flat=True)
    assert purge_events().count() == 3
    assert f"session {aged['corrected'].pk} (in_behandeling)" in out
    assert "kept: it is still referred to by casebook.recordversion" in out


def test_pseudonymising_does_not_restart_the_retention_period(aged, org_a):
    with time_machine.travel(LATER, tick=False):
        run(
            "pseudonymise_person",
            organisation=org_a.name,
            name=NAME,
            replacement=PSEUDONYM,
        )
        assert Session.objects.get(pk=aged["draft"].pk).title == f"Concept van {PSEUDONYM}"
        run("apply_retention")
    assert "draft" not in remaining(aged)


# --- pseudonymisation ------------------------------------------------------------------------


def models_inside_a_session():
    """Every model with a foreign key to Session, found independently of the code under test."""
    found = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if (
                model_field.many_to_one or model_field.one_to_one
            ) and model_field.related_model is Session:
                found.add(model)
    return found - set(privacy.ARCHIVAL_MODELS)


def free_text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField))
        and not isinstance(f, models.SlugField)
        and not f.choices
        and not f.primary_key
        and (model, f.name) not in privacy.CODE_FIELDS
    ]


@pytest.fixture
def full(session, facilitator, member):
    """One row of every model inside a session, every free-text field mentioning the name."""
    stakeholder = Stakeholder.objects.create(session=session, name="x", kind="burgers")
    rows = [
        session,
        stakeholder,
        ApplicableRule.objects.create(session=session, title="x", verdict="ja"),
        Fact.objects.create(session=session),
        InformationNeed.objects.create(session=session),
        Argument.objects.create(session=session, side="X", category="B", stakeholder=stakeholder),
        RJudgement.objects.create(
            session=session, criterion=RCriterion.objects.first(), assessment="houdt_stand"
        ),
        PrincipleTest.objects.create(
            session=session, principle=Principle.objects.first(), verdict="dient"
        ),
        CompensationMeasure.objects.create(session=session, stakeholder=stakeholder),
        ControlAnswer.objects.create(
            session=session, participant=member, situation="prettig", stance="ja"
        ),
        Objection.objects.create(session=session, step=2, author=member),
        Draft.objects.create(
            session=session,
            user=member,
            form_key="step-1",
            data={"main-problem_statement": ["Bel JAN JANSEN even"], "main-version": ["0"]},
        ),
    ]
    from casebook.models import (
        CaseAnnotation,
        CaseLink,
        CaseShare,
        IntakeReport,
        Precedent,
        Signal,
    )

    earlier = Session.objects.create(
        organisation=session.organisation,
        title="Eerder",
        facilitator=facilitator,
        created_by=facilitator,
    )
    rows += [
        CaseAnnotation.objects.create(session=session),
        CaseLink.objects.create(source=session, target=earlier, kind="volgt", created_by=member),
        Precedent.objects.create(
            session=session, earlier=earlier, stance="volgt", reason="x", created_by=member
        ),
        CaseShare.objects.create(session=session),
        IntakeReport.objects.create(
            organisation=session.organisation, kind="dilemma", text="x", session=session
        ),
        Signal.objects.create(
            organisation=session.organisation,
            window_start="2026-01-01",
            window_end="2026-03-31",
            count=3,
        ),
    ]
    # Meeting-room mode: the room, a guest's invitation, a hidden contribution (a copy of its
    # text, checked below), the throttle and the marker of who answered.
    hidden = Argument.objects.create(
        session=session, side="Y", category="G", stakeholder=stakeholder, author=member
    )
    Argument.objects.filter(pk=hidden.pk).update(text=MENTION.format(field="text"))
    hidden.refresh_from_db()
    room_views.set_aside(session, "arguments", hidden, facilitator)
    rows += [
        Room.open_for(session, by=facilitator),
        RoomInvitation.create_for(session, by=facilitator),
        RoomSetAside.objects.get(session=session),
        RoomPost.objects.create(session=session, user=member),
        RoomAnswered.objects.create(session=session, user=member),
    ]
    missing = models_inside_a_session() - {type(row) for row in rows}
    assert not missing, f"add a row of {missing} to this fixture and check its text is covered"
    for row in rows:
        values = {f.name: MENTION.format(field=f.name) for f in free_text_fields(type(row))}
        type(row).objects.filter(pk=row.pk).update(**values)
    return rows


def pseudonymise(organisation, name=NAME, replacement=PSEUDONYM, *args, **options):
    return run(
        "pseudonymise_person",
        *args,
        organisation=organisation.name,
        name=name,
        replacement=replacement,
        **options,
    )


def test_the_name_is_replaced_in_every_text_field_of_every_model(full, org_a):
    pseudonymise(org_a)
    checked = 0
    for row in full:
        fresh = type(row).objects.get(pk=row.pk)
        for model_field in free_text_fields(type(row)):
            expected = f"Gesprek met {PSEUDONYM}, zei {model_field.name}."
            assert getattr(fresh, model_field.name) == expected, (type(row), model_field.name)
            checked += 1
    assert checked >= 25
    draft = Draft.objects.get()
    assert draft.data == {
        "main-problem_statement": [f"Bel {PSEUDONYM} even"],
        "main-version": ["0"],
    }
    assert draft.form_key == "step-1"
    # The copy of a contribution set aside in the room: its text, not its codes.
    aside = RoomSetAside.objects.get()
    assert aside.data["text"] == f"Gesprek met {PSEUDONYM}, zei text."
    assert (aside.kind, aside.data["side"], aside.data["category"]) == ("arguments", "Y", "G")
    room = Room.objects.get()
    assert room.code == next(r for r in full if isinstance(r, Room)).code


def test_only_the_whole_name_is_replaced_in_any_case(session, org_a):
    Session.objects.filter(pk=session.pk).update(
        problem_statement=(
            "JAN JANSEN en jan jansen en Jan\nJansen; "
            "niet Jansenweg, Jan Jansens, Sjan Jansen of Jan."
        )
    )
    pseudonymise(org_a)
    session.refresh_from_db()
    assert session.problem_statement == (
        f"{PSEUDONYM} en {PSEUDONYM} en {PSEUDONYM}; "
        "niet Jansenweg, Jan Jansens, Sjan Jansen of Jan."
    )


def test_a_backslash_in_the_replacement_is_kept_as_typed(session, org_a):
    Session.objects.filter(pk=session.pk).update(owner_note=f"Door {NAME}.")
    pseudonymise(org_a, replacement=r"Medewerker \g<0> \1")
    session.refresh_from_db()
    assert session.owner_note == r"Door Medewerker \g<0> \1."


def test_the_session_page_shows_the_pseudonym(full, org_a, as_facilitator, session):
    before = as_facilitator.get(f"/sessies/{session.pk}/").content.decode()
    assert "JANSEN" in before
    pseudonymise(org_a)
    page = as_facilitator.get(f"/sessies/{session.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert f"Gesprek met {PSEUDONYM}, zei problem_statement." in body
    assert f"Gesprek met {PSEUDONYM}, zei name." in body  # the stakeholder
    assert "jansen" not in body.lower()
    step_8 = as_facilitator.get(f"/sessies/{session.pk}/controlevraag/").content.decode()
    assert f"Gesprek met {PSEUDONYM}, zei comment." in step_8
    assert "jansen" not in step_8.lower()


def test_other_organisations_are_left_alone(full, org_a, org_b, outsider):
    theirs = new_session(org_b, outsider, title=f"Dilemma van {NAME}")
    fact = Fact.objects.create(session=theirs, text=f"{NAME} belde")
    pseudonymise(org_a)
    theirs.refresh_from_db()
    fact.refresh_from_db()
    assert theirs.title == f"Dilemma van {NAME}"
    assert theirs.version_1 == 0
    assert (fact.text, fact.version) == (f"{NAME} belde", 0)


def test_changed_rows_get_a_new_version_so_open_forms_conflict(org_a, as_facilitator, session):
    fact = Fact.objects.create(session=session, text=f"{NAME} belde", source="Telefoon")
    untouched = Fact.objects.create(session=session, text="Niemand belde")
    Session.objects.filter(pk=session.pk).update(problem_statement=f"Vraag van {NAME}")
    judgement = RJudgement.objects.create(
        session=session,
        criterion=RCriterion.objects.first(),
        assessment="houdt_stand",
        note=f"Volgens {NAME}",
    )
    # Someone has the fact's edit form and step 1 open, from before the pseudonymisation.
    assert as_facilitator.get(f"/sessies/{session.pk}/facts/{fact.pk}/").status_code == 200

    pseudonymise(org_a)

    fact.refresh_from_db()
    untouched.refresh_from_db()
    session.refresh_from_db()
    assert (fact.text, fact.version) == (f"{PSEUDONYM} belde", 1)
    assert untouched.version == 0
    assert session.version_1 == 1  # problem_statement is on the step 1 form
    assert session.version_6 == 1  # the judgement's note is on the step 6 form
    assert (session.version_2, session.version_3, session.version_4, session.version_7) == (
        0,
        0,
        0,
        0,
    )
    judgement.refresh_from_db()
    assert judgement.note == f"Volgens {PSEUDONYM}"

    stale_edit = as_facilitator.post(
        f"/sessies/{session.pk}/facts/{fact.pk}/",
        edit_data("facts", fact.pk, 0, text=f"{NAME} belde, en meer", source="Telefoon"),
    )
    assert stale_edit.status_code == 409
    stale_step = as_facilitator.post(
        step_url(session, 1), main_data(0, problem_statement=f"Vraag van {NAME}!")
    )
    assert stale_step.status_code == 409
    fact.refresh_from_db()
    session.refresh_from_db()
    assert fact.text == f"{PSEUDONYM} belde"
    assert session.problem_statement == f"Vraag van {PSEUDONYM}"


def test_one_audit_event_counts_the_changes_but_never_names_the_person(full, org_a):
    pseudonymise(org_a)
    event = AuditEvent.objects.get(action="person.pseudonymise")
    assert AuditEvent.objects.filter(action__startswith="person.").count() == 1
    assert event.organisation_id == org_a.pk
    assert event.result == AuditEvent.Result.OK
    # The room's own rows hold no typed text (a join code, a token, links and times).
    without_text = (Room, RoomInvitation, RoomPost, RoomAnswered)
    expected = {type(row)._meta.label_lower: 1 for row in full if type(row) not in without_text}
    assert event.detail["rows"] == expected
    assert event.detail["room_posts_removed"] == 0
    assert event.detail["replacements"]["deliberation.session"] == len(free_text_fields(Session))
    assert event.detail["records_mentioning"] == []
    assert event.detail["user_account"] is None
    trail = json.dumps(event.detail).lower()
    assert "jansen" not in trail and "medewerker" not in trail


def test_finalised_records_are_reported_not_rewritten(org_a, facilitator, session):
    Session.objects.filter(pk=session.pk).update(problem_statement=f"Gesprek met {NAME}")
    session.refresh_from_db()
    version = records.finalise(session, by=facilitator)
    other = new_session(org_a, facilitator, title="Zonder naam")
    records.finalise(other, by=facilitator)

    holding = RecordExport.objects.create(
        organisation=org_a, requested_by=facilitator, selection=[version.pk]
    )
    RecordExport.objects.create(organisation=org_a, requested_by=facilitator, selection=[])

    out = pseudonymise(org_a)

    fresh = RecordVersion.objects.get(pk=version.pk)
    assert (fresh.canonical_json, fresh.sha256) == (version.canonical_json, version.sha256)
    assert NAME in fresh.canonical_json
    session.refresh_from_db()
    assert session.problem_statement == f"Gesprek met {PSEUDONYM}"
    assert f"session {session.pk}, version 1 (current version" in out
    assert f"/sessies/{session.pk}/besluit/" in out
    assert f"session {other.pk}," not in out
    assert "Archiefwet" in out and NAME not in out
    assert f"Stored exports that contain these records: {holding.pk}\n" in out
    event = AuditEvent.objects.get(action="person.pseudonymise")
    assert event.detail["records_mentioning"] == [version.pk]


def test_a_correction_version_leaves_the_name_behind(org_a, facilitator, session):
    Session.objects.filter(pk=session.pk).update(problem_statement=f"Gesprek met {NAME}")
    records.finalise(session, by=facilitator)
    pseudonymise(org_a)
    records.start_correction(session)
    corrected = records.finalise(session, by=facilitator, reason="Pseudoniem op verzoek (AVG)")
    assert NAME not in corrected.canonical_json
    out = pseudonymise(org_a, name=NAME)
    assert f"session {session.pk}, version 1 (superseded version" in out
    assert f"version {corrected.number} (" not in out


def test_a_dry_run_changes_nothing(full, org_a, member):
    snapshot = database_snapshot()
    out = pseudonymise(org_a, dry_run=True, user=member.username)
    assert database_snapshot() == snapshot
    assert not AuditEvent.objects.filter(action="person.pseudonymise").exists()
    assert "deliberation.session: 1 (replaced" in out
    assert f"The user account {member.pk} would be pseudonymised" in out
    assert "Dry run: nothing was changed." in out
    assert "jansen" not in out.lower()


def test_the_user_account_is_pseudonymised_and_switched_off(org_a, facilitator, session, client):
    jan = make_user("jjansen", org_a, "deelnemer", "Jan")
    User.objects.filter(pk=jan.pk).update(last_name="Jansen", email="jan.jansen@example.nl")
    session.participants.add(jan)
    jan.refresh_from_db()
    version = records.finalise(session, by=facilitator)  # names Jan as a participant

    out = pseudonymise(org_a, user="jjansen")

    jan.refresh_from_db()
    assert (jan.first_name, jan.last_name, jan.email) == (PSEUDONYM, "", "")
    assert jan.username == f"pseudoniem-{jan.pk}"
    assert not jan.is_active and not jan.has_usable_password()
    for username in ("jjansen", jan.username):
        login = client.post(
            "/inloggen/", {"username": username, "password": "a-long-test-password-123"}
        )
        assert login.status_code == 200 and "_auth_user_id" not in client.session
    assert f"session {session.pk}, version 1" in out
    event = AuditEvent.objects.get(action="person.pseudonymise")
    assert event.detail["user_account"] == jan.pk
    assert event.detail["records_mentioning"] == [version.pk]
    client.force_login(facilitator)
    page = client.get(f"/sessies/{session.pk}/").content.decode()
    assert PSEUDONYM in page and "Jansen" not in page


def database_snapshot():
    tables = [Session, *sorted(models_inside_a_session(), key=str), RecordVersion, User]
    return {model: list(model.objects.order_by("pk").values()) for model in tables}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"organisation": "Gemeente Nergens"}, "There is no organisation named “Gemeente Nergens”"),
        ({"name": ""}, "The name to replace is empty"),
        ({"name": "   "}, "The name to replace is empty"),
        ({"name": "J"}, "is too short: give at least 2 characters"),
        ({"replacement": "jan  JANSEN"}, "The replacement is the same as the name"),
        ({"replacement": "Jan Jansen (oud)"}, "The replacement contains the name itself"),
        ({"replacement": " "}, "The replacement is empty"),
        ({"user": "niemand"}, "There is no user “niemand”"),
        ({"user": "outsider"}, "is not a member of Gemeente Aadorp"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(
    full, org_a, outsider, options, message
):
    snapshot = database_snapshot()
    arguments = {"organisation": org_a.name, "name": NAME, "replacement": PSEUDONYM, **options}
    with pytest.raises(CommandError, match=message) as refused:
        run("pseudonymise_person", **arguments)
    assert "Nothing was changed." in str(refused.value)
    assert database_snapshot() == snapshot
    assert not AuditEvent.objects.filter(action="person.pseudonymise").exists()


def test_a_replacement_that_overflows_a_field_changes_nothing(org_a, session):
    Session.objects.filter(pk=session.pk).update(title=f"{NAME} " + "x" * 185)
    Fact.objects.create(session=session, text=f"{NAME} belde")
    snapshot = database_snapshot()
    with pytest.raises(CommandError, match=f"deliberation.session {session.pk} title"):
        pseudonymise(org_a, replacement="Een medewerker van de afdeling Vergunningen")
    assert database_snapshot() == snapshot
    assert not AuditEvent.objects.filter(action="person.pseudonymise").exists()


def test_pseudonymising_a_person_covers_what_they_did_in_the_room(
    org_a, facilitator, session, as_facilitator
):
    jan = make_user("jjansen", org_a, "deelnemer", "Jan")
    User.objects.filter(pk=jan.pk).update(last_name="Jansen")
    session.participants.add(jan)
    Room.open_for(session, by=facilitator)
    client = Client()
    client.force_login(jan)
    contribute = f"/sessies/{session.pk}/zaal/bijdrage/"
    for text in ("Jan Jansen weet het", "Vraag het aan Jan Jansen"):
        assert client.post(contribute + "facts/", {"text": text}).status_code == 302
    answer = {"situation": "pijnlijk", "stance": "nee", "anonymous": "on"}
    assert client.post(contribute + "controlevraag/", answer).status_code == 302
    hidden = Fact.objects.get(text="Vraag het aan Jan Jansen")
    response = as_facilitator.post(
        f"/sessies/{session.pk}/zaal/modereren/facts/{hidden.pk}/",
        {"action": "hide", "version": hidden.version},
    )
    assert response.status_code == 302
    assert RoomPost.objects.filter(user=jan).count() == 3

    pseudonymise(org_a, user="jjansen")

    # The throttle rows are gone; authorship and the marker stay with the pseudonymous account.
    assert not RoomPost.objects.filter(user_id=jan.pk).exists()
    event = AuditEvent.objects.get(action="person.pseudonymise")
    assert event.detail["room_posts_removed"] == 3
    fact = Fact.objects.get(session=session)
    assert (fact.author_id, fact.text) == (jan.pk, f"{PSEUDONYM} weet het")
    aside = RoomSetAside.objects.get(session=session)
    assert aside.author_id == aside.data["author_id"] == jan.pk
    assert aside.data["text"] == f"Vraag het aan {PSEUDONYM}"
    assert RoomAnswered.objects.filter(session=session, user_id=jan.pk).exists()
    assert ControlAnswer.objects.get(session=session).participant_id is None
    console = as_facilitator.get(f"/sessies/{session.pk}/zaal/leiden/").content.decode()
    assert PSEUDONYM in console and "Jansen" not in console
