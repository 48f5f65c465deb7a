"""Staff type the reference figures in a page of the observatory, not in the admin: the
all-sector jobs of the territory then give the ESS share of the next snapshots."""

from decimal import Decimal

import pytest

from maillage.observatory.enums import Indicator
from maillage.observatory.figures.store import reference_jobs
from maillage.observatory.models import ReferenceFigure

pytestmark = pytest.mark.django_db


def figure_data(**overrides):
    data = {
        "indicator": Indicator.ALL_JOBS,
        "value": "25 310",
        "unit": "emplois",
        "area_name": "Pays de Redon",
        "area_code": "pays-de-redon",
        "data_year": "2023",
        "publication": "Flores 2023",
        "producer": "INSEE",
    }
    return data | overrides


def test_staff_add_the_territory_s_all_sector_jobs_used_as_denominator(
    client_for, staff, territory
):
    client = client_for(staff)
    form_page = client.get("/observatoire/chiffres-de-reference/nouveau/").content.decode()
    assert f'value="{territory.slug}"' in form_page

    response = client.post(
        "/observatoire/chiffres-de-reference/nouveau/",
        figure_data(area_code=territory.slug, value="25310"),
    )

    assert response.status_code == 302
    assert reference_jobs(territory).value == Decimal("25310")
    listing = client.get("/observatoire/chiffres-de-reference/").content.decode()
    assert "25\u00a0310 emplois" in listing


def test_a_share_is_typed_with_a_french_decimal_comma(client_for, staff):
    client = client_for(staff)

    client.post(
        "/observatoire/chiffres-de-reference/nouveau/",
        figure_data(indicator=Indicator.ESS_JOB_SHARE, value="12,7", unit="%"),
    )

    assert ReferenceFigure.objects.get().value == Decimal("12.7")
    assert "12,7 %" in client.get("/observatoire/chiffres-de-reference/").content.decode()


def test_staff_correct_then_delete_a_figure(client_for, staff):
    client = client_for(staff)
    figure = ReferenceFigure.objects.create(**figure_data(value=Decimal("25000")))

    client.post(f"/observatoire/chiffres-de-reference/{figure.pk}/", figure_data(value="25310"))
    figure.refresh_from_db()
    assert figure.value == Decimal("25310")

    client.post(f"/observatoire/chiffres-de-reference/{figure.pk}/supprimer/")
    assert not ReferenceFigure.objects.exists()


def test_the_same_figure_twice_is_refused_in_french(client_for, staff):
    client = client_for(staff)
    ReferenceFigure.objects.create(**figure_data(value=Decimal("25000")))

    response = client.post("/observatoire/chiffres-de-reference/nouveau/", figure_data())

    assert response.status_code == 400
    assert "existe déjà" in response.content.decode()


def test_reference_pages_are_for_staff_only(client_for, member):
    client = client_for(member)
    figure = ReferenceFigure.objects.create(**figure_data(value=Decimal("25000")))

    for path in ("", "nouveau/", f"{figure.pk}/"):
        assert client.get(f"/observatoire/chiffres-de-reference/{path}").status_code == 403
    assert (
        client.post(f"/observatoire/chiffres-de-reference/{figure.pk}/supprimer/").status_code
        == 403
    )
    assert ReferenceFigure.objects.exists()
