"""Query counts of every step page, pinned and independent of how much a session holds."""

import pytest

from deliberation.models import (
    ApplicableRule,
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    Stakeholder,
)
from principles.models import Principle, RCriterion

# Every logged-in page starts with: 1 the login session, 2 the user,
# 3 the membership with its organisation, 4 the session with its progress
# annotations, facilitator and creator. Step pages then add 5 the user's drafts and
# 6 the objections of the step with their authors.
PINNED = {
    "stap/1/": 6,  # nothing more: the form is filled from the session itself
    "stap/2/": 7,  # 7 the stakeholders
    "stap/3/": 6,
    "stap/4/": 9,  # 7 rules, 8 facts, 9 information needs
    # 7 arguments with their stakeholder, 8-10 their principles, R's and core values,
    # 11-13 the choices (principles, R's, core values), 14 the stakeholders
    "stap/5/": 14,
    # 7 arguments, 8-10 their principles, R's, core values, 11 principles, 12 R's,
    # 13 the R judgements, 14 the principle tests
    "stap/6/": 14,
    "stap/7/": 8,  # 7 the measures with their stakeholder, 8 the stakeholders (choices)
    "controlevraag/": 8,  # 7 the user's own answer, 8 all answers (counts only)
}


def fill(session, member, n):
    principle = Principle.objects.first()
    criterion = RCriterion.objects.first()
    value = session.organisation.core_values.first()
    for i in range(n):
        stakeholder = Stakeholder.objects.create(session=session, name=f"S{i}", kind="burgers")
        argument = Argument.objects.create(
            session=session, side="XY"[i % 2], category="B", text=f"A{i}", stakeholder=stakeholder
        )
        argument.principles.add(principle)
        argument.r_criteria.add(criterion)
        argument.core_values.add(value)
        Fact.objects.create(session=session, text=f"F{i}")
        ApplicableRule.objects.create(
            session=session, title=f"R{i}", verdict="ja", assessment="Terecht"
        )
        InformationNeed.objects.create(session=session, question=f"Q{i}")
        CompensationMeasure.objects.create(session=session, action=f"M{i}", stakeholder=stakeholder)
        for step in range(1, 9):
            Objection.objects.create(session=session, step=step, text=f"O{i}", author=member)
    ControlAnswer.objects.create(
        session=session, participant=member, situation="prettig", stance="ja"
    )


@pytest.mark.parametrize("n", [2, 12])
@pytest.mark.parametrize("page", sorted(PINNED))
def test_step_pages_use_a_fixed_number_of_queries(
    as_member, session, member, page, n, django_assert_num_queries
):
    fill(session, member, n)
    with django_assert_num_queries(PINNED[page]):
        response = as_member.get(f"/sessies/{session.pk}/{page}")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_the_overview_uses_a_fixed_number_of_queries(
    as_member, session, member, n, django_assert_num_queries
):
    fill(session, member, n)
    session.chosen_option = "X"
    session.save()
    # 1-4 as above, 5 arguments with their stakeholder, 6-8 their principles, R's and
    # core values, 9 control answers, 10 participants, 11 stakeholders, 12 rules, 13 facts,
    # 14 information needs, 15 R judgements, 16 principle tests, 17 measures, 18 objections
    with django_assert_num_queries(18):
        response = as_member.get(f"/sessies/{session.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_the_home_page_uses_a_fixed_number_of_queries(
    as_member, session, member, org_a, facilitator, n, django_assert_num_queries
):
    from deliberation.models import Session

    for i in range(n):
        extra = Session.objects.create(
            organisation=org_a, title=f"S{i}", facilitator=facilitator, created_by=facilitator
        )
        extra.participants.add(member)
    # 1 login session, 2 user, 3 membership, 4 sessions with facilitator and counts
    with django_assert_num_queries(4):
        response = as_member.get("/")
    assert response.status_code == 200
