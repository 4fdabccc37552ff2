"""Decision records: the immutable, numbered versions of a finalised session."""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from deliberation.models import Session
from principles.models import Organisation


class ImmutableRecordError(Exception):
    """A finalised record version can never change; a correction is a new version."""


class RecordVersionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError("record versions cannot be updated")

    def delete(self):
        raise ImmutableRecordError("record versions cannot be deleted")

    def visible_to(self, user):
        return self.filter(session__in=Session.objects.visible_to(user))


class RecordVersion(models.Model):
    """One finalised version of a session's decision record (vastgesteld besluit).

    ``canonical_json`` is the whole session as it was at finalising, in canonical form
    (sorted keys, no spaces, UTF-8); ``sha256`` is its hash. Neither ever changes.
    """

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="record_versions")
    number = models.PositiveIntegerField(_("version"))
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    reason = models.TextField(_("reason for the correction"), blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("finalised by"),
    )
    finalised_at = models.DateTimeField(_("finalised at"))
    canonical_json = models.TextField(_("record (canonical JSON)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)

    objects = RecordVersionQuerySet.as_manager()

    class Meta:
        ordering = ["session", "-number"]
        verbose_name = _("record version")
        verbose_name_plural = _("record versions")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="record_version_once"),
            models.CheckConstraint(condition=Q(number__gte=1), name="record_version_positive"),
            models.CheckConstraint(
                condition=Q(number=1) | ~Q(reason=""), name="record_correction_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.session} · v{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self._state.adding:
            raise ImmutableRecordError("a finalised record version cannot be changed")
        if hashlib.sha256(self.canonical_json.encode()).hexdigest() != self.sha256:
            raise ImmutableRecordError("the hash does not match the record")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("a finalised record version cannot be deleted")

    @cached_property
    def data(self):
        return json.loads(self.canonical_json)


# --- the export job --------------------------------------------------------------------


class RecordExportQuerySet(models.QuerySet):
    def of_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def without_archive(self):
        """Everything but the ZIP, which can be megabytes: only the download reads it."""
        return self.defer("archive")


class RecordExport(models.Model):
    """One export of decision records, built in the background into one ZIP."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for its turn")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="record_exports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    filters = models.JSONField(_("filters"), default=dict)
    # The record versions chosen when the export was requested, so the ZIP holds exactly
    # what was counted, even if a record is corrected while the export waits.
    selection = models.JSONField(_("record versions"), default=list)
    language = models.CharField(_("language"), max_length=10, default="nl")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("records"), default=0)
    rendered = models.PositiveIntegerField(_("records rendered"), default=0)
    failures = models.JSONField(_("records that could not be rendered"), default=list)
    archive = models.BinaryField(_("ZIP file"), null=True, editable=False)
    archive_size = models.PositiveBigIntegerField(_("size of the ZIP file"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    task_result_id = models.CharField(_("task"), max_length=64, blank=True)

    objects = RecordExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export of decision records")
        verbose_name_plural = _("exports of decision records")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="record_export_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(rendered__lte=models.F("total")),
                name="record_export_rendered_at_most_total",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def processed(self):
        """Records done so far, whether their PDF could be rendered or not."""
        return self.rendered + len(self.failures)

    @property
    def filename(self):
        day = timezone.localtime(self.created_at).date().isoformat()
        return f"besluiten-{slugify(self.organisation.name)}-{day}-{self.pk}.zip"

    def versions(self):
        """The chosen record versions, never other organisations' ones."""
        return (
            RecordVersion.objects.filter(
                pk__in=self.selection, session__organisation_id=self.organisation_id
            )
            .select_related("session", "session__organisation", "finalised_by")
            .annotate(is_current=~Exists(RecordVersion.objects.filter(supersedes=OuterRef("pk"))))
            .order_by("session__date", "session_id", "number")
        )

    # --- the steps of building it, each saved at once so the status page can follow ---

    def start(self):
        self.status = self.Status.RUNNING
        self.rendered = 0
        self.failures = []
        self.archive = None
        self.archive_size = 0
        self.finished_at = None
        self.save(
            update_fields=[
                "status",
                "rendered",
                "failures",
                "archive",
                "archive_size",
                "finished_at",
            ]
        )

    def record_rendered(self):
        self.rendered += 1
        self.save(update_fields=["rendered"])

    def record_failure(self, title, version, error):
        self.failures = [*self.failures, {"title": title, "version": version, "error": error}]
        self.save(update_fields=["failures"])

    def finish(self, archive):
        """Done with the ZIP; failed when not one record could be rendered."""
        if self.total and not self.rendered:
            self.status = self.Status.FAILED
            self.archive = None
        else:
            self.status = self.Status.DONE
            self.archive = archive
        self.archive_size = len(self.archive or b"")
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "archive", "archive_size", "finished_at"])

    def fail(self):
        self.status = self.Status.FAILED
        self.archive = None
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "archive", "finished_at"])
