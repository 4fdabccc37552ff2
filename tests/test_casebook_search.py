"""Finding cases: the casebook search with facets, the case page and related cases.

Runs on SQLite (FTS5) and PostgreSQL (dutch tsvector) alike: the same assertions hold for
both engines.
"""

import datetime

import pytest
from django.db import connection
from django.urls import resolve
from django.utils.translation import gettext

from casebook import index, records, search
from casebook.models import CaseAnnotation, CaseIndex, CaseLink, Theme
from deliberation.models import (
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Objection,
    RJudgement,
    Session,
)
from principles.models import AuditEvent, Principle, RCriterion
from tests.conftest import make_user
from tests.helpers import HTMX


def make_case(
    org,
    leader,
    title,
    problem="",
    *,
    option="X",
    arguments=(("X", "B", "Het recht op privacy weegt zwaar", [], []),),
    unit="",
    negative=False,
    objection=False,
    measure=None,
    tension=None,
    date=None,
):
    """A finalised session of ``org`` with what the facets look at."""
    leader.membership.unit = unit
    leader.membership.save()
    session = Session.objects.create(
        organisation=org,
        title=title,
        facilitator=leader,
        created_by=leader,
        problem_statement=problem,
        option_x="Ja, doen",
        option_y="Nee, niet doen",
        chosen_option=option,
        third_way="Een middenweg" if option == "derde" else "",
        reasoning="Zo besloten.",
        date=date or datetime.date(2026, 3, 1),
    )
    session.participants.set([leader])
    for side, category, text, principle_codes, values in arguments:
        argument = Argument.objects.create(
            session=session, side=side, category=category, text=text, decisive=category != "S"
        )
        argument.principles.set(Principle.objects.filter(code__in=principle_codes))
        argument.core_values.set(org.core_values.filter(name__in=values))
    ControlAnswer.objects.create(
        session=session,
        participant=leader,
        situation="onprettig" if negative else "prettig",
        stance="ja",
    )
    if objection:
        Objection.objects.create(session=session, step=5, text="Ik ben het oneens", author=leader)
    if measure:
        status, due = measure
        CompensationMeasure.objects.create(
            session=session, action="Uitleg geven", status=status, due_date=due
        )
    if tension:
        RJudgement.objects.create(
            session=session,
            criterion=RCriterion.objects.get(code=tension),
            assessment="onder_spanning",
        )
    records.finalise(session, by=leader)
    return session


def ids(response):
    return [hit.case.pk for hit in response.context["results"].hits]


def total(response):
    return response.context["results"].total


@pytest.fixture
def cases(org_a, facilitator):
    p1, p2 = Principle.objects.order_by("number")[:2]
    return {
        "fiets": make_case(
            org_a,
            facilitator,
            "Fietsenstalling bij het station",
            "Moeten we de fietsen van de stalling weghalen?",
            arguments=[
                ("X", "B", "Veiligheid van reizigers", [p1.code], ["Openheid"]),
                ("Y", "G", "Boze fietsers", [], []),
            ],
            unit="Mobiliteit",
            objection=True,
            measure=("gepland", datetime.date(2020, 1, 1)),
            tension="rechtsgelijkheid",
            date=datetime.date(2025, 6, 1),
        ),
        "subsidie": make_case(
            org_a,
            facilitator,
            "Subsidie voor de voetbalclub",
            "Krijgt de club van de wethouder subsidie?",
            option="Y",
            arguments=[
                ("Y", "G", "Geld is op", [p2.code], ["Betrouwbaarheid"]),
                ("Y", "G", "Andere clubs klagen", [], []),
                ("X", "S", "Dat doen we altijd zo", [], []),
            ],
            unit="Sport",
            negative=True,
            measure=("gereed", None),
        ),
        "derde": make_case(
            org_a,
            facilitator,
            "Camera's in het stadhuis",
            "Hangen we camera's op bij de balie?",
            option="derde",
            arguments=[("X", "B", "Privacy van bezoekers", [p1.code], ["Openheid"])],
        ),
    }


@pytest.fixture
def other_case(org_b):
    leader = make_user("b-leader", org_b, "gespreksleider", "Bert")
    return make_case(
        org_b, leader, "Fietsenstalling in Bedeland", "Fietsen weghalen bij het station"
    )


# --- the index ---------------------------------------------------------------------------


def test_finalising_a_record_puts_the_case_in_the_index(cases):
    entry = CaseIndex.objects.get(pk=cases["fiets"].pk)
    assert entry.chosen_option == "X"
    assert (entry.n_b, entry.n_g, entry.n_s) == (1, 1, 0)
    assert entry.weighing == "mixed"
    assert entry.control == "positive"
    assert entry.tegenspraak is True
    assert entry.compensation == "open"
    assert entry.year == 2025
    kinds = set(entry.session.case_facets.values_list("kind", "value"))
    assert ("unit", "Mobiliteit") in kinds
    assert ("core_value", "Openheid") in kinds
    assert ("r_tension", "rechtsgelijkheid") in kinds
    subsidie = CaseIndex.objects.get(pk=cases["subsidie"].pk)
    assert subsidie.weighing == "G"
    assert subsidie.control == "negative"
    assert subsidie.compensation == "done"


def test_an_annotation_and_its_themes_update_the_index(cases, org_a, coordinator):
    session = cases["derde"]
    theme = Theme.objects.create(organisation=org_a, name="Privacy")
    annotation = CaseAnnotation.objects.create(session=session, leading=True, lessons="Les")
    annotation.themes.add(theme)
    entry = CaseIndex.objects.get(pk=session.pk)
    assert entry.leading is True
    assert session.case_facets.filter(kind="theme", value=str(theme.pk)).exists()
    annotation.themes.remove(theme)
    assert not session.case_facets.filter(kind="theme").exists()


def test_reindex_rebuilds_one_organisation_without_touching_others(cases, other_case, org_a):
    CaseIndex.objects.all().delete()
    assert index.reindex(org_a.pk) == 3
    assert not CaseIndex.objects.filter(pk=other_case.pk).exists()
    assert index.reindex() == 4


def test_the_reindex_command_restores_search_after_an_upgrade(as_member, cases, other_case):
    """An installation that had records before the index existed runs reindex_casebook once."""
    from io import StringIO

    from django.core.management import call_command

    CaseIndex.objects.all().delete()
    link = f'href="/casebook/{cases["derde"].pk}/"'
    assert link not in as_member.get("/casebook/?q=camera").content.decode()
    out = StringIO()
    call_command("reindex_casebook", organisation="Gemeente Aadorp", stdout=out)
    assert "3 cases" in out.getvalue()
    assert not CaseIndex.objects.filter(pk=other_case.pk).exists()
    assert link in as_member.get("/casebook/?q=camera").content.decode()
    call_command("reindex_casebook", stdout=out)
    assert CaseIndex.objects.count() == 4


def test_the_reindex_command_refuses_an_unknown_organisation(cases):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="no organisation named or numbered"):
        call_command("reindex_casebook", organisation="Nergens")


def test_a_correction_indexes_the_new_version(cases, facilitator):
    session = cases["derde"]
    records.start_correction(session)
    Session.objects.filter(pk=session.pk).update(title="Camera's bij de balie")
    session.refresh_from_db()
    version = records.finalise(session, by=facilitator, reason="Titel")
    entry = CaseIndex.objects.get(pk=session.pk)
    assert entry.version_id == version.pk
    assert entry.title == "Camera's bij de balie"


# --- searching ---------------------------------------------------------------------------


def test_the_casebook_lists_every_finalised_case_of_the_organisation(as_member, cases):
    response = as_member.get("/casebook/")
    assert response.status_code == 200
    assert set(ids(response)) == {s.pk for s in cases.values()}
    assert AuditEvent.objects.filter(action="casebook.view", result="ok").count() == 1


def test_a_search_term_finds_the_case_and_ranks_the_title_first(as_member, cases):
    response = as_member.get("/casebook/", {"q": "fietsenstalling"})
    assert ids(response) == [cases["fiets"].pk]
    response = as_member.get("/casebook/", {"q": "privacy"})
    assert ids(response) == [cases["derde"].pk]


def test_the_matched_words_are_marked_and_user_text_is_escaped(as_member, org_a, facilitator):
    make_case(
        org_a,
        facilitator,
        "<script>alert(1)</script> Parkeervergunning",
        "Parkeervergunning voor <b>de</b> burgemeester",
    )
    response = as_member.get("/casebook/", {"q": "parkeervergunning"})
    content = response.content.decode()
    assert "<mark>" in content
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
    assert "<b>de</b>" not in content


@pytest.mark.parametrize(
    "q",
    [
        '"fiets',
        '""',
        "-",
        "OR",
        "or or",
        "& | ! ( ) : *",
        "NOT AND",
        "fiets* NEAR(",
        "a" * 10_000,
        "fiets\x00stalling",
        "'; DROP TABLE casebook_caseindex; --",
    ],
)
def test_bad_search_syntax_never_breaks_the_page(as_member, cases, q):
    response = as_member.get("/casebook/", {"q": q})
    assert response.status_code == 200
    assert CaseIndex.objects.count() == 3


def test_a_search_text_that_is_too_long_gives_a_message(as_member, cases):
    response = as_member.get("/casebook/", {"q": "fiets " * 2000})
    assert response.status_code == 200
    assert total(response) == 0
    assert response.context["form"].errors["q"]


def test_operators_only_say_there_is_nothing_to_search(as_member, cases):
    response = as_member.get("/casebook/", {"q": "- ! ( )"})
    assert response.status_code == 200
    assert response.context["results"].unsearchable


def test_a_phrase_and_an_excluded_word_work(as_member, cases):
    response = as_member.get("/casebook/", {"q": '"voor de voetbalclub"'})
    assert ids(response) == [cases["subsidie"].pk]
    response = as_member.get("/casebook/", {"q": "station -fietsen"})
    assert cases["fiets"].pk not in ids(response)


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"optie": "X"}, {"fiets"}),
        ({"optie": ["Y", "derde"]}, {"subsidie", "derde"}),
        ({"weging": "G"}, {"subsidie"}),
        ({"weging": "mixed"}, {"fiets"}),
        ({"controle": "negative"}, {"subsidie"}),
        ({"controle": "positive"}, {"fiets", "derde"}),
        ({"tegenspraak": "ja"}, {"fiets"}),
        ({"tegenspraak": "nee"}, {"subsidie", "derde"}),
        ({"compensatie": "overdue"}, {"fiets"}),
        ({"compensatie": "done"}, {"subsidie"}),
        ({"compensatie": "none"}, {"derde"}),
        ({"compensatie": "open"}, set()),
        ({"eenheid": "Sport"}, {"subsidie"}),
        ({"kernwaarde": "Openheid"}, {"fiets", "derde"}),
        ({"r": "rechtsgelijkheid"}, {"fiets"}),
        ({"jaar": "2025"}, {"fiets"}),
        ({"jaar": "2026"}, {"subsidie", "derde"}),
        ({"kernwaarde": "Openheid", "optie": "derde"}, {"derde"}),
        ({"q": "fietsen", "optie": "Y"}, set()),
        ({"eenheid": "Onbekend"}, set()),
    ],
)
def test_every_facet_filters(as_member, cases, params, expected):
    response = as_member.get("/casebook/", params)
    assert response.status_code == 200
    assert set(ids(response)) == {cases[name].pk for name in expected}


def test_the_principle_theme_and_leading_facets_filter(as_member, cases, org_a):
    p1 = Principle.objects.order_by("number").first()
    response = as_member.get("/casebook/", {"beginsel": p1.code})
    assert set(ids(response)) == {cases["fiets"].pk, cases["derde"].pk}
    theme = Theme.objects.create(organisation=org_a, name="Sport")
    annotation = CaseAnnotation.objects.create(session=cases["subsidie"], leading=True)
    annotation.themes.add(theme)
    response = as_member.get("/casebook/", {"thema": theme.pk})
    assert ids(response) == [cases["subsidie"].pk]
    response = as_member.get("/casebook/", {"leidend": "on"})
    assert ids(response) == [cases["subsidie"].pk]


def test_facet_counts_follow_the_filtered_set(as_member, cases):
    response = as_member.get("/casebook/", {"kernwaarde": "Openheid"})
    counts = response.context["results"].counts
    assert counts["optie:X"] == 1
    assert counts["optie:derde"] == 1
    assert counts.get("optie:Y", 0) == 0
    facets = {name: options for name, _legend, options in response.context["facets"]}
    units = {value: count for value, _label, count, _checked in facets["eenheid"]}
    assert units == {"Mobiliteit": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"optie": "Z"},
        {"weging": "<script>"},
        {"beginsel": "geen-beginsel"},
        {"r": "x"},
        {"thema": "abc"},
        {"thema": "999999"},
        {"jaar": "twintig"},
        {"pagina": "-1"},
        {"controle": "x" * 5000},
    ],
)
def test_unknown_facet_values_answer_400_with_a_message(as_member, cases, params):
    response = as_member.get("/casebook/", params)
    assert response.status_code == 400
    assert response.context["form"].errors


def test_a_page_number_beyond_the_last_shows_the_last_page(as_member, cases):
    response = as_member.get("/casebook/", {"pagina": "50"})
    assert response.status_code == 200
    assert response.context["results"].page == 1


def test_beyond_the_candidates_the_page_says_there_are_more(as_member, cases, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 2)
    response = as_member.get("/casebook/")
    assert response.context["results"].capped
    assert total(response) == 2
    assert b'data-more="true"' in response.content


def test_pagination_splits_the_results(as_member, org_a, facilitator):
    for i in range(search.PER_PAGE + 3):
        make_case(org_a, facilitator, f"Zaak {i} over bomen", "Bomen kappen")
    first = as_member.get("/casebook/", {"q": "bomen"})
    second = as_member.get("/casebook/", {"q": "bomen", "pagina": 2})
    assert total(first) == search.PER_PAGE + 3
    assert len(ids(first)) == search.PER_PAGE
    assert len(ids(second)) == 3
    assert not set(ids(first)) & set(ids(second))


# --- isolation between organisations -------------------------------------------------------


def test_another_organisations_cases_are_never_in_results_or_counts(as_member, cases, other_case):
    response = as_member.get("/casebook/", {"q": "fietsenstalling"})
    assert ids(response) == [cases["fiets"].pk]
    assert total(response) == 1
    assert "Bedeland" not in response.content.decode()
    response = as_member.get("/casebook/")
    assert other_case.pk not in ids(response)
    assert total(response) == 3


def test_the_outsider_sees_only_their_own_organisation(client, outsider, cases, other_case):
    client.force_login(outsider)
    response = client.get("/casebook/", {"q": "fietsenstalling"})
    assert ids(response) == [other_case.pk]
    response = client.get(f"/casebook/{cases['fiets'].pk}/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="case.view", result="denied").count() == 1


def test_related_cases_stay_within_the_organisation(as_member, cases, other_case):
    response = as_member.get(f"/casebook/{cases['fiets'].pk}/")
    related = [case.pk for case in response.context["related"]]
    assert other_case.pk not in related
    assert cases["derde"].pk in related  # shares principle 1 and Openheid
    assert cases["fiets"].pk not in related


# --- the page, full and partial --------------------------------------------------------------


def test_the_full_page_has_the_form_and_htmx_gets_only_the_results(as_member, cases):
    full = as_member.get("/casebook/", {"q": "fietsen"})
    partial = as_member.get("/casebook/", {"q": "fietsen"}, **HTMX)
    assert b'id="casebook-search"' in full.content
    assert b"<html" in full.content
    assert b'id="results"' in partial.content
    assert b"<html" not in partial.content
    assert b'id="casebook-search"' not in partial.content


def test_the_search_page_uses_a_fixed_number_of_queries(
    as_member, cases, org_a, facilitator, django_assert_num_queries
):
    # 1 login session, 2 user, 3 membership, 4 principles, 5 R's, 6 themes, 7 the most
    # recent matches with their single-valued facets (counted in Python), 8 the counts of
    # the multi-valued facets, 9 the page's ranked ids, 10 their highlights, 11 the page's
    # rows, 12 the audit event
    with django_assert_num_queries(12):
        response = as_member.get("/casebook/", {"q": "fietsen", "optie": "X", "jaar": "2025"})
    assert response.status_code == 200
    for i in range(5):
        make_case(org_a, facilitator, f"Fietsen {i}", "Fietsen weghalen")
    with django_assert_num_queries(12):
        as_member.get("/casebook/", {"q": "fietsen", "optie": "X", "jaar": "2026"})
    # Without a search text: no ranking or highlights, the page's rows directly (10).
    with django_assert_num_queries(10):
        as_member.get("/casebook/", {"optie": "X"})


def test_the_case_page_shows_the_decision_and_the_annotation(client, facilitator, cases, org_a):
    session = cases["fiets"]
    client.force_login(facilitator)
    theme = Theme.objects.create(organisation=org_a, name="Veiligheid")
    annotation = CaseAnnotation.objects.create(
        session=session, lessons="Vraag eerst de reizigers", leading=True
    )
    annotation.themes.add(theme)
    CaseLink.objects.create(
        source=cases["derde"], target=session, kind="volgt", created_by=session.facilitator
    )
    response = client.get(f"/casebook/{session.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Vraag eerst de reizigers" in content
    assert "Veiligheid van reizigers" in content  # a decisive argument
    assert f'href="/casebook/{cases["derde"].pk}/"' in content
    assert f'href="/sessies/{session.pk}/besluit/"' in content  # the facilitator may open it
    assert AuditEvent.objects.filter(action="case.view", session_id=session.pk).count() == 1


def test_a_bystander_sees_the_case_but_not_a_link_to_a_record_it_may_not_open(
    client, bystander, cases
):
    client.force_login(bystander)
    response = client.get(f"/casebook/{cases['fiets'].pk}/")
    assert response.status_code == 200
    assert f"/sessies/{cases['fiets'].pk}/besluit/" not in response.content.decode()


def test_a_session_without_a_finalised_record_is_not_a_case(as_member, session):
    assert as_member.get(f"/casebook/{session.pk}/").status_code == 404


def test_the_case_page_for_a_coordinator_gets_may_annotate(client, coordinator, cases):
    from principles.permissions import may

    assert may(coordinator, "annotate")
    client.force_login(coordinator)
    response = client.get(f"/casebook/{cases['fiets'].pk}/")
    assert response.status_code == 200
    assert response.context["may_annotate"] is True


def test_the_urls_resolve_to_the_casebook_views():
    assert resolve("/casebook/").url_name == "casebook"
    assert resolve("/casebook/3/").url_name == "case"
    assert resolve("/sessies/3/precedenten/").url_name == "precedent_add"
    assert resolve("/sessies/3/precedenten/4/verwijderen/").url_name == "precedent_delete"


def test_the_fts5_expression_is_always_safe():
    assert search.fts5_expression('"fiets') == '"fiets"*'
    assert search.fts5_expression("- ( ) !") == ""
    assert search.fts5_expression("a or b") == '("a" OR "b")'
    assert search.fts5_expression('x "een zin" -nee') == '("x" AND "een zin") NOT "nee"'


def test_the_engine_matches_the_database():
    assert search.postgres() == (connection.vendor == "postgresql")


def test_labels_are_translatable():
    assert gettext("Casebook searched")


# --- generated records -----------------------------------------------------------------------


def test_generate_casebook_makes_searchable_finalised_records(client, db):
    from django.core.management import call_command

    from casebook.models import RecordVersion
    from principles.models import Membership

    call_command("generate_casebook", "--count", "30", "--organisation", "Gemeente Proef")
    entries = CaseIndex.objects.filter(organisation__name="Gemeente Proef")
    assert entries.count() == 30
    version = RecordVersion.objects.filter(session__organisation__name="Gemeente Proef").first()
    assert records.sha256(version.canonical_json) == version.sha256
    assert version.data["schema"] == records.SCHEMA
    reader = Membership.objects.filter(organisation__name="Gemeente Proef").first().user
    client.force_login(reader)
    response = client.get("/casebook/", {"q": "gemeente"})
    assert response.status_code == 200
    response = client.get("/casebook/")
    assert total(response) == 30
