"""Forms of the casebook search and of precedents at step 6."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Precedent
from .search import (
    COMPENSATION_VALUES,
    CONTROL_VALUES,
    MAX_QUERY_LENGTH,
    OPTION_VALUES,
    WEIGHING_VALUES,
    Criteria,
)


def choices(values):
    return [(v, v) for v in values]


class SearchForm(forms.Form):
    """The casebook's search: a text and facets (GET). Unknown facet values are an error
    (the view answers 400 with the message); free values (units, core values) are only
    limited in length, as an unknown one simply matches nothing."""

    q = forms.CharField(
        label=_("Search in the casebook"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use at most %(limit_value)d characters to search.")},
    )
    jaar = forms.TypedMultipleChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        choices=[(str(y), str(y)) for y in range(1990, 2101)],
    )
    optie = forms.MultipleChoiceField(
        label=_("Option chosen"), required=False, choices=choices(OPTION_VALUES)
    )
    weging = forms.MultipleChoiceField(
        label=_("Most arguments"), required=False, choices=choices(WEIGHING_VALUES)
    )
    controle = forms.MultipleChoiceField(
        label=_("Control question"), required=False, choices=choices(CONTROL_VALUES)
    )
    compensatie = forms.MultipleChoiceField(
        label=_("Compensation"), required=False, choices=choices(COMPENSATION_VALUES)
    )
    tegenspraak = forms.MultipleChoiceField(
        label=_("Tegenspraak (objections)"), required=False, choices=choices(["ja", "nee"])
    )
    leidend = forms.BooleanField(label=_("Only leading cases"), required=False)
    eenheid = forms.MultipleChoiceField(label=_("Organisation unit"), required=False)
    beginsel = forms.MultipleChoiceField(label=_("Principles"), required=False)
    kernwaarde = forms.MultipleChoiceField(label=_("Core values"), required=False)
    r = forms.MultipleChoiceField(label=_("R under tension"), required=False)
    thema = forms.MultipleChoiceField(label=_("Themes"), required=False)
    pagina = forms.IntegerField(required=False, min_value=1, max_value=100000)

    def __init__(self, data, *, principles, r_criteria, themes):
        super().__init__(data)
        self.fields["beginsel"].choices = [(p.code, p.name) for p in principles]
        self.fields["r"].choices = [(r.code, r.name) for r in r_criteria]
        self.fields["thema"].choices = [(str(t.pk), t.name) for t in themes]
        # Free values: any short text is valid; it simply matches nothing when unknown.
        for name in ("eenheid", "kernwaarde"):
            self.fields[name].valid_value = lambda value: len(value) <= 120

    def criteria(self):
        data = self.cleaned_data
        return Criteria(
            q=" ".join(data["q"].split()),
            years=data["jaar"],
            scalar={name: data[name] for name in ("optie", "weging", "controle", "compensatie")},
            multi={
                name: data[name] for name in ("eenheid", "beginsel", "kernwaarde", "r", "thema")
            },
            tegenspraak=data["tegenspraak"],
            leading=data["leidend"],
        )


class PrecedentForm(forms.ModelForm):
    """Following or deliberately deviating from an earlier decision, with a reason."""

    earlier = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Precedent
        fields = ["stance", "reason"]
        widgets = {
            "stance": forms.RadioSelect,
            "reason": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"reason": _("Reason")}

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["reason"].required = True
        self.fields["reason"].max_length = 5000
        self.fields["stance"].choices = Precedent.Stance.choices
        self.earlier_case = None

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason."))
        return reason

    def clean_earlier(self):
        from .index import CaseIndex

        pk = self.cleaned_data["earlier"]
        case = (
            CaseIndex.objects.filter(organisation_id=self.session.organisation_id, pk=pk)
            .exclude(pk=self.session.pk)
            .only("pk", "title")
            .first()
        )
        if case is None:
            raise forms.ValidationError(_("Choose a finalised decision of your own organisation."))
        if Precedent.objects.filter(session=self.session, earlier_id=pk).exists():
            raise forms.ValidationError(_("This precedent has been recorded already."))
        self.earlier_case = case
        return pk
