"""Time the decision-record PDF against a bare WeasyPrint render of as much text.

Run from the project root: ``.venv/bin/python bench/record_pdf.py`` (``make bench`` runs it
after bench/step_pages.py). Works on SQLite (default) and on PostgreSQL
(``DATABASE_URL=postgres://…``); either way it creates a throwaway test database, finalises a
typical record (the demo session "Windmolens bij Oosterhoek") and a large one (60 arguments,
20 stakeholders, 15 measures), renders each with ``casebook.pdf.render_record_pdf`` beside a
bare render of plain HTML with the same text, and destroys the database afterwards.
See bench/README.md for how to read the output.
"""

import io
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The budget from the issue, for the typical record.
BUDGET_RATIO = 1.5
BUDGET_MS = 1000

LARGE = {"arguments": 60, "stakeholders": 20, "measures": 15}


# --- the records -----------------------------------------------------------------------------


def typical_version():
    """The demo session "Windmolens bij Oosterhoek", finalised."""
    from django.core.management import call_command

    from casebook.records import finalise
    from deliberation.models import Session

    call_command("load_demo", stdout=io.StringIO())
    session = Session.objects.get(
        title="Windmolens bij Oosterhoek", organisation__name="Gemeente Lindeveen"
    )
    return finalise(session, by=session.facilitator)


def large_version():
    """bench/step_pages.py's session, grown to 60 arguments, 20 stakeholders, 15 measures."""
    from datetime import date, timedelta

    from django.db import transaction

    from bench.step_pages import ARGUMENTS, MEASURES, STAKEHOLDERS, build_session
    from casebook.records import finalise
    from deliberation.models import Argument, CompensationMeasure, Stakeholder
    from principles.models import Principle, RCriterion

    session, facilitator, _counts = build_session()
    principles = list(Principle.objects.all())
    criteria = list(RCriterion.objects.all())
    with transaction.atomic():
        stakeholders = list(Stakeholder.objects.filter(session=session))
        for i in range(len(stakeholders), LARGE["stakeholders"]):
            name, kind, rights, interests, expectations = STAKEHOLDERS[i % len(STAKEHOLDERS)]
            stakeholders.append(
                Stakeholder.objects.create(
                    session=session,
                    position=i + 1,
                    name=f"{name} ({i // len(STAKEHOLDERS) + 1})",
                    kind=kind,
                    rights=rights,
                    interests=interests,
                    expectations=expectations,
                )
            )
        n = Argument.objects.filter(session=session).count()
        while n < LARGE["arguments"]:
            side = "XY"[n % 2]
            position = Argument.objects.filter(session=session, side=side).count() + 1
            category, text = ARGUMENTS[side][(n // 2) % len(ARGUMENTS[side])]
            argument = Argument.objects.create(
                session=session,
                side=side,
                position=position,
                category=category,
                text=text,
                stakeholder=stakeholders[n % len(stakeholders)],
            )
            argument.principles.set([principles[n % 7]])
            if n % 3 == 0:
                argument.r_criteria.set([criteria[n % 3]])
            n += 1
        measures = CompensationMeasure.objects.filter(session=session).count()
        for i in range(measures, LARGE["measures"]):
            action, owner, status, stakeholder = MEASURES[i % len(MEASURES)]
            CompensationMeasure.objects.create(
                session=session,
                position=i + 1,
                action=action,
                owner=owner,
                status=status,
                stakeholder=stakeholders[(stakeholder + i) % len(stakeholders)],
                due_date=date.today() + timedelta(days=14 * i),
            )
    return finalise(session, by=facilitator)


# --- the bare document ---------------------------------------------------------------------


class TextShape(HTMLParser):
    """How much visible text a page has, and how much of it sits in how many table cells."""

    CELLS = {"td", "th"}
    HIDDEN = {"head", "style", "title"}

    def __init__(self):
        super().__init__()
        self.in_cell = self.hidden = 0
        self.cells = self.cell_chars = self.other_chars = 0

    def handle_starttag(self, tag, attrs):
        self.cells += tag in self.CELLS
        self.in_cell += tag in self.CELLS
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.in_cell -= tag in self.CELLS
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            chars = len(" ".join(data.split()))
            if self.in_cell:
                self.cell_chars += chars
            else:
                self.other_chars += chars


def bare_html(words, shape, font_pt):
    """Plain paragraphs and one simple table, with the record's words and text shape.

    As many characters as the record shows, as many of them in table cells, and as many
    cells; no stylesheet but the page size and font, no classes, no links.
    """
    cursor = 0

    def take(chars):
        nonlocal cursor
        out, length = [], 0
        while length < chars:
            word = words[cursor % len(words)]
            cursor += 1
            out.append(word)
            length += len(word) + 1
        return " ".join(out)

    paragraphs = "".join(f"<p>{take(600)}</p>\n" for _ in range(max(1, shape.other_chars // 600)))
    per_cell = max(1, shape.cell_chars // max(1, shape.cells))
    cells = [take(per_cell) for _ in range(shape.cells)]
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells[i : i + 4]) + "</tr>\n"
        for i in range(0, len(cells), 4)
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Bare</title>'
        f"<style>@page {{ size: A4; margin: 20mm }} body {{ font-family: 'DejaVu Sans'; "
        f"font-size: {font_pt}pt }} td {{ border: 1px solid #999; vertical-align: top }}</style>"
        f"</head><body>\n{paragraphs}<table>\n{rows}</table>\n</body></html>\n"
    )


def page_count(pdf):
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def bare_like(html, pdf, render_bare):
    """The bare document for a record: same text, cells and (font size tuned) page count."""
    from pypdf import PdfReader

    shape = TextShape()
    shape.feed(html)
    words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split()
    target = page_count(pdf)

    def pages_at(font_pt):
        return page_count(render_bare(bare_html(words, shape, font_pt)))

    # Text area grows with the square of the font size: guess, then step to the page count.
    font_pt = max(6.0, round(20 * (target / pages_at(10.0)) ** 0.5) / 2)
    while pages_at(font_pt) < target and font_pt < 20:
        font_pt += 0.5
    while font_pt > 6 and pages_at(font_pt - 0.5) >= target:
        font_pt -= 0.5
    return bare_html(words, shape, font_pt), shape, font_pt


# --- measuring -----------------------------------------------------------------------------


def timed(function):
    start = time.perf_counter_ns()
    result = function()
    return time.perf_counter_ns() - start, result


def peak_memory(function):
    """Peak bytes Python allocates during one call (tracemalloc; Pango's own C memory not)."""
    function()  # warm: nothing first-time about the measured call
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def measure(name, version, warmup, iterations):
    from weasyprint import HTML

    from casebook.pdf import render_record_pdf, url_fetcher

    def render_bare(document):
        # No fetching: the bare document links nothing, and the fetcher would refuse it.
        return HTML(string=document, url_fetcher=url_fetcher()).write_pdf()

    first_ns, (html, pdf) = timed(lambda: render_record_pdf(version))
    document, shape, font_pt = bare_like(html, pdf, render_bare)
    bare_pdf = render_bare(document)

    real, bare = [], []
    for i in range(warmup + iterations):
        # Interleaved, and the order flips every round so neither side always goes first.
        order = ((lambda: render_record_pdf(version), real), (lambda: render_bare(document), bare))
        for function, samples in order if i % 2 == 0 else order[::-1]:
            elapsed, _ = timed(function)
            if i >= warmup:
                samples.append(elapsed)
    real_ms = statistics.median(real) / 1e6
    bare_ms = statistics.median(bare) / 1e6
    record = json.loads(version.canonical_json)
    result = {
        "record": name,
        "arguments": len(record["arguments"]),
        "stakeholders": len(record["stakeholders"]),
        "measures": len(record["compensation"]["measures"]),
        "json_bytes": len(version.canonical_json.encode()),
        "html_bytes": len(html.encode()),
        "text_chars": shape.cell_chars + shape.other_chars,
        "table_cells": shape.cells,
        "text_chars_in_cells": shape.cell_chars,
        "pages": page_count(pdf),
        "pdf_bytes": len(pdf),
        "bare_pages": page_count(bare_pdf),
        "bare_font_pt": font_pt,
        "bare_pdf_bytes": len(bare_pdf),
        "first_render_ms": round(first_ns / 1e6, 1),
        "median_ms": round(real_ms, 1),
        "bare_median_ms": round(bare_ms, 1),
        "ratio": round(real_ms / bare_ms, 2),
        "samples_ms": [round(s / 1e6, 1) for s in real],
        "bare_samples_ms": [round(s / 1e6, 1) for s in bare],
    }
    print(f"  measured the {name} record", file=sys.stderr, flush=True)
    result["peak_kb"] = round(peak_memory(lambda: render_record_pdf(version)) / 1024, 1)
    result["bare_peak_kb"] = round(peak_memory(lambda: render_bare(document)) / 1024, 1)
    result["memory_ratio"] = round(result["peak_kb"] / result["bare_peak_kb"], 2)
    return result


def versions():
    from importlib.metadata import version

    from weasyprint.text.ffi import pango

    number = pango.pango_version()  # major * 10000 + minor * 100 + micro
    return {
        "weasyprint": version("weasyprint"),
        "pydyf": version("pydyf"),
        "pango": f"{number // 10000}.{number // 100 % 100}.{number % 100}",
    }


def run(args):
    import django
    from django.conf import settings
    from django.db import connection

    from bench.step_pages import database_description

    # The demo's users get passwords; hashing them properly would only slow the setup down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    typical = typical_version()
    large = large_version()
    records = [
        measure("typical", typical, args.warmup, args.iterations),
        measure("large", large, args.warmup, args.iterations),
    ]
    first = records[0]
    return {
        "backend": connection.vendor,
        "database": database_description(connection),
        "django": django.get_version(),
        **versions(),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "warmup": args.warmup,
        "iterations": args.iterations,
        "records": records,
        "budget": {
            "record": first["record"],
            "max_ratio": BUDGET_RATIO,
            "max_ms": BUDGET_MS,
            "ratio_met": first["ratio"] <= BUDGET_RATIO,
            "time_met": first["median_ms"] < BUDGET_MS,
            "met": first["ratio"] <= BUDGET_RATIO and first["median_ms"] < BUDGET_MS,
        },
    }


def report(result):
    lines = [
        f"Toetssteen record PDF vs. a bare WeasyPrint render: {result['database']}, "
        f"WeasyPrint {result['weasyprint']} (Pango {result['pango']}), "
        f"Python {result['python']}, {result['machine']}",
        f"{result['iterations']} measured renders per record and side after {result['warmup']} "
        "warm-up, real and bare interleaved.",
        "",
        f"{'record':<9}{'args':>5}{'pages':>7}{'chars':>8}{'cells':>7}{'first ms':>10}"
        f"{'real ms':>9}{'bare ms':>9}{'ratio':>7}{'real KB':>10}{'bare KB':>10}",
        "-" * 91,
    ]
    for r in result["records"]:
        pages = f"{r['pages']}/{r['bare_pages']}"
        lines.append(
            f"{r['record']:<9}{r['arguments']:>5}{pages:>7}{r['text_chars']:>8}"
            f"{r['table_cells']:>7}{r['first_render_ms']:>10.0f}{r['median_ms']:>9.0f}"
            f"{r['bare_median_ms']:>9.0f}{r['ratio']:>7.2f}{r['peak_kb']:>10.0f}"
            f"{r['bare_peak_kb']:>10.0f}"
        )
    budget = result["budget"]
    first = result["records"][0]
    verdict = "met" if budget["met"] else "NOT met"
    lines += [
        "-" * 91,
        "pages = real/bare; chars and cells = visible text and table cells, the same on both "
        "sides; first = the first render in the process; ms = medians; KB = peak Python memory "
        "of one render (tracemalloc).",
        f"Budget for the {budget['record']} record: at most {budget['max_ratio']}x the bare "
        f"render and under {budget['max_ms']} ms. Measured {first['ratio']:.2f}x and "
        f"{first['median_ms']:.0f} ms: {verdict}.",
    ]
    return "\n".join(lines)


def main():
    sys.path.insert(0, str(ROOT))
    from bench.harness import parse_args, run_benchmark

    args = parse_args(__doc__.split("\n")[0], "renders", iterations=7, warmup=1)
    run_benchmark("record_pdf", run, report, args)


if __name__ == "__main__":
    main()
