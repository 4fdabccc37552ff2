"""URL cases of the signals dashboard and the intake, for tests/test_permissions.py.

Setting the signal rule and closing a signal are the integrity coordinator's work only
(``casebook.insight_views.may_handle_signals``: see_signals, and the coordinator role). The
matrix has no action of its own for that yet; ``annotate`` has exactly the expected cells
(only the integriteitscoördinator), so these cases use it until ``handle_signals`` exists.
"""

from django.utils import timezone

from casebook.models import IntakeReport, Signal

HANDLE_SIGNALS = "handle_signals"


def cases(world):
    organisation = world["open"].organisation
    today = timezone.localdate()
    signal, _ = Signal.objects.get_or_create(
        organisation=organisation,
        unit="Permissies",
        status=Signal.Status.OPEN,
        defaults={"window_start": today, "window_end": today, "count": 3},
    )
    report, _ = IntakeReport.objects.get_or_create(
        organisation=organisation,
        kind=IntakeReport.Kind.QUESTION,
        text="Mag dit?",
        defaults={"sender": world["people"]["participant"]},
    )
    r = f"/meldingen/{report.pk}/"
    return [
        ("signals", "get", "/signalen/", None, "see_signals", True),
        ("signal_policy", "post", "/signalen/regel/", {"threshold": ""}, HANDLE_SIGNALS, True),
        ("signal_close", "post", f"/signalen/{signal.pk}/afsluiten/", {}, HANDLE_SIGNALS),
        ("intake", "get", "/melden/", None, "submit_intake", True),
        ("intake", "post", "/melden/", {"text": ""}, "submit_intake", True),
        ("intake_list", "get", "/meldingen/", None, "see_intake", True),
        ("intake_report", "get", r, None, "see_intake"),
        ("intake_session", "post", f"{r}sessie/", {"title": ""}, "see_intake"),
        ("intake_answer", "post", f"{r}antwoord/", {"answer": ""}, "see_intake"),
        ("intake_close", "post", f"{r}sluiten/", {"reason": ""}, "see_intake"),
    ]
