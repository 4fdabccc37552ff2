"""Decision records: the immutable, numbered versions of a finalised session."""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from deliberation.models import Session


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


from .exports import RecordExport  # noqa: E402,F401
