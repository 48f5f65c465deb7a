"""The comparison with published figures is data of the hub folder: another hub's file gives
another page, and the gaps are explained from the perimeters and definitions it declares."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from maillage.hub import current_hub
from maillage.observatory.enums import Indicator
from maillage.observatory.figures.compute import compute_from_directory
from maillage.observatory.models import ReferenceFigure
from maillage.observatory.sources.published import read_publications

ROOT = Path(__file__).resolve().parent.parent.parent
NBSP = "\u00a0"

OTHER_HUB_FIGURES = """
publications:
  - title: "Atlas de l’ESS du Val de test"
    producer: "Observatoire régional de test"
    source: "INSEE, Flores"
    vintage: "2022"
    definitions:
      salaries_ess: "postes salariés au 31 décembre (Flores)"
    areas:
      - name: "Val de test"
        perimeter:
          name: "Val de test, périmètre de 2022"
          communes:
            "35236": "Redon"
            "35900": "Vieux-Bains"
            "35999": "Hors-Champ"
        figures:
          etablissements_employeurs_ess: 5
          salaries_ess: 20
          part_emploi_salarie_ess: 1.5
      - name: "Vieux-Bains"
        now: "Bains-sur-Oust"
        commune: "35900"
        figures: {salaries_ess: 2}
"""


@pytest.fixture
def snapshot(hand_directory):
    ReferenceFigure.objects.create(
        area_name=hand_directory.name,
        area_code=hand_directory.slug,
        indicator=Indicator.ALL_JOBS,
        value=1000,
        unit="emplois",
        data_year="2024",
        publication="Dénominateur de test",
        producer="test",
    )
    return compute_from_directory(data_date=date(2025, 1, 1))  # ESS share: 23,5 / 1 000


@pytest.fixture
def other_hub(settings, tmp_path):
    directory = tmp_path / "autre-pole"
    shutil.copytree(settings.HUB_DIR, directory)
    (directory / "published.yaml").write_text(OTHER_HUB_FIGURES, encoding="utf-8")
    settings.HUB_DIR = directory
    current_hub.cache_clear()
    yield directory
    current_hub.cache_clear()


def test_the_shipped_hub_declares_its_published_perimeter_and_sources(settings):
    publications = read_publications(Path(settings.HUB_DIR) / "published.yaml")

    panorama = publications[0]
    territory = panorama.areas[0]
    assert len(territory.perimeter.communes) == 40
    assert panorama.vintage
    assert panorama.source
    assert panorama.definitions
    assert "Maure-de-Bretagne (aujourd’hui Val d’Anast)" in [a.label for a in panorama.areas]


def test_another_hubs_page_explains_its_own_perimeter_and_definitions(
    client_for, staff, snapshot, other_hub
):
    page = client_for(staff).get("/observatoire/comparaison/").content.decode()

    assert "INVALID_TEMPLATE_VARIABLE" not in page
    assert "Atlas de l’ESS du Val de test" in page
    # The old code 35900 is followed to Bains-sur-Oust: only Hors-Champ differs.
    assert "compte 3 communes" in page
    assert f"seulement dans le périmètre publié{NBSP}: Hors-Champ" in page  # French spaces
    assert "seulement dans le territoire de l’instantané" not in page
    assert "postes salariés au 31 décembre (Flores)" in page
    assert "Ancienne commune, comptée avec Bains-sur-Oust (35013)" in page
    assert "Vieux-Bains (aujourd’hui Bains-sur-Oust)" in page
    assert "Panorama" not in page
    assert "Pipriac" not in page


def test_gaps_are_counts_without_decimals_and_points_for_shares(client_for, staff, snapshot):
    page = client_for(staff).get("/observatoire/comparaison/").content.decode()

    assert f"13{NBSP}700 établissements" in page
    assert "149 salariés" in page
    assert ",0 établissements" not in page
    assert ",0 salariés" not in page
    assert f"2,4{NBSP}%" in page  # computed ESS share
    assert f"\u221211,8{NBSP}pt" in page  # against 14,1 % published: a gap in points
    assert "now Val" not in page
    assert "Maure-de-Bretagne (aujourd’hui Val d’Anast)" in page
    assert "seulement dans le périmètre publié" in page


def _place_names(hub_dir: Path) -> set[str]:
    data = yaml.safe_load((hub_dir / "published.yaml").read_text(encoding="utf-8"))
    names = set()
    for publication in data["publications"]:
        for area in publication["areas"]:
            names |= {area["name"], area.get("now", "")}
            names |= set((area.get("perimeter") or {}).get("communes", {}).values())
    names.add(current_hub().territory.name)
    return {name for name in names if name}


def test_the_code_names_no_place_of_the_hub_outside_the_hub_folder_and_the_demo(settings):
    names = _place_names(Path(settings.HUB_DIR))
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len)[::-1])) + r")\b")
    found = []
    for path in (ROOT / "maillage").rglob("*"):
        relative = path.relative_to(ROOT).as_posix()
        if path.suffix not in {".py", ".html", ".txt", ".md", ".js", ".css", ".yaml", ".toml"}:
            continue
        if "/migrations/" in relative or "/demo/" in relative or path.name == "demo.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if match := pattern.search(line):
                found.append(f"{relative}:{number}: {match.group(0)}")
    assert {"Pipriac", "Pays de Redon"} <= names
    assert found == []
