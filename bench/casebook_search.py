"""Time the casebook search page on PostgreSQL with many generated records.

Run from the project root:
``DATABASE_URL=postgres://… .venv/bin/python bench/casebook_search.py [--count 100000]``.
On SQLite it prints a message and stops (the budget is PostgreSQL's). It creates a
throwaway database, generates ``--count`` finalised records (``generate_casebook``), and
times ``/casebook/`` through Django's test client (no web server) with a search term and
two facets, for terms matching about 1 %, 8 % and 25 % of the records, beside the bare SQL
full-text query (match, ``ts_rank`` of every match, top 20) in the same run.
See bench/README.md.
"""

import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Marker words of casebook/generator.py and the share of records they are meant to match.
TERMS = [("asbest", "~1%"), ("evenement", "~8%"), ("geheimhouding", "~25%")]
FACETS = {"optie": "X", "controle": "positive"}
BUDGET_MS = 150


def take_count(argv, default=100_000):
    """--count N is ours; the harness parses the rest."""
    if "--count" in argv:
        at = argv.index("--count")
        value = int(argv[at + 1])
        del argv[at : at + 2]
        return value
    return default


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def timed(fn, warmup, iterations):
    samples = []
    for i in range(warmup + iterations):
        start = time.perf_counter_ns()
        fn()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if i >= warmup:
            samples.append(elapsed)
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 0.95), 2),
        "max_ms": round(max(samples), 2),
    }


def results_total(response):
    """The number of results the page reports (its data-total attribute)."""
    import re

    found = re.search(rb'data-total="(\d+)"', response.content)
    return int(found.group(1)) if found else None


def run(args):
    import django
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from casebook.generator import generate
    from casebook.index import CaseIndex
    from principles.models import Membership

    started = time.perf_counter()
    organisation = generate(args.count, stdout=None)
    generated_s = round(time.perf_counter() - started, 1)
    print(f"  generated and indexed {args.count} records in {generated_s} s", file=sys.stderr)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE casebook_caseindex")
        cursor.execute("VACUUM ANALYZE casebook_casefacet")
    reader = User.objects.create_user("bench-reader")
    Membership.objects.create(user=reader, organisation=organisation, role="deelnemer")
    client = Client()
    client.force_login(reader)
    total = CaseIndex.objects.filter(organisation=organisation).count()

    def bare(term):
        sql = (
            "SELECT session_id, ts_rank(search, q) AS rank FROM casebook_caseindex, "
            "websearch_to_tsquery('dutch', %s) q WHERE organisation_id = %s AND search @@ q "
            "ORDER BY rank DESC LIMIT 20"
        )

        def go():
            with connection.cursor() as cursor:
                cursor.execute(sql, [term, organisation.pk])
                cursor.fetchall()

        return go

    rows = []
    for term, meant in TERMS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM casebook_caseindex WHERE organisation_id = %s "
                "AND search @@ websearch_to_tsquery('dutch', %s)",
                [organisation.pk, term],
            )
            matches = cursor.fetchone()[0]
        params = {"q": term, **FACETS}
        response = client.get("/casebook/", params)
        if response.status_code != 200:
            raise SystemExit(f"/casebook/ answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get("/casebook/", params)
        queries = len(captured)  # now: the next request empties the log
        page = timed(lambda p=params: client.get("/casebook/", p), args.warmup, args.iterations)
        only_term = timed(
            lambda t=term: client.get("/casebook/", {"q": t}), args.warmup, args.iterations
        )
        sql = timed(bare(term), args.warmup, args.iterations)
        rows.append(
            {
                "term": term,
                "meant": meant,
                "matches": matches,
                "share": round(100 * matches / total, 1),
                "results_with_facets": results_total(response),
                "queries": queries,
                "page": page,
                "page_term_only": only_term,
                "bare_sql": sql,
            }
        )
        print(f"  measured {term}", file=sys.stderr, flush=True)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    return {
        "backend": connection.vendor,
        "database": f"PostgreSQL {server}",
        "django": django.get_version(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "records": total,
        "generated_s": generated_s,
        "facets": FACETS,
        "client": "Django test client (in process, no web server)",
        "warmup": args.warmup,
        "iterations": args.iterations,
        "budget_p95_ms": BUDGET_MS,
        "terms": rows,
    }


def report(result):
    lines = [
        f"Casebook search, {result['records']} records, {result['database']}, "
        f"{result['machine']}; {result['client']}",
        f"facets: {result['facets']}; {result['iterations']} requests per line after "
        f"{result['warmup']} warm-up",
        "",
        f"{'term':<15}{'matches':>9}{'share':>7}{'queries':>8}"
        f"{'page p50':>10}{'p95':>8}{'term only p95':>15}{'bare SQL p50':>14}{'p95':>8}",
        "-" * 94,
    ]
    for r in result["terms"]:
        lines.append(
            f"{r['term']:<15}{r['matches']:>9}{r['share']:>6}%{r['queries']:>8}"
            f"{r['page']['p50_ms']:>10}{r['page']['p95_ms']:>8}"
            f"{r['page_term_only']['p95_ms']:>15}"
            f"{r['bare_sql']['p50_ms']:>14}{r['bare_sql']['p95_ms']:>8}"
        )
    worst = max(r["page"]["p95_ms"] for r in result["terms"])
    verdict = "within" if worst < result["budget_p95_ms"] else "OVER"
    lines.append("")
    lines.append(f"Worst page p95: {worst} ms ({verdict} the {result['budget_p95_ms']} ms budget)")
    return "\n".join(lines)


def main():
    count = take_count(sys.argv)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("bench/casebook_search.py: skipped, it measures PostgreSQL (set DATABASE_URL).")
        return
    sys.path.insert(0, str(ROOT))
    from bench.harness import parse_args, run_benchmark

    args = parse_args(__doc__.split("\n")[0], "requests", iterations=40, warmup=5)
    args.count = count
    run_benchmark("casebook_search", run, report, args)


if __name__ == "__main__":
    main()
