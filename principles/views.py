from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import audit
from .forms import AuditFilterForm, MembershipForm
from .models import AuditEvent, Membership, Principle, RCriterion, Role, membership_of
from .permissions import Action, may


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


# --- the audit trail -----------------------------------------------------------------

AUDIT_PAGE_SIZE = 50


def audit_page(request, events, context, template="principles/audit_trail.html"):
    """One page of audit events with their actors, filtered by the form in the query."""
    actions = sorted(
        ((code, audit.action_label(code)) for code in audit.ACTION_LABELS),
        key=lambda pair: str(pair[1]),
    )
    form = AuditFilterForm(request.GET or None, actions=actions)
    status = 200
    if form.is_bound:
        if form.is_valid():
            events = form.filter(events)
        else:
            status = 400
            events = events.none()
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    membership = membership_of(request.user)
    actor_ids = {event.actor_id for event in page if event.actor_id}
    colleagues = {
        user.pk: user
        for user in User.objects.filter(
            pk__in=actor_ids, membership__organisation_id=membership.organisation_id
        )
    }
    rows = []
    for event in page:
        if event.actor_id is None:
            actor = None
        elif event.actor_id in colleagues:
            user = colleagues[event.actor_id]
            actor = user.get_full_name() or user.get_username()
        else:
            actor = _("someone outside your organisation")
        rows.append({"event": event, "actor": actor, "label": audit.action_label(event.action)})
    query = request.GET.copy()
    query.pop("page", None)
    context |= {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return TemplateResponse(request, template, context, status=status)


@require_GET
@login_required
def audit_trail(request):
    """The organisation's audit trail, for integrity coordinators and administrators."""
    membership = membership_of(request.user)
    if membership is None:
        audit.refuse("audit.view")
    if not may(request.user, Action.SEE_AUDIT):
        audit.refuse("audit.view", status=403)
    events = AuditEvent.objects.of_organisation(membership.organisation_id)
    return audit_page(request, events, {"organisation": membership.organisation})


@require_GET
@login_required
def session_audit_trail(request, pk):
    """The audit trail of one session."""
    from deliberation.access import get_session_for_user, require

    session = get_session_for_user(request.user, pk)
    require(session.can_see_audit(request.user), "audit.view", session, status=403)
    events = AuditEvent.objects.filter(
        session_id=session.pk, organisation_id=session.organisation_id
    )
    return audit_page(request, events, {"session": session, "organisation": session.organisation})


# --- members and roles ---------------------------------------------------------------


def administrator_membership(request):
    membership = membership_of(request.user)
    if membership is None:
        audit.refuse("members.view")
    if not may(request.user, Action.ADMINISTER):
        audit.refuse("members.view", status=403)
    return membership


@require_GET
@login_required
def members(request):
    """The organisation's members and their roles, for the administrator (beheerder)."""
    membership = administrator_membership(request)
    people = (
        Membership.objects.filter(organisation_id=membership.organisation_id)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    return TemplateResponse(
        request,
        "principles/members.html",
        {"memberships": people, "organisation": membership.organisation},
    )


@require_http_methods(["GET", "POST"])
@login_required
def member_edit(request, pk):
    """Change a member's role or unit; every role change leaves an audit event."""
    membership = administrator_membership(request)
    try:
        member = Membership.objects.select_related("user").get(
            pk=pk, organisation_id=membership.organisation_id
        )
    except Membership.DoesNotExist:
        other = Membership.objects.filter(pk=pk).first()
        if other is not None:
            audit.refuse("members.view", other)
        raise Http404 from None
    form = MembershipForm(request.POST if request.method == "POST" else None, instance=member)
    context = {"form": form, "member": member, "organisation": membership.organisation}
    if request.method == "GET":
        return TemplateResponse(request, "principles/member_edit.html", context)
    if not form.is_valid():
        return TemplateResponse(request, "principles/member_edit.html", context, status=422)
    if member.pk == membership.pk and form.cleaned_data["role"] != Role.ADMINISTRATOR:
        form.add_error(
            "role",
            _(
                "You cannot take away your own role as administrator. Ask another "
                "administrator of your organisation."
            ),
        )
        return TemplateResponse(request, "principles/member_edit.html", context, status=422)
    with transaction.atomic():
        form.save()  # the Membership signal writes the audit event for a role change
    messages.success(
        request,
        _("The role of %(name)s has been saved.")
        % {"name": member.user.get_full_name() or member.user.get_username()},
    )
    return redirect("members")
