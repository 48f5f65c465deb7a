"""Failed-login lockout, kept in the database so every web process sees the same count.

After settings.LOGIN_MAX_FAILURES failures within settings.LOGIN_LOCKOUT_SECONDS, for the same
e-mail or from the same client address, sign-in is refused until the oldest of those failures
leaves the window, even with the right password.

Counting is atomic: an attempt first takes the lock of its e-mail's and its address's gate rows
(SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE transactions queue writers), reads the
failures before it and records itself as a failure, all in one short transaction; only then is
the password checked, outside the lock, and a right one clears the e-mail's failures. So any
number of simultaneous attempts are counted one by one: at most LOGIN_MAX_FAILURES passwords are
ever checked in a window, every attempt is on record, and once the lock holds the right password
is refused like any other.

The client address is maillage.core.client_address: REMOTE_ADDR, or the header the deployment's
trusted proxies set (settings.TRUSTED_PROXY_HEADER), never a header nobody configured.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from maillage.accounts.models import FailedLogin, FailedLoginQuerySet, LoginGate


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def _release_time(failures: FailedLoginQuerySet, now: datetime) -> datetime | None:
    """When the failures in the window drop below the limit again; None if they already are."""
    limit = settings.LOGIN_MAX_FAILURES
    recent = failures.counted().after(now - _window()).order_by("-attempted_at")
    times: list[datetime] = list(recent.values_list("attempted_at", flat=True)[:limit])
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


def begin_attempt(email: str, ip_address: str | None, now: datetime | None = None) -> bool:
    """Count a sign-in attempt as a failure before its password is checked.

    Returns False if the lockout holds: the attempt is then on record as made during the
    lockout and its password must not be checked. Returns True otherwise: check the password,
    and call clear_failures() if it is right.
    """
    email = normalise_email(email)[:254]
    now = now or timezone.now()
    with transaction.atomic():
        _lock_gates(_gate_keys(email, ip_address), now)
        locked = is_locked_out(email, ip_address, now)
        FailedLogin.objects.create(
            email=email, ip_address=ip_address, attempted_at=now, during_lockout=locked
        )
    return not locked


def _gate_keys(email: str, ip_address: str | None) -> list[str]:
    names = [f"email:{email}"] + ([f"ip:{ip_address}"] if ip_address else [])
    # Sorted: every attempt takes the locks in the same order, so two never wait on each other.
    return sorted(
        salted_hmac("lockout-gate", name, algorithm="sha256").hexdigest() for name in names
    )


def _lock_gates(keys: list[str], now: datetime) -> None:
    """Hold the gate rows of these keys until the transaction ends, creating missing ones."""
    while True:
        gates = [LoginGate(key=key, used_at=now) for key in keys]
        LoginGate.objects.bulk_create(gates, ignore_conflicts=True)
        locked = LoginGate.objects.select_for_update().filter(key__in=keys).order_by("key")
        if len(locked) == len(keys):
            break
        # A purge deleted a gate between its creation and its lock: create it again.
    # A purge waiting on these rows reads this date again once they are free, and keeps them.
    LoginGate.objects.filter(key__in=keys).update(used_at=now)


def clear_failures(email: str) -> None:
    """Forget an e-mail's failures: its owner proved who they are (right password, reset link)."""
    FailedLogin.objects.for_email(normalise_email(email)).delete()


def purge_failed_logins(now: datetime | None = None) -> int:
    """Delete failures too old to count any more, and idle gates; returns how many failures went."""
    now = now or timezone.now()
    deleted, _ = FailedLogin.objects.not_after(now - _window()).delete()
    LoginGate.objects.filter(used_at__lte=now - _window()).delete()
    return deleted
