from django.urls import path

from . import export_views

urlpatterns = [
    path("export/", export_views.export_list, name="export"),
    path("export/<int:pk>/", export_views.export_status, name="export_status"),
    path("export/<int:pk>/download/", export_views.export_download, name="export_download"),
    path("<int:pk>/json/", export_views.record_json, name="record_json"),
]
