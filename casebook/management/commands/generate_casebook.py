"""Create N realistic finalised records for benchmarks: ``generate_casebook --count N``."""

import time

from django.core.management.base import BaseCommand, CommandError

from casebook.generator import generate


class Command(BaseCommand):
    help = "Create N realistic finalised decision records in one organisation, then reindex."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="how many records")
        parser.add_argument(
            "--organisation",
            default="Gemeente Voorbeeldstad",
            help="the organisation's name (created when it does not exist)",
        )
        parser.add_argument("--seed", type=int, default=4, help="random seed (default 4)")

    def handle(self, *args, count, organisation, seed, **options):
        if count < 1 or count > 1_000_000:
            raise CommandError("--count must be between 1 and 1 000 000")
        started = time.perf_counter()
        made = generate(count, organisation, seed=seed, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} records created in {made.name} and indexed "
                f"in {time.perf_counter() - started:.1f} s"
            )
        )
