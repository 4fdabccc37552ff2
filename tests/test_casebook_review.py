"""Reviewing and sharing cases (issue 4): annotations, links, anonymised sharing.

Cases are finalised with ``casebook.records.finalise``, the function the finalise view uses.
"""

import io
import json
import re

import pytest
from django.contrib.auth.models import User
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext
from pypdf import PdfReader

from casebook import anonymise, review_views
from casebook.models import CaseAnnotation, CaseLink, CaseShare, Theme
from casebook.records import finalise, start_correction
from deliberation.models import (
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    Session,
    Stakeholder,
)
from principles.models import AuditEvent, Membership, Organisation

XSS = "<script>alert(1)</script>"
PERSONAL = (
    "Mail jolanda.v@aadorp.nl of bel 06-12345678 of +31 20 1234567. BSN 123456789. "
    "Adres Dorpsstraat 12, 1234 AB 5. IBAN NL91 ABNA 0417 1643 00. IP 192.168.10.20."
)
PERSONAL_PIECES = [
    "jolanda.v@aadorp.nl",
    "12345678",
    "1234567",
    "123456789",
    "Dorpsstraat 12",
    "1234 AB",
    "NL91",
    "0417 1643",
    "192.168.10.20",
]


def person(username, organisation, role, first, last):
    user = User.objects.create_user(
        username, password="a-long-test-password-123", first_name=first, last_name=last
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def org_a(db):
    return Organisation.objects.create(name="Gemeente Aadorp", kind="gemeente")


@pytest.fixture
def org_b(db):
    return Organisation.objects.create(name="Provincie Bedeland", kind="provincie")


@pytest.fixture
def people(org_a, org_b):
    return {
        "facilitator": person("skuipers", org_a, "gespreksleider", "Sanne", "Kuipers"),
        "participant": person("jverhoeven", org_a, "deelnemer", "Jolanda", "Verhoeven"),
        "second": person("pberg", org_a, "deelnemer", "Pieter", "van den Berg"),
        "coordinator": person("cbakker", org_a, "integriteitscoordinator", "Cornelis", "Bakker"),
        "manager": person("mjanssen", org_a, "manager", "Marit", "Janssen"),
        "coordinator_b": person("owillems", org_b, "integriteitscoordinator", "Olaf", "Willems"),
        "member_b": person("bmulder", org_b, "deelnemer", "Bram", "Mulder"),
    }


# Every name the case knows, as it could appear anywhere.
NAMES = [
    "Sanne",
    "Kuipers",
    "skuipers",
    "Jolanda",
    "Verhoeven",
    "jverhoeven",
    "Pieter",
    "van den Berg",
    "pberg",
    "Familie Brouwer",
    "Henk Zwart",
    "Zwart",
    "Marieke Dekker",
    "Dekker",
    "Joost Hendriks",
    "Hendriks",
    "Petra Smit",
    "Aadorp",
]


def make_case(organisation, facilitator, participants, title="Subsidie voor de dorpsraad", salt=""):
    """A finalised case; ``salt`` is appended to every text a person typed."""
    session = Session.objects.create(
        organisation=organisation,
        title=title,
        facilitator=facilitator,
        created_by=facilitator,
        problem_statement=(
            "Jolanda Verhoeven vroeg Sanne Kuipers of Familie Brouwer subsidie krijgt. "
            "Pieter van den Berg (pberg) en jverhoeven twijfelden. " + PERSONAL + salt
        ),
        option_x="Subsidie geven aan Henk Zwart" + salt,
        option_y="Geen subsidie; Zwart krijgt uitleg van Gemeente Aadorp" + salt,
        owner_name="wethouder Marieke Dekker",
        chosen_option="X",
        reasoning="Dekker besluit, na advies van VERHOEVEN en kuipers." + salt,
        third_way=salt,
        owner_note=salt,
        facts_note=salt,
        compensation_note=salt,
        status=Session.Status.DECIDED,
        decided_at=timezone.now(),
    )
    session.participants.set([facilitator, *participants])
    family = Stakeholder.objects.create(
        session=session,
        name="Familie Brouwer",
        kind="burgers",
        interests="Brouwer wil zekerheid" + salt,
        rights=salt,
    )
    Stakeholder.objects.create(
        session=session,
        name="Henk Zwart",
        kind="anders",
        interests="Henk wil duidelijkheid" + salt,
        expectations=salt,
    )
    Fact.objects.create(
        session=session, text="Sanne sprak Jolanda op 3 maart." + salt, source="Pieter" + salt
    )
    InformationNeed.objects.create(
        session=session, question="Wat zegt de regeling?" + salt, assignee="Petra Smit", answer=salt
    )
    Argument.objects.create(
        session=session,
        side="X",
        category="B",
        text="Verhoeven: gelijke behandeling van Familie Brouwer." + salt,
        decisive=True,
    )
    Argument.objects.create(
        session=session, side="Y", category="G", text="Kuipers vreest precedentwerking." + salt
    )
    CompensationMeasure.objects.create(
        session=session,
        stakeholder=family,
        action="Gesprek met Henk" + salt,
        owner="Joost Hendriks",
    )
    for user in participants:
        ControlAnswer.objects.create(
            session=session,
            participant=user,
            situation="prettig",
            stance="ja",
            comment=f"{user.first_name} staat erachter{salt}",
        )
    Objection.objects.create(session=session, step=5, text="Pieter mist een argument." + salt)
    finalise(session, by=facilitator)
    return Session.objects.get(pk=session.pk)


@pytest.fixture
def case(org_a, people):
    return make_case(org_a, people["facilitator"], [people["participant"], people["second"]])


@pytest.fixture
def other_case(org_a, people):
    return make_case(
        org_a,
        people["facilitator"],
        [people["participant"], people["second"]],
        title="Geschenk van een aannemer",
    )


@pytest.fixture
def case_b(org_b, people):
    facilitator = person("bfac", org_b, "gespreksleider", "Berend", "Visser")
    return make_case(org_b, facilitator, [people["member_b"]], title="Bijbaan bij de provincie")


@pytest.fixture
def as_coordinator(client, people):
    client.force_login(people["coordinator"])
    return client


def share_data(case, client, level="overheid", consent_by="Marieke Dekker", **extra):
    """The share page's form as the coordinator sees it, filled in."""
    page = client.get(reverse("case_share", args=[case.pk]))
    formset = page.context["formset"]
    data = {
        "level": level,
        "consent_by": consent_by,
        "consent_on": timezone.localdate().isoformat(),
        "revision": page.context["form"].initial.get("revision", 0),
        "r-TOTAL_FORMS": str(len(formset.forms)),
        "r-INITIAL_FORMS": str(len(formset.initial or [])),
        "r-MIN_NUM_FORMS": "0",
        "r-MAX_NUM_FORMS": "400",
    }
    for index, row in enumerate(formset.initial or []):
        for key in ("original", "replacement", "source"):
            data[f"r-{index}-{key}"] = row[key]
    data.update(extra)
    return data


def preview_and_approve(client, case, **kwargs):
    data = share_data(case, client, **kwargs)
    url = reverse("case_share", args=[case.pk])
    preview = client.post(url, {**data, "action": "preview"})
    assert preview.status_code == 200, preview.content.decode()[:2000]
    form = preview.context["form"]
    formset = preview.context["formset"]
    approved = {**data, "digest": form.data["digest"], "action": "approve"}
    approved["r-TOTAL_FORMS"] = str(len(formset.forms))
    for index, row in enumerate(formset.initial):
        for key in ("original", "replacement", "source"):
            approved[f"r-{index}-{key}"] = row[key]
    return client.post(url, approved)


@pytest.fixture
def shared(case, as_coordinator):
    response = preview_and_approve(as_coordinator, case)
    assert response.status_code == 302
    as_coordinator.logout()
    return CaseShare.objects.get(session=case)


def review_data(version=0, **fields):
    return {"lessons": "", "new_themes": "", "version": version, **fields}


def denied():
    return AuditEvent.objects.filter(result="denied").count()


# --- URLs --------------------------------------------------------------------------------


def test_every_review_url_resolves_to_the_review_views():
    for path, view in [
        ("/casebook/1/beoordelen/", review_views.case_review),
        ("/casebook/1/koppelingen/", review_views.case_link_add),
        ("/casebook/1/koppelingen/2/verwijderen/", review_views.case_link_delete),
        ("/casebook/1/delen/", review_views.case_share),
        ("/casebook/1/delen/intrekken/", review_views.case_share_withdraw),
        ("/gedeeld/", review_views.shared_cases),
        ("/gedeeld/1/", review_views.shared_case),
        ("/gedeeld/1/pdf/", review_views.shared_case_pdf),
        ("/openbaar/", review_views.public_cases),
        ("/openbaar/1/", review_views.public_case),
    ]:
        assert resolve(path).func is view, path


# --- annotations -------------------------------------------------------------------------


def test_the_coordinator_reviews_a_case_with_lessons_themes_and_a_leading_flag(
    as_coordinator, case, org_a
):
    existing = Theme.objects.create(organisation=org_a, name="Subsidies")
    url = reverse("case_review", args=[case.pk])
    assert as_coordinator.get(url).status_code == 200
    response = as_coordinator.post(
        url,
        review_data(
            lessons="Vraag eerst de regeling op.",
            themes=[existing.pk],
            new_themes="Gelijke behandeling, subsidies , Dorpsraad",
            leading="on",
            review_date="2027-01-15",
        ),
    )
    assert response.status_code == 302
    annotation = CaseAnnotation.objects.get(session=case)
    assert annotation.lessons == "Vraag eerst de regeling op."
    assert annotation.leading is True
    assert annotation.review_date.isoformat() == "2027-01-15"
    assert annotation.version == 1
    # "subsidies" is the existing theme, whatever its case.
    assert sorted(t.name for t in annotation.themes.all()) == [
        "Dorpsraad",
        "Gelijke behandeling",
        "Subsidies",
    ]
    assert Theme.objects.filter(organisation=org_a).count() == 3
    event = AuditEvent.objects.get(action="case.annotate")
    assert event.organisation_id == org_a.pk and event.detail["leading"] is True


def test_the_case_page_shows_the_review_panel_to_the_coordinator(as_coordinator, case):
    as_coordinator.post(
        reverse("case_review", args=[case.pk]),
        review_data(lessons="Les " + XSS, new_themes="Thema " + XSS, leading="on"),
    )
    page = as_coordinator.get(reverse("case", args=[case.pk]))
    html = page.content.decode()
    assert "data-review-panel" in html
    assert reverse("case_review", args=[case.pk]) in html
    assert reverse("case_share", args=[case.pk]) in html
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_concurrent_edit_gives_a_visible_conflict_instead_of_an_overwrite(as_coordinator, case):
    url = reverse("case_review", args=[case.pk])
    as_coordinator.post(url, review_data(lessons="Eerste les"))
    # A second coordinator's form was loaded at version 0 too.
    response = as_coordinator.post(url, review_data(lessons="Tweede les", version=0))
    assert response.status_code == 409
    assert "data-conflict" in response.content.decode()
    assert CaseAnnotation.objects.get(session=case).lessons == "Eerste les"
    # The form now carries the current version: saving again is a deliberate choice.
    assert response.context["form"].data["version"] == "1"
    assert as_coordinator.post(url, review_data(lessons="Tweede les", version=1)).status_code == 302
    assert CaseAnnotation.objects.get(session=case).lessons == "Tweede les"


def test_a_tampered_version_on_a_new_review_is_a_conflict_and_creates_nothing(as_coordinator, case):
    response = as_coordinator.post(
        reverse("case_review", args=[case.pk]), review_data(lessons="x", version=7)
    )
    assert response.status_code == 409
    assert not CaseAnnotation.objects.exists()


def test_themes_belong_to_one_organisation(as_coordinator, case, org_b):
    foreign = Theme.objects.create(organisation=org_b, name="Geheim thema van B")
    url = reverse("case_review", args=[case.pk])
    assert "Geheim thema van B" not in as_coordinator.get(url).content.decode()
    response = as_coordinator.post(url, review_data(themes=[foreign.pk]))
    assert response.status_code == 422
    assert not CaseAnnotation.objects.exists()
    as_coordinator.post(url, review_data(new_themes="Geheim thema van B"))
    assert Theme.objects.filter(name="Geheim thema van B").count() == 2
    assert (
        CaseAnnotation.objects.get(session=case).themes.get().organisation_id
        == case.organisation_id
    )


def test_a_theme_longer_than_allowed_is_refused_with_a_message(as_coordinator, case):
    response = as_coordinator.post(
        reverse("case_review", args=[case.pk]), review_data(new_themes="x" * 81)
    )
    assert response.status_code == 422
    assert not Theme.objects.exists()


@pytest.mark.parametrize("who", ["participant", "manager", "facilitator"])
def test_members_without_the_annotate_action_are_refused_with_403(client, people, case, who):
    client.force_login(people[who])
    before = denied()
    assert client.get(reverse("case_review", args=[case.pk])).status_code == 403
    assert client.post(reverse("case_review", args=[case.pk]), review_data()).status_code == 403
    assert denied() == before + 2
    assert not CaseAnnotation.objects.exists()


def test_another_organisations_coordinator_gets_404_everywhere(client, people, case, shared):
    client.force_login(people["coordinator_b"])
    for name in ("case_review", "case_share"):
        before = denied()
        assert client.get(reverse(name, args=[case.pk])).status_code == 404
        assert denied() == before + 1
    for name, data in [
        ("case_review", review_data()),
        ("case_link_add", {}),
        ("case_share", {}),
        ("case_share_withdraw", {}),
    ]:
        assert client.post(reverse(name, args=[case.pk]), data).status_code == 404
    assert CaseShare.objects.get(session=case).level == "overheid"


def test_a_session_without_a_record_is_no_case(as_coordinator, org_a, people):
    session = Session.objects.create(
        organisation=org_a,
        title="Open",
        facilitator=people["facilitator"],
        created_by=people["facilitator"],
    )
    assert as_coordinator.get(reverse("case_review", args=[session.pk])).status_code == 404


# --- links -------------------------------------------------------------------------------


def test_the_coordinator_links_two_cases_and_removes_the_link(as_coordinator, case, other_case):
    url = reverse("case_link_add", args=[case.pk])
    review = as_coordinator.get(reverse("case_review", args=[case.pk]))
    assert other_case.title in review.content.decode()
    response = as_coordinator.post(
        url, {"kind": "volgt", "target": other_case.pk, "note": "Zelfde soort " + XSS}
    )
    assert response.status_code == 302
    link = CaseLink.objects.get()
    assert (link.source, link.target, link.kind) == (case, other_case, "volgt")
    html = as_coordinator.get(reverse("case_review", args=[case.pk])).content.decode()
    assert f'data-link="{link.pk}"' in html and XSS not in html
    # The other case shows the link too (in), and can remove it.
    delete = reverse("case_link_delete", args=[other_case.pk, link.pk])
    assert as_coordinator.post(delete).status_code == 302
    assert not CaseLink.objects.exists()
    assert [
        e.action for e in AuditEvent.objects.filter(action__startswith="case.").order_by("pk")
    ] == [
        "case.link",
        "case.unlink",
    ]


def test_the_title_search_narrows_the_cases_to_link_to(as_coordinator, case, other_case):
    make_case(case.organisation, other_case.facilitator, [], title="Bijbaan als raadslid")
    page = as_coordinator.get(reverse("case_review", args=[case.pk]), {"zoek": "geschenk"})
    choices = [label for _value, label in page.context["link_form"].fields["target"].choices]
    assert len(choices) == 2 and other_case.title in choices[1]
    assert (
        as_coordinator.get(reverse("case_review", args=[case.pk]), {"zoek": "x" * 300}).status_code
        == 200
    )


def test_bad_link_targets_are_refused_with_a_clear_message(
    as_coordinator, case, other_case, case_b, org_a, people
):
    url = reverse("case_link_add", args=[case.pk])
    not_finalised = Session.objects.create(
        organisation=org_a,
        title="Lopend",
        facilitator=people["facilitator"],
        created_by=people["facilitator"],
    )
    expected = gettext("Choose one of the finalised cases of your organisation.")
    for target in (case_b.pk, not_finalised.pk, 999999, "abc"):
        response = as_coordinator.post(url, {"kind": "volgt", "target": target})
        assert response.status_code == 422
        assert response.context["link_form"].errors["target"] == [expected]
    response = as_coordinator.post(url, {"kind": "volgt", "target": case.pk})
    assert response.status_code == 422
    assert (
        gettext("A case cannot be linked to itself.")
        in response.context["link_form"].errors["target"]
    )
    response = as_coordinator.post(url, {"kind": "bestaat-niet", "target": other_case.pk})
    assert response.status_code == 422
    assert as_coordinator.post(url, {"kind": "volgt", "target": other_case.pk}).status_code == 302
    response = as_coordinator.post(url, {"kind": "volgt", "target": other_case.pk})
    assert response.status_code == 422
    assert response.context["link_form"].errors["target"] == [gettext("This link already exists.")]
    # Another kind of relation between the same cases is a different link.
    assert (
        as_coordinator.post(url, {"kind": "onderscheidt", "target": other_case.pk}).status_code
        == 302
    )
    assert CaseLink.objects.count() == 2


def test_a_link_of_another_case_cannot_be_removed_through_this_case(
    as_coordinator, case, other_case, people
):
    third = make_case(case.organisation, people["facilitator"], [], title="Derde")
    link = CaseLink.objects.create(
        source=other_case, target=third, kind="volgt", created_by=people["coordinator"]
    )
    before = denied()
    response = as_coordinator.post(reverse("case_link_delete", args=[case.pk, link.pk]))
    assert response.status_code == 404
    assert CaseLink.objects.filter(pk=link.pk).exists()
    assert denied() == before + 1


# --- anonymisation -----------------------------------------------------------------------


def test_the_proposals_cover_every_name_the_case_knows(case):
    data = anonymise.current_version(case).data
    rows = anonymise.propose(data, consent_by="Marieke Dekker")
    originals = {row["original"].casefold() for row in rows}
    for name in NAMES:
        assert name.casefold() in originals, name
    by_name = {row["original"]: row["replacement"] for row in rows}
    assert by_name["Sanne Kuipers"] == gettext("the facilitator")
    assert by_name["Familie Brouwer"] == gettext("stakeholder %(letter)s") % {"letter": "A"}
    assert by_name["Gemeente Aadorp"] == gettext("a municipality")


def test_replacing_is_whole_word_case_insensitive_and_longest_first():
    replace = anonymise.replacer(
        [
            {"original": "Jan", "replacement": "deelnemer 1"},
            {"original": "Jan de  Vries", "replacement": "de gespreksleider"},
            {"original": "de gespreksleider", "replacement": "MOET NIET"},
        ]
    )
    assert replace("JAN DE VRIES en jan, maar niet Janssen of januari") == (
        "de gespreksleider en deelnemer 1, maar niet Janssen of januari"
    )


def test_personal_data_patterns_are_removed():
    text = anonymise.remove_personal_data(PERSONAL)
    for piece in PERSONAL_PIECES:
        assert piece not in text, piece
    assert anonymise.remove_personal_data("Op 05-06-2026 om 10:30 uur, 12 mensen") == (
        "Op 05-06-2026 om 10:30 uur, 12 mensen"
    )


def assert_no_original(text):
    for name in NAMES:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE), name
    for piece in PERSONAL_PIECES:
        assert piece not in text, piece


def test_sharing_needs_consent_and_a_previewed_approval(as_coordinator, case):
    url = reverse("case_share", args=[case.pk])
    data = share_data(case, as_coordinator, consent_by="")
    response = as_coordinator.post(url, {**data, "action": "approve"})
    assert response.status_code == 422
    assert "consent_by" in response.context["form"].errors
    assert not CaseShare.objects.exists()
    # With consent but without the preview's fingerprint: not approved.
    data = share_data(case, as_coordinator)
    response = as_coordinator.post(url, {**data, "action": "approve"})
    assert response.status_code == 422
    assert "data-share-error" in response.content.decode()
    assert not CaseShare.objects.exists()
    # Consent in the future is refused.
    data["consent_on"] = "2999-01-01"
    assert as_coordinator.post(url, {**data, "action": "preview"}).status_code == 422


def test_the_coordinator_previews_and_approves_the_anonymised_version(as_coordinator, case, people):
    response = preview_and_approve(as_coordinator, case)
    assert response.status_code == 302
    share = CaseShare.objects.get(session=case)
    assert share.level == "overheid"
    assert share.consent_by == "Marieke Dekker"
    assert share.approved_by == people["coordinator"] and share.approved_at
    assert share.version == anonymise.current_version(case)
    assert share.revision == 1
    assert_no_original(json.dumps(share.anonymised, ensure_ascii=False))
    assert "username" not in json.dumps(share.anonymised)
    assert "id" not in share.anonymised["session"]
    assert share.anonymised["organisation"]["name"] == gettext("a municipality")
    event = AuditEvent.objects.get(action="case.share")
    assert event.detail["level"] == "overheid"


def test_an_edited_and_an_own_replacement_are_applied(as_coordinator, case):
    data = share_data(case, as_coordinator)
    index = next(i for i in range(100) if data.get(f"r-{i}-original") == "Familie Brouwer")
    data[f"r-{index}-replacement"] = "het gezin"
    extra = int(data["r-TOTAL_FORMS"]) - 3
    data[f"r-{extra}-original"] = "dorpsraad"
    data[f"r-{extra}-replacement"] = "een vereniging"
    response = as_coordinator.post(
        reverse("case_share", args=[case.pk]), {**data, "action": "preview"}
    )
    preview = response.context["preview"]
    assert preview["session"]["title"] == "Subsidie voor de een vereniging"
    assert "het gezin" in response.content.decode()


def test_a_participant_name_kept_on_purpose_blocks_the_approval(as_coordinator, case):
    data = share_data(case, as_coordinator)
    index = next(i for i in range(100) if data.get(f"r-{i}-original") == "Jolanda Verhoeven")
    data[f"r-{index}-replacement"] = "Jolanda Verhoeven"
    url = reverse("case_share", args=[case.pk])
    preview = as_coordinator.post(url, {**data, "action": "preview"})
    assert "data-leftovers" in preview.content.decode()
    approve = {**data, "digest": preview.context["form"].data["digest"], "action": "approve"}
    response = as_coordinator.post(url, approve)
    assert response.status_code == 422
    assert "data-share-error" in response.content.decode()
    assert not CaseShare.objects.exists()


def test_a_first_name_kept_as_an_ordinary_word_only_warns(as_coordinator, case):
    data = share_data(case, as_coordinator)
    index = next(i for i in range(100) if data.get(f"r-{i}-original") == "Sanne")
    data[f"r-{index}-replacement"] = "Sanne"
    url = reverse("case_share", args=[case.pk])
    preview = as_coordinator.post(url, {**data, "action": "preview"})
    assert preview.context["leftovers"] == ["Sanne"]
    approve = {**data, "digest": preview.context["form"].data["digest"], "action": "approve"}
    assert as_coordinator.post(url, approve).status_code == 302
    assert "Sanne Kuipers" not in json.dumps(CaseShare.objects.get().anonymised)


def test_no_original_name_in_the_shared_page_or_its_pdf(client, people, shared):
    client.force_login(people["member_b"])
    page = client.get(reverse("shared_case", args=[shared.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Subsidie voor de dorpsraad" in html
    assert_no_original(html)
    response = client.get(reverse("shared_case_pdf", args=[shared.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "dorpsraad" in text
    assert_no_original(" ".join(text.split()))
    attached = reader.attachments["casus.json"][0].decode()
    assert json.loads(attached) == shared.anonymised
    assert_no_original(attached)
    actions = list(
        AuditEvent.objects.filter(actor_id=people["member_b"].pk, action__startswith="case.")
        .order_by("pk")
        .values_list("action", "organisation_id", "session_id")
    )
    assert actions == [
        ("case.shared_view", people["member_b"].membership.organisation_id, None),
        ("case.shared_download", people["member_b"].membership.organisation_id, None),
    ]


def test_the_shared_views_read_only_the_anonymised_copy(client, people, shared, case):
    # Even when the session itself changes afterwards, others see the approved copy.
    Session.objects.filter(pk=case.pk).update(title="Nieuwe titel met Jolanda")
    client.force_login(people["member_b"])
    html = client.get(reverse("shared_case", args=[shared.pk])).content.decode()
    assert "Nieuwe titel" not in html and "Subsidie voor de dorpsraad" in html


# --- who sees what -----------------------------------------------------------------------


def test_other_organisations_see_only_approved_shares_and_never_their_own(
    client, people, shared, case_b
):
    client.force_login(people["member_b"])
    listing = client.get(reverse("shared_cases"))
    assert listing.status_code == 200
    assert [s.pk for s in listing.context["page"].object_list] == [shared.pk]
    # B's own case (not shared) is nowhere; B's coordinator shares it: still not in B's list.
    client.force_login(people["coordinator_b"])
    preview_and_approve(client, case_b)
    listing = client.get(reverse("shared_cases"))
    assert [s.pk for s in listing.context["page"].object_list] == [shared.pk]


def test_non_shared_cases_of_another_organisation_are_invisible(
    client, people, case, case_b, shared
):
    own = CaseShare.objects.create(session=case_b)  # level: own organisation
    client.force_login(people["coordinator"])
    listing = client.get(reverse("shared_cases"))
    assert list(listing.context["page"].object_list) == []
    assert case_b.title not in listing.content.decode()
    for name in ("shared_case", "shared_case_pdf"):
        before = denied()
        assert client.get(reverse(name, args=[own.pk])).status_code == 404
        assert denied() == before + 1
        assert client.get(reverse(name, args=[999999])).status_code == 404
    client.logout()
    assert client.get(reverse("public_case", args=[own.pk])).status_code == 404
    assert client.get(reverse("public_case", args=[shared.pk])).status_code == 404
    assert list(client.get(reverse("public_cases")).context["page"].object_list) == []


def test_the_text_filter_and_pagination_of_shared_cases(client, people, shared):
    client.force_login(people["member_b"])
    assert len(client.get(reverse("shared_cases"), {"q": "dorpsraad"}).context["page"]) == 1
    assert len(client.get(reverse("shared_cases"), {"q": "windmolen"}).context["page"]) == 0
    assert client.get(reverse("shared_cases"), {"q": "x" * 10000}).status_code == 400
    assert client.get(reverse("shared_cases"), {"q": "\x00"}).status_code == 400
    assert client.get(reverse("shared_cases"), {"q": "'\"%_"}).status_code == 200
    assert client.get(reverse("shared_cases"), {"pagina": "abc"}).status_code == 200
    assert client.get(reverse("shared_cases"), {"pagina": "99"}).status_code == 200


def test_public_pages_without_login_show_only_public_cases(client, people, case, other_case):
    client.force_login(people["coordinator"])
    preview_and_approve(client, case, level="overheid")
    preview_and_approve(client, other_case, level="openbaar")
    government = CaseShare.objects.get(session=case)
    public = CaseShare.objects.get(session=other_case)
    client.logout()
    listing = client.get(reverse("public_cases"))
    assert listing.status_code == 200
    assert [s.pk for s in listing.context["page"].object_list] == [public.pk]
    page = client.get(reverse("public_case", args=[public.pk]))
    assert page.status_code == 200
    assert_no_original(page.content.decode())
    assert client.get(reverse("public_case", args=[government.pk])).status_code == 404
    # The members' pages still need a login.
    response = client.get(reverse("shared_case", args=[public.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert not AuditEvent.objects.filter(actor_id__isnull=True, action__startswith="case.").exists()


def test_withdrawing_removes_the_anonymised_version(client, people, shared, case):
    client.force_login(people["coordinator"])
    response = client.post(reverse("case_share_withdraw", args=[case.pk]))
    assert response.status_code == 302
    share = CaseShare.objects.get(pk=shared.pk)
    assert share.level == "organisatie"
    assert share.anonymised == {} and share.replacements == [] and share.consent_by == ""
    assert AuditEvent.objects.filter(action="case.share_withdraw").count() == 1
    client.force_login(people["member_b"])
    assert client.get(reverse("shared_case", args=[shared.pk])).status_code == 404
    assert list(client.get(reverse("shared_cases")).context["page"].object_list) == []


def test_choosing_own_organisation_only_on_the_share_page_withdraws_too(
    client, people, shared, case
):
    client.force_login(people["coordinator"])
    data = share_data(case, client, level="organisatie", consent_by="")
    assert client.post(reverse("case_share", args=[case.pk]), data).status_code == 302
    assert CaseShare.objects.get(pk=shared.pk).level == "organisatie"


def test_a_new_record_version_needs_a_new_approval_and_others_keep_the_old_one(
    client, people, shared, case
):
    start_correction(case)
    Session.objects.filter(pk=case.pk).update(title="Subsidie voor de dorpsraad (herzien)")
    finalise(Session.objects.get(pk=case.pk), by=people["facilitator"], reason="Typefout")
    client.force_login(people["coordinator"])
    page = client.get(reverse("case_share", args=[case.pk]))
    assert "data-outdated" in page.content.decode()
    panel = client.get(reverse("case", args=[case.pk])).content.decode()
    assert gettext("The shared version needs approval again.") in panel
    client.force_login(people["member_b"])
    html = client.get(reverse("shared_case", args=[shared.pk])).content.decode()
    assert "(herzien)" not in html and "Subsidie voor de dorpsraad" in html
    # Approved again: others see the new version.
    client.force_login(people["coordinator"])
    assert preview_and_approve(client, case).status_code == 302
    share = CaseShare.objects.get(pk=shared.pk)
    assert share.version.number == 2 and share.revision == 2
    client.force_login(people["member_b"])
    assert "(herzien)" in client.get(reverse("shared_case", args=[shared.pk])).content.decode()


def test_a_stale_share_form_gives_a_conflict(client, people, case):
    client.force_login(people["coordinator"])
    data = share_data(case, client)
    assert preview_and_approve(client, case).status_code == 302
    url = reverse("case_share", args=[case.pk])
    preview = client.post(url, {**data, "action": "preview"})
    approve = {**data, "digest": preview.context["form"].data["digest"], "action": "approve"}
    assert client.post(url, approve).status_code == 409
    assert CaseShare.objects.get(session=case).revision == 1


def test_sharing_is_for_the_coordinator_only(client, people, case):
    for who in ("manager", "participant", "facilitator"):
        client.force_login(people[who])
        assert client.get(reverse("case_share", args=[case.pk])).status_code == 403
        assert client.post(reverse("case_share_withdraw", args=[case.pk])).status_code == 403
    assert not CaseShare.objects.exists()


def test_user_text_is_escaped_on_every_page(client, people, org_a, org_b):
    facilitator = person("xss", org_a, "gespreksleider", "Xavier", "Sluis")
    session = make_case(org_a, facilitator, [], title="Titel " + XSS, salt=" " + XSS)
    client.force_login(people["coordinator"])
    review = client.get(reverse("case_review", args=[session.pk])).content.decode()
    assert XSS not in review
    data = share_data(session, client, level="openbaar", consent_by="Eigenaar " + XSS)
    extra = int(data["r-TOTAL_FORMS"]) - 3
    data[f"r-{extra}-original"] = "Titel"
    data[f"r-{extra}-replacement"] = "Kop " + XSS
    preview = client.post(reverse("case_share", args=[session.pk]), {**data, "action": "preview"})
    assert XSS not in preview.content.decode()
    assert preview_and_approve(client, session, level="openbaar").status_code == 302
    share = CaseShare.objects.get(session=session)
    for url in (
        reverse("shared_cases"),
        reverse("shared_case", args=[share.pk]),
        reverse("case_share", args=[session.pk]),
        reverse("case", args=[session.pk]),
    ):
        assert XSS not in client.get(url).content.decode(), url
    client.force_login(people["member_b"])
    for url in (reverse("shared_cases"), reverse("shared_case", args=[share.pk])):
        html = client.get(url).content.decode()
        assert XSS not in html and "&lt;script&gt;" in html, url
    client.logout()
    for url in (reverse("public_cases"), reverse("public_case", args=[share.pk])):
        assert XSS not in client.get(url).content.decode(), url


# --- query counts ------------------------------------------------------------------------

# 1 the login session, 2 the user, 3 the membership with its organisation, 4 the count of
# shared cases (paginator), 5 the page of shares (anonymised copies only), 6 the audit event.
SHARED_LIST_QUERIES = 6


@pytest.mark.parametrize("shares", [1, 4])
def test_the_shared_list_needs_a_fixed_number_of_queries(
    client, people, org_a, django_assert_num_queries, shares
):
    for number in range(shares):
        session = make_case(org_a, people["facilitator"], [], title=f"Casus {number}")
        version = anonymise.current_version(session)
        anonymise.share_case(
            session,
            by=people["coordinator"],
            level="overheid",
            consent_by="Marieke Dekker",
            consent_on=timezone.localdate(),
            replacements=anonymise.propose(version.data),
        )
    client.force_login(people["member_b"])
    with django_assert_num_queries(SHARED_LIST_QUERIES):
        response = client.get(reverse("shared_cases"))
    assert len(response.context["page"]) == shares


def test_the_shared_pdf_claims_pdf_a(people, shared):
    import pikepdf

    from casebook.shared_pdf import render_shared_pdf

    _html, pdf = render_shared_pdf(shared)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        assert meta.get("pdfaid:part") == "3"
        assert "/StructTreeRoot" in document.Root
