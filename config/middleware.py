from contextvars import ContextVar

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect

from .net import client_ip, request_id

# The request being answered, for the audit trail: who, from where, with which id.
current_request = ContextVar("current_request", default=None)


def request_context(get_response):
    """Give every request an id and a client address, and remember the request so that
    audit events written anywhere below can name their origin."""

    def middleware(request):
        request.request_id = request_id(request)
        request.client_ip = client_ip(request)
        token = current_request.set(request)
        try:
            response = get_response(request)
        finally:
            current_request.reset(token)
        response["X-Request-ID"] = request.request_id
        return response

    return middleware


def private_pages(get_response):
    """Pages for a logged-in user hold deliberations: no browser or proxy may keep them."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
            patch_vary_headers(response, ["Cookie"])
        return response

    return middleware


def htmx_login_redirect(get_response):
    """Send an htmx request whose login expired to the login page as a whole page.

    Without this, htmx would swap the login form into the fragment it asked for.
    """

    def middleware(request):
        response = get_response(request)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response

    return middleware
