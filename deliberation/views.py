"""Views of the dilemma session: thin, function-based, one access helper.

Every page works without JavaScript; with htmx the same view answers a fragment
(an inline partial of the page's template) instead of the whole page.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, Value, When
from django.http import Http404, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from principles import audit, permissions
from principles.models import Principle, RCriterion, membership_of

from . import forms
from .access import get_item_for_session, get_session_for_user, require
from .models import (
    ApplicableRule,
    Argument,
    Category,
    CompensationMeasure,
    ControlAnswer,
    Draft,
    Fact,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    RoomAnswered,
    Session,
    Side,
    Stakeholder,
    Step,
)

# --- the home page and the session itself ------------------------------------


def require_membership(request):
    membership = membership_of(request.user)
    if membership is None:
        raise Http404
    return membership


@require_GET
@login_required
def home(request):
    membership = membership_of(request.user)
    sessions = []
    if membership is not None:
        sessions = list(
            Session.objects.visible_to(request.user)
            .select_related("facilitator")
            .annotate(n_arguments=Count("arguments"))
            .order_by("-updated_at")
        )
    groups = [
        (status, label, [s for s in sessions if s.status == status])
        for status, label in Session.Status.choices
    ]
    return TemplateResponse(
        request, "deliberation/home.html", {"groups": groups, "has_sessions": bool(sessions)}
    )


@require_http_methods(["GET", "POST"])
@login_required
def session_create(request):
    membership = require_membership(request)
    if not permissions.may(request.user, permissions.Action.CREATE_SESSION):
        audit.refuse("session.create", status=403)
    form = forms.SessionForm(
        request.POST if request.method == "POST" else None,
        organisation=membership.organisation,
        user=request.user,
        instance=Session(organisation=membership.organisation, created_by=request.user),
    )
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                session = form.save()
                audit.record("session.create", session)
            messages.success(request, _("The session has been created. Start with step 1."))
            return redirect("step", pk=session.pk, number=1)
        return TemplateResponse(
            request, "deliberation/session_form.html", {"form": form}, status=422
        )
    return TemplateResponse(request, "deliberation/session_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def session_edit(request, pk):
    session = get_session_for_user(request.user, pk, write=True)
    require(session.can_lead(request.user), "session.edit_details", session)
    form = forms.SessionForm(
        request.POST if request.method == "POST" else None,
        organisation=session.organisation,
        user=request.user,
        instance=session,
        initial={"participants": list(session.participants.values_list("pk", flat=True))},
    )
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                form.save()
                audit.record("session.edit_details", session)
            messages.success(request, _("The session details have been saved."))
            return redirect("session", pk=session.pk)
        return TemplateResponse(
            request,
            "deliberation/session_form.html",
            {"form": form, "session": session},
            status=422,
        )
    return TemplateResponse(
        request, "deliberation/session_form.html", {"form": form, "session": session}
    )


@require_GET
@login_required
def session_overview(request, pk):
    session = get_session_for_user(request.user, pk)
    arguments = list(
        Argument.objects.filter(session=session)
        .prefetch_related("principles", "r_criteria", "core_values")
        .select_related("stakeholder")
    )
    context = {
        "session": session,
        "steps": session.steps(),
        "stakeholders": Stakeholder.objects.filter(session=session),
        "rules": ApplicableRule.objects.filter(session=session),
        "facts": Fact.objects.filter(session=session),
        "needs": InformationNeed.objects.filter(session=session),
        "argument_rows": argument_rows(arguments),
        "decisive": [a for a in arguments if a.decisive],
        "r_judgements": RJudgement.objects.filter(session=session).select_related("criterion"),
        "principle_tests": PrincipleTest.objects.filter(session=session).select_related(
            "principle"
        ),
        "measures": CompensationMeasure.objects.filter(session=session).select_related(
            "stakeholder"
        ),
        "control": control_summary(session),
        "objections": Objection.objects.filter(session=session).select_related(
            "author", "handled_by"
        ),
        "participants": session.participants.order_by("first_name", "last_name"),
        "can_edit": session.can_edit(request.user),
        "can_lead": session.can_lead(request.user),
        "can_finalise": session.can_finalise(request.user),
        "can_see_audit": session.can_see_audit(request.user),
        "has_record": session.record_versions.exists(),
    }
    return TemplateResponse(request, "deliberation/session.html", context)


# --- the step pages ------------------------------------------------------------

MAIN_FORMS = {
    1: forms.ProblemForm,
    2: forms.StakeholderReasonForm,
    3: forms.OwnerForm,
    4: forms.FactsJudgementForm,
    6: forms.DecisionForm,
    7: forms.CompensationNoteForm,
}


@dataclass(frozen=True)
class ItemKind:
    """One kind of item a step collects; the generic item views serve all of them."""

    slug: str
    model: type
    form: type
    step: int

    @property
    def row_template(self):
        return f"deliberation/items/{self.slug}.html"


ITEM_KINDS = {
    kind.slug: kind
    for kind in [
        ItemKind("stakeholders", Stakeholder, forms.StakeholderForm, 2),
        ItemKind("rules", ApplicableRule, forms.RuleForm, 4),
        ItemKind("facts", Fact, forms.FactForm, 4),
        ItemKind("needs", InformationNeed, forms.InformationNeedForm, 4),
        ItemKind("arguments", Argument, forms.ArgumentForm, 5),
        ItemKind("measures", CompensationMeasure, forms.MeasureForm, 7),
    ]
}
STEP_KINDS = {step: [k for k in ITEM_KINDS.values() if k.step == step] for step in range(1, 9)}

DRAFT_KEYS = {f"step-{n}" for n in MAIN_FORMS} | {f"add-{slug}" for slug in ITEM_KINDS}


def argument_rows(arguments):
    """The guide's table: row i holds the i-th argument for X beside the i-th for Y."""
    xs = [a for a in arguments if a.side == Side.X]
    ys = [a for a in arguments if a.side == Side.Y]
    length = max(len(xs), len(ys))
    xs += [None] * (length - len(xs))
    ys += [None] * (length - len(ys))
    return list(zip(xs, ys, strict=True))


def control_summary(session):
    answers = list(ControlAnswer.objects.filter(session=session))
    return {
        "answers": answers,
        "count": len(answers),
        "situation": [
            (label, sum(a.situation == value for a in answers))
            for value, label in ControlAnswer.Situation.choices
        ],
        "stance": [
            (label, sum(a.stance == value for a in answers))
            for value, label in ControlAnswer.Stance.choices
        ],
        "comments": [a.comment for a in answers if a.comment],
        "negative": sum(a.is_negative for a in answers),
    }


class StepData:
    """What a step page shows, loaded once per request with a fixed number of queries."""

    def __init__(self, request, session, number):
        self.request = request
        self.session = session
        self.number = number
        self.drafts = {
            d.form_key: d for d in Draft.objects.filter(session=session, user=request.user)
        }
        self._cache = {}

    def cached(self, key, loader):
        if key not in self._cache:
            self._cache[key] = loader()
        return self._cache[key]

    @property
    def principles(self):
        return self.cached("principles", lambda: list(Principle.objects.all()))

    @property
    def r_criteria(self):
        return self.cached("r_criteria", lambda: list(RCriterion.objects.all()))

    @property
    def core_values(self):
        return self.cached("core_values", lambda: list(self.session.organisation.core_values.all()))

    @property
    def stakeholders(self):
        return self.cached(
            "stakeholders", lambda: list(Stakeholder.objects.filter(session=self.session))
        )

    @property
    def arguments(self):
        return self.cached(
            "arguments",
            lambda: list(
                Argument.objects.filter(session=self.session)
                .select_related("stakeholder")
                .prefetch_related("principles", "r_criteria", "core_values")
            ),
        )

    def items(self, kind):
        if kind.slug == "stakeholders":
            return self.stakeholders
        if kind.slug == "arguments":
            return self.arguments
        if kind.slug == "measures":
            return self.cached(
                "measures",
                lambda: list(
                    CompensationMeasure.objects.filter(session=self.session).select_related(
                        "stakeholder"
                    )
                ),
            )
        return self.cached(kind.slug, lambda: list(kind.model.objects.filter(session=self.session)))

    def item_form(self, kind, data=None, instance=None, prefix=None):
        kwargs = {"data": data, "instance": instance, "prefix": prefix}
        if kind.slug == "arguments":
            kwargs.update(
                session=self.session,
                principles=self.principles,
                r_criteria=self.r_criteria,
                core_values=self.core_values,
                stakeholders=self.stakeholders,
            )
        elif kind.slug == "measures":
            kwargs.update(session=self.session, stakeholders=self.stakeholders)
        form = kind.form(**kwargs)
        if instance is not None and instance.pk and data is None:
            form.initial["version"] = instance.version
        return form

    def add_form(self, kind, data=None):
        form = self.item_form(kind, data=data, prefix=f"add-{kind.slug}")
        if data is None:
            restore_draft(form, self.drafts.get(f"add-{kind.slug}"))
        return form

    def main_form(self, data=None):
        form_class = MAIN_FORMS.get(self.number)
        if form_class is None:
            return None
        session = self.session
        kwargs = {"data": data, "prefix": "main"}
        if self.number == 6:
            kwargs.update(
                session=session,
                arguments=self.arguments,
                principles=self.principles,
                r_criteria=self.r_criteria,
            )
        form = form_class(**kwargs)
        if data is None:
            initial = {name: getattr(session, name) for name in form_class.fields_on_session}
            initial["version"] = getattr(session, f"version_{self.number}")
            if self.number == 6:
                initial.update(decision_initial(session, self.arguments))
            form.initial.update(initial)
            restore_draft(form, self.drafts.get(f"step-{self.number}"))
        return form

    def objections(self, can_lead, bound_form=None):
        objections = list(
            Objection.objects.filter(session=self.session, step=self.number).select_related(
                "author", "handled_by"
            )
        )
        for objection in objections:
            objection.handling_form = None
            if can_lead:
                if bound_form is not None and bound_form.instance.pk == objection.pk:
                    objection.handling_form = bound_form
                else:
                    objection.handling_form = forms.HandlingForm(
                        instance=objection, prefix=f"handle-{objection.pk}"
                    )
        return objections

    def context(self, **overrides):
        session = self.session
        user = self.request.user
        can_edit = session.can_edit(user)
        can_lead = session.can_lead(user)
        context = {
            "session": session,
            "steps": session.steps(),
            "step": self.number,
            "question": Step(self.number).label,
            "can_edit": can_edit,
            "can_lead": can_lead,
            "objections": self.objections(can_lead, overrides.pop("handling_form", None)),
            "objection_form": forms.ObjectionForm(
                initial={"step": self.number}, prefix="objection"
            ),
            "drafts": self.drafts,
            "previous_step": self.number - 1 if self.number > 1 else None,
            "next_step": self.number + 1 if self.number < 8 else None,
        }
        if self.number in MAIN_FORMS and "main_form" not in overrides:
            context["main_form"] = self.main_form()
        for kind in STEP_KINDS[self.number]:
            context[kind.slug] = {
                "kind": kind,
                "items": self.items(kind),
                "add_form": self.add_form(kind),
                "edit_form": None,
                "editing": None,
                "conflict": None,
            }
        if self.number in (5, 6):
            args = self.arguments
            context["argument_rows"] = argument_rows(args)
            context["one_sided"] = bool(args) and len({a.side for a in args}) == 1
            context["counts"] = {c: sum(a.category == c for a in args) for c in Category.values}
        if self.number == 2:
            context["has_citizens"] = session.has_citizens
        if self.number == 8:
            context["control"] = control_summary(session)
        if self.number == 6:
            # Precedents (casebook/precedents.py): similar earlier decisions of the organisation.
            from casebook.precedents import step_context

            context.update(step_context(session, can_edit))
        context.update(overrides)
        return context


def decision_initial(session, arguments):
    initial = {"decisive": [a.pk for a in arguments if a.decisive]}
    for judgement in RJudgement.objects.filter(session=session).select_related("criterion"):
        initial[f"r_{judgement.criterion.code}"] = judgement.assessment
        initial[f"r_{judgement.criterion.code}_note"] = judgement.note
    for test in PrincipleTest.objects.filter(session=session).select_related("principle"):
        initial[f"p_{test.principle.code}"] = test.verdict
        initial[f"p_{test.principle.code}_note"] = test.note
    return initial


def restore_draft(form, draft):
    """Put back what the user typed but did not save, as the form's initial values."""
    if draft is None:
        return
    data = QueryDict(mutable=True)
    for key, values in draft.data.items():
        data.setlist(key, values)
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if key in data:
            form.initial[name] = field.widget.value_from_datadict(data, {}, key)
    form.restored_draft = draft


def render_step(request, data, template_suffix="", status=200, **overrides):
    context = data.context(**overrides)
    template = f"deliberation/step_{data.number}.html{template_suffix}"
    response = TemplateResponse(request, template, context, status=status)
    if template_suffix and request.htmx:
        # The stepper shows which steps are complete: refresh it along with the fragment.
        response.render()
        response.content += render_to_string(
            "deliberation/step_base.html#stepper", {**context, "oob": True}, request=request
        ).encode()
    return response


def valid_step(number):
    if not 1 <= number <= 8:
        raise Http404
    return number


@require_http_methods(["GET", "POST"])
@login_required
def step(request, pk, number):
    valid_step(number)
    if number == 8:
        return redirect("control", pk=pk)
    session = get_session_for_user(request.user, pk, write=request.method == "POST")
    data = StepData(request, session, number)
    if request.method == "GET":
        return render_step(request, data)
    if number not in MAIN_FORMS:
        return HttpResponseBadRequest(_("This step has no form to save."))

    form = data.main_form(request.POST)
    fragment = "#main_form" if request.htmx else ""
    if not form.is_valid():
        return render_step(request, data, fragment, status=422, main_form=form)
    with transaction.atomic():
        if not session.bump_version(number, form.cleaned_data["version"]):
            current = Session.objects.get(pk=session.pk)
            conflict_data = request.POST.copy()
            conflict_data[form.add_prefix("version")] = getattr(current, f"version_{number}")
            retry = data.main_form(conflict_data)
            retry.is_valid()
            return render_step(
                request,
                data,
                fragment,
                status=409,
                main_form=retry,
                conflict=[
                    (retry[name].label, getattr(current, name)) for name in retry.fields_on_session
                ],
            )
        save_main_form(session, number, form, data)
        Draft.objects.filter(session=session, user=request.user, form_key=f"step-{number}").delete()
        audit.record("step.save", session, detail={"step": number})
    if request.htmx:
        session = get_session_for_user(request.user, pk)
        data = StepData(request, session, number)
        return render_step(request, data, fragment, saved=True)
    messages.success(request, _("Step %(number)s has been saved.") % {"number": number})
    return redirect("step", pk=pk, number=number)


def save_main_form(session, number, form, data):
    cleaned = form.cleaned_data
    for name in form.fields_on_session:
        setattr(session, name, cleaned[name])
    session.save(update_fields=[*form.fields_on_session, "updated_at"])
    session.touch()
    if number != 6:
        return
    decisive = [a.pk for a in cleaned["decisive"]]
    Argument.objects.filter(session=session).update(
        decisive=Case(When(pk__in=decisive, then=Value(True)), default=Value(False))
    )
    for criterion in data.r_criteria:
        assessment = cleaned[f"r_{criterion.code}"]
        if assessment:
            RJudgement.objects.update_or_create(
                session=session,
                criterion=criterion,
                defaults={"assessment": assessment, "note": cleaned[f"r_{criterion.code}_note"]},
            )
        else:
            RJudgement.objects.filter(session=session, criterion=criterion).delete()
    for principle in data.principles:
        verdict = cleaned[f"p_{principle.code}"]
        if verdict:
            PrincipleTest.objects.update_or_create(
                session=session,
                principle=principle,
                defaults={"verdict": verdict, "note": cleaned[f"p_{principle.code}_note"]},
            )
        else:
            PrincipleTest.objects.filter(session=session, principle=principle).delete()
    session.record_decision_status()


# --- items: stakeholders, rules, facts, information needs, arguments, measures ---


def get_kind(slug):
    try:
        return ITEM_KINDS[slug]
    except KeyError:
        raise Http404 from None


def item_response(request, data, kind, status=200, **region):
    """The step page, or with htmx only the item's region of it."""
    context_region = {
        "kind": kind,
        "items": data.items(kind),
        "add_form": region.pop("add_form", None) or data.add_form(kind),
        "edit_form": None,
        "editing": None,
        "conflict": None,
        **region,
    }
    fragment = f"#{kind.slug}" if request.htmx else ""
    return render_step(request, data, fragment, status=status, **{kind.slug: context_region})


def item_changed(request, pk, kind, message):
    """After a change: the refreshed region for htmx, otherwise back to the step page."""
    if request.htmx:
        session = get_session_for_user(request.user, pk)
        return item_response(request, StepData(request, session, kind.step), kind)
    messages.success(request, message)
    return redirect(reverse("step", args=[pk, kind.step]) + f"#{kind.slug}")


def after_item_change(session, kind):
    session.touch()
    if kind.slug == "arguments" and session.status == Session.Status.DECIDED:
        session.record_decision_status()


@require_POST
@login_required
def item_add(request, pk, kind):
    kind = get_kind(kind)
    session = get_session_for_user(request.user, pk, write=True)
    data = StepData(request, session, kind.step)
    form = data.item_form(kind, data=request.POST, prefix=f"add-{kind.slug}")
    if not form.is_valid():
        return item_response(request, data, kind, status=422, add_form=form)
    with transaction.atomic():
        item = form.save(commit=False)
        item.session = session
        filters = {"side": item.side} if kind.slug == "arguments" else {}
        item.position = kind.model.next_position(session, **filters)
        item.save()
        form.save_m2m()
        Draft.objects.filter(
            session=session, user=request.user, form_key=f"add-{kind.slug}"
        ).delete()
        after_item_change(session, kind)
        audit.record("item.create", item, detail={"kind": kind.slug})
    return item_changed(request, pk, kind, _("Added."))


@require_http_methods(["GET", "POST"])
@login_required
def item_edit(request, pk, kind, item_pk):
    kind = get_kind(kind)
    session = get_session_for_user(request.user, pk, write=True)
    item = get_item_for_session(kind.model, session, item_pk)
    data = StepData(request, session, kind.step)
    prefix = f"edit-{kind.slug}-{item.pk}"
    if request.method == "GET":
        form = data.item_form(kind, instance=item, prefix=prefix)
        return item_response(request, data, kind, edit_form=form, editing=item.pk)

    form = data.item_form(kind, data=request.POST, instance=item, prefix=prefix)
    if not form.is_valid():
        return item_response(request, data, kind, status=422, edit_form=form, editing=item.pk)
    expected = form.cleaned_data.get("version")
    if expected is None:
        form.add_error(None, _("This form is incomplete. Reload the page and try again."))
        return item_response(request, data, kind, status=400, edit_form=form, editing=item.pk)
    with transaction.atomic():
        fields = [name for name in form.Meta.fields if not is_m2m(kind.model, name)]
        item = form.save(commit=False)
        if not item.save_if_unchanged(expected, fields):
            current = kind.model.objects.get(pk=item.pk)
            retry_data = request.POST.copy()
            retry_data[form.add_prefix("version")] = current.version
            # The retry form gets its own copy: validating a model form writes the
            # typed values onto its instance, and ``current`` must show what is saved.
            retry = data.item_form(
                kind, data=retry_data, instance=kind.model.objects.get(pk=item.pk), prefix=prefix
            )
            retry.is_valid()
            return item_response(
                request,
                data,
                kind,
                status=409,
                edit_form=retry,
                editing=item.pk,
                conflict=current,
            )
        form.save_m2m()
        after_item_change(session, kind)
        audit.record("item.edit", item, detail={"kind": kind.slug, "version": item.version})
    return item_changed(request, pk, kind, _("Saved."))


def is_m2m(model, name):
    return any(f.name == name for f in model._meta.many_to_many)


@require_POST
@login_required
def item_delete(request, pk, kind, item_pk):
    kind = get_kind(kind)
    session = get_session_for_user(request.user, pk, write=True)
    item = get_item_for_session(kind.model, session, item_pk)
    with transaction.atomic():
        audit.record("item.delete", item, detail={"kind": kind.slug})
        item.delete()
        after_item_change(session, kind)
    return item_changed(request, pk, kind, _("Deleted."))


@require_POST
@login_required
def item_move(request, pk, kind, item_pk):
    kind = get_kind(kind)
    session = get_session_for_user(request.user, pk, write=True)
    item = get_item_for_session(kind.model, session, item_pk)
    form = forms.MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose to move up or down."))
    with transaction.atomic():
        siblings = kind.model.objects.filter(session=session)
        if kind.slug == "arguments":
            siblings = siblings.filter(side=item.side)
        ordered = list(siblings.order_by("position", "id").select_for_update())
        index = next(i for i, s in enumerate(ordered) if s.pk == item.pk)
        other = index - 1 if form.cleaned_data["direction"] == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
            for position, sibling in enumerate(ordered, start=1):
                if sibling.position != position:
                    kind.model.objects.filter(pk=sibling.pk).update(position=position)
        direction = form.cleaned_data["direction"]
        audit.record("item.move", item, detail={"kind": kind.slug, "direction": direction})
    return item_changed(request, pk, kind, _("Moved."))


# --- closing a case that is not a dilemma -----------------------------------------


@require_POST
@login_required
def session_close(request, pk):
    session = get_session_for_user(request.user, pk, write=True)
    if session.clear_legal_rule != Session.YesNo.YES:
        messages.error(
            request,
            _(
                "Only a case with a clear legal rule can be closed as “not a dilemma”. Answer "
                "the question about the legal rule with yes first."
            ),
        )
        return redirect("step", pk=pk, number=1)
    form = forms.CloseForm(request.POST, prefix="close")
    if not form.is_valid():
        data = StepData(request, session, 1)
        return render_step(request, data, status=422, close_form=form)
    with transaction.atomic():
        session.close_as_not_a_dilemma(form.cleaned_data["conclusion"])
        audit.record("session.close", session)
    messages.success(
        request, _("The session is closed: this is a right-or-wrong case, not a dilemma.")
    )
    return redirect("session", pk=pk)


@require_POST
@login_required
def session_reopen(request, pk):
    session = get_session_for_user(request.user, pk)
    require(session.can_lead(request.user), "session.reopen", session)
    if not session.is_closed:
        raise Http404
    with transaction.atomic():
        session.reopen()
        audit.record("session.reopen", session)
    messages.success(request, _("The session is open again."))
    return redirect("step", pk=pk, number=1)


# --- the control question ------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def control(request, pk):
    session = get_session_for_user(request.user, pk, write=request.method == "POST")
    data = StepData(request, session, 8)
    takes_part = session.user_takes_part or session.facilitator_id == request.user.pk
    answer = ControlAnswer.objects.filter(session=session, participant=request.user).first()
    # Answered in meeting-room mode without a name: the marker says that, never which answer
    # (docs/meeting-room.md). One more query, only for someone without a named answer.
    anonymous = (
        answer is None and RoomAnswered.objects.filter(session=session, user=request.user).exists()
    )
    if request.method == "POST":
        require(takes_part, "control.answer", session)
        if anonymous:
            return answered_anonymously(request, data, takes_part)
        form = forms.ControlAnswerForm(request.POST, instance=answer, prefix="control")
        if not form.is_valid():
            return render_step(
                request,
                data,
                status=422,
                control_form=form,
                my_answer=answer,
                takes_part=takes_part,
            )
        with transaction.atomic():
            if answer is None:
                # A first answer takes the person's marker, as the room does: whoever comes
                # second (here or in the room, at the same moment) is refused.
                try:
                    with transaction.atomic():
                        RoomAnswered.objects.create(session=session, user=request.user)
                except IntegrityError:
                    transaction.set_rollback(True)
                    return answered_anonymously(request, data, takes_part)
            answer = form.save(commit=False)
            answer.session = session
            answer.participant = request.user
            answer.save()
            audit.record("control.answer", answer)
        messages.success(request, _("Thank you, your answer has been saved."))
        return redirect("control", pk=pk)
    form = forms.ControlAnswerForm(instance=answer, prefix="control")
    return render_step(
        request,
        data,
        control_form=form,
        my_answer=answer,
        takes_part=takes_part,
        answered_anonymously=anonymous,
    )


def answered_anonymously(request, data, takes_part):
    """Refuse a second answer from someone who answered without a name; nothing is saved."""
    messages.error(
        request,
        _(
            "You already answered the control question anonymously in the room. "
            "Your answer counts; you cannot give a second one."
        ),
    )
    return render_step(
        request,
        data,
        status=409,
        control_form=None,
        my_answer=None,
        takes_part=takes_part,
        answered_anonymously=True,
    )


# --- tegenspraak -----------------------------------------------------------------------


@require_POST
@login_required
def objection_add(request, pk):
    session = get_session_for_user(request.user, pk, write=True)
    form = forms.ObjectionForm(request.POST, prefix="objection")
    if not form.is_valid():
        number = form.cleaned_data.get("step") or 1
        data = StepData(request, session, number)
        return render_step(request, data, status=422, objection_form=form)
    objection = form.save(commit=False)
    objection.session = session
    objection.author = None if form.cleaned_data["anonymous"] else request.user
    with transaction.atomic():
        objection.save()
        # An anonymous objection stays anonymous in the trail too: no actor.
        audit.record(
            "objection.create",
            objection,
            actor=None if objection.author is None else request.user,
            anonymous=objection.author is None,
        )
    messages.success(
        request,
        _("Your objection has been recorded. The facilitator records what is done with it."),
    )
    number = objection.step
    if number == 8:
        return redirect(reverse("control", args=[pk]) + "#tegenspraak")
    return redirect(reverse("step", args=[pk, number]) + "#tegenspraak")


@require_POST
@login_required
def objection_handle(request, pk, objection_pk):
    session = get_session_for_user(request.user, pk, write=True)
    require(session.can_lead(request.user), "objection.handle", session)
    objection = get_item_for_session(Objection, session, objection_pk)
    form = forms.HandlingForm(request.POST, instance=objection, prefix=f"handle-{objection.pk}")
    if not form.is_valid():
        data = StepData(request, session, objection.step)
        return render_step(request, data, status=422, handling_form=form)
    with transaction.atomic():
        objection.record_handling(
            form.cleaned_data["handling"], form.cleaned_data["handling_reason"], request.user
        )
        audit.record("objection.handle", objection, detail={"handling": objection.handling})
    messages.success(request, _("What was done with the objection has been recorded."))
    if objection.step == 8:
        return redirect(reverse("control", args=[pk]) + "#tegenspraak")
    return redirect(reverse("step", args=[pk, objection.step]) + "#tegenspraak")


# --- drafts: nothing typed is lost ----------------------------------------------------


@require_POST
@login_required
def draft_save(request, pk, form_key):
    if form_key not in DRAFT_KEYS:
        raise Http404
    session = get_session_for_user(request.user, pk, write=True)
    values = {
        key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"
    }
    if sum(len(v) for vs in values.values() for v in vs) > 20 * 5000:
        return HttpResponseBadRequest(_("This draft is too long to keep."))
    if any("\x00" in key or any("\x00" in v for v in vs) for key, vs in values.items()):
        # PostgreSQL cannot store a NUL character in JSON.
        return HttpResponseBadRequest(_("This draft contains a character that cannot be kept."))
    with transaction.atomic():
        Draft.objects.update_or_create(
            session=session, user=request.user, form_key=form_key, defaults={"data": values}
        )
        audit.record("draft.save", session, detail={"form": form_key})
    return HttpResponse(status=204)


@require_POST
@login_required
def draft_discard(request, pk, form_key):
    if form_key not in DRAFT_KEYS:
        raise Http404
    session = get_session_for_user(request.user, pk)
    with transaction.atomic():
        deleted, _counts = Draft.objects.filter(
            session=session, user=request.user, form_key=form_key
        ).delete()
        if deleted:
            audit.record("draft.discard", session, detail={"form": form_key})
    number = (
        int(form_key.split("-")[1])
        if form_key.startswith("step-")
        else (ITEM_KINDS[form_key.removeprefix("add-")].step)
    )
    return redirect("step", pk=pk, number=number)
