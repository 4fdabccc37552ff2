"""Finding cases: the casebook search, the case page, and precedents at step 6.

Every member sees the casebook of their own organisation (``see_casebook``): the finalised
records, never another organisation's, not in results, counts or related cases. The link
to the full record page shows only where the member may view the session itself.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from deliberation.access import get_session_for_user
from deliberation.models import Session
from principles import audit
from principles.models import Principle, RCriterion, membership_of
from principles.permissions import Action, may

from . import search
from .casebook_forms import PrecedentForm, SearchForm
from .index import CaseFacet, CaseIndex, FacetKind
from .models import CaseAnnotation, CaseLink, Precedent, Theme

# --- access --------------------------------------------------------------------------------


def casebook_membership(user, refusal, obj=None):
    """The membership of a user who may see the casebook; refused (recorded) otherwise."""
    membership = membership_of(user)
    if membership is None:
        audit.refuse(refusal, obj)
    if not may(user, Action.SEE_CASEBOOK):
        audit.refuse(refusal, obj, status=403)
    return membership


def get_case_for_user(user, pk):
    """A finalised case of the user's own organisation; 404 (recorded) for anything else."""
    membership = casebook_membership(user, "case.view")
    case = (
        CaseIndex.objects.filter(organisation_id=membership.organisation_id, pk=pk)
        .select_related("session", "version", "session__organisation")
        .first()
    )
    if case is None:
        hidden = Session.objects.filter(pk=pk).only("id", "organisation_id").first()
        audit.refuse("case.view", hidden)
    return case


# --- the search page -----------------------------------------------------------------------


def facet_options(form, results, membership, principles, r_criteria, themes):
    """Every facet as (name, legend, [(value, label, count, checked)]), for the template."""
    data = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else {}

    def selected(name):
        return {str(v) for v in data.get(name, []) or []}

    def entry(name, legend, values):
        chosen = selected(name)
        options = [(str(v), label, n, str(v) in chosen) for v, label, n in values]
        # Keep chosen values visible even when they count 0 now.
        return (name, legend, [o for o in options if o[2] or o[3]])

    counts = results.counts
    fc = results.facet_counts
    labels = {
        "optie": [("X", _("Option X")), ("Y", _("Option Y")), ("derde", _("A third way"))],
        "weging": [
            ("B", _("Mostly B: principles, rights, core values")),
            ("G", _("Mostly G: consequences")),
            ("S", _("Mostly S: excuses")),
            ("mixed", _("No majority")),
            ("none", _("No arguments")),
        ],
        "controle": [
            ("positive", _("All answers positive")),
            ("negative", _("Some answers negative")),
            ("none", _("Not answered")),
        ],
        "compensatie": [
            ("none", _("No measures")),
            ("done", _("All measures done")),
            ("open", _("Measures open")),
            ("overdue", _("Measures overdue")),
        ],
        "tegenspraak": [("ja", _("With tegenspraak")), ("nee", _("Without tegenspraak"))],
    }
    principle_names = {p.code: f"{p.number}. {p.name}" for p in principles}
    r_names = {r.code: r.name for r in r_criteria}
    theme_names = {str(t.pk): t.name for t in themes}

    def multi(kind, names=None):
        values = fc.get(kind, {})
        items = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(v, (names or {}).get(v, v), n) for v, n in items if names is None or v in names]

    def with_selected(name, kind, names=None):
        rows = multi(kind, names)
        present = {v for v, _label, _n in rows}
        rows += [
            (v, (names or {}).get(v, v), 0) for v in sorted(selected(name)) if v not in present
        ]
        return rows

    return [
        entry(
            "jaar",
            _("Year"),
            [(y, str(y), n) for y, n in sorted(results.years.items(), reverse=True)],
        ),
        entry("eenheid", _("Organisation unit"), with_selected("eenheid", FacetKind.UNIT)),
        entry(
            "beginsel",
            _("Principles"),
            with_selected("beginsel", FacetKind.PRINCIPLE, principle_names),
        ),
        entry("kernwaarde", _("Core values"), with_selected("kernwaarde", FacetKind.CORE_VALUE)),
        entry("r", _("R under tension"), with_selected("r", FacetKind.R_TENSION, r_names)),
        entry(
            "optie",
            _("Option chosen"),
            [(v, label, counts.get(f"optie:{v}", 0)) for v, label in labels["optie"]],
        ),
        entry(
            "weging",
            _("Weighing of the arguments"),
            [(v, label, counts.get(f"weging:{v}", 0)) for v, label in labels["weging"]],
        ),
        entry(
            "controle",
            _("Control question"),
            [(v, label, counts.get(f"controle:{v}", 0)) for v, label in labels["controle"]],
        ),
        entry(
            "tegenspraak",
            _("Tegenspraak (objections)"),
            [(v, label, counts.get(f"tegenspraak:{v}", 0)) for v, label in labels["tegenspraak"]],
        ),
        entry(
            "compensatie",
            _("Compensation"),
            [(v, label, counts.get(f"compensatie:{v}", 0)) for v, label in labels["compensatie"]],
        ),
        entry("thema", _("Themes"), with_selected("thema", FacetKind.THEME, theme_names)),
    ]


@require_GET
@login_required
def casebook(request):
    membership = casebook_membership(request.user, "casebook.view")
    principles = list(Principle.objects.all())
    r_criteria = list(RCriterion.objects.all())
    themes = list(Theme.objects.filter(organisation_id=membership.organisation_id))
    form = SearchForm(request.GET, principles=principles, r_criteria=r_criteria, themes=themes)
    status = 200
    if form.is_valid():
        criteria = form.criteria()
        results = search.search(
            membership.organisation_id, criteria, page=form.cleaned_data["pagina"] or 1
        )
    else:
        criteria = search.Criteria()
        results = search.Results([], 0, {}, {}, {}, 1, 1, False)
        # A search text that is too long or holds a NUL byte is a message, not an error;
        # a facet value we do not know is a malformed request (400).
        if set(form.errors) - {"q"}:
            status = 400
    audit.record(
        "casebook.view",
        organisation_id=membership.organisation_id,
        detail={"searched": bool(criteria.q), "page": results.page},
    )
    context = {
        "form": form,
        "criteria": criteria,
        "results": results,
        "facets": facet_options(form, results, membership, principles, r_criteria, themes)
        if form.is_valid()
        else [],
        "leading_count": results.counts.get("leidend:ja", 0),
        "query_string": page_query(request),
        "candidates": search.CANDIDATES,
    }
    template = "casebook/casebook.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return TemplateResponse(request, template, context, status=status)


def page_query(request):
    """The current query string without the page number, for the page links."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


# --- the case page -------------------------------------------------------------------------


@require_GET
@login_required
def case(request, pk):
    case = get_case_for_user(request.user, pk)
    session = case.session
    data = case.version.data
    annotation = CaseAnnotation.objects.filter(session=session).prefetch_related("themes").first()
    organisation_id = case.organisation_id
    links_out = list(
        CaseLink.objects.filter(
            source=session, target__organisation_id=organisation_id
        ).select_related("target")
    )
    links_in = list(
        CaseLink.objects.filter(
            target=session, source__organisation_id=organisation_id
        ).select_related("source")
    )
    principles = {p.code: p for p in Principle.objects.all()}
    r_names = {r.code: r.name for r in RCriterion.objects.all()}
    facets = {}
    for kind, value in CaseFacet.objects.filter(session=session).values_list("kind", "value"):
        facets.setdefault(kind, []).append(value)
    arguments = data.get("arguments", [])
    decisive = [a for a in arguments if a.get("decisive")]
    for argument in decisive:
        argument["principle_names"] = [
            principles[c].name for c in argument.get("principles", []) if c in principles
        ]
    audit.record("case.view", session)
    context = {
        "case": case,
        "session": session,
        "data": data,
        "decisive": decisive,
        "principles": [
            principles[c] for c in sorted(facets.get(FacetKind.PRINCIPLE, [])) if c in principles
        ],
        "core_values": sorted(facets.get(FacetKind.CORE_VALUE, [])),
        "r_tension": [r_names.get(c, c) for c in sorted(facets.get(FacetKind.R_TENSION, []))],
        "units": sorted(facets.get(FacetKind.UNIT, [])),
        "annotation": annotation,
        "links_out": links_out,
        "links_in": links_in,
        "related": search.related_to_case(case),
        "may_view_record": may(request.user, Action.VIEW_SESSION, session),
        "may_annotate": may(request.user, Action.ANNOTATE),
    }
    return TemplateResponse(request, "casebook/case.html", context)


# --- precedents at step 6 -------------------------------------------------------------------


def step_6_response(request, session, status=200, **overrides):
    """Step 6 again: with htmx only its precedents region, otherwise the whole page."""
    from deliberation.views import StepData, render_step

    data = StepData(request, session, 6)
    fragment = "#precedents" if request.htmx else ""
    return render_step(request, data, fragment, status=status, **overrides)


@require_POST
@login_required
def precedent_add(request, pk):
    session = get_session_for_user(request.user, pk, write=True)
    form = PrecedentForm(request.POST, session=session)
    if not form.is_valid():
        return step_6_response(
            request,
            session,
            status=422,
            precedent_form=form,
            precedent_form_for=request.POST.get("earlier", ""),
        )
    try:
        with transaction.atomic():
            precedent = Precedent.objects.create(
                session=session,
                earlier_id=form.cleaned_data["earlier"],
                stance=form.cleaned_data["stance"],
                reason=form.cleaned_data["reason"],
                created_by=request.user,
            )
            audit.record(
                "precedent.create",
                precedent,
                detail={"earlier": precedent.earlier_id, "stance": precedent.stance},
            )
    except IntegrityError:
        form.add_error(None, _("This precedent has been recorded already."))
        return step_6_response(request, session, status=422, precedent_form=form)
    if request.htmx:
        return step_6_response(request, session)
    messages.success(request, _("The precedent has been recorded."))
    return redirect("step", pk=session.pk, number=6)


@require_POST
@login_required
def precedent_delete(request, pk, precedent_pk):
    session = get_session_for_user(request.user, pk, write=True)
    try:
        precedent = Precedent.objects.get(session=session, pk=precedent_pk)
    except Precedent.DoesNotExist:
        other = Precedent.objects.filter(pk=precedent_pk).first()
        if other is not None:
            audit.refuse("precedent.delete", other)
        raise Http404 from None
    with transaction.atomic():
        audit.record("precedent.delete", precedent, detail={"earlier": precedent.earlier_id})
        precedent.delete()
    if request.htmx:
        return step_6_response(request, session)
    messages.success(request, _("The precedent has been removed."))
    return redirect("step", pk=session.pk, number=6)
