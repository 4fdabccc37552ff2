from django.contrib import admin

from .models import RecordVersion


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
