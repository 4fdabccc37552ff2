"""Exports for managers: many decision records as one ZIP of PDFs with an index.

A manager (or an administrator or integrity coordinator) chooses records by period,
organisation unit and status. The choice is frozen into a ``RecordExport`` row and built
in the background by ``casebook.tasks.build_export`` on the database task queue
(``manage.py db_worker``), so rendering hundreds of PDFs never holds a web request.

The ZIP is kept in the database (a ``BinaryField``), not in media storage: a worker in a
container of its own then needs no shared volume, backups hold it with the rest, and there
is no MEDIA_ROOT to configure. Exports of an organisation's records run to tens of
megabytes at most; pages that list exports defer the column, so only a download reads it.

The record itself (title, date, decision, problem owner, sha256) comes from each version's
canonical JSON. Compensation is follow-up that goes on after finalising, so its status is
counted from the measures as they are today.
"""

import csv
import io
import json
import logging
import tempfile
import zipfile

from django import forms
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from deliberation.models import CompensationMeasure
from principles import audit
from principles.models import Membership, membership_of
from principles.permissions import Action, may

from .models import RecordExport, RecordVersion

logger = logging.getLogger(__name__)

OPEN_MEASURES = [CompensationMeasure.Status.PLANNED, CompensationMeasure.Status.IN_PROGRESS]
INDEX_SCHEMA = "toetssteen.export/1"
INDEX_FIELDS = [
    "session",
    "title",
    "date",
    "version",
    "current",
    "finalised_at",
    "decision",
    "decision_text",
    "owner",
    "compensation",
    "compensation_status",
    "measures_done",
    "measures_total",
    "measures_dropped",
    "sha256",
    "file",
    "error",
]
RECENT_EXPORTS = 20


# --- who may export, and the one way to reach exports and record versions ------------


def exporter_membership(user):
    """The membership of a user who may export; 404 for everyone else."""
    membership = membership_of(user)
    if membership is None or not may(user, Action.EXPORT):
        audit.refuse("export.view")
    return membership


def get_export_for_user(user, pk):
    """An export of the user's organisation, without its ZIP; 404 for anything else."""
    membership = exporter_membership(user)
    try:
        return (
            RecordExport.objects.without_archive()
            .select_related("organisation", "requested_by")
            .get(pk=pk, organisation_id=membership.organisation_id)
        )
    except RecordExport.DoesNotExist:
        other = RecordExport.objects.without_archive().filter(pk=pk).first()
        if other is not None:
            audit.refuse("export.view", other)
        raise Http404 from None


def get_version_for_user(user, pk):
    """A record version the user may see; 404 for other organisations' records."""
    try:
        return RecordVersion.objects.visible_to(user).select_related("session").get(pk=pk)
    except RecordVersion.DoesNotExist:
        other = RecordVersion.objects.select_related("session").filter(pk=pk).first()
        if other is not None:
            audit.refuse("record.download", other)
        raise Http404 from None


# --- choosing records ------------------------------------------------------------------


def units_of(organisation):
    """The organisation units that occur in the organisation, in alphabetical order."""
    return list(
        Membership.objects.filter(organisation=organisation)
        .exclude(unit="")
        .order_by("unit")
        .values_list("unit", flat=True)
        .distinct()
    )


class ExportForm(forms.Form):
    CURRENT, ALL = "current", "all"
    OPEN, DONE = "open", "done"

    date_from = forms.DateField(
        label=_("Finalised on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Finalised on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    unit = forms.ChoiceField(
        label=_("Organisation unit"),
        help_text=_("The unit of the session's facilitator."),
        required=False,
    )
    versions = forms.ChoiceField(
        label=_("Versions"),
        choices=[
            (CURRENT, _("Only the current version of each record")),
            (ALL, _("All versions, superseded versions included")),
        ],
        initial=CURRENT,
        widget=forms.RadioSelect,
    )
    compensation = forms.ChoiceField(
        label=_("Compensation"),
        choices=[
            ("", _("All records")),
            (OPEN, _("Records with compensation still open")),
            (DONE, _("Records with no compensation open (all done, or none needed)")),
        ],
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All units")), *((u, u) for u in units)]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "date_to", _("The end of the period lies before its start. Swap the dates.")
            )
        return cleaned

    def as_filters(self):
        """The filters as plain JSON, to keep with the export."""
        data = self.cleaned_data
        return {
            "date_from": data["date_from"].isoformat() if data["date_from"] else None,
            "date_to": data["date_to"].isoformat() if data["date_to"] else None,
            "unit": data["unit"],
            "versions": data["versions"],
            "compensation": data["compensation"],
        }


def matching_versions(user, filters):
    """The record versions of the user's organisation that match ``filters``."""
    membership = exporter_membership(user)
    versions = RecordVersion.objects.visible_to(user).filter(
        session__organisation_id=membership.organisation_id
    )
    if filters["date_from"]:
        versions = versions.filter(finalised_at__date__gte=filters["date_from"])
    if filters["date_to"]:
        versions = versions.filter(finalised_at__date__lte=filters["date_to"])
    if filters["unit"]:
        versions = versions.filter(session__facilitator__membership__unit=filters["unit"])
    if filters["versions"] != ExportForm.ALL:
        versions = versions.filter(superseded_by__isnull=True)
    open_measures = CompensationMeasure.objects.filter(
        session=OuterRef("session"), status__in=OPEN_MEASURES
    )
    if filters["compensation"] == ExportForm.OPEN:
        versions = versions.filter(Exists(open_measures))
    elif filters["compensation"] == ExportForm.DONE:
        versions = versions.exclude(Exists(open_measures))
    return versions.order_by("session__date", "session_id", "number")


def request_export(organisation, user, filters, selection, language):
    """Create the export and put it on the task queue, in one transaction: the worker
    never sees a task whose export is not there yet."""
    from .tasks import build_export

    with transaction.atomic():
        export = RecordExport.objects.create(
            organisation=organisation,
            requested_by=user,
            filters=filters,
            selection=selection,
            total=len(selection),
            language=language,
        )
        result = build_export.enqueue(export.pk)
        RecordExport.objects.filter(pk=export.pk).update(task_result_id=result.id)
        audit.record("export.create", export, detail={"records": len(selection)})
    export.task_result_id = result.id
    return export


# --- building the ZIP ------------------------------------------------------------------


def compensation_of(session_ids):
    """Per session: how many measures are done, open and dropped today."""
    counts = {pk: {"done": 0, "open": 0, "dropped": 0} for pk in session_ids}
    rows = (
        CompensationMeasure.objects.filter(session_id__in=session_ids)
        .values("session_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        if row["status"] == CompensationMeasure.Status.DONE:
            key = "done"
        elif row["status"] == CompensationMeasure.Status.DROPPED:
            key = "dropped"
        else:
            key = "open"
        counts[row["session_id"]][key] += row["n"]
    return counts


def index_row(version, counts, file="", error=""):
    """One line of the index: the record as finalised, compensation as it is today."""
    data = json.loads(version.canonical_json)
    decision, dilemma = data["decision"], data["dilemma"]
    chosen = decision["chosen_option"]
    decision_text = {
        "X": dilemma["option_x"],
        "Y": dilemma["option_y"],
        "derde": decision["third_way"],
    }.get(chosen, "")
    total = counts["done"] + counts["open"]
    if not total:
        status, text = "none", gettext("no measures")
    else:
        status = "open" if counts["open"] else "done"
        text = gettext("%(done)s of %(total)s done") % {"done": counts["done"], "total": total}
    return {
        "session": data["session"]["id"],
        "title": data["session"]["title"],
        "date": data["session"]["date"],
        "version": version.number,
        "current": version.is_current,
        "finalised_at": data["record"]["finalised_at"],
        "decision": chosen,
        "decision_text": decision_text,
        "owner": data["owner"]["who_decides"],
        "compensation": text,
        "compensation_status": status,
        "measures_done": counts["done"],
        "measures_total": total,
        "measures_dropped": counts["dropped"],
        "sha256": version.sha256,
        "file": file,
        "error": error,
    }


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV only)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def index_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=INDEX_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    # With a byte order mark, spreadsheet programs read the accents right.
    return out.getvalue().encode("utf-8-sig")


def index_json(export, rows):
    data = {
        "schema": INDEX_SCHEMA,
        "organisation": export.organisation.name,
        "created_at": export.created_at.isoformat(),
        "filters": export.filters,
        "total": export.total,
        "rendered": export.rendered,
        "records": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def unique_name(name, taken):
    stem, dot, suffix = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}" if dot else f"{name}-{n}"
    taken.add(candidate)
    return candidate


def zip_entry(name, when):
    info = zipfile.ZipInfo(name, date_time=timezone.localtime(when).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def build(export):
    """Render each chosen record's PDF into one ZIP with index.csv and index.json.

    A record whose PDF fails is listed in ``failures`` (and in the index, without a file)
    and the others go on; progress is saved after every record.
    """
    from .pdf import record_filename, render_record_pdf

    export.start()
    versions = list(export.versions())
    compensation = compensation_of({v.session_id for v in versions})
    rows, taken = [], set()
    with override(export.language), tempfile.TemporaryFile() as spool:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for version in versions:
                title = version.session.title
                try:
                    _html, pdf = render_record_pdf(version, language=export.language)
                    name = unique_name(record_filename(version), taken)
                    archive.writestr(zip_entry(name, version.finalised_at), pdf)
                except Exception as error:
                    logger.exception("export %s: record %s failed", export.pk, version.pk)
                    message = f"{type(error).__name__}: {error}"[:500]
                    rows.append(index_row(version, compensation[version.session_id], "", message))
                    export.record_failure(title, version.number, message)
                    continue
                rows.append(index_row(version, compensation[version.session_id], name))
                export.record_rendered()
            now = timezone.now()
            archive.writestr(zip_entry("index.csv", now), index_csv(rows))
            archive.writestr(zip_entry("index.json", now), index_json(export, rows))
        spool.seek(0)
        export.finish(spool.read())
    return export
