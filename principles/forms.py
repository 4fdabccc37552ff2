from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, Membership


class AuditFilterForm(forms.Form):
    """Narrow the audit trail down; every field is optional."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    result = forms.ChoiceField(
        label=_("Result"),
        required=False,
        choices=[("", _("All results")), *AuditEvent.Result.choices],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *actions]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end date lies before the start date."))
        return cleaned

    def filter(self, events):
        cleaned = self.cleaned_data
        if cleaned.get("action"):
            events = events.filter(action=cleaned["action"])
        if cleaned.get("result"):
            events = events.filter(result=cleaned["result"])
        if cleaned.get("date_from"):
            events = events.filter(created__date__gte=cleaned["date_from"])
        if cleaned.get("date_to"):
            events = events.filter(created__date__lte=cleaned["date_to"])
        return events


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "unit"]
        help_texts = {
            "unit": _("The team or department, for exports and signals. Leave empty if none."),
        }
