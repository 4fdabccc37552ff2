"""The audit trail: one append-only event per state change, with every field filled."""

import pytest
from django.db import IntegrityError, InternalError, connection, transaction
from django.db.utils import DatabaseError
from django.utils.translation import gettext as _

from casebook.models import RecordVersion
from deliberation.models import Session, Stakeholder
from principles.models import AppendOnlyError, AuditEvent, Membership
from tests.conftest import make_user
from tests.helpers import add_data, edit_data, main_data, step_url


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("id"))


def only_new_event(before_id, action):
    new = list(AuditEvent.objects.filter(id__gt=before_id).order_by("id"))
    assert [event.action for event in new] == [action]
    return new[0]


def last_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def assert_complete(event, actor, session=None, result="ok"):
    assert event.result == result
    assert event.actor_id == actor.pk
    assert event.organisation_id == actor.membership.organisation_id
    assert event.ip_address == "127.0.0.1"
    assert len(event.request_id) == 32
    assert event.created is not None
    if session is not None:
        assert event.session_id == session.pk


def test_each_change_to_a_session_writes_exactly_one_event(as_facilitator, facilitator, session):
    start = last_id()
    response = as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    assert response.status_code == 302
    event = only_new_event(start, "step.save")
    assert_complete(event, facilitator, session)
    assert event.detail == {"step": 1}
    assert event.object_type == "deliberation.session"
    assert event.object_id == str(session.pk)

    start = last_id()
    as_facilitator.post(
        f"/sessies/{session.pk}/stakeholders/",
        add_data("stakeholders", name="Bewoners", kind="burgers"),
    )
    event = only_new_event(start, "item.create")
    stakeholder = Stakeholder.objects.get(session=session)
    assert_complete(event, facilitator, session)
    assert (event.object_type, event.object_id) == ("deliberation.stakeholder", str(stakeholder.pk))

    start = last_id()
    as_facilitator.post(
        f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/",
        edit_data("stakeholders", stakeholder.pk, 0, name="Omwonenden", kind="burgers"),
    )
    assert only_new_event(start, "item.edit").detail == {"kind": "stakeholders", "version": 1}

    start = last_id()
    as_facilitator.post(f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/verwijderen/")
    only_new_event(start, "item.delete")


def test_the_trail_keeps_no_typed_text(as_facilitator, session):
    as_facilitator.post(
        f"/sessies/{session.pk}/stakeholders/",
        add_data("stakeholders", name="Jan Jansen", kind="burgers"),
    )
    for event in AuditEvent.objects.all():
        assert "Jan Jansen" not in str(event.detail)
        assert "Jan Jansen" not in event.object_id


def test_a_refused_change_writes_one_denied_event_and_saves_nothing(client, session, outsider):
    client.force_login(outsider)
    start = last_id()
    response = client.post(step_url(session, 1), main_data(version=0, problem_statement="Gekaapt"))
    assert response.status_code == 404
    event = only_new_event(start, "session.view")
    assert event.result == "denied"
    assert event.actor_id == outsider.pk
    # The organisation whose session was probed sees it in its own trail.
    assert event.organisation_id == session.organisation_id
    assert Session.objects.get(pk=session.pk).problem_statement == ""


def test_an_invalid_change_writes_no_event(as_facilitator, session):
    start = last_id()
    response = as_facilitator.post(
        f"/sessies/{session.pk}/stakeholders/", add_data("stakeholders", name="", kind="burgers")
    )
    assert response.status_code == 422
    assert last_id() == start


def test_an_anonymous_objection_leaves_no_trace_of_its_author(as_member, session):
    start = last_id()
    as_member.post(
        f"/sessies/{session.pk}/tegenspraak/",
        {
            "objection-step": 2,
            "objection-text": "Wij vergeten de buren.",
            "objection-anonymous": "on",
        },
    )
    event = only_new_event(start, "objection.create")
    assert event.actor_id is None
    assert event.ip_address is None
    assert event.request_id == ""


def test_finalising_amending_and_downloading_are_in_the_trail(client, db):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    decided = Session.objects.get(title="Windmolens bij Oosterhoek")
    client.force_login(decided.facilitator)
    start = last_id()
    client.post(f"/sessies/{decided.pk}/vaststellen/")
    event = only_new_event(start, "record.finalise")
    version = RecordVersion.objects.get(session=decided)
    assert (event.object_type, event.object_id) == ("casebook.recordversion", str(version.pk))
    assert event.session_id == decided.pk

    start = last_id()
    assert client.get(f"/sessies/{decided.pk}/besluit/v1/pdf/").status_code == 200
    assert only_new_event(start, "record.download").detail == {"format": "pdf", "version": 1}

    start = last_id()
    client.post(f"/sessies/{decided.pk}/correctie/")
    only_new_event(start, "record.amend")


def test_logins_and_failed_logins_are_in_the_trail(client, member):
    start = last_id()
    client.post("/inloggen/", {"username": "member", "password": "wrong-password-123"})
    failed = only_new_event(start, "auth.login_failed")
    assert failed.result == "denied"
    assert failed.actor_id is None
    assert failed.ip_address == "127.0.0.1"

    start = last_id()
    response = client.post(
        "/inloggen/", {"username": "member", "password": "a-long-test-password-123"}
    )
    assert response.status_code == 302
    event = only_new_event(start, "auth.login")
    assert event.actor_id == member.pk


def test_a_role_change_is_in_the_trail(client, org_a, member):
    administrator = make_user("admin", org_a, "beheerder", "Bea")
    client.force_login(administrator)
    membership = Membership.objects.get(user=member)
    start = last_id()
    response = client.post(f"/beheer/leden/{membership.pk}/", {"role": "manager", "unit": "Ruimte"})
    assert response.status_code == 302
    event = only_new_event(start, "membership.role_change")
    assert event.detail == {"user": member.pk, "from": "deelnemer", "to": "manager"}
    assert event.actor_id == administrator.pk
    assert Membership.objects.get(user=member).role == "manager"


def test_an_administrator_cannot_take_away_their_own_role(client, org_a):
    administrator = make_user("admin", org_a, "beheerder", "Bea")
    client.force_login(administrator)
    own = administrator.membership
    response = client.post(f"/beheer/leden/{own.pk}/", {"role": "deelnemer", "unit": ""})
    assert response.status_code == 422
    message = _(
        "You cannot take away your own role as administrator. Ask another "
        "administrator of your organisation."
    )
    assert message in response.content.decode()
    assert Membership.objects.get(pk=own.pk).role == "beheerder"


def test_an_unknown_role_is_refused(client, org_a, member):
    administrator = make_user("admin", org_a, "beheerder", "Bea")
    client.force_login(administrator)
    membership = Membership.objects.get(user=member)
    response = client.post(f"/beheer/leden/{membership.pk}/", {"role": "superuser"})
    assert response.status_code == 422
    assert Membership.objects.get(user=member).role == "deelnemer"


# --- append-only ----------------------------------------------------------------------


def test_events_cannot_be_changed_or_deleted_through_the_orm(as_facilitator, session):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    event = AuditEvent.objects.get(action="step.save")
    event.result = "denied"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(result="denied")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).result == "ok"


def test_the_database_refuses_an_update_by_sql(as_facilitator, session):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    event = AuditEvent.objects.get(action="step.save")
    table = AuditEvent._meta.db_table
    errors = (IntegrityError, InternalError, DatabaseError)
    with pytest.raises(errors), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET result = 'denied' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).result == "ok"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DELETE trigger: PostgreSQL")
def test_postgresql_refuses_a_delete_by_sql(as_facilitator, session):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    table = AuditEvent._meta.db_table
    errors = (InternalError, DatabaseError)
    with pytest.raises(errors), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
    assert AuditEvent.objects.filter(action="step.save").count() == 1


def test_the_admin_shows_events_read_only(admin_client, as_facilitator, session):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    event = AuditEvent.objects.get(action="step.save")
    url = f"/admin/principles/auditevent/{event.pk}/change/"
    assert admin_client.get(url).status_code == 200
    admin_client.post(url, {"result": "denied"})
    assert admin_client.get(f"/admin/principles/auditevent/{event.pk}/delete/").status_code == 403
    assert AuditEvent.objects.get(pk=event.pk).result == "ok"


# --- reading the trail ----------------------------------------------------------------


def test_a_coordinator_reads_the_trail_of_the_organisation_and_of_a_session(
    client, as_facilitator, session, coordinator, outsider
):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    client.force_login(coordinator)
    page = client.get("/logboek/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Fatima Tester" in text
    assert str(_("Step saved")) in text
    page = client.get(f"/sessies/{session.pk}/logboek/")
    assert page.status_code == 200
    assert "Fatima Tester" in page.content.decode()
    # Filters narrow the list; a bad filter says so and shows nothing.
    assert "Fatima" not in client.get("/logboek/?result=denied").content.decode()
    bad = client.get("/logboek/?date_from=yesterday")
    assert bad.status_code == 400


def test_another_organisations_events_never_show(client, as_facilitator, session, outsider, org_b):
    as_facilitator.post(
        step_url(session, 1), main_data(version=0, problem_statement="Mag de molen er komen?")
    )
    administrator_b = make_user("admin-b", org_b, "beheerder", "Bram")
    client.force_login(administrator_b)
    page = client.get("/logboek/").content.decode()
    assert "Fatima" not in page
    assert f"/sessies/{session.pk}/logboek/" not in page
    assert AuditEvent.objects.filter(organisation_id=session.organisation_id).exists()


def test_the_session_page_links_to_its_trail_for_coordinators_only(
    client, as_facilitator, session, coordinator
):
    url = f"/sessies/{session.pk}/logboek/"
    assert url not in as_facilitator.get(f"/sessies/{session.pk}/").content.decode()
    client.force_login(coordinator)
    assert url in client.get(f"/sessies/{session.pk}/").content.decode()
