from django.contrib import admin

from maillage.network.decisions.models import Option, Proposal, Vote


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("title", "group", "method", "voter_scope", "status", "deadline")
    list_filter = ("status", "method", "voter_scope", "group")
    search_fields = ("title",)
    readonly_fields = ("status", "membership_year", "result", "closed_at", "created_at")
    inlines = [OptionInline]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    """Read only: a voice changes through its voter only, so that the audit stays true."""

    list_display = ("proposal", "legal_unit", "person", "option", "choice", "weight", "cast_at")
    list_filter = ("proposal",)
    list_select_related = ("proposal", "legal_unit", "person", "option")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
