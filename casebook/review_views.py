"""Reviewing cases (annotations, links) and sharing them anonymised (issue 4).

A *case* is a session of the organisation with at least one finalised record version. The
integriteitscoördinator reviews it (action ``annotate``) and shares it beyond the
organisation (action ``share``) only as the anonymised version they approved in a preview,
with the problem owner's consent. Other organisations read ``CaseShare.anonymised`` and
nothing else: the shared views never touch the session's fields or its record versions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from deliberation.models import Session
from principles import audit
from principles.models import membership_of
from principles.permissions import may

from . import anonymise
from .models import CaseAnnotation, CaseLink, CaseShare, RecordVersion, Theme
from .review_forms import (
    AnnotationForm,
    CaseSearchForm,
    LinkForm,
    ReplacementFormSet,
    SharedSearchForm,
    ShareForm,
)

SHARED_LEVELS = (CaseShare.Level.GOVERNMENT, CaseShare.Level.PUBLIC)
LINK_CHOICES_SHOWN = 50
PAGE_SIZE = 20


# --- access ------------------------------------------------------------------------------


def cases_of(organisation_id):
    """The finalised cases of one organisation."""
    return Session.objects.filter(organisation_id=organisation_id).filter(
        Exists(RecordVersion.objects.filter(session=OuterRef("pk")))
    )


def get_case_for_user(user, pk, action):
    """The case ``pk`` of the user's organisation if the user may do ``action`` on it.

    Another organisation's session, or one without a record, answers 404; a member whose
    role lacks the action gets 403. Each refusal of an existing session is audited once.
    """
    membership = membership_of(user)
    session = None
    if membership is not None:
        session = (
            cases_of(membership.organisation_id)
            .select_related("organisation")
            .filter(pk=pk)
            .first()
        )
    if session is None:
        hidden = Session.objects.filter(pk=pk).only("id", "organisation_id").first()
        if hidden is not None:
            audit.refuse(f"case.{action}", hidden)
        raise audit.NotFound
    if not may(user, action):
        audit.refuse(f"case.{action}", session, status=403)
    return session


def member_organisation(user, action="see_casebook"):
    """The organisation id of a member who may see the shared cases of others."""
    membership = membership_of(user)
    if membership is None:
        raise Http404
    if not may(user, action):
        audit.refuse("shared.view", status=403, organisation_id=membership.organisation_id)
    return membership.organisation_id


# --- reviewing ---------------------------------------------------------------------------


def link_candidates(session):
    """Every finalised case of the organisation (itself too, so the form can say why not)."""
    return cases_of(session.organisation_id).order_by("-date", "-pk")


def review_context(request, session, *, form=None, link_form=None):
    annotation = (
        CaseAnnotation.objects.filter(session=session)
        .select_related("updated_by")
        .prefetch_related("themes")
        .first()
    )
    if form is None:
        initial = {"version": 0}
        if annotation is not None:
            initial = {
                "lessons": annotation.lessons,
                "themes": list(annotation.themes.all()),
                "leading": annotation.leading,
                "review_date": annotation.review_date,
                "version": annotation.version,
            }
        form = AnnotationForm(initial=initial, organisation=session.organisation)
    search = CaseSearchForm(request.GET or None)
    candidates = link_candidates(session)
    shown = candidates.exclude(pk=session.pk)
    if search.is_bound and search.is_valid() and search.cleaned_data["zoek"]:
        shown = shown.filter(title__icontains=search.cleaned_data["zoek"])
    shown = list(shown.only("id", "title", "date")[:LINK_CHOICES_SHOWN])
    if link_form is None:
        link_form = LinkForm(session=session, candidates=candidates, shown=shown)
    else:
        link_form.fields["target"].choices = [("", "—")] + [
            (s.pk, link_form.fields["target"].label_from_instance(s)) for s in shown
        ]
    links_out = list(CaseLink.objects.filter(source=session).select_related("target"))
    links_in = list(CaseLink.objects.filter(target=session).select_related("source"))
    return {
        "session": session,
        "annotation": annotation,
        "form": form,
        "link_form": link_form,
        "search": search,
        "links_out": links_out,
        "links_in": links_in,
    }


@require_http_methods(["GET", "POST"])
@login_required
def case_review(request, pk):
    session = get_case_for_user(request.user, pk, "annotate")
    if request.method == "GET":
        return TemplateResponse(
            request, "casebook/review/review.html", review_context(request, session)
        )
    form = AnnotationForm(request.POST, organisation=session.organisation)
    if not form.is_valid():
        context = review_context(request, session, form=form)
        return TemplateResponse(request, "casebook/review/review.html", context, status=422)
    data = form.cleaned_data
    with transaction.atomic():
        annotation = CaseAnnotation.objects.select_for_update().filter(session=session).first()
        if annotation is None and data["version"] == 0:
            try:
                with transaction.atomic():
                    CaseAnnotation.objects.create(session=session)
            except IntegrityError:
                pass  # created by someone else at the same moment: the version check decides
            annotation = CaseAnnotation.objects.select_for_update().get(session=session)
        if annotation is None or annotation.version != data["version"]:
            conflict = True
        else:
            conflict = False
            themes = list(data["themes"])
            for name in data["new_themes"]:
                theme = Theme.objects.filter(
                    organisation=session.organisation, name__iexact=name
                ).first() or Theme.objects.create(organisation=session.organisation, name=name)
                if theme not in themes:
                    themes.append(theme)
            annotation.lessons = data["lessons"]
            annotation.leading = data["leading"]
            annotation.review_date = data["review_date"]
            annotation.updated_by = request.user
            annotation.version += 1
            annotation.save()
            annotation.themes.set(themes)
            audit.record(
                "case.annotate",
                annotation,
                detail={
                    "leading": annotation.leading,
                    "themes": sorted(t.name for t in themes),
                    "review_date": data["review_date"].isoformat() if data["review_date"] else None,
                    "version": annotation.version,
                },
            )
    if conflict:
        # Keep what this user typed; the version becomes the current one, so saving again
        # is a deliberate choice to replace the other change.
        post = request.POST.copy()
        post["version"] = str(annotation.version if annotation else 0)
        form = AnnotationForm(post, organisation=session.organisation)
        form.is_valid()
        context = review_context(request, session, form=form)
        context["conflict"] = True
        return TemplateResponse(request, "casebook/review/review.html", context, status=409)
    messages.success(request, _("The review of this case has been saved."))
    return redirect("case_review", pk=session.pk)


@require_POST
@login_required
def case_link_add(request, pk):
    session = get_case_for_user(request.user, pk, "annotate")
    link_form = LinkForm(request.POST, session=session, candidates=link_candidates(session))
    if not link_form.is_valid():
        context = review_context(request, session, link_form=link_form)
        return TemplateResponse(request, "casebook/review/review.html", context, status=422)
    data = link_form.cleaned_data
    try:
        with transaction.atomic():
            link = CaseLink.objects.create(
                source=session,
                target=data["target"],
                kind=data["kind"],
                note=data["note"],
                created_by=request.user,
            )
            audit.record(
                "case.link", link, detail={"target": data["target"].pk, "kind": data["kind"]}
            )
    except IntegrityError:
        link_form.add_error("target", _("This link already exists."))
        context = review_context(request, session, link_form=link_form)
        return TemplateResponse(request, "casebook/review/review.html", context, status=422)
    messages.success(request, _("The cases have been linked."))
    return redirect("case_review", pk=session.pk)


@require_POST
@login_required
def case_link_delete(request, pk, link_pk):
    session = get_case_for_user(request.user, pk, "annotate")
    link = CaseLink.objects.filter(Q(source=session) | Q(target=session), pk=link_pk).first()
    if link is None:
        other = CaseLink.objects.filter(pk=link_pk).select_related("source").first()
        audit.refuse("case.unlink", other.source if other else session)
    with transaction.atomic():
        audit.record(
            "case.unlink",
            session,
            detail={"link": link.pk, "source": link.source_id, "target": link.target_id},
        )
        link.delete()
    messages.success(request, _("The link has been removed."))
    return redirect("case_review", pk=session.pk)


# --- sharing -----------------------------------------------------------------------------


def shared_view_context(anonymised):
    """Labels for the anonymised record, made from the anonymised record only."""
    from .pdf import record_context
    from .records import canonical

    return record_context(anonymised, canonical(anonymised))


def share_rows(version, share, consent_by, keep_organisation_name, edited=None):
    proposals = anonymise.propose(
        version.data, consent_by=consent_by, keep_organisation_name=keep_organisation_name
    )
    earlier = edited if edited is not None else (share.replacements if share else [])
    return anonymise.merge(proposals, earlier)


def share_context(session, share, version, form, formset, **extra):
    return {
        "session": session,
        "share": share,
        "version": version,
        "outdated": share is not None
        and share.level != CaseShare.Level.ORGANISATION
        and share.version_id != version.pk,
        "form": form,
        "formset": formset,
        **extra,
    }


@require_http_methods(["GET", "POST"])
@login_required
def case_share(request, pk):
    session = get_case_for_user(request.user, pk, "share")
    share = CaseShare.objects.filter(session=session).select_related("version").first()
    version = anonymise.current_version(session)
    template = "casebook/review/share.html"
    if request.method == "GET":
        consent_by = share.consent_by if share else ""
        shared = share is not None and share.level != CaseShare.Level.ORGANISATION
        keep_name = shared and not any(r["source"] == "organisation" for r in share.replacements)
        form = ShareForm(
            initial={
                "level": share.level if share else CaseShare.Level.ORGANISATION,
                "consent_by": consent_by,
                "consent_on": share.consent_on if share else None,
                "revision": share.revision if share else 0,
                "keep_organisation_name": keep_name,
            }
        )
        rows = share_rows(version, share, consent_by, keep_name)
        formset = ReplacementFormSet(initial=rows, prefix="r")
        return TemplateResponse(
            request, template, share_context(session, share, version, form, formset)
        )

    form = ShareForm(request.POST)
    formset = ReplacementFormSet(request.POST, prefix="r")
    approve = request.POST.get("action") == "approve"
    if form.is_valid() and form.cleaned_data["level"] == CaseShare.Level.ORGANISATION:
        return withdraw_share(request, session, share)
    if not (form.is_valid() and formset.is_valid()):
        context = share_context(session, share, version, form, formset)
        return TemplateResponse(request, template, context, status=422)
    data = form.cleaned_data
    edited = [
        {**row, "source": row.get("source") or "own"}
        for row in formset.cleaned_data
        if row.get("original")
    ]
    rows = share_rows(version, share, data["consent_by"], data["keep_organisation_name"], edited)
    anonymised = anonymise.anonymise(
        version.data, rows, keep_organisation_name=data["keep_organisation_name"]
    )
    digest = anonymise.digest(anonymised)
    leftovers = anonymise.leftovers(anonymised, rows, sources=None)
    blocking = anonymise.leftovers(anonymised, rows)
    post = request.POST.copy()
    post["digest"] = digest
    form = ShareForm(post)
    form.is_valid()
    formset = ReplacementFormSet(initial=rows, prefix="r")
    context = share_context(
        session,
        share,
        version,
        form,
        formset,
        preview=shared_view_context(anonymised),
        leftovers=leftovers,
    )
    if not approve:
        return TemplateResponse(request, template, context)
    if blocking:
        context["error"] = _(
            "Names of participants are still in the anonymised version. Replace them first."
        )
        return TemplateResponse(request, template, context, status=422)
    if request.POST.get("digest") != digest:
        context["error"] = _(
            "The anonymised version is not the one you previewed. Check the preview below "
            "and approve it again."
        )
        return TemplateResponse(request, template, context, status=422)
    with transaction.atomic():
        current = CaseShare.objects.select_for_update().filter(session=session).first()
        if (current.revision if current else 0) != data["revision"]:
            context["error"] = _(
                "Someone else changed the sharing of this case meanwhile. Check the page again."
            )
            context["share"] = current
            return TemplateResponse(request, template, context, status=409)
        share = anonymise.share_case(
            session,
            by=request.user,
            level=data["level"],
            consent_by=" ".join(data["consent_by"].split()),
            consent_on=data["consent_on"],
            replacements=rows,
            version=version,
            keep_organisation_name=data["keep_organisation_name"],
        )
        audit.record(
            "case.share",
            session,
            detail={"level": share.level, "version": version.number, "revision": share.revision},
        )
    messages.success(request, _("The anonymised version has been approved and the case is shared."))
    return redirect("case_share", pk=session.pk)


def withdraw_share(request, session, share):
    if share is None or share.level == CaseShare.Level.ORGANISATION:
        messages.info(request, _("This case is shared within your organisation only."))
        return redirect("case_share", pk=session.pk)
    with transaction.atomic():
        share = anonymise.withdraw(session)
        audit.record("case.share_withdraw", session, detail={"revision": share.revision})
    messages.success(
        request,
        _(
            "Sharing has been withdrawn: only your organisation sees this case, and the "
            "anonymised version has been removed."
        ),
    )
    return redirect("case_share", pk=session.pk)


@require_POST
@login_required
def case_share_withdraw(request, pk):
    session = get_case_for_user(request.user, pk, "share")
    share = CaseShare.objects.filter(session=session).first()
    return withdraw_share(request, session, share)


# --- other organisations' shared cases ---------------------------------------------------


def shared_queryset(levels):
    # Only the anonymised copy is read: never the session's own fields.
    return (
        CaseShare.objects.filter(level__in=levels)
        .only("id", "level", "anonymised", "approved_at")
        .order_by("-approved_at", "-id")
    )


def filtered_page(request, queryset):
    search = SharedSearchForm(request.GET or None)
    if search.is_bound and not search.is_valid():
        return search, None
    q = search.cleaned_data.get("q", "") if search.is_bound else ""
    if q:
        queryset = queryset.filter(
            Q(anonymised__session__title__icontains=q)
            | Q(anonymised__dilemma__problem__icontains=q)
        )
    return search, Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))


@require_GET
@login_required
def shared_cases(request):
    organisation_id = member_organisation(request.user)
    queryset = shared_queryset(SHARED_LEVELS).exclude(session__organisation_id=organisation_id)
    search, page = filtered_page(request, queryset)
    if page is None:
        context = {"search": search, "page": None, "public": False}
        return TemplateResponse(request, "casebook/review/shared_list.html", context, status=400)
    audit.record("shared.view", organisation_id=organisation_id)
    return TemplateResponse(
        request,
        "casebook/review/shared_list.html",
        {"search": search, "page": page, "public": False},
    )


def get_shared(pk, levels, organisation_id=None):
    share = shared_queryset(levels).filter(pk=pk).first()
    if share is None:
        if organisation_id is not None and CaseShare.objects.filter(pk=pk).exists():
            audit.refuse("case.shared_view", organisation_id=organisation_id, detail={"share": pk})
        raise Http404
    return share


@require_GET
@login_required
def shared_case(request, pk):
    organisation_id = member_organisation(request.user)
    share = get_shared(pk, SHARED_LEVELS, organisation_id)
    # The viewer's own trail, without the case's session: nothing of the viewer reaches
    # the sharing organisation's trail.
    audit.record("case.shared_view", organisation_id=organisation_id, detail={"share": share.pk})
    return TemplateResponse(
        request,
        "casebook/review/shared_case.html",
        {"share": share, "case": shared_view_context(share.anonymised), "public": False},
    )


@require_GET
@login_required
def shared_case_pdf(request, pk):
    organisation_id = member_organisation(request.user)
    share = get_shared(pk, SHARED_LEVELS, organisation_id)
    from .shared_pdf import render_shared_pdf

    _html, pdf = render_shared_pdf(share, language=get_language() or "nl")
    audit.record(
        "case.shared_download", organisation_id=organisation_id, detail={"share": share.pk}
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    title = slugify(share.anonymised.get("session", {}).get("title", ""))[:80].strip("-")
    response["Content-Disposition"] = f'attachment; filename="casus-{share.pk}-{title}.pdf"'
    return response


# Public: no login, level openbaar only. Not audited (no actor; anyone could fill the
# trail); rate limiting is the reverse proxy's job (docs/casebook.md).


@require_GET
def public_cases(request):
    search, page = filtered_page(request, shared_queryset([CaseShare.Level.PUBLIC]))
    context = {"search": search, "page": page, "public": True}
    status = 400 if page is None else 200
    return TemplateResponse(request, "casebook/review/shared_list.html", context, status=status)


@require_GET
def public_case(request, pk):
    share = get_shared(pk, [CaseShare.Level.PUBLIC])
    return TemplateResponse(
        request,
        "casebook/review/shared_case.html",
        {"share": share, "case": shared_view_context(share.anonymised), "public": True},
    )
