"""A keyboard-only user, every step at phone, laptop and beamer size, and no outside requests."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.translation import gettext as _

from deliberation.models import Session

SIZES = {"phone": (390, 844), "laptop": (1280, 800), "beamer": (1920, 1080)}


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", stdout=StringIO())
    return Session.objects.get(title="Participatie bij de nieuwe wijk Veldkamp")


def log_in_with_keyboard(page, base):
    page.goto(f"{base}/inloggen/")
    page.keyboard.press("Tab")  # the skip link comes first
    tab_to(page, "id_username")
    page.keyboard.type("gespreksleider.lindeveen")
    page.keyboard.press("Tab")
    page.keyboard.type("Toetssteen-demo-2026")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")


def focused(page):
    return page.evaluate(
        "() => [document.activeElement.id, document.activeElement.textContent.trim(),"
        " document.activeElement.tagName]"
    )


def choose_radio(page, name, element_id):
    """Tab into a radio group, then move with the arrow keys to the option (which checks it)."""
    for _step in range(200):
        if page.evaluate("() => document.activeElement.name") == name:
            break
        page.keyboard.press("Tab")
    for _step in range(10):
        if focused(page)[0] == element_id:
            if not page.evaluate("() => document.activeElement.checked"):
                page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached {element_id}")


def tab_to(page, element_id=None, text=None, tag=None, limit=300):
    """Press Tab until the element with this id (or this text, and tag) has the focus."""
    for _step in range(limit):
        current_id, current_text, current_tag = focused(page)
        if (element_id and current_id == element_id) or (
            text and current_text == text and (tag is None or current_tag == tag)
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {element_id or text}")


def type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.type(text)


def press_button(page, text):
    tab_to(page, text=text, tag="BUTTON")
    page.keyboard.press("Enter")


def wait_until_saved(page):
    """After an htmx save: the message is there and has taken the focus (on settle)."""
    page.get_by_text(_("Saved."), exact=True).wait_for()
    page.wait_for_function(
        "text => document.activeElement.textContent.trim() === text", arg=_("Saved.")
    )


def wait_until_added(page, region):
    """After an htmx addition the focus is in the refreshed region (on settle)."""
    page.wait_for_function(
        "id => document.getElementById(id)?.contains(document.activeElement)", arg=region
    )


def follow_link(page, label):
    tab_to(page, text=label, tag="A")
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_only_user_works_through_a_session(page, live_server, demo):
    log_in_with_keyboard(page, live_server.url)
    page.goto(f"{live_server.url}/sessies/{demo.pk}/stap/3/")

    # Step 3 with the keyboard: type, choose a radio button, save.
    tab_to(page, "id_main-owner_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("De wethouder wonen")
    choose_radio(page, "main-group_owns_problem", "id_main-group_owns_problem_1")
    tab_to(page, text=_("Save"))
    page.keyboard.press("Enter")
    # After the htmx save, the focus is on the message, not lost at the top of the page.
    wait_until_saved(page)

    # Step 5: add an argument with the keyboard alone.
    page.goto(f"{live_server.url}/sessies/{demo.pk}/stap/5/")
    choose_radio(page, "add-arguments-side", "id_add-arguments-side_1")
    tab_to(page, "id_add-arguments-text")
    page.keyboard.type("Jongeren wonen straks in de wijk en hebben recht op een stem.")
    choose_radio(page, "add-arguments-category", "id_add-arguments-category_0")
    tab_to(page, text=_("Add argument"))
    page.keyboard.press("Enter")
    page.get_by_role("table").get_by_text(
        "Jongeren wonen straks in de wijk en hebben recht op een stem.", exact=True
    ).wait_for()

    # The control question with the keyboard.
    page.goto(f"{live_server.url}/sessies/{demo.pk}/controlevraag/")
    choose_radio(page, "control-situation", "id_control-situation_1")
    choose_radio(page, "control-stance", "id_control-stance_0")
    tab_to(page, text=_("Save my answer"))
    page.keyboard.press("Enter")

    page.get_by_text(_("Thank you, your answer has been saved.")).wait_for()
    demo.refresh_from_db()
    assert demo.owner_name == "De wethouder wonen"
    assert demo.arguments.filter(text__startswith="Jongeren wonen straks").exists()


@pytest.mark.django_db(transaction=True)
def test_every_step_at_phone_laptop_and_beamer_size_loads_nothing_from_outside(
    browser, live_server, demo, artifacts
):
    outside = []
    for size, (width, height) in SIZES.items():
        context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": height})
        page = context.new_page()
        page.on(
            "request",
            lambda request: request.url.startswith(live_server.url) or outside.append(request.url),
        )
        log_in_with_keyboard(page, live_server.url)
        urls = [f"/sessies/{demo.pk}/stap/{n}/" for n in range(1, 8)]
        urls.append(f"/sessies/{demo.pk}/controlevraag/")
        for number, url in enumerate(urls, start=1):
            page.goto(f"{live_server.url}{url}")
            # Nothing may stick out sideways: the page scrolls vertically only.
            assert page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
            ), f"{url} is wider than the {size} screen"
            page.screenshot(path=str(artifacts / f"step-{number}-{size}.png"), full_page=True)
        context.close()
    assert outside == []


@pytest.mark.django_db(transaction=True)
def test_a_laptop_zoomed_to_200_percent_still_fits(browser, live_server, demo, artifacts):
    # Browser zoom at 200 % on a 1280 x 800 screen leaves a 640 x 400 CSS viewport.
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 640, "height": 400}, device_scale_factor=2
    )
    page = context.new_page()
    log_in_with_keyboard(page, live_server.url)
    for number in (1, 5, 6):
        page.goto(f"{live_server.url}/sessies/{demo.pk}/stap/{number}/")
        assert page.evaluate(
            "() => document.documentElement.scrollWidth <= window.innerWidth + 1"
        ), f"step {number} does not fit at 200 % zoom"
        page.screenshot(path=str(artifacts / f"step-{number}-zoom-200.png"))
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_only_user_completes_a_whole_new_session(page, live_server, demo):
    log_in_with_keyboard(page, live_server.url)
    follow_link(page, _("Start a new session"))
    type_into(page, "id_title", "Toetsenbord alleen")
    with page.expect_navigation():
        press_button(page, _("Create session"))

    type_into(page, "id_main-problem_statement", "Mogen we de speeltuin sluiten?")
    type_into(page, "id_main-option_x", "De speeltuin sluiten")
    type_into(page, "id_main-option_y", "De speeltuin openhouden")
    choose_radio(page, "main-clear_legal_rule", "id_main-clear_legal_rule_2")
    press_button(page, _("Save"))
    wait_until_saved(page)

    follow_link(page, _("Step %(number)s") % {"number": 2} + " →")
    type_into(page, "id_add-stakeholders-name", "Kinderen en ouders")
    tab_to(page, "id_add-stakeholders-kind")
    page.keyboard.press("ArrowDown")  # the first kind: citizens
    press_button(page, _("Add stakeholder"))
    page.get_by_role("region", name=_("Stakeholders")).get_by_role("listitem").first.wait_for()
    wait_until_added(page, "stakeholders")

    follow_link(page, _("Step %(number)s") % {"number": 3} + " →")
    type_into(page, "id_main-owner_name", "De wethouder")
    choose_radio(page, "main-group_owns_problem", "id_main-group_owns_problem_1")
    press_button(page, _("Save"))
    wait_until_saved(page)

    follow_link(page, _("Step %(number)s") % {"number": 4} + " →")
    type_into(page, "id_add-facts-text", "De speeltoestellen zijn afgekeurd.")
    press_button(page, _("Add fact"))
    page.get_by_role("region", name=_("Known facts")).get_by_role("listitem").first.wait_for()
    wait_until_added(page, "facts")
    choose_radio(page, "main-facts_sufficient", "id_main-facts_sufficient_1")
    press_button(page, _("Save"))
    wait_until_saved(page)

    follow_link(page, _("Step %(number)s") % {"number": 5} + " →")
    for side, category, text in (
        (
            "id_add-arguments-side_0",
            "id_add-arguments-category_0",
            "Kinderen hebben recht op spel.",
        ),
        (
            "id_add-arguments-side_1",
            "id_add-arguments-category_1",
            "Afgekeurde toestellen zijn gevaarlijk.",
        ),
    ):
        choose_radio(page, "add-arguments-side", side)
        type_into(page, "id_add-arguments-text", text)
        choose_radio(page, "add-arguments-category", category)
        press_button(page, _("Add argument"))
        page.get_by_role("table").get_by_text(text, exact=True).wait_for()
        wait_until_added(page, "arguments")

    follow_link(page, _("Step %(number)s") % {"number": 6} + " →")
    choose_radio(page, "main-chosen_option", "id_main-chosen_option_1")
    tab_to(page, "id_main-decisive_0")
    page.keyboard.press("Space")
    type_into(page, "id_main-reasoning", "Het recht op spel weegt zwaarder; we zoeken vervanging.")
    for code in ("rechtsgelijkheid", "rechtmatigheid", "rechtvaardigheid"):
        choose_radio(page, f"main-r_{code}", f"id_main-r_{code}_1")
    for code in (
        "openheid-integriteit",
        "participatie",
        "behoorlijke-contacten",
        "doelgerichtheid-doelmatigheid",
        "legitimiteit",
        "zelfreinigend-lerend-vermogen",
        "verantwoording",
    ):
        choose_radio(page, f"main-p_{code}", f"id_main-p_{code}_1")
    press_button(page, _("Save"))
    wait_until_saved(page)

    follow_link(page, _("Step %(number)s") % {"number": 7} + " →")
    type_into(page, "id_add-measures-action", "Een tijdelijk speelveld bij de school.")
    press_button(page, _("Add measure"))
    page.get_by_role("region", name=_("Compensation measures")).get_by_role(
        "listitem"
    ).first.wait_for()
    wait_until_added(page, "measures")

    follow_link(page, _("Control question") + " →")
    choose_radio(page, "control-situation", "id_control-situation_1")
    choose_radio(page, "control-stance", "id_control-stance_0")
    press_button(page, _("Save my answer"))
    page.get_by_text(_("Thank you, your answer has been saved.")).wait_for()

    session = Session.objects.get(title="Toetsenbord alleen")
    session.load_progress()
    assert [session.step_complete(n) for n in range(1, 9)] == [True] * 8
    assert session.status == Session.Status.DECIDED
