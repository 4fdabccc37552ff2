"""Vaststellen: finalising a decided session into immutable, numbered record versions."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _

from casebook import records
from casebook.models import ImmutableRecordError, RecordVersion
from deliberation.models import CompensationMeasure, Session, Stakeholder
from tests.helpers import add_data, main_data, step_url


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def decided(demo):
    return Session.objects.get(title="Windmolens bij Oosterhoek")


@pytest.fixture
def as_leader(client, decided):
    client.force_login(decided.facilitator)
    return client


def test_the_facilitator_finalises_a_decided_session(as_leader, decided):
    page = as_leader.get(f"/sessies/{decided.pk}/vaststellen/")
    assert page.status_code == 200
    response = as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    assert response["Location"] == f"/sessies/{decided.pk}/besluit/"
    version = RecordVersion.objects.get(session=decided)
    assert version.number == 1 and version.supersedes is None
    assert version.finalised_by == decided.facilitator
    data = json.loads(version.canonical_json)
    assert data["schema"] == "toetssteen.besluit/1"
    assert data["session"]["title"] == "Windmolens bij Oosterhoek"
    assert len(data["arguments"]) == decided.arguments.count()
    assert {a["category"] for a in data["arguments"]} <= {"B", "G", "S"}
    assert data["decision"]["decisive_arguments"]
    assert records.sha256(version.canonical_json) == version.sha256
    decided.refresh_from_db()
    assert decided.status == Session.Status.FINALISED
    record_page = as_leader.get(f"/sessies/{decided.pk}/besluit/").content.decode()
    assert version.sha256 in record_page


def test_a_manager_of_the_organisation_may_finalise(client, decided):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="manager.lindeveen"))
    assert client.post(f"/sessies/{decided.pk}/vaststellen/").status_code == 302
    assert RecordVersion.objects.filter(session=decided).exists()


def test_a_participant_may_not_finalise(client, decided):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="deelnemer.lindeveen"))
    assert client.post(f"/sessies/{decided.pk}/vaststellen/").status_code == 404
    assert not RecordVersion.objects.filter(session=decided).exists()


def test_finalising_an_incomplete_session_says_which_steps_are_missing(as_facilitator, session):
    response = as_facilitator.post(f"/sessies/{session.pk}/vaststellen/")
    assert response.status_code == 422
    body = response.content.decode()
    assert _("This session cannot be finalised yet. Still missing:") in body
    for name in (_("Stakeholders"), _("Arguments"), _("Compensation"), _("Control question")):
        assert name in body
    assert not RecordVersion.objects.exists()


def test_after_finalising_the_session_cannot_change(as_leader, decided):
    as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    before = RecordVersion.objects.get(session=decided).canonical_json
    assert (
        as_leader.post(
            step_url(decided, 1), main_data(decided.version_1, option_x="Iets anders")
        ).status_code
        == 403
    )
    assert (
        as_leader.post(
            f"/sessies/{decided.pk}/stakeholders/",
            add_data("stakeholders", name="Nieuw", kind="burgers"),
        ).status_code
        == 403
    )
    decided.refresh_from_db()
    assert decided.option_x != "Iets anders"
    assert not Stakeholder.objects.filter(session=decided, name="Nieuw").exists()
    assert RecordVersion.objects.get(session=decided).canonical_json == before


def test_a_record_version_cannot_be_changed_or_deleted_in_code(decided):
    version = records.finalise(decided, by=decided.facilitator)
    version.reason = "Stiekem aangepast"
    with pytest.raises(ImmutableRecordError):
        version.save()
    with pytest.raises(ImmutableRecordError):
        version.delete()
    with pytest.raises(ImmutableRecordError):
        RecordVersion.objects.filter(pk=version.pk).update(reason="x")
    with pytest.raises(ImmutableRecordError):
        RecordVersion.objects.filter(pk=version.pk).delete()
    fresh = RecordVersion.objects.get(pk=version.pk)
    assert fresh.reason == ""
    assert records.sha256(fresh.canonical_json) == fresh.sha256


def test_a_record_version_cannot_be_changed_in_the_admin(client, decided):
    from django.contrib.auth.models import User

    version = records.finalise(decided, by=decided.facilitator)
    client.force_login(User.objects.get(username="platformbeheer"))
    url = f"/admin/casebook/recordversion/{version.pk}/change/"
    assert client.get(url).status_code == 200  # readable
    response = client.post(url, {"reason": "Aangepast"})
    assert response.status_code == 403
    delete = client.post(f"/admin/casebook/recordversion/{version.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    assert RecordVersion.objects.get(pk=version.pk).reason == ""


def test_a_correction_is_a_new_version_with_a_mandatory_reason(as_leader, decided):
    as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    first = RecordVersion.objects.get(session=decided)
    assert as_leader.post(f"/sessies/{decided.pk}/correctie/").status_code == 302
    decided.refresh_from_db()
    assert decided.status == Session.Status.DECIDED
    as_leader.post(
        step_url(decided, 3),
        main_data(decided.version_3, owner_name="De burgemeester", group_owns_problem="ja"),
    )

    response = as_leader.post(f"/sessies/{decided.pk}/vaststellen/", {"reason": "  "})
    assert response.status_code == 422
    assert _("A correction needs a reason. Write down what is corrected and why.") in (
        response.content.decode()
    )
    assert RecordVersion.objects.filter(session=decided).count() == 1

    as_leader.post(
        f"/sessies/{decided.pk}/vaststellen/", {"reason": "De beslisser was verkeerd genoteerd."}
    )
    second = RecordVersion.objects.get(session=decided, number=2)
    assert second.supersedes == first
    assert second.reason == "De beslisser was verkeerd genoteerd."
    assert json.loads(second.canonical_json)["owner"]["who_decides"] == "De burgemeester"
    assert json.loads(second.canonical_json)["record"]["supersedes_sha256"] == first.sha256
    page = as_leader.get(f"/sessies/{decided.pk}/besluit/").content.decode()
    assert first.sha256 in page and second.sha256 in page
    assert "De beslisser was verkeerd genoteerd." in page


def test_compensation_status_changes_without_altering_the_record(as_leader, decided):
    as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    version = RecordVersion.objects.get(session=decided)
    measure = CompensationMeasure.objects.filter(session=decided).exclude(status="gereed").first()
    response = as_leader.post(
        f"/sessies/{decided.pk}/besluit/maatregelen/{measure.pk}/",
        {f"measure-{measure.pk}-status": "gereed"},
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.status == "gereed"
    assert RecordVersion.objects.get(pk=version.pk).sha256 == version.sha256
    assert RecordVersion.objects.filter(session=decided).count() == 1


def test_an_invalid_measure_status_changes_nothing(as_leader, decided):
    as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    measure = CompensationMeasure.objects.filter(session=decided).first()
    as_leader.post(
        f"/sessies/{decided.pk}/besluit/maatregelen/{measure.pk}/",
        {f"measure-{measure.pk}-status": "verdwenen"},
    )
    assert CompensationMeasure.objects.get(pk=measure.pk).status == measure.status


def test_the_same_session_gives_the_same_record(decided):
    at = decided.updated_at
    one = records.canonical(
        records.snapshot(
            decided, number=1, supersedes=None, reason="", by=decided.facilitator, at=at
        )
    )
    two = records.canonical(
        records.snapshot(
            decided, number=1, supersedes=None, reason="", by=decided.facilitator, at=at
        )
    )
    assert one == two


def test_records_of_another_organisation_are_not_found(client, decided, outsider):
    records.finalise(decided, by=decided.facilitator)
    client.force_login(outsider)
    assert client.get(f"/sessies/{decided.pk}/besluit/").status_code == 404
    assert client.get(f"/sessies/{decided.pk}/besluit/v1/pdf/").status_code == 404
    assert client.post(f"/sessies/{decided.pk}/vaststellen/").status_code == 404
    assert client.post(f"/sessies/{decided.pk}/correctie/").status_code == 404


def test_a_status_change_on_the_record_page_conflicts_with_an_older_edit(as_leader, decided):
    as_leader.post(f"/sessies/{decided.pk}/vaststellen/")
    measure = CompensationMeasure.objects.filter(session=decided).exclude(status="gereed").first()
    seen_version = measure.version
    as_leader.post(
        f"/sessies/{decided.pk}/besluit/maatregelen/{measure.pk}/",
        {f"measure-{measure.pk}-status": "gereed"},
    )
    as_leader.post(f"/sessies/{decided.pk}/correctie/")
    prefix = f"edit-measures-{measure.pk}"
    response = as_leader.post(
        f"/sessies/{decided.pk}/measures/{measure.pk}/",
        {
            f"{prefix}-version": seen_version,
            f"{prefix}-action": measure.action,
            f"{prefix}-status": "gepland",
        },
    )
    assert response.status_code == 409
    assert CompensationMeasure.objects.get(pk=measure.pk).status == "gereed"
