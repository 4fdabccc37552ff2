"""The review panel of the case page loads its own data (casebook/review/case_panel.html)."""

from django import template
from django.db.models import Q

from principles.permissions import may

from ..models import CaseAnnotation, CaseLink, CaseShare, RecordVersion

register = template.Library()


@register.simple_tag(takes_context=True)
def case_review_summary(context, session):
    """Annotation, themes, number of links and sharing of ``session`` for the panel.

    Needs only ``session`` and ``request`` in the context; the page that includes the panel
    has checked already that the user may see the case.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    annotation = CaseAnnotation.objects.filter(session=session).prefetch_related("themes").first()
    share = CaseShare.objects.filter(session=session).exclude(level="organisatie").first()
    outdated = (
        share is not None
        and RecordVersion.objects.filter(session=session, supersedes_id=share.version_id).exists()
    )
    return {
        "annotation": annotation,
        "themes": [t.name for t in annotation.themes.all()] if annotation else [],
        "links": CaseLink.objects.filter(Q(source=session) | Q(target=session)).count(),
        "share": share,
        "outdated": outdated,
        "may_annotate": user is not None and may(user, "annotate"),
        "may_share": user is not None and may(user, "share"),
    }
