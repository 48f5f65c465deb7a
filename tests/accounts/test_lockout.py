"""Five failures lock an e-mail or an address for the window, even against the right password."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from maillage.accounts import lockout
from maillage.accounts.forms import INVALID_LOGIN
from maillage.accounts.models import FailedLogin, LoginGate
from tests.accounts.helpers import is_signed_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

WRONG = "pas-le-bon-mot-de-passe"
LOCKED = "Trop de tentatives de connexion ont échoué"


def fail_from_many_addresses(sign_in, email, times):
    """Failures on one e-mail, each from its own address, so only the e-mail can lock."""
    for attempt in range(times):
        sign_in(email, WRONG, ip=f"198.51.100.{attempt + 1}")


def test_fifth_failure_locks_the_email_and_says_to_wait_or_reset(sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES - 1)
    last = sign_in(member.email, WRONG, ip="198.51.100.99").content.decode()
    assert LOCKED in last
    assert "réessayez dans 15 minutes" in last
    assert "réinitialisez votre mot de passe" in last
    assert reverse("accounts:password_reset") in last


def test_four_failures_do_not_lock(client, sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES - 1)
    assert sign_in(member.email, ip="203.0.113.7").status_code == 302
    assert is_signed_in(client)


def test_locked_email_refuses_even_the_right_password_from_another_address(client, sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES)
    response = sign_in(member.email, PASSWORD, ip="203.0.113.7")
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not is_signed_in(client)


def test_lock_holds_whatever_the_case_of_the_email(client, sign_in, member):
    fail_from_many_addresses(sign_in, member.email.upper(), settings.LOGIN_MAX_FAILURES)
    sign_in(member.email, PASSWORD, ip="203.0.113.7")
    assert not is_signed_in(client)


def test_lock_is_released_once_the_window_has_passed(client, clock, sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES)
    clock.advance(seconds=settings.LOGIN_LOCKOUT_SECONDS - 1)
    sign_in(member.email, ip="203.0.113.7")
    assert not is_signed_in(client)
    clock.advance(seconds=2)
    assert sign_in(member.email, ip="203.0.113.7").status_code == 302
    assert is_signed_in(client)


def test_attempts_while_locked_do_not_extend_the_lock(client, clock, sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES)
    for _ in range(14):
        clock.advance(minutes=1)
        sign_in(member.email, WRONG, ip="203.0.113.7")
    clock.advance(minutes=2)
    sign_in(member.email, ip="203.0.113.7")
    assert is_signed_in(client)


def test_failures_from_one_address_lock_it_across_emails(client, sign_in, member):
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        sign_in(f"devine{attempt}@exemple.org", WRONG, ip="192.0.2.66")
    blocked = sign_in(member.email, PASSWORD, ip="192.0.2.66")
    assert LOCKED in blocked.content.decode()
    assert not is_signed_in(client)
    assert sign_in(member.email, PASSWORD, ip="192.0.2.67").status_code == 302


def test_success_clears_the_emails_failures(client, sign_in, member):
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES - 1)
    sign_in(member.email, ip="203.0.113.7")
    client.post(reverse("accounts:logout"))
    assert not FailedLogin.objects.for_email(member.email).exists()
    fail_from_many_addresses(sign_in, member.email, settings.LOGIN_MAX_FAILURES - 1)
    assert sign_in(member.email, ip="203.0.113.8").status_code == 302


def test_admin_login_page_honours_the_same_lock(client, sign_in, staff):
    fail_from_many_addresses(sign_in, staff.email, settings.LOGIN_MAX_FAILURES)
    client.post(
        reverse("admin:login"),
        {"username": staff.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert not is_signed_in(client)


def test_admin_login_failures_count_towards_the_lock(client, sign_in, staff):
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        client.post(
            reverse("admin:login"),
            {"username": staff.email, "password": WRONG},
            REMOTE_ADDR=f"198.51.100.{attempt + 1}",
        )
    assert LOCKED in sign_in(staff.email, ip="203.0.113.7").content.decode()


def test_invalid_message_is_shown_before_the_lock(sign_in):
    response = sign_in("personne@exemple.org", WRONG)
    assert INVALID_LOGIN in response.content.decode()


def test_is_locked_out_counts_only_failures_inside_the_window():
    start = timezone.now()
    for minute in range(settings.LOGIN_MAX_FAILURES):
        lockout.begin_attempt("Claire@Exemple.org", None, now=start + timedelta(minutes=minute))
    last = start + timedelta(minutes=settings.LOGIN_MAX_FAILURES - 1)
    assert lockout.is_locked_out("claire@exemple.org", None, now=last)
    # The first failure leaves the window 15 minutes after it happened.
    assert lockout.locked_until("claire@exemple.org", None, now=last) == start + timedelta(
        seconds=settings.LOGIN_LOCKOUT_SECONDS
    )
    assert not lockout.is_locked_out(
        "claire@exemple.org", None, now=start + timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    )


def test_purge_deletes_only_failures_older_than_the_window(clock):
    lockout.begin_attempt("ancien@exemple.org", "192.0.2.1")
    clock.advance(seconds=settings.LOGIN_LOCKOUT_SECONDS + 1)
    lockout.begin_attempt("recent@exemple.org", "192.0.2.1")
    call_command("purge_failed_logins")
    assert list(FailedLogin.objects.values_list("email", flat=True)) == ["recent@exemple.org"]


def test_a_forged_forwarded_header_does_not_escape_the_address_lock(client, sign_in, member):
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        client.post(
            reverse("accounts:login"),
            {"username": f"devine{attempt}@exemple.org", "password": WRONG},
            REMOTE_ADDR="192.0.2.66",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt + 1}",
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": member.email, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.66",
        HTTP_X_FORWARDED_FOR="198.51.100.200",
    )
    assert LOCKED in response.content.decode()
    assert not is_signed_in(client)


def test_behind_a_configured_proxy_each_visitor_has_his_own_lock(client, settings, member):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        client.post(
            reverse("accounts:login"),
            {"username": f"devine{attempt}@exemple.org", "password": WRONG},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="192.0.2.66",
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": member.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",  # the same proxy, another visitor
        HTTP_X_FORWARDED_FOR="192.0.2.67",
    )
    assert response.status_code == 302
    assert is_signed_in(client)


def test_attempts_still_being_checked_count_towards_the_lock():
    # Five attempts have begun and none has finished: a sixth, even with the right password,
    # must not be checked. This is what keeps a burst of attempts from slipping past the lock.
    for attempt in range(settings.LOGIN_MAX_FAILURES):
        assert lockout.begin_attempt("claire@exemple.org", f"198.51.100.{attempt + 1}")
    assert not lockout.begin_attempt("claire@exemple.org", "203.0.113.7")
    assert FailedLogin.objects.for_email("claire@exemple.org").count() == (
        settings.LOGIN_MAX_FAILURES + 1
    )


def test_purge_deletes_idle_gates(clock):
    lockout.begin_attempt("ancien@exemple.org", "192.0.2.1")
    clock.advance(seconds=settings.LOGIN_LOCKOUT_SECONDS + 1)
    lockout.begin_attempt("recent@exemple.org", "192.0.2.2")
    call_command("purge_failed_logins")
    assert LoginGate.objects.count() == 2  # the recent e-mail's and address's gates
