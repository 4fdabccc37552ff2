from django.utils import translation
from django.utils.translation import gettext as _

from principles.models import Principle, RCriterion


def test_the_reference_data_has_seven_principles_and_three_rs(db):
    assert list(Principle.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert set(RCriterion.objects.values_list("code", flat=True)) == {
        "rechtsgelijkheid",
        "rechtmatigheid",
        "rechtvaardigheid",
    }


def test_the_framework_page_shows_principles_rs_and_my_core_values(as_member, org_b):
    body = as_member.get("/kader/").content.decode()
    assert "Openheid en integriteit" in body
    assert "Rechtvaardigheid" in body
    assert "Betrouwbaarheid" in body  # a core value of organisation A
    assert "Eerlijkheid" not in body  # organisation B's


def test_the_interface_is_dutch_by_default_and_english_on_request(as_member):
    body = as_member.get("/kader/").content.decode()
    assert 'lang="nl"' in body
    assert "Openheid en integriteit" in body
    as_member.post("/i18n/setlang/", {"language": "en", "next": "/kader/"})
    body = as_member.get("/kader/").content.decode()
    assert 'lang="en"' in body
    assert "Openness and integrity" in body
    with translation.override("en"):
        assert _("The framework") in body


def test_the_dutch_catalogue_translates_the_interface(as_member):
    body = as_member.get("/").content.decode()
    with translation.override("nl"):
        dutch = _("My sessions")
    assert dutch != "My sessions"
    assert dutch in body


def test_the_login_page_works(client, db):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_a_wrong_password_gets_a_message_not_a_login(client, member):
    response = client.post("/inloggen/", {"username": "member", "password": "fout"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
