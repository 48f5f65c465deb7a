"""The site with `register` stripped of its lock and its transaction: what the registration code
would be as a plain « count the seats, then insert », for the concurrency tests to run through
the same HTTP path (view, form, rate limit, e-mail) and see it overbook. Never used outside them.
"""

from maillage.wsgi import application  # noqa: F401 (gunicorn serves it; sets Django up first)

from maillage.activities import notifications, registration  # isort: skip


def register_without_lock(
    activity, *, name, email, organisation="", consent, user=None, by_staff=False
):
    """`registration.register` minus `transaction.atomic()` and `select_for_update()`: each
    query commits on its own, so two clients can both count 19 seats taken and both insert."""
    name = registration.clean_line(name, "nom", registration.NAME_MAX, required=True)
    email = registration.clean_email(email)
    registration.check_open(activity, user, by_staff=by_staff)
    status = registration.status_for_newcomer(activity)
    existing = activity.registrations.active().filter(email__iexact=email).first()
    if existing is not None:
        raise registration.AlreadyRegistered(existing)
    created = registration.create(activity, status, name, email, organisation, consent, user)
    notifications.registered(created)
    return created


registration.register = register_without_lock
