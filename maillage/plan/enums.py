from django.db import models


class TextKind(models.TextChoices):
    """The plan's free texts, each shown once on the public pages."""

    VALUES_INTRO = "values_intro", "Introduction des valeurs"
    VISION = "vision", "Vision"
    PURPOSE = "purpose", "But"


class Scope(models.TextChoices):
    """How far a strategic objective reaches; the document's own wording sits beside it."""

    TERRITORY = "territory", "Territoire du pôle uniquement"
    TERRITORY_AND_REGIONS = "territory_and_regions", "Territoire du pôle et régions limitrophes"


class PublicCategory(models.TextChoices):
    """Families of target publics, the unit in which activity audiences will be counted."""

    ELUS = "elus", "Élus"
    SCOLAIRES = "scolaires", "Scolaires, étudiants et stagiaires"
    ENTREPRISES_HORS_ESS = "entreprises_hors_ess", "Entreprises hors ESS"
    ASSOCIATIONS_HORS_ESS = "associations_hors_ess", "Associations hors ESS"
    HABITANTS = "habitants", "Habitants"
    PORTEURS_PROJETS = "porteurs_projets", "Porteurs de projets individuels"
    COLLECTIFS = "collectifs", "Collectifs porteurs de projets"
    ENTREPRISES_ESS = "entreprises_ess", "Entreprises de l’ESS"
    ASSOCIATIONS = "associations", "Associations"
    ACTEURS_ACCOMPAGNEMENT = "acteurs_accompagnement", "Acteurs de l’accompagnement"
    TECHNICIENS = "techniciens", "Techniciens des collectivités"
    ACTEURS_TERRITOIRE = "acteurs_territoire", "Acteurs du territoire"
    RESEAUX_REGIONAUX = "reseaux_regionaux", "Réseaux régionaux de l’ESS"
