"""The agenda's month as an accessible calendar grid, with the day-by-day list beside it."""

import re
from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from maillage.activities.enums import ActivityKind
from tests.activities.factories import ActivityFactory
from tests.typeset import french

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()
NBSP = "\u00a0"
# Wednesday 16 December 2026, 15 h in Paris.
NOW = datetime(2026, 12, 16, 15, 0, tzinfo=PARIS)
GRID = re.compile(r'<table class="month-grid">.*?</table>', re.S)
CELL = re.compile(r"<td[^>]*>.*?</td>", re.S)


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 12, day, hour, 0, tzinfo=PARIS)


@pytest.fixture
def december():
    return {
        "held": ActivityFactory(title="Forum tenu", starts_at=_at(3, 10), ends_at=_at(3, 12)),
        "coming": ActivityFactory(
            title="Atelier à venir",
            kind=ActivityKind.WORKSHOP,
            starts_at=_at(21, 9) + timedelta(minutes=30),
            ends_at=_at(21, 12),
        ),
        "other_month": ActivityFactory(
            title="Séance de janvier", starts_at=datetime(2027, 1, 5, 9, tzinfo=PARIS)
        ),
    }


def _grid(client, query: str = "") -> str:
    with time_machine.travel(NOW, tick=False):
        html = client.get(f"/agenda/mois/2026-12/{query}").content.decode()
    return GRID.search(html).group()


def _cell_of(grid: str, text: str) -> str:
    [cell] = [cell for cell in CELL.findall(grid) if text in cell]
    return cell


def test_the_grid_is_a_table_with_caption_and_weekday_headers(client, december):
    grid = _grid(client)
    assert "<caption>Activités de décembre 2026, semaine par semaine</caption>" in grid
    headers = re.findall(r'<th scope="col">(\w+)</th>', grid)
    assert headers == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    # December 2026 starts on a Tuesday and ends on a Thursday: five weeks, Monday to Sunday.
    assert grid.count("<tr>") == 6


def test_each_activity_is_a_link_in_the_cell_of_its_day(client, december):
    grid = _grid(client)
    coming = _cell_of(grid, "Atelier à venir")
    assert re.search(r'<span class="month-grid__day">21</span>', coming)
    assert f'href="{december["coming"].get_absolute_url()}"' in coming
    assert f"9{NBSP}h{NBSP}30 Atelier à venir" in coming
    assert "Séance de janvier" not in grid


def test_today_is_marked_and_past_activities_are_marked_past(client, december):
    grid = _grid(client)
    [today] = [cell for cell in CELL.findall(grid) if 'aria-current="date"' in cell]
    assert '<span class="month-grid__day">16</span>' in today
    assert "passée" in _cell_of(grid, "Forum tenu")
    assert "passée" not in _cell_of(grid, "Atelier à venir")


def test_the_filters_apply_to_the_grid_and_follow_to_the_next_month(client, december):
    grid = _grid(client, "?type=workshop")
    assert "Atelier à venir" in grid
    assert "Forum tenu" not in grid
    with time_machine.travel(NOW, tick=False):
        html = client.get("/agenda/mois/2026-12/?type=workshop").content.decode()
    assert 'href="/agenda/mois/2027-01/?type=workshop"' in html
    assert 'href="/agenda/mois/2026-11/?type=workshop"' in html


def test_the_phone_list_says_the_same_with_past_activities_marked(client, december):
    with time_machine.travel(NOW, tick=False):
        html = client.get("/agenda/mois/2026-12/").content.decode()
    listing = html[html.index('<div class="month-list">') :]
    cards = {card.split("</h3>")[0]: card for card in listing.split('<li class="card')[1:]}
    [held] = [card for title, card in cards.items() if "Forum tenu" in title]
    [coming] = [card for title, card in cards.items() if "Atelier à venir" in title]
    assert "Passée" in held
    assert "Passée" not in coming


def test_an_activity_over_several_days_shows_on_each_day_of_the_month_it_covers(client):
    ActivityFactory(title="Université d’hiver", starts_at=_at(30, 9), ends_at=_at(31, 17))
    ActivityFactory(
        title="Salon de fin d’année",
        starts_at=datetime(2026, 11, 30, 9, tzinfo=PARIS),
        ends_at=_at(1, 17),
    )
    grid = _grid(client)
    winter = [cell for cell in CELL.findall(grid) if "Université d’hiver" in cell]
    assert len(winter) == 2
    assert f"9{NBSP}h Université d’hiver" in winter[0]
    assert french("suite : Université d’hiver") in winter[1]
    # Begun in November: on the 1st only, as continued; not on the grey 30 November.
    [fair] = [cell for cell in CELL.findall(grid) if "Salon de fin d’année" in cell]
    assert '<span class="month-grid__day">1er</span>' in fair
    assert french("suite : Salon") in fair
