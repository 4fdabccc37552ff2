"""Precedents at step 6: similar earlier decisions of the organisation, and recording
whether the group follows or deliberately deviates from one, with a reason."""

import io
import json

import pytest
from django.utils.translation import gettext
from pypdf import PdfReader

from casebook import records
from casebook.models import Precedent
from deliberation.models import Argument
from principles.models import AuditEvent, Principle
from tests.helpers import HTMX
from tests.test_casebook_search import make_case


@pytest.fixture
def earlier(org_a, facilitator):
    principle = Principle.objects.order_by("number").first()
    return make_case(
        org_a,
        facilitator,
        "Windmolens bij het dorp",
        "Geven we een vergunning voor windmolens bij de dijk?",
        arguments=[("X", "B", "Duurzame energie", [principle.code], ["Openheid"])],
    )


@pytest.fixture
def foreign(org_b):
    from tests.conftest import make_user

    leader = make_user("b-lead", org_b, "gespreksleider", "Bo")
    return make_case(org_b, leader, "Windmolens in Bedeland", "Vergunning voor windmolens")


@pytest.fixture
def as_facilitator(client, facilitator):
    client.force_login(facilitator)
    return client


def url(session):
    return f"/sessies/{session.pk}/precedenten/"


def test_step_6_shows_similar_earlier_decisions_of_the_organisation_only(
    as_facilitator, session, earlier, foreign
):
    response = as_facilitator.get(f"/sessies/{session.pk}/stap/6/")
    similar = [case.pk for case in response.context["similar_cases"]]
    assert similar == [earlier.pk]
    content = response.content.decode()
    assert f'href="/casebook/{earlier.pk}/"' in content
    assert "Windmolens in Bedeland" not in content


def test_shared_principles_bring_a_case_without_shared_words(
    as_facilitator, session, org_a, facilitator
):
    principle = Principle.objects.order_by("number").first()
    other = make_case(
        org_a,
        facilitator,
        "Iets heel anders",
        "Geen gemeenschappelijke woorden",
        arguments=[("X", "B", "Iets", [principle.code], [])],
    )
    argument = Argument.objects.create(session=session, side="X", category="B", text="Zo")
    argument.principles.add(principle)
    response = as_facilitator.get(f"/sessies/{session.pk}/stap/6/")
    assert other.pk in [case.pk for case in response.context["similar_cases"]]


def test_the_group_records_that_it_follows_a_precedent(as_facilitator, session, earlier):
    response = as_facilitator.post(
        url(session), {"earlier": earlier.pk, "stance": "volgt", "reason": "Zelfde situatie"}
    )
    assert response.status_code == 302
    precedent = Precedent.objects.get(session=session)
    assert (precedent.earlier_id, precedent.stance) == (earlier.pk, "volgt")
    assert AuditEvent.objects.filter(action="precedent.create", session_id=session.pk).exists()


def test_with_htmx_only_the_precedents_region_comes_back(as_facilitator, session, earlier):
    response = as_facilitator.post(
        url(session),
        {"earlier": earlier.pk, "stance": "wijkt_af", "reason": "Andere feiten"},
        **HTMX,
    )
    assert response.status_code == 200
    assert b'id="precedents"' in response.content
    assert b"<html" not in response.content
    assert b'data-stance="wijkt_af"' in response.content


def test_a_reason_is_required(as_facilitator, session, earlier):
    response = as_facilitator.post(
        url(session), {"earlier": earlier.pk, "stance": "volgt", "reason": "  "}
    )
    assert response.status_code == 422
    assert not Precedent.objects.exists()
    full = as_facilitator.post(url(session), {"earlier": earlier.pk, "stance": "volgt"}, **HTMX)
    assert full.status_code == 422
    assert b'id="precedents"' in full.content


@pytest.mark.parametrize("bad", ["abc", "-1", "", "99999"])
def test_the_earlier_case_must_exist(as_facilitator, session, earlier, bad):
    response = as_facilitator.post(url(session), {"earlier": bad, "stance": "volgt", "reason": "x"})
    assert response.status_code == 422
    assert not Precedent.objects.exists()


def test_another_organisations_case_cannot_be_a_precedent(
    as_facilitator, session, earlier, foreign
):
    response = as_facilitator.post(
        url(session), {"earlier": foreign.pk, "stance": "volgt", "reason": "x"}
    )
    assert response.status_code == 422
    assert not Precedent.objects.exists()
    assert "Bedeland" not in response.content.decode()


def test_an_unfinalised_session_cannot_be_a_precedent(as_facilitator, session, org_a, facilitator):
    from deliberation.models import Session

    draft = Session.objects.create(
        organisation=org_a, title="Concept", facilitator=facilitator, created_by=facilitator
    )
    response = as_facilitator.post(
        url(session), {"earlier": draft.pk, "stance": "volgt", "reason": "x"}
    )
    assert response.status_code == 422


def test_the_same_precedent_is_recorded_once(as_facilitator, session, earlier):
    data = {"earlier": earlier.pk, "stance": "volgt", "reason": "x"}
    as_facilitator.post(url(session), data)
    response = as_facilitator.post(url(session), data)
    assert response.status_code == 422
    assert Precedent.objects.count() == 1


def test_a_precedent_can_be_removed(as_facilitator, session, earlier, facilitator):
    precedent = Precedent.objects.create(
        session=session, earlier=earlier, stance="volgt", reason="x", created_by=facilitator
    )
    response = as_facilitator.post(f"{url(session)}{precedent.pk}/verwijderen/", **HTMX)
    assert response.status_code == 200
    assert not Precedent.objects.exists()
    assert AuditEvent.objects.filter(action="precedent.delete").exists()


def test_a_precedent_of_another_session_cannot_be_removed_through_this_one(
    as_facilitator, session, earlier, facilitator, org_a
):
    from deliberation.models import Session

    other = Session.objects.create(
        organisation=org_a, title="Ander", facilitator=facilitator, created_by=facilitator
    )
    precedent = Precedent.objects.create(
        session=other, earlier=earlier, stance="volgt", reason="x", created_by=facilitator
    )
    response = as_facilitator.post(f"{url(session)}{precedent.pk}/verwijderen/")
    assert response.status_code == 404
    assert Precedent.objects.filter(pk=precedent.pk).exists()


def test_precedents_are_part_of_the_record_and_its_page(
    as_facilitator, session, earlier, facilitator
):
    Precedent.objects.create(
        session=session,
        earlier=earlier,
        stance="wijkt_af",
        reason="Andere feiten",
        created_by=facilitator,
    )
    version = records.finalise(session, by=facilitator)
    data = json.loads(version.canonical_json)
    assert data["precedents"] == [
        {
            "session": earlier.pk,
            "title": "Windmolens bij het dorp",
            "stance": "wijkt_af",
            "reason": "Andere feiten",
        }
    ]
    response = as_facilitator.get(f"/sessies/{session.pk}/besluit/")
    assert f'data-precedent-session="{earlier.pk}"' in response.content.decode()
    pdf = as_facilitator.get(f"/sessies/{session.pk}/besluit/v1/pdf/")
    assert pdf.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Windmolens bij het dorp" in text
    assert "Andere feiten" in text
    assert gettext("We deliberately deviate from it") in text


def test_a_member_who_cannot_edit_is_refused(client, bystander, session, earlier):
    client.force_login(bystander)
    response = client.post(url(session), {"earlier": earlier.pk, "stance": "volgt", "reason": "x"})
    assert response.status_code == 404
    assert not Precedent.objects.exists()
    assert AuditEvent.objects.filter(result="denied").count() == 1
