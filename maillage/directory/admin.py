"""Staff tools: search organisations, filter by family, commune, sector and membership, and read
what each import did."""

from django.contrib import admin, messages
from django.db import models
from django.utils import timezone

from maillage.core.french import plural
from maillage.directory.enums import Source
from maillage.directory.models import (
    ChangeRecord,
    Claim,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    ImportRejection,
    ImportRun,
    LegalUnit,
    SearchLog,
    Theme,
)
from maillage.directory.stewardship import claims, duplicates, editing
from maillage.directory.stewardship.errors import StewardshipError


def _stamp_staff_edit(request, obj, form) -> None:
    stamp = {"source": Source.STAFF, "confirmed_at": timezone.localdate().isoformat()}
    for name in form.changed_data:
        field = obj._meta.get_field(name)
        # Importers key foreign keys by column ("commune_id"), as their values dicts do.
        key = field.attname if field.many_to_one else name
        obj.provenance[key] = dict(stamp)
    obj._changed_by = request.user
    obj._change_source = Source.STAFF


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
    # The family follows the rule or a staff decision taken on the family page, with its reason.
    readonly_fields = [
        "ess_family",
        "ess_needs_review",
        "ess_review_reason",
        "decided_family",
        "family_decision_reason",
        "family_decided_by",
        "family_decided_at",
        "provenance",
        "created_at",
        "updated_at",
    ]
    inlines = [EstablishmentInline]

    def save_model(self, request, obj, form, change):
        """As for an establishment: the staff's values outrank imports; the history says who."""
        _stamp_staff_edit(request, obj, form)
        super().save_model(request, obj, form, change)


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
    readonly_fields = ["provenance", "last_reminded_on", "created_at", "updated_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_inlines(self, request, obj):
        return [ChangeRecordInline] if obj else []

    def save_model(self, request, obj, form, change):
        """A staff edit here outranks every import, and the history (themes included, saved
        after the entry) says who made it."""
        _stamp_staff_edit(request, obj, form)
        super().save_model(request, obj, form, change)

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
    exclude = ["upload", "second_upload"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ChangeRecordInline(admin.TabularInline):
    """The history of an entry, read-only: it is written by the business actions and imports."""

    model = ChangeRecord
    fields = ["changed_at", "field", "old_value", "new_value", "source", "changed_by"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-changed_at", "-pk"]


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["changed_at", "establishment", "field", "source", "changed_by"]
    list_filter = ["source", "field"]
    list_select_related = ["establishment__legal_unit", "changed_by"]
    search_fields = ["establishment__siret", "establishment__legal_unit__name", "field"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _decide(modeladmin, request, queryset, action, done: tuple[str, str]) -> None:
    decided = 0
    for item in queryset:
        try:
            action(item, request.user)
            decided += 1
        except StewardshipError as error:
            modeladmin.message_user(request, f"{item} : {error}", messages.WARNING)
    modeladmin.message_user(request, f"{plural(decided, *done)}.")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["legal_unit", "user", "role", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["legal_unit", "user", "decided_by"]
    search_fields = ["legal_unit__name", "user__email"]
    readonly_fields = ["status", "decided_by", "decided_at", "created_at"]
    autocomplete_fields = ["legal_unit"]
    raw_id_fields = ["user"]
    actions = ["approve", "reject"]

    @admin.action(description="Accepter les demandes sélectionnées (la personne est prévenue)")
    def approve(self, request, queryset):
        _decide(
            self,
            request,
            queryset,
            claims.approve_claim,
            ("demande acceptée", "demandes acceptées"),
        )

    @admin.action(description="Refuser les demandes sélectionnées (la personne est prévenue)")
    def reject(self, request, queryset):
        _decide(
            self, request, queryset, claims.reject_claim, ("demande refusée", "demandes refusées")
        )


@admin.register(EditProposal)
class EditProposalAdmin(admin.ModelAdmin):
    list_display = ["establishment", "proposed_by", "status", "created_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["establishment__legal_unit", "proposed_by", "decided_by"]
    readonly_fields = [
        "establishment",
        "proposed_by",
        "changes",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    actions = ["accept", "reject"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Accepter et publier les propositions sélectionnées")
    def accept(self, request, queryset):
        _decide(
            self,
            request,
            queryset,
            editing.accept_proposal,
            ("proposition acceptée", "propositions acceptées"),
        )

    @admin.action(description="Refuser les propositions sélectionnées")
    def reject(self, request, queryset):
        _decide(
            self,
            request,
            queryset,
            editing.reject_proposal,
            ("proposition refusée", "propositions refusées"),
        )


@admin.register(DuplicateCandidate)
class DuplicateCandidateAdmin(admin.ModelAdmin):
    list_display = ["first", "second", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    list_select_related = ["first__legal_unit", "second__legal_unit"]
    readonly_fields = ["first", "second", "reason", "status", "decided_by", "decided_at"]
    actions = ["dismiss"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Marquer comme distinctes (ne plus proposer)")
    def dismiss(self, request, queryset):
        _decide(
            self,
            request,
            queryset,
            duplicates.dismiss,
            ("paire marquée distincte", "paires marquées distinctes"),
        )


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["searched_on", "query", "result_count"]
    list_filter = ["searched_on"]
    search_fields = ["query"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
