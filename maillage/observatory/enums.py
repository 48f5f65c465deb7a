from django.db import models


class SourceKind(models.TextChoices):
    DIRECTORY = "directory", "Données de l’annuaire"
    SIRENE = "sirene", "Fichier stock SIRENE"


class Dimension(models.TextChoices):
    """What one row of a snapshot's figures is about."""

    AREA = "area", "Zone"
    FAMILY = "family", "Famille de l’ESS"
    SECTION = "section", "Section NAF"
    DIVISION = "division", "Division NAF"
    COMMUNE = "commune", "Commune"
    EPCI = "epci", "EPCI"
    SIZE = "size", "Tranche d’effectif"


class AreaLevel(models.TextChoices):
    TERRITORY = "territory", "Territoire"
    DEPARTEMENT = "departement", "Département"
    REGION = "region", "Région"
    FRANCE = "france", "France"


class Denominator(models.TextChoices):
    """Where the all-sector salaried jobs that give the ESS share come from."""

    SAME_FILE = "same_file", "Tous les établissements du même fichier"
    REFERENCE = "reference", "Chiffre de référence saisi par l’équipe"
    NONE = "none", "Aucun (part non calculée)"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "En attente"
    RUNNING = "running", "En cours"
    SUCCEEDED = "succeeded", "Terminé"
    FAILED = "failed", "Échec"


class Indicator(models.TextChoices):
    """Published indicators, as named in a hub's published.yaml."""

    EMPLOYER_ESTABLISHMENTS = "etablissements_employeurs_ess", "Établissements employeurs de l’ESS"
    ESS_JOBS = "salaries_ess", "Salariés de l’ESS"
    ESS_JOB_SHARE = "part_emploi_salarie_ess", "Part de l’ESS dans l’emploi salarié"
    PAYROLL = "masse_salariale_ess", "Masse salariale de l’ESS"
    COOPERATIVE_SHARE = "part_cooperatives_dans_ess", "Part des coopératives dans l’ESS"
    ALL_JOBS = "emplois_salaries_total", "Emplois salariés, tous secteurs"
