from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from maillage.core.dates import french_date


def render(template: str, **context) -> str:
    return Template(template).render(Context(context))


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (date(2026, 1, 1), "j F Y", "1er janvier 2026"),
        (date(2026, 1, 2), "j F Y", "2 janvier 2026"),
        (date(2026, 12, 1), "l j F", "mardi 1er décembre"),
        (date(2026, 12, 1), "d/m/Y", "01/12/2026"),
        (date(2026, 3, 1), "F Y", "mars 2026"),
        (date(2026, 3, 1), r"j \j", "1er j"),
    ],
)
def test_the_first_of_the_month_is_written_1er(value, fmt, expected):
    assert french_date(value, fmt) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2026, 6, 23), "23 juin 2026"),
        (date(2026, 7, 23), "23 juil. 2026"),
        (date(2026, 11, 23), "23 nov. 2026"),
        (date(2026, 2, 1), "1er fév. 2026"),
    ],
)
def test_a_short_month_is_the_french_abbreviation(value, expected):
    assert french_date(value, "j M Y") == expected
    assert french_date(value, "j b Y") == expected
    assert french_date(value, r"j \M") == f"{value.day if value.day > 1 else '1er'} M"


def test_every_template_gets_the_french_date_filter():
    assert render('{{ day|date:"j F Y" }}', day=date(2026, 1, 1)) == "1er janvier 2026"


def test_a_datetime_is_formatted_in_local_time_first():
    # 23:30 UTC on 31 December is already 1 January in Paris.
    moment = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
    assert french_date(moment, "j F Y à H:i") == "1er janvier 2026 à 00:30"
    assert render('{{ moment|date:"j F Y à H:i" }}', moment=moment) == "1er janvier 2026 à 00:30"


def test_an_empty_value_stays_empty():
    assert render('{{ missing|date:"j F Y" }}', missing=None) == ""


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_only_the_first_day_changes(day):
    written = french_date(day, "j F Y")
    if day.day == 1:
        assert written.startswith("1er ")
    else:
        assert written.startswith(f"{day.day} ")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 ligne rejetée"),
        (1, "1 ligne rejetée"),
        (2, "2 lignes rejetées"),
        (1500, "1\xa0500 lignes rejetées"),
        ("0", "0 ligne rejetée"),
        ([], " ligne rejetée"),
        (["a", "b"], " lignes rejetées"),
    ],
)
def test_zero_and_one_take_the_singular(count, expected):
    text = render(
        "{{ shown }} ligne{{ count|pluralize }} rejetée{{ count|pluralize }}",
        shown="" if isinstance(count, list) else count,
        count=count,
    )
    assert text == expected


def test_singular_and_plural_suffixes():
    assert render('{{ n }} chev{{ n|pluralize:"al,aux" }}', n=0) == "0 cheval"
    assert render('{{ n }} chev{{ n|pluralize:"al,aux" }}', n=3) == "3 chevaux"


def test_a_value_that_is_no_count_gives_no_suffix():
    assert render("{{ value|pluralize }}", value=object()) == ""
    assert render("{{ value|pluralize }}", value="beaucoup") == ""
