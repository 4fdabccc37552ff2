"""The bare Django view the step pages are compared with.

``/baseline/?bytes=N`` answers a page of exactly N bytes, rendered by a plain Django
template that loops over a list of strings. It sits behind ``login_required`` like every
step view, so both sides pay for the same middleware, login session and user lookup.
The project's own URLs are included unchanged, so the step pages resolve and reverse
exactly as they do under ``config.urls``.
"""

from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.template import Context, Template
from django.urls import include, path
from django.views.decorators.http import require_GET

SOURCE = (
    '<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Baseline</title>'
    "</head>\n<body>\n<main>\n"
    "{% for line in lines %}<p>{{ line }}</p>\n{% endfor %}"
    "</main>\n</body>\n</html>\n"
)
LINE_MARKUP = len("<p></p>\n")
LINE_TEXT = 92  # characters of text per line: 100 bytes per line with its markup
FILLER = (
    "Een kale Django-view rendert hier evenveel HTML als de echte stappagina, regel na regel. "
) * 3


@lru_cache(maxsize=1)
def template():
    """Compiled once, like the project's templates under the cached template loader."""
    return Template(SOURCE)


@lru_cache(maxsize=1)
def frame_size():
    return len(template().render(Context({"lines": []})).encode())


@lru_cache(maxsize=64)
def lines_for(size):
    """Strings that make the template render exactly ``size`` bytes (ASCII, so bytes = chars)."""
    room = size - frame_size()
    if room < 0:
        raise ValueError(f"a page of {size} bytes is smaller than the baseline's frame")
    count, rest = divmod(room, LINE_MARKUP + LINE_TEXT)
    lengths = [LINE_TEXT] * count
    if rest >= LINE_MARKUP:
        lengths.append(rest - LINE_MARKUP)
    elif rest and lengths:
        lengths[-1] += rest
    elif rest:
        raise ValueError(f"cannot render exactly {size} bytes")
    # Plain str, not SafeString: every line goes through autoescaping like a real variable.
    return tuple(str(FILLER[i % 10 :][:n].ljust(n, ".")) for i, n in enumerate(lengths))


@require_GET
@login_required
def baseline(request):
    try:
        size = int(request.GET["bytes"])
        lines = lines_for(size)
    except (KeyError, ValueError):
        return HttpResponseBadRequest("Pass ?bytes=N with N large enough for the page frame.")
    return HttpResponse(template().render(Context({"lines": lines})))


urlpatterns = [
    path("baseline/", baseline, name="bench_baseline"),
    path("", include("config.urls")),
]
