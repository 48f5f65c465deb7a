"""The demo loaded on any day gives the activity report of the current year and of the previous
one figures counted from its records: the first and the last day of a year are the hard ones."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from maillage.plan.indicators import TOTAL, Period, Scope, indicator_named

PARIS = ZoneInfo("Europe/Paris")
DAYS = [datetime(2027, 1, 1, 10, tzinfo=PARIS), datetime(2027, 12, 31, 18, tzinfo=PARIS)]


def figure(slug: str, year: int) -> float:
    indicator = indicator_named(slug)
    assert indicator is not None
    values = indicator.compute(Scope(Period.year(year))).total
    return values[TOTAL] if TOTAL in values else sum(values.values())


@pytest.mark.django_db
@pytest.mark.parametrize("day", DAYS, ids=lambda day: day.date().isoformat())
def test_the_reports_of_this_year_and_the_last_have_figures_whatever_the_loading_day(day):
    with time_machine.travel(day, tick=False):
        call_command("load_hub", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        year = timezone.localdate().year
        for shown in (year, year - 1):
            for slug in ("activities", "registrations", "attendance", "volunteer_hours"):
                assert figure(slug, shown) > 0, (slug, shown)
        # The whole previous year: a session every three weeks at least.
        assert figure("activities", year - 1) >= 17
