"""Communes as people write them, resolved with the COG's own history (real extracts)."""

from pathlib import Path

import pytest
from django.conf import settings

from maillage.hub import load_hub
from maillage.territory.enums import Resolution
from maillage.territory.importer import TerritorySpec, import_territory, load_configured_territory
from maillage.territory.models import CommuneName, Territory
from maillage.territory.resolution import CommuneResolver

pytestmark = pytest.mark.django_db

POITOU = Path(__file__).parent / "data" / "poitou" / "cog"
CODES = ("17349", "79048", "79191", "79216", "79270", "79285", "79307", "86123")


@pytest.fixture
def poitou(db):
    spec = TerritorySpec(
        name="Poitou (test)",
        slug="poitou",
        source="INSEE, COG 2026 et mouvements des communes 2025.",
        vintage="COG 2026",
        commune_codes=CODES,
    )
    import_territory(spec, POITOU, make_default=True)
    return CommuneResolver(Territory.objects.get(slug="poitou"))


@pytest.fixture
def redon(db):
    load_configured_territory(
        load_hub(Path(settings.BASE_DIR) / "hubs" / "pays-de-redon").territory
    )
    return CommuneResolver(Territory.objects.get(slug="pays-de-redon"))


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Saint-Jean-de-Liversay", "17349"),
        ("St jean de liversay", "17349"),
        ("ST-JEAN-DE-LIVERSAY", "17349"),
        ("Saint Maixent l'Ecole", "79270"),
        ("ST MAIXENT L’ÉCOLE", "79270"),
        ("La Crèche", "79048"),
        ("Crèche (La)", "79048"),
        ("creche", "79048"),
        ("NIORT CEDEX 9", "79191"),
        ("Prahecq", "79216"),
    ],
)
def test_current_names_resolve_however_they_are_written(poitou, written, code):
    match = poitou.resolve(name=written)

    assert match.outcome == Resolution.FOUND
    assert match.place.code == code


@pytest.mark.parametrize(
    ("written", "code", "current"),
    [
        ("Sauzé-Vaussais", "79307", "Sauzé-entre-Bois"),  # commune déléguée
        ("sauze vaussais", "79307", "Sauzé-entre-Bois"),
        ("Pers", "79307", "Sauzé-entre-Bois"),  # another déléguée of the same commune
        ("Benassay", "86123", "Boivre-la-Vallée"),  # merged in 2019, no longer déléguée
        ("Soutiers", "79285", "Saint-Pardoux-Soutiers"),
        ("Saint-Pardoux", "79285", "Saint-Pardoux-Soutiers"),  # its own name before 2019
        ("Chavagné", "79048", "La Crèche"),  # merged in 1965
        ("Breloux-la-Crèche", "79048", "La Crèche"),
    ],
)
def test_former_and_delegated_communes_resolve_to_the_current_one(poitou, written, code, current):
    match = poitou.resolve(name=written)

    assert match.outcome == Resolution.FOUND
    assert match.place.code == code
    assert f"aujourd’hui {current}" in match.reason


@pytest.mark.parametrize(("old", "current"), [("86021", "86123"), ("79318", "79285")])
def test_old_insee_codes_resolve(poitou, old, current):
    assert poitou.resolve(code=old).place.code == current
    assert poitou.resolve(code=current).place.code == current


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Le prahecq", "79216"),  # Prahecq has no article
        ("Prahec", "79216"),
        ("St jean de liversai", "17349"),
        ("Benassai", "86123"),
    ],
)
def test_a_close_but_uncertain_name_is_only_proposed(poitou, written, code):
    match = poitou.resolve(name=written)

    assert match.outcome == Resolution.PROPOSED
    assert match.place.code == code
    assert f"« {written} »" in match.reason


def test_a_commune_elsewhere_is_outside_not_unknown(poitou):
    assert poitou.resolve(name="Rennes", postcode="35000").outcome == Resolution.OUTSIDE
    assert poitou.resolve(code="35238").outcome == Resolution.OUTSIDE


def test_an_unknown_name_without_postcode_is_unknown(poitou):
    match = poitou.resolve(name="Ys")

    assert match.outcome == Resolution.UNKNOWN
    assert "« Ys »" in match.reason


def test_the_history_s_names_are_stored_once_and_reimport_changes_nothing(poitou):
    names = set(CommuneName.objects.values_list("name", "commune__code"))
    spec = TerritorySpec(
        name="Poitou (test)", slug="poitou", source="s", vintage="v", commune_codes=CODES
    )

    report = import_territory(spec, POITOU)

    assert ("Benassay", "86123") in names
    assert report.details["ancien nom de commune"][:2] == (0, 0)


def test_coordinates_inside_an_outline_resolve_to_that_commune(redon):
    match = redon.resolve(longitude=-2.0853, latitude=47.6516, name="Paris")

    assert match.outcome == Resolution.FOUND
    assert match.place.name == "Redon"


def test_coordinates_outside_every_outline_are_outside_unless_the_name_is_of_the_territory(redon):
    assert redon.resolve(longitude=2.35, latitude=48.85, name="Paris").outcome == Resolution.OUTSIDE
    assert redon.resolve(longitude=2.35, latitude=48.85).outcome == Resolution.OUTSIDE
    assert redon.resolve(longitude=2.35, latitude=48.85, name="Redon").place.name == "Redon"


def test_the_hub_s_former_communes_resolve(redon):
    match = redon.resolve(name="Brain-sur-Vilaine")

    assert match.place.name == "La Chapelle-de-Brain"
    assert redon.resolve(name="St Jacut").place.name == "Saint-Jacut-les-Pins"
