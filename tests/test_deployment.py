"""The production stack: the health endpoint, the deploy check, the container files.

The deploy check, the entrypoint and gunicorn run as subprocesses, as they run in
production. Docker itself does not run here (no engine): the Dockerfile is read, the
compose file is validated by `docker compose config` (or Debian's `docker-compose`).
Without a compose command the compose tests skip locally with a message and fail in CI.
"""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import OperationalError, connection

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WEASYPRINT_PACKAGES = ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"]


def base_env(**extra):
    """A clean environment: none of this machine's settings variables leak in."""
    env = {
        name: os.environ[name]
        for name in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
        if name in os.environ
    }
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    env.update(extra)
    return env


def production_env(**overrides):
    """What a production container gets: see docs/deployment.md."""
    env = base_env(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="toetssteen.example.nl",
        CSRF_TRUSTED_ORIGINS="https://toetssteen.example.nl",
        BEHIND_TLS_PROXY="true",
        TRUSTED_PROXY_COUNT="1",
    )
    env.update(overrides)
    return env


def run(args, env, **kwargs):
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, **kwargs
    )


# --- the health endpoint -------------------------------------------------------------------


@pytest.mark.django_db
def test_health_answers_ok_as_json_without_login(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_sets_no_cookie_and_leaves_the_session_alone(
    client, member, django_assert_num_queries
):
    client.force_login(member)
    with django_assert_num_queries(1):  # SELECT 1; the session is never read
        response = client.get("/health/")
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_health_answers_head_but_refuses_other_methods(client):
    head = client.head("/health/")
    assert head.status_code == 200
    assert head.content == b""
    assert client.post("/health/").status_code == 405
    assert client.delete("/health/").status_code == 405


@pytest.mark.django_db
def test_health_answers_503_when_the_database_fails(client, member):
    def database_down(execute, sql, params, many, context):
        raise OperationalError("the database is down")

    # A logged-in browser sends its session cookie; reading that session would fail too.
    client.force_login(member)
    with connection.execute_wrapper(database_down):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert not response.cookies


def test_health_answers_503_when_postgresql_cannot_be_reached():
    """A real driver error: nothing listens on port 1, and there is no traceback."""
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='toetssteen.example.nl')\n"
        "client.cookies['sessionid'] = 'a' * 32\n"
        "response = client.get('/health/')\n"
        "print(response.status_code, response.content.decode())\n"
    )
    result = run(
        [PYTHON, "-c", script],
        base_env(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL="postgres://toetssteen@127.0.0.1:1/toetssteen",
            ALLOWED_HOSTS="toetssteen.example.nl",
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '503 {"status": "unavailable"}'
    assert "Traceback" not in result.stderr
    assert "the database does not answer" in result.stderr


# --- the deploy check ----------------------------------------------------------------------


DEPLOY_CHECK = [PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def test_the_deploy_check_passes_with_production_settings():
    result = run(DEPLOY_CHECK, production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_with_the_development_defaults():
    result = run(DEPLOY_CHECK, base_env())
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG


@pytest.mark.parametrize(
    ("variable", "value", "check"),
    [
        ("SECRET_KEY", "too-short-to-be-a-secret", "security.W009"),
        ("SECURE_COOKIES", "false", "security.W012"),
        ("SECURE_SSL_REDIRECT", "false", "security.W008"),
        ("HSTS_SECONDS", "0", "security.W004"),
    ],
)
def test_the_deploy_check_fails_on_one_unsafe_production_setting(variable, value, check):
    result = run(DEPLOY_CHECK, production_env(**{variable: value}))
    assert result.returncode != 0
    assert check in result.stderr


# --- the entrypoint ------------------------------------------------------------------------


ENTRYPOINT = ["sh", "bin/docker-entrypoint.sh"]
# The entrypoint calls `python`, as in the image, where the virtual environment is on PATH.
VENV_PATH = f"{Path(PYTHON).parent}{os.pathsep}/usr/bin{os.pathsep}/bin"


@pytest.fixture
def fake_gunicorn(tmp_path):
    """A `gunicorn` first on PATH that only says how it was called."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "gunicorn"
    script.write_text('#!/bin/sh\necho "gunicorn started with: $*"\n')
    script.chmod(0o755)
    return f"{folder}{os.pathsep}{VENV_PATH}"


def the_test_database():
    """Settings variables that point a subprocess at the test database."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return {"SQLITE_NAME": str(database["NAME"])}
    parts = urlsplit(os.environ["DATABASE_URL"])
    return {"DATABASE_URL": urlunsplit(parts._replace(path="/" + database["NAME"]))}


def test_the_web_entrypoint_migrates_then_starts_gunicorn(django_db_setup, fake_gunicorn):
    env = production_env(PATH=fake_gunicorn, DJANGO_SETTINGS_MODULE="config.settings")
    env.pop("DATABASE_URL", None)
    env.update(the_test_database())
    result = run(ENTRYPOINT, env)
    assert result.returncode == 0, result.stderr
    # The test database is migrated already: migrate runs and finds nothing left to do.
    migrated = result.stdout.index("No migrations to apply.")
    started = result.stdout.index("gunicorn started with: --config config/gunicorn.py")
    assert migrated < started


@pytest.mark.parametrize(
    ("missing", "changed", "message"),
    [
        ("SECRET_KEY", {}, "SECRET_KEY is not set"),
        (None, {"SECRET_KEY": "short"}, "SECRET_KEY is shorter than 50 characters"),
        (None, {"SECRET_KEY": "django-insecure-" + "x" * 50}, "SECRET_KEY is a development key"),
        ("ALLOWED_HOSTS", {}, "ALLOWED_HOSTS is not set"),
        ("DATABASE_URL", {}, "DATABASE_URL is not set"),
    ],
)
@pytest.mark.parametrize("command", ["web", "worker"])
def test_the_entrypoint_refuses_an_unsafe_configuration(
    fake_gunicorn, command, missing, changed, message
):
    env = production_env(
        PATH=fake_gunicorn, DATABASE_URL="postgres://toetssteen@db:5432/toetssteen", **changed
    )
    env.pop(missing, None)
    result = run([*ENTRYPOINT, command], env)
    assert result.returncode == 64
    assert message in result.stderr
    assert "gunicorn started" not in result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_healthcheck_command_reports_the_health_endpoint(live_server, monkeypatch):
    port = urlsplit(live_server.url).port
    env = base_env(ALLOWED_HOSTS="localhost,.example.nl", PORT=str(port), PATH=VENV_PATH)

    assert run([*ENTRYPOINT, "healthcheck"], env).returncode == 0

    monkeypatch.setattr("config.health.database_answers", lambda: False)
    unhealthy = run([*ENTRYPOINT, "healthcheck"], env)
    assert unhealthy.returncode == 1
    assert "503" in unhealthy.stderr


def test_the_healthcheck_command_fails_when_nothing_listens():
    env = base_env(ALLOWED_HOSTS="localhost", PORT="1", PATH=VENV_PATH)
    assert run([*ENTRYPOINT, "healthcheck"], env).returncode == 1


# --- gunicorn ------------------------------------------------------------------------------


def gunicorn_config(**env):
    """The settings as gunicorn itself reads them from config/gunicorn.py."""
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    result = run([gunicorn, "--config", "config/gunicorn.py", "--print-config"], base_env(**env))
    assert result.returncode == 0, result.stderr
    config = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition("=")
        config[name.strip()] = value.strip()
    return config


def test_gunicorn_serves_the_application_on_port_8000_with_threads():
    config = gunicorn_config()
    assert config["bind"] == "['0.0.0.0:8000']"
    assert config["wsgi_app"] == "config.wsgi:application"
    assert config["worker_class"] == "gthread"
    assert int(config["threads"]) >= 2
    assert 1 <= int(config["workers"]) <= 8
    assert int(config["timeout"]) >= 60
    assert config["accesslog"] == "-"
    assert config["forwarded_allow_ips"] == "['127.0.0.1', '::1']"
    assert config["control_socket_disable"] == "True"


def test_gunicorn_takes_its_numbers_and_trusted_proxies_from_the_environment():
    config = gunicorn_config(
        WEB_CONCURRENCY="3",
        GUNICORN_THREADS="6",
        GUNICORN_TIMEOUT="90",
        FORWARDED_ALLOW_IPS="172.18.0.1",
        PORT="9000",
    )
    assert config["workers"] == "3"
    assert config["threads"] == "6"
    assert config["timeout"] == "90"
    assert config["forwarded_allow_ips"] == "['172.18.0.1']"
    assert config["bind"] == "['0.0.0.0:9000']"


@pytest.mark.parametrize(("cores", "workers"), [(1, 3), (2, 5), (3, 7), (4, 8), (64, 8)])
def test_gunicorn_starts_two_workers_per_core_plus_one_at_most_eight(cores, workers):
    import runpy

    namespace = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
    assert namespace["default_workers"](cores) == workers


# --- docker compose ------------------------------------------------------------------------


def compose_command():
    """`docker compose` (v2), else `docker-compose`; locally skip without one, fail in CI."""
    docker = shutil.which("docker")
    if docker and run([docker, "compose", "version"], base_env()).returncode == 0:
        return [docker, "compose"]
    standalone = shutil.which("docker-compose")
    if standalone:
        return [standalone]
    message = (
        "neither `docker compose` nor `docker-compose` is installed "
        "(Debian: apt-get install docker-compose)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


COMPOSE_ENV = {
    "POSTGRES_PASSWORD": secrets.token_hex(32),
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "toetssteen.example.nl",
}


@pytest.fixture
def compose(tmp_path):
    """Runs compose on our file with exactly the given variables. An empty --env-file keeps
    a developer's .env out (`docker compose` refuses /dev/null as one)."""
    command = compose_command()
    empty = tmp_path / "empty.env"
    empty.write_text("")

    def compose(*args, **env):
        options = ["--project-directory", str(ROOT), "--env-file", str(empty)]
        return run([*command, *options, "-f", "docker-compose.yml", *args], base_env(**env))

    return compose


def test_docker_compose_config_validates_with_the_required_variables(compose):
    result = compose("config", "-q", **COMPOSE_ENV)
    assert result.returncode == 0, result.stderr
    services = compose("config", "--services", **COMPOSE_ENV)
    assert set(services.stdout.split()) == {"db", "web", "worker"}


def test_docker_compose_config_fails_without_the_database_password(compose):
    result = compose("config", "-q", **{**COMPOSE_ENV, "POSTGRES_PASSWORD": ""})
    assert result.returncode != 0
    assert "POSTGRES_PASSWORD" in result.stderr


def test_only_the_database_starts_for_development_without_the_production_secrets(compose):
    result = compose("config", "-q", POSTGRES_PASSWORD="toetssteen")
    assert result.returncode == 0, result.stderr


def test_docker_compose_puts_the_secrets_in_from_the_environment(compose):
    result = compose("config", **COMPOSE_ENV)
    assert result.returncode == 0, result.stderr
    assert COMPOSE_ENV["SECRET_KEY"] in result.stdout
    assert f"toetssteen:{COMPOSE_ENV['POSTGRES_PASSWORD']}@db:5432/toetssteen" in result.stdout


def test_the_compose_file_holds_no_secret():
    text = (ROOT / "docker-compose.yml").read_text()
    for name in ("SECRET_KEY", "OIDC_CLIENT_SECRET"):
        assignments = re.findall(rf"^\s*{name}:(.*)$", text, re.MULTILINE)
        assert assignments, name
        assert all(not value.strip() for value in assignments), name
    passwords = re.findall(r"^\s*POSTGRES_PASSWORD:(.*)$", text, re.MULTILINE)
    assert [value.strip() for value in passwords] == [
        "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD, see docs/deployment.md}"
    ]
    assert re.search(r"postgres://toetssteen:\$\{POSTGRES_PASSWORD:\?", text)


def test_the_compose_stack_has_healthchecks_a_worker_and_waits_for_the_database():
    text = (ROOT / "docker-compose.yml").read_text()
    assert "pg_isready" in text
    assert '"/app/bin/docker-entrypoint.sh", "healthcheck"]' in text
    assert 'command: ["worker"]' in text
    assert text.count("condition: service_healthy") >= 3


# --- the Dockerfile ------------------------------------------------------------------------


def dockerfile_instructions():
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text()
    logical = re.sub(r"\\\n", " ", text)
    instructions = []
    for line in logical.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def runtime_stage():
    """The instructions of the last stage: what the production container is made of."""
    instructions = dockerfile_instructions()
    last_from = max(i for i, (keyword, _) in enumerate(instructions) if keyword == "FROM")
    return instructions[last_from:]


def test_the_image_runs_as_an_unprivileged_user():
    users = [arguments for keyword, arguments in runtime_stage() if keyword == "USER"]
    assert users, "the runtime stage sets no USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    # USER comes after everything that needs root (installing packages, collectstatic).
    stage = runtime_stage()
    last_run = max(i for i, (keyword, _) in enumerate(stage) if keyword == "RUN")
    last_user = max(i for i, (keyword, _) in enumerate(stage) if keyword == "USER")
    assert last_user > last_run


def test_the_image_installs_weasyprints_libraries_and_a_font():
    installs = " ".join(
        arguments
        for keyword, arguments in runtime_stage()
        if keyword == "RUN" and "apt-get install" in arguments
    )
    for package in [*WEASYPRINT_PACKAGES, "fonts-dejavu-core"]:
        assert re.search(rf"(^|\s){re.escape(package)}(\s|$)", installs), package


def test_the_image_installs_only_hash_checked_packages_on_a_slim_python():
    instructions = dockerfile_instructions()
    images = [value for keyword, value in instructions if keyword == "ARG"]
    assert any(re.fullmatch(r"PYTHON_IMAGE=python:3\.1[12]-slim-bookworm", v) for v in images)
    stages = [value for keyword, value in instructions if keyword == "FROM"]
    assert stages and all(value.startswith("${PYTHON_IMAGE} AS ") for value in stages)
    runs = [value for keyword, value in instructions if keyword == "RUN"]
    assert any("pip download --require-hashes" in run for run in runs)
    installs = [run for run in runs if "pip install" in run]
    assert installs and all("--no-index" in run for run in installs)


def test_the_image_compiles_translations_collects_static_files_and_checks_its_health():
    stage = runtime_stage()
    text = " ".join(f"{keyword} {arguments}" for keyword, arguments in dockerfile_instructions())
    assert re.search(r"pybabel compile .*-d locale -D django", text)
    assert "manage.py collectstatic --noinput" in text
    assert ("EXPOSE", "8000") in stage
    healthcheck = next(arguments for keyword, arguments in stage if keyword == "HEALTHCHECK")
    assert "docker-entrypoint.sh" in healthcheck and "healthcheck" in healthcheck
    assert "/health/" in (ROOT / "bin" / "docker-entrypoint.sh").read_text()
    entrypoint = next(arguments for keyword, arguments in stage if keyword == "ENTRYPOINT")
    assert json.loads(entrypoint) == ["/bin/sh", "/app/bin/docker-entrypoint.sh"]


def test_the_build_context_leaves_out_secrets_and_local_files():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".env", ".env.*", ".git", ".venv", "*.sqlite3", "staticfiles"} <= ignored


def test_the_deploy_check_fails_when_production_runs_on_the_development_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = run(DEPLOY_CHECK, env)
    assert result.returncode != 0
    assert "security.W009" in result.stderr
