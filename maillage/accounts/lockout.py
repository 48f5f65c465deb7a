"""Failed-login lockout, kept in the database so every web process sees the same count.

After settings.LOGIN_MAX_FAILURES failures within settings.LOGIN_LOCKOUT_SECONDS, for the same
e-mail or from the same client address, sign-in is refused until the oldest of those failures
leaves the window, even with the right password.

The client address is REMOTE_ADDR. Behind a reverse proxy the deployment must make REMOTE_ADDR the
visitor's address (not the proxy's), or every visitor shares one address and five failures lock
everyone out. X-Forwarded-For is never read here: any client can forge it.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from maillage.accounts.models import FailedLogin


def normalise_email(email: str) -> str:
    return email.strip().lower()


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def _release_time(failures, now: datetime) -> datetime | None:
    """When the failures in the window drop below the limit again; None if they already are."""
    limit = settings.LOGIN_MAX_FAILURES
    recent = failures.after(now - _window()).order_by("-attempted_at")
    times = list(recent.values_list("attempted_at", flat=True)[:limit])
    if len(times) < limit:
        return None
    return times[-1] + _window()


def locked_until(
    email: str, ip_address: str | None, now: datetime | None = None
) -> datetime | None:
    """The moment sign-in reopens for this e-mail and address, or None if it is open now."""
    now = now or timezone.now()
    releases = [_release_time(FailedLogin.objects.for_email(normalise_email(email)), now)]
    if ip_address:
        releases.append(_release_time(FailedLogin.objects.from_ip(ip_address), now))
    return max((moment for moment in releases if moment), default=None)


def is_locked_out(email: str, ip_address: str | None, now: datetime | None = None) -> bool:
    return locked_until(email, ip_address, now) is not None


def record_failure(email: str, ip_address: str | None, now: datetime | None = None) -> None:
    FailedLogin.objects.create(
        email=normalise_email(email)[:254],
        ip_address=ip_address,
        attempted_at=now or timezone.now(),
    )


def clear_failures(email: str) -> None:
    """Forget an e-mail's failures: its owner proved who they are (right password, reset link)."""
    FailedLogin.objects.for_email(normalise_email(email)).delete()


def purge_failed_logins(now: datetime | None = None) -> int:
    """Delete failures too old to count any more; returns how many went."""
    now = now or timezone.now()
    deleted, _ = FailedLogin.objects.not_after(now - _window()).delete()
    return deleted
