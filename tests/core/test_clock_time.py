"""Times of day as French typography writes them, in the hub's local time."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template

from maillage.core.dates import clock_time, time_range

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 5, 12, 8, 0, tzinfo=UTC), f"10{NBSP}h"),  # summer time in Paris
        (datetime(2026, 12, 7, 8, 30, tzinfo=UTC), f"9{NBSP}h{NBSP}30"),
        (datetime(2026, 12, 7, 8, 5, tzinfo=UTC), f"9{NBSP}h{NBSP}05"),
    ],
)
def test_a_time_is_hours_then_minutes_when_there_are_some(moment, expected):
    assert clock_time(moment) == expected


def test_a_range_of_hours_reads_de_a():
    start = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    end = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
    assert time_range(start, end) == f"de 9{NBSP}h{NBSP}30 à 12{NBSP}h"


def test_the_template_filters_write_the_same_times():
    start = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    end = datetime(2026, 12, 7, 11, 0, tzinfo=UTC)
    text = Template("{{ start|clock }} / {{ start|time_range:end }}").render(
        Context({"start": start, "end": end})
    )
    assert text == f"9{NBSP}h{NBSP}30 / de 9{NBSP}h{NBSP}30 à 12{NBSP}h"
