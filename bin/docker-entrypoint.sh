#!/bin/sh
# The entrypoint of the Toetssteen image (see docs/deployment.md).
#
#   web          (the default) refuse to start on an unsafe configuration, show the deploy
#                check's warnings, apply the migrations, then run gunicorn
#   worker       refuse to start on an unsafe configuration, then run the background worker
#                (`python manage.py db_worker`), which builds the exports
#   healthcheck  ask this container's /health/ once; exit 0 when it answers 200
#   anything else runs as given, e.g. `python manage.py createsuperuser`
set -eu

fail() {
    echo "toetssteen: $*" >&2
    exit 64
}

# settings.py falls back to a development key that anyone can read in the source, and to
# host names for development. A production container never runs on them.
require_configuration() {
    [ -n "${SECRET_KEY:-}" ] || fail "SECRET_KEY is not set: give it a random value of at least 50 characters (docs/deployment.md)"
    [ "${#SECRET_KEY}" -ge 50 ] || fail "SECRET_KEY is shorter than 50 characters"
    case "$SECRET_KEY" in
        dev-only-* | django-insecure-*) fail "SECRET_KEY is a development key" ;;
    esac
    [ -n "${ALLOWED_HOSTS:-}" ] || fail "ALLOWED_HOSTS is not set: the host names this site answers to, separated by commas"
    # Without DATABASE_URL, settings.py uses a SQLite file inside the container, which is
    # gone when the container is replaced. SQLITE_NAME says the operator chose a file on a
    # volume on purpose (a single-container trial).
    [ -n "${DATABASE_URL:-}" ] || [ -n "${SQLITE_NAME:-}" ] \
        || fail "DATABASE_URL is not set: postgres://user:password@host:5432/name"
}

# Several web containers may start at once (an upgrade, a scaled service). On PostgreSQL
# one of them migrates while the others wait on an advisory lock, and then find nothing
# left to do; without it two could apply the same migration and one would fail.
migrate() {
    python - <<'PYTHON'
import os

import django
from django.core.management import call_command
from django.db import connection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

# Warnings are shown, not fatal: the operator sees them in the log at every start.
call_command("check", deploy=True, fail_level="ERROR")
LOCK = 7_362_812_056_341  # any number, the same in every container of Toetssteen
postgres = connection.vendor == "postgresql"
if postgres:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
try:
    call_command("migrate", interactive=False)
finally:
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
PYTHON
}

healthcheck() {
    python - <<'PYTHON'
import os
import sys
import urllib.error
import urllib.request

# Django answers only to ALLOWED_HOSTS, so the check names the first of them.
hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",")]
host = next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")
port = os.environ.get("PORT", "8000")
request = urllib.request.Request(f"http://127.0.0.1:{port}/health/", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except urllib.error.HTTPError as error:
    print(f"health: {error.code}", file=sys.stderr)
except OSError as error:
    print(f"health: {error}", file=sys.stderr)
sys.exit(1)
PYTHON
}

command="${1:-web}"
case "$command" in
    web)
        require_configuration
        if [ "${MIGRATE_ON_START:-true}" = "true" ]; then
            migrate
        fi
        # gunicorn reads WEB_CONCURRENCY as a number while it loads: empty means unset.
        if [ -z "${WEB_CONCURRENCY:-}" ]; then
            unset WEB_CONCURRENCY
        fi
        exec gunicorn --config config/gunicorn.py
        ;;
    worker)
        require_configuration
        exec python manage.py db_worker --no-reload
        ;;
    healthcheck)
        healthcheck
        ;;
    *)
        exec "$@"
        ;;
esac
