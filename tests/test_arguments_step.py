from django.utils.translation import gettext as _

from deliberation.models import Argument
from principles.models import Principle, RCriterion
from tests.helpers import HTMX, add_data, edit_data, step_url


def add_argument(client, session, **fields):
    data = {"side": "X", "text": "Het klimaat vraagt om duurzame energie.", "category": "G"}
    data.update(fields)
    return client.post(f"/sessies/{session.pk}/arguments/", add_data("arguments", **data))


def test_it_adds_arguments_to_the_guides_table(as_member, session):
    participation = Principle.objects.get(code="participatie")
    response = add_argument(
        as_member,
        session,
        side="Y",
        category="B",
        text="Omwonenden hebben recht op inspraak.",
        principles=[participation.pk],
        r_criteria=[RCriterion.objects.get(code="rechtvaardigheid").pk],
        core_values=[session.organisation.core_values.first().pk],
    )
    assert response.status_code == 302
    argument = Argument.objects.get()
    assert argument.side == "Y" and argument.category == "B"
    assert list(argument.principles.all()) == [participation]
    page = as_member.get(step_url(session, 5)).content.decode()
    assert _("Arguments for X") in page and _("Arguments for Y") in page
    assert "Omwonenden hebben recht op inspraak." in page


def test_only_a_principle_invokes_principles(as_member, session):
    add_argument(
        as_member, session, category="G", principles=[Principle.objects.get(code="legitimiteit").pk]
    )
    assert Argument.objects.get().principles.count() == 0


def test_arguments_on_one_side_only_give_a_warning(as_member, session):
    add_argument(as_member, session)
    warning = _(
        "All arguments are on one side. A dilemma has two sides: try to find arguments "
        "for the other option too."
    )
    assert warning in as_member.get(step_url(session, 5)).content.decode()
    add_argument(as_member, session, side="Y")
    assert warning not in as_member.get(step_url(session, 5)).content.decode()


def test_the_htmx_add_answers_the_table_region(as_member, session):
    response = as_member.post(
        f"/sessies/{session.pk}/arguments/",
        add_data("arguments", side="X", text="Banen in de regio", category="G"),
        **HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="arguments"' in body and "<html" not in body
    assert "Banen in de regio" in body


def test_an_argument_needs_a_side_a_text_and_a_category(as_member, session):
    response = add_argument(as_member, session, side="Z", text="", category="Q")
    assert response.status_code == 422
    assert not Argument.objects.exists()


def test_a_decisive_argument_cannot_become_an_excuse(as_member, session):
    add_argument(as_member, session, category="B")
    argument = Argument.objects.get()
    Argument.objects.filter(pk=argument.pk).update(decisive=True)
    response = as_member.post(
        f"/sessies/{session.pk}/arguments/{argument.pk}/",
        edit_data("arguments", argument.pk, 0, side="X", text=argument.text, category="S"),
    )
    assert response.status_code == 422
    argument.refresh_from_db()
    assert argument.category == "B"


def test_moving_an_argument_keeps_it_on_its_side(as_member, session):
    add_argument(as_member, session, text="X1")
    add_argument(as_member, session, text="Y1", side="Y")
    add_argument(as_member, session, text="X2")
    x2 = Argument.objects.get(text="X2")
    as_member.post(f"/sessies/{session.pk}/arguments/{x2.pk}/verplaatsen/", {"direction": "up"})
    assert list(Argument.objects.filter(side="X").values_list("text", flat=True)) == ["X2", "X1"]
    assert list(Argument.objects.filter(side="Y").values_list("text", flat=True)) == ["Y1"]
