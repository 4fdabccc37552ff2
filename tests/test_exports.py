"""Exports for managers: choosing records, the background job, the ZIP, and the JSON of one
record. The organisations and their decided sessions come from the demo data; every decided
session is finalised once."""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from casebook import records
from casebook.models import RecordExport, RecordVersion
from casebook.tasks import build_export
from deliberation.models import CompensationMeasure, Session
from tests.helpers import HTMX

EXPORT_URL = "/besluiten/export/"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LINDEVEEN = "Gemeente Lindeveen"


def person(prefix, slug="lindeveen"):
    return User.objects.get(username=f"{prefix}.{slug}")


def fake_pdf(version, language="nl"):
    """A stand-in for the PDF renderer where the PDF itself is not what is tested."""
    return "<html></html>", b"%PDF-1.7 " + version.sha256.encode()


@pytest.fixture
def demo(db):
    """The demo organisations with every decided session finalised as version 1."""
    call_command("load_demo", stdout=io.StringIO())
    for session in Session.objects.filter(status=Session.Status.DECIDED).select_related(
        "facilitator"
    ):
        records.finalise(session, by=session.facilitator)
    return RecordVersion.objects.filter(session__organisation__name=LINDEVEEN)


@pytest.fixture
def as_manager(client, demo):
    client.force_login(person("manager"))
    return client


@pytest.fixture
def fast_pdfs(monkeypatch):
    monkeypatch.setattr("casebook.pdf.render_record_pdf", fake_pdf)


def form_data(**changes):
    data = {"date_from": "", "date_to": "", "unit": "", "versions": "current", "compensation": ""}
    data.update(changes)
    return data


def zip_of(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def make_export(manager, **fields):
    return RecordExport.objects.create(
        organisation=manager.membership.organisation, requested_by=manager, **fields
    )


# --- who may export ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["manager", "beheerder", "integriteitscoordinator"])
def test_managers_administrators_and_coordinators_may_export(client, demo, role):
    client.force_login(person(role))
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    units = [value for value, _label in response.context["form"].fields["unit"].choices]
    assert units == [
        "",
        "Bestuursondersteuning",
        "Concernstaf",
        "Informatievoorziening",
        "Ruimtelijke ordening",
        "Vergunningen en handhaving",
        "Werk en inkomen",
        "Wijken en participatie",
    ]


@pytest.mark.parametrize("role", ["deelnemer", "gespreksleider"])
def test_participants_and_facilitators_get_404_on_every_export_url(client, demo, role):
    export = make_export(person("manager"), status="done", total=1, rendered=1, archive=b"PK")
    client.force_login(person(role))
    assert client.get(EXPORT_URL).status_code == 404
    assert client.post(EXPORT_URL, form_data()).status_code == 404
    assert client.get(f"{EXPORT_URL}{export.pk}/").status_code == 404
    assert client.get(f"{EXPORT_URL}{export.pk}/download/").status_code == 404
    assert not RecordExport.objects.exclude(pk=export.pk).exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, demo):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


# --- choosing records ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"date_from": "31-31-2024"},
        {"date_to": "gisteren"},
        {"date_from": "2025-03-01", "date_to": "2025-02-01"},
        {"unit": "Een afdeling die niet bestaat"},
        {"versions": "some"},
    ],
)
def test_malformed_filters_show_the_form_again_with_422_and_create_nothing(as_manager, changes):
    response = as_manager.post(EXPORT_URL, form_data(**changes))
    assert response.status_code == 422
    assert response.context["form"].errors
    assert gettext("There is a problem") in response.content.decode()
    assert not RecordExport.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_when_nothing_matches_it_says_so_and_creates_nothing(as_manager):
    response = as_manager.post(EXPORT_URL, form_data(date_to="2000-01-01"))
    assert response.status_code == 200
    assert response.context["nothing_matches"]
    assert not RecordExport.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_an_export_holds_only_the_organisations_current_versions(as_manager, demo):
    session = demo.first().session
    records.start_correction(session)
    records.finalise(session, by=session.facilitator, reason="Typfout in de afweging")

    response = as_manager.post(EXPORT_URL, form_data())

    export = RecordExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{EXPORT_URL}{export.pk}/"
    current = RecordVersion.objects.filter(
        session__organisation__name=LINDEVEEN, superseded_by__isnull=True
    )
    assert sorted(export.selection) == sorted(current.values_list("pk", flat=True))
    # One current version per finalised session of the organisation.
    assert export.total == current.count() == demo.values("session").distinct().count()
    assert export.status == RecordExport.Status.QUEUED
    assert DBTaskResult.objects.get().id.hex == export.task_result_id.replace("-", "")


def test_all_versions_include_the_superseded_ones(as_manager, demo):
    session = demo.first().session
    records.start_correction(session)
    records.finalise(session, by=session.facilitator, reason="Typfout in de afweging")
    as_manager.post(EXPORT_URL, form_data(versions="all"))
    # Every version of every finalised session: the corrected one counts twice.
    sessions = demo.values("session").distinct().count()
    assert RecordExport.objects.get().total == demo.count() == sessions + 1


def test_the_period_unit_and_compensation_narrow_the_choice(as_manager, demo):
    windmolens = demo.get(session__title="Windmolens bij Oosterhoek")
    veldkamp = demo.get(session__title="Participatie bij de nieuwe wijk Veldkamp")
    # Veldkamp was finalised long ago, led by the coordinator (Concernstaf), and its
    # compensation is all done; Windmolens still has measures open.
    Session.objects.filter(pk=veldkamp.session_id).update(
        facilitator=person("integriteitscoordinator")
    )
    CompensationMeasure.objects.filter(session=veldkamp.session_id).update(status="gereed")
    day = timezone.localtime(windmolens.finalised_at).date()

    def chosen(**changes):
        """Which of these two records the filters choose. (The demo's casebook records
        are chosen or not by their own dates, units and measures.)"""
        RecordExport.objects.all().delete()
        as_manager.post(EXPORT_URL, form_data(**changes))
        export = RecordExport.objects.first()
        return set(export.selection) & {windmolens.pk, veldkamp.pk} if export else set()

    assert chosen(date_from=day.isoformat(), date_to=day.isoformat()) == {
        windmolens.pk,
        veldkamp.pk,
    }
    assert chosen(date_to=(day - timedelta(days=1)).isoformat()) == set()
    assert chosen(date_from=(day + timedelta(days=1)).isoformat()) == set()
    assert chosen(unit="Concernstaf") == {veldkamp.pk}
    assert chosen(unit="Bestuursondersteuning") == {windmolens.pk}
    assert chosen(compensation="done") == {veldkamp.pk}
    assert chosen(compensation="open") == {windmolens.pk}


# --- the background job through the database queue -----------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_export_is_built_by_the_database_worker_into_one_zip(client, signal_handlers):
    call_command("load_demo", stdout=io.StringIO())
    for session in Session.objects.filter(status=Session.Status.DECIDED):
        records.finalise(session, by=session.facilitator)
    versions = {
        v.sha256: v for v in RecordVersion.objects.filter(session__organisation__name=LINDEVEEN)
    }
    client.force_login(person("manager"))

    response = client.post(EXPORT_URL, form_data())

    export = RecordExport.objects.get()
    assert response.status_code == 302
    assert DBTaskResult.objects.get().status == "READY"
    assert client.get(f"{EXPORT_URL}{export.pk}/download/").status_code == 404  # not yet

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    export.refresh_from_db()
    assert export.status == RecordExport.Status.DONE
    total = len(versions)
    assert (export.total, export.rendered, export.failures) == (total, total, [])
    result = build_export.get_result(export.task_result_id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"status": "done", "rendered": total, "failed": 0}
    response = client.get(f"{EXPORT_URL}{export.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    day = timezone.localtime(export.created_at).date().isoformat()
    assert (
        f'filename="besluiten-gemeente-lindeveen-{day}-{export.pk}.zip"'
        in (response["Content-Disposition"])
    )
    archive = zip_of(response)
    from casebook.pdf import record_filename

    pdf_names = sorted(record_filename(v) for v in versions.values())
    assert sorted(archive.namelist()) == sorted([*pdf_names, "index.csv", "index.json"])
    for name in pdf_names:
        assert archive.read(name).startswith(b"%PDF-")

    rows = json.loads(archive.read("index.json"))["records"]
    table = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert {row["sha256"] for row in rows} == set(versions)
    assert [row["sha256"] for row in table] == [row["sha256"] for row in rows]
    for row, line in zip(rows, table, strict=True):
        version = versions[row["sha256"]]
        data = json.loads(version.canonical_json)
        assert row["title"] == line["title"] == data["session"]["title"]
        assert row["date"] == line["date"] == data["session"]["date"]
        assert row["version"] == 1 and line["version"] == "1"
        assert row["decision"] == data["decision"]["chosen_option"]
        options = {
            "X": data["dilemma"]["option_x"],
            "Y": data["dilemma"]["option_y"],
            "derde": data["decision"]["third_way"],
        }
        assert row["decision_text"] == line["decision_text"] == options[row["decision"]]
        assert row["owner"] == line["owner"] == data["owner"]["who_decides"]
        assert row["file"] == line["file"] == record_filename(version)
        measures = CompensationMeasure.objects.filter(session=version.session_id)
        done = measures.filter(status="gereed").count()
        total = measures.exclude(status="vervallen").count()
        assert (row["measures_done"], row["measures_total"]) == (done, total)
        if total:
            compensation = gettext("%(done)s of %(total)s done") % {"done": done, "total": total}
            status = "done" if done == total else "open"
        else:  # a decision whose step 7 says why no measure is needed
            compensation, status = gettext("no measures"), "none"
        assert row["compensation"] == line["compensation"] == compensation
        assert row["compensation_status"] == status


# --- a record that fails -------------------------------------------------------------------


@override_settings(TASKS=IMMEDIATE)
def test_a_record_that_fails_to_render_is_listed_and_the_others_are_in_the_zip(
    as_manager, demo, monkeypatch
):
    broken = demo.get(session__title="Windmolens bij Oosterhoek")

    def render(version, language="nl"):
        if version.session.title == broken.session.title:
            raise ValueError("the renderer fell over")
        return fake_pdf(version, language)

    monkeypatch.setattr("casebook.pdf.render_record_pdf", render)

    response = as_manager.post(EXPORT_URL, form_data(), follow=True)

    export = RecordExport.objects.get()
    assert export.status == RecordExport.Status.DONE
    assert (export.total, export.rendered) == (demo.count(), demo.count() - 1)
    assert export.failures == [
        {"title": broken.session.title, "version": 1, "error": "ValueError: the renderer fell over"}
    ]
    page = response.content.decode()
    assert broken.session.title in page
    assert gettext("Records that could not be rendered") in page

    archive = zip_of(as_manager.get(f"{EXPORT_URL}{export.pk}/download/"))
    from casebook.pdf import record_filename

    others = list(demo.exclude(pk=broken.pk))
    assert sorted(archive.namelist()) == sorted(
        [*(record_filename(other) for other in others), "index.csv", "index.json"]
    )
    rows = {row["title"]: row for row in json.loads(archive.read("index.json"))["records"]}
    assert rows[broken.session.title]["file"] == ""
    assert rows[broken.session.title]["error"] == "ValueError: the renderer fell over"
    for other in others:
        assert rows[other.session.title]["file"] == record_filename(other)


@override_settings(TASKS=IMMEDIATE)
def test_an_export_where_no_record_renders_has_failed_and_no_download(
    as_manager, demo, monkeypatch
):
    def render(version, language="nl"):
        raise OSError("no fonts")

    monkeypatch.setattr("casebook.pdf.render_record_pdf", render)
    as_manager.post(EXPORT_URL, form_data())
    export = RecordExport.objects.get()
    assert export.status == RecordExport.Status.FAILED
    assert len(export.failures) == demo.count()
    assert as_manager.get(f"{EXPORT_URL}{export.pk}/download/").status_code == 404


# --- following the export --------------------------------------------------------------------


def test_the_progress_page_is_a_whole_page_with_a_progress_bar_and_a_refresh_link(as_manager):
    export = make_export(person("manager"), status="running", total=40, rendered=12)
    response = as_manager.get(f"{EXPORT_URL}{export.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" in page
    assert '<progress id="export-progress-bar" value="12" max="40">' in page
    progress = gettext("%(processed)s of %(total)s records rendered")
    assert progress % {"processed": 12, "total": 40} in page
    assert gettext("Refresh") in page
    assert f'href="{EXPORT_URL}{export.pk}/"' in page
    assert 'hx-trigger="every 2s"' in page


def test_the_htmx_fragment_polls_while_the_export_runs(as_manager):
    export = make_export(person("manager"), status="running", total=40, rendered=12)
    response = as_manager.get(f"{EXPORT_URL}{export.pk}/", **HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in fragment
    assert fragment.strip().startswith('<div id="export-progress"')
    assert f'hx-get="{EXPORT_URL}{export.pk}/"' in fragment
    assert 'hx-trigger="every 2s"' in fragment
    assert 'value="12" max="40"' in fragment
    assert "HX-Request" in response["Vary"]


def test_the_htmx_fragment_stops_polling_when_the_export_is_done(as_manager):
    failures = [{"title": "Een kapot besluit", "version": 2, "error": "ValueError: x"}]
    export = make_export(
        person("manager"), status="done", total=3, rendered=2, failures=failures, archive=b"PK"
    )
    fragment = as_manager.get(f"{EXPORT_URL}{export.pk}/", **HTMX).content.decode()
    assert "hx-trigger" not in fragment
    assert "hx-get" not in fragment
    assert 'value="3" max="3"' in fragment
    assert f'href="{EXPORT_URL}{export.pk}/download/"' in fragment
    assert "Een kapot besluit" in fragment


# --- other organisations -----------------------------------------------------------------


def test_exports_of_another_organisation_are_404(client, demo):
    export = make_export(person("manager"), status="done", total=1, rendered=1, archive=b"PK")
    client.force_login(person("manager", "zuiderland"))
    assert client.get(f"{EXPORT_URL}{export.pk}/").status_code == 404
    assert client.get(f"{EXPORT_URL}{export.pk}/", **HTMX).status_code == 404
    assert client.get(f"{EXPORT_URL}{export.pk}/download/").status_code == 404
    assert export not in client.get(EXPORT_URL).context["exports"]


def test_a_download_of_an_unfinished_export_is_404(as_manager):
    export = make_export(person("manager"), status="running", total=4, rendered=1)
    assert as_manager.get(f"{EXPORT_URL}{export.pk}/download/").status_code == 404


@override_settings(TASKS=IMMEDIATE)
def test_records_of_another_organisation_never_appear_in_an_export(client, demo, fast_pdfs):
    client.force_login(person("manager", "zuiderland"))
    client.post(EXPORT_URL, form_data(versions="all"))
    export = RecordExport.objects.get()
    own = RecordVersion.objects.filter(session__organisation__name="Provincie Zuiderland")
    assert sorted(export.selection) == sorted(own.values_list("pk", flat=True))
    archive = zip_of(client.get(f"{EXPORT_URL}{export.pk}/download/"))
    titles = {row["title"] for row in json.loads(archive.read("index.json"))["records"]}
    assert titles == {v.session.title for v in own}
    assert not titles & {v.session.title for v in demo}


# --- the JSON of one record ------------------------------------------------------------------


def test_the_json_of_a_record_is_exactly_its_canonical_json(as_manager, demo):
    from casebook.pdf import record_filename

    version = demo.first()
    response = as_manager.get(f"/besluiten/{version.pk}/json/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == version.canonical_json.encode()
    assert records.sha256(response.content.decode()) == version.sha256
    name = record_filename(version).removesuffix(".pdf") + ".json"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_a_participant_of_the_session_may_fetch_its_json(client, demo):
    version = demo.get(session__title="Windmolens bij Oosterhoek")
    client.force_login(person("deelnemer"))
    assert version.session.participants.filter(username="deelnemer.lindeveen").exists()
    assert client.get(f"/besluiten/{version.pk}/json/").status_code == 200


def test_the_json_of_another_organisations_record_is_404(client, demo):
    client.force_login(person("manager", "zuiderland"))
    assert client.get(f"/besluiten/{demo.first().pk}/json/").status_code == 404
    assert client.get("/besluiten/999999/json/").status_code == 404


# --- query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 12])
def test_the_export_list_uses_a_fixed_number_of_queries(as_manager, n, django_assert_num_queries):
    manager = person("manager")
    for i in range(n):
        make_export(manager, status=["done", "running"][i % 2], total=3, rendered=1, archive=b"PK")
    # 1 the login session, 2 the user, 3 the membership with its organisation,
    # 4 the organisation's units (the form's choices), 5 the recent exports with who
    # requested them (without their ZIP).
    with django_assert_num_queries(5):
        response = as_manager.get(EXPORT_URL)
    assert response.status_code == 200
    assert len(response.context["exports"]) == n
