from django.contrib import admin

from maillage.network.working_groups.models import Document, GroupMember, Meeting, WorkingGroup
from maillage.plan.admin import ActionLinkInline, PublicLinkInline


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    raw_id_fields = ["person"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "facilitator", "created_on"]
    list_filter = ["status"]
    search_fields = ["name", "slug", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["facilitator"]
    inlines = [GroupMemberInline, ActionLinkInline, PublicLinkInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["activity", "group", "minutes_published_at"]
    list_filter = ["group"]
    search_fields = ["activity__title", "group__name", "agenda", "minutes"]
    raw_id_fields = ["activity"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-only files: uploads go through the group page, which checks type and size."""

    list_display = ["title", "group", "original_name", "size", "uploaded_at"]
    list_filter = ["group"]
    search_fields = ["title", "original_name"]
    fields = ["group", "title", "original_name", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
