"""The shared rate limit: counts per window, keeps no personal data, counts concurrent
requests exactly (each one once, whatever the interleaving), and forgets finished windows."""

import io
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from maillage.core.models import RateCounter
from maillage.core.ratelimit import Limit, count, purge_expired

EVERY_HOUR = Limit("test.form", hits=3, period=timedelta(hours=1))
NOON = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_the_limit_lets_n_requests_through_then_refuses_until_the_next_window():
    answers = [EVERY_HOUR.hit("192.0.2.7", now=NOON + timedelta(minutes=i)) for i in range(5)]

    assert answers == [True, True, True, False, False]
    assert EVERY_HOUR.hit("192.0.2.7", now=NOON + timedelta(minutes=61))


@pytest.mark.django_db
def test_each_client_and_each_form_has_its_own_count():
    other_form = Limit("test.other", hits=3, period=timedelta(hours=1))
    for _ in range(3):
        EVERY_HOUR.hit("192.0.2.7", now=NOON)

    assert EVERY_HOUR.hit("192.0.2.8", now=NOON)
    assert other_form.hit("192.0.2.7", now=NOON)
    assert not EVERY_HOUR.hit("192.0.2.7", now=NOON)


@pytest.mark.django_db
def test_the_table_keeps_no_address_or_e_mail_in_clear():
    EVERY_HOUR.hit("claire@exemple.org", now=NOON)
    EVERY_HOUR.hit("192.0.2.7", now=NOON)

    stored = " ".join(RateCounter.objects.values_list("bucket", flat=True))
    assert "claire" not in stored
    assert "192.0.2" not in stored


@pytest.mark.django_db
def test_purge_deletes_finished_windows_only():
    EVERY_HOUR.hit("ancien", now=NOON - timedelta(hours=2))
    EVERY_HOUR.hit("courant", now=NOON)

    assert purge_expired(now=NOON + timedelta(minutes=5)) == 1
    assert RateCounter.objects.get().hits == 1


def test_the_message_is_french():
    assert EVERY_HOUR.message.endswith("réessayer dans une heure.")
    assert Limit("x", 1, timedelta(minutes=10)).message.endswith("dans 10 minutes.")


CONCURRENT = 40


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_are_each_counted_exactly_once():
    """40 threads, each on its own database connection, released together: every count from
    1 to 40 is handed out once (a read-then-write counter hands out duplicates and loses
    hits), and the stored total is 40."""
    barrier = threading.Barrier(CONCURRENT)
    seen, errors = [], []

    def one_request():
        try:
            barrier.wait()
            seen.append(count(EVERY_HOUR, "192.0.2.7", now=NOON))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=one_request) for _ in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(seen) == list(range(1, CONCURRENT + 1))
    assert RateCounter.objects.get().hits == CONCURRENT


@pytest.mark.django_db
def test_the_daily_command_deletes_finished_windows():
    EVERY_HOUR.hit("ancien", now=NOON - timedelta(hours=2))
    output = io.StringIO()

    call_command("purge_rate_limits", stdout=output)

    assert output.getvalue() == "1 compteur supprimé.\n"
    assert not RateCounter.objects.exists()
