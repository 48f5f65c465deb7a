"""A small territory and writers of SIRENE and RNA files with their official headers."""

import csv
from pathlib import Path

import duckdb
import pytest

from maillage.territory.enums import OldCodeKind
from maillage.territory.models import Commune, Departement, OldCommuneCode, Region, Territory
from tests.directory.headers import ESTABLISHMENT_COLUMNS, RNA_COLUMNS, UNIT_COLUMNS

REDON, BAINS, OUTSIDE = "35236", "35013", "56001"
OLD_BAINS = "35900"  # an old code merged into Bains


@pytest.fixture
def territory(db):
    region = Region.objects.create(code="53", name="Bretagne")
    ille = Departement.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    morbihan = Departement.objects.create(code="56", name="Morbihan", region=region)
    redon = Commune.objects.create(code=REDON, name="Redon", departement=ille)
    bains = Commune.objects.create(code=BAINS, name="Bains-sur-Oust", departement=ille)
    Commune.objects.create(code=OUTSIDE, name="Ailleurs", departement=morbihan)
    OldCommuneCode.objects.create(
        code=OLD_BAINS, name="Vieux-Bains", kind=OldCodeKind.FORMER, commune=bains
    )
    territory = Territory.objects.create(
        name="Pays de test", slug="pays-de-test", source="test", vintage="test", is_default=True
    )
    territory.communes.set([redon, bains])
    return territory


def establishment(siret, commune=REDON, **values):
    row = {
        "siren": siret[:9],
        "nic": siret[9:],
        "siret": siret,
        "statutDiffusionEtablissement": "O",
        "dateCreationEtablissement": "2010-03-01",
        "trancheEffectifsEtablissement": "11",
        "etablissementSiege": "true",
        "numeroVoieEtablissement": "3",
        "typeVoieEtablissement": "RUE",
        "libelleVoieEtablissement": "DES DOUVES",
        "codePostalEtablissement": "35600",
        "libelleCommuneEtablissement": "REDON",
        "codeCommuneEtablissement": commune,
        "etatAdministratifEtablissement": "A",
        "activitePrincipaleEtablissement": "88.99B",
        "nomenclatureActivitePrincipaleEtablissement": "NAFRev2",
        "longitude": "-2.0852",
        "latitude": "47.6517",
    }
    return row | values


def unit(siren, category="9220", **values):
    row = {
        "siren": siren,
        "statutDiffusionUniteLegale": "O",
        "dateCreationUniteLegale": "2009-01-15",
        "denominationUniteLegale": f"ASSOCIATION {siren}",
        "categorieJuridiqueUniteLegale": category,
        "activitePrincipaleUniteLegale": "88.99B",
        "nomenclatureActivitePrincipaleUniteLegale": "NAFRev2",
        "etatAdministratifUniteLegale": "A",
        "economieSocialeSolidaireUniteLegale": "O",
        "caractereEmployeurUniteLegale": "O",
        "trancheEffectifsUniteLegale": "11",
    }
    return row | values


def write_csv(path: Path, columns, rows, delimiter=",", encoding="utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, columns, delimiter=delimiter, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def to_parquet(csv_path: Path, delimiter=",") -> Path:
    target = csv_path.with_suffix(".parquet")
    duckdb.sql(
        f"COPY (SELECT * FROM read_csv('{csv_path}', all_varchar = true, header = true, "
        f"delim = '{delimiter}')) TO '{target}' (FORMAT parquet)"
    )
    return target


@pytest.fixture
def sirene_files(tmp_path):
    """write(establishment_rows, unit_rows) -> (establishments path, units path), as CSV."""

    def write(sites, units, name="stock"):
        return (
            write_csv(tmp_path / f"{name}_etablissements.csv", ESTABLISHMENT_COLUMNS, sites),
            write_csv(tmp_path / f"{name}_unites.csv", UNIT_COLUMNS, units),
        )

    return write


def rna_row(rna_id, commune=REDON, **values):
    row = {
        "id": rna_id,
        "siret": "",
        "gestion": "353S",
        "date_creat": "1998-05-04",
        "date_decla": "2019-02-01",
        "date_publi": "1998-06-01",
        "date_disso": "0001-01-01",
        "nature": "D",
        "groupement": "S",
        "titre": "LES AMIS DU CANAL",
        "titre_court": "AMIS DU CANAL",
        "objet": "faire vivre le canal de Nantes à Brest",
        "adrs_numvoie": "5",
        "adrs_typevoie": "RUE",
        "adrs_libvoie": "du Port",
        "adrs_codeinsee": commune,
        "adrs_codepostal": "35600",
        "adrs_libcommune": "Redon",
        "siteweb": "www.amisducanal.example",
        "position": "A",
    }
    return row | values


@pytest.fixture
def rna_file(tmp_path):
    def write(rows, encoding="utf-8", name="waldec.csv"):
        return write_csv(tmp_path / name, RNA_COLUMNS, rows, delimiter=";", encoding=encoding)

    return write
