"""The open data of grants follows the SCDL « subventions » schema exactly, and checks what its
usual validators skip: the SIRET's key and « SIRET or RNA » for the beneficiary."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from maillage.reports.funding.models import GrantsPublication, Redistribution
from maillage.reports.funding.scdl import Party, build, problems
from maillage.reports.funding.table_schema import columns, load, row_problems
from tests.reports.funding.factories import FunderFactory, GrantFactory, InstalmentFactory
from tests.tokens import with_token

pytestmark = pytest.mark.django_db
HUB = Party("CADES du Pays de Redon", siret="22350001800013")


def read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_row_holds_the_schema_s_columns_and_passes_its_constraints():
    grant = GrantFactory(funder=FunderFactory(name="Région Bretagne", siret="23350001600040"))
    InstalmentFactory(grant=grant, amount=Decimal("12000"), expected_on=date(2026, 3, 1))
    InstalmentFactory(grant=grant, amount=Decimal("8000"), expected_on=date(2026, 11, 1))
    Redistribution.objects.create(
        grant=grant,
        beneficiary_name="Association fictive des Jardins",
        rna_id="W353001234",
        purpose="Fonds d’amorçage des initiatives locales",
        amount=Decimal("1500"),
        agreement_on=date(2026, 4, 2),
    )

    text = build(HUB).csv()

    header = text.splitlines()[0].split(",")
    assert header == columns(load())
    rows = read(text)
    assert [row_problems(load(), row) + problems(row) for row in rows] == [[], []]
    received, redistributed = rows
    assert received["montant"] == "20000.00"
    assert received["conditionsVersement"] == "échelonné"
    assert received["datesPeriodeVersement"] == "2026-03-01/2026-11-01"
    assert received["idBeneficiaire"] == "22350001800013"
    assert redistributed["nomAttribuant"] == "CADES du Pays de Redon"
    assert redistributed["rnaBeneficiaire"] == "W353001234"


def test_a_funder_s_siret_with_a_wrong_key_keeps_its_grant_out_with_a_french_reason():
    GrantFactory(funder=FunderFactory(siret="23350001600041"), purpose="Animation")

    export = build(HUB)

    assert export.rows == []
    [(name, reasons)] = export.refused
    assert name.startswith("Animation (")
    assert reasons == [
        "La colonne idAttribuant : « 23350001600041 » n’est pas un SIRET valide : "
        "sa clé de contrôle est fausse."
    ]


def test_a_hub_with_neither_siret_nor_rna_cannot_publish_what_it_receives():
    GrantFactory()

    export = build(Party("CADES du Pays de Redon"))

    assert "Le bénéficiaire doit avoir un SIRET ou un numéro RNA." in export.refused[0][1]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("dateConvention", "02/03/2026", "n’est pas une date AAAA-MM-JJ"),
        ("montant", "20 000,00", "n’est pas un nombre"),
        ("nature", "subvention", "n’est pas une valeur permise"),
        ("idAttribuant", "2335000160004", "n’a pas la forme attendue"),
        ("notificationUE", "false", "n’est pas l’une des valeurs oui, non"),
        ("pourcentageSubvention", "1.5", "est supérieur à 1"),
        ("objet", "x" * 257, "dépasse 256 caractères"),
        ("nomAttribuant", "", "est obligatoire"),
    ],
)
def test_the_validator_refuses_each_broken_constraint(column, value, reason):
    good = {
        "nomAttribuant": "Région Bretagne",
        "idAttribuant": "23350001600040",
        "dateConvention": "2026-02-01",
        "referenceDecision": "",
        "nomBeneficiaire": "CADES",
        "idBeneficiaire": "22350001800013",
        "rnaBeneficiaire": "",
        "objet": "Animation",
        "montant": "20000.00",
        "nature": "aide en numéraire",
        "conditionsVersement": "unique",
        "datesPeriodeVersement": "2026-03-01",
        "idRAE": "",
        "notificationUE": "non",
        "pourcentageSubvention": "1.00",
        "dispositifAide": "",
    }
    assert row_problems(load(), good) == []

    found = row_problems(load(), good | {column: value})

    assert len(found) == 1
    assert column in found[0]
    assert reason in found[0]


def test_staff_download_the_file_and_see_what_was_left_out(client_for, staff):
    GrantFactory(funder=FunderFactory(siret=""), purpose="Fonds sans SIRET")
    client = client_for(staff)

    page = client.get(reverse("funding:open_data")).content.decode()
    download = client.get(reverse("funding:open_data_csv"))

    assert "La colonne idAttribuant est obligatoire." in page
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download.content.decode().splitlines() == [",".join(columns(load()))]


@pytest.mark.parametrize("role", ["member", "partner"])
def test_the_export_is_for_staff_only(request, client_for, role):
    client = client_for(request.getfixturevalue(role))

    assert client.get(reverse("funding:open_data_csv")).status_code == 403


def prefixed(fields: dict) -> dict:
    """The redistribution form's fields with the token its page drew, under its prefix."""
    return {**fields, "part-submission": with_token({})["submission"]}


def test_staff_record_a_redistribution_which_the_open_data_publishes(client_for, staff):
    grant = GrantFactory(funder=FunderFactory(siret="23350001600040"))
    client = client_for(staff)
    url = reverse("funding:add_redistribution", args=[grant.pk])
    fields = {
        "part-beneficiary_name": "Association fictive des Jardins",
        "part-purpose": "Fonds d’amorçage",
        "part-amount": "1 500",
        "part-agreement_on": "2026-04-02",
    }

    refused = client.post(url, prefixed({**fields, "part-siret": "22350001800014"}))
    missing = client.post(url, prefixed(fields))
    sent = prefixed({**fields, "part-rna_id": "W353001234"})
    client.post(url, sent)
    client.post(url, sent)

    assert "sa clé de contrôle est fausse" in refused.content.decode()
    assert "Indiquez le SIRET ou le numéro RNA du bénéficiaire." in missing.content.decode()
    [part] = grant.redistributions.all()
    assert part.rna_id == "W353001234"
    rows = read(build(HUB).csv())
    assert rows[1]["nomBeneficiaire"] == "Association fictive des Jardins"


@pytest.fixture
def hub_with_siret(monkeypatch):
    monkeypatch.setattr("maillage.reports.funding.views.open_data._hub", lambda: HUB)


def test_before_any_publication_the_public_page_says_so_and_offers_no_file(client):
    page = client.get(reverse("funding:published_grants"))

    assert page.status_code == 200
    assert "Aucun fichier n’est encore publié." in page.content.decode()
    assert client.get(reverse("funding:published_grants_csv")).status_code == 404


def test_staff_publish_the_file_once_and_the_public_reads_it_as_published(
    client, client_for, staff, hub_with_siret
):
    GrantFactory(
        funder=FunderFactory(name="Région Bretagne", siret="23350001600040"),
        purpose="Animation du Mois de l’ESS",
        amount=Decimal("12500"),
    )
    staff_client = client_for(staff)
    form = with_token({})
    first = staff_client.post(reverse("funding:publish_open_data"), form)
    staff_client.post(reverse("funding:publish_open_data"), form)  # the same form sent twice
    GrantFactory(funder=FunderFactory(siret="23350001600040"), purpose="Subvention plus tardive")

    page = client.get(reverse("funding:published_grants")).content.decode().replace("\u202f", " ")
    download = client.get(reverse("funding:published_grants_csv"))

    assert first.url == reverse("funding:published_grants")
    assert GrantsPublication.objects.count() == 1
    assert "Animation du Mois de l’ESS" in page
    assert "12 500,00 €" in page.replace("\u00a0", " ")
    assert "1er février 2026" in page  # the agreement's date
    assert "Subvention plus tardive" not in page  # not published yet
    assert download["Content-Disposition"] == 'attachment; filename="subventions.csv"'
    [row] = read(download.content.decode())
    assert row["objet"] == "Animation du Mois de l’ESS"
    assert row["montant"] == "12500.00"


def test_a_new_publication_replaces_the_public_file(client, client_for, staff, hub_with_siret):
    GrantFactory(funder=FunderFactory(siret="23350001600040"), purpose="Première")
    staff_client = client_for(staff)
    staff_client.post(reverse("funding:publish_open_data"), with_token({}))
    GrantFactory(funder=FunderFactory(siret="23350001600040"), purpose="Seconde")
    staff_client.post(reverse("funding:publish_open_data"), with_token({}))

    rows = read(client.get(reverse("funding:published_grants_csv")).content.decode())

    assert [row["objet"] for row in rows] == ["Première", "Seconde"]


@pytest.mark.parametrize("role", ["member", "partner"])
def test_only_staff_publish_the_file(request, client_for, role):
    client = client_for(request.getfixturevalue(role))

    assert client.post(reverse("funding:publish_open_data"), with_token({})).status_code == 403
    assert not GrantsPublication.objects.exists()


def test_the_site_links_to_the_public_page_of_grants(client):
    home = client.get(reverse("web:home")).content.decode()

    assert f'href="{reverse("funding:published_grants")}"' in home
