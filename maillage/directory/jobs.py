"""The directory's periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.directory.geocoding.tasks import geocode_addresses
from maillage.directory.tasks import (
    purge_directory_records,
    rebuild_published_exports,
    refresh_map_counts,
    remind_stale_entries,
)

JOBS = [
    PeriodicJob(
        "geocode_addresses",
        "Géocoder les adresses restées sans coordonnées (par exemple pendant une panne de l’API).",
        geocode_addresses,
        Every.DAY,
        hour=5,
    ),
    PeriodicJob(
        "remind_stale_entries",
        "Rappeler aux représentants les fiches non confirmées depuis longtemps.",
        remind_stale_entries,
        Every.DAY,
        hour=9,
    ),
    PeriodicJob(
        "rebuild_published_exports",
        "Réécrire les fichiers publics de l’annuaire (CSV, ODS, GeoJSON, data·inclusion), même "
        "si aucune modification ne l’a demandé (un changement de commune, un premier passage).",
        rebuild_published_exports,
        Every.DAY,
        hour=3,
    ),
    PeriodicJob(
        "purge_directory_records",
        "Supprimer les comptes rendus d’import (lignes rejetées, fichiers) et le journal des "
        "recherches passé leur durée de conservation.",
        purge_directory_records,
        Every.DAY,
    ),
    PeriodicJob(
        "refresh_map_counts",
        "Recompter les groupes de la carte des fiches changées sans recomptage (chaque "
        "modification le demande déjà ; filet pour une commune renommée).",
        refresh_map_counts,
        Every.HOUR,
    ),
]
