from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, CoreValue, Membership, Organisation, Principle, RCriterion


class CoreValueInline(admin.TabularInline):
    model = CoreValue
    extra = 1
    fields = ["position", "name", "description"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inlines = [CoreValueInline]
    fieldsets = [
        (None, {"fields": ["name", "kind"]}),
        (
            _("Theme"),
            {
                "fields": ["theme_class", "theme_stylesheet"],
                "description": _(
                    "Optional: your own look on top of the NL Design System. The class goes on "
                    "the page body; the stylesheet, from the static files, sets design tokens "
                    "for that class."
                ),
            },
        ),
    ]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "unit"]
    list_filter = ["organisation", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(CoreValue)
class CoreValueAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "position"]
    list_filter = ["organisation"]
    search_fields = ["name"]


class ReferenceDataAdmin(admin.ModelAdmin):
    """Reference data is loaded by a migration: it can be read here, not changed."""

    list_display = ["number", "name_nl", "name_en", "code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(Principle, ReferenceDataAdmin)
admin.site.register(RCriterion, ReferenceDataAdmin)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail can be read here; nobody can add, change or delete an event."""

    list_display = ["created", "action", "result", "organisation_id", "session_id", "actor_id"]
    list_filter = ["result", "action"]
    search_fields = ["action", "request_id", "object_id"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
