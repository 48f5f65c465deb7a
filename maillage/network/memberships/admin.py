from django.contrib import admin

from maillage.network.memberships.models import College, DuesRate, Membership, RenewalReminder


class DuesRateInline(admin.TabularInline):
    model = DuesRate
    extra = 0


@admin.register(College)
class CollegeAdmin(admin.ModelAdmin):
    list_display = ["name", "member_kind", "voting_weight", "order"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DuesRateInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "year", "college", "category", "dues_amount", "status", "paid_on"]
    list_filter = ["year", "status", "college", "payment_method"]
    search_fields = ["legal_unit__name", "legal_unit__siren", "person__last_name", "person__email"]
    raw_id_fields = ["legal_unit", "person"]
    # Payments and statuses go through the staff pages, which number receipts and keep the
    # directory's member flag in step.
    readonly_fields = [
        "status",
        "paid_amount",
        "paid_on",
        "payment_method",
        "receipt_number",
        "created_at",
    ]


@admin.register(RenewalReminder)
class RenewalReminderAdmin(admin.ModelAdmin):
    list_display = ["membership", "year", "queued_at", "sent_at", "recipients"]
    list_filter = ["year"]
    raw_id_fields = ["membership"]
