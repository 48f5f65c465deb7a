from django.contrib import admin

from maillage.observatory.models import Figure, ReferenceFigure, Snapshot, SnapshotRun


class FigureInline(admin.TabularInline):
    model = Figure
    extra = 0
    can_delete = False
    fields = ["dimension", "key", "label", "establishments", "employers", "jobs_mid", "all_jobs"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source_name", "denominator", "computed_at"]
    list_filter = ["source_kind"]
    inlines = [FigureInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReferenceFigure)
class ReferenceFigureAdmin(admin.ModelAdmin):
    list_display = ["area_name", "indicator", "value", "unit", "data_year", "producer"]
    list_filter = ["indicator"]
    search_fields = ["area_name", "publication"]


@admin.register(SnapshotRun)
class SnapshotRunAdmin(admin.ModelAdmin):
    list_display = ["__str__", "requested_at", "finished_at"]

    def has_add_permission(self, request):
        return False
