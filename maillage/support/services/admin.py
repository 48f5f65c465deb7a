from django.contrib import admin
from django.db import models

from maillage.support.services.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "provider", "status", "kind", "fee", "updated_at")
    list_filter = ("status", "kind", "fee")
    search_fields = ("name", "description", "provider__name", "provider__siren")
    autocomplete_fields = ("provider",)
    filter_horizontal = ("communes", "epcis", "departements")
    raw_id_fields = ("revision_of",)
    readonly_fields = ("created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
