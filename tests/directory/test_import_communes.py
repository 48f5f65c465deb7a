"""Maps and sheets name communes the way people write them: resolved with the COG's history,
placed by their coordinates, proposed to staff when only close, listed when elsewhere."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from maillage.directory.enums import LocationCheckStatus, RowOutcome, Source
from maillage.directory.models import Establishment, LocationCheck
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.hub import load_hub
from maillage.territory.importer import TerritorySpec, import_territory, load_configured_territory
from maillage.territory.models import Territory
from tests.directory.test_gogocarto_import import element, export
from tests.directory.test_spreadsheet_import import line, sheet

POITOU = Path(settings.BASE_DIR) / "tests" / "territory" / "data" / "poitou" / "cog"
CODES = ("17349", "79048", "79191", "79216", "79270", "79285", "79307", "86123")


@pytest.fixture
def poitou(db):
    spec = TerritorySpec(name="Poitou", slug="poitou", source="INSEE", vintage="COG 2026")
    import_territory(TerritorySpec(**{**spec.__dict__, "commune_codes": CODES}), POITOU)
    return Territory.objects.get(slug="poitou")


@pytest.fixture
def redon(db):
    load_configured_territory(
        load_hub(Path(settings.BASE_DIR) / "hubs" / "pays-de-redon").territory
    )
    return Territory.objects.get(slug="pays-de-redon")


def located(place: str, postcode: str) -> dict:
    address = {"streetAddress": "1 place de la Mairie", "addressLocality": place}
    return {"address": address | {"postalCode": postcode}, "geo": {}}


def test_a_map_s_former_and_delegated_communes_land_in_their_commune_today(poitou, tmp_path):
    elements = [
        element("a", **located("Sauzé-Vaussais", "79190")),
        element("b", **located("Benassay", "86470")),
        element("c", **located("St jean de liversay", "17170")),
    ]

    run = GogocartoImporter(poitou).run(export(tmp_path, elements))

    assert (run.rows_created, run.rows_rejected) == (3, 0)
    communes = dict(Establishment.objects.values_list("source_ref", "commune__name"))
    assert communes == {
        "gogocarto:a": "Sauzé-entre-Bois",
        "gogocarto:b": "Boivre-la-Vallée",
        "gogocarto:c": "Saint-Jean-de-Liversay",
    }


def test_a_close_commune_is_proposed_to_staff_never_taken(poitou, tmp_path):
    run = GogocartoImporter(poitou).run(
        export(tmp_path, [element("p", **located("Le prahecq", ""))])
    )

    site = Establishment.objects.get()
    check = LocationCheck.objects.get()
    assert run.rows_created == 1
    assert site.commune is None
    assert site.city_name == "Le prahecq"
    assert (check.commune.name, check.written, check.run) == ("Prahecq", "Le prahecq", run)


def test_staff_confirm_a_proposed_commune_and_a_reimport_keeps_it(
    poitou, tmp_path, client_for, staff
):
    path = export(tmp_path, [element("p", **located("Le prahecq", ""))])
    GogocartoImporter(poitou).run(path)
    check = LocationCheck.objects.get()
    client = client_for(staff)

    page = client.get(reverse("directory:staff_location_checks")).content.decode()
    client.post(reverse("directory:decide_location_check", args=[check.pk]), {"decision": "accept"})
    GogocartoImporter(poitou).run(path)

    site = Establishment.objects.get()
    assert "Le prahecq" in page
    assert "Prahecq" in page
    assert site.commune.name == "Prahecq"
    assert site.provenance["commune_id"]["source"] == Source.STAFF
    assert LocationCheck.objects.get(pk=check.pk).status == LocationCheckStatus.ACCEPTED
    assert not LocationCheck.objects.pending().exists()


def test_a_refused_proposal_leaves_the_entry_without_commune(poitou, tmp_path, client_for, staff):
    GogocartoImporter(poitou).run(export(tmp_path, [element("p", **located("Prahec", "79230"))]))
    check = LocationCheck.objects.get()

    client_for(staff).post(
        reverse("directory:decide_location_check", args=[check.pk]), {"decision": "refuse"}
    )

    GogocartoImporter(poitou).run(export(tmp_path, [element("p", **located("Prahec", "79230"))]))

    assert Establishment.objects.get().commune is None
    assert LocationCheck.objects.get().status == LocationCheckStatus.REFUSED  # not asked again


def test_coordinates_place_an_element_that_names_no_city(redon, tmp_path):
    without_city = element("x", address={"streetAddress": "Quai Duguay-Trouin"})
    without_city["geo"] = {"latitude": 47.6516, "longitude": -2.0853}

    run = GogocartoImporter(redon).run(export(tmp_path, [without_city]))

    assert run.rows_created == 1
    assert Establishment.objects.get().commune.name == "Redon"


def test_rows_elsewhere_are_counted_and_listed_in_the_report(redon, tmp_path, client_for, staff):
    paris = element("y", address={"addressLocality": "Paris", "postalCode": "75011"})
    paris["geo"] = {"latitude": 48.85, "longitude": 2.37}
    run = GogocartoImporter(redon).run(export(tmp_path, [element("in"), paris]))

    page = client_for(staff).get(reverse("directory:import_run", args=[run.pk])).content.decode()

    assert (run.rows_created, run.rows_skipped, run.rows_rejected) == (1, 1, 0)
    outside = run.rejections.get()
    assert (outside.outcome, outside.line) == (RowOutcome.OUTSIDE, 2)
    assert "coordonnées hors du territoire" in outside.reason
    assert "Lignes hors du territoire (1)" in page


def test_a_sheet_s_abbreviated_and_former_names_resolve(redon, tmp_path):
    rows = [
        line(nom="Atelier", commune="Brain-sur-Vilaine", code_postal="35660"),
        line(nom="Jardin", commune="ST JACUT LES PINS", code_postal="56220"),
        line(nom="Ailleurs", commune="Rennes", code_postal="35000"),
    ]

    run = SpreadsheetImporter(redon).run(sheet(tmp_path, rows))

    assert (run.rows_created, run.rows_skipped, run.rows_rejected) == (2, 1, 0)
    assert set(Establishment.objects.values_list("commune__name", flat=True)) == {
        "La Chapelle-de-Brain",
        "Saint-Jacut-les-Pins",
    }
