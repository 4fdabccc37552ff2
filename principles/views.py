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
