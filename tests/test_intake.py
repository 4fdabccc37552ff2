"""Intake ("Dilemma melden", /melden/) and its triage by the integrity coordinator
(/meldingen/): reporting with or without a name, the promise of anonymity, turning a report
into a session, answering and closing it, conflicts, bad input and isolation."""

import re

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from casebook.models import IntakeReport
from deliberation.models import Session
from principles import audit
from principles.models import AuditEvent
from tests.conftest import make_user

INTAKE = "/melden/"
TRIAGE = "/meldingen/"
TEXT = "Een inwoner vraagt of ik zijn aanvraag sneller wil behandelen omdat hij mijn buurman is."


def first_sentence(msgid):
    """The first sentence of a translated message: the page may wrap or escape the rest."""
    return gettext(msgid).split(". ")[0]


def report_url(report, action=""):
    return f"{TRIAGE}{report.pk}/{action}"


def send(client, anonymous, text=TEXT, kind="dilemma"):
    data = {"kind": kind, "text": text}
    if anonymous:
        data["anonymous"] = "on"
    return client.post(INTAKE, data)


def denied_events():
    return AuditEvent.objects.filter(result="denied").count()


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def report(org_a, member):
    return IntakeReport.objects.create(organisation=org_a, kind="vraag", text=TEXT, sender=member)


@pytest.fixture
def anonymous_report(org_a):
    return IntakeReport.objects.create(
        organisation=org_a, kind="kritiek", text="Er wordt hier te vaak weggekeken.", anonymous=True
    )


# --- reporting -------------------------------------------------------------------------


def test_a_member_reports_a_dilemma_with_their_name_and_follows_it(as_member, member, org_a):
    response = send(as_member, anonymous=False)
    assert response.status_code == 302
    assert response["Location"] == INTAKE
    report = IntakeReport.objects.get()
    assert (report.organisation, report.sender, report.anonymous, report.kind, report.text) == (
        org_a,
        member,
        False,
        "dilemma",
        TEXT,
    )
    assert report.status == IntakeReport.Status.NEW
    assert report.received_on == timezone.localdate()
    event = AuditEvent.objects.get(action="intake.submit")
    assert (event.actor_id, event.object_id, event.organisation_id) == (
        member.pk,
        str(report.pk),
        org_a.pk,
    )
    page = as_member.get(INTAKE).content.decode()
    assert TEXT[:60] in page
    assert gettext("Received") in page


def test_an_anonymous_report_keeps_nothing_of_its_sender(as_member, member):
    response = send(as_member, anonymous=True)
    assert response.status_code == 302
    report = IntakeReport.objects.get()
    assert (report.anonymous, report.sender_id) == (True, None)
    assert report.received_on == timezone.localdate()
    event = AuditEvent.objects.get(action="intake.submit")
    assert (event.actor_id, event.ip_address, event.request_id) == (None, None, "")
    assert event.object_id == str(report.pk)
    assert event.organisation_id == report.organisation_id
    # Nothing else in the trail names the member but the login itself.
    assert set(AuditEvent.objects.filter(actor_id=member.pk).values_list("action", flat=True)) <= {
        "auth.login"
    }


def test_the_sender_of_an_anonymous_report_does_not_see_it_afterwards(as_member):
    response = send(as_member, anonymous=True)
    confirmation = as_member.get(response["Location"])
    page = confirmation.content.decode()
    assert (
        first_sentence(
            "Your report has been sent anonymously. It is not in your list below: "
            "Toetssteen does not know it came from you."
        )
        in page
    )
    assert TEXT[:40] not in page
    later = as_member.get(INTAKE)
    assert TEXT[:40] not in later.content.decode()
    assert list(later.context["reports"]) == []


def table_rows(page):
    return re.findall(r"<tr>.*?</tr>", page, re.DOTALL)


def test_no_page_shows_who_sent_an_anonymous_report(client, as_member, member, org_a):
    send(as_member, anonymous=True)
    report = IntakeReport.objects.get()
    name = member.get_full_name()
    coordinator = make_user("cor2", org_a, "integriteitscoordinator", "Corrie")
    administrator = make_user("admin", org_a, "beheerder", "Ada")

    client.force_login(coordinator)
    for url, says in [
        (TRIAGE, gettext("Anonymous")),
        (report_url(report), gettext("Anonymous: nobody can see who sent it.")),
    ]:
        page = client.get(url).content.decode()
        assert TEXT[:40] in page
        assert name not in page and member.get_username() not in page
        assert says in page

    client.force_login(administrator)
    page = client.get("/logboek/").content.decode()
    label = str(audit.action_label("intake.submit"))
    rows = [row for row in table_rows(page) if label in row]
    assert len(rows) == 1
    assert name not in rows[0]
    assert gettext("not recorded") in rows[0]
    assert "127.0.0.1" not in rows[0]


def test_the_form_explains_the_promise_and_its_limits(as_member):
    page = as_member.get(INTAKE).content.decode()
    assert gettext("Sending anonymously: what it means") in page
    assert (
        first_sentence(
            "What you write can give you away. For example when only you were "
            "there, or when you name your team, a date or a conversation. Leave "
            "such details out if you want to stay unknown."
        )
        in page
    )
    assert 'name="anonymous"' in page


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "dilemma", "text": ""},
        {"kind": "dilemma", "text": "   \n  "},
        {"kind": "dilemma", "text": "x" * (settings.TEXT_MAX_LENGTH + 1)},
        {"kind": "dilemma", "text": "met een nul\x00teken"},
        {"kind": "roddel", "text": TEXT},
        {"text": TEXT},
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(as_member, data):
    response = as_member.post(INTAKE, data)
    assert response.status_code == 422
    assert gettext("There is a problem") in response.content.decode()
    assert not IntakeReport.objects.exists()
    assert not AuditEvent.objects.filter(action="intake.submit").exists()


def test_a_report_of_the_maximum_length_is_accepted(as_member):
    text = "x" * settings.TEXT_MAX_LENGTH
    assert send(as_member, anonymous=False, text=text).status_code == 302
    assert IntakeReport.objects.get().text == text


def test_a_sender_only_sees_their_own_reports(client, org_a, member, bystander, report):
    client.force_login(bystander)
    response = client.get(INTAKE)
    assert TEXT[:40] not in response.content.decode()
    assert list(response.context["reports"]) == []


def test_every_role_may_report(client, org_a):
    for role in ["deelnemer", "gespreksleider", "integriteitscoordinator", "manager", "beheerder"]:
        client.force_login(make_user(f"r-{role}", org_a, role, role))
        assert client.get(INTAKE).status_code == 200
        assert send(client, anonymous=False, text=f"Melding van {role}").status_code == 302
    assert IntakeReport.objects.count() == 5


# --- triage ----------------------------------------------------------------------------


def test_the_coordinator_lists_reports_newest_first(as_coordinator, org_a, report, member):
    older = IntakeReport.objects.create(
        organisation=org_a,
        kind="situatie",
        text="Een oudere melding.",
        anonymous=True,
        received_on=timezone.localdate() - timezone.timedelta(days=3),
    )
    response = as_coordinator.get(TRIAGE)
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [report, older]
    page = response.content.decode()
    assert member.get_full_name() in page
    assert f'href="{report_url(report)}"' in page


def test_the_list_filters_by_status_and_refuses_an_unknown_status(as_coordinator, report):
    answered = IntakeReport.objects.create(
        organisation=report.organisation, kind="vraag", text="Al beantwoord", status="beantwoord"
    )
    response = as_coordinator.get(TRIAGE, {"status": "beantwoord"})
    assert list(response.context["page"].object_list) == [answered]
    assert as_coordinator.get(TRIAGE, {"status": "weg"}).status_code == 400


def test_a_report_becomes_a_session_with_step_1_filled_in(as_coordinator, coordinator, report):
    response = as_coordinator.post(report_url(report, "sessie/"), {"title": "Buurman met haast"})
    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/sessies/{session.pk}/stap/1/"
    assert (session.organisation, session.title, session.problem_statement) == (
        report.organisation,
        "Buurman met haast",
        TEXT,
    )
    assert (session.facilitator, session.created_by) == (coordinator, coordinator)
    assert list(session.participants.all()) == [coordinator]
    report.refresh_from_db()
    assert (report.status, report.session, report.handled_by) == ("sessie", session, coordinator)
    assert report.handled_at is not None
    event = AuditEvent.objects.get(action="intake.session")
    assert (event.object_id, event.session_id, event.actor_id) == (
        str(report.pk),
        session.pk,
        coordinator.pk,
    )
    step = as_coordinator.get(response["Location"]).content.decode()
    assert "zijn aanvraag sneller wil behandelen" in step


def test_the_triage_page_suggests_a_title(as_coordinator, report):
    response = as_coordinator.get(report_url(report))
    assert response.context["session_form"]["title"].value() == TEXT[:79] + "…"


def test_answering_a_report_shows_the_answer_to_the_sender(
    client, as_coordinator, coordinator, member, report
):
    response = as_coordinator.post(
        report_url(report, "antwoord/"), {"answer": "Behandel de aanvraag gewoon op volgorde."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.answer, report.handled_by) == (
        "beantwoord",
        "Behandel de aanvraag gewoon op volgorde.",
        coordinator,
    )
    assert AuditEvent.objects.get(action="intake.answer").actor_id == coordinator.pk
    client.force_login(member)
    page = client.get(INTAKE).content.decode()
    assert "Behandel de aanvraag gewoon op volgorde." in page
    assert gettext("Answered") in page


def test_closing_a_report_needs_a_reason_the_sender_sees(client, as_coordinator, member, report):
    assert as_coordinator.post(report_url(report, "sluiten/"), {"reason": ""}).status_code == 422
    assert IntakeReport.objects.get().status == "nieuw"
    response = as_coordinator.post(
        report_url(report, "sluiten/"), {"reason": "Dit is al besproken in het team."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.close_reason) == ("gesloten", "Dit is al besproken in het team.")
    assert AuditEvent.objects.filter(action="intake.close").count() == 1
    client.force_login(member)
    assert "Dit is al besproken in het team." in client.get(INTAKE).content.decode()


@pytest.mark.parametrize(
    "action,data",
    [
        ("sessie/", {"title": ""}),
        ("sessie/", {"title": "x" * 201}),
        ("antwoord/", {"answer": "  "}),
        ("antwoord/", {"answer": "x" * (settings.TEXT_MAX_LENGTH + 1)}),
        ("sluiten/", {"reason": "nul\x00"}),
    ],
)
def test_bad_triage_input_is_refused_and_nothing_changes(as_coordinator, report, action, data):
    response = as_coordinator.post(report_url(report, action), data)
    assert response.status_code == 422
    assert gettext("There is a problem") in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.answer, report.close_reason, report.session) == (
        "nieuw",
        "",
        "",
        None,
    )
    assert not Session.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="intake.").exists()


def test_a_status_change_is_one_way(as_coordinator, report):
    as_coordinator.post(report_url(report, "antwoord/"), {"answer": "Antwoord."})
    for action, data in [
        ("sluiten/", {"reason": "Toch sluiten."}),
        ("sessie/", {"title": "Toch een sessie"}),
        ("antwoord/", {"answer": "Ander antwoord."}),
    ]:
        response = as_coordinator.post(report_url(report, action), data)
        assert response.status_code == 409
        assert first_sentence(
            "A colleague has just handled this report. Nothing was saved; read below what they did."
        ) in (response.content.decode())
    report.refresh_from_db()
    assert (report.status, report.answer, report.close_reason) == ("beantwoord", "Antwoord.", "")
    assert not Session.objects.exists()
    assert AuditEvent.objects.filter(action__startswith="intake.").count() == 1


def test_two_coordinators_at_once_make_one_session_not_two(
    as_coordinator, org_a, report, monkeypatch
):
    """Both loaded the new report; the colleague saved first, so this save finds it taken."""
    from casebook import insight_views

    colleague = make_user("cor2", org_a, "integriteitscoordinator", "Corrie")
    real = insight_views.get_report_for_user

    def loaded_then_taken_by_a_colleague(user, pk, refusal="intake.view"):
        loaded = real(user, pk, refusal)
        IntakeReport.objects.filter(pk=pk).update(
            status="sessie", handled_by=colleague, handled_at=timezone.now()
        )
        return loaded

    monkeypatch.setattr(insight_views, "get_report_for_user", loaded_then_taken_by_a_colleague)
    response = as_coordinator.post(report_url(report, "sessie/"), {"title": "Tegelijk"})
    assert response.status_code == 409
    assert (
        first_sentence(
            "A colleague has just handled this report. Nothing was saved; read below what they did."
        )
        in response.content.decode()
    )
    assert not Session.objects.exists()
    assert IntakeReport.objects.get().handled_by == colleague
    assert not AuditEvent.objects.filter(action="intake.session").exists()


# --- who may triage --------------------------------------------------------------------


@pytest.mark.parametrize("role", ["deelnemer", "gespreksleider", "manager", "beheerder"])
def test_only_coordinators_see_and_triage_reports(client, org_a, report, role):
    client.force_login(make_user("iemand", org_a, role, "Iemand"))
    for method, url, data in [
        ("get", TRIAGE, None),
        ("get", report_url(report), None),
        ("post", report_url(report, "sessie/"), {"title": "Niet toegestaan"}),
        ("post", report_url(report, "antwoord/"), {"answer": "Niet toegestaan"}),
        ("post", report_url(report, "sluiten/"), {"reason": "Niet toegestaan"}),
    ]:
        before = denied_events()
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, url
        assert denied_events() == before + 1
    report.refresh_from_db()
    assert report.status == "nieuw"
    assert not Session.objects.exists()


def test_another_organisations_coordinator_finds_nothing(client, org_a, org_b, report):
    other = make_user("cor-b", org_b, "integriteitscoordinator", "Bea")
    client.force_login(other)
    response = client.get(TRIAGE)
    assert list(response.context["page"].object_list) == []
    assert TEXT[:40] not in response.content.decode()
    for method, url, data in [
        ("get", report_url(report), None),
        ("post", report_url(report, "sessie/"), {"title": "Overgenomen"}),
        ("post", report_url(report, "antwoord/"), {"answer": "Van elders"}),
        ("post", report_url(report, "sluiten/"), {"reason": "Van elders"}),
    ]:
        before = denied_events()
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, url
        assert denied_events() == before + 1
        event = AuditEvent.objects.filter(result="denied").latest("id")
        assert (event.organisation_id, event.object_id) == (org_a.pk, str(report.pk))
    report.refresh_from_db()
    assert report.status == "nieuw"
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    "method,url",
    [
        ("get", f"{TRIAGE}424242/"),
        ("post", f"{TRIAGE}424242/antwoord/"),
        ("get", f"{TRIAGE}{2**70}/"),
    ],
)
def test_an_unknown_report_is_not_found_and_recorded(as_coordinator, org_a, method, url):
    before = denied_events()
    response = getattr(as_coordinator, method)(url, {"answer": "x"} if method == "post" else None)
    assert response.status_code == 404
    assert denied_events() == before + 1
    assert AuditEvent.objects.filter(result="denied").latest("id").organisation_id == org_a.pk


def test_a_member_without_an_organisation_cannot_report(client, db):
    from django.contrib.auth.models import User

    loner = User.objects.create_user("loner", password="a-long-test-password-123")
    client.force_login(loner)
    before = denied_events()
    assert client.get(INTAKE).status_code == 404
    assert denied_events() == before + 1


def test_an_anonymous_report_can_be_answered_but_the_page_says_nobody_reads_it(
    as_coordinator, anonymous_report
):
    page = as_coordinator.get(report_url(anonymous_report)).content.decode()
    assert (
        first_sentence(
            "This report was sent anonymously. The sender cannot read an answer or "
            "a reason: nobody knows who it is."
        )
        in page
    )
    response = as_coordinator.post(report_url(anonymous_report, "antwoord/"), {"answer": "Gezien."})
    assert response.status_code == 302
    assert IntakeReport.objects.get().sender is None
