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


# --- moresprudentie: reviewing, sharing and learning from cases ------------------------


class Theme(models.Model):
    """A theme (tag) an integrity coordinator gives cases, per organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("theme"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="theme_once")]

    def __str__(self):
        return self.name


class CaseAnnotation(models.Model):
    """The coordinator's review of a finalised case: lessons, themes, precedent status."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="annotation")
    lessons = models.TextField(_("lessons learned"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="cases", verbose_name=_("themes")
    )
    leading = models.BooleanField(
        _("leading case"),
        default=False,
        help_text=_("A precedent colleagues should read (leidende casus)."),
    )
    review_date = models.DateField(_("review date"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case annotation")
        verbose_name_plural = _("case annotations")

    def __str__(self):
        return str(self.session)


class CaseLink(models.Model):
    """How one case relates to an earlier one, as a coordinator sees it."""

    class Kind(models.TextChoices):
        FOLLOWS = "volgt", _("follows")
        DISTINGUISHES = "onderscheidt", _("distinguishes itself from")
        SUPERSEDES = "vervangt", _("supersedes")

    source = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("relation"), max_length=15, choices=Kind.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("link between cases")
        verbose_name_plural = _("links between cases")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="case_link_once"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="case_link_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.source_id} {self.kind} {self.target_id}"


class Precedent(models.Model):
    """At step 6, the group records whether it follows an earlier decision or deliberately
    deviates from it (rechtsgelijkheid: deciding like cases alike)."""

    class Stance(models.TextChoices):
        FOLLOWS = "volgt", _("We follow this decision")
        DEVIATES = "wijkt_af", _("We deliberately deviate from it")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="precedents")
    earlier = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="cited_by")
    stance = models.CharField(_("follows or deviates"), max_length=10, choices=Stance.choices)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("precedent")
        verbose_name_plural = _("precedents")
        constraints = [
            models.UniqueConstraint(fields=["session", "earlier"], name="precedent_once"),
            models.CheckConstraint(
                condition=~Q(session=models.F("earlier")), name="precedent_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.session_id} {self.stance} {self.earlier_id}"


class CaseShare(models.Model):
    """How far a case is shared. Beyond the organisation only as the anonymised version
    the coordinator approved, and only with the problem owner's consent."""

    class Level(models.TextChoices):
        ORGANISATION = "organisatie", _("Own organisation only")
        GOVERNMENT = "overheid", _("Other government organisations (één overheid), anonymised")
        PUBLIC = "openbaar", _("Public, anonymised")

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="share")
    level = models.CharField(
        _("sharing"), max_length=12, choices=Level.choices, default=Level.ORGANISATION
    )
    # The record version the anonymised text was made from.
    version = models.ForeignKey(
        RecordVersion, on_delete=models.PROTECT, related_name="+", null=True
    )
    replacements = models.JSONField(_("replacements"), default=list)
    anonymised = models.JSONField(_("anonymised record"), default=dict)
    consent_by = models.CharField(_("consent given by (problem owner)"), max_length=200, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sharing of a case")
        verbose_name_plural = _("sharing of cases")
        constraints = [
            # Beyond the organisation only with consent and an approved anonymised version.
            models.CheckConstraint(
                condition=Q(level="organisatie")
                | (~Q(consent_by="") & Q(consent_on__isnull=False) & Q(approved_at__isnull=False)),
                name="case_share_needs_consent_and_approval",
            ),
        ]

    def __str__(self):
        return f"{self.session_id}: {self.level}"


class SignalPolicy(models.Model):
    """When recurring negative feelings raise a signal, as the organisation sets it."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="signal_policy"
    )
    threshold = models.PositiveSmallIntegerField(
        _("negative answers"), default=3, help_text=_("How many negative control-question answers…")
    )
    window_days = models.PositiveSmallIntegerField(_("within days"), default=90)

    class Meta:
        verbose_name = _("signal policy")
        verbose_name_plural = _("signal policies")
        constraints = [
            models.CheckConstraint(condition=Q(threshold__gte=1), name="signal_threshold_positive"),
            models.CheckConstraint(condition=Q(window_days__gte=1), name="signal_window_positive"),
        ]

    def __str__(self):
        return f"{self.organisation_id}: {self.threshold} / {self.window_days}"


class Signal(models.Model):
    """Negative feelings recur in a unit: a conversation about structural causes is due."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "gesloten", _("Closed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="signals")
    unit = models.CharField(_("organisation unit"), max_length=120, blank=True)
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    window_start = models.DateField(_("from"))
    window_end = models.DateField(_("up to"))
    count = models.PositiveIntegerField(_("negative answers"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    conversation_on = models.DateField(_("conversation held on"), null=True, blank=True)
    conversation = models.TextField(_("what was discussed"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open")
                | (Q(conversation_on__isnull=False) & ~Q(outcome="") & Q(closed_at__isnull=False)),
                name="signal_closed_with_conversation",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.unit or '-'} {self.status}"


class IntakeReport(models.Model):
    """A dilemma, question, situation or criticism a member reports ("Dilemma melden").

    An anonymous report keeps no trace of its sender: no user, no time of day (only the
    date), and its audit event has no actor, address or request id.
    """

    class Kind(models.TextChoices):
        DILEMMA = "dilemma", _("A dilemma")
        QUESTION = "vraag", _("A question")
        SITUATION = "situatie", _("A situation")
        CRITICISM = "kritiek", _("Criticism")

    class Status(models.TextChoices):
        NEW = "nieuw", _("Received")
        SESSION = "sessie", _("Turned into a session")
        ANSWERED = "beantwoord", _("Answered")
        CLOSED = "gesloten", _("Closed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="intake_reports"
    )
    kind = models.CharField(_("what is it"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("description"))
    anonymous = models.BooleanField(_("send anonymously"), default=False)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    answer = models.TextField(_("answer"), blank=True)
    close_reason = models.TextField(_("reason for closing"), blank=True)
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="intake_reports"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("reported dilemma")
        verbose_name_plural = _("reported dilemmas")
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(sender__isnull=True),
                name="intake_anonymous_has_no_sender",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id} #{self.pk} {self.status}"


from .index import CaseFacet, CaseIndex  # noqa: E402, F401  (the casebook search index)
