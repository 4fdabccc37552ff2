"""``manage.py import_organisation file.json``: create an organisation from an export.

Everything is checked first and written in one transaction: a file that is not an export,
an organisation or username that already exists here, or a reference to something that is
not in the file is refused, and then nothing is saved (see docs/portability.md).
"""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from principles import portability


class Command(BaseCommand):
    help = (
        "Create an organisation, its people, sessions, decision records and audit trail from "
        "a file written by export_organisation."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file that export_organisation wrote")

    def handle(self, *args, **options):
        # English output like the other commands, and English messages of the validators.
        with translation.override("en"):
            self.run(**options)

    def run(self, file, **options):
        try:
            content = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"The file {file} cannot be read: {error.strerror}.") from None
        try:
            data = portability.parse_file(content)
            organisation, plan = portability.import_organisation(
                data, sha256=hashlib.sha256(content).hexdigest()
            )
        except portability.PortabilityError as error:
            raise CommandError(str(error)) from None
        for warning in plan.warnings:
            self.stderr.write(self.style.WARNING(warning))
        counts = portability.counts(data)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{organisation.name}”: {counts['people']} people, "
                f"{counts['sessions']} sessions, {counts['record_versions']} record versions, "
                f"{counts['audit_events']} audit events."
            )
        )
        self.stdout.write(
            "Nobody has a password here yet: people log in through single sign-on, or an "
            "administrator gives them one (manage.py changepassword <username>, or the admin)."
        )
