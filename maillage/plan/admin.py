"""The plan, editable by the hub's staff; plus inlines that other apps add to link their records
to plan actions and target publics (`admin.py` of activities, support…):

    from maillage.plan.admin import ActionLinkInline, PublicLinkInline

    @admin.register(Activity)
    class ActivityAdmin(admin.ModelAdmin):
        inlines = [ActionLinkInline, PublicLinkInline]
"""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from maillage.plan.models import (
    Action,
    ActionLink,
    IdentitySection,
    OperationalObjective,
    PlanText,
    PublicGroup,
    PublicGroupEntry,
    PublicLink,
    StrategicObjective,
    TargetPublic,
    ValueFamily,
    ValueItem,
)

# Values and texts


class ValueItemInline(admin.TabularInline):
    model = ValueItem
    fields = ["position", "text"]
    extra = 0


@admin.register(ValueFamily)
class ValueFamilyAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ValueItemInline]


@admin.register(PlanText)
class PlanTextAdmin(admin.ModelAdmin):
    list_display = ["__str__"]


@admin.register(IdentitySection)
class IdentitySectionAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["title"]}


# Objectives and actions


class OperationalObjectiveInline(admin.TabularInline):
    model = OperationalObjective
    fields = ["code", "position", "title", "is_active"]
    extra = 0
    show_change_link = True


class PublicGroupInline(admin.TabularInline):
    model = PublicGroup
    fields = ["position", "label", "scope", "scope_label"]
    extra = 0
    show_change_link = True


@admin.register(StrategicObjective)
class StrategicObjectiveAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "title"]
    inlines = [OperationalObjectiveInline, PublicGroupInline]


class ActionInline(admin.TabularInline):
    model = Action
    fields = ["code", "parent", "position", "title", "is_active"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A parent is another action of the same operational objective.
        if db_field.name == "parent" and request.resolver_match.kwargs.get("object_id"):
            kwargs["queryset"] = Action.objects.filter(
                operational_objective=request.resolver_match.kwargs["object_id"]
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OperationalObjective)
class OperationalObjectiveAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "strategic_objective", "is_active"]
    ordering = ["code"]
    list_filter = ["strategic_objective", "is_active"]
    search_fields = ["code", "title"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "operational_objective", "is_active"]
    ordering = ["code"]
    list_filter = ["operational_objective__strategic_objective", "is_active"]
    search_fields = ["code", "title"]
    autocomplete_fields = ["parent"]


# Target publics


class PublicGroupEntryInline(admin.TabularInline):
    model = PublicGroupEntry
    fields = ["position", "public", "wording"]
    autocomplete_fields = ["public"]
    extra = 0


@admin.register(PublicGroup)
class PublicGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "scope"]
    list_filter = ["scope"]
    inlines = [PublicGroupEntryInline]


@admin.register(TargetPublic)
class TargetPublicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


# Links from records of other apps


class ActionLinkInline(GenericTabularInline):
    model = ActionLink
    fields = ["action"]
    autocomplete_fields = ["action"]
    extra = 0
    verbose_name = "action du projet"
    verbose_name_plural = "actions du projet servies"


class PublicLinkInline(GenericTabularInline):
    model = PublicLink
    fields = ["public"]
    autocomplete_fields = ["public"]
    extra = 0
    verbose_name = "public visé"
    verbose_name_plural = "publics visés touchés"
