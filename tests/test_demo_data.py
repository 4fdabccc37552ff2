"""The demo data that `make run` loads: complete, realistic and loaded only once.

Besides the sessions, the demo fills the casebook (issue 4): finalised decision records of
Gemeente Lindeveen, the coordinator's reviews, an open signal, reported dilemmas and cases
shared anonymised with other government organisations."""

import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from casebook import records
from casebook.models import (
    CaseAnnotation,
    CaseLink,
    CaseShare,
    IntakeReport,
    Precedent,
    RecordVersion,
    Signal,
    Theme,
)
from deliberation import demo_data
from deliberation.models import Argument, CompensationMeasure, ControlAnswer, Objection, Session
from principles.models import AuditEvent, Membership, Organisation, Role

LINDEVEEN = "Gemeente Lindeveen"
COUNTED = [
    Organisation,
    Membership,
    Session,
    Argument,
    ControlAnswer,
    RecordVersion,
    CaseAnnotation,
    Theme,
    CaseLink,
    Precedent,
    CaseShare,
    Signal,
    IntakeReport,
    AuditEvent,
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def log_in(client, username):
    response = client.post("/inloggen/", {"username": username, "password": demo_data.PASSWORD})
    assert response.status_code == 302


def test_loading_the_demo_twice_adds_nothing_the_second_time(db):
    call_command("load_demo", stdout=StringIO())
    first = counts()
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert counts() == first
    assert first["Organisation"] == 3
    assert "nothing was added" in output.getvalue()


def test_every_organisation_has_a_user_for_every_role(demo):
    for organisation in Organisation.objects.all():
        roles = set(organisation.memberships.values_list("role", flat=True))
        assert roles == set(Role.values), organisation


def test_the_printout_lists_every_demo_login(db):
    output = StringIO()
    call_command("load_demo", stdout=output)
    printed = output.getvalue()
    for username in get_user_model().objects.values_list("username", flat=True):
        assert re.search(rf"^  {re.escape(username)} ", printed, re.MULTILINE), username


def test_a_demo_facilitator_logs_in_and_sees_complete_sessions(client, demo):
    log_in(client, "gespreksleider.lindeveen")
    decided = Session.objects.filter(status=Session.Status.DECIDED, organisation__name=LINDEVEEN)
    assert decided.exists()
    for session in decided:
        page = client.get(f"/sessies/{session.pk}/")
        assert page.status_code == 200
        assert all(step["complete"] for step in page.context["steps"]), session.title


def test_there_are_at_least_four_complete_sessions(demo):
    complete = [
        s
        for s in Session.objects.all()
        if all(s.load_progress().step_complete(n) for n in range(1, 9))
    ]
    assert len(complete) >= 4


# --- the casebook ----------------------------------------------------------------------


def test_lindeveen_has_finalised_cases_whose_records_verify(client, demo):
    finalised = Session.objects.filter(
        organisation__name=LINDEVEEN, status=Session.Status.FINALISED
    )
    assert finalised.count() >= 8
    log_in(client, "integriteitscoordinator.lindeveen")  # sees every session of Lindeveen
    for session in finalised:
        version = RecordVersion.objects.get(session=session)
        assert version.number == 1
        assert version.finalised_by == session.facilitator
        assert records.sha256(version.canonical_json) == version.sha256
        assert version.data["session"]["title"] == session.title
        assert not records.missing_steps(session)
        check = client.post("/besluiten/verifieren/", {"sha256": version.sha256})
        assert check.status_code == 200
        assert check.context["outcome"] == "match", session.title
    # Every finalisation is in the audit trail, as when the finalise page does it.
    finalise_events = AuditEvent.objects.filter(action="record.finalise")
    assert finalise_events.count() == RecordVersion.objects.count()
    assert not finalise_events.filter(actor_id__isnull=True).exists()


def test_the_cases_vary_in_what_the_casebook_searches_by(demo):
    sessions = Session.objects.filter(organisation__name=LINDEVEEN, status="vastgesteld")
    versions = [v.data for v in RecordVersion.objects.filter(session__in=sessions)]
    units = {Membership.objects.get(user=session.facilitator).unit for session in sessions}
    assert len(units) >= 4
    assert {data["decision"]["chosen_option"] for data in versions} == {"X", "Y", "derde"}
    categories = {a["category"] for data in versions for a in data["arguments"]}
    assert categories == {"B", "G", "S"}
    assert sum(bool(data["objections"]) for data in versions) >= 3
    assert any(
        o["handling"] == Objection.Handling.SET_ASIDE for d in versions for o in d["objections"]
    )
    assert sum(data["control_question"]["negative"] > 0 for data in versions) >= 2
    principles = {code for d in versions for a in d["arguments"] for code in a["principles"]}
    assert len(principles) >= 6
    assert all(any(a["core_values"] for a in d["arguments"]) for d in versions)
    overdue = CompensationMeasure.objects.filter(
        session__in=sessions,
        due_date__lt=timezone.localdate(),
        status__in=[CompensationMeasure.Status.PLANNED, CompensationMeasure.Status.IN_PROGRESS],
    )
    assert overdue.exists()


def test_the_coordinator_reviewed_some_cases(demo):
    annotations = CaseAnnotation.objects.filter(session__organisation__name=LINDEVEEN)
    assert annotations.count() >= 4
    assert annotations.filter(leading=True).count() == 1
    assert all(a.lessons and a.themes.exists() for a in annotations)
    assert {link.kind for link in CaseLink.objects.all()} == {"volgt", "onderscheidt"}
    for link in CaseLink.objects.select_related("source", "target"):
        assert link.source.organisation_id == link.target.organisation_id
        assert link.target.status == Session.Status.FINALISED
    precedent = Precedent.objects.get()
    assert precedent.earlier.status == Session.Status.FINALISED
    record = RecordVersion.objects.get(session=precedent.session).data
    assert [p["title"] for p in record["precedents"]] == [precedent.earlier.title]


def test_negative_answers_in_one_unit_raised_an_open_signal(client, demo):
    signal = Signal.objects.get()
    assert signal.organisation.name == LINDEVEEN
    assert signal.status == Signal.Status.OPEN
    assert signal.unit == "Werk en inkomen"
    assert signal.count >= 3
    log_in(client, "integriteitscoordinator.lindeveen")
    page = client.get("/signalen/")
    assert page.status_code == 200
    assert [s.pk for s in page.context["open_signals"]] == [signal.pk]
    # Opening the dashboard raises nothing more: the other units stay below the threshold.
    assert Signal.objects.count() == 1


def test_an_anonymous_report_keeps_no_trace_of_its_sender(client, demo):
    anonymous = IntakeReport.objects.get(anonymous=True)
    named = IntakeReport.objects.get(anonymous=False)
    assert anonymous.sender is None
    assert named.sender.username == "deelnemer2.lindeveen"
    assert {anonymous.status, named.status} == {IntakeReport.Status.NEW}
    event = AuditEvent.objects.get(action="intake.submit", object_id=str(anonymous.pk))
    assert (event.actor_id, event.ip_address, event.request_id) == (None, None, "")
    log_in(client, "integriteitscoordinator.lindeveen")
    page = client.get("/meldingen/")
    assert page.status_code == 200
    assert {r.pk for r in page.context["page"]} == {anonymous.pk, named.pk}


def demo_names():
    """Every name of every demo person: full, first, last and username."""
    names = set()
    for user in get_user_model().objects.filter(membership__isnull=False):
        names |= {user.get_full_name(), user.first_name, user.last_name, user.username}
    return {name for name in names if name}


def test_the_shared_cases_are_anonymised_with_consent_and_approval(demo):
    shares = CaseShare.objects.select_related("session__organisation", "version")
    assert {s.session.organisation.name for s in shares} == {LINDEVEEN, "Provincie Zuiderland"}
    text = ""
    for share in shares:
        assert share.level == CaseShare.Level.GOVERNMENT
        assert share.consent_by and share.consent_on and share.approved_at
        assert share.approved_by.membership.role == Role.COORDINATOR
        assert share.version == RecordVersion.objects.get(session=share.session)
        assert share.anonymised["dilemma"]["problem"]
        text += json.dumps(share.anonymised, ensure_ascii=False)
    for name in demo_names():
        assert not re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE), name


def test_a_coordinator_sees_the_other_organisations_share_and_not_its_own(client, demo):
    zuiderland = CaseShare.objects.get(session__organisation__name="Provincie Zuiderland")
    own = CaseShare.objects.get(session__organisation__name=LINDEVEEN)
    log_in(client, "integriteitscoordinator.lindeveen")
    listing = client.get("/gedeeld/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert f"/gedeeld/{zuiderland.pk}/" in body
    assert f"/gedeeld/{own.pk}/" not in body
    assert client.get(f"/gedeeld/{zuiderland.pk}/").status_code == 200
