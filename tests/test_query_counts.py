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

# Every session page starts with: 1 the login session, 2 the user, 3 the membership
# with its organisation, 4 the session with its facilitator and creator and whether the
# user takes part, 5 the counts that tell which steps are complete (one raw query).
# Step pages then add 6 the user's drafts and 7 the objections of the step with their
# authors.
PINNED = {
    "stap/1/": 7,  # nothing more: the form is filled from the session itself
    "stap/2/": 8,  # 8 the stakeholders
    "stap/3/": 7,
    "stap/4/": 10,  # 8 rules, 9 facts, 10 information needs
    # 8 arguments with their stakeholder, 9-11 their principles, R's and core values,
    # 12-14 the choices (principles, R's, core values), 15 the stakeholders
    "stap/5/": 15,
    # 8 arguments, 9-11 their principles, R's, core values, 12 principles, 13 R's,
    # 14 the R judgements, 15 the principle tests, 16 the precedents recorded with their
    # earlier sessions, 17 the session's principles and core values, 18 recent earlier
    # cases sharing one of them, 19 recent earlier cases sharing a key word (none here;
    # see the test below)
    "stap/6/": 19,
    "stap/7/": 9,  # 8 the measures with their stakeholder, 9 the stakeholders (choices)
    "controlevraag/": 9,  # 8 the user's own answer, 9 all answers (counts only)
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


@pytest.mark.parametrize("n", [1, 6])
def test_step_6_with_similar_earlier_cases_uses_a_fixed_number_of_queries(
    as_member, session, member, facilitator, n, django_assert_num_queries
):
    from casebook.models import Precedent
    from tests.test_casebook_search import make_case

    fill(session, member, 2)
    principle = Principle.objects.first()
    for i in range(n):
        earlier = make_case(
            session.organisation,
            facilitator,
            f"Windmolens {i}",
            "Vergunning voor windmolens bij de dijk",
            arguments=[("X", "B", "Energie", [principle.code], [])],
        )
        Precedent.objects.create(
            session=session, earlier=earlier, stance="volgt", reason="x", created_by=facilitator
        )
    # 1-19 as for step 6 above, then 20 the shared principles and core values of the
    # candidates, 21 their text similarity, 22 the rows of the five most similar cases
    with django_assert_num_queries(22):
        response = as_member.get(f"/sessies/{session.pk}/stap/6/")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_the_overview_uses_a_fixed_number_of_queries(
    as_member, session, member, n, django_assert_num_queries
):
    fill(session, member, n)
    session.chosen_option = "X"
    session.save()
    # 1-5 as above, 6 arguments with their stakeholder, 7-9 their principles, R's and
    # core values, 10 control answers, 11 participants, 12 stakeholders, 13 rules, 14 facts,
    # 15 information needs, 16 R judgements, 17 principle tests, 18 measures, 19 objections,
    # 20 whether the session has a finalised record
    with django_assert_num_queries(20):
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
