from django.utils.translation import gettext as _

from deliberation.models import Session
from tests.helpers import HTMX, main_data, step_url


def test_it_saves_the_problem_as_a_choice_between_two_actions(as_member, session):
    response = as_member.post(
        step_url(session, 1),
        main_data(
            problem_statement="Moeten we de windmolens bij de dijk toestaan?",
            option_x="Vergunning verlenen",
            option_y="Vergunning weigeren",
            signals=["twijfel", "media"],
            clear_legal_rule="nee",
        ),
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.problem_statement == "Moeten we de windmolens bij de dijk toestaan?"
    assert session.signals == ["twijfel", "media"]
    assert session.status == Session.Status.IN_PROGRESS
    page = as_member.get(step_url(session, 1))
    assert _("Step %(number)s has been saved.") % {"number": 1} in page.content.decode()


def test_the_htmx_save_answers_the_form_fragment_and_refreshes_the_stepper(as_member, session):
    response = as_member.post(
        step_url(session, 1),
        main_data(problem_statement="P", option_x="A", option_y="B", clear_legal_rule="nee"),
        **HTMX,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert 'id="main-form"' in body
    assert 'id="stepper" class="stepper" aria-label' in body
    assert 'hx-swap-oob="true"' in body
    assert _("Saved.") in body


def test_the_full_page_and_the_fragment_come_from_the_same_view(as_member, session):
    page = as_member.get(step_url(session, 1))
    assert page.status_code == 200
    assert "<html" in page.content.decode()
    assert _("What is the problem?") in page.content.decode()


def test_html_typed_in_the_problem_is_shown_as_text(as_member, session):
    as_member.post(
        step_url(session, 1),
        main_data(problem_statement="<script>alert(1)</script>", option_x="<b>X</b>", option_y="Y"),
    )
    body = as_member.get(step_url(session, 1)).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<b>X</b>" not in body


def test_an_overlong_text_is_refused_and_nothing_is_saved(as_member, session):
    response = as_member.post(
        step_url(session, 1),
        main_data(problem_statement="x" * 5001, option_x="Nieuw X", option_y="Y"),
    )
    assert response.status_code == 422
    assert _("There is a problem") in response.content.decode()
    session.refresh_from_db()
    assert session.option_x == "Vergunning verlenen"
    assert session.version_1 == 0


def test_identical_options_are_not_a_dilemma(as_member, session):
    response = as_member.post(step_url(session, 1), main_data(option_x="Bouwen", option_y="bouwen"))
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.option_y == "Vergunning weigeren"


def test_a_malformed_value_gets_the_form_with_its_error_not_a_crash(as_member, session):
    data = main_data(clear_legal_rule="misschien", signals=["onzin"])
    data["main-version"] = "abc"
    response = as_member.post(step_url(session, 1), data)
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.clear_legal_rule == ""


def test_a_clear_legal_rule_means_it_is_not_a_dilemma_and_can_be_closed(as_member, session):
    as_member.post(
        step_url(session, 1),
        main_data(
            option_x="A",
            option_y="B",
            clear_legal_rule="ja",
            legal_rule_note="De Woningwet verbiedt dit.",
        ),
    )
    page = as_member.get(step_url(session, 1)).content.decode()
    assert _("This is a right-or-wrong case, not a dilemma") in page

    response = as_member.post(
        f"/sessies/{session.pk}/sluiten/", {"close-conclusion": "De wet beslist: weigeren."}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.CLOSED
    assert session.closed_reason == "De wet beslist: weigeren."
    # A closed session can no longer be changed.
    assert as_member.post(step_url(session, 1), main_data(version=1)).status_code == 403


def test_closing_needs_a_conclusion(as_member, session):
    session.clear_legal_rule = "ja"
    session.save()
    response = as_member.post(f"/sessies/{session.pk}/sluiten/", {"close-conclusion": ""})
    assert response.status_code == 422
    session.refresh_from_db()
    assert session.status == Session.Status.DRAFT


def test_a_case_without_a_clear_rule_cannot_be_closed_as_not_a_dilemma(as_member, session):
    response = as_member.post(f"/sessies/{session.pk}/sluiten/", {"close-conclusion": "Dicht"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.DRAFT


def test_the_facilitator_can_reopen_a_closed_session(as_facilitator, session):
    session.close_as_not_a_dilemma("Wet beslist")
    response = as_facilitator.post(f"/sessies/{session.pk}/heropenen/")
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.Status.IN_PROGRESS


def test_a_participant_cannot_reopen_a_closed_session(as_member, session):
    session.close_as_not_a_dilemma("Wet beslist")
    assert as_member.post(f"/sessies/{session.pk}/heropenen/").status_code == 404
    session.refresh_from_db()
    assert session.status == Session.Status.CLOSED
