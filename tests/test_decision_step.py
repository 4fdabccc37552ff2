import pytest
from django.utils.translation import gettext as _

from deliberation.models import Argument, PrincipleTest, RJudgement, Session
from principles.models import Principle, RCriterion
from tests.helpers import main_data, step_url


@pytest.fixture
def arguments(session):
    def make(side, category, text):
        return Argument.objects.create(session=session, side=side, category=category, text=text)

    return {
        "xb": make("X", "B", "Iedereen heeft recht op schone energie."),
        "xg": make("X", "G", "Lagere energierekening voor het dorp."),
        "xs": make("X", "S", "Dat doen andere gemeenten ook."),
        "yb": make("Y", "B", "Bewoners hebben recht op een gezonde woonomgeving."),
        "yg": make("Y", "G", "Minder geluidsoverlast."),
    }


def full_touchstone():
    data = {}
    for criterion in RCriterion.objects.all():
        data[f"r_{criterion.code}"] = "houdt_stand"
    for principle in Principle.objects.all():
        data[f"p_{principle.code}"] = "dient"
    return data


def decide(client, session, **fields):
    return client.post(step_url(session, 6), main_data(**fields))


def test_an_excuse_can_never_be_decisive(as_member, session, arguments):
    response = decide(
        as_member,
        session,
        chosen_option="X",
        decisive=[arguments["xs"].pk],
        reasoning="Zo doen we het.",
    )
    assert response.status_code == 422
    assert "(S)" in response.content.decode()
    assert _("There is a problem") in response.content.decode()
    assert not Argument.objects.filter(decisive=True).exists()
    session.refresh_from_db()
    assert session.chosen_option == ""


def test_a_decisive_consequence_against_a_principle_needs_a_justification(
    as_member, session, arguments
):
    response = decide(
        as_member,
        session,
        chosen_option="X",
        decisive=[arguments["xg"].pk],
        reasoning="Het scheelt geld.",
    )
    assert response.status_code == 422
    assert not Argument.objects.filter(decisive=True).exists()

    response = decide(
        as_member,
        session,
        chosen_option="X",
        decisive=[arguments["xg"].pk],
        reasoning="Het scheelt geld.",
        g_over_b_justification="De energiearmoede in het dorp is acuut.",
    )
    assert response.status_code == 302
    assert list(Argument.objects.filter(decisive=True)) == [arguments["xg"]]


def test_a_decisive_argument_must_support_the_chosen_option(as_member, session, arguments):
    response = decide(
        as_member, session, chosen_option="X", decisive=[arguments["yb"].pk], reasoning="r"
    )
    assert response.status_code == 422
    assert not Argument.objects.filter(decisive=True).exists()


def test_a_third_way_must_be_described(as_member, session, arguments):
    response = decide(
        as_member, session, chosen_option="derde", decisive=[arguments["xb"].pk], reasoning="r"
    )
    assert response.status_code == 422
    assert _("Describe the third way you choose.") in response.content.decode()


def test_an_argument_of_another_session_cannot_be_decisive(
    as_member, session, arguments, org_a, facilitator
):
    other = Session.objects.create(
        organisation=org_a, title="Ander", facilitator=facilitator, created_by=facilitator
    )
    foreign = Argument.objects.create(session=other, side="X", category="B", text="Elders")
    response = decide(as_member, session, chosen_option="X", decisive=[foreign.pk], reasoning="r")
    assert response.status_code == 422
    foreign.refresh_from_db()
    assert foreign.decisive is False


def test_a_complete_decision_with_the_touchstone_decides_the_session(as_member, session, arguments):
    response = decide(
        as_member,
        session,
        chosen_option="Y",
        decisive=[arguments["yb"].pk],
        reasoning="Het recht op een gezonde woonomgeving weegt het zwaarst.",
        **{"r_rechtvaardigheid_note": "Proportioneel."},
        **full_touchstone(),
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.DECIDED
    assert session.decided_at is not None
    assert RJudgement.objects.filter(session=session).count() == 3
    assert PrincipleTest.objects.filter(session=session).count() == 7
    assert RJudgement.objects.get(criterion__code="rechtvaardigheid").note == "Proportioneel."
    page = as_member.get(f"/sessies/{session.pk}/")
    assert page.context["steps"][5]["complete"] is True


def test_an_incomplete_touchstone_saves_but_does_not_decide(as_member, session, arguments):
    response = decide(
        as_member,
        session,
        chosen_option="Y",
        decisive=[arguments["yb"].pk],
        reasoning="r",
        p_legitimiteit="onder_druk",
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.IN_PROGRESS
    assert PrincipleTest.objects.get().verdict == "onder_druk"


def test_deleting_the_decisive_argument_undoes_the_decision(as_member, session, arguments):
    decide(
        as_member,
        session,
        chosen_option="Y",
        decisive=[arguments["yb"].pk],
        reasoning="r",
        **full_touchstone(),
    )
    session.refresh_from_db()
    assert session.status == Session.Status.DECIDED
    as_member.post(f"/sessies/{session.pk}/arguments/{arguments['yb'].pk}/verwijderen/")
    session.refresh_from_db()
    assert session.status == Session.Status.IN_PROGRESS


def test_an_unknown_verdict_is_refused(as_member, session, arguments):
    response = decide(as_member, session, chosen_option="Y", p_legitimiteit="geweldig")
    assert response.status_code == 422
    assert not PrincipleTest.objects.exists()
