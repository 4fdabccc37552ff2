"""A manager finalises a decision, downloads and verifies its PDF, corrects it into
version 2 and exports the period as a ZIP — all in Chromium."""

import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from casebook.models import RecordVersion


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=StringIO())


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label(capfirst(_("username"))).fill(username)
    page.get_by_label(capfirst(_("password"))).fill("Toetssteen-demo-2026")
    page.get_by_role("button", name=_("Log in")).click()


@pytest.mark.django_db(transaction=True)
def test_a_manager_finalises_verifies_corrects_and_exports(
    page, live_server, demo, artifacts, tmp_path
):
    log_in(page, live_server, "manager.lindeveen")
    page.get_by_role("link", name="Windmolens bij Oosterhoek").click()
    page.get_by_role("link", name=_("Finalise the decision")).click()
    page.get_by_role("button", name=_("Finalise the decision")).click()
    expect(
        page.get_by_text(
            _("The decision has been finalised as version %(number)s.") % {"number": 1}
        )
    ).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name=_("Download PDF (version %(number)s)") % {"number": 1}
        ).click()
    pdf_path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(pdf_path)
    assert pdf_path.name.endswith("-v1.pdf")
    assert pdf_path.read_bytes().startswith(b"%PDF-")

    page.get_by_role("link", name=_("Verify a record")).click()
    page.get_by_label(_("The PDF of the decision record")).set_input_files(pdf_path)
    page.get_by_role("button", name=_("Verify")).click()
    expect(page.get_by_text(_("This record is genuine."))).to_be_visible()
    expect(page.get_by_text(_("It is the current version."))).to_be_visible()
    page.screenshot(path=str(artifacts / "verify.png"), full_page=True)

    page.get_by_role("link", name=_("Go to the record")).click()
    page.get_by_role("button", name=_("Start a correction")).click()
    page.get_by_role("link", name=_("Finalise the corrected version")).first.click()
    page.get_by_label(_("Reason for the correction")).fill("De compensatie was onvolledig.")
    page.get_by_role("button", name=_("Finalise the corrected version")).click()
    expect(
        page.get_by_text(
            _("The decision has been finalised as version %(number)s.") % {"number": 2}
        )
    ).to_be_visible()
    versions = page.get_by_role("table").first
    expect(versions.get_by_text("De compensatie was onvolledig.")).to_be_visible()
    page.screenshot(path=str(artifacts / "record.png"), full_page=True)
    assert RecordVersion.objects.filter(session__title="Windmolens bij Oosterhoek").count() == 2

    # The first PDF is still genuine, but now superseded.
    page.get_by_role("link", name=_("Verify a record")).click()
    page.get_by_label(_("The PDF of the decision record")).set_input_files(pdf_path)
    page.get_by_role("button", name=_("Verify")).click()
    expect(
        page.get_by_text(_("A newer version supersedes it: version %(number)s.") % {"number": 2})
    ).to_be_visible()

    # Export the period as one ZIP, built by the background worker.
    page.get_by_role("link", name=_("Export records")).click()
    page.get_by_role("button", name=_("Start the export")).click()
    expect(page.get_by_role("heading", name=_("Export of decision records"))).to_be_visible()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    download_link = page.get_by_role("link", name=_("Download the ZIP file"))
    expect(download_link).to_be_visible(timeout=15_000)  # the page polls every 2 seconds
    with page.expect_download() as zip_info:
        download_link.click()
    zip_path = tmp_path / zip_info.value.suggested_filename
    zip_info.value.save_as(zip_path)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
    assert "index.csv" in names and "index.json" in names
    assert any(name.endswith("-v2.pdf") and "windmolens" in name for name in names)
