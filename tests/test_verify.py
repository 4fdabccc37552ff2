"""Verifying a record: a PDF or a SHA-256 checked against the organisation's records."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.translation import gettext as _

from casebook import records
from deliberation.models import Session

URL = "/besluiten/verifieren/"


@pytest.fixture
def version(db):
    call_command("load_demo", stdout=StringIO())
    session = Session.objects.get(title="Windmolens bij Oosterhoek")
    return records.finalise(session, by=session.facilitator)


@pytest.fixture
def colleague(client, version):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="deelnemer2.lindeveen"))
    return client


def test_a_pasted_hash_finds_its_record(colleague, version):
    response = colleague.post(URL, {"sha256": version.sha256.upper()})
    assert response.status_code == 200
    body = response.content.decode()
    assert _("This record is genuine.") in body
    assert _("It is the current version.") in body


def test_a_superseded_version_says_a_newer_one_exists(colleague, version):
    records.start_correction(version.session)
    newer = records.finalise(version.session, by=version.session.facilitator, reason="Typfout")
    body = colleague.post(URL, {"sha256": version.sha256}).content.decode()
    assert _("This record is genuine.") in body
    assert (
        _("A newer version supersedes it: version %(number)s.") % {"number": newer.number} in body
    )


def test_an_unknown_hash_matches_nothing(colleague, version):
    body = colleague.post(URL, {"sha256": "0" * 64}).content.decode()
    assert _("No record of your organisation matches this.") in body


def test_another_organisations_record_is_not_revealed(client, version):
    from django.contrib.auth.models import User

    client.force_login(User.objects.get(username="deelnemer.zuiderland"))
    body = client.post(URL, {"sha256": version.sha256}).content.decode()
    assert _("No record of your organisation matches this.") in body
    assert version.session.title not in body


def test_a_malformed_hash_is_refused_with_a_message(colleague, version):
    response = colleague.post(URL, {"sha256": "niet-een-hash"})
    assert response.status_code == 422
    assert _("This is not a SHA-256: it has 64 characters, only 0–9 and a–f.") in (
        response.content.decode()
    )


def test_an_empty_form_asks_for_a_pdf_or_a_hash(colleague, version):
    response = colleague.post(URL, {})
    assert response.status_code == 422
    assert _("Upload a PDF or paste a SHA-256.") in response.content.decode()


def test_a_file_that_is_not_a_pdf_is_refused(colleague, version):
    upload = SimpleUploadedFile("besluit.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = colleague.post(URL, {"pdf": upload})
    assert response.status_code == 422
    assert _("This file is not a PDF. Upload the PDF of a decision record.") in (
        response.content.decode()
    )


def test_a_file_that_is_too_large_is_refused(colleague, version, settings):
    settings.VERIFY_MAX_UPLOAD = 1024 * 1024
    upload = SimpleUploadedFile("groot.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    response = colleague.post(URL, {"pdf": upload})
    assert response.status_code == 422
    assert _("This file is larger than %(size)s MB. Upload the PDF of a decision record.") % {
        "size": 1
    } in (response.content.decode())


def test_a_pdf_without_a_record_says_so(colleague, version):
    upload = SimpleUploadedFile("leeg.pdf", b"%PDF-1.7\n%%EOF\n")
    response = colleague.post(URL, {"pdf": upload})
    assert response.status_code == 422
    assert _("This PDF holds no decision record.") in response.content.decode()


def test_someone_without_an_organisation_cannot_verify(client, db):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("zonder"))
    assert client.get(URL).status_code == 404
