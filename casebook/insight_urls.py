"""Signals (integriteitscoördinator, manager) and intake ("Dilemma melden")."""

from django.urls import path

from . import insight_views

urlpatterns = [
    path("signalen/", insight_views.signals, name="signals"),
    path("signalen/regel/", insight_views.signal_policy, name="signal_policy"),
    path("signalen/<int:pk>/afsluiten/", insight_views.signal_close, name="signal_close"),
    path("melden/", insight_views.intake, name="intake"),
    path("meldingen/", insight_views.intake_list, name="intake_list"),
    path("meldingen/<int:pk>/", insight_views.intake_report, name="intake_report"),
    path("meldingen/<int:pk>/sessie/", insight_views.intake_session, name="intake_session"),
    path("meldingen/<int:pk>/antwoord/", insight_views.intake_answer, name="intake_answer"),
    path("meldingen/<int:pk>/sluiten/", insight_views.intake_close, name="intake_close"),
]
