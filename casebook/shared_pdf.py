"""The PDF of a shared case: the approved anonymised version only.

Made like the record PDF (casebook/pdf.py: WeasyPrint imported lazily, PDF/A-3a, the URL
fetcher that serves only our own static files), but from ``CaseShare.anonymised`` alone: it
never reads the session or its record versions. The anonymised JSON is embedded as
``casus.json``.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .pdf import STYLESHEET, html_to_pdf, record_context
from .records import canonical

TEMPLATE = "casebook/review/shared_pdf.html"
ATTACHMENT_NAME = "casus.json"


def render_shared_pdf(share, language="nl"):
    """The anonymised case of ``share`` as PDF/A-3a; returns ``(html, pdf_bytes)``."""
    text = canonical(share.anonymised)
    with translation.override(language):
        context = {
            "case": record_context(share.anonymised, text),
            "share": share,
            "language": translation.get_language(),
            "stylesheet": STYLESHEET,
            "generated_at": timezone.localtime(),
        }
        html = render_to_string(TEMPLATE, context)
        description = _("The anonymised case in JSON")
    pdf = html_to_pdf(html, [(ATTACHMENT_NAME, text.encode(), description)])
    return html, pdf
