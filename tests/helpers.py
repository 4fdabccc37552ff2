from django.urls import reverse


def step_url(session, number):
    return reverse("step", args=[session.pk, number])


def main_data(version=0, **fields):
    """POST data for a step's own form (its fields carry the prefix "main")."""
    data = {"main-version": version}
    data.update({f"main-{name}": value for name, value in fields.items()})
    return data


def add_data(kind, /, **fields):
    return {f"add-{kind}-{name}": value for name, value in fields.items()}


def edit_data(kind, pk, version, /, **fields):
    data = {f"edit-{kind}-{pk}-version": version}
    data.update({f"edit-{kind}-{pk}-{name}": value for name, value in fields.items()})
    return data


HTMX = {"HTTP_HX_REQUEST": "true"}
