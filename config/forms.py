from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders form fields with our own field template (labels without a colon)."""

    field_template_name = "forms/field.html"
