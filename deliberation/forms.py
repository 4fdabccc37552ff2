"""Every input of a session goes through one of these forms."""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from principles.models import CoreValue, Principle, RCriterion

from .models import (
    ApplicableRule,
    Argument,
    Category,
    CompensationMeasure,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    Session,
    Side,
    Stakeholder,
)


class VersionedForm(forms.Form):
    """Carries the version the user started from, so a concurrent save can be detected."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class VersionedModelForm(forms.ModelForm):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput, required=False)


def org_members(organisation):
    return (
        get_user_model()
        .objects.filter(membership__organisation=organisation, is_active=True)
        .order_by("first_name", "last_name", "username")
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class KeysChoiceField(forms.ModelMultipleChoiceField):
    """Several objects chosen by primary key; a key out of the database's range is refused.

    Django looks the posted keys up with ``pk__in``, which (unlike ``pk=``) does not guard
    against integers the database cannot hold: SQLite raises OverflowError beyond 64 bits.
    Such a key can never be one of the choices, so it gets the usual "not a valid choice".
    """

    def _check_values(self, value):
        for key in value:
            try:
                number = int(str(key))
            except ValueError:
                continue  # Django itself reports it as not a valid value
            if not -(2**63) <= number < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super()._check_values(value)


class MembersChoiceField(KeysChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class SessionForm(forms.ModelForm):
    facilitator = MemberChoiceField(queryset=None, label=_("Facilitator (gespreksleider)"))
    participants = MembersChoiceField(
        queryset=None,
        label=_("Participants"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues of your organisation who take part. You always take part."),
    )

    class Meta:
        model = Session
        fields = ["title", "date", "mode", "facilitator", "participants"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
        }
        help_texts = {
            "title": _("A short name for the dilemma, for example: Windmills near the dyke."),
        }

    def __init__(self, *args, organisation, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        members = org_members(organisation)
        self.fields["facilitator"].queryset = members
        self.fields["participants"].queryset = members
        if not self.instance.pk and not self.initial.get("facilitator"):
            self.initial["facilitator"] = user.pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == Session.Mode.INDIVIDUAL:
            cleaned["facilitator"] = (
                self.user if not self.instance.pk else self.instance.facilitator
            )
            cleaned["participants"] = [cleaned["facilitator"]]
        return cleaned

    def save(self, commit=True):
        session = super().save(commit=False)
        session.facilitator = self.cleaned_data["facilitator"]
        if commit:
            session.save()
            people = {*self.cleaned_data["participants"], session.facilitator, session.created_by}
            session.participants.set(people)
        return session


class ProblemForm(VersionedForm):
    problem_statement = forms.CharField(
        label=_("Problem statement"),
        help_text=_("Which question, doubt or dilemma do you want to look into?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    option_x = forms.CharField(
        label=_("Option X"),
        help_text=_("Write it as an action, for example: Grant the permit."),
        max_length=500,
        required=False,
    )
    option_y = forms.CharField(
        label=_("Option Y"),
        help_text=_("The other good action, for example: Refuse the permit."),
        max_length=500,
        required=False,
    )
    signals = forms.MultipleChoiceField(
        label=_("Signals of a dilemma"),
        choices=Session.Signal.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    clear_legal_rule = forms.ChoiceField(
        label=_("Is there a clear legal rule that commands or forbids this?"),
        choices=[("", _("Not answered yet")), *Session.YesNo.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    legal_rule_note = forms.CharField(
        label=_("Which rule, or why there is none"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )

    fields_on_session = [
        "problem_statement",
        "option_x",
        "option_y",
        "signals",
        "clear_legal_rule",
        "legal_rule_note",
    ]

    def clean(self):
        cleaned = super().clean()
        x, y = cleaned.get("option_x", "").strip(), cleaned.get("option_y", "").strip()
        if x and y and x.casefold() == y.casefold():
            self.add_error(
                "option_y",
                _(
                    "Option Y is the same as option X. A dilemma is a choice between two "
                    "different actions."
                ),
            )
        return cleaned


class StakeholderReasonForm(VersionedForm):
    no_citizens_reason = forms.CharField(
        label=_("Why are citizens not stakeholders here?"),
        help_text=_("Citizens are always stakeholders. Add them above, or explain here why not."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    fields_on_session = ["no_citizens_reason"]


class OwnerForm(VersionedForm):
    owner_name = forms.CharField(
        label=_("Who decides?"),
        help_text=_("A person or a role, for example: the alderman for spatial planning."),
        max_length=200,
        required=False,
    )
    group_owns_problem = forms.ChoiceField(
        label=_("Is this group the owner of the problem?"),
        choices=[("", _("Not answered yet")), *Session.YesNo.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    referred_to = forms.CharField(
        label=_("If not: to whom does the problem go?"),
        max_length=200,
        required=False,
    )
    owner_note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    fields_on_session = ["owner_name", "group_owns_problem", "referred_to", "owner_note"]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("group_owns_problem") == Session.YesNo.NO
            and not cleaned.get("referred_to", "").strip()
        ):
            self.add_error(
                "referred_to",
                _(
                    "The group does not own this problem. Write down to whom it goes, so it is "
                    "not passed on or shelved."
                ),
            )
        return cleaned


class FactsJudgementForm(VersionedForm):
    facts_sufficient = forms.ChoiceField(
        label=_("Are the facts sufficiently known?"),
        choices=[("", _("Not answered yet")), *Session.Sufficiency.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    facts_note = forms.CharField(
        label=_("Note on the facts"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    fields_on_session = ["facts_sufficient", "facts_note"]


class CompensationNoteForm(VersionedForm):
    compensation_note = forms.CharField(
        label=_("General note on compensation"),
        help_text=_("If no compensation is possible or needed, explain why."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    fields_on_session = ["compensation_note"]


class ArgumentChoiceField(KeysChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.side} · {obj.category} · {obj.text}"


class DecisionForm(VersionedForm):
    chosen_option = forms.ChoiceField(
        label=_("Which option do you choose?"),
        choices=[("", _("Not decided yet")), *Session.Option.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    third_way = forms.CharField(
        label=_("Describe the third way"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    decisive = ArgumentChoiceField(
        queryset=Argument.objects.none(),
        label=_("Decisive arguments"),
        help_text=_(
            "Which arguments weigh heaviest? Rule of thumb: principles (B) go before "
            "consequences (G). An excuse (S) never decides."
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reasoning = forms.CharField(
        label=_("Why do these arguments weigh heaviest?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    g_over_b_justification = forms.CharField(
        label=_("Why does a consequence (G) weigh heavier than a principle (B) here?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )
    fields_on_session = ["chosen_option", "third_way", "reasoning", "g_over_b_justification"]

    def __init__(self, *args, session, arguments, principles, r_criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.arguments = list(arguments)
        self.principles = list(principles)
        self.r_criteria = list(r_criteria)
        self.fields["decisive"].queryset = Argument.objects.filter(session=session)
        # Use the arguments already loaded for the choices: no query per render.
        self.fields["decisive"].choices = [
            (a.pk, f"{a.side} · {a.category} · {a.text}") for a in self.arguments
        ]
        for criterion in self.r_criteria:
            self.add_judgement(
                "r", criterion, criterion.name, _("Not judged yet"), RJudgement.Assessment
            )
        for principle in self.principles:
            self.add_judgement(
                "p",
                principle,
                f"{principle.number}. {principle.name}",
                _("Not tested yet"),
                PrincipleTest.Verdict,
            )

    def add_judgement(self, prefix, item, label, unanswered, choices):
        """A judgement on one R or one principle: a radio group and a note."""
        self.fields[f"{prefix}_{item.code}"] = forms.ChoiceField(
            label=label,
            help_text=item.statement,
            choices=[("", unanswered), *choices.choices],
            widget=forms.RadioSelect,
            required=False,
        )
        self.fields[f"{prefix}_{item.code}_note"] = forms.CharField(
            label=_("Note on %(name)s") % {"name": item.name},
            widget=forms.Textarea(attrs={"rows": 2}),
            max_length=settings.TEXT_MAX_LENGTH,
            required=False,
        )

    def r_fields(self):
        return [(self[f"r_{c.code}"], self[f"r_{c.code}_note"]) for c in self.r_criteria]

    def principle_fields(self):
        return [(self[f"p_{p.code}"], self[f"p_{p.code}_note"]) for p in self.principles]

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("chosen_option")
        decisive = list(cleaned.get("decisive") or [])
        if chosen == Session.Option.THIRD and not cleaned.get("third_way", "").strip():
            self.add_error("third_way", _("Describe the third way you choose."))
        excuses = [a for a in decisive if a.category == Category.EXCUSE]
        if excuses:
            self.add_error(
                "decisive",
                _(
                    "An excuse (S) can never be decisive: excuses are fallacies or ways to dodge "
                    "responsibility. Untick “%(text)s” and choose a principle (B) or a "
                    "consequence (G)."
                )
                % {"text": excuses[0].text[:80]},
            )
        if chosen in (Side.X, Side.Y):
            wrong_side = [a for a in decisive if a.side != chosen]
            if wrong_side:
                self.add_error(
                    "decisive",
                    _(
                        "A decisive argument must support the option you chose. “%(text)s” "
                        "argues for the other option."
                    )
                    % {"text": wrong_side[0].text[:80]},
                )
        if decisive and not chosen:
            self.add_error(
                "chosen_option", _("Choose an option before you pick decisive arguments.")
            )
        other_sides = {Side.X, Side.Y} - ({chosen} if chosen in (Side.X, Side.Y) else set())
        decisive_g = any(a.category == Category.CONSEQUENCE for a in decisive)
        opposing_b = [
            a
            for a in self.arguments
            if a.category == Category.PRINCIPLE and a.side in other_sides and a not in decisive
        ]
        if decisive_g and opposing_b and not cleaned.get("g_over_b_justification", "").strip():
            self.add_error(
                "g_over_b_justification",
                _(
                    "Rule of thumb: principles (B) go before consequences (G). A consequence is "
                    "decisive, while a principle supports the other side (“%(text)s”). Explain "
                    "why the consequence weighs heavier here."
                )
                % {"text": opposing_b[0].text[:80]},
            )
        return cleaned


class StakeholderForm(VersionedModelForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "kind", "rights", "interests", "expectations"]
        widgets = {
            "rights": forms.Textarea(attrs={"rows": 2}),
            "interests": forms.Textarea(attrs={"rows": 2}),
            "expectations": forms.Textarea(attrs={"rows": 2}),
        }


RULES_ARE_RULES = re.compile(
    r"^\W*(de\s+)?regels?\W*(zijn|is)\W*(de\s+)?regels?\W*$|"
    r"^\W*rules?\W*(are|is)\W*rules?\W*$",
    re.IGNORECASE,
)


class RuleForm(VersionedModelForm):
    class Meta:
        model = ApplicableRule
        fields = ["title", "verdict", "assessment"]
        widgets = {
            "verdict": forms.RadioSelect,
            "assessment": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "assessment": _(
                "Given this situation, is applying it morally right? "
                "“Rules are rules” is not an answer."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdict"].choices = ApplicableRule.Verdict.choices

    def clean_assessment(self):
        text = self.cleaned_data["assessment"].strip()
        if not text:
            raise forms.ValidationError(
                _("Explain whether applying this rule here is morally right, and why.")
            )
        if RULES_ARE_RULES.match(text):
            raise forms.ValidationError(
                _(
                    "“Rules are rules” is not an answer. Explain why applying this rule is right "
                    "or not right in this situation."
                )
            )
        return text


class FactForm(VersionedModelForm):
    class Meta:
        model = Fact
        fields = ["text", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write down the fact."))
        return text


class InformationNeedForm(VersionedModelForm):
    class Meta:
        model = InformationNeed
        fields = ["question", "assignee", "status", "answer"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "answer": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_question(self):
        text = self.cleaned_data["question"].strip()
        if not text:
            raise forms.ValidationError(_("Write down what you still need to know."))
        return text


class SessionItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class ArgumentForm(VersionedModelForm):
    class Meta:
        model = Argument
        fields = [
            "side",
            "text",
            "category",
            "principles",
            "r_criteria",
            "core_values",
            "stakeholder",
        ]
        widgets = {
            "side": forms.RadioSelect,
            "category": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 2}),
            "principles": forms.CheckboxSelectMultiple,
            "r_criteria": forms.CheckboxSelectMultiple,
            "core_values": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "principles": KeysChoiceField,
            "r_criteria": KeysChoiceField,
            "core_values": KeysChoiceField,
        }
        labels = {
            "principles": _("Principles of the Code it invokes"),
            "r_criteria": _("R's it invokes"),
            "core_values": _("Core values it invokes"),
        }

    def __init__(self, *args, session, principles, r_criteria, core_values, stakeholders, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices come from lists the page loaded once: no query per form.
        self.fields["principles"].queryset = Principle.objects.all()
        self.fields["principles"].choices = [(p.pk, f"{p.number}. {p.name}") for p in principles]
        self.fields["r_criteria"].queryset = RCriterion.objects.all()
        self.fields["r_criteria"].choices = [(r.pk, r.name) for r in r_criteria]
        self.fields["core_values"].queryset = CoreValue.objects.filter(
            organisation_id=session.organisation_id
        )
        self.fields["core_values"].choices = [(c.pk, c.name) for c in core_values]
        self.fields["stakeholder"].queryset = Stakeholder.objects.filter(session=session)
        self.fields["stakeholder"].choices = [("", "—")] + [(s.pk, s.name) for s in stakeholders]
        self.fields["side"].choices = Side.choices
        self.fields["category"].choices = Category.choices

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write down the argument."))
        return text

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.decisive:
            if cleaned.get("category") == Category.EXCUSE:
                self.add_error(
                    "category",
                    _(
                        "This argument is decisive in step 6, and an excuse (S) can never be "
                        "decisive. First untick it as decisive in step 6."
                    ),
                )
            if cleaned.get("side") and cleaned["side"] != self.instance.side:
                self.add_error(
                    "side",
                    _(
                        "This argument is decisive in step 6. First untick it there before you "
                        "move it to the other side."
                    ),
                )
        if cleaned.get("category") != Category.PRINCIPLE:
            # Only a principle invokes principles, R's and core values.
            for name in ("principles", "r_criteria", "core_values"):
                if cleaned.get(name):
                    cleaned[name] = []
        return cleaned


class MeasureForm(VersionedModelForm):
    class Meta:
        model = CompensationMeasure
        fields = ["stakeholder", "action", "owner", "due_date", "status"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 2}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, session, stakeholders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder"].queryset = Stakeholder.objects.filter(session=session)
        self.fields["stakeholder"].choices = [("", "—")] + [(s.pk, s.name) for s in stakeholders]

    def clean_action(self):
        text = self.cleaned_data["action"].strip()
        if not text:
            raise forms.ValidationError(_("Write down what is done to compensate."))
        return text


class ControlAnswerForm(forms.ModelForm):
    class Meta:
        model = ControlAnswer
        fields = ["situation", "stance", "comment"]
        widgets = {
            "situation": forms.RadioSelect,
            "stance": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty "---------" option.
        self.fields["situation"].choices = ControlAnswer.Situation.choices
        self.fields["stance"].choices = ControlAnswer.Stance.choices


class ObjectionForm(forms.ModelForm):
    anonymous = forms.BooleanField(
        label=_("Record without my name"),
        required=False,
    )

    class Meta:
        model = Objection
        fields = ["step", "text"]
        widgets = {"step": forms.HiddenInput, "text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your objection")}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write down your objection."))
        return text


class HandlingForm(forms.ModelForm):
    class Meta:
        model = Objection
        fields = ["handling", "handling_reason"]
        widgets = {
            "handling": forms.RadioSelect,
            "handling_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handling"].choices = [
            c for c in Objection.Handling.choices if c[0] != Objection.Handling.OPEN
        ]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("handling") == Objection.Handling.SET_ASIDE
            and not cleaned.get("handling_reason", "").strip()
        ):
            self.add_error(
                "handling_reason",
                _("An objection that is set aside needs a reason. Write down why."),
            )
        return cleaned


class CloseForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusion"),
        help_text=_("Which rule decides this case, and what follows from it?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])
