from django.utils.translation import gettext as _

from deliberation.models import ApplicableRule, Fact, InformationNeed
from tests.helpers import add_data, main_data, step_url


def test_a_rule_needs_the_moral_question_answered(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/rules/",
        add_data("rules", title="Omgevingswet", verdict="ja", assessment=""),
    )
    assert response.status_code == 422
    assert not ApplicableRule.objects.exists()


def test_rules_are_rules_is_not_an_answer(as_member, session):
    for answer in ("Regels zijn regels.", "regels zijn regels", "De regels zijn de regels!"):
        response = as_member.post(
            f"/sessies/{session.pk}/rules/",
            add_data("rules", title="Omgevingswet", verdict="ja", assessment=answer),
        )
        assert response.status_code == 422
        assert (
            _(
                "“Rules are rules” is not an answer. Explain why applying this rule is right "
                "or not right in this situation."
            )
            in response.content.decode()
        )
    assert not ApplicableRule.objects.exists()


def test_it_records_rules_facts_and_information_needs(as_member, session):
    as_member.post(
        f"/sessies/{session.pk}/rules/",
        add_data(
            "rules",
            title="Omgevingswet",
            verdict="twijfel",
            assessment="Letterlijk toepassen raakt de omwonenden onevenredig.",
        ),
    )
    as_member.post(
        f"/sessies/{session.pk}/facts/",
        add_data("facts", text="De molens komen op 400 meter.", source="Plan"),
    )
    as_member.post(
        f"/sessies/{session.pk}/needs/",
        add_data(
            "needs", question="Wat is de geluidsbelasting?", assignee="Milieudienst", status="open"
        ),
    )
    assert ApplicableRule.objects.get().verdict == "twijfel"
    assert Fact.objects.get().source == "Plan"
    assert InformationNeed.objects.get().assignee == "Milieudienst"
    page = as_member.get(step_url(session, 4)).content.decode()
    assert "Wat is de geluidsbelasting?" in page and "Milieudienst" in page


def test_the_facts_step_is_complete_with_a_fact_and_a_judgement(as_member, session):
    as_member.post(f"/sessies/{session.pk}/facts/", add_data("facts", text="Feit"))
    assert as_member.get(f"/sessies/{session.pk}/").context["steps"][3]["complete"] is False
    as_member.post(step_url(session, 4), main_data(facts_sufficient="deels"))
    assert as_member.get(f"/sessies/{session.pk}/").context["steps"][3]["complete"] is True


def test_an_empty_fact_is_refused(as_member, session):
    response = as_member.post(f"/sessies/{session.pk}/facts/", add_data("facts", text="   "))
    assert response.status_code == 422
    assert _("Write down the fact.") in response.content.decode()
    assert not Fact.objects.exists()
