from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms

from maillage.accounts.models import FailedLogin, User


class _LowercaseEmailMixin:
    # Stored e-mails are lower-case: compare in lower case so a duplicate is a form error.
    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class UserCreationForm(_LowercaseEmailMixin, auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "role", "organisation_name")


class UserChangeForm(_LowercaseEmailMixin, auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    """Administrators manage people here; a person's role decides what they may do."""

    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ("email", "full_name", "role", "organisation_name", "is_active", "last_login")
    list_filter = ("role", "is_active")
    search_fields = ("email", "full_name", "organisation_name")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Identité", {"fields": ("full_name", "organisation_name")}),
        ("Accès", {"fields": ("role", "is_active")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "full_name",
                    "role",
                    "organisation_name",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )


@admin.register(FailedLogin)
class FailedLoginAdmin(admin.ModelAdmin):
    """Read-only; deleting an e-mail's rows lifts its lockout at once."""

    list_display = ("attempted_at", "email", "ip_address", "during_lockout")
    search_fields = ("email", "ip_address")
    date_hierarchy = "attempted_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
