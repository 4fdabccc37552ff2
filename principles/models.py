"""The normative framework: the Code's seven principles, the three R's,
organisations with their kernwaarden, and who belongs to which organisation."""

import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The Code has seven principles and reflectie 2 three R's; the data migration
# loads exactly these and the admin cannot add more.
PRINCIPLE_COUNT = 7
R_COUNT = 3


class BilingualText(models.Model):
    """Reference data that carries its own Dutch and English wording.

    The stable ``code`` is what other records refer to, so wording can change later.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    statement_nl = models.TextField(_("statement (Dutch)"))
    statement_en = models.TextField(_("statement (English)"))

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "nl").startswith("en") else self.name_nl

    @property
    def statement(self):
        return self.statement_en if (get_language() or "nl").startswith("en") else self.statement_nl


class Principle(BilingualText):
    """One of the seven principles of the Nederlandse Code voor Goed Openbaar Bestuur."""

    class Meta(BilingualText.Meta):
        verbose_name = _("principle")
        verbose_name_plural = _("principles")


class RCriterion(BilingualText):
    """One of the three R's of reflectie 2: rechtsgelijkheid, rechtmatigheid, rechtvaardigheid."""

    class Meta(BilingualText.Meta):
        verbose_name = _("R (legal criterion)")
        verbose_name_plural = _("the three R's")


# A CSS class name for <body>: lower case, digits and hyphens, starting with a letter.
THEME_CLASS_PATTERN = r"^[a-z][a-z0-9-]{0,62}$"
# A path of a stylesheet inside the static files: relative, segments of letters, digits,
# "_", "-" and "." that do not start with a dot (so no "..", no hidden files), ending in .css.
_SEGMENT = r"[A-Za-z0-9_][A-Za-z0-9_.-]*"
THEME_STYLESHEET_PATTERN = re.compile(rf"^{_SEGMENT}(?:/{_SEGMENT})*\.css$")

validate_theme_class = RegexValidator(
    THEME_CLASS_PATTERN,
    _(
        "Use lower-case letters, digits and hyphens, starting with a letter "
        "(at most 63 characters), for example gemeente-lindeveen."
    ),
)


def validate_theme_stylesheet(value):
    """A relative path of an existing .css file in our static files, such as themes/x.css."""
    if not value.endswith(".css"):
        raise ValidationError(_("The stylesheet must be a .css file."), code="not_css")
    if not THEME_STYLESHEET_PATTERN.match(value) or ".." in value.split("/"):
        raise ValidationError(
            _(
                "Give a path inside the static files without “..”, for example "
                "themes/gemeente-lindeveen.css."
            ),
            code="invalid_path",
        )
    if not finders.find(value):
        raise ValidationError(
            _("There is no stylesheet %(path)s in the static files."),
            code="not_found",
            params={"path": value},
        )


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministerie", _("Ministry")
        PROVINCE = "provincie", _("Province")
        MUNICIPALITY = "gemeente", _("Municipality")
        WATER_BOARD = "waterschap", _("Water board")
        ZBO = "zbo", _("Independent administrative body (ZBO)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    theme_class = models.CharField(
        _("theme class"),
        max_length=63,
        blank=True,
        validators=[validate_theme_class],
        help_text=_(
            "A CSS class that Toetssteen puts on the page body, so the theme stylesheet can "
            "change the design tokens for this organisation. Leave empty for the standard look."
        ),
    )
    theme_stylesheet = models.CharField(
        _("theme stylesheet"),
        max_length=200,
        blank=True,
        validators=[validate_theme_stylesheet],
        help_text=_(
            "The path of a stylesheet in the static files, for example "
            "themes/voorbeeld-donker.css. It is loaded after the standard stylesheet. Use only "
            "design tokens your organisation may use; check the contrast (WCAG 2.2 AA)."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class CoreValue(models.Model):
    """A kernwaarde of one organisation (reflectie 3), in the organisation's own order."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="core_values"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["organisation", "position", "id"]
        verbose_name = _("core value")
        verbose_name_plural = _("core values")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="core_value_unique_per_organisation"
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    PARTICIPANT = "deelnemer", _("Participant")
    FACILITATOR = "gespreksleider", _("Facilitator")
    COORDINATOR = "integriteitscoordinator", _("Integrity coordinator")
    MANAGER = "manager", _("Manager")
    ADMINISTRATOR = "beheerder", _("Administrator")


class Membership(models.Model):
    """A user belongs to exactly one organisation, with one role there."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=30, choices=Role.choices, default=Role.PARTICIPANT
    )
    unit = models.CharField(_("organisation unit"), max_length=120, blank=True)

    class Meta:
        ordering = ["organisation", "user__last_name", "user__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.organisation} ({self.get_role_display()})"

    def may(self, action):
        """Whether this member's role allows an organisation action (principles/permissions.py)."""
        from .permissions import MATRIX

        return bool(MATRIX[action][self.role])

    @property
    def can_export(self):
        return self.may("export")

    @property
    def can_see_audit(self):
        return self.may("see_audit")

    @property
    def can_administer(self):
        return self.may("administer")

    @property
    def can_see_casebook(self):
        return self.may("see_casebook")

    @property
    def can_annotate(self):
        return self.may("annotate")

    @property
    def can_share(self):
        return self.may("share")

    @property
    def can_see_signals(self):
        return self.may("see_signals")

    @property
    def can_see_intake(self):
        return self.may("see_intake")

    @property
    def can_submit_intake(self):
        return self.may("submit_intake")


def membership_of(user):
    """The user's membership with its organisation, loaded once per request and cached
    where ``user.membership`` looks, so later uses cost no query."""
    if not getattr(user, "is_authenticated", False):
        return None
    relation = user._meta.get_field("membership")
    if not relation.is_cached(user):
        membership = Membership.objects.select_related("organisation").filter(user=user).first()
        relation.set_cached_value(user, membership)
    return relation.get_cached_value(user)


class AppendOnlyError(Exception):
    """Audit events are written once and never changed or deleted."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Audit events cannot be changed.")

    def of_organisation(self, organisation_id):
        return self.filter(organisation_id=organisation_id)


class AuditEvent(models.Model):
    """One state change, login or refusal: who did what to which object, from where.

    Append-only: the ORM refuses updates and deletes, and the database refuses them too
    (a trigger; see the migration). Plain ids rather than foreign keys keep an event when
    its object is deleted (a session removed after the retention period) and keep typed
    text out of the trail: the trail names objects, it does not copy what they say.
    """

    class Result(models.TextChoices):
        OK = "ok", _("ok")
        DENIED = "denied", _("denied")
        ERROR = "error", _("error")

    created = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    organisation_id = models.BigIntegerField(_("organisation"), null=True, db_index=True)
    session_id = models.BigIntegerField(_("session"), null=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object"), max_length=40, blank=True)
    actor_id = models.BigIntegerField(_("actor"), null=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M:%S} {self.action} {self.result}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")
