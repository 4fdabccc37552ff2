"""Exports for managers: choose records, follow the export, download one ZIP.

Also the JSON of a single record version, for anyone who may see it.
Only managers, administrators and integrity coordinators may export; every export URL
answers 404 to anyone else and for other organisations' exports.
"""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from principles import audit

from .exports import (
    RECENT_EXPORTS,
    ExportForm,
    RecordExport,
    exporter_membership,
    get_export_for_user,
    get_version_for_user,
    matching_versions,
    request_export,
    units_of,
)


@require_http_methods(["GET", "POST"])
@login_required
def export_list(request):
    membership = exporter_membership(request.user)
    organisation = membership.organisation
    form = ExportForm(
        request.POST if request.method == "POST" else None, units=units_of(organisation)
    )
    exports = (
        RecordExport.objects.without_archive()
        .of_organisation(organisation)
        .select_related("requested_by")[:RECENT_EXPORTS]
    )
    context = {"form": form, "exports": exports}
    if request.method == "GET":
        return TemplateResponse(request, "casebook/export_list.html", context)
    if not form.is_valid():
        return TemplateResponse(request, "casebook/export_list.html", context, status=422)
    filters = form.as_filters()
    selection = list(matching_versions(request.user, filters).values_list("pk", flat=True))
    if not selection:
        context["nothing_matches"] = True
        return TemplateResponse(request, "casebook/export_list.html", context)
    export = request_export(
        organisation, request.user, filters, selection, language=get_language() or "nl"
    )
    messages.success(
        request,
        ngettext(
            "The export of %(count)s record has been started.",
            "The export of %(count)s records has been started.",
            export.total,
        )
        % {"count": export.total},
    )
    return redirect("export_status", pk=export.pk)


@require_GET
@login_required
def export_status(request, pk):
    export = get_export_for_user(request.user, pk)
    template_name = "casebook/export_status.html"
    if request.htmx:
        template_name += "#progress"
    response = TemplateResponse(request, template_name, {"export": export})
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@login_required
def export_download(request, pk):
    export = get_export_for_user(request.user, pk)
    if export.status != RecordExport.Status.DONE:
        raise Http404
    archive = RecordExport.objects.values_list("archive", flat=True).get(pk=export.pk)
    audit.record("export.download", export)
    return FileResponse(
        io.BytesIO(bytes(archive)),
        as_attachment=True,
        filename=export.filename,
        content_type="application/zip",
    )


@require_GET
@login_required
def record_json(request, pk):
    """The record exactly as finalised: its canonical JSON, the bytes its SHA-256 is of."""
    from .pdf import record_filename

    version = get_version_for_user(request.user, pk)
    stem = record_filename(version).removesuffix(".pdf")
    audit.record("record.download", version, detail={"format": "json", "version": version.number})
    response = HttpResponse(version.canonical_json, content_type="application/json")
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.json")
    return response
