from django.contrib import admin

from .models import RecordExport, RecordVersion


@admin.register(RecordVersion)
class RecordVersionAdmin(admin.ModelAdmin):
    """Finalised records can be read here, never changed or deleted."""

    list_display = ["session", "number", "finalised_by", "finalised_at", "sha256"]
    list_filter = ["session__organisation"]
    search_fields = ["session__title", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecordExport)
class RecordExportAdmin(admin.ModelAdmin):
    """Exports can be followed here; they are made and downloaded in the application."""

    list_display = ["organisation", "requested_by", "created_at", "status", "rendered", "total"]
    list_filter = ["organisation", "status"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("archive")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
