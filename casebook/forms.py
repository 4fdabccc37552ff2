import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from deliberation.models import CompensationMeasure


class FinaliseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the correction"),
        help_text=_("What is corrected, and why? This is shown with the new version."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.TEXT_MAX_LENGTH,
        required=False,
    )

    def __init__(self, *args, correction, **kwargs):
        super().__init__(*args, **kwargs)
        self.correction = correction
        if not correction:
            del self.fields["reason"]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.correction and not reason:
            raise forms.ValidationError(
                _("A correction needs a reason. Write down what is corrected and why.")
            )
        return reason


class MeasureStatusForm(forms.ModelForm):
    class Meta:
        model = CompensationMeasure
        fields = ["status"]


def max_upload_mb():
    return max(1, settings.VERIFY_MAX_UPLOAD // (1024 * 1024))


SHA256 = re.compile(r"^[0-9a-f]{64}$")


class VerifyForm(forms.Form):
    pdf = forms.FileField(
        label=_("The PDF of the decision record"),
        required=False,
        help_text=_("A PDF that Toetssteen made."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    sha256 = forms.CharField(
        label=_("Or the SHA-256 of the record"),
        help_text=_("64 characters, 0–9 and a–f. You find it at the end of the PDF."),
        max_length=80,
        required=False,
    )

    def clean_pdf(self):
        upload = self.cleaned_data.get("pdf")
        if upload is None:
            return None
        if upload.size > settings.VERIFY_MAX_UPLOAD:
            raise forms.ValidationError(
                _("This file is larger than %(size)s MB. Upload the PDF of a decision record.")
                % {"size": max_upload_mb()}
            )
        data = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(
                _("This file is not a PDF. Upload the PDF of a decision record.")
            )
        return data

    def clean_sha256(self):
        value = self.cleaned_data.get("sha256", "").strip().lower()
        if value and not SHA256.match(value):
            raise forms.ValidationError(
                _("This is not a SHA-256: it has 64 characters, only 0–9 and a–f.")
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("pdf") and not cleaned.get("sha256"):
            raise forms.ValidationError(_("Upload a PDF or paste a SHA-256."))
        return cleaned
