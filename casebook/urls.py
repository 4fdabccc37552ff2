from django.urls import include, path

from . import views

urlpatterns = [
    path("sessies/<int:pk>/vaststellen/", views.finalise, name="finalise"),
    path("sessies/<int:pk>/correctie/", views.start_correction, name="start_correction"),
    path("sessies/<int:pk>/besluit/", views.record, name="record"),
    path("sessies/<int:pk>/besluit/v<int:number>/pdf/", views.record_pdf, name="record_pdf"),
    path(
        "sessies/<int:pk>/besluit/maatregelen/<int:measure_pk>/",
        views.measure_status,
        name="measure_status",
    ),
    path("besluiten/verifieren/", views.verify, name="verify"),
    path("besluiten/", include("casebook.export_urls")),
    # Moresprudentie (issue 4): finding cases, reviewing and sharing them, signals and intake.
    path("", include("casebook.casebook_urls")),
    path("", include("casebook.review_urls")),
    path("", include("casebook.insight_urls")),
]
