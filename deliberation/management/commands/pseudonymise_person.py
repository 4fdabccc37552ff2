"""``manage.py pseudonymise_person``: remove a person's name from one organisation's working data.

    python manage.py pseudonymise_person --organisation "Gemeente Lindeveen" \\
        --name "Jan Jansen" --replacement "Medewerker A" [--user jjansen] [--dry-run]

Replaces the name (any case, as a whole word or phrase) in every free-text field of every
session of the organisation and of every row inside those sessions, and raises the version
of what changed so an edit form opened before gets a conflict instead of writing the name
back. All of it, and one audit event ``person.pseudonymise`` that counts but never names,
in one transaction. Finalised decision records are not rewritten: the command lists the
ones that still mention the name, for a manager to decide on (see ``docs/privacy.md``).
The output never repeats the name or any typed text.
"""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from deliberation import privacy


class Command(BaseCommand):
    help = (
        "Replace a person's name in every free-text field of one organisation's sessions, "
        "and list the finalised records that still mention it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's name.")
        parser.add_argument("--name", required=True, help="The name to replace, e.g. Jan Jansen.")
        parser.add_argument(
            "--replacement", required=True, help="What comes instead, e.g. Medewerker A."
        )
        parser.add_argument(
            "--user",
            help="Also pseudonymise this user account (names, e-mail, username) and switch it off.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change and change nothing."
        )

    def handle(self, *args, organisation, name, replacement, user, dry_run, **options):
        try:
            found = privacy.get_organisation(organisation)
            result = privacy.pseudonymise(found, name, replacement, username=user, dry_run=dry_run)
        except privacy.PseudonymisationError as error:
            raise CommandError(f"{error} Nothing was changed.") from None

        verb = "would change" if dry_run else "changed"
        rows = result.rows_per_model()
        if rows:
            self.stdout.write(f"{found.name}: the name {verb} in these rows:")
            replacements = result.replacements_per_model()
            for label, count in rows.items():
                times = replacements[label]
                self.stdout.write(
                    f"  {label}: {count} (replaced {times} {'time' if times == 1 else 'times'})"
                )
        else:
            self.stdout.write(f"{found.name}: the name does not occur in the working data.")
        if result.user is not None:
            self.stdout.write(
                f"The user account {result.user.pk} "
                f"{'would be' if dry_run else 'has been'} pseudonymised and switched off."
            )

        if result.mentions:
            self.stdout.write(
                "Finalised decision records still mention the person. They are archival and "
                "are not changed; a manager decides per record on a correction version or on "
                "keeping it under the Archiefwet (AVG art. 17(3)(b)):"
            )
            for mention in result.mentions:
                version = mention.version
                state = "current version" if mention.current else "superseded version"
                self.stdout.write(
                    f"  session {version.session_id}, version {version.number} ({state}, "
                    f"finalised {timezone.localtime(version.finalised_at):%Y-%m-%d}): "
                    + reverse("record", args=[version.session_id])
                )
            if result.exports:
                self.stdout.write(
                    "Stored exports that contain these records: "
                    + ", ".join(str(pk) for pk in result.exports)
                )
        else:
            self.stdout.write("No finalised decision record mentions the person.")

        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
        else:
            self.stdout.write(self.style.SUCCESS("Done; one audit event was written."))
