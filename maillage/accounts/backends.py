from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from maillage.accounts import lockout


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
        ip_address = lockout.client_ip(request)
        if lockout.is_locked_out(email, ip_address):
            # Stops authenticate() at once: no other backend is tried, the password is not checked.
            raise PermissionDenied
        user = super().authenticate(request, username=email, password=password)
        if user is None:
            lockout.record_failure(email, ip_address)
        else:
            lockout.clear_failures(email)
        return user
