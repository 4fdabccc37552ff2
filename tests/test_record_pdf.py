"""The decision record as PDF/A-3a: complete, verifiable, archivable and safe against its text.

Each test finalises a demo session ("Windmolens bij Oosterhoek") and renders the record with
``casebook.pdf``; the PDF is read back with pypdf (text, attachments) and pikepdf (structure).
"""

import hashlib
import io
import json
import logging
import re
import subprocess
import sys
from io import StringIO

import pikepdf
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from casebook.pdf import (
    RefusedURLError,
    extract_record_json,
    html_to_pdf,
    record_filename,
    render_record_pdf,
    static_base_url,
    url_fetcher,
)
from casebook.records import finalise, start_correction
from deliberation.models import (
    ApplicableRule,
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    Session,
    Stakeholder,
)
from principles.models import CoreValue

# The section headings of every record, as msgids; the PDF shows them in its language.
HEADINGS = [
    "Organisation and participants",
    "Participants",
    "Problem owner",
    "The dilemma",
    "Problem statement",
    "Stakeholders",
    "Facts and information",
    "Applicable laws, rules and codes",
    "Facts",
    "Information needs",
    "Arguments and weighing",
    "Arguments for X",
    "Arguments for Y",
    "B, G or S",
    "Decision",
    "Decisive arguments",
    "Reasoning",
    "The three R's",
    "Test against the seven principles of good governance",
    "Principles and core values invoked",
    "Compensation",
    "Control question",
    "Comments",
    "Dissent (tegenspraak)",
    "Accountability",
]

HOSTILE = "<link rel=attachment href=file:///etc/passwd><img src=http://127.0.0.1:9/x.png>"


def flat(text):
    """Whitespace normalised: lines wrap wherever the PDF's layout put them."""
    return " ".join(text.split())


def squeezed(text):
    """All whitespace removed, for text that may wrap anywhere (markup, hashes)."""
    return "".join(text.split())


def pdf_text(pdf, mode="plain"):
    return "\n".join(
        page.extract_text(extraction_mode=mode) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def demo_session(title="Windmolens bij Oosterhoek"):
    call_command("load_demo", stdout=StringIO())
    return Session.objects.get(title=title, organisation__name="Gemeente Lindeveen")


@pytest.fixture
def version(db):
    session = demo_session()
    return finalise(session, by=session.facilitator)


@pytest.fixture
def rendered(version):
    html, pdf = render_record_pdf(version)
    return version, html, pdf


# --- content -------------------------------------------------------------------------------------


def test_it_shows_every_section_heading_in_dutch(rendered):
    _version, html, pdf = rendered
    text = flat(pdf_text(pdf))
    with translation.override("nl"):
        missing = [msgid for msgid in HEADINGS if flat(gettext(msgid)) not in text]
    assert missing == []
    assert '<html lang="nl">' in html


def test_it_shows_every_argument_with_its_b_g_or_s_tag_in_the_guides_table(rendered):
    version, _html, pdf = rendered
    record = json.loads(version.canonical_json)
    text = flat(pdf_text(pdf))
    for argument in record["arguments"]:
        assert flat(argument["text"])[:40] in text, argument["text"]

    # Row i pairs the i-th argument for X with the i-th for Y, their tags at the row's ends.
    sides = {
        side: sorted(
            (a for a in record["arguments"] if a["side"] == side),
            key=lambda a: (a["position"], a["id"]),
        )
        for side in "XY"
    }
    lines = [line.split() for line in pdf_text(pdf, mode="layout").splitlines()]
    for i in range(max(len(sides["X"]), len(sides["Y"]))):
        x = sides["X"][i] if i < len(sides["X"]) else None
        y = sides["Y"][i] if i < len(sides["Y"]) else None

        def is_row(tokens, x=x, y=y, n=i + 1):
            if x and tokens[:2] != [x["category"], f"X{n}"]:
                return False
            if not x and tokens[:1] != [f"Y{n}"]:
                return False
            return not y or (f"Y{n}" in tokens and tokens[-1] == y["category"])

        assert any(is_row(tokens) for tokens in lines if tokens), f"row {i + 1}"


def test_it_marks_decisive_arguments_and_what_they_invoke(rendered):
    version, _html, pdf = rendered
    record = json.loads(version.canonical_json)
    text = flat(pdf_text(pdf))
    with translation.override("nl"):
        assert text.count(gettext("decisive")) >= len(record["decision"]["decisive_arguments"])
        assert gettext("Principles:") in text
        assert gettext("Core values:") in text


def test_it_says_the_decision_was_taken_with_information_still_missing(rendered):
    version, _html, pdf = rendered
    facts = json.loads(version.canonical_json)["facts"]
    assert facts["open_information_needs"] > 0
    with translation.override("nl"):
        warning = gettext("This decision was taken with information still missing.")
    assert warning in flat(pdf_text(pdf))


def test_it_says_nothing_is_missing_when_every_need_is_answered(db):
    session = demo_session()
    InformationNeed.objects.filter(session=session).update(status="beantwoord", answer="Bekend.")
    Session.objects.filter(pk=session.pk).update(facts_sufficient=Session.Sufficiency.YES)
    _html, pdf = render_record_pdf(finalise(session, by=session.facilitator))
    with translation.override("nl"):
        warning = gettext("This decision was taken with information still missing.")
    assert warning not in flat(pdf_text(pdf))


def test_it_counts_the_control_answers_without_names_and_keeps_the_comments(rendered):
    version, _html, pdf = rendered
    record = json.loads(version.canonical_json)
    text = flat(pdf_text(pdf))
    for comment in record["control_question"]["comments"]:
        assert flat(comment)[:40] in text
    # Counts only: the record keeps no link between an answer and who gave it.
    with translation.override("nl"):
        for value, label in ControlAnswer.Situation.choices:
            assert f"{label} {record['control_question']['situation'][value]}" in text
        for value, label in ControlAnswer.Stance.choices:
            assert f"{label} {record['control_question']['stance'][value]}" in text


def test_it_renders_the_frozen_record_not_the_live_session(version):
    Session.objects.filter(pk=version.session_id).update(title="Een later gewijzigde titel")
    _html, pdf = render_record_pdf(version)
    text = flat(pdf_text(pdf))
    assert "Windmolens bij Oosterhoek" in text
    assert "Een later gewijzigde titel" not in text


def test_it_accounts_for_the_version_its_hash_and_who_finalised_it(rendered):
    version, _html, pdf = rendered
    text = pdf_text(pdf)
    assert version.sha256 in squeezed(text)
    assert "gespreksleider.lindeveen" in text
    with translation.override("nl"):
        assert gettext("PDF generated at") in flat(text)


def test_a_correction_names_the_version_it_supersedes_with_its_hash_and_reason(version):
    session = version.session
    start_correction(session)
    correction = finalise(session, by=session.facilitator, reason="Een feit was onjuist.")
    _html, pdf = render_record_pdf(correction)
    text = pdf_text(pdf)
    assert version.sha256 in squeezed(text)
    assert "Een feit was onjuist." in flat(text)
    assert record_filename(correction).endswith("-v2.pdf")


def test_the_file_name_names_organisation_date_title_and_version(version):
    assert record_filename(version) == (
        f"besluit-gemeente-lindeveen-{version.session.date.isoformat()}"
        "-windmolens-bij-oosterhoek-v1.pdf"
    )


# --- the embedded record ---------------------------------------------------------------------


def test_the_embedded_json_is_the_record_byte_for_byte(rendered):
    version, _html, pdf = rendered
    embedded = extract_record_json(pdf)
    assert embedded == version.canonical_json
    assert hashlib.sha256(embedded.encode()).hexdigest() == version.sha256


def test_rendering_twice_embeds_the_same_record(version):
    first = extract_record_json(render_record_pdf(version)[1])
    second = extract_record_json(render_record_pdf(version)[1])
    assert first == second == version.canonical_json
    assert (
        hashlib.sha256(first.encode()).hexdigest()
        == hashlib.sha256(second.encode()).hexdigest()
        == version.sha256
    )


@pytest.mark.parametrize(
    "data", [b"not a pdf", b"", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", b"%PDF-" + b"\xff" * 64]
)
def test_extracting_from_what_is_no_pdf_gives_none(data):
    assert extract_record_json(data) is None


def test_extracting_from_a_pdf_without_attachment_gives_none():
    pdf = html_to_pdf('<html lang="en"><title>Plain</title><p>Nothing attached.</p></html>')
    assert pdf.startswith(b"%PDF-")
    assert extract_record_json(pdf) is None


def test_extracting_from_a_truncated_record_pdf_never_raises(rendered):
    version, _html, pdf = rendered
    for size in (len(pdf) // 2, len(pdf) - 200, 1000):
        assert extract_record_json(pdf[:size]) in (None, version.canonical_json)


# --- PDF/A-3a ----------------------------------------------------------------------------------


def test_it_is_pdf_a_3a_with_structure_language_fonts_intent_and_data_attachment(rendered):
    _version, _html, pdf_bytes = rendered
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "A"
        root = pdf.Root
        assert "/StructTreeRoot" in root
        assert str(root.Lang) == "nl"
        assert "/OutputIntents" in root and len(root.OutputIntents) >= 1
        assert str(root.OutputIntents[0].S) == "/GTS_PDFA1"

        fonts = 0
        for page in pdf.pages:
            for _name, font in page.Resources.get("/Font", {}).items():
                fonts += 1
                described = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
                descriptor = described.FontDescriptor
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts > 0

        assert list(pdf.attachments) == ["besluit.json"]
        spec = pdf.attachments["besluit.json"].obj
        assert spec.AFRelationship == pikepdf.Name("/Data")
        assert any(item.objgen == spec.objgen for item in root.AF)


def test_weasyprint_logs_no_errors(version, caplog):
    caplog.set_level(logging.ERROR, logger="weasyprint")
    render_record_pdf(version)
    render_record_pdf(version, language="en")
    errors = [r for r in caplog.records if r.name.startswith("weasyprint")]
    assert errors == [], [r.getMessage() for r in errors]


def test_it_renders_in_english_with_english_page_numbers(version):
    html, pdf = render_record_pdf(version, language="en")
    text = flat(pdf_text(pdf))
    with translation.override("en"):
        missing = [msgid for msgid in HEADINGS if flat(gettext(msgid)) not in text]
        page_of = gettext("page %(page)s of %(pages)s") % {"page": 1, "pages": ""}
    assert missing == []
    assert page_of.strip() == "page 1 of"
    assert page_of.strip() in flat(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert '<html lang="en">' in html
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "en"


# --- hostile text ------------------------------------------------------------------------------


def fill_every_free_text_field(session, text):
    Session.objects.filter(pk=session.pk).update(
        title=text,
        problem_statement=text,
        option_x=text,
        option_y=text,
        legal_rule_note=text,
        owner_name=text,
        referred_to=text,
        owner_note=text,
        facts_note=text,
        third_way=text,
        reasoning=text,
        g_over_b_justification=text,
        compensation_note=text,
    )
    Stakeholder.objects.filter(session=session).update(
        name=text, rights=text, interests=text, expectations=text
    )
    ApplicableRule.objects.filter(session=session).update(title=text, assessment=text)
    Fact.objects.filter(session=session).update(text=text, source=text)
    InformationNeed.objects.filter(session=session).update(
        question=text, assignee=text, answer=text
    )
    Argument.objects.filter(session=session).update(text=text)
    RJudgement.objects.filter(session=session).update(note=text)
    PrincipleTest.objects.filter(session=session).update(note=text)
    CompensationMeasure.objects.filter(session=session).update(action=text, owner=text)
    ControlAnswer.objects.filter(session=session).update(comment=text)
    Objection.objects.filter(session=session).update(text=text, handling_reason=text)
    value = CoreValue.objects.create(organisation=session.organisation, name=text, position=99)
    Argument.objects.filter(session=session).first().core_values.add(value)
    User.objects.filter(pk=session.participants.first().pk).update(last_name=text[:150])


def test_markup_in_every_field_is_shown_as_text_and_fetches_nothing(db):
    session = demo_session()
    fill_every_free_text_field(session, HOSTILE)
    version = finalise(session, by=session.facilitator)
    html, pdf_bytes = render_record_pdf(version)

    assert "<img" not in html
    assert "<link rel=attachment" not in html
    assert "&lt;link rel=attachment" in html

    text = pdf_text(pdf_bytes)
    assert squeezed(HOSTILE) in squeezed(text)
    assert squeezed(text).count(squeezed(HOSTILE)) >= 30
    with translation.override("nl"):
        assert gettext("Why a consequence weighs heavier than a principle") in flat(text)

    assert list(PdfReader(io.BytesIO(pdf_bytes)).attachments) == ["besluit.json"]
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert list(pdf.attachments) == ["besluit.json"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                assert b"root:x:0:0" not in obj.read_bytes()
    assert b"root:x:0:0" not in pdf_bytes
    assert extract_record_json(pdf_bytes) == version.canonical_json


def test_even_raw_markup_cannot_attach_a_file_or_reach_the_network(caplog):
    # Defence in depth: were markup ever to reach WeasyPrint unescaped, the fetcher refuses.
    caplog.set_level(logging.ERROR, logger="weasyprint")
    pdf_bytes = html_to_pdf(f'<html lang="en"><title>Raw</title><p>{HOSTILE}</p></html>')
    assert PdfReader(io.BytesIO(pdf_bytes)).attachments == {}
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                assert b"root:x:0:0" not in obj.read_bytes()
    refusals = " ".join(r.getMessage() for r in caplog.records)
    assert "RefusedURLError" in refusals
    assert "file:///etc/passwd" in refusals
    assert "http://127.0.0.1:9/x.png" in refusals


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/",
        "https://example.org/style.css",
        "ftp://127.0.0.1/x",
        "file://otherhost/etc/passwd",
        "../config/settings.py",
    ],
)
def test_the_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(RefusedURLError):
        url_fetcher().fetch(url)


@pytest.mark.parametrize(
    "path", ["../config/settings.py", "css/../../manage.py", "%2e%2e/manage.py", "css/"]
)
def test_the_fetcher_refuses_paths_leading_out_of_the_static_folder(path):
    with pytest.raises(RefusedURLError):
        url_fetcher().fetch(static_base_url() + path)


def test_the_fetcher_serves_the_stylesheet_and_data_urls(settings):
    from weasyprint.urls import URLFetcher

    assert isinstance(url_fetcher(), URLFetcher)
    response = url_fetcher().fetch(static_base_url() + "css/record_pdf.css")
    assert response.content_type == "text/css"
    stylesheet = (settings.BASE_DIR / "static" / "css" / "record_pdf.css").read_bytes()
    assert response.read() == stylesheet
    assert re.search(rb"url\(", stylesheet) is None

    data = url_fetcher().fetch("data:text/plain,hallo")
    assert data.read() == b"hallo"


def test_importing_the_pdf_module_does_not_load_weasyprint(settings):
    code = (
        "import sys, django; django.setup(); import casebook.pdf; "
        "sys.exit('weasyprint' in sys.modules)"
    )
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True
    )
    assert result.returncode == 0, result.stderr.decode()
