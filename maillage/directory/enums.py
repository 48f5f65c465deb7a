from django.db import models


class EssFamily(models.TextChoices):
    """The families of INSEE's ESS field; an organisation outside it has no family (blank)."""

    ASSOCIATION = "association", "Association"
    COOPERATIVE = "cooperative", "Coopérative"
    MUTUELLE = "mutuelle", "Mutuelle"
    FONDATION = "fondation", "Fondation"
    COMMERCIAL = "commercial", "Société commerciale de l’ESS"


class FamilyDecision(models.TextChoices):
    """The family staff give a legal unit, against or beyond the rule; or outside the ESS."""

    ASSOCIATION = EssFamily.ASSOCIATION.value, EssFamily.ASSOCIATION.label
    COOPERATIVE = EssFamily.COOPERATIVE.value, EssFamily.COOPERATIVE.label
    MUTUELLE = EssFamily.MUTUELLE.value, EssFamily.MUTUELLE.label
    FONDATION = EssFamily.FONDATION.value, EssFamily.FONDATION.label
    COMMERCIAL = EssFamily.COMMERCIAL.value, EssFamily.COMMERCIAL.label
    OUTSIDE = "outside", "Hors du champ de l’ESS"


class EssFlag(models.TextChoices):
    """SIRENE's `economieSocialeSolidaireUniteLegale`, as published."""

    YES = "O", "Oui"
    NO = "N", "Non"
    UNKNOWN = "", "Non renseigné"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Visible dans l’annuaire"
    HIDDEN = "hidden", "Masquée"


class Source(models.TextChoices):
    """Where the value of a field comes from; see `provenance.py` for who may overwrite whom."""

    SIRENE = "sirene", "SIRENE (INSEE)"
    RNA = "rna", "Répertoire national des associations"
    GOGOCARTO = "gogocarto", "Export GoGoCarto"
    SPREADSHEET = "spreadsheet", "Tableur du pôle"
    GEOCODER = "geocoder", "Géocodage (Base Adresse Nationale)"
    ORGANISATION = "organisation", "L’organisation elle-même"
    STAFF = "staff", "L’équipe du pôle"


class ImportKind(models.TextChoices):
    SIRENE_UNITS = "sirene_units", "SIRENE – unités légales"
    SIRENE_ESTABLISHMENTS = "sirene_establishments", "SIRENE – établissements"
    RNA = "rna", "RNA – fichier waldec"
    GOGOCARTO = "gogocarto", "Export GoGoCarto"
    SPREADSHEET = "spreadsheet", "Modèle de tableur du pôle"


class ImportStatus(models.TextChoices):
    RUNNING = "running", "En cours"
    SUCCEEDED = "succeeded", "Terminé"
    REFUSED = "refused", "Fichier refusé"
    FAILED = "failed", "Interrompu"


class ClaimStatus(models.TextChoices):
    PENDING = "pending", "En attente"
    APPROVED = "approved", "Acceptée"
    REJECTED = "rejected", "Refusée"


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "En attente de validation"
    ACCEPTED = "accepted", "Acceptée"
    REJECTED = "rejected", "Refusée"


class DuplicateStatus(models.TextChoices):
    PROPOSED = "proposed", "À examiner"
    MERGED = "merged", "Fusionnées"
    DISMISSED = "dismissed", "Distinctes"


class SizeGroup(models.TextChoices):
    """Size groups the public directory filters on, each a set of SIRENE employee brackets."""

    NONE = "0", "Sans salarié"
    VERY_SMALL = "1-9", "1 à 9 salariés"
    SMALL = "10-49", "10 à 49 salariés"
    LARGE = "50+", "50 salariés et plus"


class DirectoryOrder(models.TextChoices):
    """The orders a visitor may ask the directory for (an allowlist: nothing else is sorted on)."""

    NAME = "nom", "Nom (A → Z)"
    NAME_DESC = "-nom", "Nom (Z → A)"
    COMMUNE = "commune", "Commune"
    SIZE = "taille", "Effectif (les plus grandes d’abord)"
    RECENT = "recent", "Création (les plus récentes d’abord)"


class RowOutcome(models.TextChoices):
    """Why a line read did not land as such, in the import report."""

    REJECTED = "rejected", "rejetée"
    OUTSIDE = "outside", "hors du territoire"


class LocationCheckKind(models.TextChoices):
    COMMUNE = "commune", "Commune à confirmer"
    ADDRESS = "address", "Adresse géocodée à confirmer"


class LocationCheckStatus(models.TextChoices):
    PENDING = "pending", "À confirmer"
    ACCEPTED = "accepted", "Confirmée"
    REFUSED = "refused", "Refusée"


class GeocodingStatus(models.TextChoices):
    PENDING = "pending", "En attente de géocodage"
    PLACED = "placed", "Placée par géocodage"
    TO_CONFIRM = "to_confirm", "Score faible, à confirmer par l’équipe"
    NOT_FOUND = "not_found", "Adresse introuvable"


class ExportFormat(models.TextChoices):
    """The directory's open-data files, as staff ask for them; the value is the file's suffix."""

    CSV = "csv", "CSV pour tableur"
    GEOJSON = "geojson", "GeoJSON (carte)"
    DATA_INCLUSION = "data-inclusion.json", "data·inclusion (JSON)"
    ODS = "ods", "OpenDocument (tableur)"

    @property
    def content_type(self) -> str:
        return {
            ExportFormat.CSV: "text/csv; charset=utf-8",
            ExportFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
            ExportFormat.GEOJSON: "application/geo+json",
            ExportFormat.DATA_INCLUSION: "application/json",
        }[self]


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "En attente"
    RUNNING = "running", "En préparation"
    DONE = "done", "Prêt"
    FAILED = "failed", "Échec"
