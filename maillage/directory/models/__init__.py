from maillage.directory.models.exports import DirectoryExport, PublishedExportState
from maillage.directory.models.geocoding import Geocoding
from maillage.directory.models.imports import ImportRejection, ImportRun
from maillage.directory.models.locations import LocationCheck
from maillage.directory.models.map_clusters import MapCellCount, MapDirtyTile
from maillage.directory.models.organisations import Establishment, LegalUnit, Theme
from maillage.directory.models.search_log import SearchLog
from maillage.directory.models.search_words import SearchNameWords, SearchWords
from maillage.directory.models.stewardship import (
    ChangeRecord,
    Claim,
    DuplicateCandidate,
    EditProposal,
)

__all__ = [
    "ChangeRecord",
    "Claim",
    "DirectoryExport",
    "DuplicateCandidate",
    "EditProposal",
    "Establishment",
    "Geocoding",
    "ImportRejection",
    "ImportRun",
    "LegalUnit",
    "LocationCheck",
    "MapCellCount",
    "MapDirtyTile",
    "PublishedExportState",
    "SearchLog",
    "SearchNameWords",
    "SearchWords",
    "Theme",
]
