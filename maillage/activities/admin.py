from django.contrib import admin

from maillage.activities.models import (
    Activity,
    AudienceCount,
    Place,
    Registration,
    SatisfactionAnswer,
    Series,
)
from maillage.plan.admin import ActionLinkInline, PublicLinkInline


class AudienceCountInline(admin.TabularInline):
    model = AudienceCount
    extra = 0


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "commune", "capacity", "offered"]
    autocomplete_fields = ["commune"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "status", "visibility", "capacity"]
    list_filter = ["kind", "status", "visibility", "series"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["commune", "organisers"]
    inlines = [ActionLinkInline, PublicLinkInline, AudienceCountInline]
    date_hierarchy = "starts_at"


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "activity", "status", "attended", "created_at"]
    list_filter = ["status", "attended"]
    search_fields = ["name", "email", "organisation", "activity__title"]
    raw_id_fields = ["activity", "user"]
    readonly_fields = ["token", "consent_version", "consented_at", "created_at"]


@admin.register(SatisfactionAnswer)
class SatisfactionAnswerAdmin(admin.ModelAdmin):
    list_display = ["registration", "rating", "usefulness", "would_recommend", "answered_at"]
