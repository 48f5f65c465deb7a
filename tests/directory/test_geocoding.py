"""Addresses without coordinates are geocoded by the real task worker through a local stand-in
of the Base Adresse Nationale's API; when the API is down, slow or answers garbage, nothing is
lost: the entries wait with a clear status and are placed once the API answers again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.directory import grid, map_clusters
from maillage.directory.enums import GeocodingStatus, ImportStatus, LocationCheckKind, Source
from maillage.directory.geocoding.tasks import geocode_addresses
from maillage.directory.models import (
    Establishment,
    Geocoding,
    ImportRun,
    LocationCheck,
    MapCellCount,
)
from maillage.directory.stewardship import locations
from tests.ban_stand_in import StandIn
from tests.directory.factories import EstablishmentFactory
from tests.tokens import with_token
from tests.workers import DATABASE_TASKS, RunningWorker, run_db_worker

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture
def sites(transactional_db):
    def at(street, postcode="35600", city="Redon"):
        return EstablishmentFactory(street=street, postcode=postcode, city_name=city)

    return {
        "good": at("3 rue des Douves"),
        "weak": at("12 rue imaginaire"),
        "unknown": at("zz", postcode="", city=""),
        "no_street": at(""),
    }


@pytest.fixture(scope="class")
def service(django_db_setup, tmp_path_factory):
    """The stand-in and one real worker pointed at it, shared by the tests of a class (starting
    a worker costs seconds of processor time); each test sets how the stand-in behaves."""
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    with StandIn() as ban, RunningWorker(log, BAN_API_URL=ban.url) as worker:
        yield ban, worker


@pytest.fixture
def ban(service):
    ban, _ = service
    ban.mode = "ok"
    ban.requests.clear()
    return ban


@pytest.fixture
def geocode(service, settings):
    """Queue the geocoding in the database and wait until the shared worker has run it."""
    _, worker = service
    settings.TASKS = DATABASE_TASKS

    def run():
        geocode_addresses.enqueue()
        worker.drain()

    return run


def geocode_through_a_worker_of_its_own(url: str):
    geocode_addresses.enqueue()
    worker = run_db_worker(BAN_API_URL=url)
    assert worker.returncode == 0, worker.stderr


def status(site) -> Geocoding:
    return Geocoding.objects.get(establishment=site)


class TestWithOneWorker:
    def test_addresses_are_placed_in_batches_with_their_score_kept(self, sites, ban, geocode):
        geocode()

        good = Establishment.objects.get(pk=sites["good"].pk)
        assert (good.longitude, good.latitude) == (-2.0849, 47.6514)
        assert good.provenance["longitude"]["source"] == Source.GEOCODER
        assert (status(good).status, status(good).score) == (GeocodingStatus.PLACED, 0.88)
        assert ban.requests == ["/search/csv/"]  # one batch for all
        assert status(sites["unknown"]).status == GeocodingStatus.NOT_FOUND
        assert not Geocoding.objects.filter(establishment=sites["no_street"]).exists()
        # Written in bulk by the worker, the positions are on the map's counts at its commit.
        assert map_clusters.is_fresh()
        placed = MapCellCount.objects.filter(level=grid.TILE_ZOOM).values_list("count", flat=True)
        assert sum(placed) == Establishment.objects.published().located().count() >= 1

    def test_a_low_score_is_not_taken_but_proposed_to_staff(self, sites, ban, geocode, staff):
        geocode()

        weak = Establishment.objects.get(pk=sites["weak"].pk)
        check = LocationCheck.objects.get(establishment=weak, kind=LocationCheckKind.ADDRESS)
        assert weak.longitude is None
        assert status(weak).status == GeocodingStatus.TO_CONFIRM
        assert "sous le seuil de 70 %" in check.reason

        locations.accept(check, staff)

        weak.refresh_from_db()
        assert weak.longitude == check.longitude
        assert weak.provenance["longitude"]["source"] == "staff"
        assert status(weak).status == GeocodingStatus.PLACED

    @pytest.mark.parametrize(
        ("mode", "message"),
        [
            ("slow", "ne répond pas à temps"),
            ("garbage", "réponse illisible"),
            ("error", "service d’adresses injoignable (503)"),
        ],
    )
    def test_when_the_api_fails_nothing_is_lost_and_it_is_tried_again(
        self, sites, ban, geocode, mode, message
    ):
        ban.mode = mode
        geocode()

        assert_waits_with(sites["good"], message)

        ban.mode = "ok"
        Geocoding.objects.update(retry_after=None)  # time passes
        geocode()

        assert_placed_again(sites["good"])


@override_settings(TASKS=DATABASE_TASKS)
def test_when_the_api_is_down_nothing_is_lost_and_it_is_tried_again(sites):
    """A closed port, not the stand-in: the worker is started with that address."""
    geocode_through_a_worker_of_its_own(CLOSED_PORT)

    assert_waits_with(sites["good"], "service d’adresses injoignable")

    Geocoding.objects.update(retry_after=None)  # time passes
    with StandIn() as ban:
        geocode_through_a_worker_of_its_own(ban.url)

    assert_placed_again(sites["good"])


def assert_waits_with(site, message: str) -> None:
    waiting = status(site)
    assert Establishment.objects.get(pk=site.pk).longitude is None
    assert (waiting.status, waiting.attempts) == (GeocodingStatus.PENDING, 1)
    assert message in waiting.last_error
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now()  # the worker comes back by itself


def assert_placed_again(site) -> None:
    assert Establishment.objects.get(pk=site.pk).longitude == -2.0849
    assert status(site).status == GeocodingStatus.PLACED
    assert status(site).last_error == ""


def test_an_uploaded_sheet_lands_while_the_api_is_down_and_its_entries_wait(
    client_for, staff, territory, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    sheet = "nom;adresse;code_postal;commune\nLa Recyclerie;3 rue des Douves;35600;Redon\n"
    upload = SimpleUploadedFile("annuaire.csv", sheet.encode(), content_type="text/csv")

    client_for(staff).post(
        reverse("directory:imports"), with_token({"kind": "spreadsheet", "file": upload})
    )

    run = ImportRun.objects.get()
    site = Establishment.objects.get()
    assert (run.status, run.rows_created) == (ImportStatus.SUCCEEDED, 1)
    assert site.longitude is None
    assert status(site).status == GeocodingStatus.PENDING
    assert "service d’adresses injoignable" in status(site).last_error
