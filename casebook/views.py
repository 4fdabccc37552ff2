"""The decision record: finalising, the record page, corrections, downloads, verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from deliberation.access import get_item_for_session, get_session_for_user, require
from deliberation.models import CompensationMeasure, Session
from principles import audit
from principles.models import membership_of

from . import index, records
from .forms import FinaliseForm, MeasureStatusForm, VerifyForm
from .models import RecordVersion


def get_version(session, number):
    try:
        return RecordVersion.objects.select_related("finalised_by").get(
            session=session, number=number
        )
    except RecordVersion.DoesNotExist:
        raise Http404 from None


@require_http_methods(["GET", "POST"])
@login_required
def finalise(request, pk):
    session = get_session_for_user(request.user, pk)
    require(session.can_finalise(request.user), "record.finalise", session)
    correction = session.record_versions.exists()
    missing = records.missing_steps(session)
    not_decided = session.status != Session.Status.DECIDED
    form = FinaliseForm(request.POST if request.method == "POST" else None, correction=correction)
    context = {
        "session": session,
        "form": form,
        "missing": missing,
        "correction": correction,
        "already_finalised": session.status == Session.Status.FINALISED,
    }
    if request.method == "GET":
        return TemplateResponse(request, "casebook/finalise.html", context)
    if missing or not_decided:
        return TemplateResponse(request, "casebook/finalise.html", context, status=422)
    if not form.is_valid():
        return TemplateResponse(request, "casebook/finalise.html", context, status=422)
    with transaction.atomic():
        version = records.finalise(
            session, by=request.user, reason=form.cleaned_data.get("reason", "")
        )
        audit.record("record.finalise", version, detail={"version": version.number})
    messages.success(
        request,
        _("The decision has been finalised as version %(number)s.") % {"number": version.number},
    )
    return redirect("record", pk=session.pk)


@require_POST
@login_required
def start_correction(request, pk):
    session = get_session_for_user(request.user, pk)
    require(session.can_amend(request.user), "record.amend", session)
    if session.status != Session.Status.FINALISED:
        raise Http404
    with transaction.atomic():
        records.start_correction(session)
        audit.record("record.amend", session)
    messages.success(
        request,
        _(
            "The session is open for a correction. Change what is needed, then finalise it again "
            "with a reason. The finalised versions stay as they are."
        ),
    )
    return redirect("session", pk=pk)


@require_GET
@login_required
def record(request, pk):
    session = get_session_for_user(request.user, pk)
    versions = list(
        RecordVersion.objects.filter(session=session)
        .select_related("finalised_by", "supersedes")
        .order_by("-number")
    )
    if not versions:
        raise Http404
    current = versions[0]
    measures = list(
        CompensationMeasure.objects.filter(session=session).select_related("stakeholder")
    )
    can_follow_up = session.can_follow_up(request.user)
    for measure in measures:
        measure.status_form = (
            MeasureStatusForm(instance=measure, prefix=f"measure-{measure.pk}")
            if can_follow_up
            else None
        )
    return TemplateResponse(
        request,
        "casebook/record.html",
        {
            "session": session,
            "versions": versions,
            "current": current,
            "data": current.data,
            "measures": measures,
            "can_finalise": session.can_finalise(request.user),
            "correcting": session.status != Session.Status.FINALISED,
        },
    )


@require_POST
@login_required
def measure_status(request, pk, measure_pk):
    """Compensation is follow-up: its status changes without touching the record."""
    session = get_session_for_user(request.user, pk)
    require(session.can_follow_up(request.user), "measure.status", session)
    if not session.record_versions.exists():
        raise Http404
    measure = get_item_for_session(CompensationMeasure, session, measure_pk)
    form = MeasureStatusForm(request.POST, instance=measure, prefix=f"measure-{measure.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses in the list."))
        return redirect("record", pk=pk)
    # A new version, so that someone editing this measure in step 7 meanwhile (during a
    # correction) gets a visible conflict instead of overwriting the status.
    with transaction.atomic():
        CompensationMeasure.objects.filter(pk=measure.pk).update(
            status=form.cleaned_data["status"], version=F("version") + 1
        )
        audit.record("measure.status", measure, detail={"status": form.cleaned_data["status"]})
        index.update_case(measure.session_id)  # the casebook's compensation facet
    messages.success(request, _("The status of the measure has been saved."))
    return redirect("record", pk=pk)


@require_GET
@login_required
def record_pdf(request, pk, number):
    session = get_session_for_user(request.user, pk)
    require(session.can_download(request.user), "record.download", session)
    version = get_version(session, number)
    from .pdf import record_filename, render_record_pdf

    _html, pdf = render_record_pdf(version, language=get_language() or "nl")
    audit.record("record.download", version, detail={"format": "pdf", "version": number})
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{record_filename(version)}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def verify(request):
    """Anyone of the organisation checks a PDF or a hash against the stored records."""
    if membership_of(request.user) is None:
        raise Http404
    form = VerifyForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    context = {"form": form}
    if request.method == "GET":
        return TemplateResponse(request, "casebook/verify.html", context)
    if not form.is_valid():
        return TemplateResponse(request, "casebook/verify.html", context, status=422)
    pdf = form.cleaned_data.get("pdf")
    if pdf:
        from .pdf import extract_record_json

        text = extract_record_json(pdf)
        if text is None:
            context["outcome"] = "no_record"
            return TemplateResponse(request, "casebook/verify.html", context, status=422)
        digest = records.sha256(text)
    else:
        digest = form.cleaned_data["sha256"]
    match = (
        RecordVersion.objects.visible_to(request.user)
        .select_related("session", "finalised_by")
        .filter(sha256=digest)
        .first()
    )
    context["digest"] = digest
    if match is None:
        context["outcome"] = "no_match"
        return TemplateResponse(request, "casebook/verify.html", context)
    newest = RecordVersion.objects.filter(session=match.session_id).order_by("-number").first()
    context.update(outcome="match", match=match, newest=newest)
    return TemplateResponse(request, "casebook/verify.html", context)
