"""Signals and intake: the dashboard for integrity coordinators and managers, and
"Dilemma melden" with its triage.

Who may do what (principles/permissions.py): coordinators and managers see the dashboard
(``SEE_SIGNALS``); only the integrity coordinator sets the signal rule and records the
conversation that closes a signal (:func:`may_handle_signals`). Every member reports a
dilemma (``SUBMIT_INTAKE``); only coordinators see and triage reports (``SEE_INTAKE``).
A page the role may not use answers 403, another organisation's (or an unknown) report or
signal 404; both leave a denied audit event.

An anonymous report keeps nothing of its sender: no user, only the date, and its audit
event has no actor, address or request id. The sender does not see it in their own list
either, so nothing on any page connects it to them.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from deliberation.models import Session
from principles import audit
from principles.models import membership_of
from principles.permissions import Action, may

from . import dashboard
from .insight_forms import (
    AnswerForm,
    CloseReportForm,
    IntakeFilterForm,
    IntakeForm,
    SignalCloseForm,
    SignalPolicyForm,
    TriageSessionForm,
)
from .models import IntakeReport, Signal

INTAKE_PAGE_SIZE = 50


# --- who may do what, and the one way to reach signals and reports ------------------------


def member_allowed(user, action, refusal):
    """The user's membership when their role allows ``action``: 404 without a membership,
    403 when the role does not allow it (both recorded)."""
    membership = membership_of(user)
    if membership is None:
        audit.refuse(refusal)
    if not may(user, action):
        audit.refuse(refusal, status=403)
    return membership


def may_handle_signals(user):
    """Setting the signal rule and recording the conversation that closes a signal is the
    integrity coordinator's task; managers read the dashboard."""
    return may(user, Action.HANDLE_SIGNALS)


def signal_handler_membership(user, refusal):
    membership = member_allowed(user, Action.SEE_SIGNALS, refusal)
    if not may_handle_signals(user):
        audit.refuse(refusal, status=403)
    return membership


def get_for_organisation(queryset, membership, pk, refusal):
    """An object of the member's organisation; 404 (recorded) for anything else."""
    try:
        return queryset.get(pk=pk, organisation_id=membership.organisation_id)
    except queryset.model.DoesNotExist:
        other = queryset.model.objects.filter(pk=pk).first()
        if other is not None:
            audit.refuse(refusal, other)
        audit.refuse(refusal, detail={"id": str(pk)})


def get_signal_for_user(user, pk):
    membership = signal_handler_membership(user, "signal.close")
    return membership, get_for_organisation(Signal.objects, membership, pk, "signal.close")


def get_report_for_user(user, pk, refusal="intake.view"):
    membership = member_allowed(user, Action.SEE_INTAKE, refusal)
    reports = IntakeReport.objects.select_related("sender", "handled_by", "session")
    return get_for_organisation(reports, membership, pk, refusal)


# --- the dashboard ---------------------------------------------------------------------


def dashboard_response(request, membership, *, status=200, policy_form=None, close_forms=None):
    organisation_id = membership.organisation_id
    policy = dashboard.policy_of(organisation_id)
    dashboard.evaluate(organisation_id, policy=policy)
    open_signals, closed_signals = dashboard.signals_of(organisation_id)
    can_handle = may_handle_signals(request.user)
    close_forms = close_forms or {}
    today = timezone.localdate()
    for signal in open_signals:
        signal.close_form = None
        if can_handle:
            signal.close_form = close_forms.get(signal.pk) or SignalCloseForm(
                signal=signal, prefix=f"signal-{signal.pk}", initial={"conversation_on": today}
            )
    context = {
        "organisation": membership.organisation,
        "policy": policy,
        "policy_form": (policy_form or SignalPolicyForm(instance=policy)) if can_handle else None,
        "can_handle": can_handle,
        "open_signals": open_signals,
        "closed_signals": closed_signals,
        "numbers": dashboard.numbers(organisation_id, today=today),
    }
    return TemplateResponse(request, "casebook/insight/signals.html", context, status=status)


@require_http_methods(["GET"])
@login_required
def signals(request):
    membership = member_allowed(request.user, Action.SEE_SIGNALS, "signals.view")
    return dashboard_response(request, membership)


@require_POST
@login_required
def signal_policy(request):
    membership = signal_handler_membership(request.user, "signal.policy")
    policy = dashboard.policy_of(membership.organisation_id)
    form = SignalPolicyForm(request.POST, instance=policy)
    if not form.is_valid():
        return dashboard_response(request, membership, status=422, policy_form=form)
    with transaction.atomic():
        policy = form.save()
        audit.record(
            "signal.policy",
            policy,
            detail={"threshold": policy.threshold, "window_days": policy.window_days},
        )
    messages.success(request, _("The signal rule has been saved. It applies from now on."))
    return redirect("signals")


@require_POST
@login_required
def signal_close(request, pk):
    membership, signal = get_signal_for_user(request.user, pk)
    if signal.status != Signal.Status.OPEN:
        return signal_conflict(request, membership)
    form = SignalCloseForm(request.POST, signal=signal, prefix=f"signal-{signal.pk}")
    if not form.is_valid():
        return dashboard_response(request, membership, status=422, close_forms={signal.pk: form})
    now = timezone.now()
    with transaction.atomic():
        closed = Signal.objects.filter(pk=signal.pk, status=Signal.Status.OPEN).update(
            status=Signal.Status.CLOSED,
            conversation_on=form.cleaned_data["conversation_on"],
            conversation=form.cleaned_data["conversation"],
            outcome=form.cleaned_data["outcome"],
            closed_by=request.user,
            closed_at=now,
        )
        if closed:
            audit.record("signal.close", signal)
    if not closed:
        return signal_conflict(request, membership)
    messages.success(
        request, _("The conversation has been recorded and the signal is closed. Thank you.")
    )
    return redirect("signals")


def signal_conflict(request, membership):
    messages.warning(
        request,
        _(
            "A colleague has just closed this signal. Nothing was saved; read below what "
            "they recorded."
        ),
    )
    return dashboard_response(request, membership, status=409)


# --- intake: reporting a dilemma -------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def intake(request):
    """Report a dilemma, question, situation or criticism; and the sender's own reports."""
    membership = member_allowed(request.user, Action.SUBMIT_INTAKE, "intake.submit")
    form = IntakeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        anonymous = form.cleaned_data["anonymous"]
        with transaction.atomic():
            report = IntakeReport.objects.create(
                organisation=membership.organisation,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                anonymous=anonymous,
                sender=None if anonymous else request.user,
            )
            # Anonymous: no actor, address or request id in the trail either.
            audit.record("intake.submit", report, anonymous=anonymous)
        if anonymous:
            messages.success(
                request,
                _(
                    "Your report has been sent anonymously. It is not in your list below: "
                    "Toetssteen does not know it came from you."
                ),
            )
        else:
            messages.success(
                request,
                _("Your report has been sent. You can follow it in the list below."),
            )
        return redirect("intake")
    reports = IntakeReport.objects.filter(
        organisation_id=membership.organisation_id, sender=request.user, anonymous=False
    ).order_by("-received_on", "-id")
    status = 422 if form.is_bound else 200
    return TemplateResponse(
        request,
        "casebook/insight/intake.html",
        {"form": form, "reports": reports, "organisation": membership.organisation},
        status=status,
    )


# --- intake: triage by the integrity coordinator ---------------------------------------


@require_http_methods(["GET"])
@login_required
def intake_list(request):
    membership = member_allowed(request.user, Action.SEE_INTAKE, "intake.view")
    form = IntakeFilterForm(request.GET or None)
    reports = IntakeReport.objects.filter(organisation_id=membership.organisation_id)
    status = 200
    if form.is_bound:
        if form.is_valid():
            if form.cleaned_data["status"]:
                reports = reports.filter(status=form.cleaned_data["status"])
        else:
            status, reports = 400, reports.none()
    reports = reports.select_related("sender").order_by("-received_on", "-id")
    page = Paginator(reports, INTAKE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "casebook/insight/intake_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=status,
    )


def suggested_title(text):
    first_line = " ".join(text.split())
    return first_line if len(first_line) <= 80 else first_line[:79].rstrip() + "…"


def report_response(request, report, *, status=200, **forms):
    context = {"report": report}
    if report.status == IntakeReport.Status.NEW:
        context |= {
            "session_form": forms.get("session_form")
            or TriageSessionForm(initial={"title": suggested_title(report.text)}),
            "answer_form": forms.get("answer_form") or AnswerForm(),
            "close_form": forms.get("close_form") or CloseReportForm(),
        }
    return TemplateResponse(request, "casebook/insight/intake_report.html", context, status=status)


@require_http_methods(["GET"])
@login_required
def intake_report(request, pk):
    report = get_report_for_user(request.user, pk)
    return report_response(request, report)


def handled_already(request, pk):
    """Someone else handled the report first: say so, and show what they did."""
    report = IntakeReport.objects.select_related("handled_by", "session").get(pk=pk)
    messages.warning(
        request,
        _("A colleague has just handled this report. Nothing was saved; read below what they did."),
    )
    return report_response(request, report, status=409)


def claim(report, status, by, **fields):
    """Move a new report to ``status`` in one statement: False when someone else handled
    it first (status changes are one-way: only a new report can be handled)."""
    return bool(
        IntakeReport.objects.filter(pk=report.pk, status=IntakeReport.Status.NEW).update(
            status=status, handled_by=by, handled_at=timezone.now(), **fields
        )
    )


@require_POST
@login_required
def intake_session(request, pk):
    """Turn the report into a session led by the coordinator, with step 1 pre-filled."""
    report = get_report_for_user(request.user, pk, "intake.session")
    if report.status != IntakeReport.Status.NEW:
        return handled_already(request, pk)
    form = TriageSessionForm(request.POST)
    if not form.is_valid():
        return report_response(request, report, status=422, session_form=form)
    with transaction.atomic():
        if not claim(report, IntakeReport.Status.SESSION, request.user):
            session = None
        else:
            session = Session.objects.create(
                organisation_id=report.organisation_id,
                title=form.cleaned_data["title"],
                facilitator=request.user,
                created_by=request.user,
                problem_statement=report.text[: settings.TEXT_MAX_LENGTH],
            )
            session.participants.set([request.user])
            IntakeReport.objects.filter(pk=report.pk).update(session=session)
            report.session_id = session.pk
            audit.record("intake.session", report)
    if session is None:
        return handled_already(request, pk)
    messages.success(
        request,
        _(
            "The session has been created from the report; the report is the problem "
            "statement. Frame the choice as X and Y."
        ),
    )
    return redirect("step", pk=session.pk, number=1)


@require_POST
@login_required
def intake_answer(request, pk):
    report = get_report_for_user(request.user, pk, "intake.answer")
    if report.status != IntakeReport.Status.NEW:
        return handled_already(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return report_response(request, report, status=422, answer_form=form)
    with transaction.atomic():
        answered = claim(
            report, IntakeReport.Status.ANSWERED, request.user, answer=form.cleaned_data["answer"]
        )
        if answered:
            audit.record("intake.answer", report)
    if not answered:
        return handled_already(request, pk)
    messages.success(request, _("Your answer has been saved."))
    return redirect("intake_report", pk=report.pk)


@require_POST
@login_required
def intake_close(request, pk):
    report = get_report_for_user(request.user, pk, "intake.close")
    if report.status != IntakeReport.Status.NEW:
        return handled_already(request, pk)
    form = CloseReportForm(request.POST)
    if not form.is_valid():
        return report_response(request, report, status=422, close_form=form)
    with transaction.atomic():
        closed = claim(
            report,
            IntakeReport.Status.CLOSED,
            request.user,
            close_reason=form.cleaned_data["reason"],
        )
        if closed:
            audit.record("intake.close", report)
    if not closed:
        return handled_already(request, pk)
    messages.success(request, _("The report has been closed."))
    return redirect("intake_report", pk=report.pk)
