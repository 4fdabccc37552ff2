"""The forms of meeting-room mode: short contributions from a phone, and moderation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category, ControlAnswer, Side, Stakeholder

# A contribution in the room is short: a phone is no place for an essay, and a screen
# must show it. (The guided form allows longer texts.)
ROOM_TEXT_MAX = 2000


class ContributionForm(forms.Form):
    """Every text field is required unless said otherwise and at most ROOM_TEXT_MAX long."""

    def __init__(self, *args, kind="", **kwargs):
        kwargs.setdefault("auto_id", f"id_{kind}_%s")
        super().__init__(*args, **kwargs)
        self.kind = kind

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = value.strip()
        return cleaned


def text_field(label, required=True, rows=3):
    return forms.CharField(
        label=label,
        required=required,
        max_length=ROOM_TEXT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": _("Write something first."),
            "max_length": _("This is too long: at most %(limit_value)d characters."),
        },
    )


class StakeholderForm(ContributionForm):
    name = forms.CharField(
        label=_("Who is it?"),
        max_length=200,
        error_messages={
            "required": _("Write something first."),
            "max_length": _("This is too long: at most %(limit_value)d characters."),
        },
    )
    kind = forms.ChoiceField(label=_("kind"), choices=Stakeholder.Kind.choices)


class FactForm(ContributionForm):
    text = text_field(_("A fact"))
    source = forms.CharField(label=_("source"), max_length=300, required=False)


class NeedForm(ContributionForm):
    question = text_field(_("What do we still need to know?"))


class ArgumentForm(ContributionForm):
    side = forms.ChoiceField(label=_("For which option?"), choices=Side.choices)
    category = forms.ChoiceField(label=_("B, G or S"), choices=Category.choices)
    text = text_field(_("Your argument"))


class ObjectionForm(ContributionForm):
    text = text_field(_("Your objection"))
    anonymous = forms.BooleanField(label=_("Record without my name"), required=False)


class ControlForm(ContributionForm):
    situation = forms.ChoiceField(
        label=_("How does the situation feel?"),
        choices=ControlAnswer.Situation.choices,
        widget=forms.RadioSelect,
    )
    stance = forms.ChoiceField(
        label=_("Do you stand behind the decision?"),
        choices=ControlAnswer.Stance.choices,
        widget=forms.RadioSelect,
    )
    comment = text_field(_("comment"), required=False, rows=2)
    anonymous = forms.BooleanField(label=_("Record without my name"), required=False)


# kind (URL slug) -> (form, step whose question it answers)
CONTRIBUTION_FORMS = {
    "stakeholders": (StakeholderForm, 2),
    "facts": (FactForm, 4),
    "needs": (NeedForm, 4),
    "arguments": (ArgumentForm, 5),
    "tegenspraak": (ObjectionForm, None),
    "controlevraag": (ControlForm, 8),
}


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)


class StepForm(forms.Form):
    step = forms.IntegerField(min_value=1, max_value=8)


class TimerForm(forms.Form):
    minutes = forms.IntegerField(label=_("Minutes"), min_value=0, max_value=120)


class AnonymousForm(forms.Form):
    anonymous = forms.BooleanField(required=False)


class ModerateForm(forms.Form):
    ACTIONS = ["hide", "unhide", "move", "reclassify"]

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    version = forms.IntegerField(min_value=0, required=False)
    category = forms.ChoiceField(choices=Category.choices, required=False)


class MergeForm(forms.Form):
    """``other`` is the other contribution's id, or ``<id>:<version>`` as the console's
    select sends it (one select has to carry both without JavaScript); a version given
    that way wins over ``other_version``."""

    keep = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    keep_version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    other = forms.RegexField(regex=r"^\d{1,10}(:\d{1,10})?$")
    other_version = forms.IntegerField(min_value=0, max_value=2**31 - 1, required=False)
    append = forms.BooleanField(required=False)

    def clean_other(self):
        pk, _sep, version = self.cleaned_data["other"].partition(":")
        if version:
            self.other_version_given = int(version)
        if not 1 <= int(pk) <= 2**31 - 1:
            raise forms.ValidationError(_("Choose two different contributions to merge."))
        return int(pk)

    def clean(self):
        cleaned = super().clean()
        given = getattr(self, "other_version_given", None)
        if given is not None:
            if given > 2**31 - 1:
                raise forms.ValidationError(_("Choose two different contributions to merge."))
            cleaned["other_version"] = given
        if cleaned.get("keep") and cleaned.get("keep") == cleaned.get("other"):
            raise forms.ValidationError(_("Choose two different contributions to merge."))
        return cleaned
