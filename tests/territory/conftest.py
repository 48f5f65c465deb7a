"""A miniature France written to disk: two départements, two EPCI, a merged commune and a
commune nouvelle with a delegated commune, with 2018-style outlines that still carry old codes."""

import json
from pathlib import Path

import pytest

from maillage.territory.importer import TerritorySpec, import_territory
from maillage.territory.models import Territory

REGIONS = [
    {"code": "53", "chefLieu": "35238", "nom": "Bretagne", "typeLiaison": 0, "zone": "metro"},
    {"code": "52", "chefLieu": "44109", "nom": "Pays de la Loire", "typeLiaison": 0},
    {"code": "84", "chefLieu": "69123", "nom": "Auvergne-Rhône-Alpes", "typeLiaison": 1},
]
DEPARTEMENTS = [
    {"code": "35", "region": "53", "chefLieu": "35238", "nom": "Ille-et-Vilaine"},
    {"code": "44", "region": "52", "chefLieu": "44109", "nom": "Loire-Atlantique"},
    {"code": "01", "region": "84", "chefLieu": "01053", "nom": "Ain"},
]


def commune(code, nom, dep, reg, population, **extra):
    record = {"code": code, "nom": nom, "departement": dep, "region": reg}
    record |= {"type": "commune-actuelle", "siren": f"21{code}0", "population": population}
    record |= {"codesPostaux": [f"{dep}600"]}
    return record | extra


COMMUNES = [
    commune("35001", "Aval", "35", "53", 1000, anciensCodes=["35900"]),
    commune("35002", "Bourg-Neuf", "35", "53", 2000, anciensCodes=["35003"]),
    {
        "code": "35002",
        "nom": "Bourg",
        "type": "commune-deleguee",
        "chefLieu": "35002",
        "departement": "35",
        "region": "53",
    },
    {
        "code": "35003",
        "nom": "Vieux-Bourg",
        "type": "commune-deleguee",
        "chefLieu": "35002",
        "departement": "35",
        "region": "53",
    },
    commune("44001", "Canal", "44", "52", 500, codesPostaux=["44460", "44290"]),
    commune("44002", "Dehors", "44", "52", 700),
    commune("01001", "Loin", "01", "84", 300),
]
EPCI = [
    {
        "code": "200000001",
        "nom": "CC du Canal",
        "type": "CC",
        "populationMunicipale": 3500,
        "membres": [{"code": c} for c in ("35001", "35002", "44001")],
    },
    {
        "code": "200000002",
        "nom": "CC d’Ailleurs",
        "type": "CC",
        "populationMunicipale": 1000,
        "membres": [{"code": c} for c in ("44002", "01001")],
    },
]


def square(x, y):
    return [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]]


def feature(code, x, y):
    return {
        "type": "Feature",
        "properties": {"code": code, "nom": code},
        "geometry": {"type": "Polygon", "coordinates": square(x, y)},
    }


OUTLINES = {
    "type": "FeatureCollection",
    "features": [
        feature("35001", -2.0, 47.6),
        feature("35900", -2.1, 47.6),  # merged into 35001 since
        feature("35002", -2.0, 47.7),
        feature("35003", -2.1, 47.7),  # delegated commune of 35002
        feature("44001", -2.0, 47.5),
        feature("44002", -2.1, 47.5),
    ],
}


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def cog_dir(tmp_path):
    directory = tmp_path / "cog"
    directory.mkdir()
    for name, data in [
        ("communes", COMMUNES),
        ("epci", EPCI),
        ("departements", DEPARTEMENTS),
        ("regions", REGIONS),
    ]:
        write_json(directory / f"{name}.json", data)
    return directory


@pytest.fixture
def outline_file(tmp_path):
    return write_json(tmp_path / "contours.geojson", OUTLINES)


def spec(**overrides):
    values = {
        "name": "Pays du Canal",
        "slug": "pays-du-canal",
        "source": "INSEE, COG de test.",
        "vintage": "COG test",
        "epci_codes": ("200000001",),
    }
    return TerritorySpec(**(values | overrides))


@pytest.fixture
def canal(db, cog_dir, outline_file):
    """The three communes of the CC du Canal, imported as the hub's territory."""
    import_territory(spec(), cog_dir, [outline_file], make_default=True)

    return Territory.objects.get(slug="pays-du-canal")
