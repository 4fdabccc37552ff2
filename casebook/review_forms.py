"""Forms of reviewing and sharing cases (casebook/review_views.py)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CaseLink, CaseShare, Theme

MAX_THEME_LENGTH = Theme._meta.get_field("name").max_length


class AnnotationForm(forms.Form):
    lessons = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What can colleagues learn from this case?"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_themes = forms.CharField(
        label=_("New themes"),
        required=False,
        max_length=500,
        help_text=_("Separate themes with commas, for example: gifts, side jobs."),
    )
    leading = forms.BooleanField(
        label=_("Leading case (leidende casus)"),
        required=False,
        help_text=_("A precedent colleagues should read."),
    )
    review_date = forms.DateField(
        label=_("Review date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("When to look at this case again."),
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(organisation=organisation)

    def clean_new_themes(self):
        names, seen = [], set()
        for raw in self.cleaned_data["new_themes"].split(","):
            name = " ".join(raw.split())
            if not name or name.casefold() in seen:
                continue
            if len(name) > MAX_THEME_LENGTH:
                raise forms.ValidationError(
                    _("A theme has at most %(max)s characters.") % {"max": MAX_THEME_LENGTH}
                )
            seen.add(name.casefold())
            names.append(name)
        return names


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label=_("This case"), choices=CaseLink.Kind.choices)
    target = forms.ModelChoiceField(
        label=_("Other case"),
        queryset=None,
        error_messages={
            "invalid_choice": _("Choose one of the finalised cases of your organisation."),
            "required": _("Choose the other case."),
        },
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, session, candidates, shown=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["target"].queryset = candidates
        self.fields["target"].label_from_instance = lambda s: f"{s.title} ({s.date:%d-%m-%Y})"
        if shown is not None:
            # Only a manageable list is offered; any finalised case of the organisation
            # is accepted (validation uses ``candidates``).
            self.fields["target"].choices = [("", "—")] + [
                (s.pk, self.fields["target"].label_from_instance(s)) for s in shown
            ]

    def clean(self):
        cleaned = super().clean()
        target, kind = cleaned.get("target"), cleaned.get("kind")
        if target is not None and target.pk == self.session.pk:
            self.add_error("target", _("A case cannot be linked to itself."))
        elif (
            target is not None
            and kind
            and CaseLink.objects.filter(source=self.session, target=target, kind=kind).exists()
        ):
            self.add_error("target", _("This link already exists."))
        return cleaned


class CaseSearchForm(forms.Form):
    """The title search that narrows the list of cases to link to."""

    zoek = forms.CharField(label=_("Find a case by its title"), required=False, max_length=200)

    def clean_zoek(self):
        return " ".join(self.cleaned_data["zoek"].replace("\x00", "").split())


class ShareForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Who may read this case?"),
        choices=CaseShare.Level.choices,
        widget=forms.RadioSelect,
    )
    consent_by = forms.CharField(
        label=_("Consent given by (the problem owner)"),
        required=False,
        max_length=CaseShare._meta.get_field("consent_by").max_length,
    )
    consent_on = forms.DateField(
        label=_("Consent given on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    keep_organisation_name = forms.BooleanField(
        label=_("Show the name of our organisation"),
        required=False,
        help_text=_("Otherwise other organisations only see its kind, such as “a municipality”."),
    )
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    digest = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") in (None, CaseShare.Level.ORGANISATION):
            return cleaned
        if not cleaned.get("consent_by", "").strip():
            self.add_error(
                "consent_by",
                _("Sharing beyond your organisation needs the problem owner's consent."),
            )
        consent_on = cleaned.get("consent_on")
        if consent_on is None and "consent_on" not in self.errors:
            self.add_error("consent_on", _("Give the date of the consent."))
        elif consent_on is not None and consent_on > timezone.localdate():
            self.add_error("consent_on", _("The consent cannot be given in the future."))
        return cleaned


class ReplacementForm(forms.Form):
    original = forms.CharField(label=_("Name or text"), required=False, max_length=200)
    replacement = forms.CharField(label=_("Replace by"), required=False, max_length=200)
    source = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        original = " ".join(cleaned.get("original", "").split())
        replacement = " ".join(cleaned.get("replacement", "").split())
        if original and not replacement:
            self.add_error("replacement", _("Give a replacement, for example a role."))
        if replacement and not original:
            self.add_error("original", _("Give the name or text to replace."))
        if original and len(original) < 2:
            self.add_error("original", _("Give at least two characters."))
        cleaned["original"], cleaned["replacement"] = original, replacement
        return cleaned


ReplacementFormSet = forms.formset_factory(
    ReplacementForm, extra=3, max_num=400, validate_max=True, absolute_max=400
)


class SharedSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].replace("\x00", "").split())
