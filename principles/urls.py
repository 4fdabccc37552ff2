from django.urls import path

from . import views

urlpatterns = [
    path("kader/", views.framework, name="framework"),
    path("help/", views.help_page, name="help"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
]
