from django.urls import path

from . import review_views as views

urlpatterns = [
    path("casebook/<int:pk>/beoordelen/", views.case_review, name="case_review"),
    path("casebook/<int:pk>/koppelingen/", views.case_link_add, name="case_link_add"),
    path(
        "casebook/<int:pk>/koppelingen/<int:link_pk>/verwijderen/",
        views.case_link_delete,
        name="case_link_delete",
    ),
    path("casebook/<int:pk>/delen/", views.case_share, name="case_share"),
    path(
        "casebook/<int:pk>/delen/intrekken/", views.case_share_withdraw, name="case_share_withdraw"
    ),
    path("gedeeld/", views.shared_cases, name="shared_cases"),
    path("gedeeld/<int:pk>/", views.shared_case, name="shared_case"),
    path("gedeeld/<int:pk>/pdf/", views.shared_case_pdf, name="shared_case_pdf"),
    path("openbaar/", views.public_cases, name="public_cases"),
    path("openbaar/<int:pk>/", views.public_case, name="public_case"),
]
