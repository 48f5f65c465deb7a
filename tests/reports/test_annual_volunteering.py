"""Volunteer time in the report's means: the year's hours, valued at the rate the hub folder
gives for that year with its basis stated, or said not valued when no rate is configured."""

import re
import shutil
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from maillage.activities.enums import ActivityStatus
from maillage.core.documents import Heading, Paragraph, Table
from maillage.hub import current_hub, load_hub
from maillage.reports.annual.building import build_content
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, report_of
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db
YEAR = 2026
RATES = """
[volunteer_rates]
2026 = { hourly = "12.02", basis = "SMIC horaire brut au 1er janvier 2026" }
"""


@pytest.fixture
def hub_with(settings, tmp_path):
    """Point the instance at a copy of the hub folder with `extra` appended to its hub.toml."""

    def configure(extra: str):
        directory = tmp_path / "hub"
        shutil.copytree(settings.HUB_DIR, directory)
        toml = directory / "hub.toml"
        shipped = toml.read_text().split("[volunteer_rates]")[0]
        toml.write_text(shipped + extra)
        settings.HUB_DIR = directory
        current_hub.cache_clear()
        return directory

    yield configure
    current_hub.cache_clear()


def held(month, day, hours, **fields):
    start = datetime(YEAR, month, day, 14, tzinfo=timezone.get_default_timezone())
    return ActivityFactory(
        starts_at=start, ends_at=start + timedelta(hours=2), volunteer_hours=hours, **fields
    )


def test_the_hours_are_valued_at_the_year_rate_with_its_basis(hub_with):
    hub_with(RATES)
    held(3, 2, Decimal("6.5"))
    held(5, 4, 4)
    held(6, 1, 40, status=ActivityStatus.CANCELLED)  # never held: not counted
    content = build_content(report_of(YEAR))
    (table,) = content.volunteering
    # 10.5 hours × 12.02 € = 126.21 €, shown to the euro.
    assert table.rows == [["Bénévolat (activités et réunions)", 10.5, "12,02", 126]]
    assert "SMIC horaire brut au 1er janvier 2026" in content.volunteering_note
    assert "hors des comptes" in content.volunteering_note


def test_a_year_without_a_rate_shows_its_hours_and_says_they_are_not_valued(hub_with):
    hub_with(RATES)
    held(3, 2, 3)
    content = build_content(report_of(YEAR - 1))  # no rate for that year…
    assert content.volunteering == []  # …and no hours either
    held_before = ActivityFactory(
        starts_at=datetime(YEAR - 1, 4, 1, 14, tzinfo=timezone.get_default_timezone()),
        ends_at=datetime(YEAR - 1, 4, 1, 16, tzinfo=timezone.get_default_timezone()),
        volunteer_hours=Decimal("7"),
    )
    content = build_content(report_of(held_before.starts_at.year))
    (table,) = content.volunteering
    assert table.header == ["Contribution", "Heures"]
    assert table.rows == [["Bénévolat (activités et réunions)", 7]]
    assert content.volunteering_note.startswith("Aucun taux horaire de valorisation")
    assert "€" not in str(content.volunteering)


def test_a_hub_without_any_rate_never_values_the_hours(hub_with):
    hub_with("")
    held(3, 2, 5)
    content = build_content(report_of(YEAR))
    assert content.volunteering[0].rows == [["Bénévolat (activités et réunions)", 5]]
    assert "ne sont pas valorisées" in content.volunteering_note


def test_the_frozen_document_holds_the_valuation_and_its_basis(hub_with):
    hub_with(RATES)
    held(3, 2, 100)
    blocks = build_document(freeze(report_of(YEAR))).blocks
    assert Heading(2, "Bénévolat valorisé") in blocks
    (table,) = [b for b in blocks if isinstance(b, Table) and b.caption.startswith("Contrib")]
    assert table.rows == (("Bénévolat (activités et réunions)", 100, "12,02", 1202),)
    said = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert re.search(r"12,02\s€ de l’heure \(SMIC horaire brut au 1er janvier 2026\)", said)


def test_a_rate_written_without_its_basis_is_refused(hub_with, settings):
    directory = hub_with('[volunteer_rates]\n2026 = { hourly = "12.02", basis = "" }\n')
    with pytest.raises(ImproperlyConfigured, match="basis"):
        load_hub(directory)


def test_a_rate_that_is_not_a_number_is_refused(hub_with):
    directory = hub_with('[volunteer_rates]\n2026 = { hourly = "douze", basis = "SMIC" }\n')
    with pytest.raises(ImproperlyConfigured, match="volunteer_rates"):
        load_hub(directory)
