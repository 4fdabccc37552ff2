"""Precedents at step 6: the most similar earlier decisions of the organisation, and what
the group records about them (rechtsgelijkheid: deciding like cases alike)."""

from deliberation.models import Argument

from . import search
from .casebook_forms import PrecedentForm
from .index import FacetKind
from .models import Precedent


def session_facets(session):
    """The principles and core values the session's arguments invoke (one query)."""
    facets = set()
    rows = Argument.objects.filter(session=session).values_list(
        "principles__code", "core_values__name"
    )
    for principle, value in rows:
        if principle:
            facets.add((FacetKind.PRINCIPLE, principle))
        if value:
            facets.add((FacetKind.CORE_VALUE, value))
    return sorted(facets)


def step_context(session, can_edit, limit=5):
    """What step 6 shows of precedents: those recorded, and the similar earlier cases."""
    recorded = list(
        Precedent.objects.filter(session=session).select_related("earlier", "created_by")
    )
    text = " ".join([session.title, session.problem_statement, session.option_x, session.option_y])
    similar = search.similar(
        session.organisation_id, text, session_facets(session), session.pk, limit
    )
    cited = {p.earlier_id for p in recorded}
    for case in similar:
        case.cited = case.pk in cited
    return {
        "precedents": recorded,
        "similar_cases": similar,
        "precedent_stances": Precedent.Stance.choices,
        "precedent_form": PrecedentForm(session=session) if can_edit else None,
    }
