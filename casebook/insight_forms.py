"""Forms of the signals dashboard and the intake ("Dilemma melden").

Every input goes through one of these, even a single field: text is required where the
step needs it, never longer than ``settings.TEXT_MAX_LENGTH``, and a NUL character is
refused (Django's own validator), so nothing odd reaches the database.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import IntakeReport, SignalPolicy

TEXT = settings.TEXT_MAX_LENGTH
THRESHOLD_MAX = 99
WINDOW_MAX = 730


def long_text(label, help_text="", rows=4):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": _("Write something here; it cannot stay empty.")},
    )


# --- signals ---------------------------------------------------------------------------


class SignalPolicyForm(forms.ModelForm):
    threshold = forms.IntegerField(
        label=_("Number of negative answers"),
        help_text=_("How many negative answers to the control question in one unit…"),
        validators=[MinValueValidator(1), MaxValueValidator(THRESHOLD_MAX)],
        widget=forms.NumberInput(attrs={"min": 1, "max": THRESHOLD_MAX}),
    )
    window_days = forms.IntegerField(
        label=_("Within this many days"),
        help_text=_("…within this many days ask for a conversation. For example: 3 in 90 days."),
        validators=[MinValueValidator(1), MaxValueValidator(WINDOW_MAX)],
        widget=forms.NumberInput(attrs={"min": 1, "max": WINDOW_MAX}),
    )

    class Meta:
        model = SignalPolicy
        fields = ["threshold", "window_days"]


class SignalCloseForm(forms.Form):
    """The conversation about structural causes that closes a signal."""

    conversation_on = forms.DateField(
        label=_("Date of the conversation"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    conversation = long_text(
        _("What was discussed"),
        _("Which structural causes did you talk about? Write no names of people."),
    )
    outcome = long_text(
        _("Outcome"),
        _("What was agreed, or what changes? Who follows it up?"),
        rows=3,
    )

    def __init__(self, *args, signal, **kwargs):
        super().__init__(*args, **kwargs)
        self.signal = signal

    def clean_conversation_on(self):
        day = self.cleaned_data["conversation_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("This date lies in the future. Record the conversation after it took place.")
            )
        if day < timezone.localtime(self.signal.raised_at).date():
            raise forms.ValidationError(
                _(
                    "This date lies before the signal was raised. Give the date of the "
                    "conversation about this signal."
                )
            )
        return day


# --- intake ----------------------------------------------------------------------------


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to report?"),
        choices=IntakeReport.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to report.")},
    )
    text = long_text(
        _("Describe it"),
        _(
            "What happened, or what do you doubt? Write what the integrity coordinator "
            "needs to understand it."
        ),
        rows=8,
    )
    anonymous = forms.BooleanField(
        label=_("Send anonymously"),
        required=False,
        help_text=_("Then Toetssteen does not keep who you are. Read above what that means."),
    )


class TriageSessionForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the session"),
        help_text=_("A short name for the dilemma, for example: Neighbour in a hurry."),
        max_length=200,
        error_messages={"required": _("Give the session a title.")},
    )


class AnswerForm(forms.Form):
    answer = long_text(
        _("Your answer"),
        _(
            "The sender sees this answer. An anonymous sender cannot see it: nobody knows who "
            "it is."
        ),
    )


class CloseReportForm(forms.Form):
    reason = long_text(
        _("Reason for closing"),
        _("Why is nothing more done with this report? The sender sees this reason."),
        rows=3,
    )


class IntakeFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All reports")), *IntakeReport.Status.choices],
        required=False,
    )
