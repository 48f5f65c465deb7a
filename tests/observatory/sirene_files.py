"""Header lines of the official SIRENE stock files, copied from the etalab samples
(/work/shared/data/formats/etalab_sample_*_OK.csv, etalab/sirene_as_api, MIT), and writers of
small stocks in CSV or Parquet."""

import csv
from pathlib import Path

import duckdb

ESTABLISHMENT_HEADER = (
    "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsE"
    "tablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,"
    "dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,comple"
    "mentAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,typeVoieE"
    "tablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissemen"
    "t,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtabl"
    "issement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,"
    "libellePaysEtrangerEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissemen"
    "t,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePo"
    "stal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,dis"
    "tributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libell"
    "eCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,da"
    "teDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,ens"
    "eigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nom"
    "enclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,longitude,latit"
    "ude,geo_score,geo_type,geo_adresse,geo_id,geo_ligne,geo_l4,geo_l5"
)
UNIT_HEADER = (
    "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUni"
    "teLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom"
    "4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,identifiantAssociationUniteLeg"
    "ale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,dateDernierTraitementUniteLega"
    "le,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,etat"
    "AdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,deno"
    "minationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLeg"
    "ale,categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrin"
    "cipaleUniteLegale,nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,caractereEmplo"
    "yeurUniteLegale"
)
ESTABLISHMENT_COLUMNS = ESTABLISHMENT_HEADER.split(",")
UNIT_COLUMNS = UNIT_HEADER.split(",")


def site(siret, commune, bracket="11", naf="88.99B", state="A", **values):
    row = {
        "siren": siret[:9],
        "nic": siret[9:],
        "siret": siret,
        "statutDiffusionEtablissement": "O",
        "dateCreationEtablissement": "2010-03-01",
        "trancheEffectifsEtablissement": bracket,
        "etablissementSiege": "true",
        "codePostalEtablissement": "35600",
        "libelleCommuneEtablissement": "REDON",
        "codeCommuneEtablissement": commune,
        "etatAdministratifEtablissement": state,
        "activitePrincipaleEtablissement": naf,
        "nomenclatureActivitePrincipaleEtablissement": "NAFRev2",
    }
    return row | values


def legal_unit(siren, category="9220", flag="O", naf="88.99B", state="A", **values):
    row = {
        "siren": siren,
        "statutDiffusionUniteLegale": "O",
        "dateCreationUniteLegale": "2009-01-15",
        "denominationUniteLegale": f"ORGANISATION {siren}",
        "categorieJuridiqueUniteLegale": category,
        "activitePrincipaleUniteLegale": naf,
        "nomenclatureActivitePrincipaleUniteLegale": "NAFRev2",
        "etatAdministratifUniteLegale": state,
        "economieSocialeSolidaireUniteLegale": flag,
        "caractereEmployeurUniteLegale": "O",
        "trancheEffectifsUniteLegale": "11",
    }
    return row | values


def write_csv(path: Path, columns, rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_stock(directory: Path, sites, units, parquet=False) -> tuple[Path, Path]:
    etab = write_csv(directory / "StockEtablissement.csv", ESTABLISHMENT_COLUMNS, sites)
    unit = write_csv(directory / "StockUniteLegale.csv", UNIT_COLUMNS, units)
    if parquet:
        return to_parquet(etab), to_parquet(unit)
    return etab, unit


def to_parquet(path: Path) -> Path:
    target = path.with_suffix(".parquet")
    duckdb.sql(
        f"COPY (SELECT * FROM read_csv('{path}', all_varchar = true, header = true)) "
        f"TO '{target}' (FORMAT parquet)"
    )
    return target
