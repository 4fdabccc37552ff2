from django.urls import path

from . import views

urlpatterns = [
    path("kader/", views.framework, name="framework"),
    path("help/", views.help_page, name="help"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("logboek/", views.audit_trail, name="audit_trail"),
    path("sessies/<int:pk>/logboek/", views.session_audit_trail, name="session_audit_trail"),
    path("beheer/leden/", views.members, name="members"),
    path("beheer/leden/<int:pk>/", views.member_edit, name="member_edit"),
]
