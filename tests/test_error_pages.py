"""Error pages say what happened and what to do next, in the user's language."""

from django.utils.translation import gettext as _


def test_a_page_of_another_organisation_says_not_found_and_offers_a_way_back(as_outsider, session):
    response = as_outsider.get(f"/sessies/{session.pk}/stap/1/")
    assert response.status_code == 404
    body = response.content.decode()
    assert _("Page not found") in body
    assert _("Go to my sessions") in body


def test_a_reader_who_may_not_change_a_session_is_told_so(client, session, coordinator):
    client.force_login(coordinator)
    response = client.post(f"/sessies/{session.pk}/stap/1/", {"main-version": 0})
    assert response.status_code == 403
    assert _("You may not do this") in response.content.decode()
