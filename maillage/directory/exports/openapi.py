"""The OpenAPI 3.1 description of the open data, built from the directory's filter form.

Each field of `filters.DirectoryFilterForm` (`PARAMETERS`) must have its documentation here
(`filter_docs`): the description is assembled from that list, so a filter added without
documentation fails loudly, and the values it lists are the ones the form's fields accept.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from maillage.core.filter_forms import VALUES_MAX as MAX_VALUES
from maillage.directory.enums import DirectoryOrder, EssFamily, SizeGroup
from maillage.directory.exports.map_points import MAX_FEATURES, MAX_ZOOM
from maillage.directory.filters import MAX_PAGE, MAX_QUERY_LENGTH, PARAMETERS, DirectoryFilterForm

PAGE_SIZE = 50


def _choices(choices: Any) -> str:
    return " ; ".join(f"`{value}` : {label}" for value, label in choices)


def _accepted(name: str) -> list[str]:
    """The values the filter form accepts for `name`: the description cannot drift from it."""
    field = DirectoryFilterForm.base_fields[name]
    return [str(value) for value, _ in getattr(field, "choices", ()) if value != ""]


def _repeatable(name: str, description: str, example: str) -> dict[str, Any]:
    return {
        "description": f"{description} Répétable (au plus {MAX_VALUES} valeurs).",
        "schema": {"type": "array", "items": {"type": "string", "enum": _accepted(name)}},
        "style": "form",
        "explode": True,
        "example": [example],
    }


def filter_docs() -> dict[str, dict[str, Any]]:
    """Documentation of each filter parameter, keyed by its name."""
    return {
        "q": {
            "description": (
                "Recherche plein texte, sans tenir compte des accents ni de la casse, dans le "
                "nom, l’enseigne, la présentation, les thèmes et la commune. Chaque mot doit "
                f"figurer. Au plus {MAX_QUERY_LENGTH} caractères."
            ),
            "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
            "example": "economie circulaire",
        },
        "famille": _repeatable(
            "famille",
            f"Famille de l’ESS : {_choices(EssFamily.choices)}.",
            EssFamily.ASSOCIATION,
        ),
        "section": _repeatable(
            "section",
            "Section d’activité NAF rév. 2 (lettre A à U).",
            "Q",
        ),
        "division": _repeatable(
            "division",
            "Division d’activité NAF rév. 2 (deux chiffres, de 01 à 99).",
            "88",
        ),
        "commune": {
            "description": (
                "Code INSEE de la commune (les anciens codes des communes fusionnées sont "
                f"acceptés). Répétable (au plus {MAX_VALUES} valeurs)."
            ),
            "schema": {
                "type": "array",
                "items": {"type": "string", "pattern": "^(?:\\d{2}|2[AB])\\d{3}$"},
            },
            "style": "form",
            "explode": True,
            "example": ["35236"],
        },
        "epci": {
            "description": "SIREN (9 chiffres) de l’intercommunalité (EPCI).",
            "schema": {"type": "string", "pattern": "^\\d{9}$"},
            "example": "243500741",
        },
        "taille": _repeatable(
            "taille",
            f"Taille (effectif salarié) : {_choices(SizeGroup.choices)}.",
            SizeGroup.SMALL,
        ),
        "tranche": _repeatable(
            "tranche",
            "Tranche d’effectif salarié SIRENE de l’établissement (code INSEE, `NN` à `53`).",
            "11",
        ),
        "employeurs": {
            "description": (
                "`1` : seulement les établissements employeurs (effectif connu d’au moins une "
                "personne, sinon tranche d’effectif SIRENE autre que `NN`)."
            ),
            "schema": {"type": "string", "enum": _accepted("employeurs")},
            "example": "1",
        },
        "adherents": {
            "description": "`1` : seulement les structures adhérentes du pôle.",
            "schema": {"type": "string", "enum": _accepted("adherents")},
            "example": "1",
        },
        "tri": {
            "description": f"Ordre des résultats : {_choices(DirectoryOrder.choices)}.",
            "schema": {
                "type": "string",
                "enum": _accepted("tri"),
                "default": DirectoryOrder.NAME,
            },
            "example": DirectoryOrder.COMMUNE,
        },
        "page": {
            "description": f"Numéro de page ({PAGE_SIZE} résultats par page), à partir de 1.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            "example": 2,
        },
    }


def filter_parameters(exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    docs = filter_docs()
    return [
        {"name": name, "in": "query", "required": False, **docs[name]}
        for name in PARAMETERS
        if name not in exclude
    ]


MAP_PARAMETERS: list[dict[str, Any]] = [
    {
        "name": "bbox",
        "in": "query",
        "required": True,
        "description": (
            "Zone affichée : ouest,sud,est,nord en degrés WGS 84 (longitudes entre -180 et "
            "180, latitudes entre -90 et 90, ouest < est, sud < nord)."
        ),
        "schema": {"type": "string"},
        "example": "-2.3,47.5,-1.8,47.9",
    },
    {
        "name": "zoom",
        "in": "query",
        "required": True,
        "description": f"Niveau de zoom de la carte, entier de 0 à {MAX_ZOOM}.",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_ZOOM},
        "example": 11,
    },
]

_ERROR = {
    "description": "Paramètre invalide : le message dit lequel et pourquoi.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Erreur"}}},
}


PRESENTATION = "Présentation, en texte simple : une ligne vide entre deux paragraphes."


def _file(media_type: str, description: str) -> dict[str, Any]:
    return {
        "200": {"description": description, "content": {media_type: {}}},
        "400": _ERROR,
    }


def _organisation_schema() -> dict[str, Any]:
    text = {"type": "string"}
    number = {"type": ["number", "null"]}
    properties: dict[str, Any] = {
        "id": {"type": "integer"},
        "nom": {**text, "description": "Enseigne, sinon dénomination usuelle ou légale."},
        "raison_sociale": text,
        "sigle": text,
        "siret": text,
        "siren": text,
        "rna": {**text, "description": "Numéro au répertoire national des associations."},
        "famille": {"type": "string", "enum": EssFamily.values},
        "famille_libelle": text,
        "categorie_juridique": text,
        "categorie_juridique_libelle": text,
        "code_naf": text,
        "activite": text,
        "section_naf": text,
        "tranche_effectif": text,
        "tranche_effectif_libelle": text,
        "adresse": text,
        "complement_adresse": text,
        "code_postal": text,
        "commune": text,
        "code_commune": text,
        "longitude": number,
        "latitude": number,
        "siege": {"type": "boolean"},
        "date_creation": {"type": ["string", "null"], "format": "date"},
        "presentation": {
            **text,
            "description": "Présentation, en texte simple (une ligne vide entre deux paragraphes).",
        },
        "site_web": text,
        "courriel": {**text, "description": "Vide si la structure ne publie pas ses contacts."},
        "telephone": {**text, "description": "Vide si la structure ne publie pas ses contacts."},
        "horaires": text,
        "themes": {"type": "array", "items": text},
        "adherent": {"type": "boolean", "description": "Adhérente du pôle."},
        "url": {**text, "description": "Chemin de la fiche dans l’annuaire."},
        "date_maj": {"type": "string", "format": "date"},
    }
    return {"type": "object", "properties": properties, "required": list(properties)}


def describe(hub_name: str, base_url: str) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    # One organisation's path is the list's followed by its id (directory/urls_api.py).
    organisations = reverse("directory:api_organisations")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"Annuaire de l’ESS – {hub_name}",
            "version": "1.0.0",
            "description": (
                "Données ouvertes de l’annuaire des structures de l’économie sociale et "
                "solidaire du territoire : seules les structures publiées et leurs champs "
                "publics sont diffusés ; les coordonnées de contact seulement si la structure "
                "a choisi de les publier."
            ),
            "license": {
                "name": "Licence Ouverte 2.0",
                "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            },
        },
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": {
            organisations: {
                "get": {
                    "operationId": "listerOrganisations",
                    "summary": "Liste des structures, filtrée et paginée",
                    "parameters": filter_parameters(),
                    "responses": {
                        "200": {
                            "description": "Une page de résultats.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"}
                                }
                            },
                        },
                        "400": _ERROR,
                    },
                }
            },
            organisations + "{id}/": {
                "get": {
                    "operationId": "lireOrganisation",
                    "summary": "Une structure",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "La structure.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Organisation"}
                                }
                            },
                        },
                        "404": {
                            "description": "Aucune structure publiée n’a cet identifiant.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Erreur"}
                                }
                            },
                        },
                    },
                }
            },
            reverse("directory:map_points"): {
                "get": {
                    "operationId": "pointsDeLaCarte",
                    "summary": "Points et regroupements d’une zone de la carte",
                    "description": (
                        f"Au plus {MAX_FEATURES} entités GeoJSON (RFC 7946) : "
                        "une structure seule "
                        "(`count` = 1, avec `id`, `nom`, `famille`, `url`) ou un regroupement "
                        "(`count` > 1) au barycentre de ses structures, avec `familles`, "
                        "le nombre de ses structures par famille de l’ESS (la plus nombreuse "
                        "d’abord ; `autre` : sans famille)."
                    ),
                    "parameters": MAP_PARAMETERS + filter_parameters(exclude=("tri", "page")),
                    "responses": _file("application/geo+json", "Une FeatureCollection."),
                }
            },
            reverse("directory:export_geojson"): {
                "get": {
                    "operationId": "exportGeoJSON",
                    "summary": "Toutes les structures géolocalisées, en GeoJSON (RFC 7946)",
                    "parameters": filter_parameters(exclude=("tri", "page")),
                    "responses": _file("application/geo+json", "Une FeatureCollection."),
                }
            },
            reverse("directory:export_csv"): {
                "get": {
                    "operationId": "exportCSV",
                    "summary": "Toutes les structures, en CSV pour tableur",
                    "description": (
                        "UTF-8 avec BOM, séparateur point-virgule, en-têtes en français. Une "
                        "cellule de texte qui commence par = + - @, une tabulation ou un retour "
                        "chariot est précédée d’une apostrophe (protection contre l’injection "
                        "de formules)."
                    ),
                    "parameters": filter_parameters(exclude=("tri", "page")),
                    "responses": _file("text/csv", "Le fichier CSV."),
                }
            },
            reverse("directory:export_ods"): {
                "get": {
                    "operationId": "exportODS",
                    "summary": "Toutes les structures, en classeur OpenDocument (ODS)",
                    "description": "Les colonnes du CSV, coordonnées et dates en cellules typées.",
                    "parameters": filter_parameters(exclude=("tri", "page")),
                    "responses": _file(
                        "application/vnd.oasis.opendocument.spreadsheet", "Le classeur ODS."
                    ),
                }
            },
            reverse("directory:export_data_inclusion"): {
                "get": {
                    "operationId": "exportDataInclusion",
                    "summary": "Toutes les structures au schéma « structure » de data·inclusion",
                    "parameters": filter_parameters(exclude=("tri", "page")),
                    "responses": _file("application/json", "Un tableau de structures."),
                }
            },
        },
        "components": {
            "schemas": {
                "Organisation": _organisation_schema(),
                "Page": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer"},
                        "next": {"type": ["string", "null"], "format": "uri"},
                        "previous": {"type": ["string", "null"], "format": "uri"},
                        "results": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Organisation"},
                        },
                    },
                    "required": ["count", "next", "previous", "results"],
                },
                "Erreur": {
                    "type": "object",
                    "properties": {
                        "erreur": {"type": "string"},
                        "messages": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["erreur", "messages"],
                },
            }
        },
    }
