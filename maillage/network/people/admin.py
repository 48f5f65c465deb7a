from django.contrib import admin

from maillage.network.people.models import (
    Affiliation,
    Consent,
    ContactImport,
    ExportLink,
    Interaction,
    Person,
    Tag,
)


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    autocomplete_fields = ["legal_unit"]
    extra = 0


class InteractionInline(admin.StackedInline):
    model = Interaction
    autocomplete_fields = ["legal_unit"]
    fields = ["occurred_on", "channel", "subject", "legal_unit", "staff_member", "notes"]
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email", "phone", "last_active_at", "is_erased"]
    list_filter = ["is_erased", "tags"]
    search_fields = ["search_text", "email"]
    filter_horizontal = ["tags"]
    raw_id_fields = ["user"]
    inlines = [AffiliationInline, InteractionInline]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ["occurred_on", "person", "channel", "subject", "staff_member"]
    list_filter = ["channel"]
    raw_id_fields = ["person", "legal_unit", "staff_member"]
    date_hierarchy = "occurred_on"


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Consents are evidence: they are added, never edited (withdrawal is a new record)."""

    list_display = ["recorded_at", "person", "purpose", "given", "method", "text_version"]
    list_filter = ["purpose", "given", "method"]
    raw_id_fields = ["person", "recorded_by"]

    def has_change_permission(self, request, obj=None):
        return obj is None


@admin.register(ContactImport)
class ContactImportAdmin(admin.ModelAdmin):
    list_display = ["filename", "created_at", "created_by", "status", "rows_done", "row_count"]
    readonly_fields = [
        "filename",
        "created_at",
        "created_by",
        "status",
        "mapping",
        "row_count",
        "rows_done",
        "queued_at",
        "finished_at",
        "message",
        "report",
    ]
    exclude = ["rows"]

    def has_add_permission(self, request):
        return False


@admin.register(ExportLink)
class ExportLinkAdmin(admin.ModelAdmin):
    """Visible for audit (who exported whose data, when); links are made from the pages."""

    list_display = ["created_at", "created_by", "person", "expires_at", "used_at"]
    readonly_fields = list_display
    exclude = ["token_hash", "session_hash"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
