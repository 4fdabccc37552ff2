from django.urls import path

from . import views

urlpatterns = [
    path("kader/", views.framework, name="framework"),
]
