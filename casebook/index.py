"""The casebook's search index: one row per session with a finalised record.

``CaseIndex`` holds what search, facets, related cases and precedents need, taken from the
current record version's canonical JSON (``RecordVersion.data``), the coordinator's
annotation (themes, leading case, lessons) and, for the compensation status, the measures as
they stand today (follow-up after finalising changes them, not the record).
``CaseFacet`` holds the multi-valued facets: units, principles, core values, R's under
tension and themes, one row each.

Full text: on PostgreSQL a stored, generated ``tsvector`` column ``search`` (``dutch``
configuration; title weight A, problem and options B, the rest C) with a GIN index; on
SQLite an FTS5 table ``casebook_casefts`` kept in step by triggers. Both are created by
migration 0004 for their own database only, so the Django model state is the same on both
(``makemigrations --check`` stays clean) and :mod:`casebook.search` hides the difference.

Receivers (registered in ``CasebookConfig.ready``) keep the index current when a record
version is saved, an annotation changes or its themes change. ``reindex`` rebuilds an
organisation (after an import) or everything, in bulk.
"""

from datetime import date

from django.db import models, transaction
from django.db.models import Exists, OuterRef

from deliberation.models import CompensationMeasure, Session
from principles.models import Organisation

# Highlight markers: private-use characters, removed from every indexed text, so a marker
# in a result always comes from the search engine and never from what a user wrote.
MARK_START = "\ue000"
MARK_END = "\ue001"
NEGATIVE_SITUATION = "onprettig"
NEGATIVE_STANCE = "nee"
OPEN_MEASURES = ("gepland", "in_uitvoering")
PRINCIPLE_TESTS_AT_STAKE = ("dient", "onder_druk")


class FacetKind(models.TextChoices):
    UNIT = "unit", "unit"
    PRINCIPLE = "principle", "principle"
    CORE_VALUE = "core_value", "core value"
    R_TENSION = "r_tension", "R under tension"
    THEME = "theme", "theme"


class CaseIndex(models.Model):
    """What the casebook knows of one finalised case (derived; rebuilt at will)."""

    class Weighing(models.TextChoices):
        B = "B", "B"
        G = "G", "G"
        S = "S", "S"
        MIXED = "mixed", "mixed"
        NONE = "none", "none"

    class Control(models.TextChoices):
        POSITIVE = "positive", "positive"
        NEGATIVE = "negative", "negative"
        NONE = "none", "none"

    class Compensation(models.TextChoices):
        NONE = "none", "none"
        DONE = "done", "done"
        OPEN = "open", "open"

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="case_index"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(
        "casebook.RecordVersion", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(max_length=200)
    # Searchable text: problem and options (weight B), everything else (weight C).
    text_b = models.TextField(blank=True)
    text_c = models.TextField(blank=True)
    decision = models.TextField(blank=True)
    decided_on = models.DateField()
    year = models.PositiveSmallIntegerField()
    finalised_at = models.DateTimeField()
    chosen_option = models.CharField(max_length=5, blank=True)
    n_b = models.PositiveIntegerField(default=0)
    n_g = models.PositiveIntegerField(default=0)
    n_s = models.PositiveIntegerField(default=0)
    weighing = models.CharField(max_length=5, choices=Weighing.choices, default=Weighing.NONE)
    answers = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    control = models.CharField(max_length=8, choices=Control.choices, default=Control.NONE)
    tegenspraak = models.BooleanField(default=False)
    compensation = models.CharField(
        max_length=4, choices=Compensation.choices, default=Compensation.NONE
    )
    # The earliest due date of the measures still open: "overdue" is decided at query time.
    compensation_due = models.DateField(null=True, blank=True)
    leading = models.BooleanField(default=False)

    class Meta:
        verbose_name = "case index entry"
        verbose_name_plural = "case index"
        indexes = [
            models.Index(fields=["organisation", "-finalised_at"], name="caseindex_org_recent"),
            models.Index(fields=["organisation", "year"], name="caseindex_org_year"),
        ]

    def __str__(self):
        return self.title

    @property
    def share_b(self):
        total = self.n_b + self.n_g + self.n_s
        return round(100 * self.n_b / total) if total else 0

    @property
    def share_g(self):
        total = self.n_b + self.n_g + self.n_s
        return round(100 * self.n_g / total) if total else 0

    @property
    def share_s(self):
        total = self.n_b + self.n_g + self.n_s
        return round(100 * self.n_s / total) if total else 0


class CaseFacet(models.Model):
    """One value of a multi-valued facet of a case (a unit, principle, core value...)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="case_facets")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=FacetKind.choices)
    value = models.CharField(max_length=120)

    class Meta:
        verbose_name = "case facet"
        verbose_name_plural = "case facets"
        constraints = [
            models.UniqueConstraint(fields=["session", "kind", "value"], name="case_facet_once")
        ]
        indexes = [
            models.Index(fields=["organisation", "kind", "value"], name="casefacet_org_kind_value"),
        ]

    def __str__(self):
        return f"{self.session_id} {self.kind}={self.value}"


# --- building the rows -------------------------------------------------------------------


def clean(text):
    return (text or "").replace(MARK_START, "").replace(MARK_END, "").replace("\x00", "")


def join(*parts):
    return clean("\n".join(p for p in parts if p))


def weighing_of(n_b, n_g, n_s):
    total = n_b + n_g + n_s
    if not total:
        return CaseIndex.Weighing.NONE
    for code, n in (("B", n_b), ("G", n_g), ("S", n_s)):
        if 2 * n > total:
            return code
    return CaseIndex.Weighing.MIXED


def decision_text(data):
    dilemma, decision = data.get("dilemma", {}), data.get("decision", {})
    chosen = decision.get("chosen_option", "")
    if chosen == "X":
        return f"X: {dilemma.get('option_x', '')}"
    if chosen == "Y":
        return f"Y: {dilemma.get('option_y', '')}"
    return decision.get("third_way", "")


def build(version, annotation=None, theme_ids=(), theme_names=(), measures=(), today=None):
    """The CaseIndex row and CaseFacet rows of one record version (not saved)."""
    data = version.data
    session = data.get("session", {})
    dilemma = data.get("dilemma", {})
    decision = data.get("decision", {})
    arguments = data.get("arguments", [])
    control = data.get("control_question", {})
    counts = {c: sum(a.get("category") == c for a in arguments) for c in "BGS"}
    principles = {p for a in arguments for p in a.get("principles", [])}
    principles |= {
        t["code"]
        for t in decision.get("principle_tests", [])
        if t.get("verdict") in PRINCIPLE_TESTS_AT_STAKE
    }
    core_values = {v for a in arguments for v in a.get("core_values", [])}
    tension = {
        j["code"]
        for j in decision.get("r_judgements", [])
        if j.get("assessment") == "onder_spanning"
    }
    units = {p.get("unit", "") for p in session.get("participants", [])} - {""}
    statuses = [m.status for m in measures]
    open_due = [m.due_date for m in measures if m.status in OPEN_MEASURES and m.due_date]
    if not statuses:
        compensation = CaseIndex.Compensation.NONE
    elif any(s in OPEN_MEASURES for s in statuses):
        compensation = CaseIndex.Compensation.OPEN
    else:
        compensation = CaseIndex.Compensation.DONE
    answers = control.get("answers", 0)
    negative = control.get("negative", 0)
    decided_on = date.fromisoformat(session.get("date") or version.finalised_at.date().isoformat())
    text_c = join(
        decision.get("reasoning", ""),
        decision.get("g_over_b_justification", ""),
        *(a.get("text", "") for a in arguments),
        *(s.get("name", "") + " " + s.get("interests", "") for s in data.get("stakeholders", [])),
        *(f.get("text", "") for f in data.get("facts", {}).get("facts", [])),
        *(m.get("action", "") for m in data.get("compensation", {}).get("measures", [])),
        *sorted(core_values),
        *sorted(units),
        *theme_names,
        annotation.lessons if annotation is not None else "",
    )
    row = CaseIndex(
        session_id=version.session_id,
        organisation_id=None,  # set by the caller, which knows the session
        version_id=version.pk,
        title=clean(session.get("title", ""))[:200],
        text_b=join(
            dilemma.get("problem", ""),
            dilemma.get("option_x", ""),
            dilemma.get("option_y", ""),
            decision.get("third_way", ""),
        ),
        text_c=text_c,
        decision=clean(decision_text(data)),
        decided_on=decided_on,
        year=decided_on.year,
        finalised_at=version.finalised_at,
        chosen_option=decision.get("chosen_option", "") or "",
        n_b=counts["B"],
        n_g=counts["G"],
        n_s=counts["S"],
        weighing=weighing_of(counts["B"], counts["G"], counts["S"]),
        answers=answers,
        negative=negative,
        control=(
            CaseIndex.Control.NONE
            if not answers
            else CaseIndex.Control.NEGATIVE
            if negative
            else CaseIndex.Control.POSITIVE
        ),
        tegenspraak=bool(data.get("objections")),
        compensation=compensation,
        compensation_due=min(open_due) if open_due else None,
        leading=bool(annotation is not None and annotation.leading),
    )
    facets = [
        *((FacetKind.UNIT, u) for u in units),
        *((FacetKind.PRINCIPLE, p) for p in principles),
        *((FacetKind.CORE_VALUE, v) for v in core_values),
        *((FacetKind.R_TENSION, r) for r in tension),
        *((FacetKind.THEME, str(t)) for t in theme_ids),
    ]
    return row, [(kind, value[:120]) for kind, value in facets]


def current_versions():
    """Record versions that no later version supersedes."""
    from .models import RecordVersion

    return RecordVersion.objects.annotate(
        is_superseded=Exists(RecordVersion.objects.filter(supersedes=OuterRef("pk")))
    ).filter(is_superseded=False)


def _rows(versions):
    """Index rows for a batch of current versions, with a fixed number of queries."""
    from .models import CaseAnnotation

    session_ids = [v.session_id for v in versions]
    organisations = dict(
        Session.objects.filter(pk__in=session_ids).values_list("pk", "organisation_id")
    )
    annotations = {
        a.session_id: a
        for a in CaseAnnotation.objects.filter(session_id__in=session_ids).prefetch_related(
            "themes"
        )
    }
    measures = {}
    for m in CompensationMeasure.objects.filter(session_id__in=session_ids).only(
        "session_id", "status", "due_date"
    ):
        measures.setdefault(m.session_id, []).append(m)
    rows, facets = [], []
    for version in versions:
        annotation = annotations.get(version.session_id)
        themes = list(annotation.themes.all()) if annotation is not None else []
        row, pairs = build(
            version,
            annotation,
            theme_ids=[t.pk for t in themes],
            theme_names=[t.name for t in themes],
            measures=measures.get(version.session_id, []),
        )
        row.organisation_id = organisations[version.session_id]
        rows.append(row)
        facets += [(row.session_id, row.organisation_id, kind, value) for kind, value in pairs]
    return rows, facets


def update_case(session_id):
    """Bring the index entry of one session up to date (or remove it: no record)."""
    version = current_versions().filter(session_id=session_id).order_by("-number").first()
    with transaction.atomic():
        CaseFacet.objects.filter(session_id=session_id).delete()
        CaseIndex.objects.filter(session_id=session_id).delete()
        if version is None:
            return None
        rows, facets = _rows([version])
        rows[0].save(force_insert=True)
        insert_facets(facets)
    return rows[0]


def reindex(organisation_id=None, batch_size=1000):
    """Rebuild the index of one organisation (or of all); returns the number of cases."""
    versions = (
        current_versions()
        .order_by("session_id")
        .only("pk", "session_id", "canonical_json", "finalised_at")
    )
    if organisation_id is not None:
        versions = versions.filter(session__organisation_id=organisation_id)
    done = 0
    with transaction.atomic():
        stale_index = CaseIndex.objects.all()
        stale_facets = CaseFacet.objects.all()
        if organisation_id is not None:
            stale_index = stale_index.filter(organisation_id=organisation_id)
            stale_facets = stale_facets.filter(organisation_id=organisation_id)
        stale_facets.delete()
        stale_index.delete()
        batch = []
        for version in versions.iterator(chunk_size=batch_size):
            batch.append(version)
            if len(batch) >= batch_size:
                done += _store(batch)
                batch = []
        if batch:
            done += _store(batch)
    return done


def _store(versions):
    rows, facets = _rows(versions)
    bulk_insert(CaseIndex, rows)
    insert_facets(facets)
    return len(rows)


def insert_facets(facets):
    """Facet rows given as (session_id, organisation_id, kind, value) tuples."""
    columns = ["session_id", "organisation_id", "kind", "value"]
    if not copy_tuples(CaseFacet._meta.db_table, columns, facets):
        CaseFacet.objects.bulk_create(
            [CaseFacet(**dict(zip(columns, row, strict=True))) for row in facets],
            batch_size=2000,
        )


def copy_tuples(table, columns, rows):
    """COPY plain rows into a table on PostgreSQL; False elsewhere (the caller inserts)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return False
    if not rows:
        return True
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
    return True


def bulk_insert(model, objects, batch_size=1000):
    """Insert many rows fast, without signals: PostgreSQL's COPY (Django's bulk_create
    spends most of its time quoting arrays in Python there); bulk_create elsewhere.
    Objects keep no primary key they did not have."""
    from django.db import connection

    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and getattr(objects[0], f.attname) is None)
    ]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    statement = f"COPY {table} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields])


# --- receivers (connected in CasebookConfig.ready) ---------------------------------------
# They update the index at once, inside the transaction that made the change: if that
# transaction is rolled back, so is the index entry.


def indexed(session_id):
    return CaseIndex.objects.filter(session_id=session_id).exists()


def on_record_version(sender, instance, raw=False, **kwargs):
    if not raw:
        update_case(instance.session_id)


def on_case_change(sender, instance, raw=False, **kwargs):
    """An annotation or a compensation measure of an indexed case changed."""
    if not raw and indexed(instance.session_id):
        update_case(instance.session_id)


def on_themes_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from .models import CaseAnnotation

    if not reverse:
        on_case_change(sender, instance)
    elif action == "post_clear":
        reindex(instance.organisation_id)
    else:
        annotations = CaseAnnotation.objects.filter(pk__in=pk_set or [])
        for session_id in annotations.values_list("session_id", flat=True):
            if indexed(session_id):
                update_case(session_id)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import CaseAnnotation, RecordVersion

    post_save.connect(on_record_version, sender=RecordVersion, dispatch_uid="caseindex_version")
    post_save.connect(on_case_change, sender=CaseAnnotation, dispatch_uid="caseindex_annotation")
    post_delete.connect(
        on_case_change, sender=CaseAnnotation, dispatch_uid="caseindex_annotation_delete"
    )
    post_save.connect(on_case_change, sender=CompensationMeasure, dispatch_uid="caseindex_measure")
    post_delete.connect(
        on_case_change, sender=CompensationMeasure, dispatch_uid="caseindex_measure_delete"
    )
    m2m_changed.connect(
        on_themes_changed, sender=CaseAnnotation.themes.through, dispatch_uid="caseindex_themes"
    )
