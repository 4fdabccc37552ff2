"""The help page and the accessibility statement: open to everyone, in Dutch and in English."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from principles.models import Principle, RCriterion

HELP_NL = [
    "Zo werkt de methode",
    "Wat is een dilemma?",
    "Goed of fout is geen dilemma.",
    "Wat is het probleem?",
    "Wie zijn de belanghebbenden?",
    "Wie moet beslissen en is probleemeigenaar?",
    "Wat zijn de feiten, welke informatie is nodig?",
    "Wat zijn de argumenten, wat is de afweging?",
    "Wat is de beslissing?",
    "Welke compensatie is mogelijk voor de negatieve gevolgen?",
    "Voel je je goed bij de genomen beslissing?",
    "Tegenspraak",
    "De drie R’s",
    "Vuistregel: B gaat vóór G. Een S beslist nooit.",
    "Vaststellen.",
    "PDF/A",
    "Besluit controleren",
]
HELP_EN = [
    "How the method works",
    "What is a dilemma?",
    "Right or wrong is not a dilemma.",
    "What is the problem?",
    "Who are the stakeholders?",
    "Who must decide and owns the problem?",
    "What are the facts, which information is needed?",
    "What are the arguments, what is the weighing?",
    "What is the decision?",
    "Which compensation is possible for the negative consequences?",
    "Do you feel good about the decision?",
    "Dissent",
    "The three R’s",
    "Rule of thumb: B goes before G. An S never decides.",
    "Finalising.",
    "PDF/A",
    "Verify a record",
]
ACCESSIBILITY_NL = [
    "Toegankelijkheidsverklaring",
    "WCAG",
    "2.2, niveau A en AA",
    "WCAG 2.1 niveau AA",
    "EN 301 549",
    "axe",
    "in het Nederlands en in het Engels",
    "alleen het toetsenbord",
    "Bekende problemen",
    "beheerder van Toetssteen in je eigen organisatie",
    '<time datetime="2026-11-29">29 november 2026</time>',
]
ACCESSIBILITY_EN = [
    "Accessibility statement",
    "WCAG",
    "2.2, level A and AA",
    "WCAG 2.1 level AA",
    "EN 301 549",
    "axe",
    "in Dutch and in English",
    "keyboard only",
    "Known problems",
    'administrator (<i lang="nl">beheerder</i>) of Toetssteen in your own organisation',
    '<time datetime="2026-11-29">29 November 2026</time>',
]


@pytest.fixture(params=["anonymous", "member"])
def visitor(request, client, db):
    if request.param == "member":
        member = request.getfixturevalue("member")
        client.force_login(member)
    return client


def get(client, name, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    return html


@pytest.mark.parametrize(("language", "expected"), [("nl", HELP_NL), ("en", HELP_EN)])
def test_the_help_page_explains_the_method(visitor, language, expected):
    html = get(visitor, "help", language)
    for text in expected:
        assert text in html, text
    # The seven principles and the three R's come from the reference data.
    for principle in Principle.objects.all():
        assert escape(principle.name_en if language == "en" else principle.name_nl) in html
        statement = principle.statement_en if language == "en" else principle.statement_nl
        assert escape(statement) in html
    for r in RCriterion.objects.all():
        assert escape(r.name_en if language == "en" else r.name_nl) in html
        assert escape(r.statement_en if language == "en" else r.statement_nl) in html
    assert Principle.objects.count() == 7 and RCriterion.objects.count() == 3


@pytest.mark.parametrize(("language", "expected"), [("nl", HELP_NL), ("en", HELP_EN)])
def test_the_help_page_shows_one_language_only(client, db, language, expected):
    other = HELP_EN if language == "nl" else HELP_NL
    html = get(client, "help", language)
    main = html[html.index("<main") : html.index("</main>")]
    assert not any(text in main for text in other[:3])


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", ACCESSIBILITY_NL), ("en", ACCESSIBILITY_EN)]
)
def test_the_accessibility_statement(visitor, language, expected):
    html = get(visitor, "accessibility", language)
    for text in expected:
        assert text in html, text


def test_a_member_is_pointed_to_the_administrator_of_their_organisation(as_member, org_a):
    html = get(as_member, "accessibility", "nl")
    assert f"in je eigen organisatie, {org_a.name}." in html


def test_the_framework_link_is_for_members_only(client, member):
    assert reverse("framework") not in get(client, "help", "nl")
    client.force_login(member)
    assert reverse("framework") in get(client, "help", "nl")


@pytest.mark.parametrize("name", ["help", "accessibility"])
def test_the_pages_only_answer_get(client, db, name):
    assert client.post(reverse(name)).status_code == 405


@pytest.mark.parametrize("url", ["/help/", "/toegankelijkheid/"])
def test_the_dutch_addresses(client, db, url):
    assert client.get(url).status_code == 200


def test_every_page_links_to_both_from_its_footer(client, member):
    for logged_in in (False, True):
        if logged_in:
            client.force_login(member)
        html = client.get(reverse("home" if logged_in else "login")).content.decode()
        footer = html[html.index("<footer") : html.index("</footer>")]
        assert f'href="{reverse("help")}"' in footer
        assert f'href="{reverse("accessibility")}"' in footer
