from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("sessies/nieuw/", views.session_create, name="session_create"),
    path("sessies/<int:pk>/", views.session_overview, name="session"),
    path("sessies/<int:pk>/gegevens/", views.session_edit, name="session_edit"),
    path("sessies/<int:pk>/stap/<int:number>/", views.step, name="step"),
    path("sessies/<int:pk>/controlevraag/", views.control, name="control"),
    path("sessies/<int:pk>/sluiten/", views.session_close, name="session_close"),
    path("sessies/<int:pk>/heropenen/", views.session_reopen, name="session_reopen"),
    path("sessies/<int:pk>/tegenspraak/", views.objection_add, name="objection_add"),
    path(
        "sessies/<int:pk>/tegenspraak/<int:objection_pk>/",
        views.objection_handle,
        name="objection_handle",
    ),
    path("sessies/<int:pk>/concept/<slug:form_key>/", views.draft_save, name="draft_save"),
    path(
        "sessies/<int:pk>/concept/<slug:form_key>/verwerpen/",
        views.draft_discard,
        name="draft_discard",
    ),
    path("sessies/<int:pk>/<slug:kind>/", views.item_add, name="item_add"),
    path("sessies/<int:pk>/<slug:kind>/<int:item_pk>/", views.item_edit, name="item_edit"),
    path(
        "sessies/<int:pk>/<slug:kind>/<int:item_pk>/verwijderen/",
        views.item_delete,
        name="item_delete",
    ),
    path(
        "sessies/<int:pk>/<slug:kind>/<int:item_pk>/verplaatsen/",
        views.item_move,
        name="item_move",
    ),
]
