"""Read-mostly admin: the geography comes from official files through the import command."""

from django.contrib import admin

from maillage.territory.models import (
    Commune,
    Departement,
    Epci,
    OldCommuneCode,
    Region,
    Territory,
)


class ImportedAdmin(admin.ModelAdmin):
    """Rows are created and corrected by the import; the admin only shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(ImportedAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Departement)
class DepartementAdmin(ImportedAdmin):
    list_display = ["code", "name", "region"]
    search_fields = ["code", "name"]
    list_filter = ["region"]


@admin.register(Epci)
class EpciAdmin(ImportedAdmin):
    list_display = ["code", "name", "kind", "population", "population_vintage"]
    search_fields = ["code", "name"]
    list_filter = ["kind"]


class OldCommuneCodeInline(admin.TabularInline):
    model = OldCommuneCode
    fields = ["code", "name", "kind"]
    extra = 0


@admin.register(Commune)
class CommuneAdmin(ImportedAdmin):
    list_display = ["code", "name", "departement", "epci", "population", "has_outline"]
    list_select_related = ["departement", "epci"]
    search_fields = ["code", "name", "siren", "old_codes__code"]
    list_filter = ["departement", "epci"]
    exclude = ["outline"]
    inlines = [OldCommuneCodeInline]

    @admin.display(boolean=True, description="contour")
    def has_outline(self, obj):
        return obj.outline is not None


@admin.register(OldCommuneCode)
class OldCommuneCodeAdmin(ImportedAdmin):
    list_display = ["code", "name", "kind", "commune"]
    list_select_related = ["commune"]
    search_fields = ["code", "name", "commune__name", "commune__code"]
    list_filter = ["kind", "commune__departement"]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    """Name, source and vintage may be reworded; the perimeter comes from the import."""

    list_display = ["name", "slug", "vintage", "is_default", "commune_count"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug", "epci_codes", "commune_codes", "communes", "updated_at"]
    fields = [
        "name",
        "slug",
        "source",
        "vintage",
        "is_default",
        "epci_codes",
        "commune_codes",
        "communes",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description="communes")
    def commune_count(self, obj):
        return obj.communes.count()
