"""Background work of the accounts."""

from django_tasks import task

from maillage.accounts.lockout import purge_failed_logins


@task()
def purge_expired_failed_logins() -> int:
    return purge_failed_logins()
