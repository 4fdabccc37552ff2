"""The permission matrix (docs/permissions.md), cell by cell, through every URL.

Each persona calls every URL of the application. Where the matrix in the documentation
allows the persona's role the action on that session, the answer is not a refusal; where it
does not, the answer is 403 or 404, nothing in the database changes and exactly one
``denied`` audit event is written. Expectations come from the table in the documentation,
not from the code under test; a separate test checks that the two agree.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from casebook import records
from deliberation.models import (
    ApplicableRule,
    Argument,
    CompensationMeasure,
    Fact,
    InformationNeed,
    Objection,
    Session,
    Stakeholder,
)
from principles.models import AuditEvent, Organisation
from principles.permissions import MATRIX, SESSION_ACTIONS, Scope
from tests.conftest import make_user
from tests.permission_cases import extra_cases, extra_public

DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"
ROLES = ["deelnemer", "gespreksleider", "integriteitscoordinator", "manager", "beheerder"]


def documented_matrix():
    """The two tables of docs/permissions.md as {action: {role: cell}}."""
    matrix = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"[a-z_]+", cells[0]) and cells[0] != "action":
            matrix[cells[0]] = dict(zip(ROLES, cells[1:], strict=True))
    return matrix


def test_the_documented_matrix_is_the_matrix_in_the_code():
    documented = documented_matrix()
    assert set(documented) == {str(action) for action in MATRIX}
    words = {True: "yes", False: "no", Scope.NONE: "no"}
    for action, cells in MATRIX.items():
        for role, granted in cells.items():
            expected = words.get(granted, str(granted))
            assert documented[str(action)][str(role)] == expected, (action, role)


# --- the personas and what they are to the sessions --------------------------------------

# How each persona relates to the sessions of organisation A.
PERSONAS = {
    "participant": ("deelnemer", {"own"}),
    "bystander": ("deelnemer", set()),
    "leader": ("gespreksleider", {"own", "lead", "facilitator"}),
    "other_facilitator": ("gespreksleider", set()),
    "coordinator": ("integriteitscoordinator", set()),
    "manager": ("manager", set()),
    "administrator": ("beheerder", set()),
}


def allowed(persona, action, url="", own_page=False):
    """What docs/permissions.md says about this persona and action."""
    if persona == "outsider":
        # Nothing of organisation A; its own organisation's pages as a beheerder.
        own = own_page or url in OWN_ORGANISATION_PAGES
        return own and documented_matrix()[action]["beheerder"] == "yes"
    role, relations = PERSONAS[persona]
    cell = documented_matrix()[action][role]
    if action in SESSION_ACTIONS:
        return cell == "all" or cell in relations
    return cell == "yes"


@pytest.fixture
def world(db):
    org = Organisation.objects.create(name="Gemeente Aadorp", kind="gemeente")
    other = Organisation.objects.create(name="Provincie Bedeland", kind="provincie")
    people = {
        name: make_user(name, org, role, name.title()) for name, (role, _) in PERSONAS.items()
    }
    people["outsider"] = make_user("outsider", other, "beheerder", "Olaf")
    leader, participant = people["leader"], people["participant"]

    def new_session(title):
        session = Session.objects.create(
            organisation=org,
            title=title,
            facilitator=leader,
            created_by=leader,
            option_x="Ja",
            option_y="Nee",
        )
        session.participants.set([leader, participant])
        return session

    open_session = new_session("Open")
    stakeholder = Stakeholder.objects.create(session=open_session, name="Bewoners", kind="burgers")
    # Stakeholders last: deleting one takes its compensation measures along.
    items = {
        "rules": ApplicableRule.objects.create(session=open_session, title="Wet"),
        "facts": Fact.objects.create(session=open_session, text="Feit"),
        "needs": InformationNeed.objects.create(session=open_session, question="Vraag?"),
        "arguments": Argument.objects.create(
            session=open_session, side="X", category="B", text="Recht"
        ),
    }
    items["measures"] = CompensationMeasure.objects.create(
        session=open_session, stakeholder=stakeholder, action="Uitleg"
    )
    items["stakeholders"] = stakeholder
    objection = Objection.objects.create(session=open_session, step=2, text="Bezwaar")

    closed = new_session("Gesloten")
    closed.close_as_not_a_dilemma("De wet beslist.")

    finalised = new_session("Vastgesteld")
    measure = CompensationMeasure.objects.create(session=finalised, action="Gesprek")
    version = records.finalise(finalised, by=leader)
    return {
        "people": people,
        "open": open_session,
        "items": items,
        "objection": objection,
        "closed": closed,
        "finalised": finalised,
        "measure": measure,
        "version": version,
    }


EDIT, VIEW = "edit_session", "view_session"


def item_cases(w):
    pk = w["open"].pk
    cases = []
    for kind, item in w["items"].items():
        base = f"/sessies/{pk}/{kind}/"
        cases += [
            ("item_add", "post", base, {f"add-{kind}-text": "x"}, "edit_session"),
            ("item_edit", "get", f"{base}{item.pk}/", None, "edit_session"),
            ("item_edit", "post", f"{base}{item.pk}/", {}, "edit_session"),
            (
                "item_move",
                "post",
                f"{base}{item.pk}/verplaatsen/",
                {"direction": "up"},
                "edit_session",
            ),
            ("item_delete", "post", f"{base}{item.pk}/verwijderen/", {}, "edit_session"),
        ]
    return cases


def session_cases(w):
    pk, closed, fin = w["open"].pk, w["closed"].pk, w["finalised"].pk
    o = w["objection"].pk
    cases = [
        ("session", "get", f"/sessies/{pk}/", None, "view_session"),
        ("session_edit", "get", f"/sessies/{pk}/gegevens/", None, "moderate"),
        ("session_edit", "post", f"/sessies/{pk}/gegevens/", {"title": ""}, "moderate"),
        ("control", "get", f"/sessies/{pk}/controlevraag/", None, "view_session"),
        ("control", "post", f"/sessies/{pk}/controlevraag/", {}, "edit_session"),
        ("session_close", "post", f"/sessies/{pk}/sluiten/", {}, "edit_session"),
        ("session_reopen", "post", f"/sessies/{closed}/heropenen/", {}, "moderate"),
        ("objection_add", "post", f"/sessies/{pk}/tegenspraak/", {}, "edit_session"),
        ("objection_handle", "post", f"/sessies/{pk}/tegenspraak/{o}/", {}, "moderate"),
        ("draft_save", "post", f"/sessies/{pk}/concept/step-1/", {"x": "y"}, "edit_session"),
        ("draft_discard", "post", f"/sessies/{pk}/concept/step-1/verwerpen/", {}, "view_session"),
        ("finalise", "get", f"/sessies/{pk}/vaststellen/", None, "finalise"),
        ("finalise", "post", f"/sessies/{pk}/vaststellen/", {}, "finalise"),
        ("start_correction", "post", f"/sessies/{fin}/correctie/", {}, "amend"),
        ("record", "get", f"/sessies/{fin}/besluit/", None, "view_session"),
        ("record_pdf", "get", f"/sessies/{fin}/besluit/v1/pdf/", None, "download_pdf"),
        ("record_json", "get", f"/besluiten/{w['version'].pk}/json/", None, "download_pdf"),
        (
            "measure_status",
            "post",
            f"/sessies/{fin}/besluit/maatregelen/{w['measure'].pk}/",
            {f"measure-{w['measure'].pk}-status": "bezig"},
            "follow_up",
        ),
        ("session_audit_trail", "get", f"/sessies/{pk}/logboek/", None, "session_audit"),
    ]
    cases += [
        ("step", "get", f"/sessies/{pk}/stap/{n}/", None, "view_session") for n in range(1, 8)
    ]
    cases += [("step", "post", f"/sessies/{pk}/stap/1/", {}, "edit_session")]
    return cases + item_cases(w)


# Organisation pages that name no object: the outsider (a beheerder of organisation B)
# uses them for its own organisation, as its role allows.
OWN_ORGANISATION_PAGES = {"/sessies/nieuw/", "/besluiten/export/", "/logboek/", "/beheer/leden/"}


def organisation_cases(w, export_pk, member_pk):
    return [*core_organisation_cases(w, export_pk, member_pk), *extra_cases(w)]


def core_organisation_cases(w, export_pk, member_pk):
    return [
        ("session_create", "get", "/sessies/nieuw/", None, "create_session"),
        ("session_create", "post", "/sessies/nieuw/", {}, "create_session"),
        ("export", "get", "/besluiten/export/", None, "export"),
        ("export", "post", "/besluiten/export/", {}, "export"),
        ("export_status", "get", f"/besluiten/export/{export_pk}/", None, "export"),
        ("export_download", "get", f"/besluiten/export/{export_pk}/download/", None, "export"),
        ("audit_trail", "get", "/logboek/", None, "see_audit"),
        ("members", "get", "/beheer/leden/", None, "administer"),
        ("member_edit", "get", f"/beheer/leden/{member_pk}/", None, "administer"),
        ("member_edit", "post", f"/beheer/leden/{member_pk}/", {"role": "manager"}, "administer"),
    ]


# Pages every logged-in member may use, and pages for everyone.
FOR_MEMBERS = [
    ("home", "/"),
    ("framework", "/kader/"),
    ("verify", "/besluiten/verifieren/"),
]
PUBLIC = [
    ("help", "/help/"),
    ("accessibility", "/toegankelijkheid/"),
    ("login", "/inloggen/"),
    ("health", "/health/"),
]
# Not part of the matrix: Django's own language switch and admin (is_staff only), logging
# out, and the single sign-on endpoints (tests/test_oidc.py).
OUTSIDE_THE_MATRIX = {"set_language", "logout"}
OUTSIDE_NAMESPACES = {"admin"}


def url_names():
    names = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or namespace
                if ns in OUTSIDE_NAMESPACES:
                    continue
                if (
                    pattern.urlconf_name == "config.oidc_urls"
                    or getattr(pattern.urlconf_module, "__name__", "") == "config.oidc_urls"
                ):
                    continue
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(pattern.name)

    walk(get_resolver().url_patterns)
    return names - OUTSIDE_THE_MATRIX


def test_every_url_of_the_application_is_in_this_test(world):
    from casebook.models import RecordExport

    export = RecordExport.objects.create(
        organisation=world["open"].organisation, requested_by=world["people"]["manager"], total=0
    )
    member_pk = world["people"]["participant"].membership.pk
    covered = {case[0] for case in session_cases(world)}
    covered |= {case[0] for case in organisation_cases(world, export.pk, member_pk)}
    covered |= {name for name, _ in FOR_MEMBERS + PUBLIC + extra_public(world)}
    assert url_names() == covered


def snapshot():
    """Every row of every model of ours (but the audit trail) and the task queue."""
    state = {}
    labels = ["deliberation", "casebook", "principles", "auth", "django_tasks_database"]
    for label in labels:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model is AuditEvent:
                continue
            state[model._meta.label] = list(model.objects.order_by("pk").values())
    return state


def call(client, method, url, data):
    if method == "get":
        return client.get(url)
    return client.post(url, data or {})


@pytest.mark.parametrize("persona", [*PERSONAS, "outsider"])
def test_every_cell_of_the_matrix_through_every_url(client, world, persona):
    from casebook.models import RecordExport

    people = world["people"]
    export = RecordExport.objects.create(
        organisation=world["open"].organisation,
        requested_by=people["manager"],
        total=0,
        status=RecordExport.Status.DONE,
        archive=b"PK\x05\x06" + b"\x00" * 18,
    )
    member_pk = people["participant"].membership.pk
    client.force_login(people[persona])
    cases = session_cases(world) + organisation_cases(world, export.pk, member_pk)
    failures = []
    for _name, method, url, data, action, *own_page in cases:
        expected = allowed(persona, action, url, own_page=bool(own_page and own_page[0]))
        before = snapshot() if not expected else None
        events = AuditEvent.objects.filter(result="denied").count()
        response = call(client, method, url, data)
        status = response.status_code
        if expected:
            if status in (403, 404) or status >= 500:
                failures.append(f"{method.upper()} {url} ({action}) refused: {status}")
            continue
        if status not in (403, 404):
            failures.append(f"{method.upper()} {url} ({action}) not refused: {status}")
            continue
        if snapshot() != before:
            failures.append(f"{method.upper()} {url} ({action}) changed the database")
        denied = AuditEvent.objects.filter(result="denied").count() - events
        if denied != 1:
            failures.append(f"{method.upper()} {url} ({action}) wrote {denied} denied events")
    assert not failures, "\n".join(failures)


def test_without_login_every_url_sends_to_the_login_page_and_changes_nothing(client, world):
    from casebook.models import RecordExport

    export = RecordExport.objects.create(
        organisation=world["open"].organisation, requested_by=world["people"]["manager"], total=0
    )
    member_pk = world["people"]["participant"].membership.pk
    cases = session_cases(world) + organisation_cases(world, export.pk, member_pk)
    cases += [(name, "get", url, None, None) for name, url in FOR_MEMBERS]
    before = snapshot()
    for _name, method, url, data, *_rest in cases:
        response = call(client, method, url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/inloggen/"), url
    assert snapshot() == before


@pytest.mark.parametrize("name,url", PUBLIC)
def test_public_pages_need_no_login(client, db, name, url):
    assert client.get(url).status_code == 200


def test_public_pages_of_features_need_no_login(client, world):
    for _name, url in extra_public(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("name,url", FOR_MEMBERS)
def test_member_pages_are_open_to_every_role(client, world, name, url):
    for persona in [*PERSONAS, "outsider"]:
        client.force_login(world["people"][persona])
        assert client.get(url).status_code == 200, persona
