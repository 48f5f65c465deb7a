from django.contrib import admin

from maillage.support.journeys.models import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    Outcome,
    Referral,
    Stage,
    StageChange,
    SupportCase,
)


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "is_final", "is_active"]
    list_editable = ["order"]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    readonly_fields = ["stage", "changed_on", "changed_by"]
    can_delete = False


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0


class NextStepInline(admin.TabularInline):
    model = NextStep
    extra = 0


class ReferralInline(admin.TabularInline):
    model = Referral
    extra = 0
    fields = ["service", "status", "sent_on", "decline_reason", "done_on"]
    readonly_fields = fields


@admin.register(SupportCase)
class SupportCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "stage", "opened_on", "closed_on", "staff_in_charge"]
    list_filter = ["kind", "stage"]
    search_fields = ["title"]
    autocomplete_fields = ["holders", "organisations"]
    # Stages change through the case page, which records the dates; never by hand here.
    readonly_fields = ["stage", "closed_on"]
    inlines = [StageChangeInline, AppointmentInline, NextStepInline, ReferralInline]


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["case", "service", "status", "sent_on"]
    list_filter = ["status"]


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["case", "activity_created", "jobs_created", "funding_amount", "recorded_on"]


admin.site.register(CaseNote)
admin.site.register(CaseDocument)
