"""Audit events for what happens outside the views: logins, failed logins, lockouts and
role changes (made in the members page, the admin or by single sign-on)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from . import audit
from .models import Membership


@receiver(user_logged_in, dispatch_uid="audit_login")
def audit_login(sender, request, user, **kwargs):
    audit.record("auth.login", user, actor=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # Never the password; the username typed may not exist, so it stays out of the
    # trail as well (it is often a password typed in the wrong field).
    audit.record("auth.login_failed", result=audit.DENIED)


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    audit.record("auth.locked_out", result=audit.DENIED)


@receiver(pre_save, sender=Membership, dispatch_uid="membership_remember_role")
def remember_role(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._previous = None
        return
    instance._previous = (
        Membership.objects.filter(pk=instance.pk).values("role", "organisation_id").first()
    )


@receiver(post_save, sender=Membership, dispatch_uid="audit_role_change")
def audit_role_change(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_previous", None)
    if created or previous is None:
        audit.record(
            "membership.create",
            instance,
            organisation_id=instance.organisation_id,
            detail={"user": instance.user_id, "role": instance.role},
        )
    elif (previous["role"], previous["organisation_id"]) != (
        instance.role,
        instance.organisation_id,
    ):
        audit.record(
            "membership.role_change",
            instance,
            organisation_id=instance.organisation_id,
            detail={
                "user": instance.user_id,
                "from": previous["role"],
                "to": instance.role,
            },
        )
