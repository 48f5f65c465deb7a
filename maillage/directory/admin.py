"""Staff tools: search organisations, filter by family, commune, sector and membership, and read
what each import did."""

from django.contrib import admin

from maillage.directory.models import (
    Establishment,
    ImportRejection,
    ImportRun,
    LegalUnit,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class EstablishmentInline(admin.TabularInline):
    model = Establishment
    fields = ["siret", "sign", "commune", "naf_code", "is_open", "is_head_office"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(LegalUnit)
class LegalUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "siren", "rna_id", "legal_category", "ess_family", "is_active"]
    list_filter = ["ess_family", "ess_needs_review", "is_hub_member", "is_active", "ess_flag"]
    search_fields = ["name", "acronym", "siren", "rna_id"]
    readonly_fields = ["provenance", "created_at", "updated_at"]
    inlines = [EstablishmentInline]


@admin.register(Establishment)
class EstablishmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "commune", "naf_code", "family", "is_open", "visibility"]
    list_select_related = ["legal_unit", "commune"]
    list_filter = [
        "legal_unit__ess_family",
        "naf_section",
        "legal_unit__is_hub_member",
        "is_open",
        "visibility",
        "commune",
    ]
    search_fields = ["siret", "sign", "name", "legal_unit__name", "legal_unit__siren", "city_name"]
    autocomplete_fields = ["legal_unit"]
    raw_id_fields = ["commune"]
    filter_horizontal = ["themes"]
    readonly_fields = ["provenance", "created_at", "updated_at"]

    @admin.display(description="famille de l’ESS", ordering="legal_unit__ess_family")
    def family(self, establishment: Establishment) -> str:
        return establishment.legal_unit.get_ess_family_display()


class ImportRejectionInline(admin.TabularInline):
    model = ImportRejection
    fields = ["line", "reason", "raw"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "started_at",
        "kind",
        "file_name",
        "status",
        "rows_read",
        "rows_created",
        "rows_updated",
        "rows_unchanged",
        "rows_rejected",
    ]
    list_filter = ["kind", "status"]
    inlines = [ImportRejectionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
