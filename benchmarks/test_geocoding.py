"""Geocoding 10,000 addresses through the batch endpoint (`/search/csv/`) of the local stand-in
of the Base Adresse Nationale's API (issue 15): addresses per second, and memory flat, asserted
as the peak growth for 10,000 addresses against the same for 1,000 (a pipeline that kept every
answer would grow ten times more).

    .venv/bin/pytest benchmarks/test_geocoding.py -p no:cacheprovider -s
"""

import time
from pathlib import Path

import pytest

from benchmarks.french import met
from benchmarks.process_memory import status_kb
from maillage.core.french import number as fr
from maillage.directory.enums import GeocodingStatus
from maillage.directory.geocoding.batches import geocode_batch, queue_missing
from maillage.directory.geocoding.client import BanClient
from maillage.directory.models import Establishment, Geocoding, LegalUnit
from tests.ban_stand_in import StandIn

pytestmark = pytest.mark.django_db

MANY, FEWER = 10_000, 1_000
FLAT_RATIO = 1.5
TARGET_PER_SECOND = 100
TARGET_MB = 100


def _addresses(count: int, unit: LegalUnit) -> None:
    Establishment.objects.bulk_create(
        (
            Establishment(legal_unit=unit, name=f"Lieu {i}", street="3 rue des Douves",
                          postcode="35600", city_name="Redon")
            for i in range(count)
        ),
        batch_size=1000,
    )  # fmt: skip


def _geocode(client: BanClient) -> tuple[int, float]:
    start = time.perf_counter()
    queue_missing()
    done = 0
    while size := geocode_batch(client):
        done += size
    return done, time.perf_counter() - start


def _peak_growth_mb(action):
    start = status_kb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the high-water mark starts again from now
    result = action()
    return result, (status_kb("VmHWM") - start) / 1024


def test_ten_thousand_addresses_through_the_batch_endpoint(settings, capsys):
    settings.GEOCODING_BATCH_SIZE = 1000
    unit = LegalUnit.objects.create(name="Banc d’essai", source_ref="banc:geocodage")
    with StandIn() as ban:
        client = BanClient(ban.url, timeout=60)
        _addresses(FEWER, unit)
        (few, few_seconds), few_mb = _peak_growth_mb(lambda: _geocode(client))
        _addresses(MANY, unit)
        (many, seconds), many_mb = _peak_growth_mb(lambda: _geocode(client))
        batches = len(ban.requests)

    assert (few, many) == (FEWER, MANY)
    placed = Geocoding.objects.filter(status=GeocodingStatus.PLACED).count()
    assert placed == FEWER + MANY
    rate = MANY / seconds
    with capsys.disabled():
        print(
            f"\ngéocodage par lots de {fr(settings.GEOCODING_BATCH_SIZE)} adresses "
            f"(/search/csv/ du substitut local, {fr(batches)} lots)\n"
            f"  {fr(FEWER):>7} adresses : {fr(few_seconds, 1):>6} s  "
            f"{fr(FEWER / few_seconds):>6} adresses/s  mémoire +{fr(few_mb, 1)} Mo\n"
            f"  {fr(MANY):>7} adresses : {fr(seconds, 1):>6} s  "
            f"{fr(rate):>6} adresses/s  mémoire +{fr(many_mb, 1)} Mo\n"
            f"  ≥ {TARGET_PER_SECOND} adresses/s : {met(rate >= TARGET_PER_SECOND)} ; "
            f"mémoire ≤ {TARGET_MB} Mo : {met(many_mb <= TARGET_MB)} ; "
            f"rapport {fr(many_mb / max(few_mb, 1), 2)}× pour 10× plus d’adresses "
            f"(plafond {fr(FLAT_RATIO, 1)}×)"
        )
    assert many_mb <= FLAT_RATIO * max(few_mb, 10)
