"""``manage.py reindex_casebook [--organisation NAME]``: rebuild the casebook's search index.

The index (``casebook.CaseIndex``, ``CaseFacet``) is derived from the current record versions
and the coordinators' themes, and kept up to date as they change. Rebuild it once after
upgrading an installation that already holds finalised records, or whenever in doubt.
"""

from django.core.management.base import BaseCommand, CommandError

from casebook.index import reindex
from principles.models import Organisation


class Command(BaseCommand):
    help = "Rebuild the casebook's search index from the finalised records (all organisations)."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="only this organisation (name or number)")

    def handle(self, *args, organisation=None, **options):
        organisation_id = None
        if organisation:
            found = Organisation.objects.filter(name=organisation).first()
            if found is None and organisation.isdigit():
                found = Organisation.objects.filter(pk=int(organisation)).first()
            if found is None:
                raise CommandError(f"no organisation named or numbered “{organisation}”")
            organisation_id = found.pk
        count = reindex(organisation_id=organisation_id)
        self.stdout.write(self.style.SUCCESS(f"Casebook index rebuilt: {count} cases."))
