"""Meeting-room mode in Chromium, with several browsers at once: the gespreksleider's
console, participants' phones and the room screen on a beamer (issue 5).

Locators use the room's data- markers (docs/meeting-room.md) and form ids where the
Dutch text of a new string is not settled yet; buttons are found by role and gettext.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from deliberation.models import Argument, Objection, Room, Session, Stakeholder

PASSWORD = "Toetssteen-demo-2026"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
BEAMER = {"width": 1920, "height": 1080}
SMALL_BEAMER = {"width": 1280, "height": 720}
# The pages poll every 2 seconds; a change must show within a few polls.
FOLLOW = 8_000


@pytest.fixture
def room_session(transactional_db):
    call_command("load_demo", stdout=StringIO())
    facilitator = User.objects.get(username="gespreksleider.lindeveen")
    session = Session.objects.create(
        organisation=facilitator.membership.organisation,
        title="Windpark aan de Zeedijk, live",
        facilitator=facilitator,
        created_by=facilitator,
        status=Session.Status.IN_PROGRESS,
        problem_statement="Verlenen we de vergunning voor vier windturbines aan de Zeedijk?",
        option_x="De vergunning verlenen",
        option_y="De vergunning weigeren",
    )
    session.participants.add(facilitator)
    return session


class Device:
    """One browser context: a person's phone, laptop or the beamer, with what it saw."""

    def __init__(self, browser, live_server, args, viewport, name):
        self.base = live_server.url
        self.name = name
        self.context = browser.new_context(**{**args, "viewport": viewport})
        self.page = self.context.new_page()
        self.violations = []
        self.polls = []  # (path, status) of every answer to a room poll
        self.page.on("console", self.on_console)
        self.page.on("pageerror", lambda error: self.violations.append(str(error)))
        self.page.on("response", self.on_response)

    def on_console(self, message):
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.violations.append(message.text)

    def on_response(self, response):
        path = response.url.removeprefix(self.base)
        if re.search(r"/zaal/(scherm/|leiden/)?status/$", path):
            self.polls.append((path, response.status))

    def goto(self, path):
        self.page.goto(f"{self.base}{path}")

    def log_in(self, username):
        self.goto("/inloggen/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(PASSWORD)
        self.page.locator("form[action='/inloggen/'] button[type=submit]").click()
        self.page.wait_for_url(f"{self.base}/")

    def state(self):
        """The polled region's root: data-room-step and data-room-status live there."""
        return self.page.locator("[data-room-poll] [data-room-step]")

    def close(self):
        self.context.close()


@pytest.fixture
def devices(browser, live_server, browser_context_args):
    opened = []

    def open_device(viewport, name):
        device = Device(browser, live_server, browser_context_args, viewport, name)
        opened.append(device)
        return device

    yield open_device
    for device in opened:
        device.close()


def start_room(console, session):
    """The gespreksleider opens the console from the session page and starts the room."""
    console.log_in("gespreksleider.lindeveen")
    console.goto(reverse("session", args=[session.pk]))
    console.page.locator("[data-room-entry]").click()
    console.page.wait_for_url(f"{console.base}{reverse('room_console', args=[session.pk])}")
    console.page.get_by_role("button", name=_("Start live in the room")).click()
    code = console.page.locator("[data-room-code]")
    expect(code).to_have_text(re.compile(r"^\s*[A-Z0-9]{6}\s*$"))
    return code.inner_text().strip()


def join_by_code(device, username, code, session):
    """A participant types the code from the screen and confirms."""
    device.log_in(username)
    device.goto(reverse("room_join"))
    device.page.locator("#id_code").fill(code.lower())  # typed as people type it
    device.page.get_by_role("button", name=_("Join")).click()
    device.page.get_by_role("button", name=_("Join")).click()  # "You are about to join …"
    device.page.wait_for_url(f"{device.base}{reverse('room_device', args=[session.pk])}")
    expect(device.state()).to_have_attribute("data-room-status", "live")


def send_form(device, kind, fields):
    """Fill and send one contribution form on the device; wait until it says sent."""
    form = device.page.locator(f"#room-form-{kind}")
    expect(form).to_be_visible(timeout=FOLLOW)
    typed = []
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
            typed.append(name)
    form.get_by_role("button", name=_("Send")).click()
    expect(device.page.locator(f"#room-form-{kind} [data-room-sent]")).to_be_visible()
    # The form comes back empty, ready for the next one.
    for name in typed:
        expect(device.page.locator(f"#room-form-{kind} [name={name}]")).to_have_value("")


def show_step(console, number):
    console.page.locator("#room-step-select").select_option(str(number))
    console.page.get_by_role("button", name=_("Show this step")).click()
    expect(console.state()).to_have_attribute("data-room-step", str(number))


def contribution(device, kind, pk):
    return device.page.locator(f"[data-room-poll] [data-contribution='{kind}-{pk}']")


def moderated_item(console, kind, pk):
    return console.page.locator(f"li[data-contribution='{kind}-{pk}']")


def open_group_list(device):
    """The participant opens "What the group contributed": only then does it poll."""
    device.page.locator("#room-group > summary").click()
    expect(device.page.locator("#room-group")).to_have_attribute("open", "")


def no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.django_db(transaction=True)
def test_an_argument_travels_from_a_phone_to_the_screen_and_every_view_follows(
    devices, room_session, artifacts
):
    session = room_session
    console = devices(LAPTOP, "console")
    code = start_room(console, session)

    screen = devices(BEAMER, "screen")
    screen.log_in("gespreksleider.lindeveen")
    screen.goto(reverse("room_screen", args=[session.pk]))
    expect(screen.page.locator("[data-room-code]")).to_have_text(code)
    expect(screen.page.locator("img.room-qr")).to_be_visible()

    # The participant types the code the screen shows.
    shown = screen.page.locator("[data-room-code]").inner_text().strip()
    phone = devices(PHONE, "phone")
    join_by_code(phone, "deelnemer.lindeveen", shown, session)
    assert session.participants.filter(username="deelnemer.lindeveen").exists()

    # The room opens at step 2; the gespreksleider moves everyone to the arguments.
    show_step(console, 5)
    for device in (screen, phone):
        expect(device.state()).to_have_attribute("data-room-step", "5", timeout=FOLLOW)
    expect(phone.page.locator("[data-room-forms-step='5']")).to_be_visible()
    expect(phone.page.locator("[data-room-forms-step='2']")).to_be_hidden()

    text = "Wie aan alle normen voldoet, mag op een vergunning rekenen."
    send_form(phone, "arguments", {"side": "X", "category": "B", "text": text})
    argument = Argument.objects.get(session=session, text=text)
    assert argument.author.username == "deelnemer.lindeveen"
    on_screen = contribution(screen, "arguments", argument.pk)
    expect(on_screen).to_have_attribute("data-side", "X", timeout=FOLLOW)
    expect(on_screen).to_contain_text(text)
    # The screen never shows who said what.
    expect(screen.page.locator("main")).not_to_contain_text("El Amrani")

    # The moderator moves it to the other side: the screen and the phone (with its group
    # list open) follow.
    open_group_list(phone)
    expect(contribution(phone, "arguments", argument.pk)).to_have_attribute(
        "data-side", "X", timeout=FOLLOW
    )
    item = moderated_item(console, "arguments", argument.pk)
    expect(item).to_be_visible(timeout=FOLLOW)
    item.locator("[data-room-action=move]").click()
    expect(moderated_item(console, "arguments", argument.pk)).to_have_attribute("data-side", "Y")
    expect(on_screen).to_have_attribute("data-side", "Y", timeout=FOLLOW)
    expect(contribution(phone, "arguments", argument.pk)).to_have_attribute(
        "data-side", "Y", timeout=FOLLOW
    )
    argument.refresh_from_db()
    assert argument.side == "Y"

    # A step forward: every view follows.
    console.page.locator("[data-room-action=next]").click()
    for device in (console, screen, phone):
        expect(device.state()).to_have_attribute("data-room-step", "6", timeout=FOLLOW)
    assert Room.objects.get(session=session).step == 6

    # Nothing changes now: the polls are answered 304, on the phone and on the screen.
    for device in (phone, screen):
        device.polls.clear()
    phone.page.wait_for_timeout(5_000)
    for device in (phone, screen):
        statuses = [status for _path, status in device.polls]
        assert len(statuses) >= 2, (device.name, statuses)
        assert set(statuses) == {304}, (device.name, statuses)

    # The phone loses its connection while its owner writes an objection: the text stays,
    # the phone says it was not sent, and once the network is back it goes through.
    objection = "Ik mis de stem van de bewoners van De Dijkhof in deze afweging."
    form = phone.page.locator("#room-form-tegenspraak")
    phone.context.set_offline(True)
    form.locator("[name=text]").fill(objection)
    form.locator("[name=anonymous]").check()
    form.get_by_role("button", name=_("Send")).click()
    expect(form.locator("[data-room-form-status]")).to_have_text(
        _("Not sent: there is no connection. Your text is kept: press Send again.")
    )
    expect(phone.page.locator("[data-room-offline]")).to_be_visible(timeout=FOLLOW)
    expect(form.locator("[name=text]")).to_have_value(objection)
    phone.context.set_offline(False)
    expect(phone.page.locator("[data-room-offline]")).to_be_hidden(timeout=FOLLOW)
    expect(form.locator("[name=text]")).to_have_value(objection)
    form.get_by_role("button", name=_("Send")).click()
    expect(phone.page.locator("#room-form-tegenspraak [data-room-sent]")).to_be_visible()
    assert Objection.objects.get(session=session, text=objection).author is None
    expect(screen.page.locator("[data-room-count=tegenspraak]")).to_contain_text(
        "1", timeout=FOLLOW
    )

    # Readable on a 1280×720 beamer: the content does not scroll sideways.
    assert no_horizontal_scroll(screen.page)
    screen.page.screenshot(path=str(artifacts / "room-screen-1920.png"))
    screen.page.set_viewport_size(SMALL_BEAMER)
    assert no_horizontal_scroll(screen.page)
    screen.page.screenshot(path=str(artifacts / "room-screen-1280.png"))
    phone.page.screenshot(path=str(artifacts / "room-phone.png"), full_page=True)
    assert no_horizontal_scroll(phone.page)

    for device in (console, screen, phone):
        assert device.violations == [], (device.name, device.violations)


@pytest.mark.django_db(transaction=True)
def test_a_demo_session_runs_live_and_continues_to_the_decision_in_the_guided_form(
    devices, room_session, artifacts
):
    session = room_session
    console = devices(LAPTOP, "console")
    code = start_room(console, session)
    screen = devices(SMALL_BEAMER, "screen")
    screen.log_in("gespreksleider.lindeveen")
    screen.goto(reverse("room_screen", args=[session.pk]))
    fatima = devices(PHONE, "fatima")
    joost = devices(PHONE, "joost")
    join_by_code(fatima, "deelnemer.lindeveen", code, session)
    join_by_code(joost, "deelnemer2.lindeveen", code, session)

    # Step 2: stakeholders from both phones, on the screen at once.
    send_form(fatima, "stakeholders", {"name": "Omwonenden van de Dijkweg", "kind": "burgers"})
    send_form(joost, "stakeholders", {"name": "Vogelwerkgroep Aadorp", "kind": "organisatie"})
    send_form(joost, "stakeholders", {"name": "Omwonenden Dijkweg", "kind": "burgers"})
    stakeholders = {s.name: s for s in Stakeholder.objects.filter(session=session)}
    assert set(stakeholders) == {
        "Omwonenden van de Dijkweg",
        "Vogelwerkgroep Aadorp",
        "Omwonenden Dijkweg",
    }
    for stakeholder in stakeholders.values():
        expect(contribution(screen, "stakeholders", stakeholder.pk)).to_be_visible(timeout=FOLLOW)

    # The gespreksleider merges the duplicate residents into one.
    keep = stakeholders["Omwonenden van de Dijkweg"]
    duplicate = stakeholders["Omwonenden Dijkweg"]
    item = moderated_item(console, "stakeholders", keep.pk)
    expect(item).to_be_visible(timeout=FOLLOW)
    # The option carries the duplicate's version, so a change meanwhile is a conflict.
    item.locator("select[name=other]").select_option(f"{duplicate.pk}:{duplicate.version}")
    item.locator("[data-room-action=merge]").click()
    expect(moderated_item(console, "stakeholders", duplicate.pk)).to_have_count(0)
    expect(contribution(screen, "stakeholders", duplicate.pk)).to_have_count(0, timeout=FOLLOW)
    assert not Stakeholder.objects.filter(pk=duplicate.pk).exists()

    # Step 5: arguments from both phones; one anonymous objection.
    show_step(console, 5)
    texts = {
        "fatima-x": "De aanvraag voldoet aan alle normen; wie aan de regels voldoet mag rekenen "
        "op een vergunning.",
        "joost-y": "Het geluidsonderzoek is nog niet af; eerst weten, dan besluiten.",
        "joost-s": "De wethouder heeft het al aangekondigd, terugkomen staat slecht.",
        "fatima-g": "Het gebiedsfonds levert de buurt elk jaar een ton op.",
    }
    send_form(fatima, "arguments", {"side": "X", "category": "B", "text": texts["fatima-x"]})
    send_form(joost, "arguments", {"side": "Y", "category": "G", "text": texts["joost-y"]})
    send_form(joost, "arguments", {"side": "X", "category": "S", "text": texts["joost-s"]})
    send_form(fatima, "arguments", {"side": "X", "category": "G", "text": texts["fatima-g"]})
    arguments = {key: Argument.objects.get(session=session, text=t) for key, t in texts.items()}
    open_group_list(fatima)
    for argument in arguments.values():
        expect(contribution(screen, "arguments", argument.pk)).to_be_visible(timeout=FOLLOW)
        expect(contribution(fatima, "arguments", argument.pk)).to_be_visible(timeout=FOLLOW)

    # Reclassify: the unfinished research is a principle (B), not a consequence.
    reclassified = arguments["joost-y"]
    item = moderated_item(console, "arguments", reclassified.pk)
    item.locator("select[name=category]").select_option("B")
    item.locator("[data-room-action=reclassify]").click()
    expect(moderated_item(console, "arguments", reclassified.pk)).to_have_attribute(
        "data-category", "B"
    )
    expect(contribution(screen, "arguments", reclassified.pk)).to_have_attribute(
        "data-category", "B", timeout=FOLLOW
    )

    # Hide: the excuse goes off the screen, out of the session.
    hidden = arguments["joost-s"]
    moderated_item(console, "arguments", hidden.pk).locator("[data-room-action=hide]").click()
    expect(moderated_item(console, "arguments", hidden.pk)).to_have_count(0)
    expect(contribution(screen, "arguments", hidden.pk)).to_have_count(0, timeout=FOLLOW)
    expect(contribution(fatima, "arguments", hidden.pk)).to_have_count(0, timeout=FOLLOW)

    screen.page.screenshot(path=str(artifacts / "room-demo-screen.png"))
    assert no_horizontal_scroll(screen.page)
    console.page.screenshot(path=str(artifacts / "room-demo-console.png"), full_page=True)

    # The gespreksleider ends the room; the phones see it ended.
    console.page.get_by_role("button", name=_("End the room")).click()
    console.page.wait_for_url(f"{console.base}{reverse('session', args=[session.pk])}")
    for device in (fatima, joost, screen):
        expect(device.state()).to_have_attribute("data-room-status", "ended", timeout=FOLLOW)

    # The session continues in the guided form with everything the room contributed.
    console.goto(reverse("step", args=[session.pk, 2]))
    titles = console.page.locator(".item-title strong")
    expect(titles).to_have_text(["Omwonenden van de Dijkweg", "Vogelwerkgroep Aadorp"])
    # The merged duplicate lives on in the kept stakeholder's text.
    keep.refresh_from_db()
    assert "Omwonenden Dijkweg" in keep.interests
    console.goto(reverse("step", args=[session.pk, 6]))
    main = console.page.locator("main")
    for key in ("fatima-x", "joost-y", "fatima-g"):
        expect(main).to_contain_text(texts[key])
    expect(main).not_to_contain_text(texts["joost-s"])
    console.page.screenshot(path=str(artifacts / "room-demo-step-6.png"), full_page=True)
    reclassified.refresh_from_db()
    assert reclassified.category == "B"
    assert not Argument.objects.filter(pk=hidden.pk).exists()

    for device in (console, screen, fatima, joost):
        assert device.violations == [], (device.name, device.violations)


@pytest.mark.django_db(transaction=True)
def test_the_screen_shows_a_working_qr_code_and_the_address_to_join(
    devices, room_session, live_server
):
    session = room_session
    console = devices(LAPTOP, "console")
    start_room(console, session)
    screen = devices(BEAMER, "screen")
    screen.log_in("gespreksleider.lindeveen")
    qr_answers = []
    screen.page.on(
        "response",
        lambda response: qr_answers.append(response) if "/qr.svg" in response.url else None,
    )
    screen.goto(reverse("room_screen", args=[session.pk]))
    image = screen.page.locator("img.room-qr")
    expect(image).to_be_visible()
    screen.page.wait_for_load_state("load")
    assert qr_answers and qr_answers[0].status == 200
    assert qr_answers[0].headers["content-type"].startswith("image/svg+xml")
    # The browser could draw it (an SVG file without its namespace is a broken image).
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # The address people type by hand is the join page, without the code.
    join = screen.page.locator(".room-screen__join strong").first
    expect(join).to_have_text(re.compile(r"^https?://\S+/zaal/$"))
    assert screen.violations == []


@pytest.mark.django_db(transaction=True)
def test_a_participant_reading_the_group_list_sees_it_follow_the_moderator(devices, room_session):
    session = room_session
    console = devices(LAPTOP, "console")
    code = start_room(console, session)
    show_step(console, 5)
    phone = devices(PHONE, "phone")
    join_by_code(phone, "deelnemer.lindeveen", code, session)
    text = "Het geluidsonderzoek is nog niet af; eerst weten, dan besluiten."
    send_form(phone, "arguments", {"side": "X", "category": "G", "text": text})
    argument = Argument.objects.get(session=session, text=text)

    on_phone = phone.page.locator(f"[data-contribution='arguments-{argument.pk}']")
    # The participant opens "What the group contributed" and reads it (the click leaves
    # the focus on its <summary>).
    open_group_list(phone)
    expect(on_phone).to_be_visible(timeout=FOLLOW)

    item = moderated_item(console, "arguments", argument.pk)
    expect(item).to_be_visible(timeout=FOLLOW)
    item.locator("[data-room-action=move]").click()
    # The open list follows the move, and stays open while it does.
    expect(on_phone).to_have_attribute("data-side", "Y", timeout=FOLLOW)
    expect(on_phone).to_be_visible()
    expect(phone.page.locator("#room-group")).to_have_attribute("open", "")
    # A step change swaps the phone's state; the group list stays open and follows it.
    show_step(console, 6)
    expect(phone.state()).to_have_attribute("data-room-step", "6", timeout=FOLLOW)
    expect(phone.page.locator("#room-group")).to_have_attribute("open", "")
    expect(on_phone).to_be_visible(timeout=FOLLOW)
    assert phone.violations == []
