from django.urls import path

from . import casebook_views

urlpatterns = [
    path("casebook/", casebook_views.casebook, name="casebook"),
    path("casebook/<int:pk>/", casebook_views.case, name="case"),
    path("sessies/<int:pk>/precedenten/", casebook_views.precedent_add, name="precedent_add"),
    path(
        "sessies/<int:pk>/precedenten/<int:precedent_pk>/verwijderen/",
        casebook_views.precedent_delete,
        name="precedent_delete",
    ),
]
