"""The signals dashboard (/signalen/): its numbers, its charts, the signal rule, and who
may see and close signals. Time is frozen where the numbers depend on the month."""

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from casebook import charts, records
from casebook.models import Signal, SignalPolicy
from deliberation.models import (
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Objection,
    PrincipleTest,
    Session,
)
from principles.models import AuditEvent, Membership, Principle
from tests.conftest import make_user

URL = "/signalen/"
POLICY_URL = "/signalen/regel/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
START = datetime(2026, 3, 15, 12, 0, tzinfo=AMSTERDAM)
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


def first_sentence(msgid):
    """The first sentence of a translated message: the page may wrap or escape the rest."""
    return gettext(msgid).split(". ")[0]


def close_url(signal):
    return f"/signalen/{signal.pk}/afsluiten/"


def person(username, organisation, unit, role="deelnemer"):
    """A member in an organisation unit, loaded fresh so nothing stale is cached."""
    user = make_user(username, organisation, role, username.title())
    Membership.objects.filter(user=user).update(unit=unit)
    return User.objects.get(pk=user.pk)


def new_session(organisation, leader, day=None, title="Casus"):
    session = Session.objects.create(
        organisation=organisation,
        title=title,
        facilitator=leader,
        created_by=leader,
        date=day or timezone.localdate(),
    )
    session.participants.set([leader])
    return session


def answer(participant, *, days_ago=0, negative=True, session=None, at=None):
    """A control answer saved ``days_ago`` days ago. Saved as positive first, then changed
    in the database, so the rule only runs when the dashboard is shown."""
    organisation = participant.membership.organisation
    session = session or new_session(organisation, participant)
    saved = ControlAnswer.objects.create(
        session=session, participant=participant, situation="prettig", stance="ja"
    )
    ControlAnswer.objects.filter(pk=saved.pk).update(
        situation="onprettig" if negative else "prettig",
        stance="nee" if negative else "ja",
        answered_at=at or timezone.now() - timedelta(days=days_ago),
    )
    return saved


def denied_events():
    return AuditEvent.objects.filter(result="denied").count()


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def vergunningen(org_a):
    return [person(f"v{i}", org_a, "Vergunningen") for i in range(1, 6)]


# --- the signal rule -------------------------------------------------------------------


def test_two_negative_answers_raise_no_signal_and_the_third_does(
    as_coordinator, org_a, vergunningen
):
    answer(vergunningen[0], days_ago=30)
    answer(vergunningen[1], days_ago=20)
    as_coordinator.get(URL)
    assert not Signal.objects.exists()

    answer(vergunningen[2], days_ago=10)
    response = as_coordinator.get(URL)

    signal = Signal.objects.get()
    assert (signal.organisation, signal.unit, signal.status, signal.count) == (
        org_a,
        "Vergunningen",
        Signal.Status.OPEN,
        3,
    )
    today = timezone.localdate()
    assert (signal.window_start, signal.window_end) == (today - timedelta(days=90), today)
    assert response.context["open_signals"] == [signal]
    assert gettext("Hold a conversation about structural causes.") in response.content.decode()


def test_a_raised_signal_is_audited_without_an_actor(as_coordinator, vergunningen):
    for participant in vergunningen[:3]:
        answer(participant, days_ago=5)
    as_coordinator.get(URL)
    event = AuditEvent.objects.get(action="signal.raise")
    signal = Signal.objects.get()
    assert (event.object_id, event.actor_id, event.ip_address, event.request_id) == (
        str(signal.pk),
        None,
        None,
        "",
    )
    assert event.detail == {"count": 3, "threshold": 3, "window_days": 90}


def test_only_unpleasant_situations_and_no_stances_are_negative(as_coordinator, vergunningen):
    session = new_session(vergunningen[0].membership.organisation, vergunningen[0])
    for participant, situation, stance in [
        (vergunningen[0], "pijnlijk", "twijfel"),
        (vergunningen[1], "pijnlijk", "ja"),
        (vergunningen[2], "prettig", "twijfel"),
    ]:
        ControlAnswer.objects.create(
            session=session, participant=participant, situation=situation, stance=stance
        )
    as_coordinator.get(URL)
    assert not Signal.objects.exists()
    for participant, situation, stance in [
        (vergunningen[3], "onprettig", "ja"),
        (vergunningen[4], "prettig", "nee"),
    ]:
        ControlAnswer.objects.create(
            session=session, participant=participant, situation=situation, stance=stance
        )
    ControlAnswer.objects.filter(participant=vergunningen[0]).update(situation="onprettig")
    as_coordinator.get(URL)
    assert Signal.objects.get().count == 3


def test_answers_outside_the_window_do_not_count(as_coordinator, vergunningen):
    answer(vergunningen[0], days_ago=91)
    answer(vergunningen[1], days_ago=89)
    answer(vergunningen[2], days_ago=1)
    as_coordinator.get(URL)
    assert not Signal.objects.exists()

    answer(vergunningen[3], days_ago=60)
    as_coordinator.get(URL)
    assert Signal.objects.get().count == 3


def test_each_unit_is_counted_on_its_own(as_coordinator, org_a, vergunningen):
    handhaving = [person(f"h{i}", org_a, "Handhaving") for i in range(3)]
    for participant in [*vergunningen[:2], *handhaving[:2]]:
        answer(participant, days_ago=3)
    as_coordinator.get(URL)
    assert not Signal.objects.exists()

    answer(handhaving[2], days_ago=2)
    as_coordinator.get(URL)
    assert list(Signal.objects.values_list("unit", "count")) == [("Handhaving", 3)]

    answer(vergunningen[2], days_ago=1)
    as_coordinator.get(URL)
    assert sorted(Signal.objects.values_list("unit", "count")) == [
        ("Handhaving", 3),
        ("Vergunningen", 3),
    ]


def test_members_without_a_unit_form_one_group(as_coordinator, org_a):
    loose = [person(f"los{i}", org_a, "") for i in range(3)]
    for participant in loose:
        answer(participant, days_ago=4)
    response = as_coordinator.get(URL)
    assert Signal.objects.get().unit == ""
    assert gettext("No unit given") in response.content.decode()


def test_a_unit_never_has_two_open_signals(as_coordinator, vergunningen):
    for participant in vergunningen[:3]:
        answer(participant, days_ago=10)
    as_coordinator.get(URL)
    answer(vergunningen[3], days_ago=1)
    answer(vergunningen[4], days_ago=1)
    as_coordinator.get(URL)
    as_coordinator.get(URL)
    assert Signal.objects.count() == 1
    assert AuditEvent.objects.filter(action="signal.raise").count() == 1


def test_after_closing_only_newer_answers_count(as_coordinator, vergunningen):
    for participant in vergunningen[:3]:
        answer(participant, days_ago=40)
    as_coordinator.get(URL)
    signal = Signal.objects.get()
    response = as_coordinator.post(close_url(signal), close_data(signal))
    assert response.status_code == 302
    # The conversation took place thirty days ago.
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - timedelta(days=30))

    answer(vergunningen[3], days_ago=35)  # before the closing: does not count
    answer(vergunningen[4], days_ago=20)
    as_coordinator.get(URL)
    assert Signal.objects.filter(status="open").count() == 0

    newer = [
        person(f"n{i}", vergunningen[0].membership.organisation, "Vergunningen") for i in (1, 2)
    ]
    answer(newer[0], days_ago=10)
    as_coordinator.get(URL)
    assert Signal.objects.filter(status="open").count() == 0
    answer(newer[1], days_ago=5)
    as_coordinator.get(URL)
    reopened = Signal.objects.get(status="open")
    assert reopened.count == 3
    assert reopened.window_start == timezone.localdate() - timedelta(days=30)


def test_a_changed_policy_applies_at_once(as_coordinator, coordinator, org_a, vergunningen):
    answer(vergunningen[0], days_ago=50)
    answer(vergunningen[1], days_ago=2)
    as_coordinator.get(URL)
    assert not Signal.objects.exists()

    response = as_coordinator.post(POLICY_URL, {"threshold": 2, "window_days": 30})
    assert response.status_code == 302
    as_coordinator.get(URL)
    assert not Signal.objects.exists()  # the first answer is older than 30 days

    as_coordinator.post(POLICY_URL, {"threshold": 2, "window_days": 60})
    as_coordinator.get(URL)
    assert Signal.objects.get().count == 2
    policy = SignalPolicy.objects.get(organisation=org_a)
    assert (policy.threshold, policy.window_days) == (2, 60)
    events = AuditEvent.objects.filter(action="signal.policy").order_by("id")
    assert [e.detail for e in events] == [
        {"threshold": 2, "window_days": 30},
        {"threshold": 2, "window_days": 60},
    ]
    assert {e.actor_id for e in events} == {coordinator.pk}


@pytest.mark.parametrize(
    "data",
    [
        {"threshold": 0, "window_days": 90},
        {"threshold": 3, "window_days": 0},
        {"threshold": "drie", "window_days": 90},
        {"threshold": 3, "window_days": 100000},
        {"threshold": "", "window_days": ""},
    ],
)
def test_a_wrong_policy_is_refused_and_nothing_is_saved(as_coordinator, org_a, data):
    response = as_coordinator.post(POLICY_URL, data)
    assert response.status_code == 422
    assert gettext("There is a problem") in response.content.decode()
    assert not SignalPolicy.objects.exists()
    assert not AuditEvent.objects.filter(action="signal.policy").exists()


def test_a_negative_answer_saved_on_the_control_page_raises_the_signal(client, org_a, vergunningen):
    for participant in vergunningen[:2]:
        answer(participant, days_ago=7)
    leader = vergunningen[2]
    session = new_session(org_a, leader)
    client.force_login(leader)
    response = client.post(
        f"/sessies/{session.pk}/controlevraag/",
        {"control-situation": "onprettig", "control-stance": "twijfel", "control-comment": ""},
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert (signal.unit, signal.count) == ("Vergunningen", 3)


def test_saving_a_negative_answer_evaluates_only_its_unit(org_a, vergunningen):
    other = [person(f"o{i}", org_a, "Handhaving") for i in range(3)]
    for participant in other:
        answer(participant, days_ago=1)  # changed in the database: no rule ran
    for participant in vergunningen[:3]:
        ControlAnswer.objects.create(
            session=new_session(org_a, participant),
            participant=participant,
            situation="onprettig",
            stance="nee",
        )
    assert list(Signal.objects.values_list("unit", flat=True)) == ["Vergunningen"]


# --- closing a signal ------------------------------------------------------------------


def close_data(signal, **changes):
    prefix = f"signal-{signal.pk}"
    data = {
        f"{prefix}-conversation_on": timezone.localdate().isoformat(),
        f"{prefix}-conversation": "Werkdruk en onduidelijke mandaten besproken.",
        f"{prefix}-outcome": "Mandaten worden op papier gezet; evaluatie over drie maanden.",
    }
    data.update({f"{prefix}-{key}": value for key, value in changes.items()})
    return data


@pytest.fixture
def open_signal(org_a):
    return Signal.objects.create(
        organisation=org_a,
        unit="Vergunningen",
        window_start=timezone.localdate() - timedelta(days=90),
        window_end=timezone.localdate(),
        count=3,
    )


def test_the_coordinator_records_the_conversation_and_the_signal_closes(
    as_coordinator, coordinator, open_signal
):
    response = as_coordinator.post(close_url(open_signal), close_data(open_signal))
    assert response.status_code == 302
    signal = Signal.objects.get(pk=open_signal.pk)
    assert signal.status == Signal.Status.CLOSED
    assert signal.conversation_on == timezone.localdate()
    assert signal.conversation == "Werkdruk en onduidelijke mandaten besproken."
    assert signal.outcome.startswith("Mandaten worden")
    assert (signal.closed_by, signal.closed_at is not None) == (coordinator, True)
    event = AuditEvent.objects.get(action="signal.close")
    assert (event.object_id, event.actor_id, event.result) == (
        str(signal.pk),
        coordinator.pk,
        "ok",
    )
    page = as_coordinator.get(URL).content.decode()
    assert "Mandaten worden op papier gezet" in page


@pytest.mark.parametrize(
    "changes",
    [
        {"conversation": ""},
        {"outcome": "   "},
        {"conversation_on": ""},
        {"conversation_on": "gisteren"},
        {"conversation_on": "2999-01-01"},
        {"conversation_on": "2000-01-01"},
        {"outcome": "x" * 5001},
        {"conversation": "nul\x00teken"},
    ],
)
def test_closing_needs_a_conversation_and_an_outcome(as_coordinator, open_signal, changes):
    response = as_coordinator.post(close_url(open_signal), close_data(open_signal, **changes))
    assert response.status_code == 422
    assert gettext("There is a problem") in response.content.decode()
    signal = Signal.objects.get(pk=open_signal.pk)
    assert (signal.status, signal.conversation, signal.outcome, signal.closed_at) == (
        "open",
        "",
        "",
        None,
    )
    assert not AuditEvent.objects.filter(action="signal.close").exists()


def test_the_database_refuses_a_closed_signal_without_a_conversation(open_signal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.filter(pk=open_signal.pk).update(status="gesloten")
    with pytest.raises(IntegrityError), transaction.atomic():
        Signal.objects.filter(pk=open_signal.pk).update(
            status="gesloten",
            conversation_on=timezone.localdate(),
            conversation="Besproken.",
            closed_at=timezone.now(),
        )


def test_closing_a_signal_twice_is_a_conflict_not_a_second_record(as_coordinator, open_signal):
    assert as_coordinator.post(close_url(open_signal), close_data(open_signal)).status_code == 302
    response = as_coordinator.post(
        close_url(open_signal), close_data(open_signal, outcome="Iets anders.")
    )
    assert response.status_code == 409
    assert (
        first_sentence(
            "A colleague has just closed this signal. Nothing was saved; read below"
            " what they recorded."
        )
        in response.content.decode()
    )
    assert Signal.objects.get(pk=open_signal.pk).outcome.startswith("Mandaten")
    assert AuditEvent.objects.filter(action="signal.close").count() == 1


def test_a_colleague_closing_first_makes_the_second_close_a_conflict(
    as_coordinator, open_signal, monkeypatch
):
    """Both coordinators loaded the open signal; the second one's save finds it closed."""
    from casebook import insight_views

    real = insight_views.get_signal_for_user

    def loaded_then_closed_by_a_colleague(user, pk):
        membership, signal = real(user, pk)
        Signal.objects.filter(pk=pk).update(
            status="gesloten",
            conversation_on=timezone.localdate(),
            conversation="Eerder besproken.",
            outcome="Al afgesproken.",
            closed_at=timezone.now(),
        )
        return membership, signal

    monkeypatch.setattr(insight_views, "get_signal_for_user", loaded_then_closed_by_a_colleague)
    response = as_coordinator.post(close_url(open_signal), close_data(open_signal))
    assert response.status_code == 409
    assert Signal.objects.get(pk=open_signal.pk).outcome == "Al afgesproken."
    assert not AuditEvent.objects.filter(action="signal.close").exists()


# --- who may see and close signals -----------------------------------------------------


@pytest.mark.parametrize("role", ["deelnemer", "gespreksleider", "beheerder"])
def test_other_roles_cannot_see_the_dashboard(client, org_a, open_signal, role):
    user = make_user("iemand", org_a, role, "Iemand")
    client.force_login(user)
    for method, url, data in [
        ("get", URL, None),
        ("post", POLICY_URL, {"threshold": 1, "window_days": 1}),
        ("post", close_url(open_signal), close_data(open_signal)),
    ]:
        before = denied_events()
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, url
        assert denied_events() == before + 1
    assert Signal.objects.get().status == "open"
    assert not SignalPolicy.objects.exists()


def test_a_manager_reads_the_dashboard_but_does_not_set_the_rule_or_close(
    client, manager, open_signal
):
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vergunningen" in page
    assert response.context["policy_form"] is None
    assert response.context["open_signals"][0].close_form is None
    assert 'action="/signalen/regel/"' not in page
    for url, data in [
        (POLICY_URL, {"threshold": 1, "window_days": 1}),
        (close_url(open_signal), close_data(open_signal)),
    ]:
        before = denied_events()
        assert client.post(url, data).status_code == 403
        assert denied_events() == before + 1
    assert Signal.objects.get().status == "open"


def test_another_organisation_sees_nothing_and_cannot_close(client, org_a, org_b, open_signal):
    outsider = make_user("coordinator_b", org_b, "integriteitscoordinator", "Bea")
    leader = person("leader_a", org_a, "Geheime afdeling")
    new_session(org_a, leader, title="Geheime casus")
    answer(leader, days_ago=1)
    client.force_login(outsider)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geheime afdeling" not in page and "Vergunningen" not in page
    assert response.context["open_signals"] == []
    assert sum(row["count"] for row in response.context["numbers"].sessions) == 0

    before = denied_events()
    response = client.post(close_url(open_signal), close_data(open_signal))
    assert response.status_code == 404
    event = AuditEvent.objects.filter(result="denied").latest("id")
    assert denied_events() == before + 1
    assert (event.action, event.organisation_id, event.object_id) == (
        "signal.close",
        org_a.pk,
        str(open_signal.pk),
    )
    assert Signal.objects.get().status == "open"


def test_an_unknown_signal_is_not_found_and_recorded(as_coordinator, org_a):
    before = denied_events()
    response = as_coordinator.post("/signalen/987654/afsluiten/", {})
    assert response.status_code == 404
    assert denied_events() == before + 1
    event = AuditEvent.objects.filter(result="denied").latest("id")
    assert (event.organisation_id, event.detail) == (org_a.pk, {"id": "987654"})


def test_the_dashboard_answers_only_get(as_coordinator):
    assert as_coordinator.post(URL, {}).status_code == 405
    assert as_coordinator.get(POLICY_URL).status_code == 405


# --- the numbers -----------------------------------------------------------------------


@pytest.fixture
def frozen():
    with time_machine.travel(START, tick=False):
        yield


@pytest.fixture
def constructed(frozen, org_a, org_b, facilitator):
    """Sessions, answers, excuses, measures, objections and principles around 15 March 2026:
    the last twelve months are April 2025 up to March 2026."""
    v1, v2, v3 = (person(f"v{i}", org_a, "Vergunningen") for i in (1, 2, 3))
    h1 = person("h1", org_a, "Handhaving")
    n1 = person("n1", org_a, "")
    s1 = new_session(org_a, facilitator, date(2026, 3, 2), "Eerste")
    s2 = new_session(org_a, facilitator, date(2026, 3, 10), "Tweede")
    s3 = new_session(org_a, facilitator, date(2026, 1, 20), "Derde")
    s4 = new_session(org_a, facilitator, date(2025, 4, 1), "Vierde")
    old = new_session(org_a, facilitator, date(2025, 3, 31), "Te oud")
    new_session(org_a, facilitator, date(2026, 3, 20), "Nog niet gehouden")
    elsewhere_leader = person("b1", org_b, "Vergunningen")
    elsewhere = new_session(org_b, elsewhere_leader, date(2026, 3, 1), "Elders")

    def at(day):
        return datetime(*day, 10, 0, tzinfo=AMSTERDAM)

    for who, where, negative, day in [
        (v1, s1, True, (2026, 3, 5)),
        (v2, s2, True, (2026, 3, 6)),
        (v3, s3, False, (2026, 2, 10)),
        (h1, s1, False, (2026, 2, 11)),
        (n1, s4, True, (2025, 12, 1)),
        (v1, old, True, (2025, 3, 1)),
        (elsewhere_leader, elsewhere, True, (2026, 3, 5)),
    ]:
        answer(who, session=where, negative=negative, at=at(day))

    for where, text in [
        (s1, "Dat doen we altijd zo."),
        (s2, "Zo doen we dat altijd!"),
        (s3, "dat DOEN we altijd zo"),
        (s1, "Geen tijd voor."),
        (old, "Dat doen we altijd zo."),
        (elsewhere, "Dat doen we altijd zo."),
    ]:
        Argument.objects.create(session=where, side="Y", category="S", text=text)

    p1, p2, p3 = Principle.objects.order_by("number")[:3]
    for where, principles in [(s1, [p1, p2]), (s2, [p1]), (elsewhere, [p3]), (old, [p3])]:
        argument = Argument.objects.create(session=where, side="X", category="B", text="B")
        argument.principles.set(principles)
    for where, principle, verdict in [
        (s1, p2, "onder_druk"),
        (s2, p2, "onder_druk"),
        (s3, p1, "dient"),
        (elsewhere, p3, "onder_druk"),
    ]:
        PrincipleTest.objects.create(session=where, principle=principle, verdict=verdict)

    measures = {}
    for key, where, due, status in [
        ("m1", s1, date(2026, 3, 14), "gepland"),
        ("m2", s2, date(2026, 3, 1), "in_uitvoering"),
        ("m3", s2, date(2026, 3, 1), "gereed"),
        ("m4", s3, date(2026, 3, 16), "gepland"),
        ("m5", s3, None, "gepland"),
        ("m6", s4, date(2026, 2, 1), "gepland"),
        ("m7", elsewhere, date(2026, 2, 1), "gepland"),
    ]:
        measures[key] = CompensationMeasure.objects.create(
            session=where, action=f"Maatregel {key}", due_date=due, status=status
        )
    records.finalise(s4, by=facilitator)

    for where, handling, reason in [
        (s1, "terzijde", "Niet relevant voor dit besluit."),
        (s2, "terzijde", "Al eerder gewogen."),
        (s2, "meegewogen", "Meegenomen."),
        (s3, "open", ""),
        (elsewhere, "terzijde", "Elders terzijde."),
    ]:
        objection = Objection.objects.create(session=where, step=5, text=f"Bezwaar {reason}")
        if handling != "open":
            objection.record_handling(handling, reason, facilitator)
    return {
        "sessions": (s1, s2, s3, s4),
        "measures": measures,
        "principles": (p1, p2, p3),
    }


def months_table(rows):
    return {row["label"]: row for row in rows}


def test_sessions_are_counted_per_month_of_the_last_year(as_coordinator, constructed):
    numbers = as_coordinator.get(URL).context["numbers"]
    counts = [(row["month"], row["count"]) for row in numbers.sessions]
    assert counts[0] == (date(2025, 4, 1), 1)
    assert counts[-1] == (date(2026, 3, 1), 2)
    assert len(counts) == 12
    assert dict(counts)[date(2026, 1, 1)] == 1
    assert sum(count for _month, count in counts) == 4


def test_negative_answers_are_shared_out_by_unit_and_month(as_coordinator, constructed):
    numbers = as_coordinator.get(URL).context["numbers"]
    units = {row["label"]: (row["negative"], row["total"], row["share"]) for row in numbers.units}
    assert units == {
        gettext("No unit given"): (1, 1, 100),
        "Vergunningen": (2, 3, 67),
        "Handhaving": (0, 1, 0),
    }
    assert [row["label"] for row in numbers.units][:2] == [gettext("No unit given"), "Vergunningen"]
    months = {row["label"]: (row["negative"], row["total"]) for row in numbers.months}
    march, february, december = (
        numbers.months[-1]["label"],
        numbers.months[-2]["label"],
        numbers.months[-4]["label"],
    )
    assert (months[march], months[february], months[december]) == ((2, 2), (0, 2), (1, 1))
    assert sum(total for _negative, total in months.values()) == 5
    assert numbers.months[0]["share"] is None


def test_recurring_excuses_are_grouped_by_their_key_words(as_coordinator, constructed):
    response = as_coordinator.get(URL)
    excuses = response.context["numbers"].excuses
    assert [(g["count"], g["sessions"]) for g in excuses["groups"]] == [(3, 3)]
    assert excuses["groups"][0]["text"] in {
        "Dat doen we altijd zo.",
        "Zo doen we dat altijd!",
        "dat DOEN we altijd zo",
    }
    assert excuses["words"] == [{"word": "altijd", "count": 3}, {"word": "doen", "count": 3}]
    assert excuses["read"] == 4


def test_overdue_measures_are_listed_with_a_link_to_the_record(as_coordinator, constructed):
    response = as_coordinator.get(URL)
    overdue = response.context["numbers"].overdue
    s1, s2, _s3, s4 = constructed["sessions"]
    m = constructed["measures"]
    assert [measure.pk for measure in overdue["listed"]] == [m["m6"].pk, m["m2"].pk, m["m1"].pk]
    assert overdue["total"] == 3
    assert [measure.days_overdue for measure in overdue["listed"]] == [42, 14, 1]
    page = response.content.decode()
    assert f'href="/sessies/{s4.pk}/besluit/"' in page
    assert f'href="/sessies/{s2.pk}/stap/7/"' in page
    assert f'href="/sessies/{s1.pk}/stap/7/"' in page


def test_objections_set_aside_are_counted_and_listed(as_coordinator, constructed):
    response = as_coordinator.get(URL)
    objections = response.context["numbers"].objections
    assert (objections["raised"], objections["handled"], objections["set_aside"]) == (4, 3, 2)
    assert {o.handling_reason for o in objections["listed"]} == {
        "Niet relevant voor dit besluit.",
        "Al eerder gewogen.",
    }
    assert "Elders terzijde." not in response.content.decode()


def test_the_principles_most_at_stake_come_first(as_coordinator, constructed):
    rows = as_coordinator.get(URL).context["numbers"].principles
    p1, p2, p3 = constructed["principles"]
    assert [(r["principle"], r["arguments"], r["pressure"]) for r in rows[:3]] == [
        (p2, 1, 2),
        (p1, 2, 0),
        (p3, 0, 0),
    ]
    assert len(rows) == 7


def test_every_number_is_also_in_a_data_table(as_coordinator, constructed):
    page = as_coordinator.get(URL).content.decode()
    assert page.count("<caption>") >= 7
    assert '<th scope="row">Vergunningen</th><td>3</td><td>2</td><td>67%</td>' in page
    assert '<th scope="col">' in page


# --- the charts ------------------------------------------------------------------------


def svgs(response):
    return SVG.findall(response.content.decode())


def test_every_chart_is_well_formed_svg_with_a_title_and_a_description(as_coordinator, constructed):
    found = svgs(as_coordinator.get(URL))
    assert len(found) == 5
    ns = "{http://www.w3.org/2000/svg}"
    for markup in found:
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.findall(f".//{ns}text"), "direct labels"


def test_labels_in_charts_are_escaped(as_coordinator, org_a):
    hostile = person("x", org_a, '<script>alert("x")</script> & \x07co')
    answer(hostile, days_ago=3)
    response = as_coordinator.get(URL)
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content
    ns = "{http://www.w3.org/2000/svg}"
    labels = []
    for markup in svgs(response):
        root = ET.fromstring(markup)  # the control character was dropped: still XML
        labels += [node.text for node in root.iter(f"{ns}text")]
    assert any(label and label.startswith('<script>alert("x")') for label in labels)


def test_a_chart_with_two_series_uses_a_pattern_and_a_legend():
    markup = charts.bar_chart(
        chart_id="chart-test",
        title="Twee & meer",
        description="Beschrijving <b>",
        rows=[charts.Row("Eén", [3, 1]), charts.Row("Twee", [0, 2])],
        series=[charts.Series("Eerste"), charts.Series("Tweede", hatched=True)],
    )
    root = ET.fromstring(str(markup))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Twee & meer"
    assert root.find(f"{ns}desc").text == "Beschrijving <b>"
    assert root.find(f".//{ns}pattern").get("id") == "chart-test-hatch"
    fills = [rect.get("fill") for rect in root.iter(f"{ns}rect") if rect.get("height") == "20"]
    assert "url(#chart-test-hatch)" in fills
    texts = [node.text for node in root.iter(f"{ns}text")]
    assert "Eerste" in texts and "Tweede" in texts
    assert texts.count("0") == 1  # a zero bar still says its value


def test_a_chart_refuses_an_id_that_could_break_the_markup():
    with pytest.raises(ValueError):
        charts.bar_chart(chart_id='x" onload="y', title="t", description="d", rows=[])


# --- a bounded number of queries -------------------------------------------------------


def fill(org, leader, n):
    principle = Principle.objects.first()
    for i in range(n):
        participant = person(f"p{i}", org, f"Team {i}")
        session = new_session(org, leader, title=f"S{i}")
        answer(participant, session=session, days_ago=i)
        argument = Argument.objects.create(session=session, side="X", category="S", text=f"E{i}")
        argument.principles.add(principle)
        PrincipleTest.objects.create(session=session, principle=principle, verdict="onder_druk")
        CompensationMeasure.objects.create(
            session=session, action=f"M{i}", due_date=date(2020, 1, 1)
        )
        objection = Objection.objects.create(session=session, step=2, text=f"O{i}")
        objection.record_handling("terzijde", "Reden", leader)
    Signal.objects.create(
        organisation=org,
        unit="Oud",
        window_start=date(2020, 1, 1),
        window_end=date(2020, 3, 1),
        count=3,
        status="gesloten",
        conversation_on=date(2020, 3, 2),
        conversation="Gesprek",
        outcome="Afspraak",
        closed_at=timezone.now(),
    )


@pytest.mark.parametrize("n", [1, 9])
def test_the_dashboard_uses_a_fixed_number_of_queries(
    as_coordinator, org_a, facilitator, n, django_assert_num_queries
):
    fill(org_a, facilitator, n)
    # 1 the login session, 2 the user, 3 the membership with its organisation;
    # the rule: 4 the policy, 5 the negative answers of the window, 6 per unit whether a
    # signal is open and when the last one closed; 7 the open signals, 8 the closed ones;
    # the numbers: 9 sessions per month, 10 answers per unit and month, 11 the excuses,
    # 12 the overdue measures, 13 objections per handling, 14 the objections set aside,
    # 15 arguments per principle, 16 principle tests under pressure, 17 the principles.
    with django_assert_num_queries(17):
        response = as_coordinator.get(URL)
    assert response.status_code == 200
    assert not Signal.objects.filter(status="open").exists()
