from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .models import Principle, RCriterion, membership_of


@require_GET
@login_required
def framework(request):
    """The normative framework, to look things up during a session."""
    membership = membership_of(request.user)
    core_values = membership.organisation.core_values.all() if membership else []
    return TemplateResponse(
        request,
        "principles/framework.html",
        {
            "principles": Principle.objects.all(),
            "r_criteria": RCriterion.objects.all(),
            "core_values": core_values,
            "organisation": membership.organisation if membership else None,
        },
    )


@require_GET
def help_page(request):
    """How the method works and how Toetssteen records it, in plain language; no login needed."""
    return TemplateResponse(
        request,
        "principles/help.html",
        {"principles": Principle.objects.all(), "r_criteria": RCriterion.objects.all()},
    )


@require_GET
def accessibility(request):
    """The accessibility statement (toegankelijkheidsverklaring); no login needed."""
    return TemplateResponse(request, "principles/accessibility.html")
