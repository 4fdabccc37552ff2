from django.urls import include, path

from . import views

urlpatterns = [
    path("besluiten/", include("casebook.export_urls")),
]
