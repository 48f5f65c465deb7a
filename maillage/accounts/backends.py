from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from maillage.accounts import lockout
from maillage.core.client_address import client_address


class EmailBackend(ModelBackend):
    """Signs in by e-mail, whatever its case, and enforces the failed-login lockout.

    The lockout lives here rather than in a form so that every sign-in path (our login page,
    the admin's login page, any later API) counts failures and honours the lock.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.get("email", username)
        if email is None or password is None:
            return None
        email = lockout.normalise_email(email)
        if not lockout.begin_attempt(email, client_address(request)):
            # Stops authenticate() at once: no other backend is tried, the password is not checked.
            raise PermissionDenied
        user = super().authenticate(request, username=email, password=password)
        if user is not None:
            lockout.clear_failures(email)
        return user
