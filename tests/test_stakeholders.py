from django.utils.translation import gettext as _

from deliberation.models import Stakeholder
from tests.helpers import HTMX, add_data, edit_data, main_data, step_url


def add_stakeholder(client, session, **fields):
    data = {"name": "Omwonenden", "kind": "burgers", "rights": "Recht op inspraak"}
    data.update(fields)
    return client.post(f"/sessies/{session.pk}/stakeholders/", add_data("stakeholders", **data))


def test_it_adds_a_stakeholder_with_rights_interests_and_expectations(as_member, session):
    response = add_stakeholder(as_member, session, interests="Rust", expectations="Gehoord worden")
    assert response.status_code == 302
    stakeholder = Stakeholder.objects.get(session=session)
    assert (stakeholder.name, stakeholder.kind, stakeholder.interests) == (
        "Omwonenden",
        "burgers",
        "Rust",
    )
    page = as_member.get(step_url(session, 2)).content.decode()
    assert "Omwonenden" in page and "Gehoord worden" in page


def test_the_htmx_add_answers_only_the_stakeholder_region(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/stakeholders/",
        add_data("stakeholders", name="Windboer", kind="bedrijf"),
        **HTMX,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="stakeholders"') or 'id="stakeholders"' in body
    assert "<html" not in body
    assert "Windboer" in body


def test_without_citizens_the_step_states_the_rule_and_asks_for_a_reason(as_member, session):
    add_stakeholder(as_member, session, name="Raad", kind="bestuur")
    page = as_member.get(step_url(session, 2)).content.decode()
    assert _("Citizens are always stakeholders.") in page
    steps = as_member.get(f"/sessies/{session.pk}/").context["steps"]
    assert steps[1]["complete"] is False

    as_member.post(
        step_url(session, 2), main_data(no_citizens_reason="Alleen interne werkafspraak.")
    )
    steps = as_member.get(f"/sessies/{session.pk}/").context["steps"]
    assert steps[1]["complete"] is True


def test_with_citizens_the_rule_is_met(as_member, session):
    add_stakeholder(as_member, session)
    page = as_member.get(step_url(session, 2)).content.decode()
    assert _("Citizens are always stakeholders.") not in page
    assert as_member.get(f"/sessies/{session.pk}/").context["steps"][1]["complete"] is True


def test_a_stakeholder_without_a_name_or_with_an_unknown_kind_is_refused(as_member, session):
    response = add_stakeholder(as_member, session, name="", kind="marsmannetjes")
    assert response.status_code == 422
    assert not Stakeholder.objects.exists()


def test_it_edits_a_stakeholder_inline(as_member, session):
    add_stakeholder(as_member, session)
    stakeholder = Stakeholder.objects.get()
    form = as_member.get(f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/", **HTMX)
    assert form.status_code == 200
    assert f'id="id_edit-stakeholders-{stakeholder.pk}-name"' in form.content.decode()
    response = as_member.post(
        f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/",
        edit_data("stakeholders", stakeholder.pk, 0, name="Bewoners Dijkzicht", kind="burgers"),
        **HTMX,
    )
    assert response.status_code == 200
    stakeholder.refresh_from_db()
    assert stakeholder.name == "Bewoners Dijkzicht"
    assert stakeholder.version == 1


def test_the_edit_form_also_works_as_a_full_page(as_member, session):
    add_stakeholder(as_member, session)
    stakeholder = Stakeholder.objects.get()
    page = as_member.get(f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/")
    assert "<html" in page.content.decode()
    assert f'id="id_edit-stakeholders-{stakeholder.pk}-name"' in page.content.decode()


def test_it_reorders_and_deletes_stakeholders(as_member, session):
    add_stakeholder(as_member, session, name="Eerste")
    add_stakeholder(as_member, session, name="Tweede")
    second = Stakeholder.objects.get(name="Tweede")
    as_member.post(
        f"/sessies/{session.pk}/stakeholders/{second.pk}/verplaatsen/", {"direction": "up"}
    )
    assert list(Stakeholder.objects.values_list("name", flat=True)) == ["Tweede", "Eerste"]
    response = as_member.post(f"/sessies/{session.pk}/stakeholders/{second.pk}/verwijderen/")
    assert response.status_code == 302
    assert list(Stakeholder.objects.values_list("name", flat=True)) == ["Eerste"]


def test_a_malformed_move_is_a_bad_request(as_member, session):
    add_stakeholder(as_member, session)
    stakeholder = Stakeholder.objects.get()
    response = as_member.post(
        f"/sessies/{session.pk}/stakeholders/{stakeholder.pk}/verplaatsen/",
        {"direction": "sideways"},
    )
    assert response.status_code == 400


def test_an_unknown_kind_of_item_is_not_found(as_member, session):
    assert as_member.post(f"/sessies/{session.pk}/unicorns/", {}).status_code == 404
