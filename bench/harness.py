"""What every benchmark here shares: a throwaway database, production-like settings,
and the report printed and written to bench/results/.

Never the developer's database: on SQLite a file in a temporary folder, on PostgreSQL a
database of our own name next to the one in DATABASE_URL, dropped at the end.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def parse_args(description, unit, iterations, warmup):
    """--iterations and --warmup, the two knobs every benchmark here has."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--iterations",
        type=int,
        default=iterations,
        help=f"measured {unit} per item and side (default {iterations})",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=warmup,
        help=f"unmeasured {unit} per item and side first (default {warmup})",
    )
    args = parser.parse_args()
    if args.iterations < 1 or args.warmup < 0:
        parser.error("--iterations must be at least 1 and --warmup at least 0")
    return args


def run_benchmark(name, run, report, args):
    """Set up Django on a throwaway database, call ``run(args)``, print ``report(result)``
    and write the result to ``bench/results/<name>-<backend>.json``."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    scratch = Path(tempfile.mkdtemp(prefix="toetssteen-bench-"))
    if not os.environ.get("DATABASE_URL"):
        # Never the developer's toetssteen.sqlite3, not even for the first connection.
        os.environ["SQLITE_NAME"] = str(scratch / "unused.sqlite3")

    try:
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        # As Django's test runner does: no query log slowing down every request, and
        # templates compiled without debug information, as in production.
        settings.DEBUG = False
        if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        if connection.vendor == "sqlite":
            # A file, not Django's default in-memory test database: like a real deployment.
            test_name = str(scratch / "bench.sqlite3")
        else:
            # Our own name, so a test run on the same server keeps its test database.
            test_name = f"test_{connection.settings_dict['NAME']}_{name}_{os.getpid()}"
        connection.settings_dict["TEST"]["NAME"] = test_name
        print(f"Creating the throwaway database {test_name} …", file=sys.stderr, flush=True)
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            result = run(args)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print()
    print(report(result))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{result['backend']}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Results written to {path.relative_to(ROOT)}")
