"""The health endpoint that load balancers and container health checks ask: ``/health/``.

It answers for this server, never for a user: no login, no session, no cookie, nothing
cached. It says ``{"status": "ok"}`` (200) when the database answers a trivial query, and
``{"status": "unavailable"}`` (503) when it does not, so a load balancer takes the container
out of rotation instead of sending people to an error page. A failing database never turns
into a 500 or a traceback here; the reason goes to the log, not to whoever asked.

``SECURE_REDIRECT_EXEMPT`` lets the check through over plain HTTP from inside the container;
``ALLOWED_HOSTS`` still applies, so the check sends one of the allowed host names (see the
HEALTHCHECK in the Dockerfile and docs/deployment.md).
"""

import logging

from django.contrib.auth.models import AnonymousUser
from django.db import Error, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers():
    """True when the default database answers ``SELECT 1``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Error as error:
        # Django wraps every driver error (refused, timed out, authentication, broken
        # connection) in django.db.Error. The warning names it without a traceback: a
        # database that is down would otherwise fill the log every few seconds.
        logger.warning("health check: the database does not answer: %r", error)
        return False


@require_safe
@never_cache
def health(request):
    # The middleware that runs after this view asks request.user whether someone is logged
    # in, which would read a session from the database when the caller sends a session
    # cookie. The health check belongs to no one: it must not touch a session, and with
    # the database down reading one would fail.
    request.user = AnonymousUser()
    if database_answers():
        return JsonResponse({"status": "ok"})
    return JsonResponse({"status": "unavailable"}, status=503)
