"""Load the meeting room the way a full room does: 30 phones and one screen polling, 5
contributions a second, for 60 seconds, against gunicorn on PostgreSQL.

Run from the project root (PostgreSQL only; without it the script says so and stops):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/room_load.py

Everything stays on this machine: gunicorn listens on 127.0.0.1 on a free port, the
clients are threads of this process speaking HTTP/1.1 with the standard library, and the
database is a throwaway one next to the one in DATABASE_URL. See bench/README.md.
"""

import argparse
import http.client
import os
import platform
import queue
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
PASSWORD = "Zaalproef-belasting-2026"

# The budget.
BUDGET_P95_MS = 200

# --- the room's URLs (deliberation/room_urls.py, docs/meeting-room.md) ------------------------

# The URLs the bench loads, filled in by ``room_endpoints`` from the room's URL names.
ENDPOINTS = {}


# --- HTTP clients ----------------------------------------------------------------------------


class Client:
    """One browser: a cookie jar and one keep-alive connection, as a browser tab has.

    The bench plays the TLS reverse proxy too: every request carries
    ``X-Forwarded-Proto: https`` and gunicorn runs with ``BEHIND_TLS_PROXY=true``, so the
    application sees HTTPS with its production cookies (``__Host-``, Secure) and CSRF
    checks of the Origin header, as behind nginx.
    """

    def __init__(self, port, name):
        self.port = port
        self.name = name
        self.host = f"127.0.0.1:{port}"
        self.origin = f"https://{self.host}"
        self.cookies = {}
        self.csrf_token = ""
        self.connection = None
        self.used = False
        self.retries = 0

    def connect(self):
        self.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.used = False

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, headers=None):
        """Send one request; returns (status, headers, body bytes, milliseconds)."""
        sent = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "Accept-Language": "nl-NL,nl;q=0.9",
            "User-Agent": f"toetssteen-room-bench/{self.name}",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urlencode(body, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.origin
            sent["Referer"] = self.origin + path
        sent.update(headers or {})
        for attempt in (1, 2):
            if self.connection is None:
                self.connect()
            reused = self.used
            start = time.perf_counter()
            sent_whole = False
            try:
                self.connection.request(method, path, body=body, headers=sent)
                sent_whole = True
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed while idle: a browser opens a
                # new one and sends the request again without telling anyone. Only once,
                # only on a reused connection (as Chromium does), and only when the request
                # cannot have arrived (a POST only if the pipe broke while sending it).
                self.close()
                self.retries += 1
                if attempt == 1 and reused and (method == "GET" or not sent_whole):
                    continue
                raise
            elapsed = (time.perf_counter() - start) * 1000
            self.used = True
            for header in response.msg.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for key, morsel in cookie.items():
                    if morsel["max-age"] == "0" or morsel.value == "":
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, response, content, elapsed
        raise AssertionError("unreachable")

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        return self.request("POST", path, body=data, headers=headers)

    def remember_csrf(self, html):
        """Take the CSRF token from a page, as the browser's form and htmx do."""
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if match:
            self.csrf_token = match.group(1).decode()
        return self.csrf_token

    def log_in(self, username, password):
        """A real login: GET the form, POST it with its CSRF token, follow nothing."""
        status, _, html, _ = self.get("/inloggen/")
        if status != 200:
            raise SystemExit(f"GET /inloggen/ answered {status}")
        token = self.remember_csrf(html)
        status, response, _, _ = self.post(
            "/inloggen/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if status != 302 or not any("sessionid" in name for name in self.cookies):
            raise SystemExit(f"logging in as {username} answered {status}, no session cookie")


# --- gunicorn --------------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn with config/gunicorn.py, bound to loopback only; stopped whatever happens."""

    def __init__(self, database_url, scratch, environ=None):
        self.port = free_port()
        self.log_path = scratch / "gunicorn.log"
        self.env = {
            **os.environ,
            # Production settings (docs/deployment.md), the way the image runs.
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "BEHIND_TLS_PROXY": "true",
            "LOG_LEVEL": "WARNING",
            # The polls and posts load no static files (a browser has them cached long
            # before the room starts); an empty folder keeps WhiteNoise quiet.
            "STATIC_ROOT": str(scratch / "static"),
            "PYTHONDONTWRITEBYTECODE": "1",
            **(environ or {}),
        }
        (scratch / "static").mkdir(exist_ok=True)
        self.process = None
        self.log = None

    def start(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                str(GUNICORN),
                "--config",
                "config/gunicorn.py",
                # The command line wins over the config file: loopback only, never 0.0.0.0.
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the workers stop with it
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start:\n{self.tail()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/health/", headers={"Host": "127.0.0.1"})
                if connection.getresponse().status == 200:
                    connection.close()
                    return
                connection.close()
            except OSError:
                pass
            time.sleep(0.25)
        raise SystemExit(f"gunicorn did not answer /health/ within 60 s:\n{self.tail()}")

    def workers(self):
        """The worker count and threads gunicorn reports in its log at start."""
        text = self.log_path.read_text(errors="replace")
        return len(re.findall(r"Booting worker with pid", text))

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=35)  # graceful_timeout is 30 s
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        if self.log is not None:
            self.log.close()
            self.log = None

    def tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def access_log(self):
        """(status, path, duration_ms) of every request in gunicorn's access log."""
        entries = []
        pattern = re.compile(r'"(\w+) (\S+) HTTP/[\d.]+" (\d{3}) .*duration_ms=(\d+)')
        for line in self.log_path.read_text(errors="replace").splitlines():
            match = pattern.search(line)
            if match:
                method, path, status, duration = match.groups()
                entries.append((method, path, int(status), int(duration)))
        return entries


# --- the room --------------------------------------------------------------------------------


def build_world(participants):
    """An organisation, a gespreksleider and the participants, all with one password."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.db import transaction

    from deliberation.models import Session
    from principles.models import Membership, Organisation, Role

    # One hash for everyone: hashing 31 passwords here would take longer than the run.
    password = make_password(PASSWORD)
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name="Gemeente Zaalproef", kind=Organisation.Kind.MUNICIPALITY
        )
        facilitator = User.objects.create(
            username="gespreksleider.zaalproef",
            first_name="Gea",
            last_name="Leider",
            password=password,
        )
        Membership.objects.create(
            user=facilitator, organisation=organisation, role=Role.FACILITATOR
        )
        users = []
        for i in range(1, participants + 1):
            user = User.objects.create(
                username=f"deelnemer{i:02d}.zaalproef",
                first_name="Deelnemer",
                last_name=f"{i:02d}",
                password=password,
            )
            Membership.objects.create(user=user, organisation=organisation, role=Role.PARTICIPANT)
            users.append(user)
        session = Session.objects.create(
            organisation=organisation,
            title="Windpark aan de Zeedijk: live in de zaal",
            facilitator=facilitator,
            created_by=facilitator,
            status=Session.Status.IN_PROGRESS,
            problem_statement="Verlenen we de omgevingsvergunning voor vier windturbines?",
            option_x="De vergunning verlenen",
            option_y="De vergunning weigeren",
        )
        session.participants.add(facilitator)
    return organisation, facilitator, users, session


ARGUMENT_TEXTS = [
    "De aanvraag voldoet aan alle normen voor geluid en slagschaduw; wie aan de regels "
    "voldoet, mag erop rekenen dat de gemeente de vergunning ook verleent.",
    "Omwonenden van de Dijkweg dragen de lasten terwijl de opbrengst elders terechtkomt; dat "
    "is geen eerlijke verdeling van lusten en lasten.",
    "Het gebiedsfonds levert jaarlijks ruim honderdduizend euro op voor dorpshuizen en de "
    "isolatie van huurwoningen in de buurt met de meeste hinder.",
    "Het onafhankelijke geluidsonderzoek is nog niet af; besluiten voordat het er is, maakt "
    "de afweging minder zorgvuldig dan de inwoners mogen verwachten.",
    "De wethouder heeft het project al aangekondigd, en terugkomen op een aankondiging staat "
    "slecht voor het college.",
]


def contribution(n, user_index):
    """The n-th contribution of the run: an argument for X or Y, B, G or S, unique text."""
    text = ARGUMENT_TEXTS[n % len(ARGUMENT_TEXTS)]
    return {
        "side": "XY"[n % 2],
        "category": "BGS"[n % 3],
        "text": f"{text} (bijdrage {n + 1} van deelnemer {user_index + 1:02d})",
    }


# --- the load --------------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str  # "participant poll", "screen poll", "contribution"
    status: int  # 0 for an exception
    ms: float
    at: float  # seconds since the start of the load
    error: str = ""
    bytes: int = 0


@dataclass
class Load:
    samples: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    posts_scheduled: int = 0
    posts_started_late_ms: list = field(default_factory=list)
    retries: int = 0  # requests sent again on a fresh connection, as a browser does

    def add(self, sample):
        with self.lock:
            self.samples.append(sample)


def poller(client, kind, path, start, offset, duration, interval, load, stop):
    """Poll ``path`` every ``interval`` seconds with If-None-Match, as the browser does."""
    etag = None
    k = 0
    while not stop.is_set():
        due = start + offset + k * interval
        if due - start >= duration:
            break
        delay = due - time.perf_counter()
        if delay > 0 and stop.wait(delay):
            break
        k += 1
        headers = {"HX-Request": "true"}
        if etag:
            headers["If-None-Match"] = etag
        at = time.perf_counter() - start
        try:
            status, response, body, ms = client.get(path, headers=headers)
        except Exception as error:  # noqa: BLE001 (every failure is a measured error)
            load.add(Sample(kind, 0, 0.0, at, repr(error)))
            continue
        if status == 200:
            etag = response.getheader("ETag") or etag
        load.add(Sample(kind, status, ms, at, "", len(body)))
    load.retries += client.retries


def poster(clients, jobs, start, load, stop):
    """Post the contributions handed out by the schedule, each as its participant.

    Each poster thread keeps one keep-alive connection and sends each participant's own
    cookies and CSRF token on it, as a reverse proxy multiplexes browsers' requests."""
    connection = None
    while not stop.is_set():
        job = jobs.get()
        if job is None:
            break
        n, user_index, due = job
        client = clients[user_index]
        load.posts_started_late_ms.append((time.perf_counter() - due) * 1000)
        if connection is None:
            connection = Client(client.port, "poster")
        connection.cookies = client.cookies
        # As htmx posts a form: the form's csrfmiddlewaretoken and the hx-headers token.
        data = {"csrfmiddlewaretoken": client.csrf_token, **contribution(n, user_index)}
        headers = {"HX-Request": "true", "X-CSRFToken": client.csrf_token}
        at = due - start
        try:
            status, _, body, ms = connection.post(ENDPOINTS["contribute"], data, headers=headers)
        except Exception as error:  # noqa: BLE001
            load.add(Sample("contribution", 0, 0.0, at, repr(error)))
            continue
        error = "" if 200 <= status < 300 else body[:300].decode(errors="replace")
        load.add(Sample("contribution", status, ms, at, error, len(body)))
    if connection is not None:
        load.retries += connection.retries
        connection.close()


def run_load(participants, screen, args):
    """The measured minute: every participant and the screen poll, posts at a steady rate."""
    load = Load()
    stop = threading.Event()
    start = time.perf_counter() + 1.0
    threads = []
    for i, client in enumerate(participants):
        # Phones do not poll in step: spread their first polls over the interval.
        offset = args.interval * i / len(participants)
        threads.append(
            threading.Thread(
                target=poller,
                args=(
                    client,
                    "participant poll",
                    ENDPOINTS["participant_poll"],
                    start,
                    offset,
                    args.duration,
                    args.interval,
                    load,
                    stop,
                ),
                daemon=True,
            )
        )
    for i, client in enumerate(participants[: args.readers]):
        # A participant with "What the group contributed" open: room.js polls that list
        # too, on a second connection of the same browser.
        reader = Client(client.port, f"{client.name}-group")
        reader.cookies = client.cookies
        threads.append(
            threading.Thread(
                target=poller,
                args=(
                    reader,
                    "group poll",
                    ENDPOINTS["group_poll"],
                    start,
                    args.interval * (i + 0.5) / len(participants),
                    args.duration,
                    args.interval,
                    load,
                    stop,
                ),
                daemon=True,
            )
        )
    threads.append(
        threading.Thread(
            target=poller,
            args=(
                screen,
                "screen poll",
                ENDPOINTS["screen_poll"],
                start,
                args.interval / 2 / len(participants),
                args.duration,
                args.interval,
                load,
                stop,
            ),
            daemon=True,
        )
    )
    jobs = queue.Queue()
    posters = [
        threading.Thread(target=poster, args=(participants, jobs, start, load, stop), daemon=True)
        for _ in range(args.posters)
    ]
    for thread in threads + posters:
        thread.start()
    try:
        total = int(args.duration * args.rate)
        for n in range(total):
            due = start + n / args.rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            jobs.put((n, n % len(participants), due))
            load.posts_scheduled += 1
        for _ in posters:
            jobs.put(None)
        for thread in threads + posters:
            thread.join(timeout=args.duration + 60)
    finally:
        stop.set()
        for _ in posters:
            jobs.put(None)
    return load


# --- measuring -------------------------------------------------------------------------------


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summarise(samples):
    rows = []
    for kind in ("participant poll", "group poll", "screen poll", "contribution"):
        mine = [s for s in samples if s.kind == kind]
        if not mine and kind == "group poll":
            continue  # no --readers
        ok = [s for s in mine if 200 <= s.status < 300 or s.status == 304]
        times = [s.ms for s in ok]
        not_modified = sum(1 for s in mine if s.status == 304)
        rows.append(
            {
                "kind": kind,
                "requests": len(mine),
                "errors": len(mine) - len(ok),
                "not_modified": not_modified,
                "not_modified_share": round(not_modified / len(mine), 3) if mine else None,
                "p50_ms": round(statistics.median(times), 1) if times else None,
                "p95_ms": round(percentile(times, 95), 1) if times else None,
                "max_ms": round(max(times), 1) if times else None,
                "median_kb_200": round(
                    statistics.median([s.bytes for s in mine if s.status == 200] or [0]) / 1024, 1
                ),
                "statuses": {
                    str(status): sum(1 for s in mine if s.status == status)
                    for status in sorted({s.status for s in mine})
                },
            }
        )
    return rows


def server_times(entries):
    """p50/p95/max of gunicorn's own duration_ms per endpoint kind (no client in it)."""
    kinds = {
        "participant poll": ENDPOINTS["participant_poll"],
        "group poll": ENDPOINTS["group_poll"],
        "screen poll": ENDPOINTS["screen_poll"],
        "contribution": ENDPOINTS["contribute"],
    }
    result = {}
    for kind, path in kinds.items():
        method = "POST" if kind == "contribution" else "GET"
        times = [d for m, p, _, d in entries if m == method and p == path]
        result[kind] = {
            "requests": len(times),
            "p50_ms": statistics.median(times) if times else None,
            "p95_ms": percentile(times, 95),
            "max_ms": max(times) if times else None,
        }
    return result


def median_ms(client, path, times=9, **headers):
    """Median milliseconds of ``times`` GETs of ``path`` through Django's test client."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        client.get(path, **headers)
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)


def poll_queries(facilitator, user, session):
    """SQL queries and time of one poll of each kind, answered 200 and answered 304, after
    the load (so with every contribution in the room), through Django's test client in
    this process: what one poll costs the server without any other load."""
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for kind, who, path in (
        ("participant poll", user, ENDPOINTS["participant_poll"]),
        ("group poll", user, ENDPOINTS["group_poll"]),
        ("screen poll", facilitator, ENDPOINTS["screen_poll"]),
    ):
        client = DjangoClient(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
        client.force_login(who)
        client.get(path, HTTP_HX_REQUEST="true")  # warm: nothing first-time in the count
        with CaptureQueriesContext(connection) as full:
            response = client.get(path, HTTP_HX_REQUEST="true")
        etag = response.get("ETag")
        entry = {
            "status": response.status_code,
            "queries_200": len(full),
            "kb_200": round(len(response.content) / 1024, 1),
            "ms_200": median_ms(client, path, HTTP_HX_REQUEST="true"),
            "etag": bool(etag),
        }
        if etag:
            with CaptureQueriesContext(connection) as cached:
                again = client.get(path, HTTP_HX_REQUEST="true", HTTP_IF_NONE_MATCH=etag)
            entry["status_again"] = again.status_code
            entry["queries_304"] = len(cached)
            entry["ms_304"] = median_ms(
                client, path, HTTP_HX_REQUEST="true", HTTP_IF_NONE_MATCH=etag
            )
        counts[kind] = entry
    return counts


class ConnectionWatch(threading.Thread):
    """The number of connections to the bench database, every second, from pg_stat_activity."""

    def __init__(self, dsn, name):
        super().__init__(daemon=True)
        self.dsn, self.name = dsn, name
        self.counts = []
        self.stop = threading.Event()

    def run(self):
        import psycopg

        try:
            with psycopg.connect(self.dsn, autocommit=True) as conn:
                while not self.stop.wait(1.0):
                    row = conn.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.name]
                    ).fetchone()
                    self.counts.append(row[0] - 1)  # not this watcher's own
        except Exception as error:  # noqa: BLE001 (a missing figure, not a failed run)
            print(f"  connection watch stopped: {error!r}", file=sys.stderr)


# --- the run ---------------------------------------------------------------------------------


def database_url_for(name):
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + name))


def gunicorn_setting(env, name):
    """A setting of config/gunicorn.py as it evaluates with gunicorn's environment."""
    import runpy

    saved = dict(os.environ)
    try:
        os.environ.update(env)
        return runpy.run_path(str(ROOT / "config" / "gunicorn.py"))[name]
    finally:
        os.environ.clear()
        os.environ.update(saved)


def room_endpoints(session):
    """The URLs the bench uses, from the room's own URL names (deliberation/room_urls.py)."""
    from django.urls import reverse

    pk = session.pk
    ENDPOINTS.update(
        {
            "session": reverse("session", args=[pk]),
            "start": reverse("room_start", args=[pk]),
            "step": reverse("room_step", args=[pk]),
            "console": reverse("room_console", args=[pk]),
            "device": reverse("room_device", args=[pk]),
            "participant_poll": reverse("room_device_state", args=[pk]),
            "group_poll": reverse("room_device_group", args=[pk]),
            "screen": reverse("room_screen", args=[pk]),
            "screen_poll": reverse("room_screen_state", args=[pk]),
            "contribute": reverse("room_contribute", args=[pk, "arguments"]),
        }
    )


def expect(status, wanted, what):
    if status not in wanted:
        raise SystemExit(f"{what} answered {status}, expected {' or '.join(map(str, wanted))}")


def join_by_code(client, user, code):
    """A participant logs in, joins by the code on the screen and opens the device page."""
    from django.urls import reverse

    client.log_in(user.username, PASSWORD)
    path = reverse("room_join_code", args=[code])
    status, _, html, _ = client.get(path)
    expect(status, (200,), f"GET {path} as {user.username}")
    status, _, _, _ = client.post(path, {"csrfmiddlewaretoken": client.remember_csrf(html)})
    expect(status, (302,), f"joining by code as {user.username}")
    status, _, html, _ = client.get(ENDPOINTS["device"])
    expect(status, (200,), f"the device page of {user.username}")
    # The token the device page's forms and htmx (hx-headers) post with.
    client.remember_csrf(html)
    return client


def open_room(port, facilitator, session, users):
    """The gespreksleider starts the room and moves it to step 5 (arguments) through the
    real URLs; the participants log in and join with the code the console shows; the
    screen runs in the gespreksleider's browser."""
    from concurrent.futures import ThreadPoolExecutor

    from deliberation.models import Argument

    screen = Client(port, "screen")
    screen.log_in(facilitator.username, PASSWORD)
    status, _, html, _ = screen.get(ENDPOINTS["session"])
    expect(status, (200,), "the session page")
    token = screen.remember_csrf(html)
    status, _, _, _ = screen.post(ENDPOINTS["start"], {"csrfmiddlewaretoken": token})
    expect(status, (302,), "starting the room")
    status, _, _, _ = screen.post(ENDPOINTS["step"], {"csrfmiddlewaretoken": token, "step": 5})
    expect(status, (302,), "moving the room to step 5")
    status, _, html, _ = screen.get(ENDPOINTS["console"])
    expect(status, (200,), "the console")
    match = re.search(rb"data-room-code[^>]*>\s*([A-Z0-9]+)\s*<", html)
    if not match:
        raise SystemExit("the console shows no join code (data-room-code)")
    code = match.group(1).decode()
    status, _, _, _ = screen.get(ENDPOINTS["screen"])
    expect(status, (200,), "the room screen")
    participants = [Client(port, user.username) for user in users]
    # Four at a time: each login hashes the password (PBKDF2) on the server.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(join_by_code, participants, users, [code] * len(users)))
    before = Argument.objects.filter(session=session).count()
    return screen, participants, before


def contributions_in_database(session, before):
    from deliberation.models import Argument

    return Argument.objects.filter(session=session).count() - before


def run(args):
    import django
    from django.conf import settings
    from django.db import connection

    scratch = Path(args.scratch)
    organisation, facilitator, users, session = build_world(args.participants)
    db_name = connection.settings_dict["NAME"]
    database_url = database_url_for(db_name)
    room_endpoints(session)

    overrides = {}
    if args.workers:
        overrides["WEB_CONCURRENCY"] = str(args.workers)
    if args.threads:
        overrides["GUNICORN_THREADS"] = str(args.threads)
    server = Gunicorn(database_url, scratch, overrides)
    watch = None
    clients = []
    try:
        print(f"  starting gunicorn on 127.0.0.1:{server.port} …", file=sys.stderr, flush=True)
        server.start()
        login_start = time.perf_counter()
        screen, participants, before = open_room(server.port, facilitator, session, users)
        clients = [screen, *participants]
        login_s = time.perf_counter() - login_start
        print(
            f"  {len(participants) + 1} clients logged in and joined in {login_s:.1f} s; "
            f"loading for {args.duration} s …",
            file=sys.stderr,
            flush=True,
        )
        watch = ConnectionWatch(database_url_for("postgres"), db_name)
        watch.start()
        load = run_load(participants, screen, args)
        watch.stop.set()
        time.sleep(2)  # let the last responses' transactions settle in the access log
    finally:
        if watch is not None:
            watch.stop.set()
        for client in clients:
            client.close()
        server.stop()

    entries = server.access_log()
    counted = contributions_in_database(session, before)
    posted_ok = sum(1 for s in load.samples if s.kind == "contribution" and 200 <= s.status < 300)
    rows = summarise(load.samples)
    polls = [s for s in load.samples if s.kind.endswith("poll")]
    errors = [s for s in load.samples if not (200 <= s.status < 300 or s.status == 304)]
    queries = poll_queries(facilitator, users[0], session)
    p95 = max((r["p95_ms"] or 0) for r in rows)
    not_modified_share = sum(1 for s in polls if s.status == 304) / len(polls) if polls else 0.0
    budget = {
        "zero errors": not errors,
        # Every contribution sent is a row: none refused, none dropped, none answered
        # 2xx without being stored.
        "zero lost": counted == load.posts_scheduled == posted_ok,
        f"p95 under {BUDGET_P95_MS} ms": p95 < BUDGET_P95_MS,
        "most polls 304": not_modified_share > 0.5,
    }
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
        cursor.execute("SHOW max_connections")
        max_connections = cursor.fetchone()[0]
    env = server.env
    return {
        "backend": connection.vendor,
        "database": f"PostgreSQL {version} (max_connections {max_connections})",
        "django": django.get_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "debug_in_gunicorn": env["DEBUG"],
        "gunicorn": {
            "config": "config/gunicorn.py",
            "bind": f"127.0.0.1:{server.port}",
            "workers_booted": server.workers(),
            "workers": gunicorn_setting(env, "workers"),
            "threads": gunicorn_setting(env, "threads"),
            "worker_class": gunicorn_setting(env, "worker_class"),
        },
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE"),
        "login": "real login POSTs to /inloggen/ (GET the form, POST with its CSRF token)",
        "participants": len(users),
        "readers": args.readers,
        "duration_s": args.duration,
        "interval_s": args.interval,
        "rate_per_s": args.rate,
        "posts_scheduled": load.posts_scheduled,
        "posts_answered_2xx": posted_ok,
        "contributions_counted": counted,
        "retries": load.retries,
        "posts_started_late_p95_ms": round(percentile(load.posts_started_late_ms, 95) or 0, 1),
        "endpoints": dict(ENDPOINTS),
        "results": rows,
        "server_times": server_times(entries),
        "poll_queries": queries,
        "db_connections_max": max(watch.counts) if watch and watch.counts else None,
        "not_modified_share": round(not_modified_share, 3),
        "errors_sample": [
            {"kind": s.kind, "status": s.status, "at": round(s.at, 2), "error": s.error[:300]}
            for s in errors[:10]
        ],
        "budget": budget,
        "budget_met": all(budget.values()),
    }


def report(result):
    lines = [
        f"Toetssteen meeting room under load: {result['database']}, Django {result['django']}, "
        f"Python {result['python']}, {result['machine']}",
        f"gunicorn {result['gunicorn']['config']} on {result['gunicorn']['bind']}: "
        f"{result['gunicorn']['workers']} {result['gunicorn']['worker_class']} workers × "
        f"{result['gunicorn']['threads']} threads, DEBUG={result['debug_in_gunicorn']}, "
        f"CONN_MAX_AGE {result['conn_max_age']} s",
        f"{result['participants']} participants and 1 screen polling every "
        f"{result['interval_s']} s (If-None-Match), {result['rate_per_s']} contributions/s "
        f"for {result['duration_s']} s; {result['readers']} of them with the group list open "
        f"(polling it too). Clients: {result['login']}.",
        "",
        f"{'endpoint':<18}{'requests':>9}{'errors':>8}{'304':>7}{'304 %':>7}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'server p95':>12}{'KB':>7}",
        "-" * 95,
    ]
    for r in result["results"]:
        share = "" if r["not_modified_share"] is None else f"{r['not_modified_share']:.0%}"
        server = result["server_times"].get(r["kind"], {}).get("p95_ms")

        def fmt(value):
            return "-" if value is None else f"{value:.1f}"

        lines.append(
            f"{r['kind']:<18}{r['requests']:>9}{r['errors']:>8}{r['not_modified']:>7}"
            f"{share:>7}{fmt(r['p50_ms']):>9}{fmt(r['p95_ms']):>9}{fmt(r['max_ms']):>9}"
            f"{fmt(server):>12}{r['median_kb_200']:>7.1f}"
        )
    q = result["poll_queries"]
    lost = result["posts_scheduled"] - result["contributions_counted"]
    lines += [
        "-" * 95,
        f"Contributions: {result['posts_scheduled']} sent, {result['posts_answered_2xx']} "
        f"answered 2xx, {result['contributions_counted']} rows in the database afterwards "
        f"({lost} lost). Requests sent again on a new connection: {result['retries']}.",
        "One poll alone, afterwards (200 / 304): "
        + "; ".join(
            f"{kind} {v.get('queries_200')} / {v.get('queries_304', '-')} queries, "
            f"{v.get('ms_200')} / {v.get('ms_304', '-')} ms, {v.get('kb_200')} KB"
            for kind, v in q.items()
        )
        + ".",
        f"Database connections at most {result['db_connections_max']}.",
        f"Polls answered 304: {result['not_modified_share']:.0%}.",
        "",
        "Budget: "
        + ", ".join(f"{name}: {'yes' if ok else 'NO'}" for name, ok in result["budget"].items()),
        "Budget met." if result["budget_met"] else "Budget NOT met.",
    ]
    for e in result["errors_sample"]:
        lines.append(f"  error: {e['kind']} {e['status']} at {e['at']} s: {e['error'][:120]}")
    lines.append(
        "ms = wall time seen by the client (HTTP over loopback; the clients share the cores); "
        "server p95 = gunicorn's own duration_ms; KB = median size of a 200 answer."
    )
    return "\n".join(lines)


def postgres_or_exit():
    """PostgreSQL from DATABASE_URL, reachable; otherwise a clear message and exit 0."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print(
            "bench/room_load.py: skipped, it runs on PostgreSQL only (the issue's budget is "
            "for PostgreSQL). Set DATABASE_URL=postgres://user@127.0.0.1:5432/postgres.",
            file=sys.stderr,
        )
        sys.exit(0)
    try:
        import psycopg

        # The server, not the database named in the URL: the bench makes its own.
        psycopg.connect(database_url_for("postgres"), connect_timeout=3).close()
    except Exception as error:  # noqa: BLE001
        print(f"bench/room_load.py: skipped, PostgreSQL does not answer: {error}", file=sys.stderr)
        sys.exit(0)
    if not GUNICORN.exists():
        print(f"bench/room_load.py: skipped, no gunicorn at {GUNICORN}", file=sys.stderr)
        sys.exit(0)


def main():
    sys.path.insert(0, str(ROOT))
    from bench.harness import run_benchmark

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=30, help="(default 30)")
    parser.add_argument("--duration", type=float, default=60, help="seconds (default 60)")
    parser.add_argument("--interval", type=float, default=2, help="poll every … s (default 2)")
    parser.add_argument("--rate", type=float, default=5, help="contributions/s (default 5)")
    parser.add_argument("--posters", type=int, default=4, help="posting threads (default 4)")
    parser.add_argument(
        "--readers",
        type=int,
        default=0,
        help="participants with the group list open, polling it too (default 0)",
    )
    parser.add_argument(
        "--workers", type=int, default=0, help="WEB_CONCURRENCY for gunicorn (default: config's)"
    )
    parser.add_argument(
        "--threads", type=int, default=0, help="GUNICORN_THREADS (default: config's)"
    )
    args = parser.parse_args()
    if not (1 <= args.participants <= 200 and 1 <= args.duration <= 600):
        parser.error("--participants 1…200 and --duration 1…600: the bench stays bounded")
    if not (0.5 <= args.interval <= 60 and 0 < args.rate <= 50 and 1 <= args.posters <= 16):
        parser.error("--interval 0.5…60, --rate up to 50, --posters 1…16")
    if not 0 <= args.readers <= args.participants:
        parser.error("--readers 0…--participants")
    if not (0 <= args.workers <= 16 and 0 <= args.threads <= 32):
        parser.error("--workers 0…16, --threads 0…32 (0: what config/gunicorn.py says)")
    postgres_or_exit()
    import tempfile

    # A plain kill still stops gunicorn and drops the database: the finally blocks run.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    with tempfile.TemporaryDirectory(prefix="toetssteen-room-bench-") as scratch:
        args.scratch = scratch
        run_benchmark("room_load", run, report, args)


if __name__ == "__main__":
    main()
