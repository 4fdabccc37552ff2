"""Where a request comes from: the client address and a request id.

Behind reverse proxies (``TRUSTED_PROXY_COUNT`` of them), the client address is the entry
in X-Forwarded-For that the outermost trusted proxy added; anything further left was sent
by the client and cannot be trusted.
"""

import ipaddress
import re
import uuid

from django.conf import settings

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(forwarded) >= proxies:
            address = valid_ip(forwarded[-proxies])
            if address:
                return address
    return valid_ip(request.META.get("REMOTE_ADDR", "")) or ""


def request_id(request):
    """The proxy's X-Request-ID when a trusted proxy sets one, otherwise a new one."""
    if settings.TRUSTED_PROXY_COUNT:
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        if REQUEST_ID.match(given):
            return given
    return uuid.uuid4().hex
