from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders form fields with our own field template (labels without a colon)."""

    field_template_name = "forms/field.html"


class LoginForm(AuthenticationForm):
    """Django's login form declares the username's maximum length but does not check it;
    a longer name reached django-axes' column and failed on PostgreSQL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
