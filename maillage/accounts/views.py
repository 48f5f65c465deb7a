"""Django's authentication views, set up for e-mail sign-in, French pages and the lockout."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import resolve_url
from django.urls import reverse_lazy

from maillage.accounts import lockout
from maillage.accounts.forms import EmailAuthenticationForm, EmailPasswordResetForm
from maillage.core.ratelimit import Limit, limit_posts


def _reset_link_hours() -> int:
    return settings.PASSWORD_RESET_TIMEOUT // 3600


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm

    def get_default_redirect_url(self):
        """Staff land on what waits for them today; everyone else on the member space (a safe
        `next` still wins)."""
        if self.request.user.is_hub_staff:
            return resolve_url(settings.STAFF_LOGIN_REDIRECT_URL)
        return super().get_default_redirect_url()


login = LoginView.as_view()

# Public, so that a visitor whose session has already expired is simply sent home.
logout = login_not_required(auth_views.LogoutView.as_view())


class PasswordResetView(auth_views.PasswordResetView):
    form_class = EmailPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    # The e-mail is a task given the account's id (accounts/password_reset.py).
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(timeout_hours=_reset_link_hours(), **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # Whoever holds the link owns the inbox: lift the lockout on that e-mail.
        lockout.clear_failures(self.user.email)
        return super().form_valid(form)


# Each request sends an e-mail: a few an hour from one address, so the form cannot flood a
# mailbox or probe accounts at speed.
PASSWORD_RESETS = Limit("accounts.password_reset", hits=5, period=timedelta(hours=1))
password_reset = limit_posts(PASSWORD_RESETS)(PasswordResetView.as_view())
password_reset_done = PasswordResetDoneView.as_view()
password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change_form.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
