"""The decision record as an accessible, archivable PDF (PDF/A-3a).

The one module that renders PDFs (STYLE.md rule 12). The PDF is made from the frozen record,
``json.loads(version.canonical_json)``, never from the live session, and carries that JSON
byte for byte as the attachment ``besluit.json`` (AFRelationship /Data), so whoever holds the
PDF holds the record and can check its SHA-256.

WeasyPrint is imported inside the functions: it loads Pango through cffi, which costs start-up
time and is only needed here. It fetches through ``StaticFilesURLFetcher``, which serves our
own static files and ``data:`` URLs and refuses everything else (network, other files, and so
``<link rel=attachment>`` or ``<img>`` that could smuggle in files or reach the network).
"""

import hashlib
import io
import json
import mimetypes
import re
from collections import Counter
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from deliberation.models import (
    STEP_SHORT_NAMES,
    ApplicableRule,
    Category,
    CompensationMeasure,
    ControlAnswer,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    Session,
    Stakeholder,
)
from principles.models import Organisation, Principle, RCriterion, Role

from .models import Precedent

TEMPLATE = "casebook/record_pdf.html"
# Relative to the static folder, which is the document's base URL.
STYLESHEET = "css/record_pdf.css"
ATTACHMENT_NAME = "besluit.json"
PDF_VARIANT = "pdf/a-3a"


# --- fetching: our static files and data: URLs, nothing else -----------------------------------


class RefusedURLError(ValueError):
    """The PDF renderer may not fetch this URL."""


def static_roots():
    """Our static folders, resolved on disk (symlinks followed)."""
    roots = []
    for entry in settings.STATICFILES_DIRS:
        # An entry is a path or a (prefix, path) pair.
        path = entry[1] if isinstance(entry, list | tuple) else entry
        roots.append(Path(path).resolve())
    return roots


def static_base_url():
    """The document's base URL: the project's static folder, so ``css/…`` finds our files."""
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


def static_file(url):
    """The file on disk a ``file:`` URL names, if it lies inside one of our static folders.

    The path is resolved first, so ``..``, percent-encoded dots and symlinks pointing out of
    the folder are judged by where they really lead.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURLError(f"not a local file URL: {url}")
    try:
        path = Path(url2pathname(parts.path)).resolve(strict=True)
    except (OSError, ValueError, RuntimeError) as error:
        raise RefusedURLError(f"no such file: {url}") from error
    if not path.is_file() or not any(path.is_relative_to(root) for root in static_roots()):
        raise RefusedURLError(f"outside our static files: {url}")
    return path


@cache
def fetcher_class():
    """``StaticFilesURLFetcher``, built on first use so WeasyPrint loads only when needed."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesURLFetcher(URLFetcher):
        """Serves our static files and ``data:`` URLs; refuses every other URL."""

        def __init__(self, **kwargs):
            # Belt and braces: urllib would only ever see data: URLs, and never a redirect.
            kwargs["allowed_protocols"] = ("data",)
            kwargs["allow_redirects"] = False
            super().__init__(**kwargs)

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = static_file(url)
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    path.as_uri(), path.read_bytes(), {"Content-Type": content_type}
                )
            raise RefusedURLError(f"the PDF renderer fetches no {scheme or 'relative'} URLs: {url}")

    return StaticFilesURLFetcher


def url_fetcher():
    """A fresh fetcher for one rendering."""
    return fetcher_class()()


def __getattr__(name):
    # ``from casebook.pdf import StaticFilesURLFetcher`` works, and still loads WeasyPrint lazily.
    if name == "StaticFilesURLFetcher":
        return fetcher_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def html_to_pdf(html, attachments=()):
    """HTML of ours to PDF/A-3a bytes, fetching only through ``StaticFilesURLFetcher``.

    ``attachments`` are ``(name, bytes, description)``; each is embedded as data of the PDF.
    """
    from weasyprint import HTML, Attachment

    fetcher = url_fetcher()
    pdf_attachments = [
        Attachment(
            string=content,
            name=name,
            description=description,
            relationship="Data",
            url_fetcher=fetcher,
        )
        for name, content, description in attachments
    ]
    return HTML(string=html, base_url=static_base_url(), url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT,
        output_intent="srgb",
        attachments=pdf_attachments,
        # Off on purpose: HTML attributes do not turn into styles (CVE-2026-49452).
        presentational_hints=False,
    )


# --- the record ----------------------------------------------------------------------------------


def render_record_pdf(version, language="nl"):
    """Render a record version as PDF/A-3a in ``language``; returns ``(html, pdf_bytes)``."""
    record = json.loads(version.canonical_json)
    with translation.override(language):
        html = render_to_string(TEMPLATE, record_context(record, version.canonical_json))
        description = _("The decision record in canonical JSON (schema %(schema)s)") % {
            "schema": record.get("schema", "")
        }
    pdf = html_to_pdf(html, [(ATTACHMENT_NAME, version.canonical_json.encode(), description)])
    return html, pdf


def record_filename(version):
    """``besluit-<organisation>-<session date>-<title>-v<n>.pdf``, from the frozen record."""
    record = json.loads(version.canonical_json)
    parts = [
        "besluit",
        slugify(record["organisation"]["name"])[:60].strip("-"),
        record["session"]["date"] or "",
        slugify(record["session"]["title"])[:80].strip("-"),
        f"v{record['record']['version']}",
    ]
    return "-".join(part for part in parts if part) + ".pdf"


def extract_record_json(pdf_bytes):
    """The embedded ``besluit.json`` of a PDF as text, or None.

    Never raises: the bytes may come from anyone (an upload to the verification page), and
    pypdf can fail in many ways on a broken or hostile file. A PDF with no, or more than one,
    ``besluit.json`` has no record either.
    """
    from pypdf import PdfReader

    if not isinstance(pdf_bytes, bytes | bytearray) or not pdf_bytes:
        return None
    try:
        files = PdfReader(io.BytesIO(pdf_bytes)).attachments.get(ATTACHMENT_NAME)
        if not files or len(files) != 1:
            return None
        return files[0].decode("utf-8")
    # pypdf raises its own errors but also ValueError, KeyError, zlib.error, RecursionError …
    # on broken input; whatever it is, the answer is the same: this PDF holds no record.
    except Exception:
        return None


# --- from codes in the record to what a reader sees -----------------------------------------


def to_date(value):
    return date.fromisoformat(value) if value else None


def to_datetime(value):
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def css_string(text):
    """``text`` as a CSS string, every character but letters, digits and spaces escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


def page_counter_css():
    """The footer "page X of Y" in the active language, as a CSS ``content`` value."""
    words = _("page %(page)s of %(pages)s")
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    pieces = [
        counters.get(piece) or css_string(piece)
        for piece in re.split(r"(%\(pages?\)s)", words)
        if piece
    ]
    # Safe: made here from the catalogue, every character of the text escaped for CSS.
    return mark_safe(" ".join(pieces))


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def record_context(record, canonical_json):
    """Everything the template shows, with codes turned into labels of the active language."""
    session = record["session"]
    dilemma = record["dilemma"]
    facts = record["facts"]
    decision = record["decision"]
    meta = record["record"]

    arguments = record["arguments"]
    principle_codes = {code for a in arguments for code in a["principles"]} | {
        t["code"] for t in decision["principle_tests"]
    }
    r_codes = {code for a in arguments for code in a["r_criteria"]} | {
        j["code"] for j in decision["r_judgements"]
    }
    principles = {p.code: p for p in Principle.objects.filter(code__in=principle_codes)}
    criteria = {r.code: r for r in RCriterion.objects.filter(code__in=r_codes)}

    def principle_name(code):
        principle = principles.get(code)
        return f"{principle.number}. {principle.name}" if principle else code

    def r_name(code):
        criterion = criteria.get(code)
        return criterion.name if criterion else code

    stakeholder_names = {s["id"]: s["name"] for s in record["stakeholders"]}

    # The table of step 5: row i pairs the i-th argument for X with the i-th for Y.
    sides = {"X": [], "Y": []}
    for argument in sorted(arguments, key=lambda a: (a["side"], a["position"], a["id"])):
        sides[argument["side"]].append(argument)
    shown = {}
    for side, items in sides.items():
        for number, argument in enumerate(items, start=1):
            shown[argument["id"]] = {
                "ref": f"{side}{number}",
                "side": side,
                "category": argument["category"],
                "category_label": dict(Category.choices).get(argument["category"], ""),
                "text": argument["text"],
                "decisive": argument["decisive"],
                "principles": [
                    principle_name(c)
                    for c in sorted(
                        argument["principles"],
                        key=lambda c: getattr(principles.get(c), "number", 99),
                    )
                ],
                "r_criteria": [r_name(c) for c in argument["r_criteria"]],
                "core_values": argument["core_values"],
                "stakeholder": stakeholder_names.get(argument["stakeholder"], ""),
            }
    x_items = [shown[a["id"]] for a in sides["X"]]
    y_items = [shown[a["id"]] for a in sides["Y"]]
    rows = [
        (x_items[i] if i < len(x_items) else None, y_items[i] if i < len(y_items) else None)
        for i in range(max(len(x_items), len(y_items)))
    ]

    # What the arguments invoke, counted per side.
    def invoked(key, name, order):
        counts = {"X": Counter(), "Y": Counter()}
        for argument in arguments:
            counts[argument["side"]].update(argument[key])
        names = set(counts["X"]) | set(counts["Y"])
        return [
            {
                "name": name(code),
                "x": counts["X"][code],
                "y": counts["Y"][code],
                "total": counts["X"][code] + counts["Y"][code],
            }
            for code in sorted(names, key=order)
        ]

    by_number = {**principles, **criteria}
    invoked_principles = invoked(
        "principles", principle_name, lambda c: (getattr(by_number.get(c), "number", 99), c)
    )
    invoked_r = invoked(
        "r_criteria", r_name, lambda c: (getattr(by_number.get(c), "number", 99), c)
    )
    invoked_values = sorted(
        invoked("core_values", str, str), key=lambda row: (-row["total"], row["name"])
    )

    chosen = decision["chosen_option"]
    chosen_text = {
        "X": dilemma["option_x"],
        "Y": dilemma["option_y"],
        "derde": decision["third_way"],
    }.get(chosen, "")

    roles = dict(Role.choices)
    rule_verdicts = dict(ApplicableRule.Verdict.choices)
    need_statuses = dict(InformationNeed.Status.choices)
    measure_statuses = dict(CompensationMeasure.Status.choices)
    control = record["control_question"]

    return {
        "language": translation.get_language(),
        "page_counter_css": page_counter_css(),
        "stylesheet": STYLESHEET,
        "schema": record.get("schema", ""),
        "organisation": {
            **record["organisation"],
            "kind_label": dict(Organisation.Kind.choices).get(record["organisation"]["kind"], ""),
        },
        "session": {
            "title": session["title"],
            "date": to_date(session["date"]),
            "mode": dict(Session.Mode.choices).get(session["mode"], session["mode"]),
            "decided_at": to_datetime(session["decided_at"]),
            "facilitator": session["facilitator"],
            "participants": [
                {**p, "role_label": roles.get(p["role"], p["role"])}
                for p in session["participants"]
            ],
        },
        "owner": {
            **record["owner"],
            "group_owns_problem_label": dict(Session.YesNo.choices).get(
                record["owner"]["group_owns_problem"], ""
            ),
        },
        "dilemma": {
            **dilemma,
            "signal_labels": [
                dict(Session.Signal.choices).get(code, code) for code in dilemma["signals"]
            ],
            "clear_legal_rule_label": dict(Session.YesNo.choices).get(
                dilemma["clear_legal_rule"], ""
            ),
        },
        "stakeholders": [
            {**s, "kind_label": dict(Stakeholder.Kind.choices).get(s["kind"], s["kind"])}
            for s in record["stakeholders"]
        ],
        "facts": {
            "rules": [
                {**r, "verdict_label": rule_verdicts.get(r["verdict"], r["verdict"])}
                for r in facts["rules"]
            ],
            "facts": facts["facts"],
            "needs": [
                {**n, "status_label": need_statuses.get(n["status"], n["status"])}
                for n in facts["information_needs"]
            ],
            "open_needs": facts["open_information_needs"],
            "sufficient_label": dict(Session.Sufficiency.choices).get(facts["sufficient"], ""),
            "information_missing": facts["open_information_needs"] > 0
            or facts["sufficient"] != Session.Sufficiency.YES,
            "note": facts["note"],
        },
        "argument_rows": rows,
        "categories": Category.choices,
        "decision": {
            "chosen_label": dict(Session.Option.choices).get(chosen, ""),
            "chosen_text": chosen_text,
            "is_third_way": chosen == Session.Option.THIRD,
            "decisive": [shown[pk] for pk in decision["decisive_arguments"] if pk in shown],
            "reasoning": decision["reasoning"],
            "g_over_b_justification": decision["g_over_b_justification"],
        },
        "r_judgements": [
            {
                "name": r_name(j["code"]),
                "statement": getattr(criteria.get(j["code"]), "statement", ""),
                "assessment_label": dict(RJudgement.Assessment.choices).get(
                    j["assessment"], j["assessment"]
                ),
                "note": j["note"],
            }
            for j in decision["r_judgements"]
        ],
        "principle_tests": [
            {
                "name": principle_name(t["code"]),
                "verdict_label": dict(PrincipleTest.Verdict.choices).get(
                    t["verdict"], t["verdict"]
                ),
                "note": t["note"],
            }
            for t in sorted(decision["principle_tests"], key=lambda t: t["number"])
        ],
        "invoked_principles": invoked_principles,
        "invoked_r": invoked_r,
        "invoked_values": invoked_values,
        "measures": [
            {
                **m,
                "stakeholder_name": stakeholder_names.get(m["stakeholder"], ""),
                "due": to_date(m["due_date"]),
                "status_label": measure_statuses.get(m["status"], m["status"]),
            }
            for m in record["compensation"]["measures"]
        ],
        "compensation_note": record["compensation"]["note"],
        # Records finalised before precedents existed have none.
        "precedents": [
            {**p, "stance_label": dict(Precedent.Stance.choices).get(p["stance"], p["stance"])}
            for p in record.get("precedents", [])
        ],
        "control": {
            "participants": control["participants"],
            "answers": control["answers"],
            "negative": control["negative"],
            "tables": [
                (
                    _("How does the situation feel?"),
                    [
                        (label, control["situation"].get(value, 0))
                        for value, label in ControlAnswer.Situation.choices
                    ],
                ),
                (
                    _("Do you stand behind the decision?"),
                    [
                        (label, control["stance"].get(value, 0))
                        for value, label in ControlAnswer.Stance.choices
                    ],
                ),
            ],
            "comments": control["comments"],
        },
        "objections": [
            {
                **o,
                "step_label": f"{o['step']}. {STEP_SHORT_NAMES.get(o['step'], '')}",
                "handling_label": dict(Objection.Handling.choices).get(
                    o["handling"], o["handling"]
                ),
                "raised": to_datetime(o["raised_at"]),
            }
            for o in record["objections"]
        ],
        "accountability": {
            "version": meta["version"],
            "supersedes": meta["supersedes"],
            "supersedes_sha256": meta["supersedes_sha256"],
            "reason": meta["reason"],
            "sha256": sha256(canonical_json),
            "finalised_by": meta["finalised_by"],
            "finalised_at": to_datetime(meta["finalised_at"]),
            "finalised_at_w3c": meta["finalised_at"],
            "generated_at": timezone.localtime(),
            "attachment": ATTACHMENT_NAME,
        },
    }
