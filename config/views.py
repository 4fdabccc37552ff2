from django.conf import settings
from django.shortcuts import render


def locked_out(request, response=None, credentials=None):
    """What django-axes answers when a username is locked out at this address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)
