"""The NL Design System look and an organisation's own theme.

Every page loads the vendored Voorbeeld tokens and Utrecht components before our stylesheet and
puts the token class on <body>; an organisation may add a class and a stylesheet of our static
files, set (and validated) in the admin.
"""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse

from principles.models import Organisation

VENDOR = Path(__file__).resolve().parents[1] / "static" / "vendor" / "nl-design-system"
TOKENS = "/static/vendor/nl-design-system/voorbeeld-design-tokens/theme.css"
COMPONENTS = "/static/vendor/nl-design-system/utrecht-component-library-css/index.css"
OURS = "/static/css/toetssteen.css"
EXAMPLE_THEME = "themes/voorbeeld-donker.css"


def body_classes(html):
    return re.search(r'<body class="([^"]*)"', html).group(1).split()


def stylesheets(html):
    return re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)


def test_every_page_loads_tokens_then_components_then_ours(client, db):
    html = client.get(reverse("login")).content.decode()
    assert stylesheets(html) == [TOKENS, COMPONENTS, OURS]
    assert body_classes(html) == ["voorbeeld-theme"]


def test_the_vendored_files_are_there_with_their_licences():
    tokens = (VENDOR / "voorbeeld-design-tokens" / "theme.css").read_text()
    assert ".voorbeeld-theme {" in tokens  # the class base.html puts on <body>
    assert "--basis-color-action-1-inverse-bg-default" in tokens
    assert ".utrecht-button" in (VENDOR / "utrecht-component-library-css" / "index.css").read_text()
    for package in ("voorbeeld-design-tokens", "utrecht-component-library-css"):
        assert (
            "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (VENDOR / package / "LICENSE.md").read_text()
        )
    readme = (VENDOR / "README.md").read_text()
    assert "@nl-design-system-unstable/voorbeeld-design-tokens" in readme
    assert "@utrecht/component-library-css" in readme
    assert "EUPL-1.2" in readme
    total = sum(f.stat().st_size for f in VENDOR.rglob("*") if f.is_file())
    assert total < 1_000_000


def test_the_example_theme_overrides_tokens_under_its_own_class():
    path = finders.find(EXAMPLE_THEME)
    assert path
    css = Path(path).read_text()
    assert ".voorbeeld-donker {" in css
    assert "--basis-color-accent-1-inverse-bg-default" in css


def test_members_of_a_themed_organisation_get_its_class_and_stylesheet(as_member, org_a):
    org_a.theme_class = "voorbeeld-donker"
    org_a.theme_stylesheet = EXAMPLE_THEME
    org_a.full_clean()
    org_a.save()
    for url in (reverse("home"), reverse("framework"), reverse("help")):
        html = as_member.get(url).content.decode()
        assert body_classes(html) == ["voorbeeld-theme", "voorbeeld-donker"]
        # The organisation's stylesheet comes last, so its tokens win.
        assert stylesheets(html) == [TOKENS, COMPONENTS, OURS, "/static/" + EXAMPLE_THEME]


def test_a_theme_is_only_for_its_own_organisation(client, org_a, outsider):
    org_a.theme_class = "voorbeeld-donker"
    org_a.theme_stylesheet = EXAMPLE_THEME
    org_a.save()
    client.force_login(outsider)  # organisation B has no theme
    html = client.get(reverse("home")).content.decode()
    assert body_classes(html) == ["voorbeeld-theme"]
    assert stylesheets(html) == [TOKENS, COMPONENTS, OURS]


def test_a_theme_class_without_a_stylesheet_is_fine(as_member, org_a):
    org_a.theme_class = "gemeente-aadorp"
    org_a.full_clean()
    org_a.save()
    html = as_member.get(reverse("home")).content.decode()
    assert body_classes(html) == ["voorbeeld-theme", "gemeente-aadorp"]
    assert stylesheets(html) == [TOKENS, COMPONENTS, OURS]


@pytest.mark.parametrize(
    "value",
    ["Gemeente", "gemeente aadorp", "1gemeente", "-gemeente", "gemeente_aadorp", "a" * 64, '"><b'],
)
def test_a_bad_theme_class_is_refused(org_a, value):
    org_a.theme_class = value
    with pytest.raises(ValidationError) as error:
        org_a.full_clean()
    assert "theme_class" in error.value.message_dict


@pytest.mark.parametrize(
    "value",
    [
        "../config/settings.css",
        "themes/../css/toetssteen.css",
        "/static/css/toetssteen.css",
        "https://cdn.example.org/theme.css",
        "themes/voorbeeld-donker.txt",
        "themes/bestaat-niet.css",
        "themes\\voorbeeld-donker.css",
        ".hidden.css",
        'themes/a".css',
    ],
)
def test_a_bad_theme_stylesheet_is_refused(org_a, value):
    org_a.theme_stylesheet = value
    with pytest.raises(ValidationError) as error:
        org_a.full_clean()
    assert "theme_stylesheet" in error.value.message_dict


@pytest.mark.parametrize("value", [EXAMPLE_THEME, "css/toetssteen.css", ""])
def test_a_good_theme_stylesheet_is_accepted(org_a, value):
    org_a.theme_stylesheet = value
    org_a.full_clean()


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Waterschap Ommeland", kind="waterschap")


def admin_post_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "theme_class": "",
        "theme_stylesheet": "",
        "core_values-TOTAL_FORMS": "0",
        "core_values-INITIAL_FORMS": "0",
        "core_values-MIN_NUM_FORMS": "0",
        "core_values-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_the_admin_shows_the_theme_fields(admin_client, organisation):
    url = reverse("admin:principles_organisation_change", args=[organisation.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="theme_class"' in html
    assert 'name="theme_stylesheet"' in html


def test_the_admin_refuses_a_bad_theme(admin_client, organisation):
    url = reverse("admin:principles_organisation_change", args=[organisation.pk])
    response = admin_client.post(
        url,
        admin_post_data(organisation, theme_class="Mijn Thema", theme_stylesheet="../x.css"),
    )
    assert response.status_code == 200  # the form again, with errors
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"theme_class", "theme_stylesheet"}
    organisation.refresh_from_db()
    assert organisation.theme_class == ""
    assert organisation.theme_stylesheet == ""


def test_the_admin_saves_a_good_theme(admin_client, organisation):
    url = reverse("admin:principles_organisation_change", args=[organisation.pk])
    response = admin_client.post(
        url,
        admin_post_data(
            organisation, theme_class="voorbeeld-donker", theme_stylesheet=EXAMPLE_THEME
        ),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.theme_class == "voorbeeld-donker"
    assert organisation.theme_stylesheet == EXAMPLE_THEME
