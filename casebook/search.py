"""Searching the casebook: full text, facets, counts, ranking, highlights, related cases.

One interface, two engines. On PostgreSQL the stored ``search`` tsvector (``dutch``) with
``websearch_to_tsquery``, ``ts_rank`` and ``ts_headline``; on SQLite the FTS5 table
``casebook_casefts`` with a MATCH expression built here from quoted tokens, ``bm25`` and
``snippet``. Every query is limited to one organisation.

Performance (docs/casebook.md): facets and the text match filter first (indexes);
only the ``CANDIDATES`` most recent matches are fetched (a query that stops early), then
ranked, counted and paged, so a term matching a quarter of 100 000 records neither ranks
nor counts 25 000 rows. Beyond that the page says "more than ``CANDIDATES``" and the
ranking is "best of the most recent ``CANDIDATES`` matches". Highlights are computed for
the page's rows only. A page costs a fixed number of queries whatever the data.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Count, Exists, OuterRef, Q
from django.db.models.expressions import Expression, RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .index import MARK_END, MARK_START, CaseFacet, CaseIndex, FacetKind

CANDIDATES = 1000
SIMILAR_CANDIDATES = 300  # related cases and precedents: scored among these, most recent
PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MAX_TOKENS = 16

# The facets, as the URL names them (GET parameters of /casebook/).
SCALAR_FACETS = {
    "optie": "chosen_option",
    "weging": "weighing",
    "controle": "control",
    "compensatie": "compensation",
}
MULTI_FACETS = {
    "eenheid": FacetKind.UNIT,
    "beginsel": FacetKind.PRINCIPLE,
    "kernwaarde": FacetKind.CORE_VALUE,
    "r": FacetKind.R_TENSION,
    "thema": FacetKind.THEME,
}
OPTION_VALUES = ["X", "Y", "derde"]
WEIGHING_VALUES = ["B", "G", "S", "mixed", "none"]
CONTROL_VALUES = ["positive", "negative", "none"]
COMPENSATION_VALUES = ["none", "done", "open", "overdue"]
YES = "ja"


def postgres():
    return connection.vendor == "postgresql"


# --- the text query ------------------------------------------------------------------------

TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+", re.UNICODE)


def fts5_expression(text):
    """A safe FTS5 MATCH expression: quoted words and phrases, ``-word`` to exclude, ``or``.

    Returns "" when nothing searchable remains (operators only, punctuation only).
    """
    positive, negative, pending_or = [], [], False
    for minus, phrase, bare in TOKEN.findall(text):
        if bare:
            minus = "-" if bare.startswith("-") else ""
            if bare.lower() == "or" and positive:
                pending_or = True
                continue
        words = WORD.findall(phrase if phrase or not bare else bare)
        if not words:
            continue
        if len(words) == 1:
            term = f'"{words[0]}"' + ("*" if len(words[0]) >= 4 else "")
        else:
            term = '"' + " ".join(words) + '"'
        if minus:
            negative.append(term)
        elif pending_or and positive:
            positive[-1] = f"({positive[-1]} OR {term})"
            pending_or = False
        else:
            positive.append(term)
        if len(positive) + len(negative) >= MAX_TOKENS:
            break
    if not positive:
        return ""
    expression = " AND ".join(positive)
    for term in negative:
        expression = f"({expression}) NOT {term}"
    return expression


class TextMatch(Expression):
    """``search @@ websearch_to_tsquery('dutch', q)`` on the query's own CaseIndex alias
    (which is ``U0`` and the like when the query becomes a subquery)."""

    conditional = True

    def __init__(self, q):
        super().__init__(output_field=BooleanField())
        self.q = q

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search @@ websearch_to_tsquery('dutch', %s)", [self.q]


def text_filter(q):
    """A condition on CaseIndex rows for the text ``q`` (already cleaned)."""
    if postgres():
        return TextMatch(q)
    return Q(
        pk__in=RawSQL(
            "SELECT rowid FROM casebook_casefts WHERE casebook_casefts MATCH %s",
            [fts5_expression(q)],
        )
    )


def searchable(q):
    """Whether ``q`` has anything the engine can search for."""
    if postgres():
        return bool(WORD.search(q))
    return bool(fts5_expression(q))


# --- filtering -----------------------------------------------------------------------------


@dataclass
class Criteria:
    """What the user asked for, already validated (casebook.forms.SearchForm)."""

    q: str = ""
    years: list = field(default_factory=list)
    scalar: dict = field(default_factory=dict)  # URL name -> [values]
    multi: dict = field(default_factory=dict)  # URL name -> [values]
    tegenspraak: list = field(default_factory=list)  # ["ja"], ["nee"] or both
    leading: bool = False

    @property
    def active(self):
        return bool(
            self.q
            or self.years
            or any(self.scalar.values())
            or any(self.multi.values())
            or self.tegenspraak
            or self.leading
        )


def compensation_condition(values, today):
    condition = Q()
    for value in values:
        if value == "overdue":
            condition |= Q(compensation="open", compensation_due__lt=today)
        elif value == "open":
            condition |= Q(compensation="open") & (
                Q(compensation_due__isnull=True) | Q(compensation_due__gte=today)
            )
        else:
            condition |= Q(compensation=value)
    return condition


def filtered(organisation_id, criteria, today=None):
    """The organisation's cases matching every facet and the text."""
    today = today or timezone.localdate()
    qs = CaseIndex.objects.filter(organisation_id=organisation_id)
    if criteria.years:
        qs = qs.filter(year__in=criteria.years)
    for name, values in criteria.scalar.items():
        if not values:
            continue
        if name == "compensatie":
            qs = qs.filter(compensation_condition(values, today))
        else:
            qs = qs.filter(**{f"{SCALAR_FACETS[name]}__in": values})
    for name, values in criteria.multi.items():
        if values:
            qs = qs.filter(
                Exists(
                    CaseFacet.objects.filter(
                        session_id=OuterRef("pk"), kind=MULTI_FACETS[name], value__in=values
                    )
                )
            )
    if criteria.tegenspraak and len(set(criteria.tegenspraak)) == 1:
        qs = qs.filter(tegenspraak=criteria.tegenspraak[0] == YES)
    if criteria.leading:
        qs = qs.filter(leading=True)
    if criteria.q:
        qs = qs.filter(text_filter(criteria.q))
    return qs


# --- counting ------------------------------------------------------------------------------


CANDIDATE_FIELDS = [
    "pk",
    "year",
    "chosen_option",
    "weighing",
    "control",
    "compensation",
    "compensation_due",
    "tegenspraak",
    "leading",
]


def candidates(qs):
    """The ids and single-valued facets of the ``CANDIDATES`` most recent matches, newest
    first, and whether there are more (one query that stops early: in date order through
    the index, or through the text index for a rare word, as the planner sees fit)."""
    rows = list(
        qs.order_by("-finalised_at", "-pk").values_list(*CANDIDATE_FIELDS)[: CANDIDATES + 1]
    )
    more = len(rows) > CANDIDATES
    return [dict(zip(CANDIDATE_FIELDS, row, strict=True)) for row in rows[:CANDIDATES]], more


def scalar_counts(rows, today):
    """The counts of every single-valued facet and of every year, over ``rows``."""
    counts = {}
    years = {}

    def add(key):
        counts[key] = counts.get(key, 0) + 1

    for row in rows:
        years[row["year"]] = years.get(row["year"], 0) + 1
        add(f"optie:{row['chosen_option']}")
        add(f"weging:{row['weighing']}")
        add(f"controle:{row['control']}")
        compensation = row["compensation"]
        if compensation == "open":
            due = row["compensation_due"]
            compensation = "overdue" if due is not None and due < today else "open"
        add(f"compensatie:{compensation}")
        add(f"tegenspraak:{'ja' if row['tegenspraak'] else 'nee'}")
        if row["leading"]:
            add("leidend:ja")
    return counts, years


def multi_counts(ids):
    """Counts of the multi-valued facets among these cases: one query (an array
    parameter on PostgreSQL: a thousand ids cost Django more to bind one by one)."""
    if postgres():
        sql = (
            "SELECT kind, value, count(*) FROM casebook_casefacet "
            "WHERE session_id = ANY(%s) GROUP BY kind, value"
        )
        params = [list(ids)]
    else:
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            "SELECT kind, value, count(*) FROM casebook_casefacet "
            f"WHERE session_id IN ({placeholders}) GROUP BY kind, value"
        )
        params = list(ids)
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, value, n in cursor.fetchall():
            counts.setdefault(kind, {})[value] = n
    return counts


# --- ranking and highlighting ---------------------------------------------------------------


def ranked_ids(ids, q, offset, limit):
    """The page's ids among ``ids``, best match first (one query)."""
    if postgres():
        sql = (
            "SELECT c.session_id FROM casebook_caseindex c, "
            "websearch_to_tsquery('dutch', %s) query "
            "WHERE c.session_id = ANY(%s) "
            "ORDER BY ts_rank(c.search, query) DESC, c.finalised_at DESC, c.session_id DESC "
            "LIMIT %s OFFSET %s"
        )
        params = [q, list(ids), limit, offset]
    else:
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            "SELECT f.rowid FROM casebook_casefts f JOIN casebook_caseindex c "
            "ON c.session_id = f.rowid "
            f"WHERE casebook_casefts MATCH %s AND f.rowid IN ({placeholders}) "
            "ORDER BY bm25(casebook_casefts, 10.0, 4.0, 1.0), c.finalised_at DESC, "
            "c.session_id DESC LIMIT %s OFFSET %s"
        )
        params = [fts5_expression(q), *ids, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def marked(text):
    """Escape ``text`` and turn the engine's markers into <mark>."""
    safe = escape(text or "")
    return mark_safe(  # noqa: S308 - escaped above; only our own markers become tags
        safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


def highlights(ids, q):
    """{session_id: (title, fragment)} with the matched words marked, for these rows only."""
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    if postgres():
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=24, "
            'MinWords=8, FragmentDelimiter=" … "'
        )
        sql = (
            "SELECT session_id, "
            f"ts_headline('dutch', title, query, 'StartSel={MARK_START}, StopSel={MARK_END}, "
            "HighlightAll=true'), "
            "ts_headline('dutch', text_b || ' ' || text_c, query, %s) "
            "FROM casebook_caseindex, websearch_to_tsquery('dutch', %s) query "
            f"WHERE session_id IN ({placeholders})"
        )
        params = [options, q, *ids]
    else:
        sql = (
            "SELECT rowid, highlight(casebook_casefts, 0, %s, %s), "
            "snippet(casebook_casefts, -1, %s, %s, ' … ', 24) "
            "FROM casebook_casefts WHERE casebook_casefts MATCH %s "
            f"AND rowid IN ({placeholders})"
        )
        params = [MARK_START, MARK_END, MARK_START, MARK_END, fts5_expression(q), *ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: (marked(title), marked(fragment)) for pk, title, fragment in cursor.fetchall()}


# --- the search ----------------------------------------------------------------------------


@dataclass
class Hit:
    case: CaseIndex
    title: str
    fragment: str


@dataclass
class Results:
    hits: list
    total: int
    counts: dict
    years: dict
    facet_counts: dict
    page: int
    pages: int
    capped: bool
    unsearchable: bool = False


def search(organisation_id, criteria, page=1, per_page=PER_PAGE, today=None):
    """One page of results with every count, in five queries at most whatever the data.

    Only the ``CANDIDATES`` most recent matches are looked at: ranked, counted and paged.
    When there are more, ``Results.capped`` says so (the page shows "more than …").
    """
    today = today or timezone.localdate()
    if criteria.q and not searchable(criteria.q):
        return Results([], 0, {}, {}, {}, 1, 1, False, unsearchable=True)
    qs = filtered(organisation_id, criteria, today)
    rows, more = candidates(qs)  # 1
    ids = [row["pk"] for row in rows]
    total = len(ids)
    counts, years = scalar_counts(rows, today)
    facet_counts = multi_counts(ids) if ids else {}  # 2
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    offset = (page - 1) * per_page
    marks = {}
    if criteria.q and ids:
        page_ids = ranked_ids(ids, criteria.q, offset, per_page)  # 3
    else:
        page_ids = ids[offset : offset + per_page]
    if criteria.q and page_ids:
        marks = highlights(page_ids, criteria.q)  # 4
    by_id = CaseIndex.objects.defer("text_c").in_bulk(page_ids) if page_ids else {}  # 5
    hits = []
    for pk in page_ids:
        case = by_id.get(pk)
        if case is None:
            continue
        title, fragment = marks.get(pk, (None, None))
        hits.append(
            Hit(
                case=case,
                title=title or case.title,
                fragment=fragment or (case.text_b[:240] + ("…" if len(case.text_b) > 240 else "")),
            )
        )
    return Results(
        hits=hits,
        total=total,
        counts=counts,
        years=years,
        facet_counts=facet_counts,
        page=page,
        pages=pages,
        capped=more,
    )


# --- related cases and precedents ----------------------------------------------------------

STOP_WORDS = (  # Dutch words too common to tell cases apart
    "de het een en van in op te dat die is voor met aan er om als ook bij of naar door "
    "dan maar zijn wordt worden niet wel wij we ze zij hij haar hun ons onze deze dit wat "
    "wie hoe waar moet moeten kan kunnen mag mogen zou zouden over uit tot nog al geen "
    "meer"
)
STOP = frozenset(STOP_WORDS.split())


def key_words(text, limit=12):
    """The longest distinctive words of ``text``, for a similarity query."""
    seen = []
    for word in sorted(set(WORD.findall((text or "").lower())), key=lambda w: (-len(w), w)):
        if len(word) >= 4 and word not in STOP and not word.isdigit():
            seen.append(word)
        if len(seen) >= limit:
            break
    return seen


def similar(organisation_id, text, facets, exclude_session_id, limit=5):
    """The organisation's cases most like this one: shared principles, core values and
    themes (one point each) plus text similarity (up to three points). Scored among the
    ``SIMILAR_CANDIDATES`` most recent cases that share a facet and as many that share a
    key word: each of those two queries stops early. Five queries at most."""
    words = key_words(text)
    qs = CaseIndex.objects.filter(organisation_id=organisation_id).exclude(pk=exclude_session_id)
    recent = qs.order_by("-finalised_at").values_list("pk", flat=True)
    facet_condition = Q()
    for kind, value in facets:
        facet_condition |= Q(kind=kind, value=value)
    candidates = []
    if facets:
        shares = CaseFacet.objects.filter(facet_condition, session_id=OuterRef("pk"))
        candidates += recent.filter(Exists(shares))[:SIMILAR_CANDIDATES]  # 1
    if words:
        candidates += recent.filter(text_filter(" or ".join(words)))[:SIMILAR_CANDIDATES]  # 2
    candidates = list(dict.fromkeys(candidates))
    if not candidates:
        return []
    shared = {}
    if facets:
        shared = dict(
            CaseFacet.objects.filter(facet_condition, session_id__in=candidates)
            .values_list("session_id")
            .annotate(n=Count("id"))
            .values_list("session_id", "n")
            .order_by()
        )  # 3
    text_score = text_scores(candidates, words)  # 4 (when there are words)
    scored = sorted(
        candidates,
        key=lambda pk: (-(shared.get(pk, 0) + text_score.get(pk, 0.0)), -pk),
    )[:limit]
    by_id = CaseIndex.objects.defer("text_c").in_bulk(scored)  # 5
    result = []
    for pk in scored:
        case = by_id.get(pk)
        if case is not None:
            case.shared = shared.get(pk, 0)
            result.append(case)
    return result


def text_scores(candidates, words):
    """A 0-3 text similarity score for the candidates (one query)."""
    if not words or not candidates:
        return {}
    q = " or ".join(words)
    placeholders = ", ".join(["%s"] * len(candidates))
    if postgres():
        sql = (
            "SELECT session_id, ts_rank(search, websearch_to_tsquery('dutch', %s)) "
            "FROM casebook_caseindex WHERE session_id = ANY(%s)"
        )
        params = [q, list(candidates)]
        scale = 30.0
    else:
        sql = (
            "SELECT rowid, -bm25(casebook_casefts, 10.0, 4.0, 1.0) FROM casebook_casefts "
            f"WHERE casebook_casefts MATCH %s AND rowid IN ({placeholders})"
        )
        params = [fts5_expression(q), *candidates]
        scale = 0.5
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: min(3.0, float(score or 0) * scale) for pk, score in cursor.fetchall()}


def related_to_case(case, limit=5):
    """Related cases of an indexed case (its own organisation only)."""
    facets = list(
        CaseFacet.objects.filter(
            session_id=case.pk,
            kind__in=[FacetKind.PRINCIPLE, FacetKind.CORE_VALUE, FacetKind.THEME],
        ).values_list("kind", "value")
    )
    return similar(
        case.organisation_id, f"{case.title} {case.text_b}", facets, case.pk, limit=limit
    )
