"""The Pays de Redon extract shipped with the hub: 31 communes of CA Redon Agglomération."""

import csv
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from maillage.hub import load_hub
from maillage.territory.cog import FILES
from maillage.territory.extract import extract_territory
from maillage.territory.importer import load_configured_territory
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory

pytestmark = pytest.mark.django_db

HUB_DIR = Path(settings.BASE_DIR) / "hubs" / "pays-de-redon"
REFERENCE = Path(__file__).parent / "data" / "communes_redon_agglomeration.csv"
FULL_DATA = Path("/work/shared/data/geo")


@pytest.fixture
def definition():
    return load_hub(HUB_DIR).territory


def reference_rows():
    with REFERENCE.open(encoding="utf-8") as file:
        return {row["code_insee"]: row for row in csv.DictReader(file)}


def test_nothing_is_loaded_before_the_hub_territory(db):
    assert current_territory() is None


def test_the_hub_territory_is_the_31_communes_of_redon_agglomeration(definition):
    load_configured_territory(definition)

    territory = current_territory()
    communes = Commune.objects.in_territory(territory)
    assert territory.name == "Pays de Redon"
    assert territory.vintage == definition.vintage
    assert communes.count() == 31
    assert Counter(c.departement.code for c in communes) == {"35": 12, "56": 11, "44": 8}
    assert {c.epci.code for c in communes} == {"243500741"}


def test_the_shipped_populations_and_postcodes_match_the_reference(definition):
    load_configured_territory(definition)

    reference = reference_rows()
    communes = {c.code: c for c in Commune.objects.in_territory(current_territory())}
    assert communes.keys() == reference.keys()
    for code, row in reference.items():
        assert communes[code].population == int(row["population"]), code
        assert communes[code].name == row["nom"]
        assert communes[code].postcodes == row["codes_postaux"].split(";")
        assert communes[code].siren == row["siren_commune"]


def test_every_shipped_commune_has_an_outline(definition):
    load_configured_territory(definition)

    assert not Commune.objects.in_territory(current_territory()).filter(outline=None).exists()


def test_an_old_code_of_the_territory_resolves(definition):
    load_configured_territory(definition)

    assert Commune.objects.resolve_code("35036").name == "La Chapelle-de-Brain"


def test_loading_the_hub_territory_again_is_fast_and_changes_nothing(definition):
    load_configured_territory(definition)

    started = time.perf_counter()
    report = load_configured_territory(definition)

    assert time.perf_counter() - started < 2
    assert (report.created, report.updated) == (0, 0)


def test_the_extract_stays_small():
    files = [*(HUB_DIR / "territory").rglob("*.json"), *(HUB_DIR / "territory").rglob("*.geojson")]
    assert len(files) == 5
    assert sum(f.stat().st_size for f in files) < 1_000_000


@pytest.mark.skipif(not FULL_DATA.is_dir(), reason="full-France source files not available")
def test_the_extract_is_reproduced_from_the_full_files(tmp_path):
    outlines = sorted((FULL_DATA / "contours-2018").glob("*.geojson"))

    extract_territory(FULL_DATA / "cog-2026", outlines, tmp_path, epci_codes=["243500741"])

    shipped = HUB_DIR / "territory"
    for name in (*(f"cog/{n}.json" for n in FILES), "contours-communes.geojson"):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
