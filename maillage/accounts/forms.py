import math

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import timezone

from maillage.accounts import lockout
from maillage.accounts.password_reset import send_password_reset
from maillage.core.client_address import client_address

# The same message whether the account exists or not, so the page reveals nothing.
INVALID_LOGIN = "Adresse e-mail ou mot de passe incorrect."
LOCKED_OUT = (
    "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est suspendue : "
    "réessayez dans {minutes} minute{plural}, ou réinitialisez votre mot de passe."
)


def _locked_out_error(until) -> ValidationError:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    message = LOCKED_OUT.format(minutes=minutes, plural="s" if minutes > 1 else "")
    return ValidationError(message, code="locked_out")


class EmailAuthenticationForm(AuthenticationForm):
    """Sign-in by e-mail; says plainly when too many failures have suspended sign-in."""

    username = forms.CharField(
        label="Adresse e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": INVALID_LOGIN,
        "inactive": INVALID_LOGIN,
    }

    def clean(self):
        # Every attempt goes to the backend, which records it, even while the lock holds.
        try:
            return super().clean()
        except ValidationError:
            email = self.cleaned_data.get("username")
            until = email and lockout.locked_until(email, client_address(self.request))
            if until:
                raise _locked_out_error(until) from None
            raise


class EmailPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def save(self, **kwargs) -> None:
        """Queue the e-mail by account id: the worker makes the link (see password_reset.py)."""
        for user in self.get_users(self.cleaned_data["email"]):
            send_password_reset.enqueue(user.pk)
