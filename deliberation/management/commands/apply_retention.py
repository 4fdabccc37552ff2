"""``manage.py apply_retention [--dry-run]``: delete sessions that never reached a decision.

Run it daily (cron, a Kubernetes CronJob or ``docker compose run``). A session is deleted
when it is undecided (see ``deliberation.privacy.UNDECIDED``), has no finalised record and
its last change is more than ``RETENTION_UNDECIDED_DAYS`` days ago; each deletion is one
transaction with one audit event ``session.purge``. It also removes the meeting room's
throttle rows (who posted when) once they are older than the throttle window. The output
names sessions by id, status and age only: typed text such as a title does not belong in a
job's log.
"""

from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from deliberation import privacy
from principles.models import Organisation


class Command(BaseCommand):
    help = (
        "Delete sessions that never reached a decision and have not changed for "
        "RETENTION_UNDECIDED_DAYS days (0 keeps everything). Finalised records are never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be deleted and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        if not dry_run:
            # The meeting room's throttle rows (who posted when) are needed for a minute only,
            # whether or not undecided sessions are kept.
            posts = privacy.forget_room_posts()
            self.stdout.write(
                f"Meeting rooms: {plural(posts, 'throttle row')} older than a minute removed."
            )
        try:
            days = privacy.retention_days()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if days == 0:
            self.stdout.write(
                "Retention is off (RETENTION_UNDECIDED_DAYS=0): every session is kept."
            )
            return
        now = timezone.now()
        cutoff = timezone.localtime(now - timedelta(days=days))
        self.stdout.write(
            f"Retention: sessions that never reached a decision and have not changed for "
            f"{days} days (last change before {cutoff:%Y-%m-%d %H:%M}) are "
            f"{'listed, not deleted (dry run)' if dry_run else 'deleted'}."
        )
        expired = privacy.expired_sessions(days, now=now)
        per_organisation = {}
        for candidate in expired:
            per_organisation.setdefault(candidate.session.organisation_id, []).append(candidate)

        totals = {"deleted": 0, "protected": 0, "changed": 0, "gone": 0}
        for organisation in Organisation.objects.order_by("name"):
            candidates = per_organisation.get(organisation.pk, [])
            if not candidates:
                self.stdout.write(f"{organisation.name}: nothing to delete.")
                continue
            if dry_run:
                self.stdout.write(
                    f"{organisation.name}: {plural(len(candidates), 'session')} would be deleted."
                )
                for candidate in candidates:
                    self.stdout.write(f"  {describe(candidate)}")
                continue
            outcomes = [privacy.purge(candidate, days, now=now) for candidate in candidates]
            deleted = sum(c.outcome == "deleted" for c in outcomes)
            self.stdout.write(f"{organisation.name}: {plural(deleted, 'session')} deleted.")
            for candidate in outcomes:
                totals[candidate.outcome] += 1
                self.stdout.write(f"  {describe(candidate)}: {explain(candidate)}")

        if dry_run:
            self.stdout.write(
                f"Dry run: {plural(len(expired), 'session')} would be deleted; nothing changed."
            )
            return
        summary = f"Done: {plural(totals['deleted'], 'session')} deleted"
        kept = totals["protected"] + totals["changed"]
        if kept:
            summary += f", {kept} kept (see above)"
        self.stdout.write(self.style.SUCCESS(summary + "."))


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def describe(candidate):
    session = candidate.session
    return (
        f"session {session.pk} ({session.status}), last change "
        f"{timezone.localtime(candidate.last_activity):%Y-%m-%d}, {candidate.age_days} days ago"
    )


def explain(candidate):
    if candidate.outcome == "deleted":
        return "deleted"
    if candidate.outcome == "protected":
        return "kept: it is still referred to by " + ", ".join(candidate.protected_by)
    if candidate.outcome == "gone":
        return "already deleted by someone else"
    return "kept: it changed or was decided while this command ran"
