"""``manage.py export_organisation <name or id> [--output file.json]``: one organisation as JSON.

The file holds the organisation's framework, people, sessions, record versions and audit
trail (see docs/portability.md); ``import_organisation`` reads it on another installation.
It holds personal data: it is written readable for its owner only.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from principles import portability


def write_file(path):
    """A writer that replaces ``path`` at once, so a half-written file is never left."""

    def write(content):
        folder = path.parent
        if not folder.is_dir():
            raise CommandError(f"The folder {folder} does not exist.")
        # mkstemp makes the file readable and writable for its owner only.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    return write


class Command(BaseCommand):
    help = (
        "Write one organisation's framework, people, sessions, decision records and audit "
        "trail as JSON, for import_organisation on another installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="the organisation's name, or its id")
        parser.add_argument(
            "--output",
            "-o",
            help="the file to write (replaced if it exists); without it, standard output",
        )

    def handle(self, *args, **options):
        # English output like the other commands, and English messages of the validators.
        with translation.override("en"):
            self.run(**options)

    def run(self, organisation, output=None, **options):
        try:
            found = portability.find_organisation(organisation)
            if output:
                path = Path(output)
                if path.is_dir():
                    raise CommandError(f"{path} is a folder; give the name of a file.")
                data, _content = portability.write_export(found, write_file(path))
            else:
                data, _content = portability.write_export(
                    found, lambda content: self.stdout.write(content.decode(), ending="")
                )
        except portability.PortabilityError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"The file could not be written: {error}") from None
        if output:
            counts = portability.counts(data)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Exported “{found.name}” to {output}: {counts['people']} people, "
                    f"{counts['sessions']} sessions, {counts['record_versions']} record versions, "
                    f"{counts['audit_events']} audit events."
                )
            )
